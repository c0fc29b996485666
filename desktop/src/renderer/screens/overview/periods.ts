/**
 * The periods the overview offers and how each maps to an analytics period and bucket. The end
 * is "now" at fetch time (not at render), so a live refresh widens the period instead of the
 * query key changing on every render.
 */
import type { AnalyticsBucket, AnalyticsPeriod } from '@tandem/shared';

export const OVERVIEW_PERIODS = ['today', '7d', '30d'] as const;
export type OverviewPeriod = (typeof OVERVIEW_PERIODS)[number];

export const PERIOD_LABELS: Readonly<Record<OverviewPeriod, string>> = { today: 'Today', '7d': '7 days', '30d': '30 days' };

/** Hourly points for a day or a week (24 or 168), daily for a month: enough to read a trend, never crowded. */
export const PERIOD_BUCKETS: Readonly<Record<OverviewPeriod, AnalyticsBucket>> = { today: 'hour', '7d': 'hour', '30d': 'day' };

const DAY_MS = 86_400_000;

/** Today starts at local midnight (what a lead means by "today"); the others are rolling windows ending now. */
export function periodRange(period: OverviewPeriod, now: Date): AnalyticsPeriod {
  const to = new Date(now.getTime() + 1);
  let from: Date;
  if (period === 'today') from = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  else from = new Date(now.getTime() - (period === '7d' ? 7 : 30) * DAY_MS);
  return { from: from.toISOString(), to: to.toISOString() };
}
