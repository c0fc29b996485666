/**
 * The panel's index snapshot over a real IndexedDB implementation: a panel opened from the
 * snapshot answers exactly as the panel that wrote it and as a rebuild; changes synced after it
 * are replayed on open; a snapshot of another copy, epoch, embedder or format, or a damaged one,
 * is never used (the index is rebuilt instead); a reset, sign-out or another server deletes it;
 * a panel that missed pages, or whose copy was replaced meanwhile, writes none; and the service
 * rewrites it in the background once opening would otherwise redo too much.
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
import { INDEX_SNAPSHOT_KEY, openKnowledgeCacheDb, type KnowledgeCacheDb } from './cacheDb';
import { KnowledgeCacheService } from './knowledgeCacheService';
import { LocalKnowledgeIndex } from './localKnowledgeIndex';
import { SNAPSHOT_FORMAT, saveIndexSnapshot } from './indexSnapshotStore';
import { adoptIdentity, clearKnowledgeCache, syncKnowledge, type FetchSyncPage } from './syncKnowledge';

const opened: KnowledgeCacheDb[] = [];
const services: KnowledgeCacheService[] = [];
function freshDb(): KnowledgeCacheDb {
  const db = openKnowledgeCacheDb(`snapshot-${opened.length}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  opened.push(db);
  return db;
}
function service(db: KnowledgeCacheDb, options: { snapshotSettleMs?: number } = {}): KnowledgeCacheService {
  const created = new KnowledgeCacheService({ db, pollMs: 20, maxBackoffMs: 40, ...options });
  services.push(created);
  return created;
}
afterEach(() => {
  for (const s of services.splice(0)) s.stopFollowing();
  for (const db of opened.splice(0)) db.close();
});

const WORDS =
  'refund card shipping express parcel warranty lamp heater jacket password invoice billing return voucher battery cable screen'.split(' ');
const DIMS = 8;

function vectorFor(seed: number): Float32Array {
  return Float32Array.from({ length: DIMS }, (_, i) => Math.sin(seed * 7.3 + i * 1.9));
}

function doc(n: number, version = 1, words = WORDS): SyncedDocument {
  const id = `doc-${n}`;
  const pick = (k: number) => words[(n * 5 + k * 3 + version) % words.length] as string;
  return {
    documentId: id,
    sourceId: n % 2 === 0 ? 'help-center' : 'uploads',
    title: `${pick(0)} ${pick(1)} guide ${n}`,
    tags: [],
    version,
    titleVector: quantiseVector(vectorFor(n * 31 + version)),
    chunks: [0, 1, 2].map((ordinal) => ({
      chunkId: `${id}:${version}:${ordinal}`,
      ordinal,
      sectionPath: ordinal === 0 ? [] : ['Steps'],
      text: `${pick(ordinal)} ${pick(ordinal + 1)} ${pick(ordinal + 4)} version ${version} of article ${n}.`,
      vector: quantiseVector(vectorFor(n * 13 + ordinal + version * 101)),
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

/** A feed answering from pages keyed by the cursor asked for; an unknown cursor gets an empty page there. */
function feed(pages: Record<number, KnowledgeSyncAnswer>): FetchSyncPage {
  return async ({ cursor }) => pages[cursor] ?? page(cursor, []);
}

const signal = () => new AbortController().signal;
const identity = { serverUrl: 'http://127.0.0.1:8787', workspaceId: 'default' };

/** A cache of 40 articles synced in two pages, as a first start leaves it. */
async function syncedCache(db: KnowledgeCacheDb): Promise<void> {
  await adoptIdentity(db, identity);
  const first = Array.from({ length: 20 }, (_, i) => doc(i));
  const second = Array.from({ length: 20 }, (_, i) => doc(20 + i));
  await syncKnowledge(db, feed({ 0: page(20, first, { hasMore: true }), 20: page(40, second) }), { signal: signal() });
}

const QUERIES: { text: string; vector?: Float32Array }[] = [
  { text: 'refund card' },
  { text: 'express shipping parcel', vector: vectorFor(3) },
  { text: 'warranty lamp heater guide' },
  { text: 'password invoice', vector: vectorFor(11) },
  { text: 'battery cable screen version 2' },
  { text: 'article 41' },
];

function answers(cache: { search: KnowledgeCacheService['search'] }): unknown[] {
  return QUERIES.map((q) => cache.search(q.text, { k: 5, vector: q.vector }));
}

async function openPanel(db: KnowledgeCacheDb): Promise<KnowledgeCacheService> {
  const cache = service(db);
  await cache.load();
  return cache;
}

/** Today's rebuild, for comparison: every cached document indexed from scratch. */
async function rebuilt(db: KnowledgeCacheDb): Promise<LocalKnowledgeIndex> {
  const index = new LocalKnowledgeIndex();
  await index.loadFrom(db);
  return index;
}

