/**
 * The analytics event stream: append-only, one event per (workspace, dedupe key), and the
 * minute/hour/day aggregates kept in the same transaction as each append. Other repositories call
 * `appendAnalyticsEvent(tx, …)` inside their own transaction so the event commits with the fact it
 * records; a duplicate (same dedupe key) changes nothing, aggregates included.
 */
import {
  analyticsChannelSchema,
  analyticsEventInputSchema,
  type AnalyticsBucket,
  type AnalyticsEvent,
  type AnalyticsEventData,
  type AnalyticsEventInput,
  type AnalyticsFilters,
  type AnalyticsPeriod,
} from '@tandem/shared';
import type { Database, SqlExecutor } from '../database.js';
import { newId } from '../ids.js';
import { signalAnalyticsAppended } from './appendSignal.js';
import { ALL, BucketAccumulator, type BucketRow } from './bucketRows.js';
import { measuresOf } from './measures.js';

export interface AppendOutcome {
  appended: boolean;
  /** The stored event (the earlier one when this was a duplicate). */
  event: AnalyticsEvent;
}

/** A bucket's summed measure, as the aggregate readers return it. */
export interface BucketTotal {
  start: string;
  measure: string;
  count: number;
  total: number;
}

interface EventRow extends Record<string, unknown> {
  seq: number | string;
  id: string;
  tenant_id: string;
  kind: string;
  channel: AnalyticsEvent['channel'];
  agent_id: string | null;
  customer_id: string | null;
  conversation_id: string | null;
  occurred_at: Date | string;
  recorded_at: Date | string;
  dedupe_key: string;
  data: AnalyticsEventData;
}

const COLUMNS = 'seq, id, tenant_id, kind, channel, agent_id, customer_id, conversation_id, occurred_at, recorded_at, dedupe_key, data';
const CHUNK = 2_000;

/** Rows were validated on the way in, so reading them back trusts the stored jsonb. */
const toEvent = (r: EventRow): AnalyticsEvent => ({
  seq: Number(r.seq),
  id: r.id,
  workspaceId: r.tenant_id,
  channel: r.channel,
  agentId: r.agent_id,
  customerId: r.customer_id,
  conversationId: r.conversation_id,
  occurredAt: new Date(r.occurred_at).toISOString(),
  recordedAt: new Date(r.recorded_at).toISOString(),
  dedupeKey: r.dedupe_key,
  data: r.data,
});

function filterSql(filters: AnalyticsFilters, params: unknown[]): string {
  let sql = '';
  if (filters.channel !== undefined) {
    params.push(filters.channel);
    sql += ` and channel = $${params.length}`;
  }
  if (filters.agentId !== undefined) {
    params.push(filters.agentId);
    sql += ` and agent_id = $${params.length}`;
  }
  return sql;
}

/** One bucket width over [from, to) (ISO instants aligned to it). */
export interface BucketSpan {
  bucket: AnalyticsBucket;
  from: string;
  to: string;
}

/** The schema's own channel names (constants, not input), as an SQL list. */
const CHANNELS_SQL = analyticsChannelSchema.options.map((c) => `'${c}'`).join(', ');

/**
 * Picks the aggregate rows a filter reads: the workspace rollup when unfiltered, else the per
 * channel × agent rows; every case is an equality (or the channel list) on the key's leading
 * columns, so it stays a range scan.
 */
function bucketFilterSql(filters: AnalyticsFilters, params: unknown[]): string {
  const push = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (filters.channel === undefined && filters.agentId === undefined) return ` and channel = ${push(ALL)} and agent_id = ${push(ALL)}`;
  const channel = filters.channel === undefined ? ` and channel in (${CHANNELS_SQL})` : ` and channel = ${push(filters.channel)}`;
  return filters.agentId === undefined ? channel : `${channel} and agent_id = ${push(filters.agentId)}`;
}

async function upsertBuckets(tx: SqlExecutor, rows: readonly BucketRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `insert into analytics_buckets (tenant_id, bucket, start, channel, agent_id, measure, count, total)
     select tenant_id, bucket, start, channel, agent_id, measure, count, total
       from jsonb_to_recordset($1::jsonb) as r(tenant_id text, bucket text, start timestamptz, channel text, agent_id text, measure text, count bigint, total double precision)
     on conflict (tenant_id, channel, agent_id, bucket, start, measure)
     do update set count = analytics_buckets.count + excluded.count, total = analytics_buckets.total + excluded.total`,
    [JSON.stringify(rows)],
  );
}

