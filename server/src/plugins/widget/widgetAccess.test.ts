// Who may use the widget's public routes, over real HTTP: the site key only from its allowed
// origins (checked by the server on every request, CORS headers only for them, a same-origin page
// by its Referer), visitor tokens signed per site, conversations readable by their own visitor
// only (a guessed or swapped id is the same refusal as an unknown one), the identity secret never
// in an answer or a stored row, rate limits per visitor and per site key with Retry-After, and
// size limits on what a visitor sends, which is stored as normalised plain text.
import type { WidgetEvent } from '@tandem/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverClient, type ServerClient } from '../../cli/serverClient.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import { has, WidgetClient } from '../../testing/widgetClient.js';

const ORIGIN = 'https://shop.example';
const EVIL = 'https://evil.example';

let server: TestServer;
let api: ServerClient;
let siteKey: string;
let siteId: string;
let identitySecret: string;
let widget: WidgetClient;

beforeAll(async () => {
  server = await startTestServer(
    { TANDEM_DEMO_STORE: 'false' },
    {
      assist: { llm: null },
      widget: {
        rateLimits: { messagesPerVisitor: { capacity: 3, refillPerSecond: 0.01 }, messagesPerSite: { capacity: 5, refillPerSecond: 0.01 } },
      },
    },
  );
  api = serverClient({ url: server.url, token: server.adminToken });
  const site = await api.widget.sites.create.mutate({
    name: 'Shop',
    allowedOrigins: ['HTTPS://Shop.Example/'],
    suggestedQuestions: ['Where is my order?'],
    theme: { accentColor: '#112233', title: 'Shop help' },
  });
  ({ siteKey, identitySecret, id: siteId } = site);
  widget = new WidgetClient(server.url, siteKey, ORIGIN);
}, 120_000);
afterAll(() => server.close());

