/**
 * Drafts in flight. A draft starts with a POST (the ticket can be large, too large for the URL
 * of an SSE subscription) and is followed by a subscription naming its id. Each run keeps the
 * events it produced under ids `<draftId>:<index>` (tRPC `tracked()`), so a client that
 * reconnects with its last event id gets the rest from the same run. A run nobody follows is
 * cancelled after a short grace period (the client went away), and a finished run is forgotten
 * a minute later.
 */
import { randomUUID } from 'node:crypto';
import type { DraftEvent } from '@tandem/shared';

const RECONNECT_GRACE_MS = 10_000;
const KEEP_FINISHED_MS = 60_000;

export interface DraftRun {
  id: string;
  tenantId: string;
  events: DraftEvent[];
  finished: boolean;
  controller: AbortController;
  wake: Set<() => void>;
  followers: number;
  cancelTimer: NodeJS.Timeout | undefined;
}

export class DraftRuns {
  private readonly runs = new Map<string, DraftRun>();

  get size(): number {
    return this.runs.size;
  }

  start(tenantId: string, produce: (signal: AbortSignal) => AsyncIterable<DraftEvent>): DraftRun {
    const run: DraftRun = {
      id: `dr_${randomUUID()}`,
      tenantId,
      events: [],
      finished: false,
      controller: new AbortController(),
      wake: new Set(),
      followers: 0,
      cancelTimer: undefined,
    };
    this.runs.set(run.id, run);
    this.cancelUnlessFollowed(run);
    const notify = () => {
      for (const wake of run.wake) wake();
    };
    void (async () => {
      try {
        for await (const event of produce(run.controller.signal)) {
          run.events.push(event);
          notify();
        }
      } finally {
        run.finished = true;
        notify();
        setTimeout(() => this.runs.delete(run.id), KEEP_FINISHED_MS).unref();
      }
    })();
    return run;
  }

  /** A run of this tenant (another tenant's id finds nothing). */
  get(tenantId: string, draftId: string): DraftRun | undefined {
    const run = this.runs.get(draftId);
    return run?.tenantId === tenantId ? run : undefined;
  }

  /** Index of the event after `lastEventId` when it belongs to `run`; 0 otherwise. */
  static resumeIndex(run: DraftRun, lastEventId: string | undefined): number {
    const match = lastEventId === undefined ? null : /^(dr_[0-9a-f-]{36}):(\d+)$/.exec(lastEventId);
    return match !== null && match[1] === run.id ? Number(match[2]) + 1 : 0;
  }

  private cancelUnlessFollowed(run: DraftRun): void {
    clearTimeout(run.cancelTimer);
    run.cancelTimer = setTimeout(() => {
      if (run.followers === 0) run.controller.abort();
    }, RECONNECT_GRACE_MS);
    run.cancelTimer.unref();
  }

  /** Events of `run` from index `from`, as they come, until the run ends or `signal` aborts. */
  async *follow(run: DraftRun, from: number, signal: AbortSignal | undefined): AsyncGenerator<[string, DraftEvent]> {
    run.followers += 1;
    clearTimeout(run.cancelTimer);
    let next = from;
    try {
      for (;;) {
        while (next < run.events.length) {
          yield [`${run.id}:${next}`, run.events[next] as DraftEvent];
          next += 1;
        }
        if (run.finished || signal?.aborted === true) return;
        await new Promise<void>((resolve) => {
          const done = () => {
            run.wake.delete(done);
            signal?.removeEventListener('abort', done);
            resolve();
          };
          run.wake.add(done);
          signal?.addEventListener('abort', done, { once: true });
        });
      }
    } finally {
      run.followers -= 1;
      if (run.followers === 0 && !run.finished) this.cancelUnlessFollowed(run);
    }
  }

  /** Stops every run (server shutdown). */
  abortAll(): void {
    for (const run of this.runs.values()) run.controller.abort();
  }
}