describe('index snapshot', () => {
  it('opens from the snapshot with exactly the answers of the panel that wrote it and of a rebuild', async () => {
    const db = freshDb();
    await syncedCache(db);
    const writer = await openPanel(db);
    expect(writer.lastLoad?.source).toBe('rebuild');
    const written = await writer.writeIndexSnapshot();
    expect(written).toMatchObject({ saved: true, cursor: 40 });

    const reader = await openPanel(db);
    expect(reader.lastLoad).toMatchObject({ source: 'snapshot', cursor: 40, work: 0 });
    expect(reader.state).toMatchObject({ status: 'ready', documents: 40, chunks: 120 });
    expect(answers(reader)).toEqual(answers(writer));
    expect(answers(reader)).toEqual(answers(await rebuilt(db)));
    expect(answers(reader)[0]).not.toEqual([]);
  });

  it('replays what was synced after the snapshot: new articles, new versions and deletions', async () => {
    const db = freshDb();
    await syncedCache(db);
    await (await openPanel(db)).writeIndexSnapshot();
    const other = ['quokka', 'voucher', 'courier', 'customs', 'tracking'];
    await syncKnowledge(
      db,
      feed({ 40: page(43, [doc(41, 1, other), doc(3, 2, other)], { deletions: ['doc-5', 'doc-7'] }), 43: page(43, []) }),
      { signal: signal() },
    );
    expect(await db.indexChanges.count()).toBe(4);

    const reader = await openPanel(db);
    expect(reader.lastLoad).toMatchObject({ source: 'snapshot', cursor: 43, work: 3 + 3 + 2 });
    expect(reader.state).toMatchObject({ documents: 39, chunks: 117 });
    const found = (text: string) => reader.search(text, { k: 10 }).map((h) => h.documentId);
    expect(found('quokka courier customs')).toEqual(expect.arrayContaining(['doc-41', 'doc-3']));
    expect(found('article 5 version 1')).not.toContain('doc-5');
    expect(reader.search('article 3', { k: 10 }).find((h) => h.documentId === 'doc-3')?.text).toContain('version 2');
    const fresh = await rebuilt(db);
    expect(answers(reader).map(ids)).toEqual(answers(fresh).map(ids));

    // Written again, the snapshot covers those changes and they are forgotten.
    expect(await reader.writeIndexSnapshot()).toMatchObject({ saved: true, cursor: 43 });
    expect(await db.indexChanges.count()).toBe(0);
    expect((await openPanel(db)).lastLoad).toMatchObject({ source: 'snapshot', work: 0 });
  });

  it('never uses a snapshot of another copy, epoch, embedder or format: it rebuilds', async () => {
    const db = freshDb();
    await syncedCache(db);
    await (await openPanel(db)).writeIndexSnapshot();
    const row = await db.indexSnapshots.get(INDEX_SNAPSHOT_KEY);
    if (row === undefined) throw new Error('no snapshot was written');
    const variants = [
      { format: SNAPSHOT_FORMAT + 1 },
      { indexVersion: row.indexVersion + 1 },
      { epoch: 'store-0' },
      { embedder: 'openai:text-embedding-3-small' },
      { syncFormat: KNOWLEDGE_SYNC_FORMAT + 1 },
      { copyId: 'another-copy' },
      { identity: 'http://other:8787\ndefault' },
      { cursor: 41 },
    ];
    const expected = answers(await rebuilt(db));
    for (const variant of variants) {
      await db.indexSnapshots.put({ ...row, ...variant });
      const reader = await openPanel(db);
      expect(reader.lastLoad?.source, JSON.stringify(variant)).toBe('rebuild');
      expect(answers(reader)).toEqual(expected);
    }
  });

  it('never restores the snapshot of another knowledge base into this one', async () => {
    const mine = freshDb();
    await syncedCache(mine);
    const theirs = freshDb();
    await adoptIdentity(theirs, identity);
    await syncKnowledge(theirs, feed({ 0: page(40, [doc(100, 1, ['quokka', 'voucher', 'courier'])], { epoch: 'store-9' }) }), {
      signal: signal(),
    });
    await (await openPanel(theirs)).writeIndexSnapshot();
    const foreign = await theirs.indexSnapshots.get(INDEX_SNAPSHOT_KEY);
    if (foreign === undefined) throw new Error('no snapshot was written');
    // Same cursor, same server and workspace: only the epoch and copy tell them apart.
    await mine.indexSnapshots.put(foreign);
    const reader = await openPanel(mine);
    expect(reader.lastLoad?.source).toBe('rebuild');
    expect(reader.search('quokka voucher courier', { k: 5 }).map((h) => h.documentId)).not.toContain('doc-100');
    expect(reader.state.documents).toBe(40);
  });

  it('falls back to the rebuild when the stored snapshot is damaged, cut short or unreadable', async () => {
    const db = freshDb();
    await syncedCache(db);
    await (await openPanel(db)).writeIndexSnapshot();
    const row = await db.indexSnapshots.get(INDEX_SNAPSHOT_KEY);
    if (row === undefined) throw new Error('no snapshot was written');
    const bytes = new Uint8Array(await row.body.arrayBuffer());
    const flipped = bytes.slice();
    flipped[bytes.length >> 1] = (flipped[bytes.length >> 1] as number) ^ 0x40;
    const garbage = new Uint8Array(bytes.length).fill(7);
    const { snapshotChecksum } = await import('./snapshotChecksum');
    const damaged = [
      { body: new Blob([flipped]) },
      { body: new Blob([bytes.slice(0, bytes.length - 64)]) },
      // Size and checksum agree with the bytes, which are not a snapshot at all.
      { body: new Blob([garbage]), checksum: snapshotChecksum([garbage]) },
    ];
    const expected = answers(await rebuilt(db));
    for (const variant of damaged) {
      await db.indexSnapshots.put({ ...row, ...variant });
      const reader = await openPanel(db);
      expect(reader.lastLoad?.source).toBe('rebuild');
      expect(reader.lastLoad?.fallback).toMatch(/damaged|bytes|snapshot/);
      expect(answers(reader)).toEqual(expected);
    }
  });

  it('goes with the cache: a reset, a sign-out and another server delete it', async () => {
    const db = freshDb();
    const written = async () => {
      await syncedCache(db);
      await (await openPanel(db)).writeIndexSnapshot();
      expect(await db.indexSnapshots.count()).toBe(1);
    };
    await written();
    await syncKnowledge(db, feed({ 40: { kind: 'reset', epoch: 'store-2', format: KNOWLEDGE_SYNC_FORMAT, reason: 'epoch' } }), {
      signal: signal(),
    });
    expect(await db.indexSnapshots.count()).toBe(0);
    expect(await db.indexChanges.count()).toBe(0);

    await clearKnowledgeCache(db);
    await written();
    await clearKnowledgeCache(db);
    expect(await db.indexSnapshots.count()).toBe(0);

    await written();
    await adoptIdentity(db, { serverUrl: 'http://other:8787', workspaceId: 'default' });
    expect(await db.indexSnapshots.count()).toBe(0);
  });

  it('writes none from a panel that missed pages another panel applied, nor for a copy replaced meanwhile', async () => {
    const db = freshDb();
    await syncedCache(db);
    const behind = await openPanel(db);
    // Another panel moves the cache on; this one then follows from the cache's cursor.
    await syncKnowledge(db, feed({ 40: page(41, [doc(41)]) }), { signal: signal() });
    await behind.follow(identity, feed({ 41: page(42, [doc(42)]) }));
    expect(behind.state.documents).toBe(42 - 1);
    expect(await behind.writeIndexSnapshot()).toBeUndefined();
    expect(await db.indexSnapshots.count()).toBe(0);

    // A capture of copy A that arrives after the cache started copy B is refused.
    const current = await openPanel(db);
    const captured = { copyId: 'copy-a', cursor: 42, body: new Blob([new Uint8Array(16)]), checksum: 0, chunks: 0, documents: 0 };
    expect(await saveIndexSnapshot(db, captured)).toBe(false);
    expect(await db.indexSnapshots.count()).toBe(0);
    expect(await current.writeIndexSnapshot()).toMatchObject({ saved: true, cursor: 42 });
  });

  it('rewrites the snapshot in the background once opening would redo enough work, not for every change', async () => {
    const db = freshDb();
    await adoptIdentity(db, identity);
    const pages: Record<number, KnowledgeSyncAnswer> = {
      0: page(
        700,
        Array.from({ length: 700 }, (_, i) => doc(i)),
      ),
    };
    const cache = service(db, { snapshotSettleMs: 5 });
    await cache.follow(identity, feed(pages));
    // 2,100 chunks synced: due, and written a moment after the sync settles.
    await until(async () => (await db.indexSnapshots.get(INDEX_SNAPSHOT_KEY))?.cursor === 700);

    // A few changes stay in indexChanges, replayed at open.
    pages[700] = page(701, [doc(3, 2)]);
    await until(async () => (await db.indexChanges.count()) === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await db.indexSnapshots.get(INDEX_SNAPSHOT_KEY))?.cursor).toBe(700);
    const reader = await openPanel(db);
    expect(reader.lastLoad).toMatchObject({ source: 'snapshot', cursor: 701, work: 3 });
  });
});

const ids = (hits: unknown) => (hits as { documentId: string }[]).map((h) => h.documentId);

async function until(test: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
