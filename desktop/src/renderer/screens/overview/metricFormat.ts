/**
 * Formats an analytics figure by its unit: ratios as percentages, durations in the two largest
 * units, counts grouped. A null value is "no data" (denominator 0), never shown as zero.
 */
import type { AnalyticsMetricValue } from '@tandem/shared';

const NO_DATA = '—';

export function formatPercent(ratio: number | null): string {
  if (ratio === null) return NO_DATA;
  return `${(ratio * 100).toLocaleString(undefined, { maximumFractionDigits: 1 })}%`;
}

export function formatCount(count: number | null): string {
  return count === null ? NO_DATA : Math.round(count).toLocaleString();
}

/** "850 ms", "12 s", "4m 10s", "2h 5m". */
export function formatDuration(ms: number | null): string {
  if (ms === null) return NO_DATA;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

export function formatMetric(metric: Pick<AnalyticsMetricValue, 'value' | 'unit'>): string {
  switch (metric.unit) {
    case 'ratio':
      return formatPercent(metric.value);
    case 'ms':
      return formatDuration(metric.value);
    case 'score':
      return metric.value === null ? NO_DATA : metric.value.toLocaleString(undefined, { maximumFractionDigits: 2 });
    case 'minutes':
      return metric.value === null ? NO_DATA : formatDuration(metric.value * 60_000);
    case 'currency':
      return metric.value === null ? NO_DATA : metric.value.toLocaleString(undefined, { maximumFractionDigits: 2 });
    case 'count':
      return formatCount(metric.value);
  }
}
