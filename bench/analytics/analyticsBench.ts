/**
 * Analytics: one workspace with 1 million recorded events over 30 days in an in-memory PGlite
 * store (bulk-appended in 10,000-event statements, aggregates off), then
 *  - the rebuild of every aggregate from the stream, against plain SQL building the per-kind
 *    minute/hour/day counts with one `insert … select … group by` per width;
 *  - the 30-day summary (`analyticsService.summary`, every metric) from the aggregates, p50/p95
 *    over shifted periods, against plain SQL computing the same totals over the raw events (the
 *    two are checked to agree);
 *  - event → subscriber delay: an event appended while `analytics.live`'s feed follows the
 *    workspace, measured from just before the append to the update reaching the subscriber;
 *    against appending and recomputing the 30-day totals from the raw events with plain SQL.
 * `ANALYTICS_BENCH_EVENTS` changes the event count (default 1,000,000).
 */
import { analyticsService } from '../../server/src/analytics/analyticsService.js';
import { openPgliteDatabase } from '../../server/src/storage/pglite/pgliteDatabase.js';
import { storeOn, type Store } from '../../server/src/storage/store.js';
import { ms, percentile, type BenchRow } from '../report.js';
import { generateEvents } from './eventGenerator.js';

const AREA = 'analytics';
const COMMAND = '`npm run bench -- analytics`';
const TOTAL = Number(process.env.ANALYTICS_BENCH_EVENTS ?? 1_000_000);
const WORKSPACE = 'bench';
const START = Date.parse('2026-01-01T00:00:00.000Z');
const DAY = 86_400_000;
const QUERIES = 20;
const DELAYS = 100;
/** The raw-SQL peer of the delay scans every event, so it runs on every tenth append only. */
const PEER_EVERY = 10;

const RAW_TOTALS = `
  select
    count(*) filter (where kind = 'conversation.started') as started,
    count(*) filter (where kind = 'response.first') as first_n,
    coalesce(sum((data->>'waitMs')::float8) filter (where kind = 'response.first'), 0) as first_sum,
    count(*) filter (where kind = 'conversation.resolved') as resolved,
    coalesce(sum((data->>'handleMs')::float8) filter (where kind = 'conversation.resolved'), 0) as handle_sum,
    count(*) filter (where kind = 'conversation.resolved' and data->>'by' = 'ai' and not (data->>'humanReplied')::boolean) as contained,
    count(*) filter (where kind = 'ai.answered') as answered,
    count(*) filter (where kind = 'ai.fallback') as fallbacks,
    count(*) filter (where kind = 'ai.fallback' and data->>'reason' in ('no-answer', 'low-confidence')) as unanswered,
    count(*) filter (where kind = 'handoff') as handoffs,
    count(*) filter (where kind = 'rating') as ratings,
    count(*) filter (where kind = 'rating' and (data->>'score')::int >= 4) as satisfied,
    count(*) filter (where kind in ('draft.inserted', 'draft.edited')) as drafts_used,
    count(*) filter (where kind = 'draft.discarded') as drafts_discarded
  from analytics_events where tenant_id = $1 and occurred_at >= $2 and occurred_at < $3`;
const RAW_REOPENS = `
  select count(*) as reopened from analytics_events
  where tenant_id = $1 and kind = 'conversation.reopened' and (data->>'contained')::boolean
    and (data->>'resolvedAt')::timestamptz >= $2 and (data->>'resolvedAt')::timestamptz < $3
    and occurred_at - (data->>'resolvedAt')::timestamptz <= interval '72 hours'`;
const RAW_CAUSES = `
  select data->>'cause' as cause, count(*) as n from analytics_events
  where tenant_id = $1 and kind = 'handoff' and occurred_at >= $2 and occurred_at < $3 group by 1`;

async function rawSummary(store: Store, from: string, to: string) {
  const [totals] = await store.db.query<Record<string, string | number>>(RAW_TOTALS, [WORKSPACE, from, to]);
  const [reopens] = await store.db.query<{ reopened: string | number }>(RAW_REOPENS, [WORKSPACE, from, to]);
  const causes = await store.db.query<{ cause: string; n: string | number }>(RAW_CAUSES, [WORKSPACE, from, to]);
  return {
    started: Number(totals?.started),
    contained: Number(totals?.contained),
    reopened: Number(reopens?.reopened),
    causes: causes.length,
  };
}

const SQL_REBUILD = (width: string) => `
  insert into bench_peer_buckets
  select tenant_id, '${width}', date_trunc('${width}', occurred_at at time zone 'UTC'), channel, coalesce(agent_id, ''), kind, count(*)
  from analytics_events where tenant_id = $1 group by 1, 2, 3, 4, 5, 6`;

const stats = (xs: number[]) => `p50 ${ms(percentile(xs, 50))} / p95 ${ms(percentile(xs, 95))}`;

