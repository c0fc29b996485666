/**
 * Live events: sustained webhook ingest rate over real HTTP (keep-alive, signed bodies, a
 * file-backed store, every 200 sent only after its transaction committed). Single-event requests
 * at concurrency 64, and batches of 100. Peer, in the same run on the same code: one transaction
 * per request (group commit off), which is what a handler that writes its event itself pays.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger } from '../../server/src/logging/logger.js';
import { openPgliteDatabase } from '../../server/src/storage/pglite/pgliteDatabase.js';
import { storeOn } from '../../server/src/storage/store.js';
import { startLiveWebhookServer } from '../../server/src/testing/liveWebhookServer.js';
import {
  describeAnswer,
  postAll,
  sampleLiveEvent,
  signedRequest,
  WebhookClient,
  type SignedRequest,
  type WebhookAnswer,
} from '../../server/src/testing/liveWebhookClient.js';
import { ms, percentile, type BenchRow } from '../report.js';

const COMMAND = '`npm run bench -- live`';
const AREA = 'live events';
const TENANT = 'bench';
const SECRET = 'bench-secret-0123456789abcdef';

interface Run {
  eventsPerSecond: number;
  p50: number;
  p95: number;
}

/** Posts `events` events as requests of `batch` at `concurrency` to a fresh server and store. */
async function measure(options: { events: number; batch: number; concurrency: number; groupCommit: boolean }): Promise<Run> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tandem-bench-live-'));
  const store = await storeOn(await openPgliteDatabase(dir));
  let server: Awaited<ReturnType<typeof startLiveWebhookServer>> | undefined;
  try {
    await store.tenants.create(TENANT, 'Bench');
    const source = await store.live.createSource(TENANT, 'Shop', SECRET);
    server = await startLiveWebhookServer({
      store,
      log: createLogger('warn'),
      ...(options.groupCommit ? {} : { writer: { maxRequestsPerCommit: 1 } }),
    });
    const { url } = server;
    const build = (prefix: string, count: number): SignedRequest[] =>
      Array.from({ length: Math.ceil(count / options.batch) }, (_, r) => {
        const events = Array.from({ length: options.batch }, (_, i) =>
          sampleLiveEvent(`${prefix}-${r * options.batch + i}`, r * options.batch + i),
        );
        return signedRequest(TENANT, source.id, SECRET, options.batch === 1 ? events[0] : { events });
      });
    const client = new WebhookClient(url, options.concurrency);
    const check = (answer: WebhookAnswer | Error) => {
      if (answer instanceof Error || answer.status !== 200) throw new Error(`bench request failed: ${describeAnswer(answer)}`);
    };
    // Warm-up: connections, JIT, the source cache.
    await postAll(client, build('warm', Math.min(options.events / 10, 1_000)), options.concurrency, (_i, a) => check(a));
    const requests = build('run', options.events);
    const latencies: number[] = [];
    const started = performance.now();
    await postAll(client, requests, options.concurrency, (_i, a, elapsedMs) => {
      check(a);
      latencies.push(elapsedMs);
    });
    const seconds = (performance.now() - started) / 1000;
    client.close();
    const stored = await store.db.query<{ n: number }>('select count(*)::int as n from live_events');
    if (stored[0]?.n !== options.events + Math.ceil(Math.min(options.events / 10, 1_000) / options.batch) * options.batch)
      throw new Error('bench: not every acknowledged event was stored');
    return { eventsPerSecond: options.events / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
  } finally {
    await server?.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const rate = (r: Run) => `${Math.round(r.eventsPerSecond).toLocaleString('en-US')} events/s`;

export async function liveIngestBench(): Promise<BenchRow[]> {
  const single = await measure({ events: 10_000, batch: 1, concurrency: 64, groupCommit: true });
  const batched = await measure({ events: 50_000, batch: 100, concurrency: 8, groupCommit: true });
  const peerSingle = await measure({ events: 3_000, batch: 1, concurrency: 64, groupCommit: false });
  const peerBatched = await measure({ events: 10_000, batch: 100, concurrency: 8, groupCommit: false });
  return [
    {
      area: AREA,
      metric: 'webhook ingest, single-event requests, concurrency 64 (ack after commit; p50 / p95 ack)',
      value: `${rate(single)} (${ms(single.p50)} / ${ms(single.p95)})`,
      peer: `transaction per request: ${rate(peerSingle)} (${ms(peerSingle.p50)} / ${ms(peerSingle.p95)})`,
      command: COMMAND,
    },
    {
      area: AREA,
      metric: 'webhook ingest, batches of 100, concurrency 8 (p50 / p95 ack)',
      value: `${rate(batched)} (${ms(batched.p50)} / ${ms(batched.p95)})`,
      peer: `transaction per request: ${rate(peerBatched)} (${ms(peerBatched.p50)} / ${ms(peerBatched.p95)})`,
      command: COMMAND,
    },
  ];
}
