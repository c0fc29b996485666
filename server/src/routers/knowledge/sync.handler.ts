/**
 * The knowledge change feed as pages for clients' local caches (the extension): every document
 * touched after the client's cursor, at its current version with all its chunks and int8
 * vectors, or its deletion. Pages are bounded by feed entries and by chunks, so a large knowledge
 * base arrives in pieces a browser can store in one transaction each.
 */
import { quantiseVector, type KnowledgeSyncPage, type SyncedChunk, type SyncedDocument } from '@tandem/shared';
import type { z } from 'zod';
import { EMBEDDER_META_KEY } from '../../knowledge/search/vectorFiller.js';
import { chunkIdOf, type KnowledgeRepo, type StoredChunk, type StoredDocument } from '../../storage/knowledgeRepo.js';
import type { syncInput } from './sync.schema.js';

/** Chunks per page, roughly: with text and 512-dimension vectors, a few MB of JSON. */
export const SYNC_PAGE_MAX_CHUNKS = 2000;
/** Documents read per round trip while filling a page. */
const LOAD_BATCH = 100;
/** Reads of a document being rewritten at that moment, until its row and its chunks agree on the version. */
const CONSISTENT_READ_ATTEMPTS = 3;

// The page contract bounds every field; anything stored by an older version beyond those bounds is
// trimmed here, because one document failing the output check would stall every client's sync for good.
const MAX = { title: 500, url: 2048, language: 35, tags: 100, tag: 100, sections: 20, section: 500, text: 100_000, chunks: 10_000 };

interface CurrentDocument {
  document: StoredDocument;
  chunks: StoredChunk[];
}

/**
 * The documents among `ids` that still exist, each with the chunks of its current version. The
 * row and the chunks are two reads, so an edit committed in between is noticed (chunk ids carry
 * the version) and read again.
 */
async function loadCurrent(repo: KnowledgeRepo, tenantId: string, ids: readonly string[]): Promise<Map<string, CurrentDocument>> {
  const current = new Map<string, CurrentDocument>();
  let pending = ids;
  for (let attempt = 1; pending.length > 0; attempt++) {
    const documents = await repo.documentsByIds(tenantId, pending);
    const chunksByDocument = new Map<string, StoredChunk[]>();
    for (const chunk of await repo.chunksOf(documents.map((d) => d.id))) {
      const list = chunksByDocument.get(chunk.documentId) ?? [];
      list.push(chunk);
      chunksByDocument.set(chunk.documentId, list);
    }
    const again: string[] = [];
    for (const document of documents) {
      const all = chunksByDocument.get(document.id) ?? [];
      const chunks = all.filter((c) => c.id === chunkIdOf(document.id, document.version, c.ordinal));
      // Every stored version has chunks (ingestion refuses a document without text): none means it changed or went meanwhile.
      const torn = chunks.length !== all.length || chunks.length === 0;
      if (torn && attempt < CONSISTENT_READ_ATTEMPTS) again.push(document.id);
      // Still moving after the last attempt: its own newer change will bring it again on a later page.
      else current.set(document.id, { document, chunks: chunks.sort((a, b) => a.ordinal - b.ordinal) });
    }
    pending = again;
  }
  return current;
}

function toSyncedChunk(chunk: StoredChunk): SyncedChunk {
  return {
    chunkId: chunk.id,
    ordinal: chunk.ordinal,
    sectionPath: chunk.sectionPath.slice(0, MAX.sections).map((s) => s.slice(0, MAX.section)),
    text: chunk.text.slice(0, MAX.text),
    ...(chunk.vector === undefined ? {} : { vector: quantiseVector(chunk.vector) }),
  };
}

function toSyncedDocument({ document, chunks }: CurrentDocument): SyncedDocument {
  const { url, language, titleVector } = document;
  return {
    documentId: document.id,
    sourceId: document.sourceId,
    title: document.title.slice(0, MAX.title),
    ...(url === undefined || url.length > MAX.url ? {} : { url }),
    ...(language === undefined || language.length > MAX.language ? {} : { language }),
    tags: document.tags.slice(0, MAX.tags).map((t) => t.slice(0, MAX.tag)),
    version: document.version,
    ...(titleVector === undefined ? {} : { titleVector: quantiseVector(titleVector) }),
    chunks: chunks.slice(0, MAX.chunks).map(toSyncedChunk),
  };
}

/**
 * One page of the tenant's changes after `input.cursor`. Each document appears once, at its
 * current version (so a page may run ahead of its own cursor; applying it again later is
 * harmless). When the chunk cap stops the page early, `cursor` is the last change whose document
 * is in this page, and every change up to it is reflected here or in an earlier page.
 */
export async function syncHandler(
  repo: KnowledgeRepo,
  tenantId: string,
  input: z.output<typeof syncInput>,
  maxChunks: number = SYNC_PAGE_MAX_CHUNKS,
): Promise<KnowledgeSyncPage> {
  const changes = await repo.changesSince(input.cursor, input.limit, tenantId);
  // Read after the changes, so the newest cursor is never behind this page's.
  const [latestCursor, embedder] = await Promise.all([repo.latestChangeSeq(tenantId), repo.getMeta(EMBEDDER_META_KEY)]);

  const order = [...new Set(changes.map((c) => c.documentId))];
  const loaded = new Map<string, CurrentDocument | null>();
  let loadedUpTo = 0;
  const upserts: SyncedDocument[] = [];
  const deletions: string[] = [];
  const placed = new Set<string>();
  let cursor = input.cursor;
  let chunksInPage = 0;
  let full = false;
  for (const change of changes) {
    const id = change.documentId;
    if (!placed.has(id)) {
      if (!loaded.has(id)) {
        // Documents are first met in `order`, so the next batch always starts with this one.
        const batch = order.slice(loadedUpTo, loadedUpTo + LOAD_BATCH);
        loadedUpTo += batch.length;
        const current = await loadCurrent(repo, tenantId, batch);
        for (const batchId of batch) loaded.set(batchId, current.get(batchId) ?? null);
      }
      const current = loaded.get(id) ?? null;
      if (current === null) deletions.push(id);
      else {
        // A single document larger than the cap still goes, alone, or the client could never get past it.
        if (chunksInPage > 0 && chunksInPage + current.chunks.length > maxChunks) {
          full = true;
          break;
        }
        upserts.push(toSyncedDocument(current));
        chunksInPage += current.chunks.length;
      }
      placed.add(id);
    }
    cursor = change.seq;
  }

  return {
    cursor,
    upserts,
    deletions,
    hasMore: full || changes.length === input.limit,
    embedder: embedder ?? null,
    latestCursor,
  };
}
