/**
 * Live customer events: the webhook sources a tenant's systems post to, and the append-only event
 * log they feed. Each event is stored once per (tenant, source, sender's event id), so a redelivery
 * is acknowledged and ignored; `seq` orders the log and is the cursor subscribers resume from.
 *
 * A source's secret is kept in plain text on purpose: verifying an HMAC needs the secret itself
 * (like Stripe's endpoint secret), so hashing it as API tokens are hashed is not an option.
 */
import { randomBytes } from 'node:crypto';
import type { CustomerRef, LiveEvent, LiveEventType } from '@tandem/shared';
import { newId } from './ids.js';
import type { Database } from './database.js';

export interface LiveSourceInfo {
  id: string;
  tenantId: string;
  name: string;
  createdAt: string;
}

/** A source with its signing secret: for the webhook receiver and for showing once at creation. */
export interface LiveSource extends LiveSourceInfo {
  secret: string;
}

/** An event to append: a validated `LiveEvent` and where it came from (the URL, never the payload). */
export interface NewLiveEvent extends LiveEvent {
  tenantId: string;
  sourceId: string;
}

export interface StoredLiveEvent extends NewLiveEvent {
  /** Position in the log: increases with every stored event, across tenants. */
  seq: number;
  receivedAt: string;
}

export interface AppendResult {
  /** The events stored by this call, in `seq` order. */
  inserted: StoredLiveEvent[];
  /** Events already in the log (or repeated earlier in the same batch): not stored again. */
  duplicates: number;
  /** Per input event, in input order: its new `seq`, or null when it was a duplicate. */
  outcomes: (number | null)[];
}

/** Secrets shorter than this are too easy to guess offline from one captured signature. */
export const MIN_SOURCE_SECRET_LENGTH = 16;

interface SourceRow extends Record<string, unknown> {
  id: string;
  tenant_id: string;
  name: string;
  secret: string;
  created_at: Date | string;
}

