/**
 * Browser entry of the extension benchmarks, bundled by esbuild and run in a plain Chromium page:
 * the extension's real knowledge cache modules (Dexie database, change-feed sync, local index,
 * index snapshot, the panel's cache service) against a change feed served over HTTP, timed where
 * they run for the agent. Installs its API on `globalThis[PAGE_API]` for the Node side to call.
 */
import { openKnowledgeCacheDb, type CachedChunk, type KnowledgeCacheDb } from '../../extension/src/knowledgeCache/cacheDb';
import { KnowledgeCacheService } from '../../extension/src/knowledgeCache/knowledgeCacheService';
import { LocalKnowledgeIndex } from '../../extension/src/knowledgeCache/localKnowledgeIndex';
import type { SyncPosition } from '../../extension/src/knowledgeCache/cacheMeta';
import { SnapshotKeeper, type ExactIndex } from '../../extension/src/knowledgeCache/snapshotKeeper';
import { syncKnowledge, type AppliedChanges, type FetchSyncPage } from '../../extension/src/knowledgeCache/syncKnowledge';
import type { SearchHit } from '../../shared/src/knowledge.js';
import { dequantiseVector, type KnowledgeSyncAnswer } from '../../shared/src/knowledgeSync.js';
import type { ChunkIndex } from '../../shared/src/search/index.js';
import {
  PAGE_API,
  type ExtensionBenchPage,
  type FeedTarget,
  type LocalSearchInput,
  type LocalSearchResult,
  type PanelReadyInput,
  type PanelReadyResult,
  type ServerSyncInput,
  type ServerSyncResult,
  type SnapshotWriteResult,
} from './pageApi.js';
import { timeLoop } from '../timeLoop.js';

/** tRPC's response envelope; the synthetic feed answers in the same one so both are parsed alike. */
interface TrpcEnvelope {
  result: { data: KnowledgeSyncAnswer };
}

function pageUrl(feed: FeedTarget, position: SyncPosition): string {
  if (feed.kind === 'synthetic') return `${feed.url}?cursor=${position.cursor}`;
  return `${feed.url}?input=${encodeURIComponent(JSON.stringify({ ...position, limit: feed.limit ?? 500 }))}`;
}

/** What the extension's tRPC client does for `knowledge.sync`: GET, bearer token, JSON body. */
function feedFetcher(feed: FeedTarget): FetchSyncPage {
  const headers: Record<string, string> = feed.token === undefined ? {} : { authorization: `Bearer ${feed.token}` };
  return async (position, signal) => {
    const response = await fetch(pageUrl(feed, position), { headers, signal });
    if (!response.ok) throw new Error(`sync page at cursor ${position.cursor}: HTTP ${response.status} ${await response.text()}`);
    // The Node side checked this feed against knowledgeSyncPageSchema before the run; the
    // extension's own client trusts the server's validated output the same way.
    const body = (await response.json()) as TrpcEnvelope;
    return body.result.data;
  };
}

/** The peer of a sync: every page fetched and parsed, none applied. */
async function fetchOnly(feed: FeedTarget): Promise<{ ms: number; pages: number }> {
  const fetchPage = feedFetcher(feed);
  const signal = new AbortController().signal;
  const started = performance.now();
  let pages = 0;
  for (let position: SyncPosition = { cursor: 0 }; ;) {
    const page = await fetchPage(position, signal);
    // A fresh copy is never told to reset; the peer has nothing to start over.
    if (page.kind === 'reset') throw new Error(`the feed answered reset (${page.reason}) to a fresh copy`);
    pages += 1;
    position = { cursor: page.cursor, epoch: page.epoch, format: page.format, horizon: page.horizon };
    if (!page.hasMore) break;
  }
  return { ms: performance.now() - started, pages };
}

async function freshDb(name: string): Promise<KnowledgeCacheDb> {
  const db = openKnowledgeCacheDb(name);
  // A name reused by an aborted earlier run must not start with its rows.
  await db.delete();
  await db.open();
  return db;
}

