/**
 * The side panel's local knowledge: opens a LocalKnowledgeIndex from the IndexedDB cache (its
 * stored snapshot plus the changes since, or a rebuild), keeps both current from the server's
 * change feed while the panel is open (syncing on each `knowledge.changes` nudge, polling every
 * 2 s while that channel is down, backing off while the server is unreachable), rewrites the snapshot in the background when opening would otherwise redo too
 * much, and answers searches from memory. It works offline with whatever was synced last, and
 * says which state it is in so the panel can show it. It also keeps the server's embeddings of
 * recent queries, so a ticket seen online is ranked with vectors offline.
 */
import { KNOWLEDGE_CHANGES_HEARTBEAT_MS, type QuantisedVector, type SearchHit } from '@tandem/shared';
import { normalise } from '@tandem/shared/search';
import type { KnowledgeCacheDb } from './cacheDb';
import { loadLocalIndex, type IndexLoad } from './indexLoader';
import { LocalKnowledgeIndex, type LocalSearchOptions } from './localKnowledgeIndex';
import { storedVector } from './syncedRecords';
import { cacheCursor, cacheEmbedder, lastSyncedAt } from './cacheMeta';
import type { OpenChangeChannel } from './changeChannel';
import { SnapshotKeeper, type ExactIndex, type SnapshotWrite } from './snapshotKeeper';
import { SyncScheduler, type SyncOutcome, type UpdateMode } from './syncScheduler';
import {
  adoptIdentity,
  CacheQuotaError,
  syncKnowledge,
  type AppliedChanges,
  type CacheIdentity,
  type FetchSyncPage,
} from './syncKnowledge';

/** Query vectors kept for offline hybrid search (a ticket seen online is ranked the same offline). */
export const QUERY_VECTORS_KEPT = 500;
const QUERY_KEY_CHARS = 1_000;

export type CacheStatus = 'loading' | 'syncing' | 'ready' | 'offline' | 'quota-exceeded' | 'error';

export interface KnowledgeCacheState {
  status: CacheStatus;
  documents: number;
  chunks: number;
  cursor: number;
  latestCursor: number;
  lastSyncedAt: number | undefined;
  detail?: string | undefined;
  /** How changes reach the cache while following: pushed by the server, or polled while the push channel is down. */
  updates?: UpdateMode | undefined;
}

export interface KnowledgeCacheServiceOptions {
  db: KnowledgeCacheDb;
  pollMs?: number;
  /** Longest wait between attempts while the server is unreachable. */
  maxBackoffMs?: number;
  /** Quiet time before a due index snapshot is written (tests shorten it). */
  snapshotSettleMs?: number;
  /** A push channel silent this long is taken for dead (default: 2.5 server heartbeats). */
  channelSilenceMs?: number;
  /** First wait before reopening a push channel that ended (doubling up to `maxChannelReopenMs`). */
  channelReopenMs?: number;
  maxChannelReopenMs?: number;
}

export class KnowledgeCacheService {
  private readonly index = new LocalKnowledgeIndex();
  private readonly listeners = new Set<(state: KnowledgeCacheState) => void>();
  private readonly db: KnowledgeCacheDb;
  private readonly pollMs: number;
  private readonly maxBackoffMs: number;
  private readonly channelTiming: { silenceMs: number; reopenMs: number; maxReopenMs: number };
  private current: KnowledgeCacheState = {
    status: 'loading',
    documents: 0,
    chunks: 0,
    cursor: 0,
    latestCursor: 0,
    lastSyncedAt: undefined,
  };
  private loaded: Promise<void> | undefined;
  private syncing: SyncScheduler | undefined;
  private failures = 0;
  /** Set while the server cannot be asked; a load finishing later must not claim "up to date". */
  private offlineDetail: string | undefined;
  /** Bumped by every follow/stop, so a follow still awaiting IndexedDB knows it was superseded. */
  private followGeneration = 0;
  /** What the index holds exactly; undefined while it loads or once it may have missed a page. */
  private exactIndex: ExactIndex | undefined;
  private readonly snapshots: SnapshotKeeper;
  /** How the index was last opened (snapshot or rebuild), for diagnostics and benchmarks. */
  lastLoad: IndexLoad | undefined;

