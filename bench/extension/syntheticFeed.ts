/**
 * The server search benchmark's corpus (generated articles, chunked, topic-clustered 512-d
 * vectors) as the change feed a Tandem server sends the extension: sync pages of whole documents
 * with int8 vectors, cut at the server's chunk cap, serialised once in tRPC's envelope so serving
 * a page costs the feed server nothing. The first page is checked against knowledgeSyncPageSchema
 * (every page comes from the same code; checking all of them at 100k would cost seconds).
 */
import {
  KNOWLEDGE_SYNC_FORMAT,
  knowledgeSyncPageSchema,
  quantiseVector,
  type KnowledgeSyncPage,
  type QuantisedVector,
  type SyncedDocument,
} from '../../shared/src/knowledgeSync.js';
import { corpus, syntheticVectors, type Corpus, type SyntheticVectors } from '../knowledge/searchLatency.js';

/** Chunks per page, as the server's SYNC_PAGE_MAX_CHUNKS cuts its pages. */
const PAGE_MAX_CHUNKS = 2000;
const EMBEDDER = 'bench-synthetic-512';
/** The feed stands for one store; a fresh copy never sends it back (the synthetic feed ignores it). */
const SYNTHETIC_EPOCH = 'bench-synthetic-store';

export interface SyntheticFeed {
  /** `{ result: { data: page } }` JSON by the cursor the page starts after. */
  pagesByCursor: Map<number, string>;
  pages: number;
  documents: number;
  chunks: number;
  /** The ticket vectors of the server bench, int8 as `knowledge.embedQuery` returns them. */
  queryVectors: QuantisedVector[];
  recallQueries: QuantisedVector[];
}

function syncedDocuments({ chunks, documents }: Corpus, { vectors, titleVectors }: SyntheticVectors): SyncedDocument[] {
  const byDocument = new Map<string, SyncedDocument>();
  chunks.forEach((chunk, i) => {
    let doc = byDocument.get(chunk.documentId);
    if (doc === undefined) {
      const titleVector = titleVectors.get(chunk.documentId);
      doc = {
        documentId: chunk.documentId,
        sourceId: 'bench',
        title: documents.get(chunk.documentId) ?? chunk.title,
        tags: [],
        version: 1,
        ...(titleVector === undefined ? {} : { titleVector: quantiseVector(titleVector) }),
        chunks: [],
      };
      byDocument.set(chunk.documentId, doc);
    }
    const vector = vectors[i];
    doc.chunks.push({
      chunkId: chunk.chunkId,
      ordinal: doc.chunks.length,
      sectionPath: chunk.sectionPath,
      text: chunk.text,
      ...(vector === undefined ? {} : { vector: quantiseVector(vector) }),
    });
  });
  return [...byDocument.values()];
}

export async function syntheticFeed(size: number): Promise<SyntheticFeed> {
  const generated = await corpus(size);
  const vectors = syntheticVectors(size, generated.chunks);
  const docs = syncedDocuments(generated, vectors);
  const pagesByCursor = new Map<number, string>();
  // Each document is one change-feed entry: its position is its cursor.
  let start = 0;
  while (start < docs.length) {
    let end = start;
    let pageChunks = 0;
    // A document over the cap still goes, alone, as the server sends it.
    while (end < docs.length && (end === start || pageChunks + (docs[end] as SyncedDocument).chunks.length <= PAGE_MAX_CHUNKS)) {
      pageChunks += (docs[end] as SyncedDocument).chunks.length;
      end += 1;
    }
    const page: KnowledgeSyncPage = {
      kind: 'page',
      epoch: SYNTHETIC_EPOCH,
      format: KNOWLEDGE_SYNC_FORMAT,
      horizon: 0,
      cursor: end,
      upserts: docs.slice(start, end),
      deletions: [],
      hasMore: end < docs.length,
      embedder: EMBEDDER,
      latestCursor: docs.length,
    };
    if (start === 0) knowledgeSyncPageSchema.parse(page);
    pagesByCursor.set(start, JSON.stringify({ result: { data: page } }));
    start = end;
  }
  return {
    pagesByCursor,
    pages: pagesByCursor.size,
    documents: docs.length,
    chunks: generated.chunks.length,
    queryVectors: vectors.queryVectors.map(quantiseVector),
    recallQueries: vectors.recallQueries.map(quantiseVector),
  };
}