async function timedSync(db: KnowledgeCacheDb, feed: FeedTarget, onApplied?: (changes: AppliedChanges) => void) {
  const started = performance.now();
  const progress = await syncKnowledge(db, feedFetcher(feed), { signal: new AbortController().signal, onApplied });
  return { ms: performance.now() - started, pages: progress.pages, documents: progress.documents };
}

/**
 * Recall of the vector ranker of the index the panel searches: ChunkIndex.nearestChunks against
 * an exact scan of the same int8 vectors, one pass over the chunks for all queries (scoring int8
 * bytes directly, so 100k chunks need no second float copy).
 */
function vectorRecall(index: ChunkIndex, chunks: readonly CachedChunk[], queries: readonly Float32Array[], k: number): number {
  const best = queries.map((): { id: string; score: number }[] => []);
  for (const chunk of chunks) {
    if (chunk.vector === undefined) continue;
    const { bytes, scale } = chunk.vector;
    queries.forEach((query, q) => {
      let dot = 0;
      for (let j = 0; j < bytes.length; j++) dot += (bytes[j] as number) * (query[j] as number);
      const score = dot * scale;
      const top = best[q] as { id: string; score: number }[];
      if (top.length === k && score <= (top[k - 1] as { score: number }).score) return;
      top.push({ id: chunk.chunkId, score });
      top.sort((a, b) => b.score - a.score);
      if (top.length > k) top.pop();
    });
  }
  let found = 0;
  queries.forEach((query, q) => {
    const truth = new Set((best[q] ?? []).map((hit) => hit.id));
    found += index.nearestChunks(query, k).filter((id) => truth.has(id)).length;
  });
  return found / (queries.length * k);
}

/** The background write the panel's SnapshotKeeper does once the index settles, run now and timed. */
async function writeSnapshot(db: KnowledgeCacheDb, local: LocalKnowledgeIndex, loaded: ExactIndex): Promise<SnapshotWriteResult> {
  let exact = loaded;
  const keeper = new SnapshotKeeper(db, {
    exact: () => exact,
    claimed: (copyId) => {
      exact = { ...exact, copyId };
    },
    prepare: () => local.prepareVectorSearchInSteps(),
    capture: () => ({ body: local.snapshotBlob(), chunks: local.chunkCount, documents: local.documentCount }),
  });
  const write = await keeper.writeNow();
  if (write?.saved !== true) throw new Error('the index snapshot was not saved');
  return {
    saved: write.saved,
    bytes: write.bytes,
    prepareMs: write.prepareMs,
    captureMs: write.captureMs,
    checksumMs: write.checksumMs,
    totalMs: write.totalMs,
  };
}

