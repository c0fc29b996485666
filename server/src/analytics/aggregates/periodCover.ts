/**
 * Covers a period with as few aggregate buckets as possible: whole days in the middle, whole hours
 * beside them, minutes at the edges. A 30-day query then reads ~30 day rows per measure plus a
 * few dozen hour and minute rows, not 43,200 minutes. Periods are taken in whole minutes (from
 * rounded down, to rounded up), the finest bucket there is.
 */
import { BUCKET_MS, type AnalyticsBucket } from '@tandem/shared';

export interface BucketRange {
  bucket: AnalyticsBucket;
  /** [from, to) in ms since the epoch, aligned to the bucket. */
  from: number;
  to: number;
}

const floorTo = (ms: number, width: number) => Math.floor(ms / width) * width;
const ceilTo = (ms: number, width: number) => Math.ceil(ms / width) * width;

export function wholeMinutes(from: string, to: string): { from: number; to: number } {
  return { from: floorTo(Date.parse(from), BUCKET_MS.minute), to: ceilTo(Date.parse(to), BUCKET_MS.minute) };
}

function cover(from: number, to: number, widths: readonly AnalyticsBucket[]): BucketRange[] {
  if (from >= to) return [];
  const [bucket, ...finer] = widths;
  if (bucket === undefined) return [];
  const width = BUCKET_MS[bucket];
  if (finer.length === 0) return [{ bucket, from, to }];
  const start = ceilTo(from, width);
  const end = floorTo(to, width);
  if (start >= end) return cover(from, to, finer);
  return [...cover(from, start, finer), { bucket, from: start, to: end }, ...cover(end, to, finer)];
}

export function periodCover(from: string, to: string): BucketRange[] {
  const p = wholeMinutes(from, to);
  return cover(p.from, p.to, ['day', 'hour', 'minute']);
}
