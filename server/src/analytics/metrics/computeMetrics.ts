/**
 * Every metric of the list, from one set of measure totals: the registry that keeps
 * `ANALYTICS_METRIC_NAMES` and the metric functions in step (a missing entry fails to compile).
 */
import type { AnalyticsMetricName, AnalyticsMetricValue, AnalyticsSettings } from '@tandem/shared';
import { averageHandleTime } from './averageHandleTime.js';
import { containmentRate } from './containmentRate.js';
import { copilotAdoption } from './copilotAdoption.js';
import { csat, csatResponseRate } from './csat.js';
import { escalationRate } from './escalationRate.js';
import { fallbackRate } from './fallbackRate.js';
import { firstResponseTime } from './firstResponseTime.js';
import { resolutionRate } from './resolutionRate.js';
import { costPerResolution, timeSaved } from './timeSaved.js';
import type { MeasureTotals } from './totals.js';
import { unansweredCount } from './unansweredCount.js';

export const METRICS: Readonly<Record<AnalyticsMetricName, (t: MeasureTotals, s: AnalyticsSettings) => AnalyticsMetricValue>> = {
  firstResponseTime: (t) => firstResponseTime(t),
  averageHandleTime: (t) => averageHandleTime(t),
  resolutionRate: (t, s) => resolutionRate(t, s.reopenWindowHours),
  containmentRate: (t) => containmentRate(t),
  fallbackRate: (t) => fallbackRate(t),
  escalationRate: (t) => escalationRate(t),
  csat: (t) => csat(t),
  csatResponseRate: (t) => csatResponseRate(t),
  copilotAdoption: (t) => copilotAdoption(t),
  unansweredCount: (t) => unansweredCount(t),
  timeSaved: (t, s) => timeSaved(t, s),
  costPerResolution: (t, s) => costPerResolution(t, s),
};

export function computeMetrics(
  t: MeasureTotals,
  settings: AnalyticsSettings,
  names: readonly AnalyticsMetricName[] = Object.keys(METRICS) as AnalyticsMetricName[],
): Partial<Record<AnalyticsMetricName, AnalyticsMetricValue>> {
  const out: Partial<Record<AnalyticsMetricName, AnalyticsMetricValue>> = {};
  for (const name of names) out[name] = METRICS[name](t, settings);
  return out;
}
