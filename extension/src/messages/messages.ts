/**
 * Every message that crosses between extension contexts (content script → background), as zod
 * schemas. A content script runs inside a page we do not control, so the receiver re-validates
 * everything instead of trusting the sender's types. Content scripts themselves do not import
 * these schemas (zod would ship in every page): they use the zod-free checks of pageMessages.ts,
 * built on the same limits.
 */
import { draftOutcomeSchema, ticketContextSchema } from '@tandem/shared';
import { z } from 'zod';
import { MESSAGE_LIMITS } from './pageMessages';

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

/**
 * The page looks like a ticket on a known site, but its layout did not read (the site changed its
 * markup): the panel says so instead of showing nothing, or worse, a wrong ticket.
 */
export const ticketUnreadableMessageSchema = z.object({
  type: z.literal('ticket.unreadable'),
  detail: z.string().max(MESSAGE_LIMITS.unreadableDetail),
});

export const contentScriptMessageSchema = z.discriminatedUnion('type', [
  ticketOpenedMessageSchema,
  ticketUpdatedMessageSchema,
  ticketClosedMessageSchema,
  ticketUnreadableMessageSchema,
]);
export type ContentScriptMessage = z.infer<typeof contentScriptMessageSchema>;
export type ContentScriptMessageInput = z.input<typeof contentScriptMessageSchema>;

/** The background's answer to every content-script message. */
export const messageReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type MessageReply = z.infer<typeof messageReplySchema>;

/**
 * Side panel → the tab's content script: put this draft into the site's reply composer. The
 * draft id lets the content script report later whether it was sent as-is or edited.
 */
export const insertDraftMessageSchema = z.object({
  type: z.literal('draft.insert'),
  draftId: z.string().min(1).max(MESSAGE_LIMITS.draftId),
  text: z.string().min(1).max(MESSAGE_LIMITS.draftText),
});
export type InsertDraftMessage = z.infer<typeof insertDraftMessageSchema>;

export const insertDraftReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), composer: z.string().max(MESSAGE_LIMITS.composerLabel) }),
  z.object({ ok: z.literal(false), error: z.string().max(MESSAGE_LIMITS.replyError) }),
]);
export type InsertDraftReply = z.infer<typeof insertDraftReplySchema>;

/**
 * Content script → background: what became of an inserted draft (the composer was sent or
 * cleared). `keptRatio` is the share of the draft's characters still in the text that left.
 */
export const draftOutcomeMessageSchema = z.object({
  type: z.literal('draft.outcome'),
  draftId: z.string().min(1).max(MESSAGE_LIMITS.draftId),
  outcome: draftOutcomeSchema,
  keptRatio: z.number().min(0).max(1),
});
export type DraftOutcomeMessage = z.infer<typeof draftOutcomeMessageSchema>;
