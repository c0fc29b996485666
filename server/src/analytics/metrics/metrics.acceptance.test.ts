/**
 * Acceptance: replays a recorded event sequence and checks every metric against values computed
 * by hand — once over the raw events, once through the store's live aggregates and the service
 * (appended out of order, with duplicates and a late batch), once after rebuilding the aggregates
 * from the stream. Hand computation (conversations A–F, see recordedSequence.fixture.ts):
 *
 *   started 6 (A–F); first responses A 2 s, B 3 s, C 1 s, D 4 s, E 120 s → mean 26,000 ms
 *   resolved 5 (A 300 s, B 600 s, C 120 s, D 60 s, E 600 s) → handle time 1,680,000 / 5 = 336,000 ms
 *   contained resolutions A, C, D (B by a person, E had a human reply) → containment 3/5
 *   reopened within 72 h: C (5 h) → resolution rate (3 − 1)/6; with 120 h D (100 h) too → 1/6
 *   AI turns: answered A, C, D, E; fallbacks B, F → fallback rate 2/6
 *   handoffs B no-answer, E asked-for-human, F low-confidence (B's duplicate ignored) → 3/6
 *   ratings A 5 (duplicate 1 ignored), B 2 → CSAT 1/2; response rate 2/5
 *   drafts inserted 2, edited 1, discarded 1 → adoption 3/4
 *   unanswered: B no-answer, F low-confidence → 2
 *   time saved (10 min/ticket): 2 lasting AI resolutions × 10 = 20 min
 *   cost per resolution ($36/h, 10 min/ticket): 2 needing a person (B, E) × 10/60 × 36 = 12 over 5 = 2.4
 */
import type { AnalyticsMetricName, AnalyticsSettings } from '@tandem/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteDatabase } from '../../storage/pglite/pgliteDatabase.js';
import { storeOn, type Store } from '../../storage/store.js';
import { analyticsService, type AnalyticsService } from '../analyticsService.js';
import { computeMetrics } from './computeMetrics.js';
import { escalationsByCause } from './escalationRate.js';
import { LATE_EVENTS, RECORDED_EVENTS } from './recordedSequence.fixture.js';
import { totalsFromEvents } from './totals.js';

const SETTINGS: AnalyticsSettings = { reopenWindowHours: 72, agentCostPerHour: 36, minutesPerTicket: 10 };
const PERIOD = { from: '2026-03-02T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z' };

const EXPECTED: Record<AnalyticsMetricName, number> = {
  firstResponseTime: 26_000,
  averageHandleTime: 336_000,
  resolutionRate: 2 / 6,
  containmentRate: 3 / 5,
  fallbackRate: 2 / 6,
  escalationRate: 3 / 6,
  csat: 1 / 2,
  csatResponseRate: 2 / 5,
  copilotAdoption: 3 / 4,
  unansweredCount: 2,
  timeSaved: 20,
  costPerResolution: 2.4,
};
const CAUSES = { 'no-answer': 1, 'asked-for-human': 1, 'low-confidence': 1 };

function expectAll(values: Partial<Record<AnalyticsMetricName, { value: number | null } | number | null>>): void {
  for (const [name, expected] of Object.entries(EXPECTED)) {
    const got = values[name as AnalyticsMetricName];
    const value = typeof got === 'object' && got !== null ? got.value : got;
    expect(value, name).toBeCloseTo(expected, 9);
  }
}

