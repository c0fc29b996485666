/**
 * A stored document in the sync wire format: int8 vectors, every field within the page
 * contract's bounds.
 */
import { quantiseVector, type SyncedChunk, type SyncedDocument } from '@tandem/shared';
import type { StoredChunk } from '../../storage/knowledgeRepo.js';
import type { CurrentDocument } from './currentDocuments.js';

// The page contract bounds every field; anything stored by an older version beyond those bounds is
// trimmed here, because one document failing the output check would stall every client's sync for good.
const MAX = { title: 500, url: 2048, language: 35, tags: 100, tag: 100, sections: 20, section: 500, text: 100_000, chunks: 10_000 };

function toSyncedChunk(chunk: StoredChunk): SyncedChunk {
  return {
    chunkId: chunk.id,
    ordinal: chunk.ordinal,
    sectionPath: chunk.sectionPath.slice(0, MAX.sections).map((s) => s.slice(0, MAX.section)),
    text: chunk.text.slice(0, MAX.text),
    ...(chunk.vector === undefined ? {} : { vector: quantiseVector(chunk.vector) }),
  };
}

export function toSyncedDocument({ document, chunks }: CurrentDocument): SyncedDocument {
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
