// Outbound webhooks against a real local HTTP receiver and an in-memory store, on an injected
// clock: what is signed and sent, what is retried and when, what fails for good, and what is
// never sent (other types, other tenants, private addresses).
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../logging/logger.js';
import { verifySignature } from '../../security/hmacSignature.js';
import { openPgliteDatabase } from '../../storage/pglite/pgliteDatabase.js';
import { storeOn, type Store } from '../../storage/store.js';
import type { OutboundEventType } from '@tandem/shared';
import {
  createOutboundWebhooks,
  LEASE_MS,
  MAX_RETRY_AFTER_MS,
  type OutboundWebhooksOptions,
  retryAfterMs,
  retryDelayMs,
} from './outboundWebhooks.js';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

type Reply = { status: number; headers?: Record<string, string> };

/** A receiver that records every request and answers from a script (then 204). */
class Receiver {
  readonly received: Received[] = [];
  readonly replies: Reply[] = [];
  private readonly server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const reply = this.replies.shift() ?? { status: 204 };
      res.writeHead(reply.status, reply.headers).end(reply.status === 204 ? undefined : 'ok');
    });
  });
  origin = '';

  async start(): Promise<void> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  async close(): Promise<void> {
    this.server.close();
    await once(this.server, 'close');
  }
}

const T0 = new Date('2025-05-01T10:00:00.000Z');
const MARKER = 'customer-said-something-private';

let store: Store;
let receiver: Receiver;
let clock: Date;
const logLines: string[] = [];
const log = createLogger(
  'debug',
  new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  }),
);
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));

const outbound = (overrides: Partial<OutboundWebhooksOptions> = {}) =>
  createOutboundWebhooks({ store, log, allowPrivateUrls: true, now: () => clock, random: () => 0.5, ...overrides });

let tenantSeq = 0;
/** A fresh workspace per test, so one test's deliveries never count in another's. */
async function workspace(): Promise<string> {
  const id = `t${++tenantSeq}`;
  await store.tenants.create(id, `Tenant ${id}`);
  return id;
}

const endpoint = (tenantId: string, eventTypes: OutboundEventType[] = ['handoff.created'], path = `/${tenantId}`, url?: string) =>
  store.outbound.createEndpoint({ tenantId, url: url ?? `${receiver.origin}${path}`, eventTypes });

const only = async (tenantId: string) => {
  const rows = await store.outbound.listDeliveries(tenantId, 10);
  expect(rows).toHaveLength(1);
  return rows[0]!;
};

beforeAll(async () => {
  store = await storeOn(await openPgliteDatabase());
  receiver = new Receiver();
  await receiver.start();
});
afterAll(async () => {
  await receiver.close();
  await store.close();
});
beforeEach(() => {
  clock = T0;
  receiver.received.length = 0;
  receiver.replies.length = 0;
});
afterEach(async () => {
  // Nothing one test left pending comes due in the next one.
  await store.db.query(`update outbound_deliveries set status = 'failed' where status = 'pending'`);
  // Whatever happened, the logs named ids and outcomes only.
  const all = logLines.join('');
  expect(all).not.toContain(MARKER);
  expect(all).not.toContain('whsec_');
});

