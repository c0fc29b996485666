/**
 * The analytics unit's entry point for the other engineer's alerts, exports and unanswered
 * clusters, and for the interface floor: the service, the metric functions and the totals they read.
 */
export { analyticsService, type AnalyticsService, type PeriodQuery } from './analyticsService.js';
export { computeMetrics, METRICS } from './metrics/computeMetrics.js';
export { totalsFromEvents, totalsFromRows, type MeasureTotals } from './metrics/totals.js';
export { periodTotals, bucketSeries } from './aggregates/queryAggregates.js';
export { rebuildAggregates, rebuildAllAggregates } from './aggregates/rebuildAggregates.js';
