/**
 * Acceptance (issue 16): a synthetic breach fires once and clears once, through the real live
 * context (stored notifications, live.alerts listeners, the outbound hook); restarting during the
 * breach (a new live context and engine over the same store) does not fire it again.
 */
import type { AnalyticsEventInput } from '@tandem/shared';
import { alertRuleInputSchema } from '@tandem/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLiveContext } from '../../live/liveContext.js';
import { createLogger } from '../../logging/logger.js';
import type { StoredNotification } from '../../storage/liveNotificationsRepo.js';
import { openPgliteDatabase } from '../../storage/pglite/pgliteDatabase.js';
import { storeOn, type Store } from '../../storage/store.js';
import { alertEngine } from './alertEngine.js';

const log = createLogger('silent');
const WS = 'alerts_ws';
const T0 = Date.parse('2026-05-04T09:00:00.000Z');
const minutes = (n: number) => new Date(T0 + n * 60_000);

const event = (conversationId: string, key: string, at: Date, data: AnalyticsEventInput['data']): AnalyticsEventInput => ({
  workspaceId: WS,
  channel: 'widget',
  agentId: null,
  customerId: `vis_${conversationId}`,
  conversationId,
  occurredAt: at.toISOString(),
  dedupeKey: `${conversationId}:${key}`,
  data,
});

/** One server process's live context and alert engine over the shared store, at a clock the test moves. */
function boot(store: Store, clock: { now: Date }) {
  const pushed: StoredNotification[] = [];
  const webhooks: StoredNotification[] = [];
  const live = createLiveContext({ live: store.live, notifications: store.notifications, log, onFired: (_t, n) => webhooks.push(n) });
  live.onAlert(WS, (n) => pushed.push(n));
  const engine = alertEngine({
    rules: store.alertRules,
    events: store.analytics,
    deliver: (tenantId, alert) => live.raise(tenantId, alert),
    log,
    now: () => clock.now,
  });
  return { engine, pushed, webhooks };
}

