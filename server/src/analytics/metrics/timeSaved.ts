/**
 * Time saved and cost per resolution (docs/metrics.md): lasting AI resolutions each save the
 * minutes an agent spends per ticket; each resolution that needed a person costs those minutes at
 * the agent's hourly cost, spread over all resolutions.
 */
import type { AnalyticsMetricValue, AnalyticsSettings } from '@tandem/shared';
import { MEASURE } from '../../storage/analytics/measures.js';
import { lastingResolutions } from './resolutionRate.js';
import { countOf, valueOf, type MeasureTotals } from './totals.js';

export function timeSaved(t: MeasureTotals, settings: AnalyticsSettings): AnalyticsMetricValue {
  const lasting = lastingResolutions(t, settings.reopenWindowHours);
  const minutes = lasting * settings.minutesPerTicket;
  return { value: minutes, unit: 'minutes', numerator: minutes, denominator: 1 };
}

export function costPerResolution(t: MeasureTotals, settings: AnalyticsSettings): AnalyticsMetricValue {
  const humanCost = countOf(t, MEASURE.resolvedByHuman) * (settings.minutesPerTicket / 60) * settings.agentCostPerHour;
  return valueOf('currency', humanCost, countOf(t, 'conversation.resolved'));
}
