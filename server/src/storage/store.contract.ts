/**
 * The behaviour every storage driver must show, as one suite: run it against each driver
 * (PGlite here; PostgreSQL when the scale-out work adds that driver).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingItems } from './ingestJobsRepo.js';
import type { Store } from './store.js';

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
  });
}
