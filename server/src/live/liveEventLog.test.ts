// The group-commit writer against a repo whose commits the test releases one at a time, so what
// shares a transaction is decided by the test, not by timing.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import type { AppendResult, NewLiveEvent, StoredLiveEvent } from '../storage/liveEventsRepo.js';
import { sampleLiveEvent } from '../testing/liveWebhookClient.js';
import { createLiveEventLog } from './liveEventLog.js';

const log = createLogger('silent');
const ev = (id: string): NewLiveEvent => ({ ...sampleLiveEvent(id), tenantId: 't', sourceId: 's' });

/** A repo that stores ids once, holds each commit until released, and fails batches holding 'bad'. */
function gatedRepo() {
  const stored = new Set<string>();
  const batches: string[][] = [];
  const gates: (() => void)[] = [];
  let seq = 0;
  return {
    stored,
    batches,
    release: () => gates.shift()?.(),
    waiting: () => gates.length,
    async appendBatch(events: readonly NewLiveEvent[]): Promise<AppendResult> {
      batches.push(events.map((e) => e.id));
      await new Promise<void>((resolve) => gates.push(resolve));
      if (events.some((e) => e.id === 'bad')) throw new Error('constraint violated');
      const outcomes = events.map((e) => (stored.has(e.id) ? null : (stored.add(e.id), ++seq)));
      const inserted = events.flatMap((e, i): StoredLiveEvent[] =>
        outcomes[i] === null ? [] : [{ ...e, seq: outcomes[i] as number, receivedAt: new Date(0).toISOString() }],
      );
      return { inserted, duplicates: events.length - inserted.length, outcomes };
    },
  };
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setImmediate(resolve));
}

describe('live event log (group commit)', () => {
  it('stores event strings normalised, as every reader should see them', async () => {
    const repo = gatedRepo();
    const notified: StoredLiveEvent[] = [];
    const eventLog = createLiveEventLog({ live: repo, log, onAppended: (events) => void notified.push(...events) });
    const hostile = { ...ev('n\u200b1'), data: { reason: 'card ４２４２\u202e declined', note: 'ok\u0007' } };
    const done = eventLog.append([hostile]);
    await until(() => repo.waiting() === 1);
    repo.release();
    await done;
    expect(notified.map((e) => [e.id, e.data])).toEqual([['n1', { reason: 'card 4242 declined', note: 'ok' }]]);
  });

  it('answers only after commit, and puts requests that arrived meanwhile into one transaction', async () => {
    const repo = gatedRepo();
    const notified: string[][] = [];
    const eventLog = createLiveEventLog({ live: repo, log, onAppended: (events) => void notified.push(events.map((e) => e.id)) });
    let firstDone = false;
    const first = eventLog.append([ev('a')]).then((outcome) => ((firstDone = true), outcome));
    await until(() => repo.waiting() === 1);
    const later = [eventLog.append([ev('b'), ev('c')]), eventLog.append([ev('a'), ev('d')])];
    expect(eventLog.pendingEvents).toBe(5);
    expect(firstDone).toBe(false);
    repo.release();
    expect(await first).toEqual({ status: 'committed', accepted: 1, duplicates: 0 });
    await until(() => repo.waiting() === 1);
    repo.release();
    expect(await Promise.all(later)).toEqual([
      { status: 'committed', accepted: 2, duplicates: 0 },
      { status: 'committed', accepted: 1, duplicates: 1 },
    ]);
    expect(repo.batches).toEqual([['a'], ['b', 'c', 'a', 'd']]);
    expect(notified).toEqual([['a'], ['b', 'c', 'd']]);
    expect(eventLog.pendingEvents).toBe(0);
  });

  it('refuses past its bound instead of queueing without limit', async () => {
    const repo = gatedRepo();
    const eventLog = createLiveEventLog({ live: repo, log, maxQueuedEvents: 3 });
    const first = eventLog.append([ev('a'), ev('b')]);
    expect(await eventLog.append([ev('c'), ev('d')])).toEqual({ status: 'overloaded', retryAfterSeconds: 1 });
    const fits = eventLog.append([ev('c')]);
    await until(() => repo.waiting() === 1);
    repo.release();
    await Promise.all([first, fits]);
    // Committed events free their room.
    const afterwards = eventLog.append([ev('d'), ev('e')]);
    await until(() => repo.waiting() === 1);
    repo.release();
    expect(await afterwards).toMatchObject({ status: 'committed', accepted: 2 });
    expect(repo.batches).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
  });

  it('without group commit, gives each request its own transaction', async () => {
    const repo = gatedRepo();
    const eventLog = createLiveEventLog({ live: repo, log, maxRequestsPerCommit: 1 });
    const all = [eventLog.append([ev('a')]), eventLog.append([ev('b')])];
    for (let i = 0; i < 2; i++) {
      await until(() => repo.waiting() === 1);
      repo.release();
    }
    await Promise.all(all);
    expect(repo.batches).toEqual([['a'], ['b']]);
  });

  it('fails only the request whose events storage refused, committing the others', async () => {
    const repo = gatedRepo();
    const eventLog = createLiveEventLog({ live: repo, log });
    const warm = eventLog.append([ev('w')]);
    await until(() => repo.waiting() === 1);
    const good = eventLog.append([ev('g')]);
    const bad = eventLog.append([ev('bad')]);
    repo.release();
    await warm;
    // The shared transaction fails, then each request is retried alone.
    for (let i = 0; i < 3; i++) {
      await until(() => repo.waiting() === 1);
      repo.release();
    }
    expect(await good).toEqual({ status: 'committed', accepted: 1, duplicates: 0 });
    await expect(bad).rejects.toThrow('constraint violated');
    expect(repo.batches.slice(1)).toEqual([['g', 'bad'], ['g'], ['bad']]);
    expect(eventLog.pendingEvents).toBe(0);
  });

  it('commits what it accepted before closing, then refuses', async () => {
    const repo = gatedRepo();
    const eventLog = createLiveEventLog({ live: repo, log });
    const accepted = eventLog.append([ev('a')]);
    let closed = false;
    const closing = eventLog.close().then(() => (closed = true));
    expect((await eventLog.append([ev('b')])).status).toBe('closed');
    await until(() => repo.waiting() === 1);
    expect(closed).toBe(false);
    repo.release();
    await closing;
    expect(await accepted).toMatchObject({ status: 'committed', accepted: 1 });
    expect([...repo.stored]).toEqual(['a']);
  });

  it('keeps ingesting when a consumer of appended events throws', async () => {
    const repo = gatedRepo();
    const eventLog = createLiveEventLog({
      live: repo,
      log,
      onAppended: () => {
        throw new Error('projection broke');
      },
    });
    const first = eventLog.append([ev('a')]);
    await until(() => repo.waiting() === 1);
    repo.release();
    expect(await first).toMatchObject({ status: 'committed' });
    const second = eventLog.append([ev('b')]);
    await until(() => repo.waiting() === 1);
    repo.release();
    expect(await second).toMatchObject({ status: 'committed', accepted: 1 });
  });
});
