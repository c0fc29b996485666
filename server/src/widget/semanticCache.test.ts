// The semantic cache with the real offline embedder (USE-lite, as retrieval uses it): a paraphrase
// takes the cached answer, a near-miss does not; workspaces and sites never share; an edited or
// deleted cited document ends the entry; follow-ups are neither looked up nor cached; memory is
// bounded per workspace; entries expire.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UseLiteEmbedder } from '../knowledge/embedding/useLiteEmbedder.js';
import { createLogger } from '../logging/logger.js';
import { chunkIdOf } from '../storage/knowledgeRepo.js';
import type { AnswerCacheFill, CachedAnswer } from './answerCache.js';
import { createSemanticCache, DEFAULT_CACHE_LIMITS, type QuestionEmbedder } from './semanticCache.js';

const log = createLogger('silent');
let embedder: UseLiteEmbedder;
/** The workspace's knowledge: document id → current version (absent once deleted). */
const knowledge = new Map<string, Map<string, number>>();
let embedCalls = 0;
let counting: QuestionEmbedder;

beforeAll(() => {
  embedder = new UseLiteEmbedder();
  counting = {
    id: embedder.id,
    embed: (texts) => {
      embedCalls += 1;
      return embedder.embed(texts);
    },
  };
});
afterAll(() => embedder.close());

function answer(text: string, documentId = 'doc_orders', version = 1): CachedAnswer {
  return {
    text,
    citations: [{ n: 1, title: 'Orders', documentId, chunkId: chunkIdOf(documentId, version, 0) }],
    confidence: 0.6,
    language: 'en',
  };
}

function cache(overrides: { maxEntriesPerWorkspace?: number; maxAgeMs?: number } = {}, now?: () => number) {
  return createSemanticCache(
    {
      embedder: counting,
      versions: (tenantId, ids) => {
        const docs = knowledge.get(tenantId) ?? new Map<string, number>();
        return Promise.resolve(new Map(ids.flatMap((id) => (docs.has(id) ? [[id, docs.get(id) as number] as const] : []))));
      },
      log,
      ...(now === undefined ? {} : { now }),
    },
    { ...DEFAULT_CACHE_LIMITS, ...overrides, similarity: 0.8 },
  );
}

const ask = (question: string, tenantId = 'ws_a', siteId = 'site_1', earlierQuestions = 0) => ({
  tenantId,
  siteId,
  question,
  earlierQuestions,
});
const fill = (question: string, cached: CachedAnswer, tenantId = 'ws_a', siteId = 'site_1'): AnswerCacheFill => ({
  ...ask(question, tenantId, siteId),
  answer: cached,
});

