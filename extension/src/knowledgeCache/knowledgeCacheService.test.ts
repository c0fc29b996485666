/**
 * The panel's cache service over a real IndexedDB implementation and a scripted feed: searchable
 * from the cache before any network, following the server, offline without losing anything,
 * never claiming "up to date" while unreachable, and stopping for good on a full disk.
 */
import { KNOWLEDGE_SYNC_FORMAT, quantiseVector, type KnowledgeSyncPage, type SyncedDocument } from '@tandem/shared';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openKnowledgeCacheDb, type KnowledgeCacheDb } from './cacheDb';
import { KnowledgeCacheService, QUERY_VECTORS_KEPT, type KnowledgeCacheState } from './knowledgeCacheService';
import type { SyncPosition } from './cacheMeta';
import { CacheQuotaError, syncKnowledge, type FetchSyncPage } from './syncKnowledge';

const opened: KnowledgeCacheDb[] = [];
const services: KnowledgeCacheService[] = [];
function freshDb(): KnowledgeCacheDb {
  const db = openKnowledgeCacheDb(`service-${opened.length}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  opened.push(db);
  return db;
}
function service(db: KnowledgeCacheDb): KnowledgeCacheService {
  const created = new KnowledgeCacheService({ db, pollMs: 20, maxBackoffMs: 40 });
  services.push(created);
  return created;
}
afterEach(() => {
  for (const s of services.splice(0)) s.stopFollowing();
  for (const db of opened.splice(0)) db.close();
});

const doc = (id: string, text: string): SyncedDocument => ({
  documentId: id,
  sourceId: 'src',
  title: `Article ${id}`,
  tags: [],
  version: 1,
  chunks: [{ chunkId: `${id}:1:0`, ordinal: 0, sectionPath: [], text }],
});
const page = (cursor: number, upserts: SyncedDocument[], epoch = 'store-1'): KnowledgeSyncPage => ({
  kind: 'page',
  epoch,
  format: KNOWLEDGE_SYNC_FORMAT,
  horizon: 0,
  cursor,
  upserts,
  deletions: [],
  hasMore: false,
  embedder: null,
  latestCursor: cursor,
});
const identity = { serverUrl: 'http://127.0.0.1:8787', workspaceId: 'default' };

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

describe('KnowledgeCacheService', () => {
  it('answers from what an earlier session cached before it reaches the server', async () => {
    const db = freshDb();
    await syncKnowledge(db, async () => page(3, [doc('a', 'Refunds reach your card within five working days.')]), {
      signal: new AbortController().signal,
    });
    const cache = service(db);
    await cache.load();
    expect(cache.state).toMatchObject({ status: 'ready', documents: 1, cursor: 3 });
    expect(cache.search('when does my refund arrive', { k: 3 }).map((h) => h.documentId)).toEqual(['a']);
  });

  it('follows the server: new knowledge becomes searchable on the next poll', async () => {
    const db = freshDb();
    const feed: Record<number, KnowledgeSyncPage> = { 0: page(1, [doc('a', 'Reset your password from the sign-in page.')]) };
    const fetchPage: FetchSyncPage = async ({ cursor }) => feed[cursor] ?? page(cursor, []);
    const cache = service(db);
    await cache.follow(identity, fetchPage);
    expect(cache.state).toMatchObject({ status: 'ready', documents: 1 });

    feed[1] = page(2, [doc('b', 'Express shipping arrives the next working day.')]);
    await waitFor(cache, (s) => s.documents === 2);
    expect(cache.search('express shipping', { k: 3 })[0]?.documentId).toBe('b');
  });

  it('starts over when the server’s data was replaced: the old knowledge goes at once, the new follows', async () => {
    const db = freshDb();
    // The server as it was, then wiped and filled anew: a copy from the old store is told to reset.
    let server = { epoch: 'store-1', docs: [doc('a', 'Refunds reach your card within five working days.')] };
    const fetchPage: FetchSyncPage = async (position) => {
      if (position.epoch !== undefined && position.epoch !== server.epoch)
        return { kind: 'reset', epoch: server.epoch, format: KNOWLEDGE_SYNC_FORMAT, reason: 'epoch' };
      return position.cursor === 0 ? page(1, server.docs, server.epoch) : page(position.cursor, [], server.epoch);
    };
    const cache = service(db);
    const seen: string[][] = [];
    cache.subscribe(() => seen.push(cache.search('refund card days store credit', { k: 5 }).map((h) => h.documentId)));
    await cache.follow(identity, fetchPage);
    expect(cache.search('refund card', { k: 3 }).map((h) => h.documentId)).toEqual(['a']);

    server = { epoch: 'store-2', docs: [doc('z', 'Refunds are paid as store credit within two days.')] };
    await waitFor(cache, (s) => s.status === 'ready' && cache.search('store credit', { k: 3 }).length > 0);
    expect(cache.search('refund card days store credit', { k: 5 }).map((h) => h.documentId)).toEqual(['z']);
    expect((await db.documents.toArray()).map((d) => d.documentId)).toEqual(['z']);
    // Every state the panel was shown held one copy or the other, never both.
    expect(seen.some((ids) => ids.includes('a') && ids.includes('z'))).toBe(false);
    expect(seen.some((ids) => ids.length === 0)).toBe(true);
  });

  it('goes offline when the server fails, keeps its cards, and recovers', async () => {
    const db = freshDb();
    let up = true;
    const fetchPage: FetchSyncPage = async ({ cursor }) => {
      if (!up) throw new Error('fetch failed');
      return cursor === 0 ? page(1, [doc('a', 'Warranty covers two years.')]) : page(cursor, []);
    };
    const cache = service(db);
    await cache.follow(identity, fetchPage);
    up = false;
    const offline = await waitFor(cache, (s) => s.status === 'offline');
    expect(offline.detail).toBe('fetch failed');
    expect(cache.search('warranty', { k: 3 })).toHaveLength(1);
    up = true;
    await waitFor(cache, (s) => s.status === 'ready');
  });

  it('stays offline when its load finishes after the server was found unreachable', async () => {
    const cache = service(freshDb());
    const loading = cache.load();
    cache.markOffline('Server unreachable');
    await loading;
    expect(cache.state.status).toBe('offline');
  });

  it('stops syncing on a full disk and says so', async () => {
    let calls = 0;
    const fetchPage: FetchSyncPage = async () => {
      calls += 1;
      throw new CacheQuotaError();
    };
    const cache = service(freshDb());
    await cache.follow(identity, fetchPage);
    expect(cache.state.status).toBe('quota-exceeded');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls).toBe(1);
  });

  it('keeps the server embedding of a query for offline ranking, only for the cache embedder', async () => {
    const db = freshDb();
    const cache = service(db);
    const synced =
      (embedder: string) =>
      async ({ cursor }: SyncPosition) => ({ ...page(cursor === 0 ? 1 : cursor, []), embedder });
    await cache.follow(identity, synced('use-lite@0.2.0'));
    const vector = quantiseVector(Float32Array.from({ length: 8 }, (_, i) => i - 3));

    expect(await cache.wantsQueryVector('refund for a damaged lamp')).toBe(true);
    await cache.rememberQueryVector('refund for a damaged lamp', 'use-lite@0.2.0', vector);
    expect(await cache.wantsQueryVector('refund for a damaged lamp')).toBe(false);
    const restored = await cache.queryVector('refund for a damaged lamp');
    expect(restored).toHaveLength(8);
    expect(Math.hypot(...(restored ?? []))).toBeCloseTo(1, 5);
    expect(await cache.queryVector('another question')).toBeUndefined();

    await cache.rememberQueryVector('from another model', 'openai:text-embedding-3-small', vector);
    expect(await cache.queryVector('from another model')).toBeUndefined();
  });

  it('asks for no query embedding while the cache holds no vectors', async () => {
    const cache = service(freshDb());
    await cache.follow(identity, async ({ cursor }) => page(cursor === 0 ? 1 : cursor, []));
    expect(await cache.wantsQueryVector('anything')).toBe(false);
  });

  it('forgets the least recently used query vectors beyond its limit', async () => {
    const db = freshDb();
    const cache = service(db);
    const vector = quantiseVector(Float32Array.of(1, 0, 0, 0));
    await db.queryVectors.bulkPut(
      Array.from({ length: QUERY_VECTORS_KEPT }, (_, i) => ({
        text: `q${i}`,
        embedder: 'e',
        vector: { bytes: Int8Array.of(1, 0, 0, 0), scale: 1 },
        usedAt: i + 10,
      })),
    );
    await cache.rememberQueryVector('newest', 'e', vector);
    expect(await db.queryVectors.count()).toBe(QUERY_VECTORS_KEPT);
    expect(await db.queryVectors.get('q0')).toBeUndefined();
    expect(await db.queryVectors.get('newest')).toBeDefined();
  });
});
