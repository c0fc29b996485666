// The widget end to end over real HTTP, as the bundle and the agents' console use it: a question
// gets a streamed, cited answer; an unanswerable one hands off (and the workspace's systems hear
// of it); after a handoff the AI stays silent until a person hands the conversation back; a
// person's reply reaches the visitor's open stream with their name, and interrupts an answer being
// written; a change the visitor asks for becomes a handoff with the action pre-filled and is never
// run; closing asks for a rating, which is stored.
import type { WidgetEvent } from '@tandem/shared';
import { once } from 'node:events';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ActionDefinition } from '../../assist/actions/actionDefinition.js';
import type { ActionCatalog } from '../../assist/actions/suggestActions.js';
import type { Drafter } from '../../assist/drafting/drafter.js';
import { EmbeddedDrafter } from '../../assist/drafting/embeddedDrafter.js';
import { serverClient, type ServerClient } from '../../cli/serverClient.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { has, typesOf, WidgetClient, type StreamItem } from '../../testing/widgetClient.js';

const ORIGIN = 'https://shop.example';
const executed: unknown[] = [];
const refundOrder: ActionDefinition = {
  name: 'store.refundOrder',
  title: 'Refund an order',
  description: 'Refund the paid amount of an order to the original payment method',
  risk: 'write',
  allowedRoles: ['agent', 'lead', 'admin'],
  argumentsSchema: z.object({ orderId: z.string().regex(/^#\d+$/) }),
  prefill: ({ ticket }) => {
    const order = /#\d+/.exec(ticket.messages.map((m) => m.body).join(' '))?.[0];
    return order === undefined ? undefined : { orderId: order };
  },
  execute: (args) => {
    executed.push(args);
    return Promise.resolve({ summary: 'refunded', output: {} });
  },
};
const catalog: ActionCatalog = { list: () => [refundOrder], get: (name) => (name === refundOrder.name ? refundOrder : undefined) };

/** The embedded drafter, except that a message asking to answer "slowly" gets a reply written a sentence every 300 ms. */
const embedded = new EmbeddedDrafter();
const drafter: Drafter = {
  kind: 'llm',
  async *draft(request, signal) {
    const last = request.conversation.findLast((t) => t.role === 'customer')?.text ?? '';
    if (!/slowly/i.test(last)) {
      yield* embedded.draft(request, signal);
      return;
    }
    for (let i = 1; i <= 20 && !signal.aborted; i += 1) {
      yield { kind: 'token', text: `Refunds reach your card within 5 business days, part ${i}. [1] ` };
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  },
};

let server: TestServer;
let api: ServerClient;
let widget: WidgetClient;
let receiver: Server;
const hooks: { type: string; data: Record<string, unknown> }[] = [];

const ofType = <T extends WidgetEvent['type']>(items: readonly StreamItem[], type: T) =>
  items.filter((i): i is StreamItem & { event: Extract<WidgetEvent, { type: T }> } => i.event.type === type);
const settleMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function visitorWithConversation() {
  const { visitorToken } = await widget.session();
  const conversationId = await widget.conversation(visitorToken);
  const stream = widget.stream(visitorToken);
  await stream.waitFor(has('conversation'));
  return { token: visitorToken, conversationId, stream };
}

beforeAll(async () => {
  receiver = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hooks.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { type: string; data: Record<string, unknown> });
      res.writeHead(200).end();
    });
  });
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  server = await startTestServer(
    { TANDEM_DEMO_STORE: 'false', TANDEM_ALLOW_PRIVATE_URLS: 'true' },
    { assist: { actions: catalog, llm: drafter }, widget: { rateLimits: { messagesPerVisitor: { capacity: 100, refillPerSecond: 10 } } } },
  );
  api = serverClient({ url: server.url, token: server.adminToken });
  await api.live.outbound.create.mutate({
    url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`,
    eventTypes: ['handoff.created'],
  });
  await api.knowledge.articles.upsert.mutate({
    articles: [
      {
        id: 'refunds',
        title: 'When refunds arrive',
        body: 'Refunds reach your card within 5 business days after we receive the returned item. We email you when the refund is issued.',
        url: 'https://help.example.com/refunds',
        updated_at: '2026-01-01T00:00:00Z',
      },
      {
        id: 'password',
        title: 'Resetting your password',
        body: 'To reset your password, open Settings, choose Security and click Reset password. A link arrives by email within a minute.',
        url: 'https://help.example.com/password',
        updated_at: '2026-01-01T00:00:00Z',
      },
    ],
  });
  const site = await api.widget.sites.create.mutate({ name: 'Shop', allowedOrigins: [ORIGIN], confidenceThreshold: 0.4 });
  widget = new WidgetClient(server.url, site.siteKey, ORIGIN);
}, 120_000);
afterAll(async () => {
  await server.close();
  receiver.close();
});

describe('widget answers', () => {
  it('streams a cited answer: tokens first, then the whole answer with its citations and confidence, stored for a reload', async () => {
    const { token, conversationId, stream } = await visitorWithConversation();
    const sent = await widget.send(token, conversationId, 'How do I reset my password?');
    expect(sent.status).toBe(202);
    const items = await stream.waitFor(has('answer'));
    stream.close();
    expect(typesOf(items).slice(0, 3)).toEqual(['conversation', 'message', 'typing']);
    const tokens = ofType(items, 'token').map((i) => i.event.text);
    const [answer] = ofType(items, 'answer');
    expect(tokens.length).toBeGreaterThan(0);
    expect(answer?.event.message.text).toBe(tokens.join(''));
    expect(answer?.event.message.text).toContain('Settings');
    expect(answer?.event.message.citations).toContainEqual({
      n: 1,
      title: 'Resetting your password',
      url: 'https://help.example.com/password',
    });
    expect(answer?.event.message.confidence).toBeGreaterThanOrEqual(0.4);
    expect(ofType(items, 'handoff')).toEqual([]);
    // Lasting events are numbered in the conversation; the answer's tokens carry the number of the message they answer.
    expect(items.map((i) => i.id)).toEqual([
      `${conversationId}.0`,
      `${conversationId}.1`,
      ...tokens.concat('typing').map((_, n) => `${conversationId}.1.${n}`),
      `${conversationId}.2`,
    ]);

    const history = await widget.request<{
      events: { id: string; event: WidgetEvent }[];
      lastEventId: string;
      conversation: { status: string };
    }>('GET', `/conversations/${conversationId}`, { token });
    expect(history.status).toBe(200);
    expect(history.body.events.map((e) => e.event.type)).toEqual(['message', 'answer']);
    expect(history.body).toMatchObject({ lastEventId: `${conversationId}.2`, conversation: { status: 'ai' } });
  }, 60_000);

  it('resumes a dropped stream after its last event id: nothing twice, nothing missed', async () => {
    const { token, conversationId, stream } = await visitorWithConversation();
    stream.close();
    await widget.send(token, conversationId, 'How do I reset my password?');
    const whole = widget.stream(token);
    const all = await whole.waitFor(has('answer'));
    whole.close();
    const cut = all.findIndex((i) => i.event.type === 'token');
    const resumed = widget.stream(token, { lastEventId: all[cut]?.id ?? '' });
    const rest = await resumed.waitFor(has('answer'));
    resumed.close();
    // The answer in progress may have finished meanwhile: then the stored answer follows at once, else the remaining tokens.
    expect(rest.map((i) => i.id)).toEqual(
      all
        .slice(cut + 1)
        .map((i) => i.id)
        .filter((id) => rest.some((r) => r.id === id)),
    );
    expect(rest.at(-1)?.event).toEqual(all.at(-1)?.event);
  }, 60_000);
});

describe('handoffs', () => {
  it('hands off a question the knowledge base cannot answer, without a token, and tells the workspace’s systems', async () => {
    const { token, conversationId, stream } = await visitorWithConversation();
    await widget.send(token, conversationId, 'Do you sell helicopters on Mars?');
    const items = await stream.waitFor(has('handoff'));
    expect(ofType(items, 'handoff')[0]?.event.reason).toBe('no-answer');
    expect(typesOf(items)).not.toContain('token');
    await expect
      .poll(() => hooks.find((h) => h.data['conversationId'] === conversationId), { timeout: 10_000 })
      .toMatchObject({
        type: 'handoff.created',
        data: { reason: 'no-answer', channel: 'widget', verified: false },
      });
    const queue = await api.widget.queue.list.query({});
    expect(queue.find((q) => q.conversationId === conversationId)).toMatchObject({
      status: 'waiting-for-human',
      handoffReason: 'no-answer',
      siteName: 'Shop',
      lastMessage: { author: 'visitor', text: 'Do you sell helicopters on Mars?' },
    });
    stream.close();
  }, 60_000);

  it('hands a clearly upset visitor to a person before drafting, and tells agents watching the queue', async () => {
    const changes: { conversationId: string; status: string; change: string }[] = [];
    const subscription = api.widget.queue.watch.subscribe({}, { onData: ({ data }) => changes.push(data) });
    await settleMs(300);
    const { token, conversationId, stream } = await visitorWithConversation();
    await widget.send(
      token,
      conversationId,
      'This is absolutely ridiculous, I am furious! My refund still has not reached my card after three weeks. Worst service ever!!!',
    );
    const items = await stream.waitFor(has('handoff'));
    stream.close();
    expect(ofType(items, 'handoff')[0]?.event.reason).toBe('negative-sentiment');
    expect(typesOf(items)).not.toContain('token');
    await expect
      .poll(() => changes.filter((c) => c.conversationId === conversationId).map((c) => [c.change, c.status]), { timeout: 5_000 })
      .toEqual([
        ['status', 'ai'],
        ['message', 'ai'],
        ['status', 'waiting-for-human'],
      ]);
    subscription.unsubscribe();
    expect((await api.widget.conversations.get.query({ conversationId })).analysis).toMatchObject({ sentiment: 'negative' });
  }, 60_000);

  it('stays silent after a handoff until a person hands back; a person’s reply reaches the widget with their name', async () => {
    const { token, conversationId, stream } = await visitorWithConversation();
    await widget.send(token, conversationId, 'I want to talk to a real person please');
    await stream.waitFor(has('handoff'));
    expect(ofType(stream.items, 'handoff')[0]?.event.reason).toBe('asked-for-human');
    expect(typesOf(stream.items)).not.toContain('typing');

    // A question the AI could answer: after the handoff, it is stored and shown to agents, and no AI answer comes.
    await widget.send(token, conversationId, 'How do I reset my password?');
    await stream.waitFor(has('message', 2));
    await settleMs(1500);
    expect(typesOf(stream.items).filter((t) => ['typing', 'token', 'answer'].includes(t))).toEqual([]);
    const detail = await api.widget.conversations.get.query({ conversationId });
    expect(detail.transcript.map((t) => [t.author, t.kind])).toEqual([
      ['visitor', 'message'],
      ['system', 'handoff'],
      ['visitor', 'message'],
    ]);
    expect(detail.conversation).toMatchObject({
      status: 'waiting-for-human',
      handoffReason: 'asked-for-human',
      visitor: { verified: false },
    });
    expect(detail.live).toBeNull();

    const reply = await api.widget.conversations.reply.mutate({ conversationId, text: 'Hi, Mia here. Let me look.', displayName: 'Mia' });
    expect(reply).toMatchObject({ author: 'human', authorName: 'Mia' });
    const human = (await stream.waitFor(has('human'))).find((i) => i.event.type === 'human');
    expect(human?.event).toMatchObject({ type: 'human', message: { text: 'Hi, Mia here. Let me look.', agent: { name: 'Mia' } } });
    const whileHuman = await widget.request<{ conversation: { status: string; agent?: { name: string } } }>(
      'GET',
      `/conversations/${conversationId}`,
      { token },
    );
    expect(whileHuman.body.conversation).toMatchObject({ status: 'human', agent: { name: 'Mia' } });

    await widget.send(token, conversationId, 'How do I reset my password? Thanks');
    await stream.waitFor(has('message', 3));
    await settleMs(1500);
    expect(typesOf(stream.items).filter((t) => ['typing', 'token', 'answer'].includes(t))).toEqual([]);

    await api.widget.conversations.handBack.mutate({ conversationId });
    await stream.waitFor(has('handback'));
    await widget.send(token, conversationId, 'How do I reset my password?');
    const after = await stream.waitFor(has('answer'));
    stream.close();
    expect(typesOf(after).slice(-1)).toEqual(['answer']);
    await expect(api.widget.conversations.handBack.mutate({ conversationId })).rejects.toThrow(/handed back/);
  }, 90_000);

  it('drops the answer being written when a person replies, and says nothing more', async () => {
    const { token, conversationId, stream } = await visitorWithConversation();
    await widget.send(token, conversationId, 'Please answer slowly: how long do refunds take?');
    await stream.waitFor(has('token'));
    await api.widget.conversations.reply.mutate({ conversationId, text: 'I will take this one.' });
    const items = await stream.waitFor(has('human'));
    await settleMs(1500);
    stream.close();
    expect(ofType(items, 'retract')[0]?.event.reason).toBe('interrupted');
    expect(typesOf(stream.items)).not.toContain('answer');
    const detail = await api.widget.conversations.get.query({ conversationId });
    expect(detail.transcript.map((t) => t.author)).toEqual(['visitor', 'human']);
    expect(detail.conversation.agent?.name).toBe('Admin');
  }, 60_000);

  it('hands a requested change to a person with the action pre-filled, after the answer, and never runs it', async () => {
    // A site that trusts answers more, so the answer is sent and the handoff is about the change alone.
    const trusting = await api.widget.sites.create.mutate({ name: 'Trusting shop', allowedOrigins: [ORIGIN], confidenceThreshold: 0.1 });
    const client = new WidgetClient(server.url, trusting.siteKey, ORIGIN);
    const { visitorToken: token } = await client.session();
    const conversationId = await client.conversation(token);
    const stream = client.stream(token);
    await client.send(token, conversationId, 'Please refund order #1042 to my card, how long do refunds take?');
    const items = await stream.waitFor(has('handoff'));
    stream.close();
    expect(typesOf(items).slice(-2)).toEqual(['answer', 'handoff']);
    expect(ofType(items, 'handoff')[0]?.event.reason).toBe('action-needed');
    const detail = await api.widget.conversations.get.query({ conversationId });
    expect(detail.pendingAction).toMatchObject({ action: 'store.refundOrder', risk: 'write', arguments: { orderId: '#1042' } });
    expect(detail.analysis?.language).toBe('en');
    expect(executed).toEqual([]);
    // The agent runs it, confirmed, through the same path as any suggestion.
    const result = await api.actions.execute.mutate({
      suggestionId: detail.pendingAction?.id ?? '',
      confirmed: true,
      idempotencyKey: 'widget-refund-1042',
    });
    expect(result.status).toBe('succeeded');
    expect(executed).toEqual([{ orderId: '#1042' }]);
  }, 60_000);

  it('keeps the pre-filled change when the answer itself is withheld', async () => {
    // A site that sends only near-certain answers, so this one is withheld whatever the model scores it.
    const cautious = await api.widget.sites.create.mutate({ name: 'Cautious shop', allowedOrigins: [ORIGIN], confidenceThreshold: 0.99 });
    const client = new WidgetClient(server.url, cautious.siteKey, ORIGIN);
    const { visitorToken: token } = await client.session();
    const conversationId = await client.conversation(token);
    const stream = client.stream(token);
    await client.send(token, conversationId, 'Refund order #2077 now.');
    const handedOff = await stream.waitFor(has('handoff'));
    // Withheld for the answer's own sake (low confidence or nothing that answers), not for the change.
    expect(ofType(handedOff, 'handoff')[0]?.event.reason).toMatch(/^(low-confidence|no-answer)$/);
    stream.close();
    expect(typesOf(stream.items)).not.toContain('answer');
    expect((await api.widget.conversations.get.query({ conversationId })).pendingAction).toMatchObject({ arguments: { orderId: '#2077' } });
    expect(executed).not.toContainEqual({ orderId: '#2077' });
  }, 60_000);

  it('hands off on the visitor’s button; closing asks for a rating, which is stored; a closed conversation takes no message', async () => {
    const { token, conversationId, stream } = await visitorWithConversation();
    const asked = await widget.request<{ conversation: { status: string } }>('POST', `/conversations/${conversationId}/handoff`, { token });
    expect(asked.body.conversation.status).toBe('waiting-for-human');
    await stream.waitFor(has('handoff'));
    await api.widget.conversations.close.mutate({ conversationId });
    const items = await stream.waitFor(has('rating-request'));
    expect(typesOf(items).slice(-2)).toEqual(['closed', 'rating-request']);
    const rated = await widget.request('POST', `/conversations/${conversationId}/rating`, { token, body: { score: 5, comment: 'Quick!' } });
    expect(rated).toMatchObject({ status: 200, body: { conversationId, score: 5, comment: 'Quick!' } });
    expect((await api.widget.conversations.get.query({ conversationId })).rating).toMatchObject({ score: 5 });
    expect((await widget.send(token, conversationId, 'Hello?')).status).toBe(409);
    expect((await widget.request('POST', `/conversations/${conversationId}/rating`, { token, body: { score: 9 } })).status).toBe(400);

    // A new conversation starts; the open stream follows it.
    const next = await widget.conversation(token);
    expect(next).not.toBe(conversationId);
    const moved = await stream.waitFor((seen) => seen.some((i) => i.event.type === 'conversation' && i.event.conversationId === next));
    stream.close();
    expect(moved.at(-1)?.id).toBe(`${next}.0`);
    const session = await widget.session({ visitorToken: token });
    expect(session.conversation).toMatchObject({ id: next, status: 'ai' });
  }, 60_000);
});
