// The live-event webhook over a real Fastify instance and a real (in-memory) PGlite store: what a
// signed sender gets stored, and every refusal leaving the log untouched.
import { httpStatusOf, tandemErrorSchema, type TandemErrorCode } from '@tandem/shared';
import net from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logging/logger.js';
import type { StoredLiveEvent } from '../storage/liveEventsRepo.js';
import { openPgliteDatabase } from '../storage/pglite/pgliteDatabase.js';
import { storeOn, type Store } from '../storage/store.js';
import { sampleLiveEvent, signedRequest, type SignedRequest } from '../testing/liveWebhookClient.js';
import { createLiveEventLog } from '../live/liveEventLog.js';
import { registerLiveWebhooks, type LiveWebhookDeps } from './liveWebhookRoutes.js';

const log = createLogger('silent');

/**
 * POSTs like a blocking client (many SDKs, Python's requests): the whole body is written before
 * the answer is read; a connection cut while it writes is an error (EPIPE, ECONNRESET), as there.
 */
function postLikeBlockingClient(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  const { hostname, port, pathname } = new URL(url);
  const bytes = Buffer.from(body);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', reject);
    let written = false;
    let ended = false;
    // The answer counts only once the whole body went out, as for a client that reads after writing.
    const settle = () => {
      if (!written || !ended) return;
      const text = Buffer.concat(received).toString('utf8');
      const [head = '', rest = ''] = text.split('\r\n\r\n', 2);
      resolve({ status: Number(head.split(' ')[1]), body: rest });
    };
    socket.on('end', () => {
      ended = true;
      settle();
    });
    const lines = Object.entries({ ...headers, host: hostname, 'content-length': String(bytes.length), connection: 'close' });
    socket.write(`POST ${pathname} HTTP/1.1\r\n${lines.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`);
    let at = 0;
    const writeRest = (): void => {
      while (at < bytes.length) {
        const flushed = socket.write(bytes.subarray(at, at + 64 * 1024));
        at += 64 * 1024;
        if (!flushed) {
          socket.once('drain', writeRest);
          return;
        }
      }
      socket.write(Buffer.alloc(0), () => {
        written = true;
        settle();
      });
    };
    writeRest();
  });
}
const TENANT = 'shop';
const SECRET = 'whsec-test-0123456789abcdef';

