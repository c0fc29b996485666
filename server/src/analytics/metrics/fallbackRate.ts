/** Fallback rate: the share of the AI's turns where it could not answer (docs/metrics.md). */
import type { AnalyticsMetricValue } from '@tandem/shared';
import { countOf, valueOf, type MeasureTotals } from './totals.js';

export function fallbackRate(t: MeasureTotals): AnalyticsMetricValue {
  const fallbacks = countOf(t, 'ai.fallback');
  return valueOf('ratio', fallbacks, fallbacks + countOf(t, 'ai.answered'));
}