describe('semantic cache', () => {
  beforeAll(() => {
    knowledge.set(
      'ws_a',
      new Map([
        ['doc_orders', 1],
        ['doc_returns', 1],
      ]),
    );
    knowledge.set('ws_b', new Map([['doc_orders', 1]]));
  });

  it('answers a reworded, misspelt or reordered question, and words alone decide without an embedding', async () => {
    const c = cache();
    const cancel = answer('Orders can be cancelled from Orders until they are packed. [1]');
    await c.fill(fill('How do I cancel my order?', cancel));
    const before = embedCalls;
    expect(await c.lookup(ask('how do I cancle my ordr'))).toEqual(cancel);
    expect(await c.lookup(ask('HOW DO I CANCEL MY ORDER??'))).toEqual(cancel);
    expect(embedCalls).toBe(before);
    await c.fill(fill('How can I change my email address?', answer('Go to Settings → Account. [1]')));
    expect((await c.lookup(ask('How can I change the email address on my account?')))?.text).toBe('Go to Settings → Account. [1]');
    expect(c.stats()).toMatchObject({ hits: 3, lexicalHits: 2 });
  }, 60_000);

  it('takes the embedding of the question a visitor typed when they send exactly that text, for that visitor only', async () => {
    const c = cache();
    const typed = (visitorKey: string, text: string) => c.prepare({ tenantId: 'ws_a', siteId: 'site_1', visitorKey, text });
    // Nothing cached in the workspace yet: a preview costs nothing.
    await typed('v1', 'How can I change the email address on my account?');
    expect(c.stats().previews).toBe(0);

    await c.fill(fill('How can I change my email address?', answer('Go to Settings → Account. [1]')));
    const question = 'How can I change the email address on my account?';
    const before = embedCalls;
    await Promise.all([typed('v1', question), typed('v1', question)]);
    expect(await c.lookup({ ...ask(question), visitorKey: 'v1' })).toBeDefined();
    // One embedding, the preview's: the second preview of the same text and the lookup made none.
    expect(embedCalls).toBe(before + 1);
    expect(c.stats()).toMatchObject({ previews: 1, preparedHits: 1 });

    // Another visitor's lookup of the same text embeds it itself; so does v1's once the preview was used.
    expect(await c.lookup({ ...ask(question), visitorKey: 'v2' })).toBeDefined();
    expect(await c.lookup({ ...ask(question), visitorKey: 'v1' })).toBeDefined();
    expect(embedCalls).toBe(before + 3);
    // A sent text other than the typed one is embedded as sent.
    await typed('v3', 'How can I change the email on my account');
    expect(await c.lookup({ ...ask(question), visitorKey: 'v3' })).toBeDefined();
    expect(embedCalls).toBe(before + 5);
    expect(c.stats()).toMatchObject({ previews: 2, preparedHits: 1 });
  }, 60_000);

  it('does not answer a question with the same words that asks something else', async () => {
    const c = cache();
    await c.fill(fill('How do I cancel my order?', answer('Cancel from Orders. [1]')));
    await c.fill(fill('Is shipping free on orders over 50 EUR?', answer('Yes, over 50 EUR. [1]')));
    await c.fill(fill('What does the warranty not cover?', answer('Normal wear. [1]', 'doc_returns')));
    expect(await c.lookup(ask('How do I cancel my subscription?'))).toBeUndefined();
    expect(await c.lookup(ask('How do I change my order?'))).toBeUndefined();
    expect(await c.lookup(ask('Is shipping free on orders over 30 EUR?'))).toBeUndefined();
    expect(await c.lookup(ask('What does the warranty cover?'))).toBeUndefined();
    expect(c.stats()).toMatchObject({ hits: 0, misses: 4 });
  }, 60_000);

  it('never answers another workspace, another site or the API from a site’s entry', async () => {
    const c = cache();
    await c.fill(fill('How do I cancel my order?', answer('Cancel from Orders. [1]')));
    expect(await c.lookup(ask('How do I cancel my order?', 'ws_b'))).toBeUndefined();
    expect(await c.lookup(ask('How do I cancel my order?', 'ws_a', 'site_2'))).toBeUndefined();
    expect(await c.lookup({ ...ask('How do I cancel my order?'), siteId: undefined })).toBeUndefined();
    expect(await c.lookup(ask('How do I cancel my order?'))).toBeDefined();
  });

  it('drops an answer once a cited document has a new version or is deleted', async () => {
    const c = cache();
    knowledge.get('ws_a')?.set('doc_edit', 2);
    knowledge.get('ws_a')?.set('doc_gone', 1);
    await c.fill(fill('How long does a refund take?', answer('5 business days. [1]', 'doc_edit', 2)));
    await c.fill(fill('Can I return a gift card?', answer('Gift cards cannot be returned. [1]', 'doc_gone', 1)));
    expect(await c.lookup(ask('How long does a refund take?'))).toBeDefined();
    knowledge.get('ws_a')?.set('doc_edit', 3);
    knowledge.get('ws_a')?.delete('doc_gone');
    expect(await c.lookup(ask('How long does a refund take?'))).toBeUndefined();
    expect(await c.lookup(ask('Can I return a gift card?'))).toBeUndefined();
    expect(c.stats()).toMatchObject({ invalidated: 2, entries: 0 });
  });

  it('neither looks up nor caches a follow-up, nor an answer that cites nothing', async () => {
    const c = cache();
    await c.fill({ ...ask('And how long does that take?', 'ws_a', 'site_1', 1), answer: answer('A day. [1]') });
    await c.fill(fill('How do I cancel my order?', { ...answer('Cancel from Orders.'), citations: [] }));
    expect(c.stats().entries).toBe(0);
    await c.fill(fill('How do I cancel my order?', answer('Cancel from Orders. [1]')));
    expect(await c.lookup(ask('How do I cancel my order?', 'ws_a', 'site_1', 2))).toBeUndefined();
    expect(c.stats()).toMatchObject({ followUps: 1, hits: 0 });
  });

  it('keeps at most its cap per workspace, the least recently used going first, and lets entries expire', async () => {
    let clock = 0;
    const c = cache({ maxEntriesPerWorkspace: 2, maxAgeMs: 1000 }, () => clock);
    await c.fill(fill('How do I cancel my order?', answer('one [1]')));
    await c.fill(fill('Why did my payment fail?', answer('two [1]')));
    await c.lookup(ask('How do I cancel my order?'));
    await c.fill(fill('Where can I download my invoice?', answer('three [1]')));
    expect(c.stats()).toMatchObject({ entries: 2, evicted: 1 });
    expect(await c.lookup(ask('Why did my payment fail?'))).toBeUndefined();
    expect((await c.lookup(ask('How do I cancel my order?')))?.text).toBe('one [1]');
    clock = 5000;
    expect(await c.lookup(ask('How do I cancel my order?'))).toBeUndefined();
    expect(c.stats()).toMatchObject({ expired: 2, entries: 0 });
  });

  it('replaces the older answer to the same question instead of keeping both', async () => {
    const c = cache();
    await c.fill(fill('How do I cancel my order?', answer('old [1]')));
    await c.fill(fill('how do I cancel my order', answer('new [1]')));
    expect(c.stats().entries).toBe(1);
    expect((await c.lookup(ask('How do I cancel my order?')))?.text).toBe('new [1]');
  });
});
