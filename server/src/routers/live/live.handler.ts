import type { CustomerLiveState, CustomerRef } from '@tandem/shared';
import { tracked } from '@trpc/server';
import type { LiveContext } from '../../live/liveContext.js';
import type { StoredNotification } from '../../storage/liveNotificationsRepo.js';

/** Waits for the next pushed value or the end of the subscription. */
function queueOf<T>(signal: AbortSignal | undefined) {
  const items: T[] = [];
  let wake: (() => void) | undefined;
  return {
    push(item: T) {
      items.push(item);
      wake?.();
    },
    async *drain(): AsyncGenerator<T> {
      for (;;) {
        while (items.length > 0) yield items.shift() as T;
        if (signal?.aborted === true) return;
        await new Promise<void>((resolve) => {
          const done = () => {
            signal?.removeEventListener('abort', done);
            resolve();
          };
          wake = done;
          signal?.addEventListener('abort', done, { once: true });
        });
        wake = undefined;
      }
    },
  };
}

/** The customer's live state now, then again after every event about them (the newest state wins on reconnect). */
export async function* customerStateHandler(live: LiveContext, tenantId: string, customer: CustomerRef, signal: AbortSignal | undefined) {
  const queue = queueOf<{ state: CustomerLiveState; seq: number }>(signal);
  const unsubscribe = live.onCustomer(tenantId, customer, (state, seq) => queue.push({ state, seq }));
  try {
    yield tracked('now', (await live.stateFor(tenantId, customer)) ?? null);
    for await (const { state, seq } of queue.drain()) yield tracked(String(seq), state);
  } finally {
    unsubscribe();
  }
}

/** Alerts fired by proactive triggers: those missed since `lastEventId`, then new ones as they fire. */
export async function* alertsHandler(
  live: LiveContext,
  tenantId: string,
  lastEventId: string | undefined,
  signal: AbortSignal | undefined,
) {
  const queue = queueOf<StoredNotification>(signal);
  const unsubscribe = live.onAlert(tenantId, (n) => queue.push(n));
  try {
    let cursor = Number(lastEventId ?? 0) || 0;
    for (;;) {
      const missed = await live.notificationsSince(tenantId, cursor, 500);
      for (const n of missed) {
        cursor = n.seq;
        yield tracked(String(n.seq), toAlert(n));
      }
      if (missed.length < 500) break;
    }
    for await (const n of queue.drain()) {
      if (n.seq <= cursor) continue;
      cursor = n.seq;
      yield tracked(String(n.seq), toAlert(n));
    }
  } finally {
    unsubscribe();
  }
}

const toAlert = (n: StoredNotification) => ({
  seq: n.seq,
  kind: n.kind,
  customerKey: n.customerKey,
  title: n.title,
  detail: n.detail,
  at: n.at,
});

/** The console's live counters: now, then after every batch of events (at most every 250 ms). */
export async function* countersHandler(live: LiveContext, tenantId: string, signal: AbortSignal | undefined) {
  const queue = queueOf<true>(signal);
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
}
