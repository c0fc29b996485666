/**
 * Keeps the local knowledge cache a copy of the server's: pages of the change feed applied in
 * order, each page in one IndexedDB transaction together with its cursor, so a sync stopped at
 * any point (panel closed, network gone, quota hit) resumes exactly where it left off and never
 * leaves half a document. Deletions are applied; a change of embedder starts the copy over.
 */
import { Dexie } from 'dexie';
import type { KnowledgeSyncPage } from '@tandem/shared';
import type { CachedChunk, CachedDocument, KnowledgeCacheDb } from './cacheDb';
import { cachedRecords } from './syncedRecords';

export type FetchSyncPage = (cursor: number, signal: AbortSignal) => Promise<KnowledgeSyncPage>;

/** Which server and workspace the cache mirrors; anything else is another knowledge base. */
export interface CacheIdentity {
  serverUrl: string;
  workspaceId: string;
}

/** What one applied page changed, for the in-memory index to follow without reloading. */
export interface AppliedChanges {
  upserts: { document: CachedDocument; chunks: CachedChunk[] }[];
  deletions: string[];
  /** The cache was emptied first (new embedder): drop everything held in memory. */
  reset: boolean;
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

const META = { cursor: 'cursor', embedder: 'embedder', identity: 'identity', syncedAt: 'syncedAt' } as const;

async function metaValue(db: KnowledgeCacheDb, key: string): Promise<unknown> {
  return (await db.meta.get(key))?.value;
}

export async function cacheCursor(db: KnowledgeCacheDb): Promise<number> {
  const value = await metaValue(db, META.cursor);
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0;
}

/** The embedder that built the cached vectors, once the server has told. */
export async function cacheEmbedder(db: KnowledgeCacheDb): Promise<string | undefined> {
  const value = await metaValue(db, META.embedder);
  return typeof value === 'string' ? value : undefined;
}

export async function lastSyncedAt(db: KnowledgeCacheDb): Promise<number | undefined> {
  const value = await metaValue(db, META.syncedAt);
  return typeof value === 'number' ? value : undefined;
}

/** Empties the cache (sign-out, another workspace); the next sync starts from scratch. */
export async function clearKnowledgeCache(db: KnowledgeCacheDb): Promise<void> {
  await db.transaction('rw', [db.documents, db.chunks, db.queryVectors, db.meta], async () => {
    await Promise.all([db.documents.clear(), db.chunks.clear(), db.queryVectors.clear(), db.meta.clear()]);
  });
}

/** Drops the knowledge but keeps which workspace it mirrors: the copy restarts from cursor 0. */
async function restartCopy(db: KnowledgeCacheDb, embedder: string): Promise<void> {
  await db.transaction('rw', [db.documents, db.chunks, db.queryVectors, db.meta], async () => {
    await Promise.all([db.documents.clear(), db.chunks.clear(), db.queryVectors.clear()]);
    await db.meta.bulkPut([
      { key: META.cursor, value: 0 },
      { key: META.embedder, value: embedder },
    ]);
  });
}

/** Clears the cache when it mirrors another server or workspace; true when it did. */
export async function adoptIdentity(db: KnowledgeCacheDb, identity: CacheIdentity): Promise<boolean> {
  const key = `${identity.serverUrl}\n${identity.workspaceId}`;
  const current = await metaValue(db, META.identity);
  if (current === key) return false;
  const hadData = current !== undefined || (await db.documents.count()) > 0;
  await clearKnowledgeCache(db);
  await db.meta.put({ key: META.identity, value: key });
  return hadData;
}

function isQuotaError(error: unknown): boolean {
  const names = [error, error instanceof Dexie.DexieError ? error.inner : undefined].map((e) =>
    e instanceof Error || e instanceof DOMException ? e.name : undefined,
  );
  return names.includes(Dexie.errnames.QuotaExceeded) || names.includes('QuotaExceededError');
}

async function applyPage(db: KnowledgeCacheDb, page: KnowledgeSyncPage): Promise<AppliedChanges> {
  const upserts = page.upserts.map(cachedRecords);
  const touched = [...upserts.map((u) => u.document.documentId), ...page.deletions];
  try {
    await db.transaction('rw', [db.documents, db.chunks, db.queryVectors, db.meta], async () => {
      // A new version may have fewer chunks than the old one: drop the old ones before writing.
      await db.chunks.where('documentId').anyOf(touched).delete();
      await db.documents.bulkDelete(page.deletions);
      await db.documents.bulkPut(upserts.map((u) => u.document));
      await db.chunks.bulkPut(upserts.flatMap((u) => u.chunks));
      await db.meta.bulkPut([
        { key: META.cursor, value: page.cursor },
        { key: META.syncedAt, value: Date.now() },
        ...(page.embedder === null ? [] : [{ key: META.embedder, value: page.embedder }]),
      ]);
    });
  } catch (error) {
    if (isQuotaError(error)) throw new CacheQuotaError();
    throw error;
  }
  return { upserts, deletions: page.deletions, reset: false };
}

/**
 * Applies pages until the server has nothing newer. A reset (new embedder) rewinds to cursor 0
 * and continues, so one call always ends with a complete copy.
 */
export async function syncKnowledge(
  db: KnowledgeCacheDb,
  fetchPage: FetchSyncPage,
  options: { signal: AbortSignal; onApplied?: (changes: AppliedChanges, progress: SyncProgress) => void },
): Promise<SyncProgress> {
  const progress: SyncProgress = { cursor: await cacheCursor(db), latestCursor: 0, pages: 0, documents: 0 };
  for (;;) {
    options.signal.throwIfAborted();
    const page = await fetchPage(progress.cursor, options.signal);
    options.signal.throwIfAborted();
    const storedEmbedder = await metaValue(db, META.embedder);
    if (typeof storedEmbedder === 'string' && page.embedder !== null && page.embedder !== storedEmbedder && progress.cursor !== 0) {
      // Vectors from another embedder cannot be compared with the new ones: copy everything again.
      await restartCopy(db, page.embedder);
      options.onApplied?.({ upserts: [], deletions: [], reset: true }, progress);
      progress.cursor = 0;
      continue;
    }
    const applied = await applyPage(db, page);
    progress.cursor = page.cursor;
    progress.latestCursor = page.latestCursor;
    progress.pages += 1;
    progress.documents += page.upserts.length;
    if (applied.upserts.length > 0 || applied.deletions.length > 0) options.onApplied?.(applied, progress);
    if (!page.hasMore) return progress;
  }
}
