/** First response time: the mean wait from a conversation's start to the first reply, AI or human (docs/metrics.md). */
import type { AnalyticsMetricValue } from '@tandem/shared';
import { countOf, totalOf, valueOf, type MeasureTotals } from './totals.js';

export function firstResponseTime(t: MeasureTotals): AnalyticsMetricValue {
  return valueOf('ms', totalOf(t, 'response.first'), countOf(t, 'response.first'));
}
