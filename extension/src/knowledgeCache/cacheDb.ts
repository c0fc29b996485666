/**
 * The extension's local knowledge cache in IndexedDB (Dexie): documents, their chunks with int8
 * vectors, and the sync state (change-feed cursor, embedder, which server and workspace it
 * mirrors). One database per browser profile; cleared on sign-out or a change of workspace.
 */
import { Dexie, type DexieOptions, type EntityTable } from 'dexie';

export interface CachedDocument {
  documentId: string;
  sourceId: string;
  title: string;
  url?: string | undefined;
  language?: string | undefined;
  tags: string[];
  version: number;
  titleVector?: StoredVector | undefined;
}

/** int8 values and their scale, exactly as synced: a quarter of a float32 copy. */
export interface StoredVector {
  bytes: Int8Array;
  scale: number;
}

export interface CachedChunk {
  chunkId: string;
  documentId: string;
  ordinal: number;
  sectionPath: string[];
  text: string;
  vector?: StoredVector | undefined;
}

export interface CachedQueryVector {
  /** The query text it embeds (trimmed, at most 1,000 characters). */
  text: string;
  embedder: string;
  vector: StoredVector;
  usedAt: number;
}

export interface CacheMetaRow {
  key: string;
  value: unknown;
}

export type KnowledgeCacheDb = Dexie & {
  documents: EntityTable<CachedDocument, 'documentId'>;
  chunks: EntityTable<CachedChunk, 'chunkId'>;
  queryVectors: EntityTable<CachedQueryVector, 'text'>;
  meta: EntityTable<CacheMetaRow, 'key'>;
};

export const CACHE_DB_NAME = 'tandem-knowledge';

/** `options` lets tests hand Dexie another IndexedDB implementation. */
export function openKnowledgeCacheDb(name = CACHE_DB_NAME, options?: DexieOptions): KnowledgeCacheDb {
  const db = new Dexie(name, options) as KnowledgeCacheDb;
  db.version(1).stores({
    documents: 'documentId',
    chunks: 'chunkId, documentId',
    queryVectors: 'text, usedAt',
    meta: 'key',
  });
  return db;
}