describe('metrics over a recorded event sequence', () => {
  it('match the hand-computed values over the raw events', () => {
    const totals = totalsFromEvents([...RECORDED_EVENTS, ...LATE_EVENTS], PERIOD);
    expectAll(computeMetrics(totals, SETTINGS));
    expect(escalationsByCause(totals)).toEqual(CAUSES);
  });

  it('apply the reopen window: 120 h also undoes D (reopened after 100 h)', () => {
    const totals = totalsFromEvents([...RECORDED_EVENTS, ...LATE_EVENTS], PERIOD);
    expect(computeMetrics(totals, { ...SETTINGS, reopenWindowHours: 120 }).resolutionRate?.value).toBeCloseTo(1 / 6, 9);
    expect(computeMetrics(totals, { ...SETTINGS, reopenWindowHours: 4 }).resolutionRate?.value).toBeCloseTo(3 / 6, 9);
  });

  describe('through the store aggregates', () => {
    let store: Store;
    let service: AnalyticsService;

    beforeAll(async () => {
      store = await storeOn(await openPgliteDatabase());
      await store.tenants.create('replay', 'Replay');
      service = analyticsService(store.analytics, { defaults: SETTINGS });
      // Out of order: the originals from last to first, half one by one and half in a batch; then
      // the two duplicates (different payloads, same keys: the first stored wins); then a replay of
      // everything (all duplicates); then the late batch.
      const seen = new Set<string>();
      const originals = RECORDED_EVENTS.filter((e) => !seen.has(e.dedupeKey) && seen.add(e.dedupeKey)).reverse();
      const duplicates = RECORDED_EVENTS.filter((e) => !originals.includes(e));
      expect(duplicates).toHaveLength(2);
      const half = Math.floor(originals.length / 2);
      for (const e of originals.slice(0, half)) await store.analytics.append(e);
      await store.analytics.appendMany(originals.slice(half));
      for (const e of duplicates) expect((await store.analytics.append(e)).appended).toBe(false);
      expect(await store.analytics.appendMany(RECORDED_EVENTS)).toEqual([]);
      await store.analytics.appendMany(LATE_EVENTS);
    });
    afterAll(() => store.close());

    it('give the same values in the summary, with causes and the event count', async () => {
      const summary = await service.summary('replay', { period: PERIOD, filters: {}, settings: {} });
      expectAll(summary.metrics);
      expect(summary.escalationsByCause).toEqual(CAUSES);
      // The recorded lines less 2 duplicates, plus 3 late, less D's reopen (on 6 March, outside the day).
      expect(summary.events).toBe(RECORDED_EVENTS.length - 2 + LATE_EVENTS.length - 1);
    });

    it('give the same values over a period that starts and ends mid-hour', async () => {
      const summary = await service.summary('replay', {
        period: { from: '2026-03-01T23:17:00.000Z', to: '2026-03-02T16:45:00.000Z' },
        filters: {},
        settings: {},
      });
      expectAll(summary.metrics);
    });

    it('filter by channel and agent', async () => {
      const ext = await service.summary('replay', { period: PERIOD, filters: { channel: 'extension' }, settings: {} });
      expect(ext.metrics.copilotAdoption.value).toBeCloseTo(3 / 4, 9);
      expect(ext.metrics.resolutionRate.value).toBeNull();
      const agentB = await service.summary('replay', { period: PERIOD, filters: { agentId: 'tok_agent_b' }, settings: {} });
      expect(agentB.metrics.averageHandleTime).toMatchObject({ value: 600_000, denominator: 1 });
    });

    it('give per-hour series whose points add up to the day', async () => {
      const series = await service.series('replay', {
        period: PERIOD,
        bucket: 'hour',
        metrics: ['unansweredCount', 'fallbackRate'],
        filters: {},
        settings: {},
      });
      expect(series.points).toHaveLength(24);
      expect(series.points.reduce((n, p) => n + (p.values.unansweredCount ?? 0), 0)).toBe(2);
      expect(series.points.find((p) => p.at === '2026-03-02T10:00:00.000Z')?.values).toEqual({ unansweredCount: 1, fallbackRate: 0.5 });
      expect(series.points[0]?.values.fallbackRate).toBeNull();
    });

    it('give the same values after a rebuild from the stream', async () => {
      const rebuilt = await service.rebuild('replay');
      expect(rebuilt.events).toBe(RECORDED_EVENTS.length - 2 + LATE_EVENTS.length);
      const summary = await service.summary('replay', { period: PERIOD, filters: {}, settings: {} });
      expectAll(summary.metrics);
    });
  });
});
