/**
 * Conversation-level records of a period, folded from the analytics events (one row per
 * conversation that had an event in the period), as CSV. Every text cell goes through the assist
 * engine's PII redaction, one vault per export so a value keeps one placeholder across rows.
 */
import type { AnalyticsEvent, AnalyticsFilters, AnalyticsPeriod } from '@tandem/shared';
import { PiiVault } from '../../security/redactPii.js';
import type { AnalyticsEventsRepo } from '../../storage/analytics/analyticsEventsRepo.js';
import { toCsv, type CsvCell } from './csv.js';

export interface ConversationRecord {
  conversationId: string;
  channel: string;
  customerId: string | null;
  agentId: string | null;
  firstEventAt: string;
  firstResponder: string | null;
  firstResponseWaitMs: number | null;
  aiAnswers: number;
  fallbacks: number;
  handoffCause: string | null;
  handoffBy: string | null;
  humanReplies: number;
  rating: number | null;
  resolvedBy: string | null;
  handleMs: number | null;
  reopened: boolean;
}

const HEADER = [
  'conversation_id',
  'channel',
  'customer_id',
  'agent_id',
  'first_event_at',
  'first_responder',
  'first_response_wait_ms',
  'ai_answers',
  'fallbacks',
  'handoff_cause',
  'handoff_by',
  'human_replies',
  'rating',
  'resolved_by',
  'handle_ms',
  'reopened',
] as const;

/** Events in stream order fold into one record per conversation; the first handoff and rating count. */
export function foldConversations(events: readonly AnalyticsEvent[]): ConversationRecord[] {
  const records = new Map<string, ConversationRecord>();
  for (const e of events) {
    if (e.conversationId === null) continue;
    let r = records.get(e.conversationId);
    if (r === undefined) {
      r = {
        conversationId: e.conversationId,
        channel: e.channel,
        customerId: e.customerId,
        agentId: e.agentId,
        firstEventAt: e.occurredAt,
        firstResponder: null,
        firstResponseWaitMs: null,
        aiAnswers: 0,
        fallbacks: 0,
        handoffCause: null,
        handoffBy: null,
        humanReplies: 0,
        rating: null,
        resolvedBy: null,
        handleMs: null,
        reopened: false,
      };
      records.set(e.conversationId, r);
    }
    r.agentId ??= e.agentId;
    const d = e.data;
    if (d.kind === 'response.first' && r.firstResponder === null) {
      r.firstResponder = d.responder;
      r.firstResponseWaitMs = d.waitMs;
    } else if (d.kind === 'ai.answered') r.aiAnswers += 1;
    else if (d.kind === 'ai.fallback') r.fallbacks += 1;
    else if (d.kind === 'handoff' && r.handoffCause === null) {
      r.handoffCause = d.cause;
      r.handoffBy = d.by;
    } else if (d.kind === 'human.replied') r.humanReplies += 1;
    else if (d.kind === 'rating') r.rating ??= d.score;
    else if (d.kind === 'conversation.resolved') {
      r.resolvedBy = d.by;
      r.handleMs = d.handleMs;
    } else if (d.kind === 'conversation.reopened') r.reopened = true;
  }
  return [...records.values()];
}

export function conversationRecordsCsv(records: readonly ConversationRecord[]): string {
  const vault = new PiiVault();
  const text = (v: string | null): CsvCell => (v === null ? null : vault.redact(v));
  return toCsv(
    HEADER,
    records.map((r) => [
      text(r.conversationId),
      r.channel,
      text(r.customerId),
      text(r.agentId),
      r.firstEventAt,
      r.firstResponder,
      r.firstResponseWaitMs,
      r.aiAnswers,
      r.fallbacks,
      r.handoffCause,
      r.handoffBy,
      r.humanReplies,
      r.rating,
      r.resolvedBy,
      r.handleMs,
      r.reopened,
    ]),
  );
}

/** The service the exports procedures call for what the analytics service does not offer. */
export function analyticsExports(repo: Pick<AnalyticsEventsRepo, 'inPeriod'>) {
  return {
    async conversationsCsv(workspaceId: string, period: AnalyticsPeriod, filters: AnalyticsFilters): Promise<string> {
      return conversationRecordsCsv(foldConversations(await repo.inPeriod(workspaceId, period, filters)));
    },
  };
}
export type AnalyticsExports = ReturnType<typeof analyticsExports>;
