// The semantic cache in the widget, over real HTTP with the server's own embedder (USE-lite): a
// paraphrase of an answered question gets the stored answer at once (no drafting: no typing, no
// tokens); a near-miss, another workspace, an edited or deleted cited article, and a verified
// visitor's conversation all get a fresh draft, and a verified visitor's answer is never cached.
import type { WidgetEvent } from '@tandem/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverClient, type ServerClient } from '../../cli/serverClient.js';
import { loadConfig } from '../../config/env.js';
import { UseLiteEmbedder } from '../../knowledge/embedding/useLiteEmbedder.js';
import { createLogger } from '../../logging/logger.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { has, typesOf, WidgetClient, type StreamItem } from '../../testing/widgetClient.js';
import type { AnswerCache } from '../../widget/answerCache.js';
import { identityHash } from '../../widget/identity.js';
import { createSemanticCache, DEFAULT_CACHE_LIMITS, type SemanticCacheStats } from '../../widget/semanticCache.js';

const ORIGIN = 'https://shop.example';
const MIA = 'mia@example.com';
const BO = 'bo@example.com';

const articles = [
  {
    id: 'password',
    title: 'Resetting your password',
    body: 'To reset your password, open Settings, choose Security and click Reset password. A link arrives by email within a minute.',
    url: 'https://help.example.com/password',
    updated_at: '2026-01-01T00:00:00Z',
  },
  {
    id: 'email',
    title: 'Changing your email address',
    body: 'To change your email address, open Settings, choose Account, edit the email address and confirm it from the message we send.',
    url: 'https://help.example.com/email',
    updated_at: '2026-01-01T00:00:00Z',
  },
  {
    id: 'invoices',
    title: 'Invoices',
    body: 'Every order has a downloadable VAT invoice. Open Orders, choose the order and click Invoice to download it as a PDF.',
    url: 'https://help.example.com/invoices',
    updated_at: '2026-01-01T00:00:00Z',
  },
  {
    id: 'refunds',
    title: 'When refunds arrive',
    body: 'Refunds reach your card within 5 business days after we receive the returned item. We email you when the refund is issued.',
    url: 'https://help.example.com/refunds',
    updated_at: '2026-01-01T00:00:00Z',
  },
];

let server: TestServer;
let api: ServerClient;
let widget: WidgetClient;
let secret: string;
/** Fills still running: the cache is filled after the answer is sent (the question is embedded then). */
const filling = new Set<Promise<void>>();
let cacheStats: () => SemanticCacheStats;

type Answer = Extract<WidgetEvent, { type: 'answer' }>;

/** Asks one question in a new conversation of a new visitor; what the stream showed until the answer or a handoff. */
async function ask(client: WidgetClient, question: string, session: Record<string, unknown> = {}) {
  const { visitorToken } = await client.session(session);
  const conversationId = await client.conversation(visitorToken);
  const stream = client.stream(visitorToken);
  await stream.waitFor(has('conversation'));
  expect((await client.send(visitorToken, conversationId, question)).status).toBe(202);
  const items = await stream.waitFor((seen) => has('answer')(seen) || has('handoff')(seen), 60_000);
  stream.close();
  const answer = items.find((i): i is StreamItem & { event: Answer } => i.event.type === 'answer')?.event;
  // The fill starts as the answer is stored, before it can reach this stream; let it finish.
  await new Promise((resolve) => setImmediate(resolve));
  await Promise.all([...filling]);
  return { drafted: typesOf(items).includes('typing'), answer };
}

beforeAll(async () => {
  // The cache as widgetPlugin builds it from the configuration (on the server's query embedder and
  // store), seen through a wrapper that only lets the test wait for fills in flight.
  const base = new UseLiteEmbedder();
  const semantic = createSemanticCache(
    {
      embedder: { id: base.id, embed: (texts) => (server.knowledge.embedder ?? base).embed(texts) },
      versions: async (tenantId, ids) =>
        new Map((await server.store.knowledge.documentsByIds(tenantId, ids)).map((d) => [d.id, d.version])),
      log: createLogger('silent'),
    },
    { ...DEFAULT_CACHE_LIMITS, similarity: loadConfig({}).widget.cache.similarity },
  );
  cacheStats = () => semantic.stats();
  const cache: AnswerCache = {
    lookup: (request) => semantic.lookup(request),
    prepare: (preview) => semantic.prepare(preview),
    fill: (entry) => {
      const fill = semantic.fill(entry).finally(() => filling.delete(fill));
      filling.add(fill);
      return fill;
    },
  };
  server = await startTestServer({ TANDEM_DEMO_STORE: 'false' }, { embedder: base, widget: { cache } });
  api = serverClient({ url: server.url, token: server.adminToken });
  await api.knowledge.articles.upsert.mutate({ articles });
  const site = await api.widget.sites.create.mutate({ name: 'Shop', allowedOrigins: [ORIGIN], confidenceThreshold: 0.4 });
  secret = site.identitySecret;
  widget = new WidgetClient(server.url, site.siteKey, ORIGIN);
}, 120_000);
afterAll(async () => {
  await server.close();
});

