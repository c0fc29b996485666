/**
 * The live event log's single writer, with group commit. Webhook requests hand their validated
 * events to `append`, which resolves only once the transaction holding them has committed: an
 * acknowledged event survives a crash (kill -9). Requests that arrive while a transaction is
 * running wait together and go into the next one, so under load each commit carries many
 * requests, and when idle a lone request is committed at once — no timer adds latency.
 *
 * The queue is bounded: past `maxQueuedEvents` a request is refused as overloaded (the webhook
 * answers 429 with Retry-After, so the sender retries later) rather than buffered without limit or
 * dropped.
 */
import type { Logger } from '../logging/logger.js';
import { normaliseUntrustedStrings } from '../security/untrustedJson.js';
import type { AppendResult, LiveEventsRepo, NewLiveEvent, StoredLiveEvent } from '../storage/liveEventsRepo.js';

export interface LiveEventLogOptions {
  live: Pick<LiveEventsRepo, 'appendBatch'>;
  log: Logger;
  /**
   * Called after each commit with the events it stored (in seq order): the projection, trigger
   * rules and subscriptions hang off it. Not awaited, so a slow consumer never holds up
   * ingestion; errors are logged.
   */
  onAppended?: (events: readonly StoredLiveEvent[]) => void | Promise<void>;
  /** Events accepted but not yet committed, beyond which appends are refused. Default 20,000. */
  maxQueuedEvents?: number;
  /** Events per transaction at most (whole requests; one large request may exceed it). Default 2,000. */
  maxEventsPerCommit?: number;
  /** Requests per transaction at most. Default unlimited; 1 turns group commit off (a benchmark's peer). */
  maxRequestsPerCommit?: number;
  /** Seconds an overloaded sender is asked to wait. Default 1. */
  retryAfterSeconds?: number;
}

export type AppendOutcome =
  | { status: 'committed'; accepted: number; duplicates: number }
  | { status: 'overloaded'; retryAfterSeconds: number }
  | { status: 'closed'; retryAfterSeconds: number };

export interface LiveEventLog {
  /** Resolves once the events are committed (or refused); rejects when storage failed. */
  append(events: readonly NewLiveEvent[]): Promise<AppendOutcome>;
  /** Events accepted and not yet committed. */
  readonly pendingEvents: number;
  /** Refuses new appends and resolves once everything accepted is committed. */
  close(): Promise<void>;
}

interface Pending {
  events: readonly NewLiveEvent[];
  resolve: (outcome: AppendOutcome) => void;
  reject: (error: unknown) => void;
}

export const DEFAULT_MAX_QUEUED_EVENTS = 20_000;

export function createLiveEventLog(options: LiveEventLogOptions): LiveEventLog {
  const maxQueued = options.maxQueuedEvents ?? DEFAULT_MAX_QUEUED_EVENTS;
  const maxEventsPerCommit = options.maxEventsPerCommit ?? 2_000;
  const maxRequestsPerCommit = options.maxRequestsPerCommit ?? Number.POSITIVE_INFINITY;
  const retryAfterSeconds = options.retryAfterSeconds ?? 1;
  const { log } = options;
  const queue: Pending[] = [];
  let pendingEvents = 0;
  let draining: Promise<void> | undefined;
  let closed = false;

  /** The next transaction's share of the queue: whole requests, oldest first. */
  function takeGroup(): Pending[] {
    const group: Pending[] = [];
    let events = 0;
    while (queue.length > 0 && group.length < maxRequestsPerCommit) {
      const next = queue[0] as Pending;
      if (group.length > 0 && events + next.events.length > maxEventsPerCommit) break;
      group.push(next);
      events += next.events.length;
      queue.shift();
    }
    return group;
  }

  async function commit(group: Pending[]): Promise<void> {
    const events = group.flatMap((p) => p.events);
    const started = performance.now();
    let result: AppendResult;
    try {
      result = await options.live.appendBatch(events);
    } catch (error) {
      if (group.length > 1) {
        // One request's events (a source deleted meanwhile, say) must not fail the others: retry each alone.
        for (const p of group) await commit([p]);
        return;
      }
      pendingEvents -= events.length;
      // The database error may quote values; the code and message are enough to diagnose.
      const { code, message } = describe(error);
      log.error({ code, message, events: events.length }, 'live events could not be stored');
      (group[0] as Pending).reject(error);
      return;
    }
    pendingEvents -= events.length;
    let offset = 0;
    for (const p of group) {
      const outcomes = result.outcomes.slice(offset, offset + p.events.length);
      offset += p.events.length;
      const accepted = outcomes.filter((seq) => seq !== null).length;
      p.resolve({ status: 'committed', accepted, duplicates: outcomes.length - accepted });
    }
    log.debug(
      { requests: group.length, events: events.length, stored: result.inserted.length, ms: Math.round(performance.now() - started) },
      'live events committed',
    );
    if (result.inserted.length > 0 && options.onAppended !== undefined) notify(options.onAppended, result.inserted);
  }

  function notify(hook: NonNullable<LiveEventLogOptions['onAppended']>, events: readonly StoredLiveEvent[]): void {
    const failed = (error: unknown) => log.error({ ...describe(error) }, 'a live event consumer failed');
    try {
      const done = hook(events);
      if (done instanceof Promise) done.catch(failed);
    } catch (error) {
      failed(error);
    }
  }

  async function drain(): Promise<void> {
    // One tick's worth of arrivals joins the first transaction; later ones queue behind it.
    await new Promise((resolve) => setImmediate(resolve));
    while (queue.length > 0) await commit(takeGroup());
    draining = undefined;
  }

  return {
    append(events) {
      if (closed) return Promise.resolve({ status: 'closed', retryAfterSeconds });
      if (events.length === 0) return Promise.resolve({ status: 'committed', accepted: 0, duplicates: 0 });
      if (pendingEvents + events.length > maxQueued) return Promise.resolve({ status: 'overloaded', retryAfterSeconds });
      pendingEvents += events.length;
      // Stored as every reader should see them: invisible, control and look-alike characters normalised.
      // (The webhook route has already refused, with a 422, what could never be stored.)
      const normalised = events.map(normaliseUntrustedStrings);
      const done = new Promise<AppendOutcome>((resolve, reject) => queue.push({ events: normalised, resolve, reject }));
      draining ??= drain();
      return done;
    },
    get pendingEvents() {
      return pendingEvents;
    },
    async close() {
      closed = true;
      await draining;
    },
  };
}

function describe(error: unknown): { code?: string; message: string } {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return { ...(code === undefined ? {} : { code }), message: error.message };
}
