/**
 * The current version of documents named by the change feed, each with exactly the chunks of that
 * version: the document row and its chunks are two reads, so an edit committed in between is
 * noticed (chunk ids carry the version) and read again.
 */
import { chunkIdOf, type KnowledgeRepo, type StoredChunk, type StoredDocument } from '../../storage/knowledgeRepo.js';

export interface CurrentDocument {
  document: StoredDocument;
  chunks: StoredChunk[];
}

/** Reads of a document being rewritten at that moment, until its row and its chunks agree on the version. */
const CONSISTENT_READ_ATTEMPTS = 3;

/** The documents among `ids` that still exist, each with the chunks of its current version. */
export async function loadCurrentDocuments(
  repo: KnowledgeRepo,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, CurrentDocument>> {
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