describe('analytics alert rules', () => {
  let store: Store;
  const clock = { now: minutes(0) };

  beforeAll(async () => {
    store = await storeOn(await openPgliteDatabase());
    await store.tenants.create(WS, 'Alerts');
  });
  afterAll(() => store.close());

  it('fires an SLA-wait breach once, survives a restart without firing again, and resolves once', async () => {
    const rule = await store.alertRules.create(
      WS,
      alertRuleInputSchema.parse({ kind: 'sla-wait', name: 'Handoff wait', threshold: 10, windowMinutes: 240 }),
    );
    await store.analytics.appendMany([
      event('c1', 'start', minutes(0), { kind: 'conversation.started' }),
      event('c1', 'handoff', minutes(1), { kind: 'handoff', cause: 'asked-for-human', by: 'customer' }),
    ]);

    let proc = boot(store, clock);
    clock.now = minutes(5);
    expect(await proc.engine.evaluate()).toEqual([]);
    clock.now = minutes(12);
    expect(await proc.engine.evaluate()).toEqual([{ ruleId: rule.id, change: 'fired', number: 1 }]);
    clock.now = minutes(13);
    expect(await proc.engine.evaluate()).toEqual([]);
    expect(proc.pushed.map((n) => n.kind)).toEqual(['analytics:sla-wait']);
    expect(proc.webhooks).toHaveLength(1);
    expect(proc.pushed[0]?.detail).toContain('oldest waiting handoff 11 min');
    expect((await store.alertRules.get(WS, rule.id))?.breach).toMatchObject({ number: 1, since: minutes(12).toISOString() });

    // Restart during the breach: a fresh process over the same store.
    await proc.engine.stop();
    proc = boot(store, clock);
    clock.now = minutes(20);
    expect(await proc.engine.evaluate()).toEqual([]);
    expect(proc.pushed).toEqual([]);
    expect(proc.webhooks).toEqual([]);

    // A person answers: the breach clears, once.
    await store.analytics.append(event('c1', 'reply', minutes(21), { kind: 'human.replied' }));
    clock.now = minutes(22);
    expect(await proc.engine.evaluate()).toEqual([{ ruleId: rule.id, change: 'resolved', number: 1 }]);
    expect(await proc.engine.evaluate()).toEqual([]);
    expect(proc.pushed.map((n) => n.kind)).toEqual(['analytics:sla-wait:resolved']);
    expect((await store.alertRules.get(WS, rule.id))?.breach).toBeNull();

    // Every notification stored for the rule: one fired, one resolved.
    const stored = await store.notifications.since(WS, 0, 100);
    expect(stored.filter((n) => n.customerKey === `rule:${rule.id}`).map((n) => n.kind)).toEqual([
      'analytics:sla-wait',
      'analytics:sla-wait:resolved',
    ]);

    // A later breach is a new occurrence and fires again.
    await store.analytics.append(event('c2', 'handoff', minutes(30), { kind: 'handoff', cause: 'no-answer', by: 'ai' }));
    clock.now = minutes(45);
    expect(await proc.engine.evaluate()).toEqual([{ ruleId: rule.id, change: 'fired', number: 2 }]);
    await store.alertRules.remove(WS, rule.id);
    await proc.engine.stop();
  });

  it('does not fire again when delivery succeeded but the process died before storing the breach', async () => {
    const rule = await store.alertRules.create(
      WS,
      alertRuleInputSchema.parse({ kind: 'csat-drop', name: 'CSAT', threshold: 3.5, windowMinutes: 60, minSamples: 2 }),
    );
    await store.analytics.appendMany([
      event('r1', 'rating', minutes(100), { kind: 'rating', score: 2 }),
      event('r2', 'rating', minutes(101), { kind: 'rating', score: 3 }),
    ]);
    clock.now = minutes(102);
    // The first process delivers, then "crashes": its state write never happens.
    const firstLive = createLiveContext({ live: store.live, notifications: store.notifications, log });
    const crashing = alertEngine({
      rules: { ...store.alertRules, openBreach: () => Promise.reject(new Error('crashed before the state write')) },
      events: store.analytics,
      deliver: (tenantId, alert) => firstLive.raise(tenantId, alert),
      log,
      now: () => clock.now,
    });
    expect(await crashing.evaluate()).toEqual([]);
    const second = boot(store, clock);
    expect(await second.engine.evaluate()).toEqual([{ ruleId: rule.id, change: 'fired', number: 1 }]);
    expect(second.pushed).toEqual([]);
    const stored = (await store.notifications.since(WS, 0, 100)).filter((n) => n.customerKey === `rule:${rule.id}`);
    expect(stored.map((n) => n.kind)).toEqual(['analytics:csat-drop']);
    expect(stored[0]?.detail).toContain('mean CSAT 2.5');
  });

  it('fallback spike and negative-sentiment share breach above their thresholds, with enough samples', async () => {
    const fallback = await store.alertRules.create(
      WS,
      alertRuleInputSchema.parse({ kind: 'fallback-spike', name: 'Fallbacks', threshold: 0.4, windowMinutes: 30, minSamples: 3 }),
    );
    const negative = await store.alertRules.create(
      WS,
      alertRuleInputSchema.parse({ kind: 'negative-sentiment', name: 'Upset', threshold: 0.3, windowMinutes: 30, minSamples: 2 }),
    );
    await store.analytics.appendMany([
      event('f1', 'answer', minutes(300), { kind: 'ai.answered', confidence: 0.9, sourceDocumentIds: [] }),
      event('f2', 'fallback', minutes(301), { kind: 'ai.fallback', reason: 'no-answer' }),
    ]);
    const proc = boot(store, clock);
    clock.now = minutes(302);
    // Two AI turns are fewer than three samples; two conversations, none negative.
    expect((await proc.engine.evaluate()).filter((t) => t.ruleId === fallback.id || t.ruleId === negative.id)).toEqual([]);
    await store.analytics.appendMany([
      event('f3', 'fallback', minutes(303), { kind: 'ai.fallback', reason: 'negative-sentiment' }),
      event('f3', 'handoff', minutes(303), { kind: 'handoff', cause: 'negative-sentiment', by: 'ai' }),
    ]);
    clock.now = minutes(304);
    const fired = (await proc.engine.evaluate()).filter((t) => t.ruleId === fallback.id || t.ruleId === negative.id);
    expect(fired).toEqual(
      expect.arrayContaining([
        { ruleId: fallback.id, change: 'fired', number: 1 },
        { ruleId: negative.id, change: 'fired', number: 1 },
      ]),
    );
    expect(fired).toHaveLength(2);
    // Outside the window the shares are unmeasured, so both clear.
    clock.now = minutes(400);
    const cleared = (await proc.engine.evaluate()).filter((t) => t.ruleId === fallback.id || t.ruleId === negative.id);
    expect(cleared.map((t) => t.change).sort()).toEqual(['resolved', 'resolved']);
  });

  it('refuses thresholds outside the measure’s range', () => {
    expect(alertRuleInputSchema.safeParse({ kind: 'fallback-spike', name: 'x', threshold: 5, windowMinutes: 10 }).success).toBe(false);
    expect(alertRuleInputSchema.safeParse({ kind: 'csat-drop', name: 'x', threshold: 0.5, windowMinutes: 10 }).success).toBe(false);
    expect(alertRuleInputSchema.safeParse({ kind: 'sla-wait', name: 'x', threshold: 10, windowMinutes: 0 }).success).toBe(false);
  });
});
