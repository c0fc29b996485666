/**
 * The open ticket as a site adapter reads it: the live context every assist flow starts from.
 * The zod schemas here are built from the plain constants of `ticketReading.ts` (which content
 * scripts import without zod), so the lists and limits exist once.
 */
import { z } from 'zod';
import { MESSAGE_AUTHOR_ROLES, NO_TICKET_REASONS, SUPPORT_SITES, TICKET_LIMITS, TICKET_STATUSES } from './ticketReading.js';

export { MESSAGE_AUTHOR_ROLES, NO_TICKET_REASONS, SUPPORT_SITES, TICKET_LIMITS, TICKET_STATUSES };

export const supportSiteSchema = z.enum(SUPPORT_SITES);
export type SupportSite = z.infer<typeof supportSiteSchema>;

export const messageAuthorRoleSchema = z.enum(MESSAGE_AUTHOR_ROLES);
export type MessageAuthorRole = z.infer<typeof messageAuthorRoleSchema>;

export const ticketMessageSchema = z.object({
  id: z.string().max(TICKET_LIMITS.idChars).optional(),
  authorRole: messageAuthorRoleSchema,
  authorName: z.string().max(TICKET_LIMITS.nameChars).optional(),
  authorEmail: z.email().max(TICKET_LIMITS.emailChars).optional(),
  sentAt: z.iso.datetime({ offset: true }).optional(),
  /** Only a snippet of the message was visible (a collapsed e-mail): the body is not the whole message. */
  partial: z.boolean().default(false),
  body: z.string().max(TICKET_LIMITS.bodyChars),
});
export type TicketMessage = z.infer<typeof ticketMessageSchema>;
/** A message as an adapter builds it: `partial` may be left out when the whole message was read. */
export type TicketMessageInput = z.input<typeof ticketMessageSchema>;

export const ticketStatusSchema = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

export const ticketContextSchema = z.object({
  site: supportSiteSchema,
  ticketId: z.string().min(1).max(TICKET_LIMITS.idChars),
  subject: z.string().max(TICKET_LIMITS.subjectChars),
  requester: z.object({
    name: z.string().max(TICKET_LIMITS.nameChars).optional(),
    email: z.email().max(TICKET_LIMITS.emailChars).optional(),
  }),
  messages: z.array(ticketMessageSchema).max(TICKET_LIMITS.messages),
  tags: z.array(z.string().max(TICKET_LIMITS.tagChars)).max(TICKET_LIMITS.tags).default([]),
  status: ticketStatusSchema.default('unknown'),
  /** BCP 47 tag when the site states it; the server detects it otherwise. */
  language: z.string().max(TICKET_LIMITS.languageChars).optional(),
  /** Only web pages: a `javascript:` or `data:` URL from a hostile page is rejected. */
  url: z
    .url({ protocol: /^https?$/ })
    .max(TICKET_LIMITS.urlChars)
    .optional(),
});
export type TicketContext = z.infer<typeof ticketContextSchema>;
export type TicketContextInput = z.input<typeof ticketContextSchema>;

export const noTicketReasonSchema = z.enum(NO_TICKET_REASONS);
export type NoTicketReason = z.infer<typeof noTicketReasonSchema>;

/** What an adapter returns: a ticket, or a typed reason it could not read one (never a wrong ticket). */
export const ticketReadResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ticket'), ticket: ticketContextSchema }),
  z.object({ kind: z.literal('no-ticket'), reason: noTicketReasonSchema, detail: z.string() }),
]);
export type TicketReadResult = z.infer<typeof ticketReadResultSchema>;

/**
 * The customer's side of a ticket — the subject and their last three messages — which is what
 * retrieval and analysis are about. The server's drafts and the extension's knowledge cards
 * both search with it, so the cards show what the draft will cite. Messages of an 'unknown'
 * author are left out: they may be the agent's own words.
 */
export function ticketCustomerText(ticket: Pick<TicketContext, 'subject' | 'messages'>): string {
  const customer = ticket.messages.filter((m) => m.authorRole === 'customer').slice(-3);
  return [ticket.subject, ...customer.map((m) => m.body)].join('\n').slice(0, 8000);
}
