/** Escalation rate: handoffs to a person per conversation started, and handoffs by cause (docs/metrics.md). */
import { analyticsHandoffCauseSchema, type AnalyticsHandoffCause, type AnalyticsMetricValue } from '@tandem/shared';
import { MEASURE } from '../../storage/analytics/measures.js';
import { countOf, valueOf, type MeasureTotals } from './totals.js';

export function escalationRate(t: MeasureTotals): AnalyticsMetricValue {
  return valueOf('ratio', countOf(t, 'handoff'), countOf(t, 'conversation.started'));
}

export function escalationsByCause(t: MeasureTotals): Partial<Record<AnalyticsHandoffCause, number>> {
  const byCause: Partial<Record<AnalyticsHandoffCause, number>> = {};
  for (const cause of analyticsHandoffCauseSchema.options) {
    const n = countOf(t, MEASURE.handoffCause(cause));
    if (n > 0) byCause[cause] = n;
  }
  return byCause;
}
