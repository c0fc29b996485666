/**
 * The one interface every site adapter (fixture, Gmail, Zendesk, Salesforce…) implements, and the
 * final step they all share, so adding a site is adding one descriptor, one adapter file and one
 * content script. No zod here: adapters run in the page's content script, which must stay small.
 * An adapter returns its candidate ticket already clamped to TICKET_LIMITS; the background (and
 * `tandem-extract`) validate it against the shared schema before anyone uses it.
 */
import type { TicketContext, TicketContextInput, TicketReadResult } from '@tandem/shared/ticket-reading';
import { TICKET_LIMITS } from '@tandem/shared/ticket-reading';
import type { DetectableSite } from './sites';
import type { SiteDescriptor } from './sites/siteDescriptor';

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

/**
 * One site, self-described: its descriptor (site, label, own hosts, content-script matches, from
 * `sites/<site>.ts`) spread into the object, plus what needs the DOM.
 */
export interface SiteAdapter<S extends DetectableSite = DetectableSite> extends SiteDescriptor<S> {
  /** Markup only this site's ticket pages carry, as a CSS selector list; any match is enough. */
  readonly signature: string;
  readonly read: TicketPageReader;
  /** The reply box of the ticket on screen, or null when none is open. */
  readonly findComposer: (doc: Document) => HTMLElement | null;
}

export function notATicketPage(detail: string): TicketReadResult {
  return { kind: 'no-ticket', reason: 'not-a-ticket-page', detail };
}

export function unreadableLayout(detail: string): TicketReadResult {
  return { kind: 'no-ticket', reason: 'unreadable-layout', detail };
}

function clamp(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max);
}

/**
 * The candidate as the shared schema's output: defaults filled in (`partial`, `tags`, `status`)
 * and every size limit enforced once more, so a slip in one adapter cannot make the background
 * refuse the whole ticket. A candidate without a ticket id is no ticket.
 */
export function ticketReadFrom(candidate: TicketContextInput): TicketReadResult {
  const ticketId = clamp(candidate.ticketId.trim(), TICKET_LIMITS.idChars);
  if (ticketId === '') return unreadableLayout('The ticket has no id');
  const ticket: TicketContext = {
    ...candidate,
    ticketId,
    subject: clamp(candidate.subject, TICKET_LIMITS.subjectChars),
    messages: candidate.messages.slice(-TICKET_LIMITS.messages).map((message) => ({
      ...message,
      partial: message.partial ?? false,
      body: clamp(message.body, TICKET_LIMITS.bodyChars),
    })),
    tags: (candidate.tags ?? []).slice(0, TICKET_LIMITS.tags).map((tag) => clamp(tag, TICKET_LIMITS.tagChars)),
    status: candidate.status ?? 'unknown',
  };
  return { kind: 'ticket', ticket };
}
