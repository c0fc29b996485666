/**
 * The change stream and its watch against a real store: heartbeats on a quiet feed, a nudge as soon
 * as this node announces a write, a write by "another node" (nothing announced) found by the poll,
 * another workspace's write never reaching the stream, and a drain ending it.
 */
import type { KnowledgeChangeEvent } from '@tandem/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../logging/logger.js';
import { openPgliteDatabase } from '../../storage/pglite/pgliteDatabase.js';
import { storeOn, type Store } from '../../storage/store.js';
import { knowledgeChangeStream } from './changeStream.js';
import { KnowledgeChangeWatch } from './changeWatch.js';

let store: Store;
const watches: KnowledgeChangeWatch[] = [];
const log = createLogger('silent');

beforeAll(async () => {
  store = await storeOn(await openPgliteDatabase());
  await store.tenants.create('ours', 'Ours');
  await store.tenants.create('theirs', 'Theirs');
});
afterAll(() => store.close());
afterEach(() => {
  for (const w of watches.splice(0)) w.close();
});

async function write(tenantId: string, name: string, text: string): Promise<void> {
  const source = await store.knowledge.ensureSource(tenantId, 'upload', 'Uploads');
  await store.knowledge.upsertDocument({
    tenantId,
    sourceId: source.id,
    externalId: name,
    title: name,
    contentHash: text,
    chunks: [{ text, sectionPath: [] }],
  });
}

/** Reads a stream in the background; `next` waits for the n-th event (0-based) with its arrival time. */
function reader(watch: KnowledgeChangeWatch, heartbeatMs: number, tenantId = 'ours', lastEventId?: string) {
  const controller = new AbortController();
  const events: { event: KnowledgeChangeEvent; at: number }[] = [];
  let ended = false;
  const done = (async () => {
    for await (const [, event] of knowledgeChangeStream(
      { watch, repo: store.knowledge, heartbeatMs },
      tenantId,
      lastEventId,
      controller.signal,
    ))
      events.push({ event, at: Date.now() });
    ended = true;
  })();
  const next = async (n: number) => {
    await expect.poll(() => events.length, { timeout: 5000, interval: 5 }).toBeGreaterThan(n);
    return events[n] as { event: KnowledgeChangeEvent; at: number };
  };
  return { events, next, done, stop: () => controller.abort(), ended: () => ended };
}

function newWatch(pollMs: number): KnowledgeChangeWatch {
  const watch = new KnowledgeChangeWatch(store.knowledge, log, { pollMs });
  watches.push(watch);
  return watch;
}

describe('knowledgeChangeStream', () => {
  it('beats on a quiet feed with the position it already told', async () => {
    const watch = newWatch(60_000);
    watch.start();
    const stream = reader(watch, 150);
    const first = await stream.next(0);
    const beat = await stream.next(1);
    expect(first.event.kind).toBe('changed');
    expect(beat.event).toEqual({ ...first.event, kind: 'heartbeat' });
    expect(beat.at - first.at).toBeGreaterThanOrEqual(140);
    stream.stop();
    await stream.done;
  });

  it('nudges when this node announces a write', async () => {
    // Neither a poll nor a heartbeat within the test: only the announcement can bring the nudge.
    const watch = newWatch(600_000);
    watch.start();
    const stream = reader(watch, 600_000);
    await stream.next(0);
    await write('ours', 'a', 'Refunds take five days.');
    watch.notify();
    const nudge = await stream.next(1);
    expect(nudge.event.kind).toBe('changed');
    expect(nudge.event.cursor).toBe(await store.knowledge.latestChangeSeq('ours'));
    stream.stop();
    await stream.done;
  });

  it('finds another node’s write by polling, and never wakes for another workspace', async () => {
    const watch = newWatch(30);
    watch.start();
    const stream = reader(watch, 60_000);
    const first = await stream.next(0);
    await write('theirs', 'x', 'Not ours at all.');
    // Nothing announced: only the poll can see these. Theirs first, so ours must not be earlier.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stream.events).toHaveLength(1);
    await write('ours', 'b', 'Shipping takes three days.');
    const nudge = await stream.next(1);
    expect(nudge.event).toMatchObject({ kind: 'changed', epoch: first.event.epoch });
    expect(nudge.event.cursor).toBe(await store.knowledge.latestChangeSeq('ours'));
    expect(stream.events).toHaveLength(2);
    stream.stop();
    await stream.done;
  });

  it('coalesces a burst into nudges that end at the burst’s last cursor', async () => {
    const watch = newWatch(60_000);
    const stream = reader(watch, 60_000);
    await stream.next(0);
    for (let i = 0; i < 20; i++) {
      await write('ours', `burst-${i}`, `Burst article ${i}.`);
      watch.notify();
    }
    const latest = await store.knowledge.latestChangeSeq('ours');
    await expect.poll(() => stream.events.at(-1)?.event.cursor, { timeout: 5000, interval: 5 }).toBe(latest);
    expect(stream.events.length).toBeLessThanOrEqual(21);
    stream.stop();
    await stream.done;
  });

  it('ends every stream when the watch closes (the server drains)', async () => {
    const watch = newWatch(60_000);
    const stream = reader(watch, 60_000);
    await stream.next(0);
    watch.close();
    await stream.done;
    expect(stream.ended()).toBe(true);
  });
});
