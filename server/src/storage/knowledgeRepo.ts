/**
 * `store.knowledge` as one name for its callers: the knowledge storage is split by concern under
 * storage/knowledge/ (sources, documents and chunks, the change feed, vectors, meta) and composed
 * into one repository by the Store; this module names the whole and its record types.
 */
import type { KnowledgeChangeFeedRepo } from './knowledge/changeFeedRepo.js';
import type { KnowledgeDocumentsRepo } from './knowledge/documentsRepo.js';
import type { KnowledgeMetaRepo } from './knowledge/metaRepo.js';
import type { KnowledgeSourcesRepo } from './knowledge/sourcesRepo.js';
import type { KnowledgeVectorsRepo } from './knowledge/vectorsRepo.js';

export type KnowledgeRepo = KnowledgeSourcesRepo &
  KnowledgeDocumentsRepo &
  KnowledgeChangeFeedRepo &
  KnowledgeVectorsRepo &
  KnowledgeMetaRepo;

export type { FeedState, KnowledgeChange, KnowledgeChangeOp } from './knowledge/changeFeedRepo.js';
export type { ChunkInput, DocumentInput, JobAck } from './knowledge/documentsRepo.js';
export { chunkIdOf, type StoredChunk, type StoredDocument } from './knowledge/documentRecords.js';
export type { UnembeddedChunk } from './knowledge/vectorsRepo.js';
