// Live context end to end over real HTTP: a signed webhook reaches the event log, the customer's
// projection, the subscribers following that customer, the alert stream (once per occurrence),
// and the assist draft's live facts.
import type { CustomerLiveState, DraftEvent, LiveEvent } from '@tandem/shared';
import { once } from 'node:events';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../security/hmacSignature.js';
import { serverClient, type ServerClient } from '../../cli/serverClient.js';
import { signedRequest, WebhookClient } from '../../testing/liveWebhookClient.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';

let server: TestServer;
let api: ServerClient;
let webhooks: WebhookClient;
let source: { id: string; secret: string };
/** The workspace's own system, receiving Tandem's outbound webhooks. */
let receiver: Server;
const received: { type: string; data: Record<string, unknown>; signed: boolean }[] = [];
let outboundSecret = '';
const email = 'mia.kovac@example.com';

const event = (id: string, type: LiveEvent['type'], data: Record<string, unknown>, n: number): LiveEvent => ({
  id,
  type,
  occurredAt: new Date(Date.now() - 60_000 + n * 1000).toISOString(),
  sourceVersion: n,
  customer: { email },
  data,
});

const post = (payload: unknown) => webhooks.post(signedRequest('default', source.id, source.secret, payload));

/** Collects a subscription's values until `until` says stop. */
function collect<T>(
  subscribe: (onData: (value: T) => void, onError: (e: unknown) => void) => { unsubscribe(): void },
  until: (seen: T[]) => boolean,
) {
  return new Promise<T[]>((resolve, reject) => {
    const seen: T[] = [];
    const sub = subscribe((value) => {
      seen.push(value);
      if (until(seen)) {
        sub.unsubscribe();
        resolve(seen);
      }
    }, reject);
  });
}

