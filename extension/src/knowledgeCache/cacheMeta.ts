/**
 * The cache's bookkeeping in its meta table: where its copy of the change feed stands (the cursor,
 * with the server's data epoch, sync format and pruning horizon the copy was read with), the
 * embedder of its vectors, which server and workspace it mirrors, and when it last synced.
 */
import type { KnowledgeSyncInput, KnowledgeSyncPage } from '@tandem/shared';
import type { CacheMetaRow, KnowledgeCacheDb } from './cacheDb';

export const META = {
  cursor: 'cursor',
  epoch: 'epoch',
  format: 'format',
  horizon: 'horizon',
  embedder: 'embedder',
  identity: 'identity',
  syncedAt: 'syncedAt',
} as const;

/** Everything describing the copy itself; starting the copy over drops these and keeps only which workspace it mirrors. */
export const COPY_KEYS = [META.cursor, META.epoch, META.format, META.horizon, META.embedder, META.syncedAt];

/** What the cache tells the server with each request: a bare cursor 0 for a fresh copy. */
export type SyncPosition = Omit<KnowledgeSyncInput, 'limit'>;

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

export async function metaValue(db: KnowledgeCacheDb, key: string): Promise<unknown> {
  return (await db.meta.get(key))?.value;
}

export async function cacheCursor(db: KnowledgeCacheDb): Promise<number> {
  const value = await metaValue(db, META.cursor);
  return isCount(value) ? value : 0;
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

/** Where the copy stands, as the server's answers described it; whatever is missing or malformed is left out (the server then resets). */
export async function cachePosition(db: KnowledgeCacheDb): Promise<SyncPosition> {
  const [cursor, epoch, format, horizon] = (await db.meta.bulkGet([META.cursor, META.epoch, META.format, META.horizon])).map(
    (row) => row?.value,
  );
  return {
    cursor: isCount(cursor) ? cursor : 0,
    ...(typeof epoch === 'string' && epoch.length > 0 ? { epoch } : {}),
    ...(isCount(format) && format > 0 ? { format } : {}),
    ...(isCount(horizon) ? { horizon } : {}),
  };
}

/** The position after applying `page`: what the next request sends. */
export function positionAfter(page: KnowledgeSyncPage): SyncPosition {
  return { cursor: page.cursor, epoch: page.epoch, format: page.format, horizon: page.horizon };
}

/** The meta rows recording an applied page, written in the page's own transaction. */
export function pageMetaRows(page: KnowledgeSyncPage, now: number): CacheMetaRow[] {
  return [
    { key: META.cursor, value: page.cursor },
    { key: META.epoch, value: page.epoch },
    { key: META.format, value: page.format },
    { key: META.horizon, value: page.horizon },
    { key: META.syncedAt, value: now },
    ...(page.embedder === null ? [] : [{ key: META.embedder, value: page.embedder }]),
  ];
}
