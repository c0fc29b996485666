/**
 * A recorded event sequence for the acceptance replay (written for this test): six widget
 * conversations on 2 March 2026 and an agent's drafts in the extension, with a duplicate rating and
 * handoff (same dedupe keys, different payloads) and one conversation whose events arrive last,
 * out of order. The hand-computed values are in metrics.acceptance.test.ts.
 */
import type { AnalyticsEventInput } from '@tandem/shared';

const at = (hhmmss: string, day = '2026-03-02') => `${day}T${hhmmss}.000Z`;
const widget = (
  conversationId: string,
  key: string,
  occurredAt: string,
  data: AnalyticsEventInput['data'],
  agentId: string | null = null,
) => ({
  workspaceId: 'replay',
  channel: 'widget' as const,
  agentId,
  customerId: `vis_${conversationId}`,
  conversationId,
  occurredAt,
  dedupeKey: `${conversationId}:${key}`,
  data,
});
const ext = (key: string, occurredAt: string, data: AnalyticsEventInput['data']) => ({
  workspaceId: 'replay',
  channel: 'extension' as const,
  agentId: 'tok_agent_a',
  customerId: 'req_7f3a',
  conversationId: 'ticket_881',
  occurredAt,
  dedupeKey: `ext:${key}`,
  data,
});

/** Conversation F: its events reach the store last (a late batch). */
export const LATE_EVENTS: AnalyticsEventInput[] = [
  widget('F', 'start', at('14:00:00'), { kind: 'conversation.started' }),
  widget('F', 'fallback', at('14:00:05'), { kind: 'ai.fallback', reason: 'low-confidence' }),
  widget('F', 'handoff', at('14:00:05'), { kind: 'handoff', cause: 'low-confidence', by: 'ai' }),
];

export const RECORDED_EVENTS: AnalyticsEventInput[] = [
  // A: answered, resolved by the AI, rated 5; stays resolved.
  widget('A', 'start', at('10:00:00'), { kind: 'conversation.started' }),
  widget('A', 'first', at('10:00:02'), { kind: 'response.first', responder: 'ai', waitMs: 2_000 }),
  widget('A', 'answer1', at('10:00:02'), { kind: 'ai.answered', confidence: 0.9, sourceDocumentIds: ['doc_returns'] }),
  widget('A', 'resolved', at('10:05:00'), { kind: 'conversation.resolved', by: 'ai', humanReplied: false, handleMs: 300_000 }),
  widget('A', 'rating', at('10:06:00'), { kind: 'rating', score: 5 }),
  // B: nothing to answer with, handed off, a person replies and resolves; rated 2.
  widget('B', 'start', at('10:10:00'), { kind: 'conversation.started' }),
  widget('B', 'first', at('10:10:03'), { kind: 'response.first', responder: 'ai', waitMs: 3_000 }),
  widget('B', 'fallback', at('10:10:03'), { kind: 'ai.fallback', reason: 'no-answer' }),
  widget('B', 'handoff', at('10:10:03'), { kind: 'handoff', cause: 'no-answer', by: 'ai' }),
  widget('B', 'reply1', at('10:12:00'), { kind: 'human.replied' }, 'tok_agent_b'),
  widget(
    'B',
    'resolved',
    at('10:20:00'),
    { kind: 'conversation.resolved', by: 'human', humanReplied: true, handleMs: 600_000 },
    'tok_agent_b',
  ),
  widget('A', 'rating', at('10:30:00'), { kind: 'rating', score: 1 }), // duplicate of A's rating: ignored
  widget('B', 'rating', at('10:21:00'), { kind: 'rating', score: 2 }),
  // C: resolved by the AI at 11:02, reopened 5 hours later (inside 72 h).
  widget('C', 'start', at('11:00:00'), { kind: 'conversation.started' }),
  widget('C', 'first', at('11:00:01'), { kind: 'response.first', responder: 'ai', waitMs: 1_000 }),
  widget('C', 'answer1', at('11:00:01'), { kind: 'ai.answered', confidence: 0.8, sourceDocumentIds: ['doc_shipping', 'doc_returns'] }),
  widget('C', 'resolved', at('11:02:00'), { kind: 'conversation.resolved', by: 'ai', humanReplied: false, handleMs: 120_000 }),
  widget('C', 'reopened', at('16:02:00'), { kind: 'conversation.reopened', resolvedAt: at('11:02:00'), contained: true }),
  // D: resolved by the AI at 12:01, reopened 100 hours later (outside 72 h, inside 120 h).
  widget('D', 'start', at('12:00:00'), { kind: 'conversation.started' }),
  widget('D', 'first', at('12:00:04'), { kind: 'response.first', responder: 'ai', waitMs: 4_000 }),
  widget('D', 'answer1', at('12:00:04'), { kind: 'ai.answered', confidence: 0.7, sourceDocumentIds: [] }),
  widget('D', 'resolved', at('12:01:00'), { kind: 'conversation.resolved', by: 'ai', humanReplied: false, handleMs: 60_000 }),
  widget('D', 'reopened', at('16:01:00', '2026-03-06'), { kind: 'conversation.reopened', resolvedAt: at('12:01:00'), contained: true }),
  // E: the visitor asks for a person at once; a person replies, hands back, the AI resolves it.
  widget('E', 'start', at('13:00:00'), { kind: 'conversation.started' }),
  widget('E', 'handoff', at('13:00:30'), { kind: 'handoff', cause: 'asked-for-human', by: 'customer' }),
  widget('B', 'handoff', at('13:00:31'), { kind: 'handoff', cause: 'negative-sentiment', by: 'ai' }), // duplicate of B's handoff: ignored
  widget('E', 'first', at('13:02:00'), { kind: 'response.first', responder: 'human', waitMs: 120_000 }, 'tok_agent_a'),
  widget('E', 'reply1', at('13:02:00'), { kind: 'human.replied' }, 'tok_agent_a'),
  widget('E', 'handback', at('13:05:00'), { kind: 'handback' }, 'tok_agent_a'),
  widget('E', 'answer1', at('13:06:00'), { kind: 'ai.answered', confidence: 0.95, sourceDocumentIds: ['doc_warranty'] }),
  widget('E', 'resolved', at('13:10:00'), { kind: 'conversation.resolved', by: 'ai', humanReplied: true, handleMs: 600_000 }),
  // An agent's drafts in the extension, and an action.
  ext('d1', at('15:00:00'), { kind: 'draft.inserted', draftId: 'dr_1' }),
  ext('d2', at('15:10:00'), { kind: 'draft.edited', draftId: 'dr_2', keptRatio: 0.6 }),
  ext('d3', at('15:20:00'), { kind: 'draft.discarded', draftId: 'dr_3' }),
  ext('d4', at('15:30:00'), { kind: 'draft.inserted', draftId: 'dr_4' }),
  ext('a1', at('15:31:00'), { kind: 'action.suggested', action: 'refund' }),
  ext('a1x', at('15:32:00'), { kind: 'action.executed', action: 'refund', ok: true }),
];
