/**
 * Keeps the local knowledge cache a copy of the server's: pages of the change feed applied in
 * order, each page in one IndexedDB transaction together with its position (cursor, data epoch,
 * format, horizon), so a sync stopped at any point (panel closed, network gone, quota hit) resumes
 * exactly where it left off and never leaves half a document. Deletions are applied. When the
 * server answers "reset" (its data was replaced, its format changed, or the copy fell behind
 * pruned changes) or switched embedder, the copy is dropped whole and made again from cursor 0.
 * Each page also records which documents it changed (indexChanges), so an index snapshot taken
 * at an earlier cursor can be brought up to date; dropping the copy drops the snapshot with it.
 */
import { Dexie } from 'dexie';
import type { KnowledgeSyncAnswer, KnowledgeSyncPage } from '@tandem/shared';
import type { CachedChunk, CachedDocument, KnowledgeCacheDb } from './cacheDb';
import { COPY_KEYS, cachePosition, META, metaValue, newCopyId, pageMetaRows, positionAfter, type SyncPosition } from './cacheMeta';
import { cachedRecords } from './syncedRecords';

export type FetchSyncPage = (position: SyncPosition, signal: AbortSignal) => Promise<KnowledgeSyncAnswer>;

/** Which server and workspace the cache mirrors; anything else is another knowledge base. */
export interface CacheIdentity {
  serverUrl: string;
  workspaceId: string;
}

/** What one applied page changed, for the in-memory index to follow without reloading. */
export interface AppliedChanges {
  upserts: { document: CachedDocument; chunks: CachedChunk[] }[];
  deletions: string[];
  /** The cache was emptied first (reset, new embedder): drop everything held in memory. */
  reset: boolean;
  /**
   * The cache's cursor before and after: an index that followed every page since it was loaded at
   * `fromCursor` now holds exactly the copy at `cursor` (another panel may have moved it meanwhile).
   */
  fromCursor: number;
  cursor: number;
  /** On a reset: the id of the new copy (an index snapshot names the copy it was built from). */
  copyId?: string | undefined;
}

export interface SyncProgress {
  cursor: number;
  latestCursor: number;
  pages: number;
  documents: number;
}

export class CacheQuotaError extends Error {
  constructor() {
    super('The browser refused more storage for the knowledge cache');
    this.name = 'CacheQuotaError';
  }
}

/** The tables that hold knowledge or what was built from it: all of them go together. */
const copyTables = (db: KnowledgeCacheDb) => [db.documents, db.chunks, db.queryVectors, db.indexSnapshots, db.indexChanges];

/** Empties the cache (sign-out, another workspace), index snapshot included; the next sync starts from scratch. */
export async function clearKnowledgeCache(db: KnowledgeCacheDb): Promise<void> {
  await db.transaction('rw', [...copyTables(db), db.meta], async () => {
    await Promise.all([...copyTables(db).map((table) => table.clear()), db.meta.clear()]);
  });
}

/** Drops the knowledge in one transaction but keeps which workspace it mirrors: the copy restarts from cursor 0, under a new id. */
async function restartCopy(db: KnowledgeCacheDb, embedder?: string): Promise<string> {
  const copyId = newCopyId();
  await db.transaction('rw', [...copyTables(db), db.meta], async () => {
    await Promise.all([...copyTables(db).map((table) => table.clear()), db.meta.bulkDelete(COPY_KEYS)]);
    await db.meta.put({ key: META.copyId, value: copyId });
    if (embedder !== undefined) await db.meta.put({ key: META.embedder, value: embedder });
  });
  return copyId;
}

export class SyncResetLoopError extends Error {
  constructor() {
    super('The server asked to start over a copy that is already empty');
    this.name = 'SyncResetLoopError';
  }
}

