/** Average handle time: the mean time from a conversation's start to its resolution (docs/metrics.md). */
import type { AnalyticsMetricValue } from '@tandem/shared';
import { countOf, totalOf, valueOf, type MeasureTotals } from './totals.js';

export function averageHandleTime(t: MeasureTotals): AnalyticsMetricValue {
  return valueOf('ms', totalOf(t, 'conversation.resolved'), countOf(t, 'conversation.resolved'));
}
