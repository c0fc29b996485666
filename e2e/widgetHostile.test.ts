// The website widget on /demo against hostile input and hostile callers, in Chromium on a real
// server: markup and javascript: links in visitor messages, in a person's reply and in a knowledge
// article render as inert text (no element that runs or loads, no handler, no such href, no dialog,
// no CSP violation); a page on an origin not on the site key's list is refused (403) and gets no
// widget; no secret (identity secret, API tokens) reaches the page, the bundle or the visitor's
// storage; one visitor cannot read another's conversation by a swapped or guessed id; and a refund
// asked for in the widget becomes a handoff, with no action run.
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TENANT_ID } from '../server/src/auth/bootstrapAdmin.js';
import { DEFAULT_DEMO_SEED, generateDemoStoreData } from '../server/src/demoStore/demoStoreData.js';
import { startWidgetDemo, type WatchedPage, type WidgetDemo } from './harness/widgetDemo.js';
import { activeContent, openWidget, sendMessage, storedVisitor, textsOf, widgetParts } from './harness/widgetPage.js';

const HOSTILE = [
  `<script>window.__pwned = 1; alert('script')</script>`,
  `<img src=x onerror="window.__pwned = 2; alert('img')">`,
  `[see my order](javascript:alert('markdown-link')) and <a href="javascript:alert('a')">this</a>`,
];

let demo: WidgetDemo;
let elsewhere: Server;
let elsewhereUrl: string;
beforeAll(async () => {
  demo = await startWidgetDemo();
  // A page on an origin the demo site does not list, embedding the widget with the demo site's key.
  elsewhere = createHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><title>Copycat</title><h1>Not the shop</h1><script src="${demo.url('/widget.js')}" data-site-key="${demo.siteKey}" async></script>`,
    );
  });
  elsewhere.listen(0, '127.0.0.1');
  await once(elsewhere, 'listening');
  elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  elsewhere?.close();
  await demo?.close();
});

async function expectInert(visitor: WatchedPage): Promise<void> {
  expect(await activeContent(visitor.page)).toEqual([]);
  expect(visitor.dialogs).toEqual([]);
  expect(await visitor.violations()).toEqual([]);
  expect(await visitor.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
}

async function conversationIdOf(page: Page): Promise<string> {
  const { conversationId } = await storedVisitor(page, demo.siteKey);
  if (conversationId === undefined) throw new Error('the widget stored no conversation');
  return conversationId;
}

describe('hostile input in the widget', () => {
  it('shows markup and javascript: links from the visitor and from a person as text, also after a reload', async () => {
    const visitor = await demo.visitor(demo.url('/demo'));
    const w = await openWidget(visitor.page);
    for (const text of HOSTILE) {
      await sendMessage(visitor.page, text);
      await expect.poll(() => textsOf(w.visitorMessages.locator('.text')), { timeout: 15_000 }).toContain(text);
    }
    const conversationId = await conversationIdOf(visitor.page);
    await demo.lead.widget.conversations.reply.mutate({
      conversationId,
      text: HOSTILE.join(' '),
      displayName: '<b onmouseover=alert(1)>Eve</b>',
    });
    await expect.poll(() => textsOf(w.humanReplies.locator('.text')), { timeout: 5_000 }).toEqual([HOSTILE.join(' ')]);
    expect(await w.humanReplies.first().locator('.author').innerText()).toBe('<b onmouseover=alert(1)>Eve</b> · support team');
    await expectInert(visitor);

    await visitor.page.reload();
    await w.panel.waitFor({ state: 'visible', timeout: 20_000 });
    await expect.poll(() => textsOf(w.visitorMessages.locator('.text')), { timeout: 15_000 }).toEqual(HOSTILE);
    await expectInert(visitor);
  });

  it('shows a knowledge article’s markup as text and refuses a javascript: URL for it', async () => {
    await expect(
      demo.admin.knowledge.articles.upsert.mutate({
        articles: [{ id: 'bad-url', title: 'Bad', body: 'Text', url: 'javascript:alert(1)' }],
      }),
    ).rejects.toThrow();
    await demo.addArticles([
      {
        id: 'gift-wrapping',
        title: `Gift wrapping <img src=x onerror="alert('title')">`,
        body: [
          `# Gift wrapping`,
          ``,
          `Gift wrapping costs 4 dollars per parcel and is chosen at checkout. <script>window.__pwned = 3; alert('kb')</script>`,
          ``,
          `Every wrapped parcel gets a handwritten gift card <img src=x onerror="window.__pwned = 4">. See [the wrapping papers](javascript:alert('kb-link')) for the colours.`,
        ].join('\n'),
        url: demo.url('/demo/help'),
      },
    ]);
    const visitor = await demo.visitor(demo.url('/demo'));
    const w = await openWidget(visitor.page);
    await sendMessage(visitor.page, 'How much does gift wrapping cost?');
    await expect.poll(() => w.aiAnswers.count(), { timeout: 30_000 }).toBe(1);
    const answer = w.aiAnswers.first();
    expect(await answer.locator('.text').innerText()).toMatch(/Gift wrapping costs 4 dollars per parcel/);
    // The article's title, markup and all, is the citation link's text; the link goes to the article's own URL.
    const link = answer.locator('ol.sources a');
    expect(await link.innerText()).toBe(`Gift wrapping <img src=x onerror="alert('title')">`);
    expect(await link.getAttribute('href')).toBe(demo.url('/demo/help'));
    expect((await answer.innerText()).includes('javascript:')).toBe(false);
    await expectInert(visitor);
  });
});

