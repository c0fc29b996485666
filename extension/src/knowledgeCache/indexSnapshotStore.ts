/**
 * The built index's snapshot in IndexedDB: one row holding the snapshot as a Blob with what it
 * belongs to (copy id, server and workspace, epoch, sync format, embedder, cursor, layout
 * versions, size and checksum), and the ids of documents changed since (indexChanges, written by
 * the sync with each page). Reading takes the row and those documents in one transaction, so
 * snapshot + changes are exactly the cache at its cursor; a row that belongs to anything else is
 * not used. Saving checks, in its own transaction, that the cache is still the copy the index was
 * built from, then replaces the row and forgets the changes it now covers.
 */
import { CHUNK_INDEX_SNAPSHOT_VERSION, IndexSnapshotError } from '@tandem/shared/search';
import { INDEX_SNAPSHOT_KEY, type CachedChunk, type IndexSnapshotRow, type KnowledgeCacheDb } from './cacheDb';
import { copyState, sameCopy, type CopyState } from './cacheMeta';
import type { DocumentChange } from './localKnowledgeIndex';
import { snapshotChecksum } from './snapshotChecksum';

/** This record's layout; bump it when IndexSnapshotRow or what it means changes. */
export const SNAPSHOT_FORMAT = 1;

export type SnapshotLookup =
  | { kind: 'usable'; row: IndexSnapshotRow; changes: DocumentChange[]; state: CopyState }
  | { kind: 'unusable'; reason: string; state: CopyState };

/** Why a stored snapshot cannot stand for this cache, or undefined when it can. */
function mismatch(row: IndexSnapshotRow, state: CopyState): string | undefined {
  if (row.format !== SNAPSHOT_FORMAT || row.indexVersion !== CHUNK_INDEX_SNAPSHOT_VERSION) return 'written in another format';
  if (!sameCopy(row, state)) return 'of another copy (server, workspace, epoch, sync format or embedder)';
  if (row.cursor > state.cursor || row.horizon > state.horizon) return 'ahead of the cache';
  return undefined;
}

/** The snapshot and every document changed after it, as the cache now holds them (oldest change first). */
export async function readIndexSnapshot(db: KnowledgeCacheDb): Promise<SnapshotLookup> {
  return db.transaction('r', [db.meta, db.indexSnapshots, db.indexChanges, db.documents, db.chunks], async () => {
    const state = await copyState(db);
    const row = await db.indexSnapshots.get(INDEX_SNAPSHOT_KEY);
    if (row === undefined) return { kind: 'unusable', reason: 'none stored', state };
    const reason = mismatch(row, state);
    if (reason !== undefined) return { kind: 'unusable', reason, state };
    const changed = await db.indexChanges.where('cursor').above(row.cursor).toArray();
    changed.sort((x, y) => x.cursor - y.cursor || (x.documentId < y.documentId ? -1 : 1));
    const ids = changed.map((c) => c.documentId);
    const [documents, chunks] = await Promise.all([db.documents.bulkGet(ids), db.chunks.where('documentId').anyOf(ids).toArray()]);
    const chunksOf = new Map<string, CachedChunk[]>();
    for (const chunk of chunks) {
      const list = chunksOf.get(chunk.documentId);
      if (list === undefined) chunksOf.set(chunk.documentId, [chunk]);
      else list.push(chunk);
    }
    const changes = ids.map((documentId, i) => ({ documentId, document: documents[i], chunks: chunksOf.get(documentId) ?? [] }));
    return { kind: 'usable', row, changes, state };
  });
}

/** The checksum a snapshot is saved with, read back from the Blob that will be stored (off the main thread, but for the sum). */
export async function blobChecksum(body: Blob): Promise<number> {
  return snapshotChecksum([new Uint8Array(await body.arrayBuffer())]);
}

/** The snapshot's bytes, checked against the size and checksum it was saved with. */
export async function snapshotBytes(row: IndexSnapshotRow): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = new Uint8Array(await row.body.arrayBuffer());
  if (bytes.length !== row.bytes) throw new IndexSnapshotError(`the stored snapshot holds ${bytes.length} bytes of ${row.bytes}`);
  if (snapshotChecksum([bytes]) !== row.checksum) throw new IndexSnapshotError('the stored snapshot is damaged');
  return bytes;
}

/** An index captured at `cursor` of the copy `copyId`: its snapshot as one Blob and that Blob's checksum. */
export interface CapturedIndex {
  copyId: string;
  cursor: number;
  body: Blob;
  checksum: number;
  chunks: number;
  documents: number;
}

/** Indexing work a load replays for these changes: chunks indexed, documents removed. */
export function replayWork(changes: readonly DocumentChange[]): number {
  let work = 0;
  for (const change of changes) work += change.document === undefined ? 1 : change.chunks.length;
  return work;
}

/**
 * Stores the captured index unless the cache has moved to another copy since (reset, sign-out,
 * another server) or already holds a newer snapshot of this one. True when it was stored.
 */
export async function saveIndexSnapshot(db: KnowledgeCacheDb, captured: CapturedIndex): Promise<boolean> {
  return db.transaction('rw', [db.meta, db.indexSnapshots, db.indexChanges], async () => {
    const state = await copyState(db);
    if (state.copyId !== captured.copyId || state.cursor < captured.cursor) return false;
    const existing = await db.indexSnapshots.get(INDEX_SNAPSHOT_KEY);
    if (existing !== undefined && mismatch(existing, state) === undefined && existing.cursor > captured.cursor) return false;
    const row: IndexSnapshotRow = {
      key: INDEX_SNAPSHOT_KEY,
      format: SNAPSHOT_FORMAT,
      indexVersion: CHUNK_INDEX_SNAPSHOT_VERSION,
      identity: state.identity,
      copyId: captured.copyId,
      epoch: state.epoch,
      syncFormat: state.syncFormat,
      embedder: state.embedder,
      horizon: state.horizon,
      cursor: captured.cursor,
      chunks: captured.chunks,
      documents: captured.documents,
      bytes: captured.body.size,
      checksum: captured.checksum,
      writtenAt: Date.now(),
      body: captured.body,
    };
    await db.indexSnapshots.put(row);
    await db.indexChanges.where('cursor').belowOrEqual(captured.cursor).delete();
    return true;
  });
}