/**
 * Appends events inside `tx` (the caller's transaction) and adds them to the aggregates; returns
 * the events that were new. Duplicates by dedupe key, in the store or within `inputs`, are skipped.
 */
export async function appendAnalyticsEvents(
  tx: SqlExecutor,
  inputs: readonly AnalyticsEventInput[],
  options: { aggregate?: boolean } = {},
): Promise<AnalyticsEvent[]> {
  const fresh: AnalyticsEvent[] = [];
  for (let i = 0; i < inputs.length; i += CHUNK) {
    const rows = inputs.slice(i, i + CHUNK).map((raw) => {
      const e = analyticsEventInputSchema.parse(raw);
      return {
        id: newId('ae'),
        tenant_id: e.workspaceId,
        kind: e.data.kind,
        channel: e.channel,
        agent_id: e.agentId,
        customer_id: e.customerId,
        conversation_id: e.conversationId,
        occurred_at: e.occurredAt,
        dedupe_key: e.dedupeKey,
        data: e.data,
      };
    });
    const inserted = await tx.query<EventRow>(
      `insert into analytics_events (id, tenant_id, kind, channel, agent_id, customer_id, conversation_id, occurred_at, dedupe_key, data)
       select id, tenant_id, kind, channel, agent_id, customer_id, conversation_id, occurred_at, dedupe_key, data
         from jsonb_to_recordset($1::jsonb) as r(id text, tenant_id text, kind text, channel text, agent_id text, customer_id text,
                                                 conversation_id text, occurred_at timestamptz, dedupe_key text, data jsonb)
       on conflict (tenant_id, dedupe_key) do nothing
       returning ${COLUMNS}`,
      [JSON.stringify(rows)],
    );
    const events = inserted.map(toEvent);
    if (options.aggregate !== false) {
      const acc = new BucketAccumulator();
      for (const e of events) acc.add(e.workspaceId, e.channel, e.agentId, measuresOf(e));
      for (const batch of acc.drain(CHUNK)) await upsertBuckets(tx, batch);
    }
    fresh.push(...events);
  }
  if (fresh.length > 0) queueMicrotask(signalAnalyticsAppended);
  return fresh;
}

/** One event, inside the caller's transaction. */
export async function appendAnalyticsEvent(tx: SqlExecutor, input: AnalyticsEventInput): Promise<AppendOutcome> {
  const [event] = await appendAnalyticsEvents(tx, [input]);
  if (event !== undefined) return { appended: true, event };
  const rows = await tx.query<EventRow>(`select ${COLUMNS} from analytics_events where tenant_id = $1 and dedupe_key = $2`, [
    input.workspaceId,
    input.dedupeKey,
  ]);
  return { appended: false, event: toEvent(rows[0] as EventRow) };
}

const isDatabase = (db: SqlExecutor | Database): db is Database => 'transaction' in db;

