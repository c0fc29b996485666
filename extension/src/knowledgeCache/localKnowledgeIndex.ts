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
import { floatVector } from './syncedRecords';

export interface LocalSearchOptions {
  k: number;
  vector?: Float32Array | undefined;
  language?: string | undefined;
}

/** Documents read from IndexedDB per batch while loading, so a large cache never blocks for long. */
const LOAD_BATCH = 500;

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
    for (const chunk of ordered) if (chunk.vector !== undefined) this.index.setChunkVector(chunk.chunkId, floatVector(chunk.vector));
    if (document.titleVector !== undefined) this.index.setTitleVector(document.documentId, floatVector(document.titleVector));
  }

  apply(changes: AppliedChanges): void {
    if (changes.reset) this.index = new ChunkIndex();
    for (const id of changes.deletions) this.index.removeDocument(id);
    for (const { document, chunks } of changes.upserts) this.upsert(document, chunks);
  }

  /** Loads every cached document; yields to the event loop between batches. */
  async loadFrom(db: KnowledgeCacheDb): Promise<void> {
    const fresh = new ChunkIndex();
    const previous = this.index;
    this.index = fresh;
    try {
      let offset = 0;
      for (;;) {
        const documents = await db.documents.orderBy('documentId').offset(offset).limit(LOAD_BATCH).toArray();
        if (documents.length === 0) break;
        const chunks = await db.chunks
          .where('documentId')
          .anyOf(documents.map((d) => d.documentId))
          .toArray();
        const byDocument = new Map<string, CachedChunk[]>();
        for (const chunk of chunks) {
          const list = byDocument.get(chunk.documentId) ?? [];
          list.push(chunk);
          byDocument.set(chunk.documentId, list);
        }
        for (const document of documents) this.upsert(document, byDocument.get(document.documentId) ?? []);
        offset += documents.length;
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
