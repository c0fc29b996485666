/**
 * The one interface every site adapter (fixture, Gmail, Zendesk, Salesforce…) implements, and the
 * final validation they all share, so adding a site is adding one reader file.
 */
import { ticketContextSchema, type TicketContextInput, type TicketReadResult } from '@tandem/shared';
import { z } from 'zod';

export interface TicketReadOptions {
  /**
   * The caller has already established which site this page is (an admin's host mapping, the
   * site's DOM signature on a loopback or mapped host, `tandem-extract --site`), so the adapter
   * skips its own host check. Everything else about the page is still checked.
   */
  anyHost?: boolean;
}

/**
 * Reads the open ticket from a page. Pure: no chrome.* and no network, so it runs the same in a
 * content script, in a jsdom test and over linkedom in Node. It returns a typed reason rather than
 * ever guessing a ticket.
 */
export type TicketPageReader = (doc: Document, url: string, options?: TicketReadOptions) => TicketReadResult;

export function notATicketPage(detail: string): TicketReadResult {
  return { kind: 'no-ticket', reason: 'not-a-ticket-page', detail };
}

export function unreadableLayout(detail: string): TicketReadResult {
  return { kind: 'no-ticket', reason: 'unreadable-layout', detail };
}

/** Validates what an adapter scraped; a ticket that fails the shared schema is reported, never sent. */
export function ticketReadFrom(candidate: TicketContextInput): TicketReadResult {
  const parsed = ticketContextSchema.safeParse(candidate);
  if (parsed.success) return { kind: 'ticket', ticket: parsed.data };
  return unreadableLayout(`The ticket did not validate: ${z.prettifyError(parsed.error)}`);
}
