/**
 * Pushes aggregate changes to subscribers as events commit. Appends nudge the feed
 * (storage/analytics/appendSignal.ts); the feed then reads the stream after its cursor, so it sees
 * only committed events, and tells each workspace's subscribers which kinds and minutes changed.
 * A slow poll backs the nudge up (an append made by another process, a nudge lost to a race).
 */
import { bucketStart } from '../../storage/analytics/bucketRows.js';
import { onAnalyticsAppended } from '../../storage/analytics/appendSignal.js';
import type { AnalyticsEventsRepo } from '../../storage/analytics/analyticsEventsRepo.js';
import type { AnalyticsEvent, AnalyticsEventKind, AnalyticsFilters, AnalyticsLiveUpdate } from '@tandem/shared';

type Listener = (update: AnalyticsLiveUpdate) => void;
interface Subscriber {
  filters: AnalyticsFilters;
  listener: Listener;
}

const PAGE = 5_000;

function updateOf(events: readonly AnalyticsEvent[]): AnalyticsLiveUpdate | undefined {
  if (events.length === 0) return undefined;
  const kinds: Partial<Record<AnalyticsEventKind, number>> = {};
  const minutes = new Set<string>();
  let seq = 0;
  let firstRecorded = Number.POSITIVE_INFINITY;
  for (const e of events) {
    kinds[e.data.kind] = (kinds[e.data.kind] ?? 0) + 1;
    minutes.add(bucketStart(e.occurredAt, 'minute'));
    seq = Math.max(seq, e.seq);
    firstRecorded = Math.min(firstRecorded, Date.parse(e.recordedAt));
  }
  return { seq, kinds, firstRecordedAt: new Date(firstRecorded).toISOString(), minutes: [...minutes].sort() };
}

const matches = (e: AnalyticsEvent, f: AnalyticsFilters) =>
  (f.channel === undefined || e.channel === f.channel) && (f.agentId === undefined || e.agentId === f.agentId);

export function analyticsLiveFeed(repo: AnalyticsEventsRepo, options: { pollMs?: number; onError?: (err: unknown) => void } = {}) {
  const subscribers = new Map<string, Set<Subscriber>>();
  let cursor = 0;
  let running: Promise<void> | undefined;
  let again = false;
  let stopSignal: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;

  async function drain(): Promise<void> {
    for (;;) {
      const page = await repo.afterSeq(cursor, PAGE);
      if (page.length === 0) return;
      cursor = page[page.length - 1]?.seq ?? cursor;
      const byWorkspace = new Map<string, AnalyticsEvent[]>();
      for (const e of page) {
        if (!subscribers.has(e.workspaceId)) continue;
        const list = byWorkspace.get(e.workspaceId);
        if (list === undefined) byWorkspace.set(e.workspaceId, [e]);
        else list.push(e);
      }
      for (const [workspaceId, events] of byWorkspace) {
        for (const sub of subscribers.get(workspaceId) ?? []) {
          const update = updateOf(events.filter((e) => matches(e, sub.filters)));
          if (update !== undefined) sub.listener(update);
        }
      }
      if (page.length < PAGE) return;
    }
  }

  /** One drain at a time; a nudge during a drain runs one more after it. */
  function nudge(): void {
    if (running !== undefined) {
      again = true;
      return;
    }
    running = drain()
      .catch((err: unknown) => options.onError?.(err))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          nudge();
        }
      });
  }

  return {
    async start(): Promise<void> {
      cursor = await repo.latestSeq();
      stopSignal = onAnalyticsAppended(nudge);
      timer = setInterval(nudge, options.pollMs ?? 1_000);
      timer.unref();
    },
    async stop(): Promise<void> {
      stopSignal?.();
      if (timer !== undefined) clearInterval(timer);
      await running;
    },
    subscribe(workspaceId: string, filters: AnalyticsFilters, listener: Listener): () => void {
      const sub = { filters, listener };
      const set = subscribers.get(workspaceId) ?? new Set<Subscriber>();
      set.add(sub);
      subscribers.set(workspaceId, set);
      return () => {
        set.delete(sub);
        if (set.size === 0) subscribers.delete(workspaceId);
      };
    },
  };
}
export type AnalyticsLiveFeed = ReturnType<typeof analyticsLiveFeed>;
