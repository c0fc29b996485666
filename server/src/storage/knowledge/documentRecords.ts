/**
 * Stored documents and chunks as the rest of the server sees them, and the row mappers the
 * documents, vectors and sync reads share, so every read of a document decodes it the same way.
 */
import { decodeVector } from '../vectorCodec.js';

export interface StoredDocument {
  id: string;
  tenantId: string;
  sourceId: string;
  externalId: string;
  title: string;
  url: string | undefined;
  language: string | undefined;
  tags: string[];
  version: number;
  contentHash: string;
  updatedAt: string;
  titleVector: Float32Array | undefined;
}

export interface StoredChunk {
  id: string;
  documentId: string;
  ordinal: number;
  text: string;
  sectionPath: string[];
  vector: Float32Array | undefined;
}

export interface DocumentRow extends Record<string, unknown> {
  id: string;
  tenant_id: string;
  source_id: string;
  external_id: string;
  title: string;
  url: string | null;
  language: string | null;
  tags: string[];
  version: number;
  content_hash: string;
  updated_at: Date | string;
  title_embedding: Uint8Array | null;
}

export interface ChunkRow extends Record<string, unknown> {
  id: string;
  document_id: string;
  ordinal: number;
  text: string;
  section_path: string[];
  embedding: Uint8Array | null;
}

export const DOCUMENT_COLUMNS =
  'id, tenant_id, source_id, external_id, title, url, language, tags, version, content_hash, updated_at, title_embedding';

export const CHUNK_COLUMNS = 'id, document_id, ordinal, text, section_path, embedding';

export const toDocument = (r: DocumentRow): StoredDocument => ({
  id: r.id,
  tenantId: r.tenant_id,
  sourceId: r.source_id,
  externalId: r.external_id,
  title: r.title,
  url: r.url ?? undefined,
  language: r.language ?? undefined,
  tags: r.tags,
  version: r.version,
  contentHash: r.content_hash,
  updatedAt: new Date(r.updated_at).toISOString(),
  titleVector: r.title_embedding === null ? undefined : decodeVector(r.title_embedding),
});

export const toChunk = (r: ChunkRow): StoredChunk => ({
  id: r.id,
  documentId: r.document_id,
  ordinal: r.ordinal,
  text: r.text,
  sectionPath: r.section_path,
  vector: r.embedding === null ? undefined : decodeVector(r.embedding),
});

/** Chunk ids carry the version, so a vector computed for an old version can never attach to a new one. */
export const chunkIdOf = (documentId: string, version: number, ordinal: number) => `${documentId}:v${version}:${ordinal}`;

/** The version a chunk id was written for (0 when the id is not one of ours). */
export const versionOfChunkId = (chunkId: string): number => Number(/:v(\d+):/.exec(chunkId)?.[1] ?? 0);
