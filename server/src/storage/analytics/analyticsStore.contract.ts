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
      const others = await store.analytics.afterSeq(0, 1_000, otherTenantId);
      expect(others.map((e) => e.dedupeKey)).toContain('o1');
      expect(others.every((e) => e.workspaceId === otherTenantId)).toBe(true);
    });

    it('records widget facts in the transactions that store them: start, first response once, answer, handoff with its cause, reply, close, rating', async () => {
      await store.widget.sites.create({
        id: 'ws_analytics',
        tenantId,
        siteKey: 'pk_analyticscontract0001',
        name: 'Analytics site',
        allowedOrigins: ['https://shop.example'],
        theme: {},
        confidenceThreshold: 0.6,
        suggestedQuestions: [],
        identitySecretSealed: 'sealed',
      });
      const { conversation } = await store.widget.conversations.openOrCreate({
        tenantId,
        siteId: 'ws_analytics',
        visitorId: 'vis_analytics',
        visitorUserId: 'ana@example.com',
        visitorName: null,
        channel: 'widget',
      });
      const append = (message: Parameters<Store['widget']['conversations']['append']>[0]['message'], change = {}) =>
        store.widget.conversations.append({ tenantId, conversationId: conversation.id, message, change });
      await append({ author: 'visitor', kind: 'message', text: 'Where is my parcel?' });
      await append({
        author: 'ai',
        kind: 'answer',
        text: 'It left on Monday.',
        citations: [{ n: 1, title: 'Shipping' }],
        confidence: 0.82,
      });
      await append({ author: 'ai', kind: 'answer', text: 'Anything else?', confidence: 0.7, dedupeKey: `a2:${conversation.id}` });
      await append({ author: 'ai', kind: 'answer', text: 'Anything else?', confidence: 0.7, dedupeKey: `a2:${conversation.id}` });
      await append(
        { author: 'system', kind: 'handoff', data: { reason: 'no-answer' } },
        { status: 'waiting-for-human', handoffReason: 'no-answer' },
      );
      await append(
        { author: 'human', kind: 'message', text: 'Hi, Mia here.' },
        { status: 'human', agent: { tokenId: 'tok_mia', name: 'Mia' } },
      );
      await append({ author: 'system', kind: 'closed' }, { status: 'closed' });
      await store.widget.ratings.rate({ tenantId, conversationId: conversation.id, score: 4, comment: null });
      await store.widget.ratings.rate({ tenantId, conversationId: conversation.id, score: 2, comment: 'changed my mind' });

      const events = (await store.analytics.afterSeq(0, 1_000, tenantId)).filter((e) => e.conversationId === conversation.id);
      expect(events.map((e) => e.data.kind)).toEqual([
        'conversation.started',
        'response.first',
        'ai.answered',
        'ai.answered',
        'ai.fallback',
        'handoff',
        'human.replied',
        'conversation.resolved',
        'rating',
      ]);
      expect(events.every((e) => e.customerId === 'vis_analytics' && e.channel === 'widget')).toBe(true);
      expect(events.find((e) => e.data.kind === 'response.first')?.data).toMatchObject({ responder: 'ai' });
      expect(events.find((e) => e.data.kind === 'ai.answered')?.data).toEqual({
        kind: 'ai.answered',
        confidence: 0.82,
        sourceDocumentIds: ['Shipping'],
      });
      expect(events.find((e) => e.data.kind === 'handoff')?.data).toEqual({ kind: 'handoff', cause: 'no-answer', by: 'ai' });
      expect(events.find((e) => e.data.kind === 'human.replied')?.agentId).toBe('tok_mia');
      expect(events.find((e) => e.data.kind === 'conversation.resolved')?.data).toMatchObject({ by: 'human', humanReplied: true });
      expect(events.find((e) => e.data.kind === 'rating')?.data).toEqual({ kind: 'rating', score: 4 });
    });

    it('records draft outcomes and actions with their facts', async () => {
      await store.feedback.record({ tenantId, draftId: 'dr_an1', tokenId: 'tok_a', rating: 'helpful' });
      await store.feedback.record({ tenantId, draftId: 'dr_an1', tokenId: 'tok_a', outcome: 'sent-edited', keptRatio: 0.7 });
      await store.feedback.record({ tenantId, draftId: 'dr_an1', tokenId: 'tok_a', outcome: 'discarded' });
      await store.actions.saveSuggestions([
        { id: 'sug_an1', tenantId, ticketId: 't-1', action: 'shopify.refundOrder', risk: 'write', arguments: {}, flaggedReason: null },
      ]);
      await store.actions.claimExecution({
        id: 'exe_an1',
        tenantId,
        suggestionId: 'sug_an1',
        idempotencyKey: 'idem-an1',
        action: 'shopify.refundOrder',
        arguments: {},
        executedBy: 'tok_a',
        executedByRole: 'agent',
      });
      await store.actions.finishExecution('exe_an1', {
        status: 'succeeded',
        suggestionId: 'sug_an1',
        action: 'shopify.refundOrder',
        summary: 'Refunded',
        output: {},
        executedAt: '2026-03-01T12:00:00.000Z',
      });
      const mine = new Set(['draft:dr_an1:outcome', 'action:sug_an1:suggested', 'action:exe_an1:executed']);
      const events = (await store.analytics.afterSeq(0, 1_000, tenantId)).filter((e) => mine.has(e.dedupeKey));
      expect(events.map((e) => e.data)).toEqual([
        { kind: 'draft.edited', draftId: 'dr_an1', keptRatio: 0.7 },
        { kind: 'action.suggested', action: 'shopify.refundOrder' },
        { kind: 'action.executed', action: 'shopify.refundOrder', ok: true },
      ]);
    });

    it('refuses an e-mail as a customer id and an unknown kind', async () => {
      await expect(
        store.analytics.append(event('bad1', day.from, { kind: 'handback' }, { customerId: 'ana@example.com' })),
      ).rejects.toThrow(/opaque/);
      const unknownKind = { ...event('bad2', day.from, { kind: 'handback' }), data: { kind: 'teleported' } };
      await expect(store.analytics.append(unknownKind as unknown as AnalyticsEventInput)).rejects.toThrow();
    });

    it('sums the same totals from the workspace rollup, per channel, per agent and over a cover of spans', async () => {
      const april = { from: '2026-04-01T00:00:00.000Z', to: '2026-04-03T00:00:00.000Z' };
      const rating = (key: string, at: string, score: number, over: Partial<AnalyticsEventInput>) =>
        event(key, at, { kind: 'rating', score }, over);
      await store.analytics.appendMany([
        rating('r1', '2026-04-01T09:10:00.000Z', 5, { channel: 'widget', agentId: 'tok_a' }),
        rating('r2', '2026-04-01T09:40:00.000Z', 3, { channel: 'api', agentId: 'tok_a' }),
        rating('r3', '2026-04-02T14:05:00.000Z', 4, { channel: 'widget', agentId: 'tok_b' }),
        rating('r4', '2026-04-02T14:05:30.000Z', 1, { channel: 'extension', agentId: null }),
      ]);
      const ratings = async (filters: Parameters<typeof store.analytics.bucketTotals>[4]) =>
        (await store.analytics.bucketTotals(tenantId, 'day', april.from, april.to, filters)).find((t) => t.measure === 'rating');
      expect(await ratings({})).toMatchObject({ count: 4, total: 13 });
      expect(await ratings({ channel: 'widget' })).toMatchObject({ count: 2, total: 9 });
      expect(await ratings({ agentId: 'tok_a' })).toMatchObject({ count: 2, total: 8 });
      expect(await ratings({ channel: 'api', agentId: 'tok_a' })).toMatchObject({ count: 1, total: 3 });
      expect(await ratings({ agentId: '*' })).toBeUndefined();

      // 09:30 → 2 Apr 14:05: minutes, an hour span, a day, hours, then nothing in the last minutes.
      const spans = [
        { bucket: 'minute' as const, from: '2026-04-01T09:30:00.000Z', to: '2026-04-01T10:00:00.000Z' },
        { bucket: 'hour' as const, from: '2026-04-01T10:00:00.000Z', to: '2026-04-02T00:00:00.000Z' },
        { bucket: 'hour' as const, from: '2026-04-02T00:00:00.000Z', to: '2026-04-02T14:00:00.000Z' },
        { bucket: 'minute' as const, from: '2026-04-02T14:00:00.000Z', to: '2026-04-02T14:06:00.000Z' },
      ];
      const spanRatings = async (filters: Parameters<typeof store.analytics.spanTotals>[2]) =>
        (await store.analytics.spanTotals(tenantId, spans, filters)).find((t) => t.measure === 'rating');
      expect(await spanRatings({})).toMatchObject({ start: spans[0]!.from, count: 3, total: 8 });
      expect(await spanRatings({ channel: 'widget' })).toMatchObject({ count: 1, total: 4 });
      expect(await spanRatings({ agentId: 'tok_a' })).toMatchObject({ count: 1, total: 3 });
      expect(await store.analytics.spanTotals(tenantId, [], {})).toEqual([]);
    });
  });
}
