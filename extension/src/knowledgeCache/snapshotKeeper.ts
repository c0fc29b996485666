/**
 * Keeps the stored index snapshot close to the panel's index, off the panel's critical path. It
 * counts the indexing work the next open would redo on top of the stored snapshot (every chunk
 * after a rebuild, the replayed changes after a restore, plus whatever the sync applies since),
 * and once that passes REWRITE_AFTER_WORK and the index has settled (loaded, or caught up with
 * the feed), it writes a new snapshot a few seconds later: train what the first vector search
 * would train (seconds at 100k vectors, so in slices with the panel's event loop in between),
 * capture (synchronous, one consistent state), then store it in the background.
 * Small changes are not worth 100 MB of writes: they stay in indexChanges and are replayed.
 */
import { Dexie } from 'dexie';
import type { KnowledgeCacheDb } from './cacheDb';
import { claimCopyId } from './cacheMeta';
import type { IndexLoad } from './indexLoader';
import { blobChecksum, saveIndexSnapshot } from './indexSnapshotStore';
import type { AppliedChanges } from './syncKnowledge';

/** Replaying this many chunks costs a few hundred milliseconds at open: past it, a rewrite pays. */
export const REWRITE_AFTER_WORK = 2_000;
const SETTLE_MS = 3_000;
/** Longest stretch of training before the panel gets its event loop back. */
const SLICE_MS = 12;

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The cursor and copy the in-memory index holds exactly. */
export interface ExactIndex {
  cursor: number;
  copyId: string | undefined;
}

export interface SnapshotSubject {
  /** Undefined while the index is loading, or when it may have missed pages (another panel synced). */
  exact(): ExactIndex | undefined;
  /** The copy id a snapshot of it was filed under (for a copy begun before copies had ids). */
  claimed(copyId: string): void;
  /** Training the vector partitions if due, in steps: the index stays usable between them. */
  prepare(): Generator<void, void>;
  /** The index's snapshot as one Blob, made synchronously (one consistent state). */
  capture(): { body: Blob; chunks: number; documents: number };
}

export interface SnapshotWrite {
  saved: boolean;
  cursor: number;
  bytes: number;
  /** Wall time of training the vector partitions, in slices of at most SLICE_MS of main thread each. */
  prepareMs: number;
  /** Main thread, in one piece: the capture into a Blob. */
  captureMs: number;
  /** Reading the Blob back and summing it (the sum is main thread, the read is not). */
  checksumMs: number;
  /** From the start to the snapshot committed in IndexedDB. */
  totalMs: number;
}

export interface SnapshotKeeperOptions {
  settleMs?: number | undefined;
  rewriteAfter?: number | undefined;
}

function isQuotaError(error: unknown): boolean {
  const inner = error instanceof Dexie.DexieError ? error.inner : undefined;
  return [error, inner].some((e) => (e instanceof Error || e instanceof DOMException) && /quota/i.test(e.name));
}

export class SnapshotKeeper {
  /** Indexing work the next open would do on top of the stored snapshot. */
  private owed = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<SnapshotWrite | undefined> | undefined;
  /** Set after a write was refused: by a full disk (for good), or as stale (until the index reloads or resets). */
  private halted: 'quota' | 'stale' | undefined;
  private readonly settleMs: number;
  private readonly rewriteAfter: number;

  constructor(
    private readonly db: KnowledgeCacheDb,
    private readonly subject: SnapshotSubject,
    options: SnapshotKeeperOptions = {},
  ) {
    this.settleMs = options.settleMs ?? SETTLE_MS;
    this.rewriteAfter = options.rewriteAfter ?? REWRITE_AFTER_WORK;
  }

  loaded(load: IndexLoad): void {
    this.owed = load.work;
    if (this.halted === 'stale') this.halted = undefined;
  }

  applied(changes: AppliedChanges): void {
    if (changes.reset) {
      // The copy and its snapshot are gone; an empty index costs nothing to rebuild.
      this.owed = 0;
      if (this.halted === 'stale') this.halted = undefined;
    }
    this.owed += changes.deletions.length;
    for (const upsert of changes.upserts) this.owed += upsert.chunks.length;
  }

  /** The index is quiet: write a snapshot soon if the next open would otherwise redo too much. */
  settled(): void {
    if (this.halted !== undefined || this.timer !== undefined || this.writing !== undefined || this.owed < this.rewriteAfter) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.writeNow();
    }, this.settleMs);
  }

  /** Stops scheduling (the panel is going away); a write under way finishes or is dropped by IndexedDB. */
  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Writes a snapshot now (tests, benchmarks); undefined when the index is not in a state to be written. */
  writeNow(): Promise<SnapshotWrite | undefined> {
    this.writing ??= this.write().finally(() => {
      this.writing = undefined;
    });
    return this.writing;
  }

  private async write(): Promise<SnapshotWrite | undefined> {
    const started = performance.now();
    const before = this.subject.exact();
    if (before === undefined) return undefined;
    const copyId = await claimCopyId(this.db, before.copyId);
    if (copyId === undefined) {
      // The cache holds another copy than the index: the sync will reset it or a reload will.
      this.halted = 'stale';
      return undefined;
    }
    if (before.copyId === undefined) this.subject.claimed(copyId);
    const prepareStarted = performance.now();
    let slice = performance.now();
    for (const steps = this.subject.prepare(); !steps.next().done;) {
      if (performance.now() - slice < SLICE_MS) continue;
      await nextTask();
      slice = performance.now();
    }
    // Let the panel finish what it was doing before the synchronous part.
    await nextTask();
    // Read now: pages may have been applied while the partitions were trained.
    const exact = this.subject.exact();
    if (exact === undefined || (exact.copyId ?? copyId) !== copyId) return undefined;
    const captureStarted = performance.now();
    const owedAtCapture = this.owed;
    const captured = this.subject.capture();
    const captureMs = performance.now() - captureStarted;
    try {
      const summing = performance.now();
      const checksum = await blobChecksum(captured.body);
      const checksumMs = performance.now() - summing;
      const saved = await saveIndexSnapshot(this.db, { copyId, cursor: exact.cursor, checksum, ...captured });
      if (saved) this.owed = Math.max(0, this.owed - owedAtCapture);
      else this.halted = 'stale';
      return {
        saved,
        cursor: exact.cursor,
        bytes: captured.body.size,
        prepareMs: captureStarted - prepareStarted,
        captureMs,
        checksumMs,
        totalMs: performance.now() - started,
      };
    } catch (error) {
      // The snapshot is an optimisation: without it, opening replays or rebuilds as before.
      this.halted = isQuotaError(error) ? 'quota' : 'stale';
      return undefined;
    }
  }
}
