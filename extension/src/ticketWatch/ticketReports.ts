/**
 * Decides what a content script tells the background after each read of the page: only real
 * changes (another ticket, the same ticket with new content, no ticket any more) become messages,
 * so a busy page that re-renders constantly does not flood the background.
 */
import type { TicketReadResult } from '@tandem/shared/ticket-reading';
import type { ContentScriptMessage } from '../messages/messages';
import { MESSAGE_LIMITS } from '../messages/pageMessages';

/** What the background last heard from this page. */
export type ReportedTicket =
  { kind: 'ticket'; ticketId: string; fingerprint: string } | { kind: 'none' } | { kind: 'unreadable'; detail: string };

const DETAIL_MAX = MESSAGE_LIMITS.unreadableDetail;

export interface TicketReportStep {
  /** The message to send, if anything changed. */
  message?: ContentScriptMessage;
  reported: ReportedTicket;
}

/** `previous` is undefined before the first report, so a freshly loaded page always reports once. */
export function nextTicketReport(previous: ReportedTicket | undefined, read: TicketReadResult): TicketReportStep {
  if (read.kind === 'no-ticket' && read.reason === 'unreadable-layout') {
    const detail = read.detail.slice(0, DETAIL_MAX);
    const reported: ReportedTicket = { kind: 'unreadable', detail };
    return previous?.kind === 'unreadable' && previous.detail === detail
      ? { reported }
      : { message: { type: 'ticket.unreadable', detail }, reported };
  }
  if (read.kind === 'no-ticket') {
    const reported: ReportedTicket = { kind: 'none' };
    return previous?.kind === 'none' ? { reported } : { message: { type: 'ticket.closed' }, reported };
  }
  const { ticket } = read;
  const reported: ReportedTicket = { kind: 'ticket', ticketId: ticket.ticketId, fingerprint: JSON.stringify(ticket) };
  if (previous?.kind !== 'ticket' || previous.ticketId !== ticket.ticketId) return { message: { type: 'ticket.opened', ticket }, reported };
  if (previous.fingerprint !== reported.fingerprint) return { message: { type: 'ticket.updated', ticket }, reported };
  return { reported };
}
