/**
 * Follow mode's messages: what the extension publishes about the agent's open ticket (the ticket
 * context and the draft state, never page HTML), what a follower (the same user's desktop Copilot
 * screen, or a lead coaching read-only) receives, and the insert requests that travel from the
 * desktop back through the extension into the page's composer.
 */
import { z } from 'zod';
import { roleSchema } from './auth.js';
import { ticketContextSchema } from './ticket.js';

/** Longest draft text a presence carries (a reply, not a document). */
export const PRESENCE_DRAFT_CHARS = 20_000;

export const presenceDraftStatusSchema = z.enum(['idle', 'streaming', 'done', 'error']);
export type PresenceDraftStatus = z.infer<typeof presenceDraftStatusSchema>;

/** The side panel's draft as the agent sees it. */
export const presenceDraftSchema = z.strictObject({
  status: presenceDraftStatusSchema,
  text: z.string().max(PRESENCE_DRAFT_CHARS),
});
export type PresenceDraft = z.infer<typeof presenceDraftSchema>;

/**
 * What the extension publishes on every ticket change. Strict: a field nobody declared (page HTML,
 * a screenshot) is refused, not silently carried.
 */
export const presencePublishInputSchema = z.strictObject({
  ticket: ticketContextSchema.nullable(),
  draft: presenceDraftSchema.nullable(),
});
export type PresencePublishInput = z.input<typeof presencePublishInputSchema>;

export const presencePublishOutputSchema = z.object({
  /** False while the agent has paused follow mode: nothing was stored or sent. */
  accepted: z.boolean(),
  seq: z.number().int().nonnegative(),
});
export type PresencePublishOutput = z.infer<typeof presencePublishOutputSchema>;

/** Someone following a presence, as the agent sees them. */
export const presenceFollowerSchema = z.object({
  name: z.string(),
  role: roleSchema,
  readOnly: z.boolean(),
});
export type PresenceFollower = z.infer<typeof presenceFollowerSchema>;

/** Who is followed: nobody named means the caller's own presence. */
export const presenceFollowInputSchema = z.object({
  userId: z.string().min(1).max(100).optional(),
  /** Set by the tRPC client when it reconnects; a presence always resends its newest state. */
  lastEventId: z.string().max(100).optional(),
});
export type PresenceFollowInput = z.infer<typeof presenceFollowInputSchema>;

/** A presence as a follower sees it, after the server redacted it. */
export const presenceSnapshotSchema = z.object({
  userId: z.string(),
  userName: z.string(),
  /** Following someone else's presence: Insert and actions are off. */
  readOnly: z.boolean(),
  paused: z.boolean(),
  seq: z.number().int().nonnegative(),
  updatedAt: z.iso.datetime().nullable(),
  /** Redacted: names, e-mails, phones and the like are placeholders; e-mail fields are left out. */
  ticket: ticketContextSchema.nullable(),
  draft: presenceDraftSchema.nullable(),
});
export type PresenceSnapshot = z.infer<typeof presenceSnapshotSchema>;

/** What the extension hears on its own presence: who follows it, and drafts to insert. */
export const presenceInboxEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('followers'), followers: z.array(presenceFollowerSchema), paused: z.boolean() }),
  z.object({ kind: z.literal('insert'), requestId: z.string(), ticketId: z.string(), text: z.string().max(PRESENCE_DRAFT_CHARS) }),
]);
export type PresenceInboxEvent = z.infer<typeof presenceInboxEventSchema>;

/** The desktop asks to insert a draft into the ticket it shows. */
export const presenceInsertInputSchema = z.strictObject({
  /** The ticket the desktop showed: a page that moved on to another ticket is not written into. */
  ticketId: z.string().min(1).max(200),
  text: z.string().min(1).max(PRESENCE_DRAFT_CHARS),
});
export type PresenceInsertInput = z.infer<typeof presenceInsertInputSchema>;

export const PRESENCE_INSERT_OUTCOMES = ['inserted', 'failed', 'no-extension', 'ticket-changed', 'timeout'] as const;
export const presenceInsertOutcomeSchema = z.enum(PRESENCE_INSERT_OUTCOMES);
export type PresenceInsertOutcome = z.infer<typeof presenceInsertOutcomeSchema>;

export const presenceInsertOutputSchema = z.object({
  outcome: presenceInsertOutcomeSchema,
  detail: z.string().max(500).optional(),
});
export type PresenceInsertOutput = z.infer<typeof presenceInsertOutputSchema>;

/** The extension's answer to an insert request. */
export const presenceAckInputSchema = z.strictObject({
  requestId: z.string().min(1).max(100),
  outcome: z.enum(['inserted', 'failed']),
  detail: z.string().max(500).optional(),
});
export type PresenceAckInput = z.infer<typeof presenceAckInputSchema>;

/** A presence a lead may choose to follow. */
export const presenceSummarySchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: roleSchema,
  paused: z.boolean(),
  onTicket: z.boolean(),
  updatedAt: z.iso.datetime().nullable(),
});
export type PresenceSummary = z.infer<typeof presenceSummarySchema>;

/** Pause or resume: what the presence is now. */
export const presenceModeOutputSchema = z.object({ paused: z.boolean() });
export type PresenceModeOutput = z.infer<typeof presenceModeOutputSchema>;
