/**
 * The cache's bookkeeping in its meta table: where its copy of the change feed stands (the cursor,
 * with the server's data epoch, sync format and pruning horizon the copy was read with), the
 * embedder of its vectors, which server and workspace it mirrors, when it last synced, and the
 * id of this copy (new each time the copy starts over), which an index snapshot is tied to.
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
  copyId: 'copyId',
} as const;

/** Everything describing the copy itself; starting the copy over drops these and keeps only which workspace it mirrors. */
export const COPY_KEYS = [META.cursor, META.epoch, META.format, META.horizon, META.embedder, META.syncedAt, META.copyId];

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

/**
 * Everything that names one copy of one knowledge base at one point of its feed: an index built
 * from it is only valid for the same identity, copy id, epoch, sync format and embedder, at a
 * cursor (and horizon) no further than the copy's own.
 */
export interface CopyState {
  identity: string | undefined;
  copyId: string | undefined;
  epoch: string | undefined;
  syncFormat: number | undefined;
  embedder: string | undefined;
  horizon: number;
  cursor: number;
}

const COPY_STATE_KEYS = [META.identity, META.copyId, META.epoch, META.format, META.embedder, META.horizon, META.cursor];

export async function copyState(db: KnowledgeCacheDb): Promise<CopyState> {
  const [identity, copyId, epoch, syncFormat, embedder, horizon, cursor] = (await db.meta.bulkGet(COPY_STATE_KEYS)).map(
    (row) => row?.value,
  );
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    identity: text(identity),
    copyId: text(copyId),
    epoch: text(epoch),
    syncFormat: isCount(syncFormat) ? syncFormat : undefined,
    embedder: text(embedder),
    horizon: isCount(horizon) ? horizon : 0,
    cursor: isCount(cursor) ? cursor : 0,
  };
}

/** Whether two states describe the same copy (their cursors may differ). */
export function sameCopy(a: Omit<CopyState, 'cursor' | 'horizon'>, b: Omit<CopyState, 'cursor' | 'horizon'>): boolean {
  return (
    a.identity === b.identity && a.copyId === b.copyId && a.epoch === b.epoch && a.syncFormat === b.syncFormat && a.embedder === b.embedder
  );
}

/** A new copy's id: set in the same transaction that starts the copy, so a reset is always a new id. */
export const newCopyId = (): string => crypto.randomUUID();

/**
 * The copy id an index loaded under `loadedWith` may label a snapshot with: that same id while the
 * cache still has it; for a copy begun before copies had ids (both undefined), a new id given to
 * it now; undefined when the cache moved on to another copy since (the index is of an old one).
 */
export async function claimCopyId(db: KnowledgeCacheDb, loadedWith: string | undefined): Promise<string | undefined> {
  return db.transaction('rw', db.meta, async () => {
    const current = await metaValue(db, META.copyId);
    if (typeof current === 'string') return current === loadedWith ? current : undefined;
    if (loadedWith !== undefined) return undefined;
    const copyId = newCopyId();
    await db.meta.put({ key: META.copyId, value: copyId });
    return copyId;
  });
}
