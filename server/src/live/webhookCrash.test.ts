// kill -9 in the middle of a burst of webhook deliveries, then restart on the same data directory:
// every event that was answered 2xx is in the log, none twice, a sender retrying everything gets
// each stored event back as a duplicate, and the customers' live state rebuilt from the log shows
// the newest stored update of each of their orders.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { LiveEvent } from '@tandem/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { openPgliteDatabase } from '../storage/pglite/pgliteDatabase.js';
import { storeOn } from '../storage/store.js';
import { postAll, signedRequest, WebhookClient } from '../testing/liveWebhookClient.js';
import { createLiveContext } from './liveContext.js';

const COUNT = 10_000;
const KILL_AFTER_ACKS = 3_000;
const TENANT = 'crash';
const SECRET = 'crash-test-secret-0123456789';
const script = path.resolve(import.meta.dirname, '../testing/liveIngestUntilKilled.ts');

type Child = ChildProcessByStdio<null, Readable, null>;

const CUSTOMERS = 100;
const ORDERS = 300;
const STATUSES = ['pending', 'paid', 'shipped', 'delivered', 'return_requested'] as const;
const PLACED = Date.UTC(2025, 0, 1);
/** Events of the burst are `burst-<n>`. */
const nOf = (id: string) => Number(id.slice('burst-'.length));
const emailOf = (customer: number) => `crash-customer-${customer}@example.com`;

/**
 * Event n updates order n % ORDERS of customer n % CUSTOMERS, each order three times as often as
 * there are statuses, so which update is the newest stored one differs from order to order.
 */
function orderEvent(n: number): LiveEvent {
  const order = n % ORDERS;
  return {
    id: `burst-${n}`,
    type: 'order.updated',
    occurredAt: new Date(PLACED + 86_400_000 + n * 1000).toISOString(),
    sourceVersion: n,
    customer: { email: emailOf(n % CUSTOMERS) },
    data: {
      orderId: `C-${order}`,
      status: STATUSES[Math.floor(n / ORDERS) % STATUSES.length] ?? STATUSES[0],
      total: 10 + order,
      currency: 'USD',
      placedAt: new Date(PLACED + order * 60_000).toISOString(),
    },
  };
}

/** Per order of `customer`, the status of its newest event among `stored`. */
function expectedStatuses(stored: readonly number[], customer: number): Map<string, string> {
  const newest = new Map<string, number>();
  for (const n of stored) {
    if (n % CUSTOMERS !== customer) continue;
    const order = `C-${n % ORDERS}`;
    if ((newest.get(order) ?? -1) < n) newest.set(order, n);
  }
  return new Map([...newest].map(([order, n]) => [order, orderEvent(n).data.status as string]));
}

/** The live state the server would serve after a restart: a fresh projection over the data directory. */
async function projectedStatuses(dataDir: string, customers: readonly number[]): Promise<Map<number, Map<string, string>>> {
  const store = await storeOn(await openPgliteDatabase(dataDir));
  try {
    const live = createLiveContext({ live: store.live, notifications: store.notifications, log: createLogger('silent') });
    const result = new Map<number, Map<string, string>>();
    for (const customer of customers) {
      const state = await live.stateFor(TENANT, { email: emailOf(customer) });
      result.set(customer, new Map((state?.orders ?? []).map((o) => [o.id, o.status])));
    }
    return result;
  } finally {
    await store.close();
  }
}

async function startChild(dataDir: string): Promise<{ child: Child; url: string; sourceId: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`webhook process ended before it was ready (${code})`)));
    let buffered = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const match = /^ready (\S+) (\S+)$/m.exec(buffered);
      if (match === null) return;
      child.removeAllListeners('exit');
      resolve({ child, url: match[1]!, sourceId: match[2]! });
    });
  });
}

async function storedIds(dataDir: string): Promise<{ ids: string[]; seqs: number }> {
  const store = await storeOn(await openPgliteDatabase(dataDir));
  try {
    const rows = await store.db.query<{ event_id: string }>('select event_id from live_events where tenant_id = $1', [TENANT]);
    const seqs = await store.db.query<{ n: number }>('select count(distinct seq)::int as n from live_events');
    return { ids: rows.map((r) => r.event_id), seqs: seqs[0]!.n };
  } finally {
    await store.close();
  }
}

