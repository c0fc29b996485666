/** A metric series as CSV: one row per bucket, one column per metric, empty where there was no data. */
import type { AnalyticsMetricName, AnalyticsSeries } from '@tandem/shared';
import { toCsv } from './csv.js';

export function seriesCsv(series: AnalyticsSeries, metrics: readonly AnalyticsMetricName[]): string {
  return toCsv(
    ['bucket_start', ...metrics],
    series.points.map((p) => [p.at, ...metrics.map((m) => p.values[m] ?? null)]),
  );
}
