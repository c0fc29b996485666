/**
 * A content script's answer to the side panel's `draft.insert`: who may ask (only this
 * extension's own pages, never a tab: a page's content script could be steered by that page),
 * what a valid request looks like (`insertDraftMessageSchema`, checked without zod so the content
 * script stays small: messages/pageMessages.ts), and the typed reply.
 */
import type { InsertDraftMessage, InsertDraftReply } from '../messages/messages';
import { boundedInsertReply, readInsertDraftMessage } from '../messages/pageMessages';
import { insertDraft, type InsertedAround } from './insertDraft';

export const NO_COMPOSER_ERROR = 'No reply box is open on this page — open the reply editor and try again';

/** The parts of `chrome.runtime.MessageSender` the check needs. */
export interface InsertRequestSender {
  id?: string;
  tab?: unknown;
}

export interface InsertedDraft {
  composer: HTMLElement;
  message: InsertDraftMessage;
  around: InsertedAround;
}

export interface InsertDraftTarget {
  /** The reply box open on the page right now, as the site's adapter finds it. */
  findComposer: () => HTMLElement | null;
  /** How the side panel names the box it filled, e.g. "Gmail reply". */
  composerLabel: () => string;
  /** After a successful insert: the content script starts watching what becomes of the draft. */
  onInserted?: (inserted: InsertedDraft) => void;
}

/** Whether a message is addressed to this handler at all; anything else is left to other listeners. */
export function isDraftInsertRequest(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && 'type' in raw && raw.type === 'draft.insert';
}

function reply(value: InsertDraftReply): InsertDraftReply {
  // Bounded on the way out: a label or error past the schema's limits is cut here, not refused by the panel.
  return boundedInsertReply(value);
}

/**
 * The reply to `raw`, or undefined when it is not a `draft.insert` message. Never throws: a
 * hostile or malformed request gets `{ ok: false }` and the page is left untouched.
 */
export function answerInsertDraft(
  raw: unknown,
  sender: InsertRequestSender,
  ownExtensionId: string,
  target: InsertDraftTarget,
): InsertDraftReply | undefined {
  if (!isDraftInsertRequest(raw)) return undefined;
  if (sender.id !== ownExtensionId || sender.tab !== undefined) {
    return reply({ ok: false, error: "Drafts are inserted only at the request of Tandem's side panel" });
  }
  const message = readInsertDraftMessage(raw);
  if (message === undefined) return reply({ ok: false, error: 'Invalid draft.insert message' });

  const composer = target.findComposer();
  if (composer === null) return reply({ ok: false, error: NO_COMPOSER_ERROR });
  let result: ReturnType<typeof insertDraft>;
  try {
    result = insertDraft(composer, message.text);
  } catch (error) {
    // A site's editor can throw from its own input handlers; the panel still gets an answer.
    const detail = error instanceof Error ? error.message : 'the page refused the edit';
    return reply({ ok: false, error: `The draft could not be inserted: ${detail}`.slice(0, 500) });
  }
  // A closed editor (only its wrapper left, or gone) is the same to the agent as no reply box.
  if (!result.ok) return reply({ ok: false, error: result.reason === 'closed' ? NO_COMPOSER_ERROR : result.error });
  target.onInserted?.({ composer, message, around: result.around });
  return reply({ ok: true, composer: target.composerLabel().slice(0, 100) });
}
