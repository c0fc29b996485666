// The demo shop sends its changes as real signed webhooks: through HTTP, the signature check and
// the event log into the customer's live state, and it retries the way a well-behaved sender must.
import type { LiveEvent } from '@tandem/shared';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createLiveContext } from '../live/liveContext.js';
import { registerLiveWebhooks } from '../http/liveWebhookRoutes.js';
import { webhookSources } from '../live/webhookSources.js';
import { createLogger } from '../logging/logger.js';
import { SIGNATURE_HEADER, verifySignature } from '../security/hmacSignature.js';
import { openPgliteDatabase } from '../storage/pglite/pgliteDatabase.js';
import { storeOn, type Store } from '../storage/store.js';
import { registerDemoStore } from './demoStoreApi.js';
import { generateDemoStoreData, type DemoOrder } from './demoStoreData.js';
import { DemoStore } from './demoStoreState.js';
import { DEMO_STORE_SOURCE_NAME, startDemoStoreWebhooks } from './demoStoreWebhooks.js';

const log = createLogger('silent');
const TENANT = 'shop';
/** The tenant's 'Demo store' source, created on first use, as the demo store plugin gets it. */
const ensureDemoStoreSource = (store: Store, tenantId: string) => webhookSources(store.live).ensure(tenantId, DEMO_STORE_SOURCE_NAME);

const pendingOrder = (demo: DemoStore): DemoOrder => {
  const order = demo
    .listCustomers()
    .flatMap((c) => demo.ordersOf(c.id))
    .find((o) => o.status === 'pending');
  if (order === undefined) throw new Error('the demo data has no pending order');
  return order;
};