describe('outbound webhooks', () => {
  it('POSTs the event as signed JSON with the event id and the delivery id as idempotency key', async () => {
    const tenantId = await workspace();
    const { secret } = await endpoint(tenantId);
    const hooks = outbound();
    await hooks.emit(tenantId, 'handoff.created', { ticketId: 'T-1', note: MARKER });
    expect(receiver.received).toHaveLength(0);
    expect(await hooks.deliverDue()).toBe(1);

    const [request] = receiver.received;
    const nowSeconds = Math.floor(clock.getTime() / 1000);
    const signature = request!.headers['tandem-signature'] as string;
    expect(verifySignature(secret, signature, request!.body, { nowSeconds })).toEqual({ ok: true, timestamp: nowSeconds });
    expect(verifySignature('whsec_someone-else-entirely', signature, request!.body, { nowSeconds })).toMatchObject({ ok: false });
    expect(verifySignature(secret, signature, request!.body.replace('T-1', 'T-2'), { nowSeconds })).toMatchObject({ ok: false });

    const delivery = await only(tenantId);
    expect(JSON.parse(request!.body)).toEqual({
      id: delivery.eventId,
      type: 'handoff.created',
      createdAt: T0.toISOString(),
      tenantId,
      data: { ticketId: 'T-1', note: MARKER },
    });
    expect(request!.headers).toMatchObject({
      'content-type': 'application/json',
      'tandem-event-id': delivery.eventId,
      'idempotency-key': delivery.id,
    });
    expect(delivery).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      lastStatusCode: 204,
      lastError: null,
      deliveredAt: T0.toISOString(),
    });
    expect(await hooks.deliverDue()).toBe(0);
    expect(logLines.some((line) => line.includes('outbound webhook attempt'))).toBe(true);
  });

  it('retries after a 500 with backoff and succeeds on the second attempt, with the same idempotency key', async () => {
    const tenantId = await workspace();
    await endpoint(tenantId);
    const hooks = outbound({ baseDelayMs: 1_000 });
    receiver.replies.push({ status: 500 });
    await hooks.emit(tenantId, 'handoff.created', { ticketId: 'T-2' });
    await hooks.deliverDue();

    const failedOnce = await only(tenantId);
    const delay = retryDelayMs(1, 1_000, 3_600_000, () => 0.5);
    expect(failedOnce).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: 500,
      lastError: 'HTTP 500',
      nextAttemptAt: new Date(T0.getTime() + delay).toISOString(),
    });
    advance(delay - 1);
    expect(await hooks.deliverDue()).toBe(0);
    advance(1);
    expect(await hooks.deliverDue()).toBe(1);

    expect(await only(tenantId)).toMatchObject({ status: 'succeeded', attempts: 2, lastStatusCode: 204, lastError: null });
    expect(receiver.received.map((r) => r.headers['idempotency-key'])).toEqual([failedOnce.id, failedOnce.id]);
    expect(new Set(receiver.received.map((r) => JSON.parse(r.body).id as string)).size).toBe(1);
  });

  it('fails a 400 at once, without retrying', async () => {
    const tenantId = await workspace();
    await endpoint(tenantId);
    const hooks = outbound();
    receiver.replies.push({ status: 400 });
    await hooks.emit(tenantId, 'handoff.created', {});
    await hooks.deliverDue();
    expect(await only(tenantId)).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 400, lastError: 'HTTP 400' });
    advance(24 * 60 * 60 * 1000);
    expect(await hooks.deliverDue()).toBe(0);
    expect(receiver.received).toHaveLength(1);
  });

  it('retries 408 and 429 like a 5xx, and honours Retry-After', async () => {
    const tenantId = await workspace();
    await endpoint(tenantId);
    const hooks = outbound({ baseDelayMs: 1_000 });
    receiver.replies.push({ status: 429, headers: { 'retry-after': '120' } }, { status: 408 });
    await hooks.emit(tenantId, 'handoff.created', {});
    await hooks.deliverDue();
    expect(await only(tenantId)).toMatchObject({
      status: 'pending',
      lastStatusCode: 429,
      nextAttemptAt: new Date(T0.getTime() + 120_000).toISOString(),
    });
    advance(119_999);
    expect(await hooks.deliverDue()).toBe(0);
    advance(1);
    await hooks.deliverDue();
    expect(await only(tenantId)).toMatchObject({ status: 'pending', attempts: 2, lastStatusCode: 408 });
    advance(60 * 60 * 1000);
    await hooks.deliverDue();
    expect(await only(tenantId)).toMatchObject({ status: 'succeeded', attempts: 3 });
  });

  it('gives up after maxAttempts retryable failures', async () => {
    const tenantId = await workspace();
    await endpoint(tenantId);
    const hooks = outbound({ maxAttempts: 3 });
    receiver.replies.push({ status: 503 }, { status: 502 }, { status: 500 }, { status: 500 });
    await hooks.emit(tenantId, 'handoff.created', {});
    for (let i = 0; i < 4; i++) {
      await hooks.deliverDue();
      advance(60 * 60 * 1000);
    }
    expect(await only(tenantId)).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastStatusCode: 500,
      lastError: 'HTTP 500; gave up after 3 attempts',
    });
    expect(receiver.received).toHaveLength(3);
  });

  it('retries when the endpoint cannot be reached', async () => {
    const tenantId = await workspace();
    const closed = new Receiver();
    await closed.start();
    await closed.close();
    await endpoint(tenantId, ['action.executed'], '', `${closed.origin}/hook`);
    const hooks = outbound();
    await hooks.emit(tenantId, 'action.executed', { action: 'demo.cancelOrder' });
    await hooks.deliverDue();
    expect(await only(tenantId)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastStatusCode: null,
      lastError: 'connection failed (ECONNREFUSED)',
    });
  });

  it('sends an event only to endpoints subscribed to its type', async () => {
    const tenantId = await workspace();
    await endpoint(tenantId, ['alert.fired']);
    const hooks = outbound();
    await hooks.emit(tenantId, 'action.executed', {});
    await hooks.emit(tenantId, 'handoff.created', {});
    expect(await store.outbound.listDeliveries(tenantId, 10)).toEqual([]);
    await hooks.emit(tenantId, 'alert.fired', { kind: 'payment-failed' });
    expect(await hooks.deliverDue()).toBe(1);
    expect(receiver.received.map((r) => JSON.parse(r.body).type as string)).toEqual(['alert.fired']);
  });

  it('keeps tenants apart: an event reaches only its own workspace’s endpoints and log', async () => {
    const [mine, theirs] = [await workspace(), await workspace()];
    await endpoint(mine);
    await endpoint(theirs);
    const hooks = outbound();
    await hooks.emit(mine, 'handoff.created', { ticketId: 'T-9' });
    await hooks.deliverDue();
    expect(receiver.received.map((r) => [r.path, JSON.parse(r.body).tenantId as string])).toEqual([[`/${mine}`, mine]]);
    expect(await store.outbound.listDeliveries(theirs, 10)).toEqual([]);
  });

  it('refuses a private address unless private URLs are allowed, without a request or a retry', async () => {
    const tenantId = await workspace();
    await endpoint(tenantId);
    const hooks = outbound({ allowPrivateUrls: false });
    await hooks.emit(tenantId, 'handoff.created', {});
    await hooks.deliverDue();
    expect(await only(tenantId)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastStatusCode: null,
      lastError: expect.stringMatching(/^refused: /),
    });
    expect(receiver.received).toHaveLength(0);

    // A name is checked by what it resolves to.
    const named = await workspace();
    await endpoint(named, ['handoff.created'], '', 'https://hooks.tenant.example/in');
    const resolving = outbound({ allowPrivateUrls: false, resolveHost: async () => [{ address: '10.0.0.7', family: 4 }] });
    await resolving.emit(named, 'handoff.created', {});
    await resolving.deliverDue();
    expect(await only(named)).toMatchObject({ status: 'failed', lastError: expect.stringContaining('private') });
  });

  it('sends after a restart what was pending, and what a dead sender had claimed once its lease ends', async () => {
    const tenantId = await workspace();
    await endpoint(tenantId);
    await outbound().emit(tenantId, 'handoff.created', { n: 1 });
    // A new process over the same store.
    expect(await outbound().deliverDue()).toBe(1);

    await outbound().emit(tenantId, 'handoff.created', { n: 2 });
    await store.outbound.claimDue(clock, new Date(clock.getTime() + LEASE_MS), 10); // claimed, then the process died
    const restarted = outbound();
    expect(await restarted.deliverDue()).toBe(0);
    advance(LEASE_MS);
    expect(await restarted.deliverDue()).toBe(1);
    expect(receiver.received.map((r) => (JSON.parse(r.body) as { data: unknown }).data)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('fails deliveries still queued for an endpoint that was disabled, without sending them', async () => {
    const tenantId = await workspace();
    const { id } = await endpoint(tenantId);
    const hooks = outbound();
    await hooks.emit(tenantId, 'handoff.created', {});
    await store.outbound.disableEndpoint(tenantId, id, clock);
    await hooks.deliverDue();
    expect(await only(tenantId)).toMatchObject({ status: 'failed', attempts: 0, lastError: 'endpoint disabled' });
    expect(receiver.received).toHaveLength(0);
  });

  it('sends from its timer once started, and stops', async () => {
    const tenantId = await workspace();
    await endpoint(tenantId);
    const scheduled: number[] = [];
    let cancelled = false;
    const hooks = outbound({
      pollMs: 250,
      schedule: (ms) => {
        scheduled.push(ms);
        return () => (cancelled = true);
      },
    });
    await hooks.emit(tenantId, 'handoff.created', {});
    hooks.start();
    hooks.start();
    await hooks.stop();
    expect(scheduled).toEqual([250]);
    expect(cancelled).toBe(true);
    expect(await only(tenantId)).toMatchObject({ status: 'succeeded' });
  });

  it('refuses data over the size limit, storing nothing', async () => {
    const tenantId = await workspace();
    await endpoint(tenantId);
    await expect(outbound().emit(tenantId, 'handoff.created', { blob: 'x'.repeat(70 * 1024) })).rejects.toThrow(/limited/);
    expect(await store.outbound.listDeliveries(tenantId, 10)).toEqual([]);
  });
});

describe('retry timing', () => {
  it('doubles the delay per attempt with jitter in [half, full), up to the cap', () => {
    expect(retryDelayMs(1, 1_000, 3_600_000, () => 0)).toBe(500);
    expect(retryDelayMs(1, 1_000, 3_600_000, () => 0.999)).toBe(999);
    expect(retryDelayMs(4, 1_000, 3_600_000, () => 0)).toBe(4_000);
    expect(retryDelayMs(30, 1_000, 3_600_000, () => 0)).toBe(1_800_000);
  });

  it('reads Retry-After as seconds or an HTTP date, capped', () => {
    expect(retryAfterMs('2.5', T0)).toBe(2_500);
    expect(retryAfterMs(new Date(T0.getTime() + 30_000).toUTCString(), T0)).toBe(30_000);
    expect(retryAfterMs('999999999', T0)).toBe(MAX_RETRY_AFTER_MS);
    expect(retryAfterMs('soon', T0)).toBeUndefined();
    expect(retryAfterMs(undefined, T0)).toBeUndefined();
  });
});
