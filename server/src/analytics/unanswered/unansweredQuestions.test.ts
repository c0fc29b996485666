// The unanswered-questions service over a real PGlite store: with the shipped USE-lite embedder the
// widget's unanswered questions are clustered by meaning; when the embedder fails the same
// questions are clustered by words, a warning is logged without the questions' text, and the
// report still comes back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UseLiteEmbedder } from '../../knowledge/embedding/useLiteEmbedder.js';
import { openPgliteDatabase } from '../../storage/pglite/pgliteDatabase.js';
import { storeOn, type Store } from '../../storage/store.js';
import { unansweredQuestions } from './unansweredQuestions.js';

let store: Store;
const embedder = new UseLiteEmbedder();
const period = () => ({ from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() });

async function unanswered(visitorId: string, text: string): Promise<void> {
  const { conversation } = await store.widget.conversations.openOrCreate({
    tenantId: 'acme',
    siteId: 'ws_svc',
    visitorId,
    visitorUserId: null,
    visitorName: null,
    channel: 'widget',
  });
  const append = (message: Parameters<Store['widget']['conversations']['append']>[0]['message'], change = {}) =>
    store.widget.conversations.append({ tenantId: 'acme', conversationId: conversation.id, message, change });
  await append({ author: 'visitor', kind: 'message', text });
  await append(
    { author: 'system', kind: 'handoff', data: { reason: 'no-answer' } },
    { status: 'waiting-for-human', handoffReason: 'no-answer' },
  );
}

beforeAll(async () => {
  store = await storeOn(await openPgliteDatabase());
  await store.tenants.create('acme', 'Acme');
  await store.widget.sites.create({
    id: 'ws_svc',
    tenantId: 'acme',
    siteKey: 'pk_unansweredservice001',
    name: 'Service site',
    allowedOrigins: ['https://shop.example'],
    theme: {},
    confidenceThreshold: 0.6,
    suggestedQuestions: [],
    identitySecretSealed: 'sealed',
  });
  await unanswered('vis_1', 'When will my package arrive?');
  await unanswered('vis_2', 'Where is my delivery?');
  await unanswered('vis_3', 'How do I reset my password?');
});
afterAll(async () => {
  await embedder.close();
  await store.close();
});

describe('unansweredQuestions', () => {
  it('clusters by meaning with the embedder', async () => {
    const service = unansweredQuestions({
      analytics: store.analytics,
      conversations: store.widget.conversations,
      embedder,
      log: { warn: (...args: unknown[]) => expect.unreachable(JSON.stringify(args)) },
    });
    const report = await service.list('acme', period(), 10);
    expect(report).toMatchObject({ total: 3, method: 'embedding' });
    expect(report.clusters.map((c) => c.count)).toEqual([2, 1]);
    expect(report.clusters[0]?.reasons).toEqual({ 'no-answer': 2 });
  });

  it('falls back to words when the embedder fails, and logs no question text', async () => {
    const dead = new UseLiteEmbedder();
    await dead.close();
    const warnings: unknown[] = [];
    const service = unansweredQuestions({
      analytics: store.analytics,
      conversations: store.widget.conversations,
      embedder: dead,
      log: { warn: (...args: unknown[]) => void warnings.push(args) },
    });
    const report = await service.list('acme', period(), 10);
    expect(report).toMatchObject({ total: 3, method: 'lexical' });
    expect(report.clusters.map((c) => c.count)).toEqual([1, 1, 1]);
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings)).not.toMatch(/package|delivery|password/);
  });
});
