/**
 * Live events: how long a customer's side panel waits for an event, over real HTTP end to end. A
 * full Tandem server on a file-backed store; 50 customers followed through `live.customer`
 * subscriptions (SSE); signed single-event webhooks posted at a steady rate. Measured from just
 * before each POST to the subscriber's onData showing that event. Peer, in the same run: POST →
 * 2xx, the part of that wait the sender sees (commit included).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serverClient } from '../../server/src/cli/serverClient.js';
import { openPgliteDatabase } from '../../server/src/storage/pglite/pgliteDatabase.js';
import { storeOn } from '../../server/src/storage/store.js';
import { describeAnswer, type sampleLiveEvent, signedRequest, WebhookClient } from '../../server/src/testing/liveWebhookClient.js';
import { startTestServer } from '../../server/src/testing/testServer.js';
import { ms, percentile, type BenchRow } from '../report.js';

const COMMAND = '`npm run bench -- live`';
const AREA = 'live events';
const CUSTOMERS = 50;
const RATE = 500;
const SECONDS = 10;
const WARMUP_EVENTS = 500;
/** How long pushes may trail the last acknowledgement before the run counts them as missing. */
const DRAIN_MS = 10_000;

const emailOf = (customer: number) => `latency-${customer}@example.com`;
const orderOf = (customer: number) => `L-${customer}`;
const STATUS = /^seq-(\d+)$/;

// The bench resolves the server's modules but not its workspace packages: the shapes it uses, from there.
type LiveEvent = ReturnType<typeof sampleLiveEvent>;
/** The part of the pushed customer state the bench reads. */
type PushedState = { orders: readonly { id: string; status: string }[] } | null;

/** Event n moves customer n % 50's one order to status `seq-<n>`, so the pushed state names the event it reflects. */
function event(n: number): LiveEvent {
  const customer = n % CUSTOMERS;
  return {
    id: `latency-${n}`,
    type: 'order.updated',
    occurredAt: new Date(Date.now()).toISOString(),
    sourceVersion: n,
    customer: { email: emailOf(customer) },
    data: { orderId: orderOf(customer), status: `seq-${n}`, total: 42.5, currency: 'USD', placedAt: '2025-01-01T00:00:00.000Z' },
  };
}

interface Run {
  sent: number;
  pushed: number[];
  acked: number[];
  /** Events per second from the first POST to the last push. */
  eventsPerSecond: number;
}

export async function liveLatencyBench(): Promise<BenchRow[]> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tandem-bench-live-latency-'));
  const store = await storeOn(await openPgliteDatabase(dir));
  const server = await startTestServer({ TANDEM_DEMO_STORE: 'false' }, { store });
  const api = serverClient({ url: server.url, token: server.adminToken });
  const webhooks = new WebhookClient(server.url, 64);
  const subscriptions: { unsubscribe(): void }[] = [];
  try {
    const source = await api.live.sources.create.mutate({ name: 'Latency bench' });
    const tenantId = source.path.split('/')[2] ?? 'default';
    /** performance.now() just before each event's POST, and when its push arrived. */
    const sentAt = new Map<number, number>();
    const pushedAt = new Map<number, number>();
    let waiting: { until: () => boolean; resolve: () => void } | undefined;
    const check = () => {
      if (waiting?.until() === true) waiting.resolve();
    };
    const until = (condition: () => boolean, timeoutMs: number, what: string) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`bench: ${what} did not happen within ${timeoutMs} ms`)), timeoutMs);
        waiting = {
          until: condition,
          resolve: () => {
            clearTimeout(timer);
            waiting = undefined;
            resolve();
          },
        };
        check();
      });

    let subscribed = 0;
    const onState = (customer: number, state: PushedState, first: boolean) => {
      const now = performance.now();
      if (first) subscribed += 1;
      const status = state?.orders.find((o) => o.id === orderOf(customer))?.status ?? '';
      const match = STATUS.exec(status);
      if (match !== null) {
        const n = Number(match[1]);
        if (sentAt.has(n) && !pushedAt.has(n)) pushedAt.set(n, now);
      }
      check();
    };
    for (let c = 0; c < CUSTOMERS; c++) {
      let first = true;
      subscriptions.push(
        api.live.customer.subscribe(
          { customer: { email: emailOf(c) } },
          {
            onData: ({ data }) => {
              onState(c, data, first);
              first = false;
            },
            onError: (error) => console.error(`bench: subscription ${c} failed`, error),
          },
        ),
      );
    }
    await until(() => subscribed === CUSTOMERS, 30_000, 'all subscriptions starting');

    const send = async (from: number, count: number): Promise<Run> => {
      const acked: number[] = [];
      const posts: Promise<void>[] = [];
      const started = performance.now();
      let next = 0;
      // Open loop at a steady rate: events go out on schedule whether or not earlier ones were answered.
      while (next < count) {
        const due = Math.min(count, Math.floor(((performance.now() - started) * RATE) / 1000) + 1);
        for (; next < due; next++) {
          const n = from + next;
          const request = signedRequest(tenantId, source.id, source.secret, event(n));
          const at = performance.now();
          sentAt.set(n, at);
          posts.push(
            webhooks.post(request).then((answer) => {
              if (answer.status !== 200) throw new Error(`bench: webhook answered ${describeAnswer(answer)}`);
              acked.push(performance.now() - at);
            }),
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      await Promise.all(posts);
      const isDone = () => {
        for (let n = from; n < from + count; n++) if (!pushedAt.has(n)) return false;
        return true;
      };
      // Some pushes may never name their event (a later one for the same customer overtook it): stop waiting at the drain limit.
      await until(isDone, DRAIN_MS, 'all pushes').catch(() => undefined);
      const pushed: number[] = [];
      let last = started;
      for (let n = from; n < from + count; n++) {
        const p = pushedAt.get(n);
        if (p === undefined) continue;
        pushed.push(p - (sentAt.get(n) as number));
        last = Math.max(last, p);
      }
      return { sent: count, pushed, acked, eventsPerSecond: (pushed.length * 1000) / (last - started) };
    };

    // Warm-up: connections, JIT, every customer's projection in the cache.
    await send(0, WARMUP_EVENTS);
    const run = await send(WARMUP_EVENTS, RATE * SECONDS);
    const p95 = percentile(run.pushed, 95);
    return [
      {
        area: AREA,
        metric: `event → subscriber push over HTTP, ${CUSTOMERS} customers followed, ${RATE} events/s for ${SECONDS} s (p50 / p95; budget p95 < 200 ms)`,
        value:
          `${ms(percentile(run.pushed, 50))} / ${ms(p95)} at ${Math.round(run.eventsPerSecond)} events/s` +
          ` (${run.pushed.length}/${run.sent} pushes)${p95 < 200 ? '' : ' OVER BUDGET'}`,
        peer: `POST → 2xx ack: ${ms(percentile(run.acked, 50))} / ${ms(percentile(run.acked, 95))}`,
        command: COMMAND,
      },
    ];
  } finally {
    for (const s of subscriptions) s.unsubscribe();
    webhooks.close();
    await server.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}