describe('widget semantic cache', () => {
  it('gives a paraphrase the stored answer without drafting, and a near-miss a draft of its own', async () => {
    const first = await ask(widget, 'How can I change my email address?');
    expect(first.drafted).toBe(true);
    expect(first.answer?.message.text).toContain('Account');

    const reworded = await ask(widget, 'How can I change the email address on my account?');
    expect(reworded.drafted).toBe(false);
    expect(reworded.answer?.message.text).toBe(first.answer?.message.text);
    expect(reworded.answer?.message.citations).toEqual(first.answer?.message.citations);

    const misspelt = await ask(widget, 'how can i chnage my emial address');
    expect(misspelt.drafted).toBe(false);

    const nearMiss = await ask(widget, 'How can I change my password?');
    expect(nearMiss.drafted).toBe(true);
  }, 180_000);

  it('takes a typed preview: the sent question finds its embedding ready; a bad or anonymous preview is refused', async () => {
    await ask(widget, 'How do I update my billing address?');
    const { visitorToken } = await widget.session();
    const conversationId = await widget.conversation(visitorToken);
    const question = 'How can I update the billing address on my account?';
    const preview = (body: unknown, token: string | undefined = visitorToken) => widget.request('POST', '/preview', { token, body });
    expect((await preview({ text: question })).status).toBe(204);
    expect((await preview({ text: '' })).status).toBe(400);
    expect((await preview({ text: 'x'.repeat(2_001) })).status).toBe(400);
    expect((await preview({ text: question }, `${visitorToken}x`)).status).toBe(401);
    const before = cacheStats();
    const stream = widget.stream(visitorToken);
    await stream.waitFor(has('conversation'));
    expect((await widget.send(visitorToken, conversationId, question)).status).toBe(202);
    const items = await stream.waitFor(has('answer'), 60_000);
    stream.close();
    expect(typesOf(items)).not.toContain('typing');
    expect(before.previews).toBeGreaterThan(0);
    expect(cacheStats()).toMatchObject({ previews: before.previews, preparedHits: before.preparedHits + 1 });
  }, 180_000);

  it('never answers another workspace from this one’s cache', async () => {
    await ask(widget, 'When will I get my refund?');
    expect((await ask(widget, 'My refund, when will I receive it?')).drafted).toBe(false);

    const otherToken = await server.createTenant('ws_other', 'Other shop');
    const other = serverClient({ url: server.url, token: otherToken });
    await other.knowledge.articles.upsert.mutate({ articles });
    const site = await other.widget.sites.create.mutate({ name: 'Other', allowedOrigins: [ORIGIN], confidenceThreshold: 0.4 });
    const otherWidget = new WidgetClient(server.url, site.siteKey, ORIGIN);
    const answered = await ask(otherWidget, 'When will I get my refund?');
    expect(answered.drafted).toBe(true);
  }, 180_000);

  it('drafts again once the cited article is edited, and once it is deleted', async () => {
    const first = await ask(widget, 'How do I reset my password?');
    expect(first.drafted).toBe(true);
    expect((await ask(widget, 'how do i rest my pasword')).drafted).toBe(false);

    const edited = {
      ...(articles[0] as (typeof articles)[number]),
      body: 'To reset your password, open Profile, choose Sign-in and click Reset. A link arrives by email.',
    };
    await api.knowledge.articles.upsert.mutate({ articles: [edited] });
    const afterEdit = await ask(widget, 'How do I reset my password?');
    expect(afterEdit.drafted).toBe(true);
    expect(afterEdit.answer?.message.text).toContain('Profile');
    expect((await ask(widget, 'How do I reset my password?')).drafted).toBe(false);

    await api.knowledge.articles.delete.mutate({ ids: ['password'] });
    const afterDelete = await ask(widget, 'How do I reset my password?');
    expect(afterDelete.drafted || afterDelete.answer === undefined).toBe(true);
    expect(afterDelete.answer?.message.text ?? '').not.toContain('Profile');
  }, 180_000);

  it('neither looks up nor fills for a verified visitor', async () => {
    // One verified user each: a verified visitor keeps one open conversation on every device.
    const verified = (userId: string) => ({ identity: { userId, userHash: identityHash(secret, userId) } });
    // Cached by an anonymous visitor, still drafted for the verified one.
    await ask(widget, 'How can I change my email address?');
    expect((await ask(widget, 'How can I change my email address?', verified(MIA))).drafted).toBe(true);
    // Answered for the verified visitor first: not cached for anyone.
    const own = await ask(widget, 'Where can I download my invoice?', verified(BO));
    expect(own.answer?.message.text).toContain('Invoice');
    const anonymous = await ask(widget, 'Where can I download my invoice?');
    expect(anonymous.drafted).toBe(true);
    expect(anonymous.answer).toBeDefined();
    expect((await ask(widget, 'Where can I download my invoice?')).drafted).toBe(false);
  }, 180_000);
});