export async function analyticsBench(): Promise<BenchRow[]> {
  const store = await storeOn(await openPgliteDatabase());
  await store.tenants.create(WORKSPACE, 'Bench');
  const service = analyticsService(store.analytics);

  let t = performance.now();
  for (const batch of generateEvents(WORKSPACE, START, TOTAL, 10_000)) await store.analytics.appendMany(batch, { aggregate: false });
  const loadMs = performance.now() - t;
  console.log(`  stored ${TOTAL} events in ${(loadMs / 1000).toFixed(1)} s (${Math.round(TOTAL / (loadMs / 1000))} events/s)`);

  t = performance.now();
  const rebuilt = await service.rebuild(WORKSPACE);
  const rebuildMs = performance.now() - t;
  await store.db.exec(
    'create temp table bench_peer_buckets (tenant_id text, bucket text, start timestamp, channel text, agent_id text, measure text, count bigint)',
  );
  t = performance.now();
  for (const width of ['minute', 'hour', 'day']) await store.db.query(SQL_REBUILD(width), [WORKSPACE]);
  const sqlRebuildMs = performance.now() - t;
  console.log(`  rebuild: ${rebuilt.events} events → ${rebuilt.buckets} bucket rows in ${(rebuildMs / 1000).toFixed(1)} s`);

  const summaryTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    // Shifted 30-day periods that start and end mid-hour, so every bucket width is read.
    const from = new Date(START + i * 3_660_000 + 17 * 60_000).toISOString();
    const to = new Date(Date.parse(from) + 30 * DAY - 3_600_000).toISOString();
    let q = performance.now();
    const summary = await service.summary(WORKSPACE, { period: { from, to }, filters: {}, settings: {} });
    summaryTimes.push(performance.now() - q);
    q = performance.now();
    const raw = await rawSummary(store, from, to);
    rawTimes.push(performance.now() - q);
    const reopenAdjusted = summary.metrics.resolutionRate.numerator;
    if (summary.metrics.resolutionRate.denominator !== raw.started || reopenAdjusted !== raw.contained - raw.reopened) {
      throw new Error(
        `aggregates and raw SQL disagree for ${from}: ${JSON.stringify(summary.metrics.resolutionRate)} vs ${JSON.stringify(raw)}`,
      );
    }
  }

  await service.start();
  const controller = new AbortController();
  const updates = service.live(WORKSPACE, {}, controller.signal);
  const delays: number[] = [];
  const appendThenRaw: number[] = [];
  for (let i = 0; i < DELAYS; i++) {
    const event = {
      workspaceId: WORKSPACE,
      channel: 'widget' as const,
      agentId: null,
      customerId: `vis_live_${i}`,
      conversationId: `live_${i}`,
      occurredAt: new Date(START + 29 * DAY + i * 1_000).toISOString(),
      dedupeKey: `live:${i}`,
      data: { kind: 'conversation.started' as const },
    };
    const sent = performance.now();
    const next = updates.next();
    await store.analytics.append(event);
    await next;
    delays.push(performance.now() - sent);
    if (i % PEER_EVERY !== 0) continue;
    const p = performance.now();
    await store.analytics.append({ ...event, dedupeKey: `live-peer:${i}` });
    await rawSummary(store, new Date(START).toISOString(), new Date(START + 30 * DAY).toISOString());
    appendThenRaw.push(performance.now() - p);
  }
  controller.abort();
  await updates.return(undefined);
  await service.stop();
  await store.close();

  const events = `${(TOTAL / 1e6).toFixed(TOTAL % 1e6 === 0 ? 0 : 2)}M events`;
  return [
    {
      area: AREA,
      metric: `30-day summary from aggregates, every metric (${events}, ${QUERIES} periods)`,
      value: stats(summaryTimes),
      peer: `plain SQL over the raw events, same totals: ${stats(rawTimes)} (${(percentile(rawTimes, 95) / percentile(summaryTimes, 95)).toFixed(0)}× the p95); budget p95 < 50 ms`,
      command: COMMAND,
    },
    {
      area: AREA,
      metric: `event → analytics.live subscriber delay (${DELAYS} appends)`,
      value: stats(delays),
      peer: `append + 30-day totals recomputed from raw events with plain SQL (${appendThenRaw.length} of them): ${stats(appendThenRaw)}`,
      command: COMMAND,
    },
    {
      area: AREA,
      metric: `rebuild of every aggregate from the stream (${events} → ${rebuilt.buckets} bucket rows)`,
      value: `${(rebuildMs / 1000).toFixed(1)} s`,
      peer: `plain SQL insert…select…group by, per-kind counts only (no derived measures): ${(sqlRebuildMs / 1000).toFixed(1)} s`,
      command: COMMAND,
    },
  ];
}
