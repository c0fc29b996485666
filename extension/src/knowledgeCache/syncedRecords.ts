/**
 * Synced documents (the wire format, base64 int8 vectors) to cached records (typed arrays). Pure,
 * so what the sync stores is exactly what the index later reads.
 */
import { base64ToBytes, type QuantisedVector, type SyncedDocument } from '@tandem/shared';
import type { CachedChunk, CachedDocument, StoredVector } from './cacheDb';

export function storedVector(vector: QuantisedVector): StoredVector {
  const bytes = base64ToBytes(vector.b64);
  return { bytes: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), scale: vector.scale };
}

export function cachedRecords(doc: SyncedDocument): { document: CachedDocument; chunks: CachedChunk[] } {
  return {
    document: {
      documentId: doc.documentId,
      sourceId: doc.sourceId,
      title: doc.title,
      url: doc.url,
      language: doc.language,
      tags: doc.tags,
      version: doc.version,
      titleVector: doc.titleVector === undefined ? undefined : storedVector(doc.titleVector),
    },
    chunks: doc.chunks.map((chunk) => ({
      chunkId: chunk.chunkId,
      documentId: doc.documentId,
      ordinal: chunk.ordinal,
      sectionPath: chunk.sectionPath,
      text: chunk.text,
      vector: chunk.vector === undefined ? undefined : storedVector(chunk.vector),
    })),
  };
}
