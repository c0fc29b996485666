/**
 * The cache's sync against a scripted change feed: pages applied in order with their cursor,
 * resumable after a failure, new versions replacing old chunks, deletions applied, an embedder
 * change starting the copy over, a quota error leaving the last whole page in place, and the
 * in-memory index following every applied page.
 */
import {
  KNOWLEDGE_SYNC_FORMAT,
  quantiseVector,
  type KnowledgeSyncAnswer,
  type KnowledgeSyncPage,
  type SyncedDocument,
} from '@tandem/shared';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openKnowledgeCacheDb, type KnowledgeCacheDb } from './cacheDb';
import { LocalKnowledgeIndex } from './localKnowledgeIndex';
import { cacheCursor, cachePosition, type SyncPosition } from './cacheMeta';
import {
  adoptIdentity,
  CacheQuotaError,
  clearKnowledgeCache,
  SyncResetLoopError,
  syncKnowledge,
  type FetchSyncPage,
} from './syncKnowledge';

const opened: KnowledgeCacheDb[] = [];
function freshDb(): KnowledgeCacheDb {
  const db = openKnowledgeCacheDb(`test-${opened.length}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function doc(id: string, version: number, texts: string[], vectors = false): SyncedDocument {
  return {
    documentId: id,
    sourceId: 'src',
    title: `Article ${id}`,
    tags: [],
    version,
    chunks: texts.map((text, ordinal) => ({
      chunkId: `${id}:${version}:${ordinal}`,
      ordinal,
      sectionPath: [],
      text,
      ...(vectors ? { vector: quantiseVector(Float32Array.from({ length: 8 }, (_, i) => Math.cos(i + ordinal))) } : {}),
    })),
  };
}

function page(cursor: number, upserts: SyncedDocument[], options: Partial<KnowledgeSyncPage> = {}): KnowledgeSyncPage {
  return {
    kind: 'page',
    epoch: 'store-1',
    format: KNOWLEDGE_SYNC_FORMAT,
    horizon: 0,
    cursor,
    upserts,
    deletions: [],
    hasMore: false,
    embedder: 'use-lite',
    latestCursor: cursor,
    ...options,
  };
}

/** A feed the test scripts: each call answers from the pages keyed by the cursor asked for. */
function feed(pages: Record<number, KnowledgeSyncAnswer | Error>) {
  const asked: number[] = [];
  const positions: SyncPosition[] = [];
  const fetchPage: FetchSyncPage = async (position) => {
    const { cursor } = position;
    asked.push(cursor);
    positions.push(position);
    const answer = pages[cursor];
    if (answer === undefined) return page(cursor, []);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { fetchPage, asked, positions };
}

const signal = () => new AbortController().signal;

describe('syncKnowledge', () => {
  it('copies every page from scratch and resumes from the stored cursor', async () => {
    const db = freshDb();
    const { fetchPage, asked } = feed({
      0: page(3, [doc('a', 1, ['refunds take five days']), doc('b', 1, ['reset your password'])], { hasMore: true, latestCursor: 5 }),
      3: page(5, [doc('c', 1, ['shipping to Canada', 'customs fees'], true)]),
    });
    const progress = await syncKnowledge(db, fetchPage, { signal: signal() });

    expect(progress).toMatchObject({ cursor: 5, pages: 2, documents: 3 });
    expect(asked).toEqual([0, 3]);
    expect(await db.documents.count()).toBe(3);
    expect(await db.chunks.where('documentId').equals('c').count()).toBe(2);
    const stored = await db.chunks.get('c:1:0');
    expect(stored?.vector?.bytes).toBeInstanceOf(Int8Array);
    expect(await cacheCursor(db)).toBe(5);

    await syncKnowledge(db, fetchPage, { signal: signal() });
    expect(asked).toEqual([0, 3, 5]);
  });

  it('keeps the pages applied before a failure and resumes after them', async () => {
    const db = freshDb();
    const pages: Record<number, KnowledgeSyncAnswer | Error> = {
      0: page(2, [doc('a', 1, ['one'])], { hasMore: true }),
      2: new Error('network gone'),
    };
    await expect(syncKnowledge(db, feed(pages).fetchPage, { signal: signal() })).rejects.toThrow('network gone');
    expect(await cacheCursor(db)).toBe(2);
    expect(await db.documents.count()).toBe(1);

    pages[2] = page(4, [doc('b', 1, ['two'])]);
    const { fetchPage, asked } = feed(pages);
    await syncKnowledge(db, fetchPage, { signal: signal() });
    expect(asked).toEqual([2]);
    expect(await db.documents.count()).toBe(2);
  });

  it('replaces a document with its new version (fewer chunks) and applies deletions', async () => {
    const db = freshDb();
    const index = new LocalKnowledgeIndex();
    const { fetchPage } = feed({
      0: page(2, [doc('a', 1, ['old refund text', 'old second chunk']), doc('b', 1, ['password reset steps'])], { hasMore: true }),
      2: page(4, [doc('a', 2, ['refunds now take three days'])], { deletions: ['b'] }),
    });
    await syncKnowledge(db, fetchPage, { signal: signal(), onApplied: (changes) => index.apply(changes) });

    expect((await db.chunks.toArray()).map((c) => c.chunkId)).toEqual(['a:2:0']);
    expect(await db.documents.get('b')).toBeUndefined();
    expect(index.documentCount).toBe(1);
    expect(index.search('password reset', { k: 5 })).toEqual([]);
    expect(index.search('refund days', { k: 5 }).map((h) => h.chunkId)).toEqual(['a:2:0']);
  });

  it('starts the copy over when the server switched embedder', async () => {
    const db = freshDb();
    await syncKnowledge(db, feed({ 0: page(3, [doc('a', 1, ['one'], true)]) }).fetchPage, { signal: signal() });
    const resets: boolean[] = [];
    const { fetchPage, asked } = feed({
      3: page(3, [], { embedder: 'openai:text-embedding-3-small' }),
      0: page(6, [doc('a', 1, ['one'], true)], { embedder: 'openai:text-embedding-3-small' }),
    });
    await syncKnowledge(db, fetchPage, { signal: signal(), onApplied: (changes) => resets.push(changes.reset) });
    expect(asked).toEqual([3, 0]);
    expect(resets).toEqual([true, false]);
    expect(await cacheCursor(db)).toBe(6);
    expect(await db.documents.count()).toBe(1);
  });

  it('sends the epoch, format and horizon its copy was read with, and only a cursor for a fresh copy', async () => {
    const db = freshDb();
    const { fetchPage, positions } = feed({
      0: page(3, [doc('a', 1, ['one'])], { hasMore: true, horizon: 2 }),
      3: page(5, [doc('b', 1, ['two'])], { horizon: 2 }),
    });
    await syncKnowledge(db, fetchPage, { signal: signal() });
    const continued = { epoch: 'store-1', format: KNOWLEDGE_SYNC_FORMAT, horizon: 2 };
    expect(positions).toEqual([{ cursor: 0 }, { cursor: 3, ...continued }]);
    expect(await cachePosition(db)).toEqual({ cursor: 5, ...continued });
  });

  it('on "reset" deletes the whole copy at once and copies again from cursor 0, never mixing old and new', async () => {
    const db = freshDb();
    const index = new LocalKnowledgeIndex();
    const old = feed({ 0: page(3, [doc('a', 1, ['refunds take five days']), doc('b', 1, ['password reset steps'])], { hasMore: true }) });
    await expect(syncKnowledge(db, old.fetchPage, { signal: signal(), onApplied: (c) => index.apply(c) })).resolves.toMatchObject({
      cursor: 3,
    });
    await db.queryVectors.put({ text: 'refund', embedder: 'use-lite', vector: { bytes: Int8Array.of(1), scale: 1 }, usedAt: 1 });

    // The server's data dir was wiped: it has another epoch, other knowledge, and a feed that restarted.
    const wiped = feed({
      3: { kind: 'reset', epoch: 'store-2', format: KNOWLEDGE_SYNC_FORMAT, reason: 'epoch' },
      0: page(2, [doc('z', 1, ['refunds are paid as store credit'])], { epoch: 'store-2' }),
    });
    const shown: string[][] = [];
    const progress = await syncKnowledge(db, wiped.fetchPage, {
      signal: signal(),
      onApplied: (changes) => {
        index.apply(changes);
        shown.push(index.search('refunds password store credit', { k: 5 }).map((h) => h.documentId));
      },
    });
    expect(wiped.positions).toEqual([{ cursor: 3, epoch: 'store-1', format: KNOWLEDGE_SYNC_FORMAT, horizon: 0 }, { cursor: 0 }]);
    expect(shown).toEqual([[], ['z']]);
    expect(progress).toMatchObject({ cursor: 2, pages: 1, documents: 1 });
    expect((await db.documents.toArray()).map((d) => d.documentId)).toEqual(['z']);
    expect((await db.chunks.toArray()).map((c) => c.documentId)).toEqual(['z']);
    expect(await db.queryVectors.count()).toBe(0);
    expect(await cachePosition(db)).toEqual({ cursor: 2, epoch: 'store-2', format: KNOWLEDGE_SYNC_FORMAT, horizon: 0 });
  });

  it('keeps which workspace it mirrors through a reset, and refuses to loop on a server that resets a fresh copy', async () => {
    const db = freshDb();
    const mirrored = { serverUrl: 'http://127.0.0.1:8787', workspaceId: 't1' };
    await adoptIdentity(db, mirrored);
    await syncKnowledge(db, feed({ 0: page(1, [doc('a', 1, ['one'])]) }).fetchPage, { signal: signal() });
    const reset: KnowledgeSyncAnswer = { kind: 'reset', epoch: 'store-2', format: KNOWLEDGE_SYNC_FORMAT, reason: 'pruned' };
    const { fetchPage, asked } = feed({ 1: reset, 0: reset });
    await expect(syncKnowledge(db, fetchPage, { signal: signal() })).rejects.toBeInstanceOf(SyncResetLoopError);
    expect(asked).toEqual([1, 0]);
    expect(await db.documents.count()).toBe(0);
    expect(await adoptIdentity(db, mirrored)).toBe(false);
  });

  it('reports a full disk as CacheQuotaError and keeps the last whole page', async () => {
    const db = freshDb();
    await syncKnowledge(db, feed({ 0: page(1, [doc('a', 1, ['one'])]) }).fetchPage, { signal: signal() });
    db.chunks.hook('creating', () => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const { fetchPage } = feed({ 1: page(2, [doc('b', 1, ['two'])]) });
    await expect(syncKnowledge(db, fetchPage, { signal: signal() })).rejects.toBeInstanceOf(CacheQuotaError);
    expect(await cacheCursor(db)).toBe(1);
    expect(await db.documents.get('b')).toBeUndefined();
  });

  it('clears everything for another workspace, and on sign-out', async () => {
    const db = freshDb();
    expect(await adoptIdentity(db, { serverUrl: 'http://127.0.0.1:8787', workspaceId: 't1' })).toBe(false);
    await syncKnowledge(db, feed({ 0: page(1, [doc('a', 1, ['one'])]) }).fetchPage, { signal: signal() });
    expect(await adoptIdentity(db, { serverUrl: 'http://127.0.0.1:8787', workspaceId: 't1' })).toBe(false);
    expect(await db.documents.count()).toBe(1);

    expect(await adoptIdentity(db, { serverUrl: 'http://127.0.0.1:8787', workspaceId: 't2' })).toBe(true);
    expect(await db.documents.count()).toBe(0);
    expect(await cacheCursor(db)).toBe(0);

    await syncKnowledge(db, feed({ 0: page(1, [doc('a', 1, ['one'])]) }).fetchPage, { signal: signal() });
    await clearKnowledgeCache(db);
    expect(await db.documents.count()).toBe(0);
    expect(await db.chunks.count()).toBe(0);
  });

  it('stops between pages when aborted', async () => {
    const db = freshDb();
    const controller = new AbortController();
    const fetchPage: FetchSyncPage = async ({ cursor }) => {
      controller.abort();
      return page(cursor + 1, [doc(`d${cursor}`, 1, ['x'])], { hasMore: true });
    };
    await expect(syncKnowledge(db, fetchPage, { signal: controller.signal })).rejects.toThrow();
    expect(await db.documents.count()).toBe(0);
  });
});
