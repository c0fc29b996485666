/**
 * Resolution rate: conversations resolved by the AI with no human reply and not reopened within
 * the window, over conversations started (docs/metrics.md). The window is whole hours.
 */
import type { AnalyticsMetricValue } from '@tandem/shared';
import { MEASURE } from '../../storage/analytics/measures.js';
import { countOf, valueOf, type MeasureTotals } from './totals.js';

/** Contained resolutions reopened within `windowHours` of the resolution. */
export function reopenedWithin(t: MeasureTotals, windowHours: number): number {
  let reopened = 0;
  for (const [measure, total] of t) {
    if (!measure.startsWith(MEASURE.reopenedContainedPrefix)) continue;
    const hours = Number(measure.slice(MEASURE.reopenedContainedPrefix.length));
    if (hours <= windowHours) reopened += total.count;
  }
  return reopened;
}

/** Contained resolutions that stayed resolved through the window. */
export function lastingResolutions(t: MeasureTotals, windowHours: number): number {
  return Math.max(0, countOf(t, MEASURE.resolvedContained) - reopenedWithin(t, windowHours));
}

export function resolutionRate(t: MeasureTotals, windowHours: number): AnalyticsMetricValue {
  return valueOf('ratio', lastingResolutions(t, windowHours), countOf(t, 'conversation.started'));
}
