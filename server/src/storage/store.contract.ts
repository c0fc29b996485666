/**
 * The behaviour every storage driver must show, as one suite: run it against each driver
 * (PGlite here; PostgreSQL when the scale-out work adds that driver).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAnalyticsStoreContract } from './analytics/analyticsStore.contract.js';
import { pendingItems } from './ingestJobsRepo.js';
import type { Store } from './store.js';
import { describeWidgetStoreContract } from './widget/widgetStore.contract.js';

export function describeStoreContract(driverName: string, openStore: () => Promise<Store>): void {
  describe(`Store contract: ${driverName}`, () => {
    let store: Store;
    let sourceId: string;
    const tenantId = 'contract';
    const doc = (externalId: string, hash: string, texts: string[]) => ({
      tenantId,
      sourceId,
      externalId,
      title: `Article ${externalId}`,
      contentHash: hash,
      chunks: texts.map((text, i) => ({ text, sectionPath: [`Section ${i}`] })),
    });

    beforeAll(async () => {
      store = await openStore();
      await store.tenants.create(tenantId, 'Contract tenant');
      await store.tenants.create('other', 'Other tenant');
      sourceId = (await store.knowledge.ensureSource(tenantId, 'upload', 'Uploads')).id;
    });
    afterAll(() => store.close());

    it('creates sources idempotently per tenant, kind and name', async () => {
      const again = await store.knowledge.ensureSource(tenantId, 'upload', 'Uploads');
      expect(again.id).toBe(sourceId);
      const elsewhere = await store.knowledge.ensureSource('other', 'upload', 'Uploads');
      expect(elsewhere.id).not.toBe(sourceId);
      expect((await store.knowledge.listSources(tenantId)).map((s) => s.id)).toEqual([sourceId]);
    });

    it('stores a document as one version with its chunks, and skips unchanged content', async () => {
      const first = await store.knowledge.upsertDocument(doc('a', 'h1', ['one', 'two']));
      expect(first).toMatchObject({ changed: true, document: { version: 1, title: 'Article a' } });
      const chunks = await store.knowledge.chunksOf([first.document.id]);
      expect(chunks.map((c) => c.text)).toEqual(['one', 'two']);
      expect(chunks[1]?.sectionPath).toEqual(['Section 1']);

      const same = await store.knowledge.upsertDocument(doc('a', 'h1', ['one', 'two']));
      expect(same).toMatchObject({ changed: false, document: { version: 1 } });

      const second = await store.knowledge.upsertDocument(doc('a', 'h2', ['three']));
      expect(second).toMatchObject({ changed: true, document: { id: first.document.id, version: 2 } });
      const newChunks = await store.knowledge.chunksOf([first.document.id]);
      expect(newChunks.map((c) => c.text)).toEqual(['three']);
      expect(newChunks[0]?.id).not.toBe(chunks[0]?.id);
    });

    it('feeds every change with a monotonic cursor, per tenant on request', async () => {
      const start = await store.knowledge.latestChangeSeq();
      const b = await store.knowledge.upsertDocument(doc('b', 'hb', ['bee']));
      await store.knowledge.deleteDocument(tenantId, b.document.id);
      const changes = await store.knowledge.changesSince(start, 10);
      expect(changes.map((c) => [c.op, c.documentId])).toEqual([
        ['upsert', b.document.id],
        ['delete', b.document.id],
      ]);
      expect(changes[1]!.seq).toBeGreaterThan(changes[0]!.seq);
      expect(await store.knowledge.changesSince(start, 10, 'other')).toEqual([]);
      expect(await store.knowledge.getDocument(tenantId, b.document.id)).toBeUndefined();
      expect(await store.knowledge.chunksOf([b.document.id])).toEqual([]);
    });

    it('reports the newest change cursor overall and per tenant', async () => {
      const otherSource = await store.knowledge.ensureSource('other', 'upload', 'Uploads');
      const mine = await store.knowledge.latestChangeSeq(tenantId);
      await store.knowledge.upsertDocument({ ...doc('o', 'ho', ['oh']), tenantId: 'other', sourceId: otherSource.id });
      const overall = await store.knowledge.latestChangeSeq();
      expect(overall).toBeGreaterThan(mine);
      expect(await store.knowledge.latestChangeSeq(tenantId)).toBe(mine);
      expect(await store.knowledge.latestChangeSeq('other')).toBe(overall);
      expect(await store.knowledge.latestChangeSeq('nobody')).toBe(0);
    });

    it('never lets one tenant read or delete another tenant’s document', async () => {
      const a = await store.knowledge.findDocument(tenantId, sourceId, 'a');
      expect(await store.knowledge.getDocument('other', a!.id)).toBeUndefined();
      expect(await store.knowledge.deleteDocument('other', a!.id)).toBe(false);
      expect(await store.knowledge.getDocument(tenantId, a!.id)).toBeDefined();
    });

    it('saves vectors only for chunks and titles still at that version, and announces them', async () => {
      const c = await store.knowledge.upsertDocument(doc('c', 'hc1', ['sea']));
      const [oldChunk] = await store.knowledge.chunksOf([c.document.id]);
      await store.knowledge.upsertDocument(doc('c', 'hc2', ['sea, again']));
      const [newChunk] = await store.knowledge.chunksOf([c.document.id]);
      const cursor = await store.knowledge.latestChangeSeq();
      const v = Float32Array.from([0.6, 0.8]);
      await store.knowledge.saveVectors(
        [
          { chunkId: oldChunk!.id, vector: v },
          { chunkId: newChunk!.id, vector: v },
        ],
        [
          { documentId: c.document.id, version: 1, vector: v },
          { documentId: c.document.id, version: 2, vector: v },
        ],
      );
      const [stored] = await store.knowledge.chunksOf([c.document.id]);
      expect(Array.from(stored!.vector!)).toEqual([Float32Array.from([0.6])[0], Float32Array.from([0.8])[0]]);
      expect((await store.knowledge.getDocument(tenantId, c.document.id))?.titleVector).toBeDefined();
      expect((await store.knowledge.changesSince(cursor, 10)).map((x) => x.op)).toEqual(['vectors']);
      expect((await store.knowledge.unembeddedChunks(100)).some((x) => x.id === newChunk!.id)).toBe(false);
    });

    it('has a data epoch, the same on every read, and a tenant’s newest cursor beside it', async () => {
      const state = await store.knowledge.feedState(tenantId);
      expect(state.epoch).toMatch(/^[0-9a-f-]{36}$/);
      expect((await store.knowledge.feedState('nobody')).epoch).toBe(state.epoch);
      expect(state).toMatchObject({ latestSeq: await store.knowledge.latestChangeSeq(tenantId), horizon: 0 });
      expect((await store.knowledge.feedState('nobody')).latestSeq).toBe(0);
    });

    it('prunes feed rows older than the window that a newer row supersedes, and old deletions, raising the tenant’s horizon', async () => {
      // A store of its own: pruning spans every tenant, and the other cases here read the shared feed.
      const own = await openStore();
      try {
        // Another store is another data epoch.
        expect((await own.knowledge.feedState('t1')).epoch).not.toBe((await store.knowledge.feedState('t1')).epoch);
        await own.tenants.create('t1', 'One');
        await own.tenants.create('t2', 'Two');
        const source = (await own.knowledge.ensureSource('t1', 'upload', 'Uploads')).id;
        const otherSource = (await own.knowledge.ensureSource('t2', 'upload', 'Uploads')).id;
        const put = async (tenant: string, src: string, externalId: string, hash: string) =>
          (await own.knowledge.upsertDocument({ ...doc(externalId, hash, ['text']), tenantId: tenant, sourceId: src })).document;
        const a = await put('t1', source, 'a', 'a1');
        await put('t1', source, 'a', 'a2');
        const b = await put('t1', source, 'b', 'b1');
        await own.knowledge.deleteDocument('t1', b.id);
        const c = await put('t1', source, 'c', 'c1');
        const [cChunk] = await own.knowledge.chunksOf([c.id]);
        await own.knowledge.saveVectors([{ chunkId: cChunk!.id, vector: Float32Array.from([1, 0]) }], []);
        const elsewhere = await put('t2', otherSource, 'x', 'x1');
        await put('t2', otherSource, 'x', 'x2');
        const before = await own.knowledge.changesSince(0, 100);
        const deletion = before.find((ch) => ch.op === 'delete');

        // Nothing is older than an hour ago: nothing goes.
        expect(await own.knowledge.pruneChanges(new Date(Date.now() - 3_600_000))).toBe(0);
        expect(await own.knowledge.feedHorizons()).toEqual(new Map());

        // A window ending in the future makes every row old.
        const later = new Date(Date.now() + 60_000);
        expect(await own.knowledge.pruneChanges(later)).toBe(5);
        const kept = await own.knowledge.changesSince(0, 100, 't1');
        expect(kept.map((ch) => [ch.documentId, ch.op, ch.version])).toEqual([
          [a.id, 'upsert', 2],
          [c.id, 'vectors', 1],
        ]);
        expect((await own.knowledge.changesSince(0, 100, 't2')).map((ch) => [ch.documentId, ch.version])).toEqual([[elsewhere.id, 2]]);
        const state = await own.knowledge.feedState('t1');
        expect(state).toMatchObject({ horizon: deletion!.seq, latestSeq: kept.at(-1)!.seq });
        expect((await own.knowledge.feedState('t2')).horizon).toBe(0);
        expect(await own.knowledge.feedHorizons()).toEqual(new Map([['t1', deletion!.seq]]));

        // Pruning again finds nothing new, and a horizon never moves back.
        expect(await own.knowledge.pruneChanges(later)).toBe(0);
        const d = await put('t1', source, 'd', 'd1');
        await own.knowledge.deleteDocument('t1', d.id);
        expect(await own.knowledge.pruneChanges(new Date(Date.now() + 120_000))).toBe(2);
        expect((await own.knowledge.feedState('t1')).horizon).toBeGreaterThan(deletion!.seq);
      } finally {
        await own.close();
      }
    });

    it('acknowledges a job item in the same transaction as its document, and reports what to retry', async () => {
      const job = await store.ingestJobs.create({ id: 'job_contract', tenantId, sourceId, items: ['x.md', 'y.md', 'z.md'] });
      expect(job.status).toBe('running');
      await store.knowledge.upsertDocument(doc('x', 'hx', ['ex']), { jobId: job.id, item: 'x.md', bytes: 10 });
      await store.ingestJobs.recordError(job.id, { item: 'y.md', code: 'CORRUPT', message: 'not a document' });
      expect(await store.ingestJobs.interruptRunning()).toBe(1);
      const after = await store.ingestJobs.get(tenantId, job.id);
      expect(after).toMatchObject({ status: 'interrupted', done: ['x.md'], bytesDone: 10 });
      expect(pendingItems(after!)).toEqual(['z.md']);
      expect(await store.ingestJobs.get('other', job.id)).toBeUndefined();
    });

    it('keeps metadata such as the embedder that built the vectors', async () => {
      expect(await store.knowledge.getMeta('embedder')).toBeUndefined();
      await store.knowledge.setMeta('embedder', 'use-lite@0.2.0');
      await store.knowledge.setMeta('embedder', 'openai:text-embedding-3-small');
      expect(await store.knowledge.getMeta('embedder')).toBe('openai:text-embedding-3-small');
      await store.knowledge.clearVectors();
      expect((await store.knowledge.countDocuments(tenantId)).embedded).toBe(0);
    });

    it('merges draft feedback per tenant and draft: given values replace, missing ones stay, a new outcome brings its own ratio', async () => {
      const rated = await store.feedback.record({ tenantId, draftId: 'dr-1', tokenId: 'tok-a', rating: 'helpful' });
      expect(rated).toMatchObject({ draftId: 'dr-1', tokenId: 'tok-a', rating: 'helpful', outcome: null, keptRatio: null });
      const sent = await store.feedback.record({ tenantId, draftId: 'dr-1', tokenId: 'tok-b', outcome: 'sent-edited', keptRatio: 0.75 });
      expect(sent).toMatchObject({
        tokenId: 'tok-b',
        rating: 'helpful',
        outcome: 'sent-edited',
        keptRatio: 0.75,
        createdAt: rated.createdAt,
      });
      const rerated = await store.feedback.record({ tenantId, draftId: 'dr-1', tokenId: 'tok-b', rating: 'not-helpful' });
      expect(rerated).toMatchObject({ rating: 'not-helpful', outcome: 'sent-edited', keptRatio: 0.75 });
      const discarded = await store.feedback.record({ tenantId, draftId: 'dr-1', tokenId: 'tok-b', outcome: 'discarded' });
      expect(discarded).toMatchObject({ rating: 'not-helpful', outcome: 'discarded', keptRatio: null });

      await store.feedback.record({ tenantId: 'other', draftId: 'dr-1', tokenId: 'tok-c', outcome: 'sent-as-is' });
      expect(await store.feedback.get(tenantId, 'dr-1')).toMatchObject({ rating: 'not-helpful', outcome: 'discarded' });
      expect(await store.feedback.get('other', 'dr-1')).toMatchObject({ rating: null, outcome: 'sent-as-is' });
      expect(await store.feedback.get(tenantId, 'dr-2')).toBeUndefined();
      expect(await store.feedback.counts(tenantId)).toEqual({ helpful: 0, notHelpful: 1, sentAsIs: 0, sentEdited: 0, discarded: 1 });
      expect(await store.feedback.counts('other')).toEqual({ helpful: 0, notHelpful: 0, sentAsIs: 1, sentEdited: 0, discarded: 0 });
      expect(await store.feedback.counts('nobody')).toEqual({ helpful: 0, notHelpful: 0, sentAsIs: 0, sentEdited: 0, discarded: 0 });
    });

    it('keeps one settings value per workspace and key: the last write wins, other workspaces never see it', async () => {
      expect(await store.settings.get(tenantId, 'assistPolicy')).toBeUndefined();
      await store.settings.put(tenantId, 'assistPolicy', { excludeFlaggedSources: true });
      const updated = await store.settings.put(tenantId, 'assistPolicy', { excludeFlaggedSources: false, note: 'ü' });
      expect(updated.value).toEqual({ excludeFlaggedSources: false, note: 'ü' });
      expect((await store.settings.get(tenantId, 'assistPolicy'))?.value).toEqual({ excludeFlaggedSources: false, note: 'ü' });
      expect(await store.settings.get('other', 'assistPolicy')).toBeUndefined();
      expect(await store.settings.get(tenantId, 'another key')).toBeUndefined();
    });

    it('keeps suggestions per tenant and claims an idempotency key once, replaying the first execution', async () => {
      await store.actions.saveSuggestions([
        {
          id: 'sg-1',
          tenantId,
          ticketId: 't-1',
          action: 'demo.cancelOrder',
          risk: 'write',
          arguments: { orderId: '#1042' },
          flaggedReason: null,
        },
      ]);
      expect((await store.actions.getSuggestion(tenantId, 'sg-1'))?.arguments).toEqual({ orderId: '#1042' });
      expect(await store.actions.getSuggestion('other', 'sg-1')).toBeUndefined();
      const execution = {
        id: 'ex-1',
        tenantId,
        suggestionId: 'sg-1',
        idempotencyKey: 'key-12345678',
        action: 'demo.cancelOrder',
        arguments: { orderId: '#1042' },
        executedBy: 'tok-1',
        executedByRole: 'agent' as const,
      };
      expect(await store.actions.claimExecution(execution)).toEqual({ claimed: true });
      const result = {
        status: 'succeeded' as const,
        suggestionId: 'sg-1',
        action: 'demo.cancelOrder',
        summary: 'Cancelled',
        output: {},
        executedAt: new Date().toISOString(),
      };
      await store.actions.finishExecution('ex-1', result);
      const again = await store.actions.claimExecution({ ...execution, id: 'ex-2' });
      expect(again.claimed).toBe(false);
      if (!again.claimed) expect(again.existing.result).toEqual(result);
      expect((await store.actions.listExecutions(tenantId, 10)).map((e) => e.id)).toEqual(['ex-1']);
      expect(await store.actions.listExecutions('other', 10)).toEqual([]);
    });

    describe('live events', () => {
      const liveEvent = (sourceIdOf: string, id: string, email = 'Ana@Example.com', tenant = tenantId) => ({
        tenantId: tenant,
        sourceId: sourceIdOf,
        id,
        type: 'order.created' as const,
        occurredAt: '2025-03-01T10:00:00+01:00',
        customer: { email },
        data: { orderId: id },
      });
      let liveSourceId: string;
      let otherSourceId: string;

      beforeAll(async () => {
        liveSourceId = (await store.live.createSource(tenantId, 'Shop', 'contract-secret-0123456789')).id;
        otherSourceId = (await store.live.createSource('other', 'Shop')).id;
      });

      it('keeps sources per tenant, unique by name, with the secret only where it is needed', async () => {
        const source = await store.live.getSource(tenantId, liveSourceId);
        expect(source).toMatchObject({ name: 'Shop', secret: 'contract-secret-0123456789' });
        expect((await store.live.getSource('other', otherSourceId))?.secret).toMatch(/^tlsec_.{40,}$/);
        expect(await store.live.getSource('other', liveSourceId)).toBeUndefined();
        await expect(store.live.createSource(tenantId, 'Shop')).rejects.toThrow();
        await expect(store.live.createSource(tenantId, 'Short', 'short')).rejects.toThrow(/16 characters/);
        const listed = await store.live.listSources(tenantId);
        expect(listed.map((s) => s.id)).toEqual([liveSourceId]);
        expect(listed[0]).not.toHaveProperty('secret');
      });

      it('stores an event once: a redelivery, or a repeat within a batch, counts as a duplicate', async () => {
        const first = await store.live.appendBatch([liveEvent(liveSourceId, 'e1'), liveEvent(liveSourceId, 'e2')]);
        expect(first.duplicates).toBe(0);
        expect(first.inserted.map((e) => e.id)).toEqual(['e1', 'e2']);
        expect(first.inserted[0]).toMatchObject({ occurredAt: '2025-03-01T09:00:00.000Z', customer: { email: 'ana@example.com' } });
        const again = await store.live.appendBatch([
          liveEvent(liveSourceId, 'e2'),
          liveEvent(liveSourceId, 'e3'),
          liveEvent(liveSourceId, 'e3'),
        ]);
        expect(again.duplicates).toBe(2);
        expect(again.outcomes[0]).toBeNull();
        expect(again.outcomes[2]).toBeNull();
        expect(again.inserted.map((e) => [e.id, e.seq])).toEqual([['e3', again.outcomes[1]]]);
        expect((await store.live.eventsSince(tenantId, 0, 100)).map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
      });

      it('numbers events with a monotonic seq that resumes a reader where it stopped', async () => {
        const cursor = await store.live.latestSeq(tenantId);
        const batch = await store.live.appendBatch(['m1', 'm2', 'm3'].map((id) => liveEvent(liveSourceId, id)));
        const seqs = batch.inserted.map((e) => e.seq);
        expect(seqs[0]).toBeGreaterThan(cursor);
        expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
        expect(new Set(seqs).size).toBe(3);
        const page = await store.live.eventsSince(tenantId, cursor, 2);
        expect(page.map((e) => e.id)).toEqual(['m1', 'm2']);
        expect((await store.live.eventsSince(tenantId, page[1]!.seq, 10)).map((e) => e.id)).toEqual(['m3']);
        expect(await store.live.latestSeq(tenantId)).toBe(seqs[2]);
      });

      it('keeps tenants apart: the same event id is another event elsewhere, and reads never cross', async () => {
        const elsewhere = await store.live.appendBatch([liveEvent(otherSourceId, 'e1', 'ana@example.com', 'other')]);
        expect(elsewhere.duplicates).toBe(0);
        expect((await store.live.eventsSince('other', 0, 100)).map((e) => [e.tenantId, e.id])).toEqual([['other', 'e1']]);
        expect((await store.live.eventsForCustomer('other', { email: 'ana@example.com' }, 100)).map((e) => e.tenantId)).toEqual(['other']);
        expect(await store.live.eventsSince('nobody', 0, 100)).toEqual([]);
      });

      it('finds a customer’s latest events by email (any case) or external id, oldest first', async () => {
        await store.live.appendBatch([
          { ...liveEvent(liveSourceId, 'x1'), customer: { externalId: 'cus_9' } },
          { ...liveEvent(liveSourceId, 'x2', 'bo@example.com'), sourceVersion: 7 },
        ]);
        const ana = await store.live.eventsForCustomer(tenantId, { email: 'ANA@example.com' }, 2);
        expect(ana.map((e) => e.id)).toEqual(['m2', 'm3']);
        const either = await store.live.eventsForCustomer(tenantId, { email: 'bo@example.com', externalId: 'cus_9' }, 10);
        expect(either.map((e) => e.id)).toEqual(['x1', 'x2']);
        expect(either[0]!.customer).toEqual({ externalId: 'cus_9' });
        expect(either[1]).toMatchObject({ sourceVersion: 7, data: { orderId: 'x2' } });
        expect(await store.live.eventsForCustomer(tenantId, {}, 10)).toEqual([]);
      });
    });

    describeWidgetStoreContract(() => store, tenantId, 'other');
    describeAnalyticsStoreContract(() => store, tenantId, 'other');

    describe('outbound webhooks', () => {
      const t0 = new Date('2025-04-01T12:00:00.000Z');
      const later = (ms: number) => new Date(t0.getTime() + ms);
      let handoffs: string;
      let everything: string;

      beforeAll(async () => {
        handoffs = (await store.outbound.createEndpoint({ tenantId, url: 'https://hooks.example/a', eventTypes: ['handoff.created'] })).id;
        const all = await store.outbound.createEndpoint({
          tenantId,
          url: 'https://hooks.example/b',
          eventTypes: ['handoff.created', 'alert.fired', 'alert.fired'],
        });
        everything = all.id;
        expect(all.secret).toMatch(/^whsec_.{40,}$/);
        expect(all.eventTypes).toEqual(['handoff.created', 'alert.fired']);
      });

      it('lists a workspace’s endpoints without their secrets, and never another’s', async () => {
        const listed = await store.outbound.listEndpoints(tenantId);
        expect(listed.map((e) => e.id)).toEqual([handoffs, everything]);
        expect(listed[0]).not.toHaveProperty('secret');
        expect(await store.outbound.listEndpoints('other')).toEqual([]);
        expect(await store.outbound.disableEndpoint('other', handoffs, t0)).toBe(false);
      });

      it('stores one pending delivery per subscribed endpoint, and none for other types or tenants', async () => {
        const stored = await store.outbound.enqueue({
          tenantId,
          eventId: 'evt_1',
          eventType: 'handoff.created',
          payload: { ticketId: 'T-1' },
          at: t0,
        });
        expect(stored.map((d) => d.endpointId).sort()).toEqual([handoffs, everything].sort());
        expect(stored[0]).toMatchObject({
          status: 'pending',
          attempts: 0,
          eventId: 'evt_1',
          nextAttemptAt: t0.toISOString(),
          createdAt: t0.toISOString(),
        });
        expect(await store.outbound.enqueue({ tenantId, eventId: 'evt_2', eventType: 'action.executed', payload: {}, at: t0 })).toEqual([]);
        expect(
          await store.outbound.enqueue({ tenantId: 'other', eventId: 'evt_3', eventType: 'handoff.created', payload: {}, at: t0 }),
        ).toEqual([]);
        expect(await store.outbound.listDeliveries('other', 10)).toEqual([]);
        expect(await store.outbound.getDelivery('other', stored[0]!.id)).toBeUndefined();
      });

      it('claims due deliveries once, until their lease runs out, with the payload and the endpoint’s secret', async () => {
        expect(await store.outbound.claimDue(later(-1), later(60_000), 10)).toEqual([]);
        const claimed = await store.outbound.claimDue(t0, later(60_000), 10);
        expect(claimed).toHaveLength(2);
        expect(claimed[0]).toMatchObject({ payload: { ticketId: 'T-1' }, endpoint: { disabled: false } });
        expect(claimed[0]!.endpoint.secret).toMatch(/^whsec_/);
        expect(await store.outbound.claimDue(later(59_999), later(120_000), 10)).toEqual([]);
        // The sender died holding them: once the lease is over they are due again.
        expect(await store.outbound.claimDue(later(60_000), later(120_000), 1)).toHaveLength(1);
        expect(await store.outbound.claimDue(later(60_000), later(120_000), 10)).toHaveLength(1);
      });

      it('records outcomes: a retry moves the due time, a final state is never overwritten', async () => {
        const log = await store.outbound.listDeliveries(tenantId, 10);
        const a = log.find((d) => d.endpointId === handoffs)!;
        const b = log.find((d) => d.endpointId === everything)!;
        const done = await store.outbound.record(b.id, {
          status: 'succeeded',
          attempts: 1,
          lastStatusCode: 204,
          lastError: null,
          deliveredAt: later(1),
        });
        expect(done).toMatchObject({ status: 'succeeded', deliveredAt: later(1).toISOString() });
        expect(
          await store.outbound.record(b.id, { status: 'failed', attempts: 2, lastStatusCode: 500, lastError: 'late' }),
        ).toBeUndefined();
        expect(await store.outbound.getDelivery(tenantId, b.id)).toMatchObject({ status: 'succeeded', attempts: 1 });
        const retry = await store.outbound.record(a.id, {
          status: 'pending',
          attempts: 1,
          lastStatusCode: 500,
          lastError: 'HTTP 500',
          nextAttemptAt: later(200_000),
        });
        expect(retry).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500, nextAttemptAt: later(200_000).toISOString() });
        expect(await store.outbound.claimDue(later(199_999), later(300_000), 10)).toEqual([]);
      });

      it('stops queueing for a disabled endpoint, and tells the sender a queued one is disabled', async () => {
        expect(await store.outbound.disableEndpoint(tenantId, handoffs, t0)).toBe(true);
        const stored = await store.outbound.enqueue({
          tenantId,
          eventId: 'evt_4',
          eventType: 'handoff.created',
          payload: {},
          at: later(500_000),
        });
        expect(stored.map((d) => d.endpointId)).toEqual([everything]);
        const due = await store.outbound.claimDue(later(200_000), later(260_000), 10);
        expect(due.map((d) => [d.endpointId, d.endpoint.disabled])).toEqual([[handoffs, true]]);
        expect((await store.outbound.listEndpoints(tenantId))[0]?.disabledAt).toBe(t0.toISOString());
      });
    });
  });
}
