/**
 * The ticket's vocabulary without zod: the limits, site, role, status and no-ticket reason lists
 * as plain constants, and the ticket types. Content scripts run inside every helpdesk page and must
 * stay small, so they import this module (`@tandem/shared/ticket-reading`) instead of the package
 * root; `ticket.ts` builds its zod schemas from these same constants, so there is one source of truth.
 */

/** Every place a ticket can come from: the helpdesk adapters, Tandem's own test desk, the widget, the API. */
export const SUPPORT_SITES = ['gmail', 'zendesk', 'salesforce', 'generic', 'fixture', 'widget', 'api'] as const;

/**
 * Who wrote a message. 'internal' is a note only agents see, known from a positive note marker;
 * 'unknown' means the page did not say who wrote it (or its signals disagreed): such text is never
 * treated as the customer's words, nor as the agent's.
 */
export const MESSAGE_AUTHOR_ROLES = ['customer', 'agent', 'internal', 'unknown'] as const;

export const TICKET_STATUSES = ['new', 'open', 'pending', 'on-hold', 'solved', 'closed', 'unknown'] as const;

/** Why an adapter read no ticket: the page is not a ticket at all, or it is one whose layout did not read. */
export const NO_TICKET_REASONS = ['not-a-ticket-page', 'unreadable-layout'] as const;

/** Limits keep a hostile page (a 5,000-message thread, a megabyte body) from flooding the pipeline. */
export const TICKET_LIMITS = {
  messages: 200,
  bodyChars: 20_000,
  subjectChars: 500,
  tags: 50,
  tagChars: 100,
  idChars: 200,
  nameChars: 200,
  emailChars: 320,
  urlChars: 2048,
  languageChars: 35,
} as const;

// Types only: erased at build time, so importing them here costs a content script nothing.
export type {
  MessageAuthorRole,
  SupportSite,
  TicketContext,
  TicketContextInput,
  TicketMessage,
  TicketMessageInput,
  TicketReadResult,
  TicketStatus,
  NoTicketReason,
} from './ticket.js';