describe('hostile callers', () => {
  it('refuses a page on an origin not on the site key’s list (403), which then shows no widget', async () => {
    const failed: string[] = [];
    const visitor = await demo.visitor('about:blank');
    visitor.page.on('requestfailed', (req) => {
      if (req.url().includes('/widget/v1/')) failed.push(new URL(req.url()).pathname);
    });
    await visitor.page.goto(elsewhereUrl);
    // The browser may not even read the refusal (no CORS allowance for that origin), and the widget unmounts.
    await expect.poll(() => failed, { timeout: 15_000 }).toEqual([`/widget/v1/sites/${demo.siteKey}/config`]);
    await expect.poll(() => widgetParts(visitor.page).host.count(), { timeout: 5_000 }).toBe(0);

    // The same requests with that page's origin, read directly: refused by the server itself, not only by CORS.
    const origin = new URL(elsewhereUrl).origin;
    for (const [method, path] of [
      ['GET', '/config'],
      ['POST', '/sessions'],
    ] as const) {
      const res = await fetch(demo.url(`/widget/v1/sites/${demo.siteKey}${path}`), {
        method,
        headers: { origin, ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { code: string }).code).toBe('FORBIDDEN');
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('puts no secret in the page, the bundle or the visitor’s storage', async () => {
    const site = (await demo.admin.widget.sites.list.query()).find((s) => s.siteKey === demo.siteKey);
    if (site === undefined) throw new Error('no demo site');
    // A secret we know: rotated now; the pages sign with it server-side.
    const { identitySecret } = await demo.admin.widget.sites.rotateSecret.mutate({ id: site.id });
    const customer = generateDemoStoreData(DEFAULT_DEMO_SEED).customers[0];
    if (customer === undefined) throw new Error('no demo customer');
    const secrets = [identitySecret, demo.server.adminToken, demo.leadToken];

    const visitor = await demo.visitor(demo.url(`/demo?customer=${encodeURIComponent(customer.email)}`));
    const w = await openWidget(visitor.page);
    await sendMessage(visitor.page, 'How long does delivery take?');
    await expect.poll(async () => (await w.aiAnswers.count()) + (await w.notices.count()), { timeout: 30_000 }).toBeGreaterThan(0);
    const html = await (await fetch(demo.url(`/demo?customer=${encodeURIComponent(customer.email)}`))).text();
    // Signed with the secret, which stays on the server.
    expect(html).toContain(`data-user-hash="${createHmac('sha256', identitySecret).update(customer.email).digest('hex')}"`);
    const everything = [
      html,
      await (await fetch(demo.url('/demo'))).text(),
      await (await fetch(demo.url('/widget.js'))).text(),
      await visitor.page.content(),
      await visitor.page.evaluate(() => JSON.stringify({ ...localStorage })),
      await visitor.page.evaluate(() => document.querySelector('tandem-widget')?.shadowRoot?.innerHTML ?? ''),
    ].join('\n');
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });

  it('keeps one visitor out of another’s conversation, by swapped or guessed id', async () => {
    const alice = await demo.visitor(demo.url('/demo'));
    const bob = await demo.visitor(demo.url('/demo'));
    const aw = await openWidget(alice.page);
    await openWidget(bob.page);
    await sendMessage(alice.page, 'Alice here: my parcel code is MAPLE-7731.');
    await sendMessage(bob.page, 'Bob here: how do I reset my password?');
    await expect.poll(() => storedVisitor(alice.page, demo.siteKey).then((v) => v.conversationId), { timeout: 15_000 }).toBeDefined();
    await expect.poll(() => storedVisitor(bob.page, demo.siteKey).then((v) => v.conversationId), { timeout: 15_000 }).toBeDefined();
    const aliceConversation = await conversationIdOf(alice.page);
    const bobToken = (await storedVisitor(bob.page, demo.siteKey)).visitorToken ?? '';
    const guessed = aliceConversation.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'));

    // Bob's page, Bob's token, Alice's (or a guessed) conversation id: the same answer as for an unknown one.
    const answers = await bob.page.evaluate(
      async ({ base, token, ids }) => {
        const headers = { authorization: `Bearer ${token}`, 'content-type': 'text/plain' };
        const out: { what: string; status: number; body: string }[] = [];
        for (const id of ids) {
          const history = await fetch(`${base}/conversations/${id}`, { headers });
          out.push({ what: `history ${id}`, status: history.status, body: await history.text() });
          const post = await fetch(`${base}/conversations/${id}/messages`, {
            method: 'POST',
            headers,
            body: JSON.stringify({
              text: 'Bob writing into it',
              clientMessageId: `m_${id.length}x${Math.random().toString(36).slice(2, 8)}`,
            }),
          });
          out.push({ what: `send ${id}`, status: post.status, body: await post.text() });
          const rate = await fetch(`${base}/conversations/${id}/rating`, { method: 'POST', headers, body: JSON.stringify({ score: 1 }) });
          out.push({ what: `rate ${id}`, status: rate.status, body: await rate.text() });
          // A stream resumed "after" an event of that conversation replays nothing of it.
          const controller = new AbortController();
          const stream = await fetch(`${base}/events?lastEventId=${encodeURIComponent(`${id}.0`)}`, { headers, signal: controller.signal });
          let text = '';
          const reader = stream.body?.getReader();
          const timer = setTimeout(() => controller.abort(), 1_500);
          try {
            for (;;) {
              const chunk = await reader?.read();
              if (chunk === undefined || chunk.done) break;
              text += new TextDecoder().decode(chunk.value);
            }
          } catch {
            // aborted: the stream stays open, which is what a stream does
          }
          clearTimeout(timer);
          out.push({ what: `stream ${id}`, status: stream.status, body: text });
        }
        return out;
      },
      { base: demo.url(`/widget/v1/sites/${demo.siteKey}`), token: bobToken, ids: [aliceConversation, guessed] },
    );
    for (const a of answers.filter((x) => !x.what.startsWith('stream')))
      expect({ what: a.what, status: a.status }).toEqual({ what: a.what, status: 404 });
    for (const a of answers) expect(a.body).not.toContain('MAPLE-7731');
    const aliceTranscript = (await demo.lead.widget.conversations.get.query({ conversationId: aliceConversation })).transcript;
    expect(aliceTranscript.map((t) => t.text)).not.toContain('Bob writing into it');
    expect(aliceTranscript.filter((t) => t.author === 'visitor').map((t) => t.text)).toEqual(['Alice here: my parcel code is MAPLE-7731.']);
    expect((await textsOf(widgetParts(bob.page).entries)).join('\n')).not.toContain('MAPLE-7731');
    expect(await aw.visitorMessages.count()).toBe(1);
  });

  it('turns a refund asked for in the widget into a handoff and runs no action', async () => {
    const customer = generateDemoStoreData(DEFAULT_DEMO_SEED).customers[0];
    if (customer === undefined) throw new Error('no demo customer');
    const order = customer.orderIds[0] ?? '';
    const visitor = await demo.visitor(demo.url(`/demo?customer=${encodeURIComponent(customer.email)}`));
    const w = await openWidget(visitor.page);
    await sendMessage(visitor.page, `Please cancel my order #${order} and refund the money to my card.`);
    await expect
      .poll(() => textsOf(w.notices), { timeout: 30_000 })
      .toEqual(expect.arrayContaining([expect.stringMatching(/A person from our team (needs to do this for you and )?will reply here\./)]));
    const conversationId = await conversationIdOf(visitor.page);
    const detail = await demo.lead.widget.conversations.get.query({ conversationId });
    // The demo page signed its customer in: the agent sees a verified visitor, by e-mail.
    expect(detail.conversation).toMatchObject({
      status: 'waiting-for-human',
      handoffReason: 'action-needed',
      visitor: { verified: true, userId: customer.email },
    });
    // Pre-filled for an agent to check and run, not run.
    expect(detail.pendingAction).toMatchObject({ action: 'demoStore.cancelOrder', risk: 'write', arguments: { orderId: `#${order}` } });
    await visitor.page.waitForTimeout(1_000);
    expect(await demo.server.store.actions.listExecutions(DEFAULT_TENANT_ID, 100)).toEqual([]);
  });
});
