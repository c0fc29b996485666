/**
 * Folds measure contributions into aggregate rows: one per (bucket width, bucket start, channel,
 * agent, measure), with counts and totals summed, ready for one upsert statement. Each
 * contribution also goes to a workspace-wide rollup row (channel and agent `ALL`), so an
 * unfiltered read does not sum every channel × agent row.
 */
import { BUCKET_MS, type AnalyticsBucket } from '@tandem/shared';
import type { MeasureContribution } from './measures.js';

export interface BucketRow {
  tenant_id: string;
  bucket: AnalyticsBucket;
  start: string;
  channel: string;
  agent_id: string;
  measure: string;
  count: number;
  total: number;
}

const WIDTHS: readonly AnalyticsBucket[] = ['minute', 'hour', 'day'];

/** Channel and agent of the rollup rows; '*' is no channel (the column's check allows it). */
export const ALL = '*';

export function bucketStart(at: string | number, bucket: AnalyticsBucket): string {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  const width = BUCKET_MS[bucket];
  return new Date(Math.floor(ms / width) * width).toISOString();
}

export class BucketAccumulator {
  private readonly rows = new Map<string, BucketRow>();

  add(tenantId: string, channel: string, agentId: string | null, contributions: readonly MeasureContribution[]): void {
    const agent = agentId ?? '';
    for (const c of contributions) {
      const ms = Date.parse(c.at);
      for (const bucket of WIDTHS) {
        const start = bucketStart(ms, bucket);
        this.fold(tenantId, bucket, start, channel, agent, c);
        this.fold(tenantId, bucket, start, ALL, ALL, c);
      }
    }
  }

  private fold(tenantId: string, bucket: AnalyticsBucket, start: string, channel: string, agent: string, c: MeasureContribution): void {
    const key = `${tenantId}\u0000${bucket}\u0000${start}\u0000${channel}\u0000${agent}\u0000${c.measure}`;
    const row = this.rows.get(key);
    if (row === undefined) {
      this.rows.set(key, {
        tenant_id: tenantId,
        bucket,
        start,
        channel,
        agent_id: agent,
        measure: c.measure,
        count: c.count,
        total: c.total,
      });
    } else {
      row.count += c.count;
      row.total += c.total;
    }
  }

  get size(): number {
    return this.rows.size;
  }

  /** Hands the rows out in chunks and forgets them. */
  *drain(chunk: number): Generator<BucketRow[]> {
    let batch: BucketRow[] = [];
    for (const row of this.rows.values()) {
      batch.push(row);
      if (batch.length >= chunk) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
    this.rows.clear();
  }
}