async function localSearch(input: LocalSearchInput): Promise<LocalSearchResult> {
  const db = await freshDb(input.dbName);
  let keep = false;
  try {
    // Kept for the recall's exact scan only: the records exactly as they were written to IndexedDB.
    const written: CachedChunk[] = [];
    const sync = await timedSync(db, input.feed, (changes) => {
      for (const upsert of changes.upserts) written.push(...upsert.chunks);
    });
    const peer = input.fetchOnlyPeer ? await fetchOnly(input.feed) : null;

    const local = new LocalKnowledgeIndex();
    let started = performance.now();
    const loaded = await local.loadFrom(db);
    const loadMs = performance.now() - started;
    started = performance.now();
    const [documentRows, chunkRows] = await Promise.all([db.documents.toArray(), db.chunks.toArray()]);
    const readOnlyMs = performance.now() - started;
    if (chunkRows.length !== local.chunkCount || documentRows.length !== local.documentCount)
      throw new Error(`loaded ${local.chunkCount} chunks of ${chunkRows.length} stored`);

    // Written as the panel writes it after a first sync: before any vector search, so the write
    // trains the vector partitions itself (in slices), as SnapshotKeeper does.
    const snapshot = input.keepWithSnapshot ? await writeSnapshot(db, local, loaded) : null;

    // As the panel gets them: the server's int8 embedding of the ticket, dequantised.
    const vectors = input.queryVectors.map(dequantiseVector);
    const ticket = (i: number) => input.tickets[i % input.tickets.length] as string;
    const hybrid = timeLoop(
      (i) => local.search(ticket(i), { k: input.k, vector: vectors[i % vectors.length] }),
      input.warmup,
      input.iterations,
    );
    const lexical = timeLoop((i) => local.search(ticket(i), { k: input.k }), input.warmup, input.iterations);
    // The panel's own ChunkIndex: private to LocalKnowledgeIndex, reached by the bracket access
    // TypeScript still type-checks, so the recall is that of the very index the searches above used.
    const recall = vectorRecall(local['index'], written, input.recallQueries.map(dequantiseVector), input.recallK);
    keep = input.keepWithSnapshot;
    return {
      documents: local.documentCount,
      chunks: local.chunkCount,
      pages: sync.pages,
      syncMs: sync.ms,
      fetchOnlyMs: peer?.ms ?? null,
      loadMs,
      readOnlyMs,
      hybridMs: hybrid.times,
      hybridWallMs: hybrid.wallMs,
      lexicalMs: lexical.times,
      lexicalWallMs: lexical.wallMs,
      recall,
      snapshot,
    };
  } finally {
    db.close();
    // Frees the disk and the LevelDB caches before the next size (or after panelReady, by dropDatabase).
    if (!keep) await db.delete();
  }
}

/**
 * One panel open, on a page loaded for it: the cache opened the panel's way (its service: the
 * snapshot and the changes since) or today's way (LocalKnowledgeIndex.loadFrom), then the ticket's
 * first hybrid search. Ready is when that search has answered.
 */
async function panelReady(input: PanelReadyInput): Promise<PanelReadyResult> {
  const vector = dequantiseVector(input.vector);
  const started = performance.now();
  const db = openKnowledgeCacheDb(input.dbName);
  try {
    let search: (text: string, options: { k: number; vector: Float32Array }) => SearchHit[];
    let source: PanelReadyResult['source'];
    let chunks: number;
    if (input.mode === 'snapshot') {
      const service = new KnowledgeCacheService({ db });
      await service.load();
      if (service.state.status !== 'ready') throw new Error(`the cache did not open: ${service.state.detail ?? service.state.status}`);
      search = (text, options) => service.search(text, options);
      source = service.lastLoad?.source ?? 'rebuild';
      chunks = service.state.chunks;
    } else {
      const local = new LocalKnowledgeIndex();
      await local.loadFrom(db);
      search = (text, options) => local.search(text, options);
      source = 'rebuild';
      chunks = local.chunkCount;
    }
    const loaded = performance.now();
    const hits = search(input.query, { k: input.k, vector });
    const answered = performance.now();
    return {
      source,
      readyMs: answered - started,
      loadMs: loaded - started,
      firstSearchMs: answered - loaded,
      chunks,
      hits: hits.map((hit) => hit.documentId),
    };
  } finally {
    db.close();
  }
}

async function dropDatabase(name: string): Promise<void> {
  await openKnowledgeCacheDb(name).delete();
}

async function serverSync(input: ServerSyncInput): Promise<ServerSyncResult> {
  const result: ServerSyncResult = { chunks: [], pages: 0, syncMs: [], fetchOnlyMs: [] };
  // Alternated, so a drift in the machine's load falls on both alike.
  for (let run = 0; run < input.runs; run++) {
    const db = await freshDb(`${input.dbNamePrefix}-${run}`);
    try {
      const sync = await timedSync(db, input.feed);
      result.syncMs.push(sync.ms);
      result.pages = sync.pages;
      result.chunks.push(await db.chunks.count());
    } finally {
      db.close();
      await db.delete();
    }
    result.fetchOnlyMs.push((await fetchOnly(input.feed)).ms);
  }
  return result;
}

const api: ExtensionBenchPage = { localSearch, serverSync, panelReady, dropDatabase };
Object.assign(globalThis, { [PAGE_API]: api });
