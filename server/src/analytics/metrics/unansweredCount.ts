/** Unanswered questions: AI fallbacks because the knowledge base had no good answer (docs/metrics.md). */
import type { AnalyticsMetricValue } from '@tandem/shared';
import { MEASURE } from '../../storage/analytics/measures.js';
import { countOf, type MeasureTotals } from './totals.js';

export function unansweredCount(t: MeasureTotals): AnalyticsMetricValue {
  const n = countOf(t, MEASURE.unanswered);
  return { value: n, unit: 'count', numerator: n, denominator: 1 };
}