describe('site key and origin', () => {
  it('answers an allowed origin with the site’s config and CORS headers for it alone', async () => {
    const config = await widget.request('GET', '/config');
    expect(config).toMatchObject({
      status: 200,
      body: {
        siteKey,
        name: 'Shop',
        suggestedQuestions: ['Where is my order?'],
        theme: { accentColor: '#112233', title: 'Shop help' },
        limits: { messageChars: 2000 },
      },
    });
    expect(config.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(JSON.stringify(config.body)).not.toContain(identitySecret);
  });

  it('refuses every other origin on every route, not only through CORS', async () => {
    const evil = new WidgetClient(server.url, siteKey, EVIL);
    const { visitorToken } = await widget.session();
    for (const [method, path, body] of [
      ['GET', '/config', undefined],
      ['POST', '/sessions', {}],
      ['POST', '/conversations', undefined],
      ['GET', '/conversations/wc_x', undefined],
      ['POST', '/conversations/wc_x/messages', { text: 'hi', clientMessageId: 'm_00000001' }],
    ] as const) {
      const answer = await evil.request(method, path, { body, token: visitorToken });
      expect(answer, `${method} ${path}`).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    }
    const stream = await evil.stream(visitorToken).opened;
    expect(stream.status).toBe(403);
    const preflight = await fetch(widget.path('/sessions'), {
      method: 'OPTIONS',
      headers: { origin: EVIL, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await fetch(widget.path('/sessions'), {
      method: 'OPTIONS',
      headers: { origin: ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('takes a same-origin page’s Referer, and refuses a request naming no origin or the opaque one', async () => {
    const referred = new WidgetClient(server.url, siteKey, undefined);
    expect((await referred.request('GET', '/config', { headers: { referer: `${ORIGIN}/checkout?step=2` } })).status).toBe(200);
    expect((await referred.request('GET', '/config', { headers: { referer: `${EVIL}/` } })).status).toBe(403);
    expect((await referred.request('GET', '/config')).status).toBe(403);
    expect((await referred.request('GET', '/config', { headers: { origin: 'null' } })).status).toBe(403);
  });

  it('refuses an unknown, malformed or disabled site key', async () => {
    expect(await new WidgetClient(server.url, 'pk_unknownunknownunknown1', ORIGIN).request('GET', '/config')).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHORIZED' },
    });
    expect((await new WidgetClient(server.url, 'sk_live_x', ORIGIN).request('GET', '/config')).status).toBe(401);
    const other = await api.widget.sites.create.mutate({ name: 'Closed', allowedOrigins: [ORIGIN] });
    await api.widget.sites.update.mutate({ id: other.id, disabled: true });
    expect((await new WidgetClient(server.url, other.siteKey, ORIGIN).request('GET', '/config')).status).toBe(401);
  });

  it('never shows or stores the identity secret in the clear', async () => {
    const listed = await api.widget.sites.list.query();
    expect(JSON.stringify(listed)).not.toContain(identitySecret);
    const rows = await server.store.db.query<{ identity_secret_sealed: string }>(
      'select identity_secret_sealed from widget_sites where id = $1',
      [siteId],
    );
    expect(rows[0]?.identity_secret_sealed).toMatch(/^v1\./);
    expect(rows[0]?.identity_secret_sealed).not.toContain(identitySecret.slice(5, 20));
    // Only admins manage sites.
    const agentToken = await server.createTenant('acme', 'Acme', 'agent');
    await expect(serverClient({ url: server.url, token: agentToken }).widget.sites.list.query()).rejects.toThrow(/roles/);
  });
});

describe('visitors and their conversations', () => {
  it('refuses a missing, forged or other-site token', async () => {
    const { visitorToken } = await widget.session();
    expect((await widget.request('POST', '/conversations')).status).toBe(401);
    const [prefix, claims, signature] = visitorToken.split('.');
    const forged = `${prefix}.${Buffer.from(JSON.stringify({ s: siteId, v: 'vis_someone', e: 9_999_999_999 })).toString('base64url')}.${signature}`;
    expect(claims).toBeDefined();
    expect(await widget.request('POST', '/conversations', { token: forged })).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHORIZED' },
    });
    const otherSite = await api.widget.sites.create.mutate({ name: 'Other', allowedOrigins: [ORIGIN] });
    const other = new WidgetClient(server.url, otherSite.siteKey, ORIGIN);
    expect((await other.request('POST', '/conversations', { token: visitorToken })).status).toBe(401);
    // At session time such a token starts a new visitor instead.
    const fresh = await other.session({ visitorToken });
    expect(fresh.visitor.id).not.toBe((await widget.session({ visitorToken })).visitor.id);
  });

  it('resumes a visitor from their token, and shows them only their own conversations', async () => {
    const ana = await widget.session();
    const bo = await widget.session();
    expect((await widget.session({ visitorToken: ana.visitorToken })).visitor.id).toBe(ana.visitor.id);
    const anaConversation = await widget.conversation(ana.visitorToken);
    await widget.send(ana.visitorToken, anaConversation, 'My secret question');
    const boConversation = await widget.conversation(bo.visitorToken);
    expect(boConversation).not.toBe(anaConversation);

    const unknown = await widget.request('GET', '/conversations/wc_AAAAAAAAAAAA', { token: bo.visitorToken });
    for (const [method, path, body] of [
      ['GET', `/conversations/${anaConversation}`, undefined],
      ['POST', `/conversations/${anaConversation}/messages`, { text: 'hi', clientMessageId: 'm_00000002' }],
      ['POST', `/conversations/${anaConversation}/handoff`, undefined],
      ['POST', `/conversations/${anaConversation}/rating`, { score: 1 }],
      ['GET', '/conversations/..%2F..%2Fconfig', undefined],
    ] as const) {
      const answer = await widget.request(method, path, { token: bo.visitorToken, body });
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect((answer.body as { message: string }).message).toBe((unknown.body as { message: string }).message);
    }
    // A stream resumed with Ana's event id shows Bo his own conversation, nothing of hers.
    const stream = widget.stream(bo.visitorToken, { lastEventId: `${anaConversation}.0` });
    const items = await stream.waitFor(has('conversation'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    stream.close();
    expect(items.map((i) => i.event.conversationId)).toEqual([boConversation]);
    expect(JSON.stringify(stream.items)).not.toContain('My secret question');
  });

  it('stores a retried message once', async () => {
    const { visitorToken } = await widget.session();
    const conversationId = await widget.conversation(visitorToken);
    const first = await widget.send(visitorToken, conversationId, 'Hello', 'retry_0001');
    const again = await widget.send(visitorToken, conversationId, 'Hello', 'retry_0001');
    expect(again.body).toEqual(first.body);
    const history = await widget.request<{ events: { event: WidgetEvent }[] }>('GET', `/conversations/${conversationId}`, {
      token: visitorToken,
    });
    expect(history.body.events.filter((e) => e.event.type === 'message')).toHaveLength(1);
  });
});

describe('limits and hostile input', () => {
  it('limits messages per visitor and per site key, with Retry-After the page can read', async () => {
    const site = await api.widget.sites.create.mutate({ name: 'Busy', allowedOrigins: [ORIGIN] });
    const busy = new WidgetClient(server.url, site.siteKey, ORIGIN);
    const a = await busy.session();
    const aConversation = await busy.conversation(a.visitorToken);
    for (let i = 0; i < 3; i += 1) expect((await busy.send(a.visitorToken, aConversation, `Question ${i}`)).status).toBe(202);
    const limited = await busy.send(a.visitorToken, aConversation, 'One more');
    expect(limited).toMatchObject({ status: 429, body: { code: 'TOO_MANY_REQUESTS' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('access-control-allow-origin')).toBe(ORIGIN);

    const b = await busy.session();
    const bConversation = await busy.conversation(b.visitorToken);
    expect((await busy.send(b.visitorToken, bConversation, 'First')).status).toBe(202);
    expect((await busy.send(b.visitorToken, bConversation, 'Second')).status).toBe(202);
    // Five messages on this site so far: the site's bucket is empty, though this visitor's is not.
    expect((await busy.send(b.visitorToken, bConversation, 'Third')).status).toBe(429);
  });

  it('refuses a message over 2,000 characters, a body over 16 KB and bad JSON; takes JSON as text/plain', async () => {
    const { visitorToken } = await widget.session();
    const conversationId = await widget.conversation(visitorToken);
    const long = await widget.send(visitorToken, conversationId, 'x'.repeat(2001));
    expect(long).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST', issues: { fieldErrors: { text: expect.any(Array) } } } });
    const huge = await fetch(widget.path(`/conversations/${conversationId}/messages`), {
      method: 'POST',
      headers: { origin: ORIGIN, authorization: `Bearer ${visitorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'y', clientMessageId: 'm_00000003', pad: 'z'.repeat(20_000) }),
    });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { code: string }).code).toBe('PAYLOAD_TOO_LARGE');
    const broken = await fetch(widget.path('/sessions'), {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: '{"visitorToken":',
    });
    expect(broken.status).toBe(400);
    const plain = await fetch(widget.path('/sessions'), {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(plain.status).toBe(200);
  });

  it('stores what a visitor sends as normalised plain text, markup and all, never acted on', async () => {
    const { visitorToken } = await widget.session();
    const conversationId = await widget.conversation(visitorToken);
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)> [click](javascript:alert(3)) pa\u200by\u202eme\u0000nt';
    const sent = await widget.send(visitorToken, conversationId, hostile);
    expect(sent.status).toBe(202);
    expect((sent.body as { message: { text: string } }).message.text).toBe(
      '<script>alert(1)</script><img src=x onerror=alert(2)> [click](javascript:alert(3)) payment',
    );
  });
});