beforeAll(async () => {
  receiver = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const parsed = JSON.parse(body) as { type: string; data: Record<string, unknown> };
      received.push({
        type: parsed.type,
        data: parsed.data,
        signed: verifySignature(outboundSecret, String(req.headers['tandem-signature']), body).ok,
      });
      res.writeHead(200).end();
    });
  });
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  // The receiver is on loopback, which outbound webhooks refuse unless private addresses are allowed.
  server = await startTestServer({ TANDEM_DEMO_STORE: 'false', TANDEM_ALLOW_PRIVATE_URLS: 'true' });
  api = serverClient({ url: server.url, token: server.adminToken });
  webhooks = new WebhookClient(server.url);
  source = await api.live.sources.create.mutate({ name: 'Shop' });
  const endpoint = await api.live.outbound.create.mutate({
    url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/tandem`,
    eventTypes: ['alert.fired', 'action.executed', 'handoff.created'],
  });
  outboundSecret = endpoint.secret;
});
afterAll(async () => {
  await server.close();
  receiver.close();
});

describe('live customer context', () => {
  it('pushes the customer’s state to a subscriber as signed events arrive, and alerts once per failed payment', async () => {
    const states = collect<CustomerLiveState | null>(
      (onData, onError) => api.live.customer.subscribe({ customer: { email } }, { onData: ({ data }) => onData(data), onError }),
      (seen) => seen.at(-1)?.payment?.status === 'failed',
    );
    const alerts = collect<{ kind: string }>(
      (onData, onError) => api.live.alerts.subscribe({}, { onData: ({ data }) => onData(data), onError }),
      (seen) => seen.length >= 1,
    );
    await new Promise((r) => setTimeout(r, 200));
    const order = event(
      'ev-1',
      'order.created',
      { orderId: 'A-100', status: 'paid', total: 59.9, currency: 'EUR', placedAt: new Date().toISOString() },
      1,
    );
    const failed = event('ev-2', 'payment.failed', { orderId: 'A-100', amount: 59.9, reason: 'card declined' }, 2);
    expect((await post({ events: [order] })).status).toBe(200);
    expect((await post(failed)).status).toBe(200);
    // A redelivery is acknowledged and changes nothing.
    expect(await post(failed)).toMatchObject({ status: 200, body: { accepted: 0, duplicates: 1 } });

    const seen = await states;
    expect(seen[0]).toBeNull();
    const last = seen.at(-1);
    expect(last?.orders.map((o) => o.id)).toEqual(['A-100']);
    expect(last?.payment?.status).toBe('failed');
    expect((await alerts).map((a) => a.kind)).toEqual(['payment-failed']);

    // Resuming the alert stream after that alert replays nothing; from the start replays it once.
    const replay = await collect<{ kind: string; seq: number }>(
      (onData, onError) => api.live.alerts.subscribe({ lastEventId: '0' }, { onData: ({ data }) => onData(data), onError }),
      (s) => s.length >= 1,
    );
    expect(replay.map((a) => a.kind)).toEqual(['payment-failed']);

    const counters = await collect<{ events: number; alerts: number }>(
      (onData, onError) => api.live.counters.subscribe(undefined, { onData: (data) => onData(data), onError }),
      (s) => s.length >= 1,
    );
    expect(counters[0]).toMatchObject({ events: 2, alerts: 1 });

    // The workspace's own system hears of the alert through a signed outbound webhook.
    for (let i = 0; i < 50 && !received.some((r) => r.type === 'alert.fired'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(received.find((r) => r.type === 'alert.fired')).toMatchObject({ signed: true, data: { kind: 'payment-failed' } });
  });

  it('gives the assist draft the customer’s live facts from the event log', async () => {
    const { draftId } = await api.assist.start.mutate({
      ticket: {
        site: 'api',
        ticketId: 'L-1',
        subject: 'My payment did not go through',
        requester: { name: 'Mia Kovac', email },
        messages: [{ authorRole: 'customer', body: 'Why was my payment for order A-100 declined?' }],
      },
    });
    const events = await collect<DraftEvent>(
      (onData, onError) => api.assist.draft.subscribe({ draftId }, { onData: ({ data }) => onData(data), onError }),
      (s) => s.at(-1)?.type === 'done' || s.at(-1)?.type === 'error',
    );
    const live = events.find((e) => e.type === 'live');
    expect(live?.type === 'live' && live.state.payment?.status).toBe('failed');
    expect(events.map((e) => (e.type === 'token' ? e.text : '')).join('')).toContain('A payment failed');
  });

  it('alerts leads once when a draft finds the customer frustrated', async () => {
    const ticket = {
      site: 'api' as const,
      ticketId: 'L-2',
      subject: 'THIRD TIME I AM WRITING',
      requester: { name: 'Mia Kovac', email },
      messages: [
        {
          authorRole: 'customer' as const,
          body: 'THIS IS THE THIRD TIME I WRITE ABOUT THIS!!! Nobody answers. I will cancel my account and switch to another shop. Terrible service!!!',
        },
      ],
    };
    for (let i = 0; i < 2; i++) {
      const { draftId } = await api.assist.start.mutate({ ticket });
      await collect<DraftEvent>(
        (onData, onError) => api.assist.draft.subscribe({ draftId }, { onData: ({ data }) => onData(data), onError }),
        (s) => s.at(-1)?.type === 'done' || s.at(-1)?.type === 'error',
      );
    }
    await server.live.settled();
    const alerts = await server.store.notifications.since('default', 0, 100);
    expect(alerts.filter((a) => a.kind === 'frustration')).toHaveLength(1);
  });

  it('refuses a bad signature and an unknown source, storing nothing', async () => {
    const bad = signedRequest(
      'default',
      source.id,
      'wrong-secret-0123456789',
      event('ev-x', 'page.viewed', { url: 'https://shop.example/x' }, 3),
    );
    expect((await webhooks.post(bad)).status).toBe(401);
    // An unknown source answers like a bad signature: whether it exists is not disclosed.
    expect((await webhooks.post(signedRequest('default', 'nope', source.secret, event('ev-y', 'page.viewed', {}, 4)))).status).toBe(401);
    const stored = await server.store.live.eventsForCustomer('default', { email }, 10);
    expect(stored.some((e) => e.id === 'ev-x' || e.id === 'ev-y')).toBe(false);
  });
});
