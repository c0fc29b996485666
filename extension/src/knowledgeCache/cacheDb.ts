/**
 * The extension's local knowledge cache in IndexedDB (Dexie): documents, their chunks with int8
 * vectors, the sync state (change-feed cursor, embedder, which server and workspace it mirrors),
 * and a snapshot of the built search index with the documents changed since it was taken, so
 * the panel restores its index instead of rebuilding it. One database per browser profile;
 * cleared on sign-out or a change of workspace.
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

/**
 * The built index as of `cursor` (ChunkIndex.snapshot, one Blob: IndexedDB keeps it as a file and
 * hands back a handle, so reading it costs no structured clone), with what it belongs to.
 */
export interface IndexSnapshotRow {
  key: typeof INDEX_SNAPSHOT_KEY;
  /** This extension's snapshot record layout (SNAPSHOT_FORMAT) and the shared index's (CHUNK_INDEX_SNAPSHOT_VERSION). */
  format: number;
  indexVersion: number;
  /** The copy of the knowledge it was built from: see CopyState. */
  identity: string | undefined;
  copyId: string;
  epoch: string | undefined;
  syncFormat: number | undefined;
  embedder: string | undefined;
  horizon: number;
  cursor: number;
  chunks: number;
  documents: number;
  bytes: number;
  checksum: number;
  writtenAt: number;
  body: Blob;
}

/** A document changed by a page applied after some snapshot may have been taken (cursor: the latest such page). */
export interface IndexChangeRow {
  documentId: string;
  cursor: number;
}

export const INDEX_SNAPSHOT_KEY = 'index';

export interface CacheMetaRow {
  key: string;
  value: unknown;
}

export type KnowledgeCacheDb = Dexie & {
  documents: EntityTable<CachedDocument, 'documentId'>;
  chunks: EntityTable<CachedChunk, 'chunkId'>;
  queryVectors: EntityTable<CachedQueryVector, 'text'>;
  meta: EntityTable<CacheMetaRow, 'key'>;
  indexSnapshots: EntityTable<IndexSnapshotRow, 'key'>;
  indexChanges: EntityTable<IndexChangeRow, 'documentId'>;
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
  // Version 2 adds the index snapshot and the changes since it; nothing to migrate (a cache
  // without a snapshot rebuilds its index once and writes one).
  db.version(2).stores({
    indexSnapshots: 'key',
    indexChanges: 'documentId, cursor',
  });
  return db;
}