export function analyticsEventsRepo(db: SqlExecutor | Database) {
  const inTransaction = <T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> => (isDatabase(db) ? db.transaction(work) : work(db));

  return {
    /** Appends one event with its aggregates, idempotent on (workspace, dedupe key). */
    append(input: AnalyticsEventInput): Promise<AppendOutcome> {
      return inTransaction((tx) => appendAnalyticsEvent(tx, input));
    },

    /** Appends many in one transaction (imports, seeding); `aggregate: false` leaves the aggregates to a rebuild. */
    appendMany(inputs: readonly AnalyticsEventInput[], options: { aggregate?: boolean } = {}): Promise<AnalyticsEvent[]> {
      return inTransaction((tx) => appendAnalyticsEvents(tx, inputs, options));
    },

    /** A workspace's events that occurred in [from, to), oldest first. */
    async inPeriod(workspaceId: string, period: AnalyticsPeriod, filters: AnalyticsFilters = {}): Promise<AnalyticsEvent[]> {
      const params: unknown[] = [workspaceId, period.from, period.to];
      const rows = await db.query<EventRow>(
        `select ${COLUMNS} from analytics_events
          where tenant_id = $1 and occurred_at >= $2 and occurred_at < $3${filterSql(filters, params)}
          order by occurred_at, seq`,
        params,
      );
      return rows.map(toEvent);
    },

    /** Events of every workspace (or one) stored after `seq`, in stream order: the live feed's and the rebuild's cursor. */
    async afterSeq(seq: number, limit: number, workspaceId?: string): Promise<AnalyticsEvent[]> {
      const rows = await db.query<EventRow>(
        workspaceId === undefined
          ? `select ${COLUMNS} from analytics_events where seq > $1 order by seq limit $2`
          : `select ${COLUMNS} from analytics_events where seq > $1 and tenant_id = $3 order by seq limit $2`,
        workspaceId === undefined ? [seq, limit] : [seq, limit, workspaceId],
      );
      return rows.map(toEvent);
    },

    async latestSeq(): Promise<number> {
      const rows = await db.query<{ seq: number | string | null }>('select max(seq) as seq from analytics_events');
      return Number(rows[0]?.seq ?? 0);
    },

    /**
     * Summed measures of one bucket width whose start lies in [from, to), per bucket start
     * (`perBucket`) or over the whole range.
     */
    async bucketTotals(
      workspaceId: string,
      bucket: AnalyticsBucket,
      from: string,
      to: string,
      filters: AnalyticsFilters = {},
      perBucket = false,
    ): Promise<BucketTotal[]> {
      const params: unknown[] = [workspaceId, bucket, from, to];
      const where = `tenant_id = $1 and bucket = $2 and start >= $3 and start < $4${bucketFilterSql(filters, params)}`;
      const rows = await db.query<{ start: Date | string | null; measure: string; count: number | string; total: number | string }>(
        perBucket
          ? `select start, measure, sum(count) as count, sum(total) as total from analytics_buckets where ${where} group by start, measure order by start`
          : `select null as start, measure, sum(count) as count, sum(total) as total from analytics_buckets where ${where} group by measure`,
        params,
      );
      return rows.map((r) => ({
        start: r.start === null ? from : new Date(r.start).toISOString(),
        measure: r.measure,
        count: Number(r.count),
        total: Number(r.total),
      }));
    },

    /**
     * Summed measures over several spans (a period's cover) in one statement: one range scan per
     * span, summed per measure. Each row's `start` is the first span's `from`.
     */
    async spanTotals(workspaceId: string, spans: readonly BucketSpan[], filters: AnalyticsFilters = {}): Promise<BucketTotal[]> {
      const first = spans[0];
      if (first === undefined) return [];
      const params: unknown[] = [workspaceId];
      const filter = bucketFilterSql(filters, params);
      const parts = spans.map((s) => {
        params.push(s.bucket, s.from, s.to);
        const n = params.length;
        return `select measure, count, total from analytics_buckets
                 where tenant_id = $1${filter} and bucket = $${n - 2} and start >= $${n - 1} and start < $${n}`;
      });
      const rows = await db.query<{ measure: string; count: number | string; total: number | string }>(
        `select measure, sum(count) as count, sum(total) as total from (${parts.join(' union all ')}) spans group by measure`,
        params,
      );
      return rows.map((r) => ({ start: first.from, measure: r.measure, count: Number(r.count), total: Number(r.total) }));
    },

    /** Replaces a workspace's aggregates (a rebuild), in one transaction. */
    async replaceBuckets(workspaceId: string, rows: Iterable<BucketRow[]>): Promise<void> {
      await inTransaction(async (tx) => {
        await tx.query('delete from analytics_buckets where tenant_id = $1', [workspaceId]);
        for (const batch of rows) await upsertBuckets(tx, batch);
      });
    },

    /** Workspaces that have events (a full rebuild walks them). */
    async workspaces(): Promise<string[]> {
      const rows = await db.query<{ tenant_id: string }>('select distinct tenant_id from analytics_events order by tenant_id');
      return rows.map((r) => r.tenant_id);
    },
  };
}
export type AnalyticsEventsRepo = ReturnType<typeof analyticsEventsRepo>;
