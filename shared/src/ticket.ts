/**
 * The open ticket as a site adapter reads it: the live context every assist flow starts from.
 */
import { z } from 'zod';

export const supportSiteSchema = z.enum(['gmail', 'zendesk', 'salesforce', 'generic', 'fixture', 'widget', 'api']);
export type SupportSite = z.infer<typeof supportSiteSchema>;

export const messageAuthorRoleSchema = z.enum(['customer', 'agent', 'internal', 'system']);
export type MessageAuthorRole = z.infer<typeof messageAuthorRoleSchema>;

/** Limits keep a hostile page (a 5,000-message thread, a megabyte body) from flooding the pipeline. */
export const TICKET_LIMITS = {
  messages: 200,
  bodyChars: 20_000,
  subjectChars: 500,
  tags: 50,
} as const;

export const ticketMessageSchema = z.object({
  id: z.string().max(200).optional(),
  authorRole: messageAuthorRoleSchema,
  authorName: z.string().max(200).optional(),
  authorEmail: z.email().max(320).optional(),
  sentAt: z.iso.datetime({ offset: true }).optional(),
  body: z.string().max(TICKET_LIMITS.bodyChars),
});
export type TicketMessage = z.infer<typeof ticketMessageSchema>;

export const ticketStatusSchema = z.enum(['new', 'open', 'pending', 'on-hold', 'solved', 'closed', 'unknown']);
export type TicketStatus = z.infer<typeof ticketStatusSchema>;

export const ticketContextSchema = z.object({
  site: supportSiteSchema,
  ticketId: z.string().min(1).max(200),
  subject: z.string().max(TICKET_LIMITS.subjectChars),
  requester: z.object({
    name: z.string().max(200).optional(),
    email: z.email().max(320).optional(),
  }),
  messages: z.array(ticketMessageSchema).max(TICKET_LIMITS.messages),
  tags: z.array(z.string().max(100)).max(TICKET_LIMITS.tags).default([]),
  status: ticketStatusSchema.default('unknown'),
  /** BCP 47 tag when the site states it; the server detects it otherwise. */
  language: z.string().max(35).optional(),
  /** Only web pages: a `javascript:` or `data:` URL from a hostile page is rejected. */
  url: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .optional(),
});
export type TicketContext = z.infer<typeof ticketContextSchema>;
export type TicketContextInput = z.input<typeof ticketContextSchema>;

/** What an adapter returns: a ticket, or a typed reason it could not read one (never a wrong ticket). */
export const ticketReadResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ticket'), ticket: ticketContextSchema }),
  z.object({ kind: z.literal('no-ticket'), reason: z.enum(['not-a-ticket-page', 'unreadable-layout']), detail: z.string() }),
]);
export type TicketReadResult = z.infer<typeof ticketReadResultSchema>;

/**
 * The customer's side of a ticket — the subject and their last three messages — which is what
 * retrieval and analysis are about. The server's drafts and the extension's knowledge cards
 * both search with it, so the cards show what the draft will cite.
 */
export function ticketCustomerText(ticket: Pick<TicketContext, 'subject' | 'messages'>): string {
  const customer = ticket.messages.filter((m) => m.authorRole === 'customer').slice(-3);
  return [ticket.subject, ...customer.map((m) => m.body)].join('\n').slice(0, 8000);
}
