/**
 * The cache's sync against a scripted change feed: pages applied in order with their cursor,
 * resumable after a failure, new versions replacing old chunks, deletions applied, an embedder
 * change starting the copy over, a quota error leaving the last whole page in place, and the
 * in-memory index following every applied page.
 */
import { quantiseVector, type KnowledgeSyncPage, type SyncedDocument } from '@tandem/shared';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openKnowledgeCacheDb, type KnowledgeCacheDb } from './cacheDb';
import { LocalKnowledgeIndex } from './localKnowledgeIndex';
import { adoptIdentity, cacheCursor, CacheQuotaError, clearKnowledgeCache, syncKnowledge, type FetchSyncPage } from './syncKnowledge';

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
  return { cursor, upserts, deletions: [], hasMore: false, embedder: 'use-lite', latestCursor: cursor, ...options };
}

/** A feed the test scripts: each call answers from the pages keyed by the cursor asked for. */
function feed(pages: Record<number, KnowledgeSyncPage | Error>) {
  const asked: number[] = [];
  const fetchPage: FetchSyncPage = async (cursor) => {
    asked.push(cursor);
    const answer = pages[cursor];
    if (answer === undefined) return page(cursor, []);
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { fetchPage, asked };
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
    const pages: Record<number, KnowledgeSyncPage | Error> = {
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
    const fetchPage: FetchSyncPage = async (cursor) => {
      controller.abort();
      return page(cursor + 1, [doc(`d${cursor}`, 1, ['x'])], { hasMore: true });
    };
    await expect(syncKnowledge(db, fetchPage, { signal: controller.signal })).rejects.toThrow();
    expect(await db.documents.count()).toBe(0);
  });
});
