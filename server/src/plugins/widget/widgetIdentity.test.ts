// Verified identity over real HTTP: only a visitor whose identity the site's backend signed gets
// answers that read their customer's live context (an anonymous visitor typing the same e-mail
// gets none), agents see that context beside the conversation, and a trigger from live context
// (a failed payment) appears once in the verified customer's open widget — in every tab of
// theirs, stored once — and in no one else's.
import type { CustomerLiveState, LiveEvent, TicketContext } from '@tandem/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveStateSource } from '../../assist/liveState.js';
import { serverClient, type ServerClient } from '../../cli/serverClient.js';
import { signedRequest, WebhookClient } from '../../testing/liveWebhookClient.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { has, typesOf, WidgetClient } from '../../testing/widgetClient.js';
import { identityHash } from '../../widget/identity.js';

const ORIGIN = 'https://shop.example';
const MIA = 'mia@example.com';
const miaState: CustomerLiveState = {
  customer: { email: MIA, name: 'Mia Kovac' },
  orders: [{ id: 'A-100', status: 'shipped', total: 59.9, currency: 'EUR', placedAt: '2026-11-30T10:00:00Z', items: [] }],
  recentPages: [],
  openTickets: [],
};
/** Every ticket the assist engine asked live state for: the widget's conversations among them. */
const asked: Pick<TicketContext, 'ticketId' | 'requester'>[] = [];
const liveSpy: LiveStateSource = {
  forTicket: (_tenantId, ticket) => {
    asked.push({ ticketId: ticket.ticketId, requester: ticket.requester });
    return Promise.resolve(ticket.requester.email === MIA ? miaState : undefined);
  },
};

let server: TestServer;
let api: ServerClient;
let widget: WidgetClient;
let secret: string;

beforeAll(async () => {
  server = await startTestServer({ TANDEM_DEMO_STORE: 'false' }, { assist: { llm: null, live: liveSpy } });
  api = serverClient({ url: server.url, token: server.adminToken });
  await api.knowledge.articles.upsert.mutate({
    articles: [
      {
        id: 'orders',
        title: 'Where is my order',
        body: 'You can see where your order is in your account under Orders. Shipped orders arrive within three working days.',
        url: 'https://help.example.com/orders',
        updated_at: '2026-01-01T00:00:00Z',
      },
    ],
  });
  const site = await api.widget.sites.create.mutate({ name: 'Shop', allowedOrigins: [ORIGIN], confidenceThreshold: 0.05 });
  secret = site.identitySecret;
  widget = new WidgetClient(server.url, site.siteKey, ORIGIN);
}, 120_000);
afterAll(() => server.close());

async function ask(token: string, text: string) {
  const conversationId = await widget.conversation(token);
  const stream = widget.stream(token);
  await stream.waitFor(has('conversation'));
  await widget.send(token, conversationId, text);
  const items = await stream.waitFor((seen) => has('answer')(seen) || has('handoff')(seen));
  stream.close();
  const answer = items.find((i) => i.event.type === 'answer')?.event;
  return { conversationId, text: answer?.type === 'answer' ? answer.message.text : '' };
}

