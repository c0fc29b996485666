/**
 * The panel's in-memory search over the local cache: the same ChunkIndex the server ranks with
 * (lexical BM25F + title ranker + vectors, score fusion), loaded from IndexedDB once and then
 * kept current from each applied sync page. Vectors are used when the query has one (a cached
 * server embedding of the same text); without it the lexical rankers answer alone.
 */
import type { SearchHit } from '@tandem/shared';
import { ChunkIndex } from '@tandem/shared/search';
import type { CachedChunk, CachedDocument, KnowledgeCacheDb } from './cacheDb';
import type { AppliedChanges } from './syncKnowledge';

export interface LocalSearchOptions {
  k: number;
  vector?: Float32Array | undefined;
  language?: string | undefined;
}

/** Chunks read from IndexedDB per range read while loading. */
const LOAD_BATCH = 5_000;
/** Longest stretch of indexing before the panel gets its event loop back. */
const LOAD_SLICE_MS = 12;

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

  /**
   * Loads every cached document. Chunks are read in primary-key pages (one IndexedDB range read
   * each, far cheaper than one lookup per document), then indexed document by document.
   */
  async loadFrom(db: KnowledgeCacheDb): Promise<void> {
    const documents = await db.documents.toArray();
    const byDocument = new Map<string, CachedChunk[]>();
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
    const fresh = new ChunkIndex();
    const previous = this.index;
    this.index = fresh;
    try {
      let sliceStarted = performance.now();
      for (const document of documents) {
        this.upsert(document, byDocument.get(document.documentId) ?? []);
        // Each document's chunks are indexed now; letting go of them keeps the peak memory down.
        byDocument.delete(document.documentId);
        // Indexing a large cache takes seconds: give the panel's event loop a turn every slice.
        if (performance.now() - sliceStarted > LOAD_SLICE_MS) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          sliceStarted = performance.now();
        }
      }
    } catch (error) {
      this.index = previous;
      throw error;
    }
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