describe('live webhook ingestion survives kill -9', () => {
  let dataDir = '';
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged event, once', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'tandem-live-crash-'));
    const first = await startChild(dataDir);
    const ids = Array.from({ length: COUNT }, (_, i) => `burst-${i}`);
    const requests = ids.map((id, i) => signedRequest(TENANT, first.sourceId, SECRET, orderEvent(i)));
    const acked = new Set<string>();
    let refused = 0;
    let killed = false;
    const exited = new Promise((resolve) => first.child.on('exit', resolve));
    const client = new WebhookClient(first.url, 50);
    await postAll(client, requests, 50, (index, answer) => {
      if (answer instanceof Error) return !killed; // connection reset or refused: only once it is dead
      if (answer.status === 200) acked.add(ids[index]!);
      else refused++;
      if (!killed && acked.size >= KILL_AFTER_ACKS) {
        killed = true;
        first.child.kill('SIGKILL');
      }
    });
    client.close();
    await exited;
    expect(refused).toBe(0);
    expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

    const afterCrash = await storedIds(dataDir);
    const stored = new Set(afterCrash.ids);
    expect([...acked].filter((id) => !stored.has(id))).toEqual([]);
    expect(stored.size).toBe(afterCrash.ids.length);
    expect(afterCrash.seqs).toBe(afterCrash.ids.length);
    expect(stored.size).toBeLessThan(COUNT);

    // Restarted on the crashed directory, the live state shows each order as its newest stored
    // (so at least its newest acknowledged) update left it: a few customers, all of their orders.
    const checked = [0, 17, 42, 99];
    const storedNs = afterCrash.ids.map(nOf);
    const ackedNs = [...acked].map(nOf);
    const projected = await projectedStatuses(dataDir, checked);
    for (const customer of checked) {
      const expected = expectedStatuses(storedNs, customer);
      // The burst ran well past one round of orders before the kill, so every order of these customers was acknowledged.
      expect([...expectedStatuses(ackedNs, customer).keys()].sort()).toEqual([...expected.keys()].sort());
      expect(expected.size).toBe(ORDERS / CUSTOMERS);
      expect(projected.get(customer)).toEqual(expected);
    }

    // The sender retries everything after the outage, in batches: what was stored comes back as duplicates.
    const second = await startChild(dataDir);
    const retry = new WebhookClient(second.url, 4);
    let accepted = 0;
    let duplicates = 0;
    const batches = Array.from({ length: COUNT / 500 }, (_, b) =>
      signedRequest(TENANT, second.sourceId, SECRET, {
        events: ids.slice(b * 500, (b + 1) * 500).map((_id, i) => orderEvent(b * 500 + i)),
      }),
    );
    await postAll(retry, batches, 4, (_index, answer) => {
      if (answer instanceof Error || answer.status !== 200)
        throw new Error(`retry failed: ${answer instanceof Error ? answer.message : answer.status}`);
      const counts = answer.body as { accepted: number; duplicates: number };
      accepted += counts.accepted;
      duplicates += counts.duplicates;
    });
    retry.close();
    const stopped = new Promise((resolve) => second.child.on('exit', resolve));
    second.child.kill('SIGKILL');
    await stopped;
    expect(second.sourceId).toBe(first.sourceId);
    expect(duplicates).toBe(stored.size);
    expect(accepted).toBe(COUNT - stored.size);
    const final = await storedIds(dataDir);
    expect(new Set(final.ids).size).toBe(COUNT);
    expect(final.ids.length).toBe(COUNT);
    // With every event stored, each order ends where the sender's last update put it.
    const all = Array.from({ length: COUNT }, (_, n) => n);
    const finalProjection = await projectedStatuses(dataDir, checked);
    for (const customer of checked) expect(finalProjection.get(customer)).toEqual(expectedStatuses(all, customer));
  }, 90_000);
});
