/**
 * The background's handling of `draft.outcome` from a content script: check the sender and the
 * message, then deliver it to the server's `assist.feedback`. An outcome the server cannot take
 * right now (no settings yet, offline, a restart) waits in session storage under
 * `draftOutcome:<draftId>` and goes out after the next one that gets through. Dependencies are
 * passed in, so this runs in tests without chrome.* or a server.
 */
import { draftOutcomeMessageSchema, type DraftOutcomeMessage, type MessageReply } from '../messages/messages';
import { contentScriptOriginProblem, type MessageOrigin } from './ticketRelay';

/** What `assist.feedback` takes for an outcome. */
export interface DraftOutcomeFeedback {
  draftId: string;
  outcome: DraftOutcomeMessage['outcome'];
  keptRatio: number;
}

/** An outcome kept until the server has it. */
export interface PendingDraftOutcome extends DraftOutcomeFeedback {
  tabId: number;
  reportedAt: string;
}

export interface PendingOutcomeStore {
  put(outcome: PendingDraftOutcome): Promise<void>;
  remove(draftId: string): Promise<void>;
  all(): Promise<PendingDraftOutcome[]>;
}

export interface DraftOutcomeDelivery {
  sendFeedback(feedback: DraftOutcomeFeedback): Promise<void>;
  pending: PendingOutcomeStore;
  now?: () => Date;
}

export function draftOutcomeStorageKey(draftId: string): string {
  return `draftOutcome:${draftId}`;
}

/** Whether a message is a draft outcome (by its type alone; the relay validates it in full). */
export function isDraftOutcomeMessage(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && 'type' in raw && raw.type === 'draft.outcome';
}

function feedbackOf(outcome: DraftOutcomeFeedback): DraftOutcomeFeedback {
  return { draftId: outcome.draftId, outcome: outcome.outcome, keptRatio: outcome.keptRatio };
}

/** Sends what waited; one that fails again keeps waiting. */
export async function flushPendingOutcomes(delivery: DraftOutcomeDelivery): Promise<void> {
  for (const waiting of await delivery.pending.all()) {
    try {
      await delivery.sendFeedback(feedbackOf(waiting));
      await delivery.pending.remove(waiting.draftId);
    } catch {
      return;
    }
  }
}

/**
 * Replies ok once the outcome is either with the server or waiting in storage: the content script
 * has nothing more to do about it either way.
 */
export async function relayDraftOutcome(
  raw: unknown,
  origin: MessageOrigin,
  ownExtensionId: string,
  delivery: DraftOutcomeDelivery,
): Promise<MessageReply> {
  const problem = contentScriptOriginProblem(origin, ownExtensionId);
  if (problem !== undefined || origin.tabId === undefined) return { ok: false, error: problem ?? 'No tab' };
  const parsed = draftOutcomeMessageSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'Invalid message' };

  const feedback = feedbackOf(parsed.data);
  try {
    await delivery.sendFeedback(feedback);
  } catch {
    const reportedAt = (delivery.now?.() ?? new Date()).toISOString();
    await delivery.pending.put({ ...feedback, tabId: origin.tabId, reportedAt });
    return { ok: true };
  }
  await flushPendingOutcomes(delivery);
  return { ok: true };
}
