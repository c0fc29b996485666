/**
 * The cache service following the server by push, over a real IndexedDB implementation, a
 * scripted feed (documents, edits, deletions, each a feed entry) and a scripted change channel:
 * a nudge syncs at once and nothing polls meanwhile; an edit and a deletion reach the cache; a
 * channel that drops, ends or goes silent means polling until a channel is up again, then push.
 */
import { KNOWLEDGE_SYNC_FORMAT, type KnowledgeChangeEvent, type KnowledgeSyncPage, type SyncedDocument } from '@tandem/shared';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openKnowledgeCacheDb, type KnowledgeCacheDb } from './cacheDb';
import type { ChangeChannelHandlers, OpenChangeChannel } from './changeChannel';
import { KnowledgeCacheService, type KnowledgeCacheServiceOptions, type KnowledgeCacheState } from './knowledgeCacheService';
import type { FetchSyncPage } from './syncKnowledge';

const EPOCH = 'store-1';
const identity = { serverUrl: 'http://127.0.0.1:8787', workspaceId: 'default' };
const opened: KnowledgeCacheDb[] = [];
const services: KnowledgeCacheService[] = [];
afterEach(() => {
  for (const s of services.splice(0)) s.stopFollowing();
  for (const db of opened.splice(0)) db.close();
});

/** A workspace's knowledge and its change feed, answering sync calls as the server does (whole documents or deletions since a cursor). */
class ScriptedFeed {
  private readonly docs = new Map<string, SyncedDocument>();
  private readonly log: { seq: number; id: string }[] = [];
  seq = 0;
  fetches = 0;

  put(id: string, text: string): void {
    this.seq += 1;
    const version = (this.docs.get(id)?.version ?? 0) + 1;
    this.docs.set(id, {
      documentId: id,
      sourceId: 'src',
      title: `Article ${id}`,
      tags: [],
      version,
      chunks: [{ chunkId: `${id}:v${version}:0`, ordinal: 0, sectionPath: [], text }],
    });
    this.log.push({ seq: this.seq, id });
  }

  remove(id: string): void {
    this.seq += 1;
    this.docs.delete(id);
    this.log.push({ seq: this.seq, id });
  }

  readonly fetchPage: FetchSyncPage = async ({ cursor }) => {
    this.fetches += 1;
    const ids = [...new Set(this.log.filter((c) => c.seq > cursor).map((c) => c.id))];
    const page: KnowledgeSyncPage = {
      kind: 'page',
      epoch: EPOCH,
      format: KNOWLEDGE_SYNC_FORMAT,
      horizon: 0,
      cursor: this.seq,
      upserts: ids.flatMap((id) => this.docs.get(id) ?? []),
      deletions: ids.filter((id) => !this.docs.has(id)),
      hasMore: false,
      embedder: null,
      latestCursor: this.seq,
    };
    return page;
  };
}

/** The server's `knowledge.changes` as the test tells it to behave. */
class ScriptedChannel {
  opens = 0;
  closes = 0;
  private handlers: ChangeChannelHandlers | undefined;

  readonly open: OpenChangeChannel = (handlers) => {
    this.opens += 1;
    this.handlers = handlers;
    return () => {
      this.closes += 1;
      if (this.handlers === handlers) this.handlers = undefined;
    };
  };

  get isOpen(): boolean {
    return this.handlers !== undefined;
  }

  send(kind: KnowledgeChangeEvent['kind'], cursor: number): void {
    this.handlers?.onEvent({ kind, epoch: EPOCH, cursor });
  }

  drop(ended: boolean): void {
    this.handlers?.onDown(ended ? 'ended' : 'network changed', ended);
  }
}

