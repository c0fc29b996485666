/**
 * Opening the panel's index: from the stored snapshot when there is one for this very copy
 * (restore, then replay the documents changed since), else today's rebuild from every cached
 * document. A snapshot that cannot be read, is damaged, or belongs to something else falls back
 * to the rebuild: slower, never wrong.
 */
import type { KnowledgeCacheDb } from './cacheDb';
import { readIndexSnapshot, replayWork, snapshotBytes } from './indexSnapshotStore';
import type { LocalKnowledgeIndex } from './localKnowledgeIndex';

export interface IndexLoad {
  source: 'snapshot' | 'rebuild';
  /** The cache's cursor the loaded index holds exactly. */
  cursor: number;
  /** The copy it was loaded from (undefined for a copy begun before copies had ids). */
  copyId: string | undefined;
  /** Indexing work done at load: the replayed changes after a snapshot, every chunk on a rebuild. */
  work: number;
  /** Why the snapshot was not used, on a rebuild. */
  fallback?: string | undefined;
}

export async function loadLocalIndex(index: LocalKnowledgeIndex, db: KnowledgeCacheDb): Promise<IndexLoad> {
  let fallback: string;
  try {
    const lookup = await readIndexSnapshot(db);
    if (lookup.kind === 'usable') {
      index.restore([await snapshotBytes(lookup.row)]);
      await index.replay(lookup.changes);
      return { source: 'snapshot', cursor: lookup.state.cursor, copyId: lookup.state.copyId, work: replayWork(lookup.changes) };
    }
    fallback = lookup.reason;
  } catch (error) {
    fallback = error instanceof Error ? error.message : 'the snapshot could not be read';
  }
  const { cursor, copyId } = await index.loadFrom(db);
  return { source: 'rebuild', cursor, copyId, work: index.chunkCount, fallback };
}
