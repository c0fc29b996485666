/**
 * What one analytics event adds to the aggregate buckets: a list of measures (a count and a
 * running total), each at the instant it is bucketed by. Events bucket by `occurredAt`, so a late
 * event lands in its own minute; a reopen also lands at the resolution it undoes, keyed by how many
 * hours later it came, so the resolution rate can apply any whole-hour reopen window to the buckets.
 * The metric functions (server/src/analytics/metrics/) read these measures back by name.
 */
import type { AnalyticsEventInput } from '@tandem/shared';

export interface MeasureContribution {
  /** ISO instant that picks the bucket. */
  at: string;
  measure: string;
  count: number;
  total: number;
}

/** Measure names beyond the event kinds themselves. */
export const MEASURE = {
  handoffCause: (cause: string) => `handoff:${cause}`,
  unanswered: 'unanswered',
  resolvedContained: 'resolved.contained',
  resolvedByHuman: 'resolved.human',
  ratingSatisfied: 'rating.satisfied',
  /** Prefix; the suffix is the whole hours (rounded up) between the resolution and its reopening. */
  reopenedContainedPrefix: 'reopened.contained:',
} as const;

/** Fallback reasons that mean the knowledge base had no good answer (the unanswered questions). */
export const UNANSWERED_REASONS: ReadonlySet<string> = new Set(['no-answer', 'low-confidence']);

const HOUR_MS = 3_600_000;

export function measuresOf(event: Pick<AnalyticsEventInput, 'occurredAt' | 'data'>): MeasureContribution[] {
  const at = event.occurredAt;
  const data = event.data;
  const one = (measure: string, total = 0, when = at): MeasureContribution => ({ at: when, measure, count: 1, total });
  switch (data.kind) {
    case 'response.first':
      return [one(data.kind, data.waitMs)];
    case 'ai.answered':
      return [one(data.kind, data.confidence)];
    case 'ai.fallback':
      return UNANSWERED_REASONS.has(data.reason) ? [one(data.kind), one(MEASURE.unanswered)] : [one(data.kind)];
    case 'handoff':
      return [one(data.kind), one(MEASURE.handoffCause(data.cause))];
    case 'draft.edited':
      return [one(data.kind, data.keptRatio ?? 0)];
    case 'rating':
      return data.score >= 4 ? [one(data.kind, data.score), one(MEASURE.ratingSatisfied)] : [one(data.kind, data.score)];
    case 'conversation.resolved': {
      const contained = data.by === 'ai' && !data.humanReplied;
      return [one(data.kind, data.handleMs), one(contained ? MEASURE.resolvedContained : MEASURE.resolvedByHuman, data.handleMs)];
    }
    case 'conversation.reopened': {
      const own = one(data.kind);
      if (!data.contained) return [own];
      const hours = Math.max(1, Math.ceil((Date.parse(at) - Date.parse(data.resolvedAt)) / HOUR_MS));
      return [own, one(`${MEASURE.reopenedContainedPrefix}${hours}`, 0, data.resolvedAt)];
    }
    default:
      return [one(data.kind)];
  }
}
