/**
 * The analytics repository's part of the Store contract (storage/store.contract.ts runs it against
 * every driver): append is idempotent on the dedupe key (aggregates too), a late event lands in the
 * bucket of when it occurred, a reopen lands at the resolution it undoes, a rolled-back
 * transaction leaves no event, readers stay inside one workspace, period and filters.
 */
import type { AnalyticsEventInput } from '@tandem/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store.js';
import { appendAnalyticsEvent } from './analyticsEventsRepo.js';

export function describeAnalyticsStoreContract(storeOf: () => Store, tenantId: string, otherTenantId: string): void {
  describe('analytics events', () => {
    let store: Store;
    const day = { from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' };
    const event = (dedupeKey: string, occurredAt: string, data: AnalyticsEventInput['data'], over: Partial<AnalyticsEventInput> = {}) => ({
      workspaceId: tenantId,
      channel: 'widget' as const,
      agentId: null,
      customerId: 'vis_1',
      conversationId: 'conv_1',
      occurredAt,
      dedupeKey,
      data,
      ...over,
    });

    beforeAll(() => {
      store = storeOf();
    });

    it('appends once per dedupe key and counts the aggregates once', async () => {
      const first = await store.analytics.append(event('c1:start', '2026-03-01T10:00:30.000Z', { kind: 'conversation.started' }));
      const again = await store.analytics.append(event('c1:start', '2026-03-01T10:05:00.000Z', { kind: 'conversation.started' }));
      expect(first.appended).toBe(true);
      expect(again).toMatchObject({ appended: false, event: { id: first.event.id, occurredAt: '2026-03-01T10:00:30.000Z' } });
      const totals = await store.analytics.bucketTotals(tenantId, 'minute', day.from, day.to, {}, true);
      expect(totals).toEqual([{ start: '2026-03-01T10:00:00.000Z', measure: 'conversation.started', count: 1, total: 0 }]);
      const dayTotals = await store.analytics.bucketTotals(tenantId, 'day', day.from, day.to);
      expect(dayTotals).toEqual([{ start: day.from, measure: 'conversation.started', count: 1, total: 0 }]);
    });

    it('buckets a late event by when it occurred, and a reopen at the resolution it undoes', async () => {
      await store.analytics.appendMany([
        event('c1:resolved', '2026-03-01T10:20:00.000Z', {
          kind: 'conversation.resolved',
          by: 'ai',
          humanReplied: false,
          handleMs: 1_170_000,
        }),
        event('c1:reopened', '2026-03-01T13:10:00.000Z', {
          kind: 'conversation.reopened',
          resolvedAt: '2026-03-01T10:20:00.000Z',
          contained: true,
        }),
        // Arrives now, happened at 09:59 on the same day.
        event('c2:start', '2026-03-01T09:59:00.000Z', { kind: 'conversation.started' }, { conversationId: 'conv_2', channel: 'api' }),
      ]);
      const hours = await store.analytics.bucketTotals(tenantId, 'hour', day.from, day.to, {}, true);
      const at = (start: string) =>
        hours
          .filter((h) => h.start === start)
          .map((h) => `${h.measure}=${h.count}`)
          .sort();
      expect(at('2026-03-01T09:00:00.000Z')).toEqual(['conversation.started=1']);
      expect(at('2026-03-01T10:00:00.000Z')).toEqual([
        'conversation.resolved=1',
        'conversation.started=1',
        'reopened.contained:3=1',
        'resolved.contained=1',
      ]);
      expect(at('2026-03-01T13:00:00.000Z')).toEqual(['conversation.reopened=1']);
      const api = await store.analytics.bucketTotals(tenantId, 'day', day.from, day.to, { channel: 'api' });
      expect(api).toEqual([{ start: day.from, measure: 'conversation.started', count: 1, total: 0 }]);
    });

    it('commits an event with the transaction that records its fact, or not at all', async () => {
      await expect(
        store.db.transaction(async (tx) => {
          await appendAnalyticsEvent(tx, event('c3:start', '2026-03-01T11:00:00.000Z', { kind: 'conversation.started' }));
          throw new Error('the fact failed');
        }),
      ).rejects.toThrow('the fact failed');
      const events = await store.analytics.inPeriod(tenantId, day);
      expect(events.map((e) => e.dedupeKey)).toEqual(['c2:start', 'c1:start', 'c1:resolved', 'c1:reopened']);
    });

    it('reads by workspace, period, filters and stream position', async () => {
      await store.analytics.append(
        event('o1', '2026-03-01T12:00:00.000Z', { kind: 'rating', score: 5 }, { workspaceId: otherTenantId, agentId: 'tok_a' }),
      );
      expect((await store.analytics.inPeriod(otherTenantId, day)).map((e) => e.data)).toEqual([{ kind: 'rating', score: 5 }]);
      expect(await store.analytics.inPeriod(otherTenantId, day, { agentId: 'tok_b' })).toEqual([]);
      expect(await store.analytics.inPeriod(tenantId, { from: day.to, to: '2026-03-03T00:00:00.000Z' })).toEqual([]);
      const all = await store.analytics.afterSeq(0, 100);
      expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((a, b) => a - b));
      const last = all[all.length - 1]!;
      expect(await store.analytics.latestSeq()).toBe(last.seq);
      expect(await store.analytics.afterSeq(last.seq, 10)).toEqual([]);
      expect((await store.analytics.afterSeq(0, 100, otherTenantId)).map((e) => e.dedupeKey)).toEqual(['o1']);
    });

    it('refuses an e-mail as a customer id and an unknown kind', async () => {
      await expect(
        store.analytics.append(event('bad1', day.from, { kind: 'handback' }, { customerId: 'ana@example.com' })),
      ).rejects.toThrow(/opaque/);
      const unknownKind = { ...event('bad2', day.from, { kind: 'handback' }), data: { kind: 'teleported' } };
      await expect(store.analytics.append(unknownKind as unknown as AnalyticsEventInput)).rejects.toThrow();
    });
  });
}
