/** CSAT: the share of ratings that are 4 or 5 out of 5, and the response rate: ratings per resolution (docs/metrics.md). */
import type { AnalyticsMetricValue } from '@tandem/shared';
import { MEASURE } from '../../storage/analytics/measures.js';
import { countOf, valueOf, type MeasureTotals } from './totals.js';

export function csat(t: MeasureTotals): AnalyticsMetricValue {
  return valueOf('ratio', countOf(t, MEASURE.ratingSatisfied), countOf(t, 'rating'));
}

export function csatResponseRate(t: MeasureTotals): AnalyticsMetricValue {
  return valueOf('ratio', countOf(t, 'rating'), countOf(t, 'conversation.resolved'));
}