function follower(options: Partial<KnowledgeCacheServiceOptions> = {}) {
  const db = openKnowledgeCacheDb(`push-${opened.length}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  opened.push(db);
  const cache = new KnowledgeCacheService({
    db,
    pollMs: 40,
    maxBackoffMs: 80,
    channelSilenceMs: 60_000,
    channelReopenMs: 30,
    maxChannelReopenMs: 60,
    ...options,
  });
  services.push(cache);
  return { db, cache };
}

function waitFor(s: KnowledgeCacheService, test: (state: KnowledgeCacheState) => boolean): Promise<KnowledgeCacheState> {
  return new Promise((resolve) => {
    if (test(s.state)) return resolve(s.state);
    const stop = s.subscribe((state) => {
      if (!test(state)) return;
      stop();
      resolve(state);
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('KnowledgeCacheService following by push', () => {
  it('syncs on each nudge and does not poll between them; an edit and a deletion reach the cache', async () => {
    const feed = new ScriptedFeed();
    feed.put('returns', 'Returns are accepted within thirty days.');
    feed.put('shipping', 'Standard shipping takes three working days.');
    const channel = new ScriptedChannel();
    const { db, cache } = follower();
    await cache.follow(identity, feed.fetchPage, channel.open);
    expect(cache.state).toMatchObject({ status: 'ready', documents: 2, updates: 'poll' });

    channel.send('changed', feed.seq);
    await waitFor(cache, (s) => s.updates === 'push');
    await sleep(50);
    const quiet = feed.fetches;
    await sleep(200); // five poll periods
    expect(feed.fetches).toBe(quiet);

    feed.put('returns', 'Returns are now accepted within sixty days.');
    channel.send('changed', feed.seq);
    await waitFor(cache, (s) => s.cursor === feed.seq);
    expect(cache.search('how many days to return', { k: 1 })[0]?.text).toContain('sixty days');

    feed.remove('shipping');
    channel.send('changed', feed.seq);
    await waitFor(cache, (s) => s.cursor === feed.seq && s.documents === 1);
    expect((await db.documents.toArray()).map((d) => d.documentId)).toEqual(['returns']);
    expect(await db.chunks.where('documentId').equals('shipping').count()).toBe(0);
    expect(cache.search('standard shipping working days', { k: 3 }).map((h) => h.documentId)).not.toContain('shipping');
  });

  it('syncs on a heartbeat only when it names another cursor than the cache’s', async () => {
    const feed = new ScriptedFeed();
    feed.put('a', 'Gift cards never expire.');
    const channel = new ScriptedChannel();
    const { cache } = follower();
    await cache.follow(identity, feed.fetchPage, channel.open);
    channel.send('heartbeat', feed.seq);
    await waitFor(cache, (s) => s.updates === 'push');
    await sleep(100);
    const before = feed.fetches;
    channel.send('heartbeat', feed.seq);
    await sleep(100);
    expect(feed.fetches).toBe(before);

    // A nudge lost on the way: the next heartbeat still shows the cache is behind.
    feed.put('b', 'Store credit can be split across orders.');
    channel.send('heartbeat', feed.seq);
    await waitFor(cache, (s) => s.documents === 2);
  });

  it('falls back to polling while the channel is down and goes back to push when it recovers', async () => {
    const feed = new ScriptedFeed();
    feed.put('a', 'Warranty covers two years.');
    const channel = new ScriptedChannel();
    const { cache } = follower();
    await cache.follow(identity, feed.fetchPage, channel.open);
    channel.send('changed', feed.seq);
    await waitFor(cache, (s) => s.updates === 'push');

    // Reconnecting by itself: nothing is closed, but the cache polls, and gets a change nobody announced.
    channel.drop(false);
    expect(cache.state.updates).toBe('poll');
    feed.put('b', 'Extended warranty adds a third year.');
    await waitFor(cache, (s) => s.documents === 2);
    const polled = feed.fetches;
    await sleep(150);
    expect(feed.fetches).toBeGreaterThan(polled);
    expect(channel.opens).toBe(1);

    channel.send('changed', feed.seq);
    await waitFor(cache, (s) => s.updates === 'push');
    await sleep(80);
    const pushed = feed.fetches;
    await sleep(200);
    expect(feed.fetches).toBe(pushed);
  });

  it('opens a new channel after one ended, polling meanwhile, and pushes again from its first event', async () => {
    const feed = new ScriptedFeed();
    feed.put('a', 'Exchanges are free within the first month.');
    const channel = new ScriptedChannel();
    const { cache } = follower();
    await cache.follow(identity, feed.fetchPage, channel.open);
    channel.send('changed', feed.seq);
    await waitFor(cache, (s) => s.updates === 'push');

    channel.drop(true);
    expect(cache.state.updates).toBe('poll');
    expect(channel.closes).toBe(1);
    feed.remove('a');
    await waitFor(cache, (s) => s.documents === 0);
    await expect.poll(() => channel.opens, { timeout: 2000, interval: 5 }).toBe(2);
    channel.send('heartbeat', feed.seq);
    await waitFor(cache, (s) => s.updates === 'push');
  });

  it('takes a silent channel for dead: polls and opens another', async () => {
    const feed = new ScriptedFeed();
    feed.put('a', 'Orders ship within one working day.');
    const channel = new ScriptedChannel();
    const { cache } = follower({ channelSilenceMs: 100 });
    await cache.follow(identity, feed.fetchPage, channel.open);
    channel.send('changed', feed.seq);
    await waitFor(cache, (s) => s.updates === 'push');
    await waitFor(cache, (s) => s.updates === 'poll');
    expect(channel.closes).toBe(1);
    await expect.poll(() => channel.opens, { timeout: 2000, interval: 5 }).toBe(2);
  });

  it('turns a burst of nudges during a sync into one more sync, not one each', async () => {
    const feed = new ScriptedFeed();
    feed.put('a', 'Price matching applies to identical items.');
    const channel = new ScriptedChannel();
    const { cache } = follower();
    await cache.follow(identity, feed.fetchPage, channel.open);
    channel.send('changed', feed.seq);
    await waitFor(cache, (s) => s.updates === 'push');
    await sleep(50);
    const before = feed.fetches;
    for (let i = 0; i < 20; i++) {
      feed.put(`burst-${i}`, `Burst article number ${i}.`);
      channel.send('changed', feed.seq);
    }
    await waitFor(cache, (s) => s.cursor === feed.seq && s.status === 'ready');
    await sleep(50);
    expect(feed.fetches - before).toBeLessThanOrEqual(2);
    expect(cache.state.documents).toBe(21);
  });

  it('closes its channel when it stops following', async () => {
    const feed = new ScriptedFeed();
    const channel = new ScriptedChannel();
    const { cache } = follower();
    await cache.follow(identity, feed.fetchPage, channel.open);
    expect(channel.isOpen).toBe(true);
    cache.stopFollowing();
    expect(channel.isOpen).toBe(false);
  });
});
