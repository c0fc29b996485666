/**
 * The live customer context of one server process. The event log is the truth: a customer's
 * state is a projection of their events, built from the log on first use and kept current as
 * new events commit, so whatever a webhook acknowledged is reflected, across restarts too.
 * Each commit also runs the trigger rules (fired once per occurrence, stored) and wakes the
 * subscribers: side panels following a customer, consoles following alerts.
 */
import type { CustomerLiveState, CustomerRef } from '@tandem/shared';
import type { Logger } from '../logging/logger.js';
import type { LiveEventsRepo, StoredLiveEvent } from '../storage/liveEventsRepo.js';
import type { LiveNotificationsRepo, StoredNotification } from '../storage/liveNotificationsRepo.js';
import { applyEvent, customerKeys, keysOf, toLiveState, type ProjectedCustomer } from './customerProjection.js';
import { defaultTriggerRules, dueTriggers, evaluateOnEvent, type TriggerFiring, type TriggerRules } from './triggerRules.js';

/** Events replayed to build one customer's state: far more than any live view shows. */
const REPLAY_LIMIT = 1_000;
/** Customers kept in memory per process; older ones are rebuilt from the log when asked for again. */
const CACHED_CUSTOMERS = 10_000;

export interface LiveContextOptions {
  live: Pick<LiveEventsRepo, 'eventsForCustomer'>;
  notifications: LiveNotificationsRepo;
  log: Logger;
  rules?: (tenantId: string) => TriggerRules;
  /** After a notification is stored (outbound webhooks). */
  onFired?: ((tenantId: string, notification: StoredNotification) => void) | undefined;
  now?: () => Date;
}

type CustomerListener = (state: CustomerLiveState, seq: number) => void;
type AlertListener = (notification: StoredNotification) => void;
/** An alert to store once per occurrence key and push like a trigger's. */
export type RaisedAlert = Omit<TriggerFiring, 'kind'> & { kind: string };

