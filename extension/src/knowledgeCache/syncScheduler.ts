/**
 * When the open panel's cache syncs. While the server's change channel is up, on each nudge
 * (a burst during a sync becomes one more sync, not one per nudge); while it is down, by polling;
 * after a failed sync, by its backoff either way. A channel that ends or goes silent (no
 * heartbeat) is closed and opened again later, polling meanwhile; the first event of a new
 * channel switches back to push. The sync itself (cursor, epoch, resets) is not its business.
 */
import type { KnowledgeChangeEvent } from '@tandem/shared';
import type { OpenChangeChannel } from './changeChannel';

/** How one sync ended: `retryInMs` after a failure, `stop` when trying again cannot help (full disk). */
export type SyncOutcome = { kind: 'done' } | { kind: 'failed'; retryInMs: number } | { kind: 'stop' };

export type UpdateMode = 'push' | 'poll';

export interface SyncSchedulerOptions {
  /** Runs one sync to the end of the server's feed. */
  sync: (signal: AbortSignal) => Promise<SyncOutcome>;
  /** The cache's cursor now: a nudge naming another one means there is something to fetch. */
  cursor: () => number;
  /** The push channel; without one the scheduler only polls. */
  openChannel?: OpenChangeChannel | undefined;
  pollMs: number;
  /** A channel with no event for this long is taken for dead (the server beats every 15 s). */
  silenceMs: number;
  /** First wait before opening a channel again after one ended; doubles on each failure, up to `maxReopenMs`. */
  reopenMs: number;
  maxReopenMs: number;
  onMode?: (mode: UpdateMode) => void;
}

export class SyncScheduler {
  private readonly controller = new AbortController();
  private mode: UpdateMode = 'poll';
  private running = false;
  private again = false;
  private halted = false;
  private next: ReturnType<typeof setTimeout> | undefined;
  private reopen: ReturnType<typeof setTimeout> | undefined;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private closeChannel: (() => void) | undefined;
  private reopenFailures = 0;

  constructor(private readonly options: SyncSchedulerOptions) {}

  get updates(): UpdateMode {
    return this.mode;
  }

  /** Syncs now and opens the channel; until its first event arrives, the cache polls. */
  start(): void {
    this.listen();
    void this.run();
  }

  stop(): void {
    this.controller.abort();
    this.halted = true;
    for (const timer of [this.next, this.reopen, this.watchdog]) if (timer !== undefined) clearTimeout(timer);
    this.closeChannel?.();
    this.closeChannel = undefined;
  }

  /** Runs a sync now, or once more after the running one (however many nudges came meanwhile). */
  private async run(): Promise<void> {
    if (this.halted) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.next !== undefined) clearTimeout(this.next);
    this.next = undefined;
    this.running = true;
    let outcome: SyncOutcome;
    try {
      do {
        this.again = false;
        outcome = await this.options.sync(this.controller.signal);
      } while (this.again && outcome.kind === 'done' && !this.halted);
    } finally {
      this.running = false;
    }
    if (this.halted) return;
    if (outcome.kind === 'stop') {
      this.stop();
      return;
    }
    if (outcome.kind === 'failed') this.later(outcome.retryInMs);
    else if (this.mode === 'poll') this.later(this.options.pollMs);
  }

  private later(ms: number): void {
    if (this.next !== undefined) clearTimeout(this.next);
    this.next = setTimeout(() => {
      this.next = undefined;
      void this.run();
    }, ms);
  }

  private listen(): void {
    const open = this.options.openChannel;
    if (open === undefined || this.halted) return;
    this.closeChannel = open({
      onEvent: (event) => this.heard(event),
      onDown: (_detail, ended) => this.lost(ended),
    });
  }

  private heard(event: KnowledgeChangeEvent): void {
    if (this.halted) return;
    this.reopenFailures = 0;
    this.armWatchdog();
    if (this.mode === 'poll') {
      this.setMode('push');
      // Nudges drive syncing now; a scheduled poll is redundant (the event below says if anything is new).
      if (!this.running && this.next !== undefined) {
        clearTimeout(this.next);
        this.next = undefined;
      }
    }
    if (event.kind === 'changed' || event.cursor !== this.options.cursor()) void this.run();
  }

  private lost(ended: boolean): void {
    if (this.halted) return;
    if (this.watchdog !== undefined) clearTimeout(this.watchdog);
    this.watchdog = undefined;
    if (this.mode === 'push') {
      this.setMode('poll');
      // A nudge may have been lost with the channel: look now, then keep polling.
      if (!this.running && this.next === undefined) void this.run();
    }
    if (!ended) return; // it reconnects by itself; its first event switches back to push
    this.closeChannel?.();
    this.closeChannel = undefined;
    const wait = Math.min(this.options.maxReopenMs, this.options.reopenMs * 2 ** Math.min(this.reopenFailures, 10));
    this.reopenFailures += 1;
    if (this.reopen !== undefined) clearTimeout(this.reopen);
    this.reopen = setTimeout(() => {
      this.reopen = undefined;
      this.listen();
    }, wait);
  }

  private armWatchdog(): void {
    if (this.watchdog !== undefined) clearTimeout(this.watchdog);
    // Silence longer than a few heartbeats: the connection is dead even if nothing said so.
    this.watchdog = setTimeout(() => this.lost(true), this.options.silenceMs);
  }

  private setMode(mode: UpdateMode): void {
    this.mode = mode;
    this.options.onMode?.(mode);
  }
}
