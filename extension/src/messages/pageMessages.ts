/**
 * The content script's side of extension messaging, without zod: the limits the message schemas
 * (messages.ts) are built from, and hand-written checks for the two messages a page script
 * receives (the side panel's `draft.insert`, the background's reply). Content scripts run in every
 * helpdesk page and must stay small; the background and the panel keep validating with zod.
 */
import type { InsertDraftMessage, InsertDraftReply, MessageReply } from './messages';

export const MESSAGE_LIMITS = {
  draftId: 100,
  draftText: 50_000,
  composerLabel: 100,
  replyError: 500,
  unreadableDetail: 500,
} as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function boundedText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= max;
}

/** A valid `draft.insert` request (as `insertDraftMessageSchema` would accept it), or undefined. */
export function readInsertDraftMessage(raw: unknown): InsertDraftMessage | undefined {
  if (!isRecord(raw) || raw.type !== 'draft.insert') return undefined;
  const { draftId, text } = raw;
  if (!boundedText(draftId, MESSAGE_LIMITS.draftId) || !boundedText(text, MESSAGE_LIMITS.draftText)) return undefined;
  return { type: 'draft.insert', draftId, text };
}

/** The background's reply to a content-script message, or undefined when it is not one. */
export function readMessageReply(raw: unknown): MessageReply | undefined {
  if (!isRecord(raw)) return undefined;
  if (raw.ok === true) return { ok: true };
  if (raw.ok === false && typeof raw.error === 'string') return { ok: false, error: raw.error };
  return undefined;
}

/** An insert reply kept within the reply schema's limits: a long label or error is cut, never a reason to throw. */
export function boundedInsertReply(reply: InsertDraftReply): InsertDraftReply {
  return reply.ok
    ? { ok: true, composer: reply.composer.slice(0, MESSAGE_LIMITS.composerLabel) }
    : { ok: false, error: reply.error.slice(0, MESSAGE_LIMITS.replyError) };
}