describe('demo store webhooks over real HTTP', () => {
  let app: FastifyInstance | undefined;
  let store: Store | undefined;
  afterEach(async () => {
    await app?.close();
    await store?.close();
  });

  it('delivers a cancellation made through the demo store API, signed, into the event log and the live state', async () => {
    store = await storeOn(await openPgliteDatabase());
    await store.tenants.create(TENANT, 'Shop');
    const live = createLiveContext({ live: store.live, notifications: store.notifications, log });
    app = Fastify({ logger: false });
    await registerLiveWebhooks(app, { store, log, onAppended: (events) => live.onAppended(events) });
    const demo = await registerDemoStore(app);
    const url = await app.listen({ host: '127.0.0.1', port: 0 });

    const source = await ensureDemoStoreSource(store, TENANT);
    expect(await ensureDemoStoreSource(store, TENANT)).toEqual(source);
    expect((await store.live.listSources(TENANT)).map((s) => s.name)).toEqual([DEMO_STORE_SOURCE_NAME]);

    const webhooks = startDemoStoreWebhooks({ demoStore: demo, url: `${url}/webhooks/${TENANT}/${source.id}`, secret: source.secret, log });
    const order = pendingOrder(demo);
    const response = await fetch(`${url}/demo-store/api/orders/${order.id}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'no longer needed' }),
    });
    expect(response.status).toBe(200);
    await webhooks.stop();
    await live.settled();

    const stored = await store.live.eventsForCustomer(TENANT, { externalId: order.customerId }, 100);
    const update = stored.find((e) => e.type === 'order.updated');
    expect(update).toMatchObject({ sourceId: source.id, data: { orderId: order.id, status: 'cancelled', currency: 'USD' } });
    // The restocks travelled in the same delivery.
    expect(stored.some((e) => e.type === 'inventory.changed')).toBe(true);
    const state = await live.stateFor(TENANT, { externalId: order.customerId });
    expect(state?.orders.find((o) => o.id === order.id)).toMatchObject({ status: 'cancelled', currency: 'USD', placedAt: order.createdAt });
  });

  it('keeps delivering after a restart, when the demo store numbers its events and versions from 1 again', async () => {
    store = await storeOn(await openPgliteDatabase());
    await store.tenants.create(TENANT, 'Shop');
    const live = createLiveContext({ live: store.live, notifications: store.notifications, log });
    app = Fastify({ logger: false });
    await registerLiveWebhooks(app, { store, log, onAppended: (events) => live.onAppended(events) });
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const source = await ensureDemoStoreSource(store, TENANT);
    const webhookUrl = `${url}/webhooks/${TENANT}/${source.id}`;

    // Two starts of the same seeded shop against one event log: the second one's first event reuses every number of the first's.
    const before = new DemoStore(generateDemoStoreData());
    const order = pendingOrder(before);
    const first = startDemoStoreWebhooks({ demoStore: before, url: webhookUrl, secret: source.secret, log });
    before.modifyOrderAddress(order.id, { ...order.address, city: 'Before' });
    await first.stop();
    const after = new DemoStore(generateDemoStoreData());
    const second = startDemoStoreWebhooks({ demoStore: after, url: webhookUrl, secret: source.secret, log });
    after.modifyOrderAddress(order.id, { ...order.address, city: 'After' });
    after.cancelOrder(order.id, 'no longer needed');
    await second.stop();
    await live.settled();

    const stored = await store.live.eventsForCustomer(TENANT, { externalId: order.customerId }, 100);
    expect(stored.filter((e) => e.type === 'order.updated').map((e) => e.data.status)).toEqual(['pending', 'pending', 'cancelled']);
    const state = await live.stateFor(TENANT, { externalId: order.customerId });
    expect(state?.orders.find((o) => o.id === order.id)?.status).toBe('cancelled');
  });

  it('sends nothing the receiver can verify when the secret is wrong, and nothing is stored', async () => {
    store = await storeOn(await openPgliteDatabase());
    await store.tenants.create(TENANT, 'Shop');
    app = Fastify({ logger: false });
    await registerLiveWebhooks(app, { store, log });
    const demo = await registerDemoStore(app);
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const source = await ensureDemoStoreSource(store, TENANT);
    const statuses: number[] = [];
    const webhooks = startDemoStoreWebhooks({
      demoStore: demo,
      url: `${url}/webhooks/${TENANT}/${source.id}`,
      secret: 'not-the-secret-0123456789',
      log,
      fetchImpl: async (input, init) => {
        const answer = await fetch(input, init);
        statuses.push(answer.status);
        return answer;
      },
    });
    const order = pendingOrder(demo);
    demo.cancelOrder(order.id, 'ordered by mistake');
    await webhooks.stop();
    // Refused once and not retried: a bad signature does not get better by repeating it.
    expect(statuses).toEqual([401]);
    expect(await store.live.eventsForCustomer(TENANT, { externalId: order.customerId }, 100)).toEqual([]);
  });
});

describe('demo store webhook retries', () => {
  const secret = 'retry-test-secret-0123456789';

  /** A receiver that answers from a script and records every request it got. */
  function scriptedReceiver(answers: (Response | Error)[]) {
    const requests: { body: string; signature: string | null }[] = [];
    const fetchImpl: typeof fetch = async (_input, init) => {
      const body = typeof init?.body === 'string' ? init.body : '';
      requests.push({ body, signature: new Headers(init?.headers).get(SIGNATURE_HEADER) });
      const next = answers.shift() ?? new Response('{}', { status: 200 });
      if (next instanceof Error) throw next;
      return next;
    };
    return { requests, fetchImpl };
  }

  it('honours Retry-After on 429 and 503, re-signing each attempt, and batches one change’s events', async () => {
    const demo = new DemoStore(generateDemoStoreData());
    const receiver = scriptedReceiver([
      new Response('{}', { status: 429, headers: { 'retry-after': '7' } }),
      new Response('{}', { status: 503, headers: { 'retry-after': '2' } }),
    ]);
    const waits: number[] = [];
    const webhooks = startDemoStoreWebhooks({
      demoStore: demo,
      url: 'http://receiver.test/webhooks/t/s',
      secret,
      log,
      fetchImpl: receiver.fetchImpl,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const order = pendingOrder(demo);
    demo.cancelOrder(order.id, 'no longer needed');
    await webhooks.stop();

    expect(waits).toEqual([7_000, 2_000]);
    expect(receiver.requests).toHaveLength(3);
    for (const { body, signature } of receiver.requests) {
      expect(verifySignature(secret, signature ?? undefined, body).ok).toBe(true);
    }
    const { events } = JSON.parse(receiver.requests[2]!.body) as { events: LiveEvent[] };
    expect(events.find((e) => e.type === 'order.updated')).toMatchObject({ data: { orderId: order.id, status: 'cancelled' } });
    expect(events.filter((e) => e.type === 'inventory.changed')).toHaveLength(order.items.length);
  });

  it('backs off when the receiver is unreachable, gives up after maxAttempts, and carries on with later changes', async () => {
    const demo = new DemoStore(generateDemoStoreData());
    const receiver = scriptedReceiver([new TypeError('fetch failed'), new TypeError('fetch failed'), new TypeError('fetch failed')]);
    const waits: number[] = [];
    const webhooks = startDemoStoreWebhooks({
      demoStore: demo,
      url: 'http://receiver.test/webhooks/t/s',
      secret,
      log,
      maxAttempts: 3,
      fetchImpl: receiver.fetchImpl,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    const customer = demo.listCustomers()[0]!;
    demo.modifyCustomerAddress(customer.id, { ...customer.address, city: 'Lost' });
    await new Promise((resolve) => setImmediate(resolve));
    demo.modifyCustomerAddress(customer.id, { ...customer.address, city: 'Found' });
    await webhooks.stop();

    expect(waits).toEqual([250, 500]);
    expect(receiver.requests).toHaveLength(4);
    const delivered = JSON.parse(receiver.requests[3]!.body) as { events: LiveEvent[] };
    expect(delivered.events.map((e) => (e.data.address as { city: string }).city)).toEqual(['Found']);
  });
});
