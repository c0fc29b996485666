/**
 * Search building blocks shared by the server and the extension's local cache.
 */
export * from './acronyms.js';
export * from './analyze.js';
export * from './bm25Index.js';
export * from './chunkIndex.js';
export * from './glossary/index.js';
export * from './vectorIndex.js';
export { IndexSnapshotError } from './snapshot/snapshotFormat.js';
export { DEFAULT_SNAPSHOT_PART_BYTES } from './snapshot/snapshotWriter.js';
export * from './ticketCandidates.js';
export * from './ticketQuestions.js';
export * from './ticketRanker.js';