  constructor(options: KnowledgeCacheServiceOptions) {
    this.db = options.db;
    this.pollMs = options.pollMs ?? 2_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 15_000;
    this.channelTiming = {
      silenceMs: options.channelSilenceMs ?? KNOWLEDGE_CHANGES_HEARTBEAT_MS * 2.5,
      reopenMs: options.channelReopenMs ?? 5_000,
      maxReopenMs: options.maxChannelReopenMs ?? 60_000,
    };
    this.snapshots = new SnapshotKeeper(
      this.db,
      {
        exact: () => this.exactIndex,
        claimed: (copyId) => {
          if (this.exactIndex !== undefined) this.exactIndex = { ...this.exactIndex, copyId };
        },
        prepare: () => this.index.prepareVectorSearchInSteps(),
        capture: () => ({ body: this.index.snapshotBlob(), chunks: this.index.chunkCount, documents: this.index.documentCount }),
      },
      { settleMs: options.snapshotSettleMs },
    );
  }

  get state(): KnowledgeCacheState {
    return this.current;
  }

  subscribe(listener: (state: KnowledgeCacheState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private update(patch: Partial<KnowledgeCacheState>): void {
    this.current = { ...this.current, ...patch, documents: this.index.documentCount, chunks: this.index.chunkCount };
    for (const listener of this.listeners) listener(this.current);
  }

  /** Loads what is cached; searches answer from it as soon as this resolves, online or not. */
  load(): Promise<void> {
    this.loaded ??= (async () => {
      this.exactIndex = undefined;
      const loaded = await loadLocalIndex(this.index, this.db);
      this.lastLoad = loaded;
      this.exactIndex = { cursor: loaded.cursor, copyId: loaded.copyId };
      this.snapshots.loaded(loaded);
      const [cursor, syncedAt] = [await cacheCursor(this.db), await lastSyncedAt(this.db)];
      const offline = this.offlineDetail;
      this.update({ status: offline === undefined ? 'ready' : 'offline', detail: offline, cursor, lastSyncedAt: syncedAt });
      this.snapshots.settled();
    })().catch((error: unknown) => {
      this.loaded = undefined;
      this.update({ status: 'error', detail: error instanceof Error ? error.message : 'The local cache could not be read' });
    });
    return this.loaded;
  }

  /** Reads the cache again from scratch (after it was cleared). */
  async reload(): Promise<void> {
    this.loaded = undefined;
    await this.load();
    this.update({ cursor: await cacheCursor(this.db), latestCursor: 0, lastSyncedAt: await lastSyncedAt(this.db) });
  }

  /**
   * Starts following the server for one workspace; a cache that mirrored another one is emptied
   * first. Calling it again with a new fetcher (a new token) restarts the loop. With a change
   * channel, each nudge syncs at once and polling is only the fallback while the channel is down.
   * Resolves after the first sync.
   */
  async follow(identity: CacheIdentity, fetchPage: FetchSyncPage, openChannel?: OpenChangeChannel): Promise<void> {
    this.stopFollowing();
    this.offlineDetail = undefined;
    const generation = this.followGeneration;
    if (await adoptIdentity(this.db, identity)) await this.reload();
    else await this.load();
    if (generation !== this.followGeneration) return;
    let firstSync: (() => void) | undefined;
    const synced = new Promise<void>((resolve) => (firstSync = resolve));
    const scheduler = new SyncScheduler({
      sync: async (signal) => {
        const outcome = await this.syncRound(fetchPage, signal);
        firstSync?.();
        return outcome;
      },
      cursor: () => this.current.cursor,
      openChannel,
      pollMs: this.pollMs,
      ...this.channelTiming,
      onMode: (updates) => this.update({ updates }),
    });
    this.syncing = scheduler;
    this.update({ updates: scheduler.updates });
    scheduler.start();
    // The first sync always runs (and ends, aborted or not) before anything else the scheduler does.
    await synced;
  }

  /** One pass to the end of the server's feed. */
  private async syncRound(fetchPage: FetchSyncPage, signal: AbortSignal): Promise<SyncOutcome> {
    if (this.current.status !== 'ready' || this.current.cursor === 0) this.update({ status: 'syncing' });
    try {
      const progress = await syncKnowledge(this.db, fetchPage, {
        signal,
        onApplied: (changes, at) => {
          this.index.apply(changes);
          this.follows(changes);
          this.snapshots.applied(changes);
          if (changes.reset || changes.upserts.length > 0 || changes.deletions.length > 0)
            this.update({ status: 'syncing', cursor: at.cursor, latestCursor: at.latestCursor });
        },
      });
      this.failures = 0;
      this.snapshots.settled();
      this.update({
        status: 'ready',
        cursor: progress.cursor,
        latestCursor: progress.latestCursor,
        lastSyncedAt: Date.now(),
        detail: undefined,
      });
      return { kind: 'done' };
    } catch (error) {
      if (signal.aborted) return { kind: 'stop' };
      if (error instanceof CacheQuotaError) {
        // Keep serving what fits; trying again would only fail the same way.
        this.update({ status: 'quota-exceeded', detail: error.message });
        return { kind: 'stop' };
      }
      this.failures += 1;
      this.update({ status: 'offline', detail: error instanceof Error ? error.message : 'The server could not be reached' });
      return { kind: 'failed', retryInMs: Math.min(this.maxBackoffMs, this.pollMs * 2 ** Math.min(this.failures, 6)) };
    }
  }

  /**
   * The index follows the copy exactly while each page starts where the last one ended; a page
   * starting elsewhere means another panel applied some in between, which this index never saw.
   */
  private follows(changes: AppliedChanges): void {
    if (changes.reset) this.exactIndex = { cursor: 0, copyId: changes.copyId };
    else if (this.exactIndex?.cursor === changes.fromCursor) this.exactIndex = { ...this.exactIndex, cursor: changes.cursor };
    else this.exactIndex = undefined;
  }

  /** Writes the index snapshot now instead of when due (tests and benchmarks). */
  writeIndexSnapshot(): Promise<SnapshotWrite | undefined> {
    return this.snapshots.writeNow();
  }

  /** Stops syncing; the cache and what was loaded stay searchable. */
  stopFollowing(): void {
    this.followGeneration += 1;
    this.syncing?.stop();
    this.syncing = undefined;
  }

  /** The server cannot be asked (signed out, unreachable at start): say so without clearing anything. */
  markOffline(detail: string): void {
    this.stopFollowing();
    this.offlineDetail = detail;
    if (this.current.status !== 'loading' && this.current.status !== 'error') this.update({ status: 'offline', detail });
  }

  /**
   * The server's embedding of a query seen before, when it came from the embedder that built the
   * cached vectors; undefined otherwise (the lexical rankers then answer alone).
   */
  async queryVector(text: string): Promise<Float32Array | undefined> {
    const [stored, embedder] = await Promise.all([this.db.queryVectors.get(text.slice(0, QUERY_KEY_CHARS)), cacheEmbedder(this.db)]);
    if (stored === undefined || embedder === undefined || stored.embedder !== embedder) return undefined;
    void this.db.queryVectors.update(stored.text, { usedAt: Date.now() }).catch(() => undefined);
    return normalise(stored.vector.bytes);
  }

  /** Whether a server embedding of this query would add anything: the cache has vectors, but none for it. */
  async wantsQueryVector(text: string): Promise<boolean> {
    const [embedder, stored] = await Promise.all([cacheEmbedder(this.db), this.db.queryVectors.get(text.slice(0, QUERY_KEY_CHARS))]);
    return embedder !== undefined && stored?.embedder !== embedder;
  }

  /** Keeps the server's embedding of a query, dropping the least recently used beyond the limit. */
  async rememberQueryVector(text: string, embedder: string, vector: QuantisedVector): Promise<void> {
    const key = text.slice(0, QUERY_KEY_CHARS);
    await this.db.transaction('rw', this.db.queryVectors, async () => {
      await this.db.queryVectors.put({ text: key, embedder, vector: storedVector(vector), usedAt: Date.now() });
      const excess = (await this.db.queryVectors.count()) - QUERY_VECTORS_KEPT;
      if (excess > 0) await this.db.queryVectors.orderBy('usedAt').limit(excess).delete();
    });
  }

  search(text: string, options: LocalSearchOptions): SearchHit[] {
    return this.index.search(text, options);
  }
}
