/**
 * Live context as streams for subscribers (the side panel, the console): a customer's state now
 * and after every event about them, alerts missed since a cursor and then new ones, and the
 * console's counters. Each item carries the id a reconnecting client resumes from.
 */
import type { CustomerLiveState, CustomerRef } from '@tandem/shared';
import type { StoredNotification } from '../storage/liveNotificationsRepo.js';
import type { LiveContext } from './liveContext.js';
import { signalQueue } from './signalQueue.js';

export interface LiveAlert {
  seq: number;
  kind: string;
  customerKey: string;
  title: string;
  detail: string;
  at: string;
}

const toAlert = (n: StoredNotification): LiveAlert => ({
  seq: n.seq,
  kind: n.kind,
  customerKey: n.customerKey,
  title: n.title,
  detail: n.detail,
  at: n.at,
});

export function liveStreams(live: LiveContext) {
  return {
    /** The customer's live state now, then again after every event about them (the newest state wins on reconnect). */
    async *customer(
      tenantId: string,
      customer: CustomerRef,
      signal: AbortSignal | undefined,
    ): AsyncGenerator<[string, CustomerLiveState | null]> {
      const queue = signalQueue<{ state: CustomerLiveState; seq: number }>(signal);
      const unsubscribe = live.onCustomer(tenantId, customer, (state, seq) => queue.push({ state, seq }));
      try {
        yield ['now', (await live.stateFor(tenantId, customer)) ?? null];
        for await (const { state, seq } of queue.drain()) yield [String(seq), state];
      } finally {
        unsubscribe();
      }
    },

    /** Alerts fired by proactive triggers: those missed since `lastEventId`, then new ones as they fire. */
    async *alerts(tenantId: string, lastEventId: string | undefined, signal: AbortSignal | undefined): AsyncGenerator<[string, LiveAlert]> {
      const queue = signalQueue<StoredNotification>(signal);
      const unsubscribe = live.onAlert(tenantId, (n) => queue.push(n));
      try {
        let cursor = Number(lastEventId ?? 0) || 0;
        for (;;) {
          const missed = await live.notificationsSince(tenantId, cursor, 500);
          for (const n of missed) {
            cursor = n.seq;
            yield [String(n.seq), toAlert(n)];
          }
          if (missed.length < 500) break;
        }
        for await (const n of queue.drain()) {
          if (n.seq <= cursor) continue;
          cursor = n.seq;
          yield [String(n.seq), toAlert(n)];
        }
      } finally {
        unsubscribe();
      }
    },

    /** The console's live counters: now, then after every batch of events (at most every 250 ms). */
    async *counters(tenantId: string, signal: AbortSignal | undefined) {
      const queue = signalQueue<true>(signal);
      let pending = false;
      const unsubscribe = live.onCounters(tenantId, () => {
        if (pending) return;
        pending = true;
        setTimeout(() => {
          pending = false;
          queue.push(true);
        }, 250).unref();
      });
      try {
        yield live.counters(tenantId);
        for await (const _ of queue.drain()) yield live.counters(tenantId);
      } finally {
        unsubscribe();
      }
    },
  };
}

export type LiveStreams = ReturnType<typeof liveStreams>;
