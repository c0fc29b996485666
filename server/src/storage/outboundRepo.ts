/**
 * Outbound webhooks: the endpoints a tenant registered to hear about Tandem's events, and the
 * delivery log, which is also the send queue. A delivery is stored before anyone is told it was
 * emitted, and a sender claims it by pushing `next_attempt_at` past a lease, so a delivery in
 * flight when a process dies is due again once the lease runs out, and two senders never claim
 * the same one at once.
 *
 * The endpoint secret is kept in plain text on purpose, as a live source's is: signing needs it.
 */
import { randomBytes } from 'node:crypto';
import { newId } from './ids.js';
import type { OutboundEventType } from '@tandem/shared';
import type { SqlExecutor } from './database.js';

export interface OutboundEndpointInfo {
  id: string;
  tenantId: string;
  url: string;
  eventTypes: OutboundEventType[];
  createdAt: string;
  disabledAt: string | null;
}

/** An endpoint with its signing secret: for the sender, and for showing once at creation. */
export interface OutboundEndpoint extends OutboundEndpointInfo {
  secret: string;
}

export type OutboundDeliveryStatus = 'pending' | 'succeeded' | 'failed';

/** One event for one endpoint, as the delivery log shows it (no payload, no secret). */
export interface OutboundDelivery {
  id: string;
  tenantId: string;
  endpointId: string;
  eventId: string;
  eventType: OutboundEventType;
  status: OutboundDeliveryStatus;
  attempts: number;
  nextAttemptAt: string;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** A claimed delivery with what sending it needs. */
export interface DueDelivery extends OutboundDelivery {
  payload: Record<string, unknown>;
  endpoint: { url: string; secret: string; disabled: boolean };
}

export interface NewOutboundEvent {
  tenantId: string;
  eventId: string;
  eventType: OutboundEventType;
  payload: Record<string, unknown>;
  at: Date;
}

/** What one attempt (or a decision not to attempt) leaves in the log. */
export interface DeliveryOutcome {
  status: OutboundDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  /** When a pending delivery is due again. */
  nextAttemptAt?: Date;
  deliveredAt?: Date;
}

interface EndpointRow extends Record<string, unknown> {
  id: string;
  tenant_id: string;
  url: string;
  secret: string;
  event_types: OutboundEventType[];
  created_at: Date | string;
  disabled_at: Date | string | null;
}

interface DeliveryRow extends Record<string, unknown> {
  id: string;
  tenant_id: string;
  endpoint_id: string;
  event_id: string;
  event_type: OutboundEventType;
  status: OutboundDeliveryStatus;
  attempts: number;
  next_attempt_at: Date | string;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date | string;
  delivered_at: Date | string | null;
}

interface DueRow extends DeliveryRow {
  payload: Record<string, unknown>;
  endpoint_url: string;
  endpoint_secret: string;
  endpoint_disabled_at: Date | string | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

const ENDPOINT_COLUMNS = 'id, tenant_id, url, secret, event_types, created_at, disabled_at';
const DELIVERY_COLUMNS =
  'id, tenant_id, endpoint_id, event_id, event_type, status, attempts, next_attempt_at, last_status_code, last_error, created_at, delivered_at';

const toEndpoint = (r: EndpointRow): OutboundEndpoint => ({
  id: r.id,
  tenantId: r.tenant_id,
  url: r.url,
  secret: r.secret,
  eventTypes: r.event_types,
  createdAt: iso(r.created_at),
  disabledAt: isoOrNull(r.disabled_at),
});

const toInfo = ({ secret: _secret, ...info }: OutboundEndpoint): OutboundEndpointInfo => info;

const toDelivery = (r: DeliveryRow): OutboundDelivery => ({
  id: r.id,
  tenantId: r.tenant_id,
  endpointId: r.endpoint_id,
  eventId: r.event_id,
  eventType: r.event_type,
  status: r.status,
  attempts: Number(r.attempts),
  nextAttemptAt: iso(r.next_attempt_at),
  lastStatusCode: r.last_status_code === null ? null : Number(r.last_status_code),
  lastError: r.last_error,
  createdAt: iso(r.created_at),
  deliveredAt: isoOrNull(r.delivered_at),
});

/** A fresh endpoint secret: 256 random bits, as long as a live source's. */
export const newEndpointSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

export function outboundRepo(db: SqlExecutor) {
  return {
    /** A new endpoint with a generated secret (returned here, once). */
    async createEndpoint(input: { tenantId: string; url: string; eventTypes: readonly OutboundEventType[] }): Promise<OutboundEndpoint> {
      const rows = await db.query<EndpointRow>(
        `insert into outbound_endpoints (id, tenant_id, url, secret, event_types) values ($1, $2, $3, $4, $5::jsonb) returning ${ENDPOINT_COLUMNS}`,
        [newId('obep'), input.tenantId, input.url, newEndpointSecret(), JSON.stringify([...new Set(input.eventTypes)])],
      );
      return toEndpoint(rows[0] as EndpointRow);
    },
    /** A workspace's endpoints, oldest first, without their secrets. */
    async listEndpoints(tenantId: string): Promise<OutboundEndpointInfo[]> {
      const rows = await db.query<EndpointRow>(
        `select ${ENDPOINT_COLUMNS} from outbound_endpoints where tenant_id = $1 order by created_at, id`,
        [tenantId],
      );
      return rows.map((r) => toInfo(toEndpoint(r)));
    },
    /** Stops new deliveries to an endpoint; its pending ones fail when they come due. False when not found. */
    async disableEndpoint(tenantId: string, id: string, at: Date): Promise<boolean> {
      const rows = await db.query(
        'update outbound_endpoints set disabled_at = coalesce(disabled_at, $3) where tenant_id = $1 and id = $2 returning id',
        [tenantId, id, at],
      );
      return rows.length > 0;
    },
    /** Stores one pending delivery per enabled endpoint of the tenant subscribed to the event's type. */
    async enqueue(event: NewOutboundEvent): Promise<OutboundDelivery[]> {
      const endpoints = await db.query<{ id: string }>(
        `select id from outbound_endpoints
         where tenant_id = $1 and disabled_at is null and event_types @> jsonb_build_array($2::text)
         order by created_at, id`,
        [event.tenantId, event.eventType],
      );
      if (endpoints.length === 0) return [];
      const params: unknown[] = [event.tenantId, event.eventId, event.eventType, JSON.stringify(event.payload), event.at];
      const values = endpoints.map(({ id }) => {
        params.push(newId('obdl'), id);
        return `($${params.length - 1}, $1, $${params.length}, $2, $3, $4::jsonb, 'pending', 0, $5, $5)`;
      });
      const rows = await db.query<DeliveryRow>(
        `insert into outbound_deliveries (id, tenant_id, endpoint_id, event_id, event_type, payload, status, attempts, next_attempt_at, created_at)
         values ${values.join(', ')} returning ${DELIVERY_COLUMNS}`,
        params,
      );
      return rows.map(toDelivery);
    },
    /**
     * Claims up to `limit` pending deliveries due at `now` by moving them to `leaseUntil`: until
     * then no other sender takes them, and after it (the sender died) they are due again.
     */
    async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<DueDelivery[]> {
      const rows = await db.query<DueRow>(
        `update outbound_deliveries d set next_attempt_at = $2
         from outbound_endpoints e
         where e.id = d.endpoint_id and d.id in (
           select id from outbound_deliveries where status = 'pending' and next_attempt_at <= $1
           order by next_attempt_at, id limit $3 for update skip locked)
         returning ${DELIVERY_COLUMNS.split(', ')
           .map((c) => `d.${c}`)
           .join(', ')}, d.payload, e.url as endpoint_url, e.secret as endpoint_secret, e.disabled_at as endpoint_disabled_at`,
        [now, leaseUntil, limit],
      );
      return rows
        .map((r) => ({
          ...toDelivery(r),
          payload: r.payload,
          endpoint: { url: r.endpoint_url, secret: r.endpoint_secret, disabled: r.endpoint_disabled_at !== null },
        }))
        .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt));
    },
    /** Records an attempt's outcome; only a pending delivery changes, so a late writer cannot undo a final state. */
    async record(id: string, outcome: DeliveryOutcome): Promise<OutboundDelivery | undefined> {
      const rows = await db.query<DeliveryRow>(
        `update outbound_deliveries
         set status = $2, attempts = $3, last_status_code = $4, last_error = $5,
             next_attempt_at = coalesce($6, next_attempt_at), delivered_at = $7
         where id = $1 and status = 'pending' returning ${DELIVERY_COLUMNS}`,
        [
          id,
          outcome.status,
          outcome.attempts,
          outcome.lastStatusCode,
          outcome.lastError,
          outcome.nextAttemptAt ?? null,
          outcome.deliveredAt ?? null,
        ],
      );
      return rows[0] === undefined ? undefined : toDelivery(rows[0]);
    },
    /** The delivery log of a workspace, newest first. */
    async listDeliveries(tenantId: string, limit: number): Promise<OutboundDelivery[]> {
      const rows = await db.query<DeliveryRow>(
        `select ${DELIVERY_COLUMNS} from outbound_deliveries where tenant_id = $1 order by created_at desc, id desc limit $2`,
        [tenantId, limit],
      );
      return rows.map(toDelivery);
    },
    async getDelivery(tenantId: string, id: string): Promise<OutboundDelivery | undefined> {
      const rows = await db.query<DeliveryRow>(`select ${DELIVERY_COLUMNS} from outbound_deliveries where tenant_id = $1 and id = $2`, [
        tenantId,
        id,
      ]);
      return rows[0] === undefined ? undefined : toDelivery(rows[0]);
    },
  };
}
export type OutboundRepo = ReturnType<typeof outboundRepo>;
