/**
 * Only real changes in the page's ticket become messages to the background.
 */
import type { TicketContext, TicketReadResult } from '@tandem/shared';
import { describe, expect, it } from 'vitest';
import { nextTicketReport } from './ticketReports';

function ticket(ticketId: string, status: TicketContext['status'] = 'open'): TicketContext {
  return { site: 'fixture', ticketId, subject: 'Refund', requester: {}, messages: [], tags: [], status };
}

const read = (value: TicketContext): TicketReadResult => ({ kind: 'ticket', ticket: value });
const noTicket: TicketReadResult = { kind: 'no-ticket', reason: 'not-a-ticket-page', detail: 'none' };

describe('nextTicketReport', () => {
  it('reports the first read of a page, ticket or not', () => {
    expect(nextTicketReport(undefined, read(ticket('T-1'))).message).toEqual({ type: 'ticket.opened', ticket: ticket('T-1') });
    expect(nextTicketReport(undefined, noTicket).message).toEqual({ type: 'ticket.closed' });
  });

  it('stays quiet while nothing changes', () => {
    const first = nextTicketReport(undefined, read(ticket('T-1')));
    expect(nextTicketReport(first.reported, read(ticket('T-1'))).message).toBeUndefined();
    expect(nextTicketReport({ kind: 'none' }, noTicket).message).toBeUndefined();
  });

  it('opens another ticket, updates a changed one, and closes a vanished one', () => {
    const first = nextTicketReport(undefined, read(ticket('T-1')));
    expect(nextTicketReport(first.reported, read(ticket('T-2'))).message?.type).toBe('ticket.opened');
    expect(nextTicketReport(first.reported, read(ticket('T-1', 'solved'))).message?.type).toBe('ticket.updated');
    expect(nextTicketReport(first.reported, noTicket).message).toEqual({ type: 'ticket.closed' });
  });

  it('says when a page of a known site did not read, once per distinct reason', () => {
    const unreadable: TicketReadResult = { kind: 'no-ticket', reason: 'unreadable-layout', detail: 'No h2.hP subject' };
    const first = nextTicketReport(undefined, unreadable);
    expect(first.message).toEqual({ type: 'ticket.unreadable', detail: 'No h2.hP subject' });
    expect(nextTicketReport(first.reported, unreadable).message).toBeUndefined();
    expect(nextTicketReport(first.reported, noTicket).message).toEqual({ type: 'ticket.closed' });
    expect(nextTicketReport(first.reported, read(ticket('T-1'))).message?.type).toBe('ticket.opened');
  });
});
