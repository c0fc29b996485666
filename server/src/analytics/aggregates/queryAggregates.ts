/**
 * Reads aggregate buckets back as measure totals: a whole period (summary), or one set of totals
 * per bucket (series).
 */
import { BUCKET_MS, type AnalyticsBucket, type AnalyticsFilters } from '@tandem/shared';
import type { AnalyticsEventsRepo, BucketTotal } from '../../storage/analytics/analyticsEventsRepo.js';
import { totalsFromRows, type MeasureTotal } from '../metrics/totals.js';
import { periodCover, wholeMinutes } from './periodCover.js';

type Repo = Pick<AnalyticsEventsRepo, 'bucketTotals' | 'spanTotals'>;

export async function periodTotals(
  repo: Repo,
  workspaceId: string,
  period: { from: string; to: string },
  filters: AnalyticsFilters,
): Promise<Map<string, MeasureTotal>> {
  // The whole cover in one statement: a round trip per width cost more than the rows it reads.
  const spans = periodCover(period.from, period.to).map((r) => ({
    bucket: r.bucket,
    from: new Date(r.from).toISOString(),
    to: new Date(r.to).toISOString(),
  }));
  return totalsFromRows(await repo.spanTotals(workspaceId, spans, filters));
}

/** Totals per bucket start over the period (buckets with no events are present and empty). */
export async function bucketSeries(
  repo: Repo,
  workspaceId: string,
  period: { from: string; to: string },
  bucket: AnalyticsBucket,
  filters: AnalyticsFilters,
): Promise<{ at: string; totals: Map<string, MeasureTotal> }[]> {
  const width = BUCKET_MS[bucket];
  const minutes = wholeMinutes(period.from, period.to);
  const from = Math.floor(minutes.from / width) * width;
  const to = Math.ceil(minutes.to / width) * width;
  const rows = await repo.bucketTotals(workspaceId, bucket, new Date(from).toISOString(), new Date(to).toISOString(), filters, true);
  const byStart = new Map<string, BucketTotal[]>();
  for (const row of rows) {
    const list = byStart.get(row.start);
    if (list === undefined) byStart.set(row.start, [row]);
    else list.push(row);
  }
  const points: { at: string; totals: Map<string, MeasureTotal> }[] = [];
  for (let at = from; at < to; at += width) {
    const iso = new Date(at).toISOString();
    points.push({ at: iso, totals: totalsFromRows(byStart.get(iso) ?? []) });
  }
  return points;
}