describe('live event webhook', () => {
  let store: Store;
  let sourceId: string;
  let app: FastifyInstance;
  let appended: StoredLiveEvent[][];

  const storedCount = async () => (await store.db.query<{ n: number }>('select count(*)::int as n from live_events'))[0]!.n;
  const send = (request: SignedRequest, target: FastifyInstance = app) =>
    target.inject({ method: 'POST', url: request.path, headers: request.headers, payload: request.body });
  const signed = (payload: unknown, timestamp?: number) => signedRequest(TENANT, sourceId, SECRET, payload, timestamp);
  async function appWith(deps: Partial<LiveWebhookDeps> = {}): Promise<FastifyInstance> {
    const instance = Fastify({ logger: false });
    await registerLiveWebhooks(instance, { store, log, onAppended: (events) => void appended.push([...events]), ...deps });
    await instance.ready();
    return instance;
  }

  beforeAll(async () => {
    store = await storeOn(await openPgliteDatabase());
    await store.tenants.create(TENANT, 'Shop');
    await store.tenants.create('other', 'Other');
    sourceId = (await store.live.createSource(TENANT, 'Storefront', SECRET)).id;
    await store.live.createSource('other', 'Storefront', SECRET);
    app = await appWith({ limits: { bodyLimitBytes: 4096, maxBatchEvents: 3 } });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });
  beforeEach(() => {
    appended = [];
  });

  it('stores a signed event, answers only after commit, and hands it on with its seq', async () => {
    const answer = await send(signed(sampleLiveEvent('evt-1', 1)));
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ accepted: 1, duplicates: 0 });
    const [stored] = await store.live.eventsSince(TENANT, 0, 10);
    expect(stored).toMatchObject({
      id: 'evt-1',
      tenantId: TENANT,
      sourceId,
      type: 'order.updated',
      customer: { email: 'customer1@example.com' },
    });
    expect(appended).toEqual([[stored]]);
  });

  it('acknowledges a redelivered event without storing it twice', async () => {
    const before = await storedCount();
    const answer = await send(signed(sampleLiveEvent('evt-1', 1)));
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ accepted: 0, duplicates: 1 });
    expect(await storedCount()).toBe(before);
    expect(appended).toEqual([]);
  });

  it('takes a batch, counting redelivered and repeated ids as duplicates', async () => {
    const before = await storedCount();
    const events = [sampleLiveEvent('evt-1', 1), sampleLiveEvent('evt-2', 2), sampleLiveEvent('evt-2', 2)];
    const answer = await send(signed({ events }));
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ accepted: 1, duplicates: 2 });
    expect(await storedCount()).toBe(before + 1);
    expect(appended.flat().map((e) => e.id)).toEqual(['evt-2']);
  });

  it('keeps a tenant’s events under the tenant and source of the URL', async () => {
    const [other] = await store.live.listSources('other');
    const answer = await send(signedRequest('other', other!.id, SECRET, sampleLiveEvent('evt-1', 1)));
    expect(answer.json()).toEqual({ accepted: 1, duplicates: 0 });
    expect((await store.live.eventsSince('other', 0, 10)).map((e) => [e.tenantId, e.sourceId])).toEqual([['other', other!.id]]);
  });

  const now = () => Math.floor(Date.now() / 1000);
  const refusals: [string, () => { path: string; headers: Record<string, string>; body: string }, number, TandemErrorCode][] = [
    [
      'a signature made with another secret',
      () => signedRequest(TENANT, sourceId, 'another-secret-0123456789', sampleLiveEvent('r1')),
      401,
      'UNAUTHORIZED',
    ],
    [
      'no signature',
      () => {
        const r = signed(sampleLiveEvent('r1'));
        return { ...r, headers: { 'content-type': 'application/json' } };
      },
      401,
      'UNAUTHORIZED',
    ],
    [
      'a body altered after signing',
      () => ({ ...signed(sampleLiveEvent('r1')), body: JSON.stringify(sampleLiveEvent('r2')) }),
      401,
      'UNAUTHORIZED',
    ],
    ['a timestamp older than the replay window', () => signed(sampleLiveEvent('r1'), now() - 301), 401, 'UNAUTHORIZED'],
    ['a timestamp too far ahead', () => signed(sampleLiveEvent('r1'), now() + 301), 401, 'UNAUTHORIZED'],
    ['an unknown tenant', () => signedRequest('nobody', sourceId, SECRET, sampleLiveEvent('r1')), 401, 'UNAUTHORIZED'],
    ['an unknown source', () => signedRequest(TENANT, 'lsrc_missing', SECRET, sampleLiveEvent('r1')), 401, 'UNAUTHORIZED'],
    ['another tenant’s source', () => signedRequest('other', sourceId, SECRET, sampleLiveEvent('r1')), 401, 'UNAUTHORIZED'],
    ['a string with a NUL character', () => signed({ ...sampleLiveEvent('r1'), data: { note: 'a\u0000b' } }), 422, 'UNPROCESSABLE_CONTENT'],
    [
      'a string with an unpaired surrogate escape',
      () => signed(JSON.stringify({ ...sampleLiveEvent('r1'), data: { note: 'LONE' } }).replace('LONE', '\\ud800')),
      422,
      'UNPROCESSABLE_CONTENT',
    ],
    ['malformed JSON', () => signed('{"id": "r1", '), 400, 'BAD_REQUEST'],
    ['a prototype-poisoning key', () => signed('{"__proto__": {"admin": true}, "id": "r1"}'), 400, 'BAD_REQUEST'],
    ['a body over the limit', () => signed({ ...sampleLiveEvent('r1'), data: { blob: 'x'.repeat(5000) } }), 413, 'PAYLOAD_TOO_LARGE'],
    ['an event without a customer', () => signed({ ...sampleLiveEvent('r1'), customer: {} }), 422, 'UNPROCESSABLE_CONTENT'],
    ['an unknown event type', () => signed({ ...sampleLiveEvent('r1'), type: 'order.exploded' }), 422, 'UNPROCESSABLE_CONTENT'],
    [
      'a batch with one invalid event',
      () => signed({ events: [sampleLiveEvent('r1'), { ...sampleLiveEvent('r2'), occurredAt: 'yesterday' }] }),
      422,
      'UNPROCESSABLE_CONTENT',
    ],
    [
      'a batch over the maximum',
      () => signed({ events: ['r1', 'r2', 'r3', 'r4'].map((id) => sampleLiveEvent(id)) }),
      422,
      'UNPROCESSABLE_CONTENT',
    ],
    ['an empty batch', () => signed({ events: [] }), 422, 'UNPROCESSABLE_CONTENT'],
    [
      'a body that is not JSON',
      () => ({ ...signed(sampleLiveEvent('r1')), headers: { ...signed(sampleLiveEvent('r1')).headers, 'content-type': 'text/plain' } }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
  ];

  it.each(refusals)('refuses %s and stores nothing', async (_name, request, status, code) => {
    const before = await storedCount();
    const answer = await send(request());
    expect(answer.statusCode).toBe(status);
    const error = tandemErrorSchema.strict().parse(answer.json());
    expect(error).toMatchObject({ code, message: expect.any(String), requestId: expect.any(String) });
    expect(httpStatusOf(error.code)).toBe(status);
    expect(await storedCount()).toBe(before);
    expect(appended).toEqual([]);
  });

  it('says which fields are wrong', async () => {
    const answer = await send(signed({ events: [sampleLiveEvent('r1'), { ...sampleLiveEvent('r2'), occurredAt: 'yesterday' }] }));
    const error = tandemErrorSchema.parse(answer.json());
    expect(Object.keys(error.issues?.fieldErrors ?? {})).toEqual(['events.1.occurredAt']);
  });

  it('answers an unknown workspace or source exactly like a wrong signature, stale or not', async () => {
    const answerOf = async (request: SignedRequest) => {
      const { message, code } = tandemErrorSchema.parse((await send(request)).json());
      return { message, code };
    };
    const wrongSecret = await answerOf(signedRequest(TENANT, sourceId, 'another-secret-0123456789', sampleLiveEvent('r1')));
    expect(await answerOf(signedRequest('nobody', 'lsrc_x', SECRET, sampleLiveEvent('r1')))).toEqual(wrongSecret);
    const staleKnown = await answerOf(signed(sampleLiveEvent('r1'), now() - 301));
    expect(await answerOf(signedRequest('nobody', 'lsrc_x', SECRET, sampleLiveEvent('r1'), now() - 301))).toEqual(staleKnown);
  });

  it('names the field whose string can never be stored, and that is final (422, not a retry)', async () => {
    const answer = await send(signed({ events: [sampleLiveEvent('r1'), { ...sampleLiveEvent('r2'), data: { note: 'x\u0000' } }] }));
    expect(answer.statusCode).toBe(422);
    expect(Object.keys(tandemErrorSchema.parse(answer.json()).issues?.fieldErrors ?? {})).toEqual(['events.1.data.note']);
    expect(answer.headers['retry-after']).toBeUndefined();
  });

  it('answers a body far over the limit with a 413 the sender reads, over real HTTP, declared or chunked', async () => {
    const listening = await appWith({ limits: { bodyLimitBytes: 4096, maxBatchEvents: 3 } });
    const url = await listening.listen({ host: '127.0.0.1', port: 0 });
    try {
      const big = signed({ ...sampleLiveEvent('r1'), data: { blob: 'x'.repeat(5 * 1024 * 1024) } });
      const declared = await postLikeBlockingClient(`${url}${big.path}`, big.headers, big.body);
      expect(declared.status).toBe(413);
      expect(tandemErrorSchema.parse(JSON.parse(declared.body)).code).toBe('PAYLOAD_TOO_LARGE');
      const bytes = new TextEncoder().encode(big.body);
      const chunked = await fetch(`${url}${big.path}`, {
        method: 'POST',
        headers: big.headers,
        body: new ReadableStream<Uint8Array>({
          start(controller) {
            for (let at = 0; at < bytes.length; at += 64 * 1024) controller.enqueue(bytes.subarray(at, at + 64 * 1024));
            controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit & { duplex: 'half' });
      expect(chunked.status).toBe(413);
      expect(tandemErrorSchema.parse(await chunked.json()).code).toBe('PAYLOAD_TOO_LARGE');
      expect(appended).toEqual([]);
    } finally {
      await listening.close();
    }
  });

  it('tells a stale signature from a wrong one in the message', async () => {
    const stale = tandemErrorSchema.parse((await send(signed(sampleLiveEvent('r1'), now() - 301))).json());
    const wrong = tandemErrorSchema.parse(
      (await send(signedRequest(TENANT, sourceId, 'another-secret-0123456789', sampleLiveEvent('r1')))).json(),
    );
    expect(stale.message).toMatch(/timestamp is more than 300 s from now/);
    expect(wrong.message).toMatch(/A valid Tandem-Signature header is required/);
  });

  it('refuses with 429 and Retry-After once the writer’s queue is full, and stores nothing of it', async () => {
    const eventLog = createLiveEventLog({ live: store.live, log, maxQueuedEvents: 1, retryAfterSeconds: 2 });
    const small = await appWith({ eventLog });
    try {
      expect((await send(signed(sampleLiveEvent('q0')), small)).statusCode).toBe(200); // caches the source
      // A transaction held open stalls the writer, as a slow disk would.
      let release: () => void = () => undefined;
      const held = store.db.transaction(() => new Promise<void>((resolve) => (release = resolve)));
      const first = send(signed(sampleLiveEvent('q1')), small);
      await vi.waitFor(() => expect(eventLog.pendingEvents).toBe(1));
      const refused = await send(signed(sampleLiveEvent('q2')), small);
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['retry-after']).toBe('2');
      expect(refused.json()).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
      release();
      await held;
      expect((await first).json()).toEqual({ accepted: 1, duplicates: 0 });
      const ids = (await store.live.eventsSince(TENANT, 0, 100)).map((e) => e.id);
      expect(ids).toContain('q1');
      expect(ids).not.toContain('q2');
    } finally {
      await small.close();
    }
  });

  it('answers 503 and stores nothing when storage fails', async () => {
    const failing = await appWith({ store: { live: { ...store.live, appendBatch: () => Promise.reject(new Error('disk full')) } } });
    try {
      const before = await storedCount();
      const answer = await send(signed(sampleLiveEvent('f1')), failing);
      expect(answer.statusCode).toBe(503);
      expect(answer.headers['retry-after']).toBe('1');
      expect(answer.json()).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
      expect(await storedCount()).toBe(before);
    } finally {
      await failing.close();
    }
  });

  it('commits concurrent requests together, each answered with its own counts', async () => {
    const appendBatch = vi.fn(store.live.appendBatch);
    const grouped = await appWith({ store: { live: { ...store.live, appendBatch } } });
    try {
      await send(signed(sampleLiveEvent('g-warm')), grouped);
      appendBatch.mockClear();
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => send(signed(i === 0 ? sampleLiveEvent('evt-1', 1) : sampleLiveEvent(`g${i}`, i)), grouped)),
      );
      expect(answers.map((a) => a.statusCode)).toEqual(answers.map(() => 200));
      expect(answers[0]!.json()).toEqual({ accepted: 0, duplicates: 1 });
      expect(answers.slice(1).every((a) => a.json<{ accepted: number }>().accepted === 1)).toBe(true);
      expect(appendBatch.mock.calls.length).toBeLessThan(40);
      const ids = new Set((await store.live.eventsSince(TENANT, 0, 1000)).map((e) => e.id));
      for (let i = 1; i < 40; i++) expect(ids.has(`g${i}`)).toBe(true);
    } finally {
      await grouped.close();
    }
  });
});
