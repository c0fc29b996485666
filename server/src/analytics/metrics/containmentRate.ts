/** Containment: the share of resolutions the AI reached without a person writing (docs/metrics.md). */
import type { AnalyticsMetricValue } from '@tandem/shared';
import { MEASURE } from '../../storage/analytics/measures.js';
import { countOf, valueOf, type MeasureTotals } from './totals.js';

export function containmentRate(t: MeasureTotals): AnalyticsMetricValue {
  return valueOf('ratio', countOf(t, MEASURE.resolvedContained), countOf(t, 'conversation.resolved'));
}
