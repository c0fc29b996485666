/**
 * The contract between the extension benchmarks in Node and the page they drive in Chromium: what
 * each in-page run is given and what it hands back. Only plain JSON crosses, so the page returns
 * raw timings and Node computes every percentile with the one implementation the other areas use.
 */
import type { QuantisedVector } from '../../shared/src/knowledgeSync.js';

/** The global the page bundle installs its API under. */
export const PAGE_API = 'tandemExtensionBench';

/** A change feed the page can sync from: `${url}?cursor=N` (synthetic) or the tRPC query (real server). */
export interface FeedTarget {
  kind: 'synthetic' | 'trpc';
  url: string;
  /** Bearer token for the real server. */
  token?: string;
  /** Feed entries per page, sent to the real server as the extension would. */
  limit?: number;
}

export interface LocalSearchInput {
  feed: FeedTarget;
  /** A fresh IndexedDB database per run, so nothing from an earlier run is measured. */
  dbName: string;
  tickets: string[];
  /** The server's embedding of each ticket, int8 as `knowledge.embedQuery` returns it. */
  queryVectors: QuantisedVector[];
  recallQueries: QuantisedVector[];
  k: number;
  recallK: number;
  /** Also time the feed fetched and parsed without applying it (the sync's peer). */
  fetchOnlyPeer: boolean;
  warmup: number;
  iterations: number;
  /** Write the index snapshot after the searches and keep the database for panelReady (dropDatabase frees it). */
  keepWithSnapshot: boolean;
}

/** The background snapshot write, as SnapshotKeeper does it. */
export interface SnapshotWriteResult {
  saved: boolean;
  /** The snapshot's size as stored (one Blob). */
  bytes: number;
  /** Main thread: training vector partitions if due, capturing the index, summing the stored bytes. */
  prepareMs: number;
  captureMs: number;
  checksumMs: number;
  /** Until committed in IndexedDB. */
  totalMs: number;
}

/** One panel open on a freshly loaded page: the cache opened, then the ticket's first search. */
export interface PanelReadyInput {
  dbName: string;
  /** `snapshot`: the panel's KnowledgeCacheService (snapshot + changes since); `rebuild`: today's LocalKnowledgeIndex.loadFrom. */
  mode: 'snapshot' | 'rebuild';
  query: string;
  vector: QuantisedVector;
  k: number;
}

export interface PanelReadyResult {
  /** How the index was actually opened (a snapshot open that fell back would say `rebuild`). */
  source: 'snapshot' | 'rebuild';
  readyMs: number;
  loadMs: number;
  firstSearchMs: number;
  chunks: number;
  /** The first search's document ids, to check both ways answer alike. */
  hits: string[];
}

export interface LocalSearchResult {
  documents: number;
  chunks: number;
  pages: number;
  syncMs: number;
  /** The same pages fetched and parsed without being applied, when asked for. */
  fetchOnlyMs: number | null;
  /** LocalKnowledgeIndex.loadFrom: IndexedDB into the in-memory index. */
  loadMs: number;
  /** Reading the same rows from IndexedDB without indexing them. */
  readOnlyMs: number;
  /** Per-search times in ms, and the wall time of each timed loop. */
  hybridMs: number[];
  hybridWallMs: number;
  lexicalMs: number[];
  lexicalWallMs: number;
  /** Share of the exact top-k (over the cached int8 vectors) that ChunkIndex.nearestChunks returns. */
  recall: number;
  snapshot: SnapshotWriteResult | null;
}

export interface ServerSyncInput {
  feed: FeedTarget;
  dbNamePrefix: string;
  runs: number;
}

export interface ServerSyncResult {
  /** Chunks in the cache after each run (all runs copy the same knowledge base). */
  chunks: number[];
  pages: number;
  syncMs: number[];
  fetchOnlyMs: number[];
}

export interface ExtensionBenchPage {
  localSearch(input: LocalSearchInput): Promise<LocalSearchResult>;
  serverSync(input: ServerSyncInput): Promise<ServerSyncResult>;
  panelReady(input: PanelReadyInput): Promise<PanelReadyResult>;
  dropDatabase(name: string): Promise<void>;
}