/** Clears the cache when it mirrors another server or workspace; true when it did. */
export async function adoptIdentity(db: KnowledgeCacheDb, identity: CacheIdentity): Promise<boolean> {
  const key = `${identity.serverUrl}\n${identity.workspaceId}`;
  const current = await metaValue(db, META.identity);
  if (current === key) return false;
  const hadData = current !== undefined || (await db.documents.count()) > 0;
  await clearKnowledgeCache(db);
  await db.meta.bulkPut([
    { key: META.identity, value: key },
    { key: META.copyId, value: newCopyId() },
  ]);
  return hadData;
}

function isQuotaError(error: unknown): boolean {
  const names = [error, error instanceof Dexie.DexieError ? error.inner : undefined].map((e) =>
    e instanceof Error || e instanceof DOMException ? e.name : undefined,
  );
  return names.includes(Dexie.errnames.QuotaExceeded) || names.includes('QuotaExceededError');
}

async function applyPage(db: KnowledgeCacheDb, page: KnowledgeSyncPage, fromCursor: number): Promise<AppliedChanges> {
  const upserts = page.upserts.map(cachedRecords);
  const touched = [...upserts.map((u) => u.document.documentId), ...page.deletions];
  try {
    await db.transaction('rw', [db.documents, db.chunks, db.queryVectors, db.meta, db.indexChanges], async () => {
      // A new version may have fewer chunks than the old one: drop the old ones before writing.
      await db.chunks.where('documentId').anyOf(touched).delete();
      await db.documents.bulkDelete(page.deletions);
      await db.documents.bulkPut(upserts.map((u) => u.document));
      await db.chunks.bulkPut(upserts.flatMap((u) => u.chunks));
      // Ids only (a row per document, its latest page): replaying them reads the documents themselves.
      await db.indexChanges.bulkPut(touched.map((documentId) => ({ documentId, cursor: page.cursor })));
      await db.meta.bulkPut(pageMetaRows(page, Date.now()));
    });
  } catch (error) {
    if (isQuotaError(error)) throw new CacheQuotaError();
    throw error;
  }
  return { upserts, deletions: page.deletions, reset: false, fromCursor, cursor: page.cursor };
}

/**
 * Applies pages until the server has nothing newer. A reset (the server's answer, or a new
 * embedder) empties the cache, rewinds to cursor 0 and continues, so one call always ends with a
 * complete copy, and the old knowledge is gone before any of the new arrives.
 */
export async function syncKnowledge(
  db: KnowledgeCacheDb,
  fetchPage: FetchSyncPage,
  options: { signal: AbortSignal; onApplied?: (changes: AppliedChanges, progress: SyncProgress) => void },
): Promise<SyncProgress> {
  let position = await cachePosition(db);
  const progress: SyncProgress = { cursor: position.cursor, latestCursor: 0, pages: 0, documents: 0 };
  const startOver = async (embedder?: string) => {
    const copyId = await restartCopy(db, embedder);
    const fromCursor = position.cursor;
    position = { cursor: 0 };
    progress.cursor = 0;
    options.onApplied?.({ upserts: [], deletions: [], reset: true, fromCursor, cursor: 0, copyId }, progress);
  };
  for (;;) {
    options.signal.throwIfAborted();
    const answer = await fetchPage(position, options.signal);
    options.signal.throwIfAborted();
    if (answer.kind === 'reset') {
      // A fresh copy is never reset by a sound server; asking again would only loop.
      if (position.cursor === 0 && position.epoch === undefined) throw new SyncResetLoopError();
      await startOver();
      continue;
    }
    const storedEmbedder = await metaValue(db, META.embedder);
    if (typeof storedEmbedder === 'string' && answer.embedder !== null && answer.embedder !== storedEmbedder && position.cursor !== 0) {
      // Vectors from another embedder cannot be compared with the new ones: copy everything again.
      await startOver(answer.embedder);
      continue;
    }
    const applied = await applyPage(db, answer, position.cursor);
    position = positionAfter(answer);
    progress.cursor = answer.cursor;
    progress.latestCursor = answer.latestCursor;
    progress.pages += 1;
    progress.documents += answer.upserts.length;
    // Every page, even an empty one: it still moves the cursor an index follows.
    options.onApplied?.(applied, progress);
    if (!answer.hasMore) return progress;
  }
}