interface EventRow extends Record<string, unknown> {
  tenant_id: string;
  source_id: string;
  event_id: string;
  seq: string | number;
  type: LiveEventType;
  occurred_at: Date | string;
  source_version: string | number | null;
  customer_email: string | null;
  customer_external_id: string | null;
  data: Record<string, unknown>;
  received_at: Date | string;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const EVENT_COLUMNS =
  'tenant_id, source_id, event_id, seq, type, occurred_at, source_version, customer_email, customer_external_id, data, received_at';

/** Emails are matched case-insensitively, so they are stored in one case. */
const normalizeEmail = (email: string) => email.trim().toLowerCase();

function customerOf(email: string | null, externalId: string | null): CustomerRef {
  return { ...(email === null ? {} : { email }), ...(externalId === null ? {} : { externalId }) };
}

const toEvent = (r: EventRow): StoredLiveEvent => ({
  tenantId: r.tenant_id,
  sourceId: r.source_id,
  id: r.event_id,
  seq: Number(r.seq),
  type: r.type,
  occurredAt: iso(r.occurred_at),
  ...(r.source_version === null ? {} : { sourceVersion: Number(r.source_version) }),
  customer: customerOf(r.customer_email, r.customer_external_id),
  data: r.data,
  receivedAt: iso(r.received_at),
});

const toSource = (r: SourceRow): LiveSource => ({
  id: r.id,
  tenantId: r.tenant_id,
  name: r.name,
  secret: r.secret,
  createdAt: iso(r.created_at),
});

const eventKey = (e: { tenantId: string; sourceId: string; id: string }) => `${e.tenantId}\u0000${e.sourceId}\u0000${e.id}`;

export function liveEventsRepo(db: Database) {
  return {
    /** A new source; without `secret`, a random one is generated (returned once, here). */
    async createSource(tenantId: string, name: string, secret?: string): Promise<LiveSource> {
      const chosen = secret ?? `tlsec_${randomBytes(32).toString('base64url')}`;
      if (chosen.length < MIN_SOURCE_SECRET_LENGTH)
        throw new Error(`A source secret needs at least ${MIN_SOURCE_SECRET_LENGTH} characters`);
      const rows = await db.query<SourceRow>(
        'insert into live_sources (id, tenant_id, name, secret) values ($1, $2, $3, $4) returning id, tenant_id, name, secret, created_at',
        [newId('lsrc'), tenantId, name, chosen],
      );
      return toSource(rows[0] as SourceRow);
    },
    async getSource(tenantId: string, id: string): Promise<LiveSource | undefined> {
      const rows = await db.query<SourceRow>(
        'select id, tenant_id, name, secret, created_at from live_sources where tenant_id = $1 and id = $2',
        [tenantId, id],
      );
      return rows[0] === undefined ? undefined : toSource(rows[0]);
    },
    /** Without secrets: listings reach the console. */
    async listSources(tenantId: string): Promise<LiveSourceInfo[]> {
      const rows = await db.query<SourceRow>(
        'select id, tenant_id, name, created_at from live_sources where tenant_id = $1 order by created_at, id',
        [tenantId],
      );
      return rows.map((r) => ({ id: r.id, tenantId: r.tenant_id, name: r.name, createdAt: iso(r.created_at) }));
    },

    /**
     * Appends events in one transaction and one statement; events already stored are skipped by
     * the primary key (`on conflict do nothing`), so a redelivery or a retry after a lost answer
     * never stores an event twice. Within a batch, the first of repeated ids wins.
     */
    async appendBatch(events: readonly NewLiveEvent[]): Promise<AppendResult> {
      const outcomes: (number | null)[] = events.map(() => null);
      const firstIndex = new Map<string, number>();
      const rows: Record<string, unknown>[] = [];
      events.forEach((e, index) => {
        const key = eventKey(e);
        if (firstIndex.has(key)) return;
        firstIndex.set(key, index);
        rows.push({
          ord: rows.length,
          tenant_id: e.tenantId,
          source_id: e.sourceId,
          event_id: e.id,
          type: e.type,
          occurred_at: e.occurredAt,
          source_version: e.sourceVersion ?? null,
          customer_email: e.customer.email === undefined ? null : normalizeEmail(e.customer.email),
          customer_external_id: e.customer.externalId ?? null,
          data: e.data,
        });
      });
      if (rows.length === 0) return { inserted: [], duplicates: events.length, outcomes };
      // One jsonb parameter instead of 9 per row: no parameter limit, one statement per batch.
      const returned = await db.transaction((tx) =>
        tx.query<{ tenant_id: string; source_id: string; event_id: string; seq: string | number; received_at: Date | string }>(
          `insert into live_events (tenant_id, source_id, event_id, type, occurred_at, source_version, customer_email, customer_external_id, data)
           select r.tenant_id, r.source_id, r.event_id, r.type, r.occurred_at, r.source_version, r.customer_email, r.customer_external_id, r.data
           from jsonb_to_recordset($1::jsonb) as r(ord integer, tenant_id text, source_id text, event_id text, type text,
             occurred_at timestamptz, source_version bigint, customer_email text, customer_external_id text, data jsonb)
           order by r.ord
           on conflict (tenant_id, source_id, event_id) do nothing
           returning tenant_id, source_id, event_id, seq, received_at`,
          [JSON.stringify(rows)],
        ),
      );
      const inserted: StoredLiveEvent[] = [];
      for (const r of returned) {
        const index = firstIndex.get(eventKey({ tenantId: r.tenant_id, sourceId: r.source_id, id: r.event_id })) as number;
        const event = events[index] as NewLiveEvent;
        const seq = Number(r.seq);
        outcomes[index] = seq;
        inserted.push({
          ...event,
          occurredAt: new Date(event.occurredAt).toISOString(),
          customer: customerOf(
            event.customer.email === undefined ? null : normalizeEmail(event.customer.email),
            event.customer.externalId ?? null,
          ),
          seq,
          receivedAt: iso(r.received_at),
        });
      }
      inserted.sort((a, b) => a.seq - b.seq);
      return { inserted, duplicates: events.length - inserted.length, outcomes };
    },

    /** A tenant's events after `cursor` (a `seq`; 0 for the start), oldest first. */
    async eventsSince(tenantId: string, cursor: number, limit: number): Promise<StoredLiveEvent[]> {
      const rows = await db.query<EventRow>(
        `select ${EVENT_COLUMNS} from live_events where tenant_id = $1 and seq > $2 order by seq limit $3`,
        [tenantId, cursor, limit],
      );
      return rows.map(toEvent);
    },
    /** The latest `seq` stored for a tenant (0 when none): where a new subscriber starts. */
    async latestSeq(tenantId: string): Promise<number> {
      const rows = await db.query<{ seq: string | number | null }>('select max(seq) as seq from live_events where tenant_id = $1', [
        tenantId,
      ]);
      return Number(rows[0]?.seq ?? 0);
    },
    /**
     * The customer's most recent `limit` events (matching the email or the external id), oldest
     * first so a projection can replay them in order.
     */
    async eventsForCustomer(
      tenantId: string,
      customer: { email?: string; externalId?: string },
      limit: number,
    ): Promise<StoredLiveEvent[]> {
      const email = customer.email === undefined ? null : normalizeEmail(customer.email);
      const externalId = customer.externalId ?? null;
      if (email === null && externalId === null) return [];
      const rows = await db.query<EventRow>(
        `select * from (
           select ${EVENT_COLUMNS} from live_events
           where tenant_id = $1 and (customer_email = $2 or customer_external_id = $3)
           order by seq desc limit $4
         ) recent order by seq`,
        [tenantId, email, externalId, limit],
      );
      return rows.map(toEvent);
    },
  };
}
export type LiveEventsRepo = ReturnType<typeof liveEventsRepo>;
