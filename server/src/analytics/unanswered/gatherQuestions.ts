/**
 * Collects a workspace's unanswered questions of a period: the analytics events that say the AI
 * could not answer (a fallback, a handoff for no answer / low confidence / unavailability, an
 * answer below `lowConfidence`) joined to the widget conversation's message log, taking the
 * visitor's last message before that event. One question per visitor message, whichever events
 * point at it; every text is PII-redacted here, before clustering or leaving the server.
 */
import type { AnalyticsEvent, AnalyticsPeriod } from '@tandem/shared';
import { PiiVault } from '../../security/redactPii.js';
import type { AnalyticsEventsRepo } from '../../storage/analytics/analyticsEventsRepo.js';
import type { StoredWidgetMessage, WidgetConversationsRepo } from '../../storage/widget/widgetConversationsRepo.js';
import type { UnansweredQuestion } from './clusterQuestions.js';

export interface GatherDeps {
  analytics: Pick<AnalyticsEventsRepo, 'inPeriod'>;
  conversations: Pick<WidgetConversationsRepo, 'messagesAfter'>;
}

/** Handoff causes that mean the knowledge base had no (good) answer, as opposed to a visitor asking for a person. */
const UNANSWERED_CAUSES: ReadonlySet<string> = new Set(['no-answer', 'low-confidence', 'unavailable']);
/** Messages read per conversation; a longer log is cut (its oldest questions still count). */
const MAX_MESSAGES = 2_000;
const MESSAGE_KEY = /^wm:(.+):(?:fallback|handoff|answer)$/;

/** Why the event marks its question unanswered, or undefined when it does not. */
function reasonOf(e: AnalyticsEvent, lowConfidence: number): string | undefined {
  const d = e.data;
  if (d.kind === 'ai.fallback') return d.reason;
  if (d.kind === 'handoff' && UNANSWERED_CAUSES.has(d.cause)) return d.cause;
  if (d.kind === 'ai.answered' && d.confidence < lowConfidence) return 'low-confidence';
  return undefined;
}

/** The visitor's last message before the one the event records (by its id in the dedupe key, else by time). */
function askedBefore(messages: readonly StoredWidgetMessage[], e: AnalyticsEvent): StoredWidgetMessage | undefined {
  const id = MESSAGE_KEY.exec(e.dedupeKey)?.[1];
  const at = id === undefined ? -1 : messages.findIndex((m) => m.id === id);
  const end = at >= 0 ? at : messages.findLastIndex((m) => Date.parse(m.createdAt) <= Date.parse(e.occurredAt)) + 1;
  return messages.slice(0, Math.max(0, end)).findLast((m) => m.author === 'visitor' && m.kind === 'message' && m.text.trim() !== '');
}

export async function gatherUnansweredQuestions(
  deps: GatherDeps,
  workspaceId: string,
  period: AnalyticsPeriod,
  options: { lowConfidence?: number | undefined } = {},
): Promise<UnansweredQuestion[]> {
  const lowConfidence = options.lowConfidence ?? 0.5;
  const flagged = new Map<string, { event: AnalyticsEvent; reason: string }[]>();
  for (const event of await deps.analytics.inPeriod(workspaceId, period, { channel: 'widget' })) {
    const reason = reasonOf(event, lowConfidence);
    if (reason === undefined || event.conversationId === null) continue;
    const list = flagged.get(event.conversationId) ?? [];
    list.push({ event, reason });
    flagged.set(event.conversationId, list);
  }
  const vault = new PiiVault();
  const byMessage = new Map<string, UnansweredQuestion & { messageId: string }>();
  for (const [conversationId, events] of flagged) {
    const messages = await deps.conversations.messagesAfter(workspaceId, conversationId, 0, MAX_MESSAGES);
    for (const { event, reason } of events) {
      const asked = askedBefore(messages, event);
      // The first event wins: a fallback precedes its handoff in the stream, and both carry one cause.
      if (asked === undefined || byMessage.has(asked.id)) continue;
      byMessage.set(asked.id, { text: vault.redact(asked.text), askedAt: asked.createdAt, reason, messageId: asked.id });
    }
  }
  return [...byMessage.values()]
    .sort((a, b) => a.askedAt.localeCompare(b.askedAt) || a.messageId.localeCompare(b.messageId))
    .map(({ text, askedAt, reason }) => ({ text, askedAt, reason }));
}