describe('verified identity', () => {
  it('lets only a verified visitor’s answers read their live context', async () => {
    const verified = await widget.session({ identity: { userId: MIA, userHash: identityHash(secret, MIA), name: 'Mia' } });
    expect(verified.visitor).toMatchObject({ verified: true, name: 'Mia' });
    const mine = await ask(verified.visitorToken, 'Where is my order?');
    expect(asked.filter((a) => a.ticketId === mine.conversationId).map((a) => a.requester.email)).toEqual([MIA]);
    expect(mine.text).toContain('A-100');

    const anonymous = await widget.session();
    expect(anonymous.visitor.verified).toBe(false);
    const theirs = await ask(anonymous.visitorToken, `I am ${MIA}, where is my order?`);
    expect(asked.filter((a) => a.ticketId === theirs.conversationId)).toEqual([]);
    expect(theirs.text).not.toContain('A-100');

    const detail = await api.widget.conversations.get.query({ conversationId: mine.conversationId });
    expect(detail.conversation.visitor).toMatchObject({ verified: true, userId: MIA, name: 'Mia' });
    expect(detail.live?.orders.map((o) => o.id)).toEqual(['A-100']);
    expect((await api.widget.conversations.get.query({ conversationId: theirs.conversationId })).live).toBeNull();
  }, 60_000);

  it('refuses a wrong or rotated signature, and keeps the same verified visitor on every device', async () => {
    const bad = await widget.request('POST', '/sessions', {
      body: { identity: { userId: MIA, userHash: identityHash('wsec_guess', MIA) } },
    });
    expect(bad).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
    const forOther = await widget.request('POST', '/sessions', {
      body: { identity: { userId: 'bo@example.com', userHash: identityHash(secret, MIA) } },
    });
    expect(forOther.status).toBe(401);

    const first = await widget.session({ identity: { userId: MIA, userHash: identityHash(secret, MIA) } });
    const second = await widget.session({ identity: { userId: MIA, userHash: identityHash(secret, MIA) } });
    expect(second.visitor.id).toBe(first.visitor.id);
    expect(second.conversation?.id).toBe(first.conversation?.id);
    // A signed-out page resuming the verified token gets a fresh anonymous visitor, not Mia's conversations.
    const signedOut = await widget.session({ visitorToken: first.visitorToken });
    expect(signedOut.visitor).toMatchObject({ verified: false });
    expect(signedOut.visitor.id).not.toBe(first.visitor.id);
    expect(signedOut.conversation).toBeNull();

    const sites = await api.widget.sites.list.query();
    const rotated = await api.widget.sites.rotateSecret.mutate({ id: sites[0]?.id ?? '' });
    expect(rotated.identitySecret).not.toBe(secret);
    expect(
      (await widget.request('POST', '/sessions', { body: { identity: { userId: MIA, userHash: identityHash(secret, MIA) } } })).status,
    ).toBe(401);
    secret = rotated.identitySecret;
    expect((await widget.session({ identity: { userId: MIA, userHash: identityHash(secret, MIA) } })).visitor.verified).toBe(true);
  }, 60_000);
});

describe('proactive messages', () => {
  it('puts a failed payment’s message once into the verified customer’s open widget, and into no one else’s', async () => {
    const source = await api.live.sources.create.mutate({ name: 'Shop events' });
    const hooks = new WebhookClient(server.url);
    const userId = 'cus_42';
    const identity = { userId, userHash: identityHash(secret, userId) };
    const tab1 = await widget.session({ identity });
    const tab2 = await widget.session({ identity });
    const stranger = await widget.session();
    const streams = [widget.stream(tab1.visitorToken), widget.stream(tab2.visitorToken)];
    const strangerStream = widget.stream(stranger.visitorToken);
    await Promise.all([...streams, strangerStream].map((s) => s.opened));
    await new Promise((resolve) => setTimeout(resolve, 300));

    // The shop knows the customer by e-mail and by its own id; the visitor was verified by the id.
    const event = (id: string, type: LiveEvent['type'], data: Record<string, unknown>, n: number): LiveEvent => ({
      id,
      type,
      occurredAt: new Date(Date.now() - 10_000 + n * 1000).toISOString(),
      sourceVersion: n,
      customer: { email: 'ana@example.com', externalId: userId },
      data,
    });
    const post = (payload: unknown) => hooks.post(signedRequest('default', source.id, source.secret, payload));
    expect(
      (await post({ events: [event('pf-1', 'payment.failed', { orderId: 'B-7', amount: 20, reason: 'card declined' }, 1)] })).status,
    ).toBe(200);

    const [one, two] = await Promise.all(streams.map((s) => s.waitFor(has('proactive'))));
    const proactive = one?.find((i) => i.event.type === 'proactive');
    expect(proactive?.event).toMatchObject({ type: 'proactive', trigger: 'payment-failed' });
    expect(two?.find((i) => i.event.type === 'proactive')?.id).toBe(proactive?.id);
    // The customer had no open conversation: one was started for the message.
    expect(typesOf(one ?? [])).toEqual(['conversation', 'proactive']);

    // The same event again fires nothing new; a reconnecting tab sees the one message once.
    expect((await post(event('pf-1', 'payment.failed', { orderId: 'B-7' }, 1))).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 800));
    await server.widget.settled();
    for (const s of streams) s.close();
    const again = widget.stream(tab1.visitorToken);
    const replay = await again.waitFor(has('proactive'));
    again.close();
    expect(replay.filter((i) => i.event.type === 'proactive')).toHaveLength(1);
    expect(strangerStream.items).toEqual([]);
    strangerStream.close();
  }, 60_000);
});
