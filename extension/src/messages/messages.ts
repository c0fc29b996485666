/**
 * Every message that crosses between extension contexts (content script → background), as zod
 * schemas. A content script runs inside a page we do not control, so the receiver re-validates
 * everything instead of trusting the sender's types.
 */
import { ticketContextSchema } from '@tandem/shared';
import { z } from 'zod';

export const ticketOpenedMessageSchema = z.object({
  type: z.literal('ticket.opened'),
  ticket: ticketContextSchema,
});

/** The same ticket is still open but its content changed (a new message, a new status). */
export const ticketUpdatedMessageSchema = z.object({
  type: z.literal('ticket.updated'),
  ticket: ticketContextSchema,
});

export const ticketClosedMessageSchema = z.object({
  type: z.literal('ticket.closed'),
});

export const contentScriptMessageSchema = z.discriminatedUnion('type', [
  ticketOpenedMessageSchema,
  ticketUpdatedMessageSchema,
  ticketClosedMessageSchema,
]);
export type ContentScriptMessage = z.infer<typeof contentScriptMessageSchema>;
export type ContentScriptMessageInput = z.input<typeof contentScriptMessageSchema>;

/** The background's answer to every content-script message. */
export const messageReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type MessageReply = z.infer<typeof messageReplySchema>;
