import { demoHelpUrl } from '@tandem/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { loadDemoKnowledge } from './demoKnowledge.js';

describe('demo knowledge', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('loads every demo article and answers a customer question from it', async () => {
    const { jobId, documents } = await loadDemoKnowledge(server.knowledge, 'default');
    await server.knowledge.ingest.settled(jobId);
    await server.knowledge.indexes.settle();
    const report = await server.knowledge.ingest.progress('default', jobId);
    expect(report).toMatchObject({ status: 'succeeded', documentsDone: documents, documentsFailed: 0 });
    const { hits } = await server.knowledge.search('default', { query: 'I was charged twice for my order', k: 3 });
    expect(hits[0]?.title).toBe('Payments and billing');
    expect(hits[0]?.text).toContain('refund the duplicate');
  });

  it('stores each article as its demo help page when the demo shop serves them, so citations link to it', async () => {
    const shop = await startTestServer();
    try {
      const { jobId } = await loadDemoKnowledge(shop.knowledge, 'default', (name) => demoHelpUrl('http://localhost:8787/', name));
      await shop.knowledge.ingest.settled(jobId);
      await shop.knowledge.indexes.settle();
      const { hits } = await shop.knowledge.search('default', { query: 'I was charged twice for my order', k: 3 });
      expect(hits[0]?.title).toBe('Payments and billing');
      expect(hits[0]?.url).toBe('http://localhost:8787/demo/help/payments-and-billing');
    } finally {
      await shop.close();
    }
  });
});