export function createLiveContext(options: LiveContextOptions) {
  const now = options.now ?? (() => new Date());
  const rulesFor = options.rules ?? (() => defaultTriggerRules);
  /** `<tenant> <customer key>` → projection and the last log position in it (one entry under each of its keys). */
  const cache = new Map<string, { projected: ProjectedCustomer; seq: number }>();
  const customerListeners = new Map<string, Set<CustomerListener>>();
  const alertListeners = new Map<string, Set<AlertListener>>();
  /** Per workspace: events projected and alerts fired since start, and when events arrived (last minute). */
  const counters = new Map<string, { events: number; alerts: number; recent: number[] }>();
  const countersOf = (tenantId: string) => {
    let c = counters.get(tenantId);
    if (c === undefined) counters.set(tenantId, (c = { events: 0, alerts: 0, recent: [] }));
    return c;
  };
  const counterListeners = new Map<string, Set<() => void>>();
  /** Serialises commits per tenant so projections apply in log order. */
  let chain: Promise<void> = Promise.resolve();

  const cacheKey = (tenantId: string, key: string) => `${tenantId} ${key}`;

  function remember(tenantId: string, projected: ProjectedCustomer, seq: number): void {
    const entry = { projected, seq };
    for (const key of keysOf(projected)) {
      const k = cacheKey(tenantId, key);
      cache.delete(k);
      cache.set(k, entry);
    }
    while (cache.size > CACHED_CUSTOMERS) cache.delete(cache.keys().next().value as string);
  }

  /**
   * A customer's projection from the events before log position `before` (all when omitted), so
   * a trigger sees the state before the event it evaluates.
   */
  async function projectionOf(
    tenantId: string,
    customer: { email?: string | undefined; externalId?: string | undefined },
    before = Number.POSITIVE_INFINITY,
  ): Promise<{ projected: ProjectedCustomer; seq: number } | undefined> {
    for (const key of customerKeys(customer)) {
      const hit = cache.get(cacheKey(tenantId, key));
      if (hit !== undefined && hit.seq < before) return hit;
    }
    const ref = {
      ...(customer.email === undefined ? {} : { email: customer.email }),
      ...(customer.externalId === undefined ? {} : { externalId: customer.externalId }),
    };
    const events = await options.live.eventsForCustomer(tenantId, ref, REPLAY_LIMIT);
    let projected: ProjectedCustomer | undefined;
    let seq = 0;
    for (const event of events) {
      if (event.seq >= before) break;
      projected = applyEvent(projected, event);
      seq = event.seq;
    }
    return projected === undefined ? undefined : { projected, seq };
  }

  /** Trigger firings, and alerts other units raise (analytics alert rules) with kinds of their own. */
  async function fire(tenantId: string, firings: readonly RaisedAlert[]): Promise<void> {
    for (const f of firings) {
      const stored = await options.notifications.fireOnce({
        tenantId,
        occurrenceKey: f.occurrenceKey,
        kind: f.kind,
        customerKey: f.customerKey,
        title: f.title,
        detail: f.detail,
        at: f.at,
      });
      if (stored === undefined) continue;
      options.log.info({ kind: f.kind, seq: stored.seq }, 'trigger fired');
      options.onFired?.(tenantId, stored);
      countersOf(tenantId).alerts += 1;
      for (const listener of alertListeners.get(tenantId) ?? []) listener(stored);
    }
  }

  async function applyCommitted(events: readonly StoredLiveEvent[]): Promise<void> {
    const touched = new Set<string>();
    for (const event of events) {
      const c = countersOf(event.tenantId);
      c.events += 1;
      c.recent.push(Date.now());
      touched.add(event.tenantId);
      const before = (await projectionOf(event.tenantId, event.customer, event.seq))?.projected;
      const after = applyEvent(before, event);
      remember(event.tenantId, after, event.seq);
      await fire(event.tenantId, evaluateOnEvent(rulesFor(event.tenantId), before, after, event, now()));
      const state = toLiveState(after);
      for (const key of keysOf(after))
        for (const listener of customerListeners.get(cacheKey(event.tenantId, key)) ?? []) listener(state, event.seq);
    }
    for (const tenantId of touched) for (const listener of counterListeners.get(tenantId) ?? []) listener();
  }

  return {
    /** The webhook log's `onAppended`: projections, triggers and subscribers, in commit order. */
    onAppended(events: readonly StoredLiveEvent[]): Promise<void> {
      chain = chain
        .then(() => applyCommitted(events))
        .catch((error: unknown) => options.log.error({ err: error }, 'live projection failed'));
      return chain;
    },
    /** Waits until every committed event handed over so far is projected (tests, benchmarks). */
    settled: (): Promise<void> => chain,
    async stateFor(tenantId: string, customer: CustomerRef): Promise<CustomerLiveState | undefined> {
      const found = await projectionOf(tenantId, customer);
      if (found === undefined) return undefined;
      remember(tenantId, found.projected, found.seq);
      return toLiveState(found.projected);
    },
    /** Time-based triggers (cart abandoned, SLA wait) over the customers this process knows. */
    async sweep(): Promise<void> {
      const byTenant = new Map<string, Set<ProjectedCustomer>>();
      for (const [k, { projected }] of cache) {
        const tenantId = k.slice(0, k.indexOf(' '));
        let set = byTenant.get(tenantId);
        if (set === undefined) byTenant.set(tenantId, (set = new Set()));
        set.add(projected);
      }
      for (const [tenantId, customers] of byTenant) await fire(tenantId, dueTriggers(rulesFor(tenantId), customers, now()));
    },
    onCustomer(tenantId: string, customer: CustomerRef, listener: CustomerListener): () => void {
      const keys = customerKeys(customer).map((key) => cacheKey(tenantId, key));
      for (const k of keys) {
        let set = customerListeners.get(k);
        if (set === undefined) customerListeners.set(k, (set = new Set()));
        set.add(listener);
      }
      return () => {
        for (const k of keys) customerListeners.get(k)?.delete(listener);
      };
    },
    /** An alert raised outside the triggers (analytics alert rules): stored once per occurrence key, pushed, sent to webhooks. */
    raise: (tenantId: string, alert: RaisedAlert): Promise<void> => fire(tenantId, [alert]),
    onAlert(tenantId: string, listener: AlertListener): () => void {
      let set = alertListeners.get(tenantId);
      if (set === undefined) alertListeners.set(tenantId, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    /** Live counters for the console: events and alerts since start, events in the last minute, customers in memory. */
    counters(tenantId: string): { events: number; alerts: number; eventsLastMinute: number; customersTracked: number } {
      const c = countersOf(tenantId);
      const since = Date.now() - 60_000;
      c.recent = c.recent.filter((t) => t >= since);
      let customers = 0;
      for (const k of cache.keys()) if (k.startsWith(`${tenantId} `)) customers += 1;
      return { events: c.events, alerts: c.alerts, eventsLastMinute: c.recent.length, customersTracked: customers };
    },
    onCounters(tenantId: string, listener: () => void): () => void {
      let set = counterListeners.get(tenantId);
      if (set === undefined) counterListeners.set(tenantId, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    notificationsSince: (tenantId: string, cursor: number, limit: number) => options.notifications.since(tenantId, cursor, limit),
  };
}
export type LiveContext = ReturnType<typeof createLiveContext>;
