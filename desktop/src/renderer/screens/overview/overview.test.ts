import { describe, expect, it } from 'vitest';
import { analyticsSeriesInputSchema } from '@tandem/shared';
import { formatCount, formatDuration, formatMetric, formatPercent } from './metricFormat';
import { OVERVIEW_PERIODS, PERIOD_BUCKETS, periodRange } from './periods';

describe('overview periods', () => {
  const now = new Date(2026, 11, 8, 15, 30);

  it('starts today at local midnight and the others a whole window back, all ending just after now', () => {
    const today = periodRange('today', now);
    expect(new Date(today.from).getHours()).toBe(0);
    expect(new Date(today.from).getDate()).toBe(8);
    expect(Date.parse(today.to)).toBe(now.getTime() + 1);
    expect(Date.parse(periodRange('30d', now).to) - Date.parse(periodRange('30d', now).from)).toBe(30 * 86_400_000 + 1);
  });

  it('asks for a series the server accepts, for every period', () => {
    for (const period of OVERVIEW_PERIODS) {
      const input = { period: periodRange(period, now), bucket: PERIOD_BUCKETS[period], metrics: ['csat'] };
      expect(analyticsSeriesInputSchema.safeParse(input).success, period).toBe(true);
    }
  });
});

describe('metric formatting', () => {
  it('shows no data as a dash, never as zero', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatMetric({ value: null, unit: 'ms' })).toBe('—');
    expect(formatCount(null)).toBe('—');
  });

  it('formats ratios, durations and counts in their units', () => {
    expect(formatPercent(0.4567)).toBe('45.7%');
    expect(formatMetric({ value: 1, unit: 'ratio' })).toBe('100%');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_400)).toBe('12 s');
    expect(formatDuration(250_000)).toBe('4m 10s');
    expect(formatDuration(7_500_000)).toBe('2h 5m');
    expect(formatMetric({ value: 3, unit: 'minutes' })).toBe('3m 0s');
  });
});
