/**
 * Rebuilds a workspace's aggregates from its event stream: walks the events in stream order,
 * folds their measures with the same `measuresOf` the appends use, and swaps the buckets in one
 * transaction. Run after a definition change, or to check the live aggregates against the stream.
 */
import type { AnalyticsEventsRepo } from '../../storage/analytics/analyticsEventsRepo.js';
import { BucketAccumulator } from '../../storage/analytics/bucketRows.js';
import { measuresOf } from '../../storage/analytics/measures.js';

const PAGE = 20_000;

export async function rebuildAggregates(repo: AnalyticsEventsRepo, workspaceId: string): Promise<{ events: number; buckets: number }> {
  const acc = new BucketAccumulator();
  let seq = 0;
  let events = 0;
  for (;;) {
    const page = await repo.afterSeq(seq, PAGE, workspaceId);
    for (const e of page) acc.add(e.workspaceId, e.channel, e.agentId, measuresOf(e));
    events += page.length;
    const last = page[page.length - 1];
    if (last === undefined || page.length < PAGE) break;
    seq = last.seq;
  }
  const buckets = acc.size;
  await repo.replaceBuckets(workspaceId, acc.drain(2_000));
  return { events, buckets };
}

export async function rebuildAllAggregates(repo: AnalyticsEventsRepo): Promise<{ events: number; buckets: number }> {
  let events = 0;
  let buckets = 0;
  for (const workspaceId of await repo.workspaces()) {
    const r = await rebuildAggregates(repo, workspaceId);
    events += r.events;
    buckets += r.buckets;
  }
  return { events, buckets };
}
