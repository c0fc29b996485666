/**
 * The panel's in-memory search over the local cache: the same ChunkIndex the server ranks with
 * (lexical BM25F + title ranker + vectors, score fusion), restored from its snapshot or rebuilt
 * from IndexedDB once, then kept current from each applied sync page. Vectors are used when the
 * query has one (a cached server embedding of the same text); without it the lexical rankers
 * answer alone.
 */
import type { SearchHit } from '@tandem/shared';
import { ChunkIndex } from '@tandem/shared/search';
import { copyState } from './cacheMeta';
import type { CachedChunk, CachedDocument, KnowledgeCacheDb } from './cacheDb';
import type { AppliedChanges } from './syncKnowledge';

/** One document as it now stands in the cache (undefined: deleted), to bring an older index up to date. */
export interface DocumentChange {
  documentId: string;
  document: CachedDocument | undefined;
  chunks: CachedChunk[];
}

export interface LocalSearchOptions {
  k: number;
  vector?: Float32Array | undefined;
  language?: string | undefined;
}

/** Chunks read from IndexedDB per range read while loading. */
const LOAD_BATCH = 5_000;
/** Longest stretch of indexing before the panel gets its event loop back. */
const LOAD_SLICE_MS = 12;

/** Gives the panel's event loop a turn when indexing has held it for a slice. */
function slicer(): () => Promise<void> {
  let sliceStarted = performance.now();
  return async () => {
    if (performance.now() - sliceStarted <= LOAD_SLICE_MS) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    sliceStarted = performance.now();
  };
}

export class LocalKnowledgeIndex {
  private index = new ChunkIndex();

  get chunkCount(): number {
    return this.index.chunkCount;
  }

  get documentCount(): number {
    return this.index.documentCount;
  }

  upsert(document: CachedDocument, chunks: readonly CachedChunk[]): void {
    const ordered = [...chunks].sort((a, b) => a.ordinal - b.ordinal);
    this.index.upsertDocument(
      {
        documentId: document.documentId,
        sourceId: document.sourceId,
        title: document.title,
        url: document.url,
        language: document.language,
        tags: document.tags,
      },
      ordered.map((c) => ({ chunkId: c.chunkId, sectionPath: c.sectionPath, text: c.text })),
    );
    // The index normalises every vector, so the int8 values go in as they are: the scale cancels.
    for (const chunk of ordered) if (chunk.vector !== undefined) this.index.setChunkVector(chunk.chunkId, chunk.vector.bytes);
    if (document.titleVector !== undefined) this.index.setTitleVector(document.documentId, document.titleVector.bytes);
  }

  apply(changes: AppliedChanges): void {
    if (changes.reset) this.index = new ChunkIndex();
    for (const id of changes.deletions) this.index.removeDocument(id);
    for (const { document, chunks } of changes.upserts) this.upsert(document, chunks);
  }

  /** Brings the index up to the cache's current state for these documents, in order, yielding between slices. */
  async replay(changes: readonly DocumentChange[]): Promise<void> {
    const pause = slicer();
    for (const { documentId, document, chunks } of changes) {
      if (document === undefined) this.index.removeDocument(documentId);
      else this.upsert(document, chunks);
      await pause();
    }
  }

  /** Trains what the first vector search would train, in steps, so a snapshot taken next carries it. */
  prepareVectorSearchInSteps(): Generator<void, void> {
    return this.index.prepareVectorSearchInSteps();
  }

  /**
   * The whole built index as one Blob (ChunkIndex.snapshotViews, copied once by the Blob itself):
   * synchronous, so it is one consistent state whatever the index does next.
   */
  snapshotBlob(): Blob {
    return new Blob(this.index.snapshotViews());
  }

  /** Replaces the index with the one a snapshot holds; throws IndexSnapshotError and keeps the current one if it cannot. */
  restore(parts: readonly Uint8Array<ArrayBuffer>[]): void {
    this.index = ChunkIndex.restore(parts);
  }

  /**
   * Rebuilds from every cached document; returns the cursor and id of the copy it read. Rows and
   * cursor come from one read transaction, so the index is exactly the copy at that cursor. Chunks are
   * read in primary-key pages (one IndexedDB range read each, far cheaper than one lookup per
   * document), then indexed document by document.
   */
  async loadFrom(db: KnowledgeCacheDb): Promise<{ cursor: number; copyId: string | undefined }> {
    const byDocument = new Map<string, CachedChunk[]>();
    const { documents, state } = await db.transaction('r', [db.documents, db.chunks, db.meta], async () => {
      const copy = await copyState(db);
      const rows = await db.documents.toArray();
      let after: string | undefined;
      for (;;) {
        const range = after === undefined ? db.chunks.orderBy(':id') : db.chunks.where(':id').above(after);
        const batch = await range.limit(LOAD_BATCH).toArray();
        for (const chunk of batch) {
          const list = byDocument.get(chunk.documentId);
          if (list === undefined) byDocument.set(chunk.documentId, [chunk]);
          else list.push(chunk);
        }
        if (batch.length < LOAD_BATCH) break;
        after = batch[batch.length - 1]?.chunkId;
      }
      return { documents: rows, state: copy };
    });
    const fresh = new ChunkIndex();
    const previous = this.index;
    this.index = fresh;
    try {
      // Indexing a large cache takes seconds: the panel's event loop gets a turn every slice.
      const pause = slicer();
      for (const document of documents) {
        this.upsert(document, byDocument.get(document.documentId) ?? []);
        // Each document's chunks are indexed now; letting go of them keeps the peak memory down.
        byDocument.delete(document.documentId);
        await pause();
      }
    } catch (error) {
      this.index = previous;
      throw error;
    }
    return { cursor: state.cursor, copyId: state.copyId };
  }

  search(text: string, options: LocalSearchOptions): SearchHit[] {
    if (text.trim() === '' || this.index.chunkCount === 0) return [];
    const hits = this.index.search({
      text,
      k: options.k,
      vector: options.vector,
      filters: options.language === undefined ? undefined : { language: options.language },
    });
    return hits.map(({ signals: _signals, ...hit }) => hit);
  }
}
