// The side panel's states in real Chromium with the built extension, each photographed at 400×900
// and 480×900, light and dark (into .data/screenshots/side-panel, git-ignored) and checked: no
// horizontal overflow (also at 200 % text), no serious or critical axe-core violations, and on
// every site fixture (Gmail, Zendesk, Salesforce) the draft's first line and Insert within the first
// 600 px. States: connecting, signed out, no ticket, unreadable ticket, draft ready, error,
// drafting, LLM fallback, offline (cache only). Drafts come from real Tandem servers: the embedded
// drafter, and a fake OpenAI-compatible provider over real HTTP for streaming and its failure.
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../server/src/assist/drafting/circuitBreaker.js';
import { LlmDrafter } from '../server/src/assist/drafting/llmDrafter.js';
import { DEFAULT_TENANT_ID } from '../server/src/auth/bootstrapAdmin.js';
import { loadDemoKnowledge } from '../server/src/knowledge/ingest/demoKnowledge.js';
import { startFakeOpenAi, type FakeOpenAi } from '../server/src/testing/fakeOpenAi.js';
import { startTestServer, type TestServer } from '../server/src/testing/testServer.js';
import { launchChromium, sidePanelFor, type ChromiumSession } from './harness/chromium.js';
import { serveFixtures, type FixtureSite } from './harness/fixtureSite.js';
import { auditPanelState } from './harness/panelAudit.js';

const SITES = [
  { site: 'gmail', page: 'gmail/thread-with-collapsed-message.html' },
  { site: 'zendesk', page: 'zendesk/two-tabs-assumed-hooks.html' },
  { site: 'salesforce', page: 'salesforce/lightning-console.html' },
] as const;

/** Our own words, long enough to stream for a while at the fake provider's pace. */
const SLOW_REPLY = Array.from(
  { length: 12 },
  (_, i) => `Thanks for your patience while we look into step ${i + 1} of your order. `,
).flatMap((sentence) => sentence.split(/(?<= )/));

async function withDemoKnowledge(server: TestServer): Promise<TestServer> {
  const { jobId } = await loadDemoKnowledge(server.knowledge, DEFAULT_TENANT_ID);
  await server.knowledge.ingest.settled(jobId);
  return server;
}

/** Accepts connections and never answers: a server that hangs, so the panel stays "connecting". */
async function hangingServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: TcpServer = createTcpServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('side panel states', () => {
  let main: TestServer;
  let llmServer: TestServer | undefined;
  let fake: FakeOpenAi;
  let hanging: Awaited<ReturnType<typeof hangingServer>>;
  let site: FixtureSite;
  let browser: ChromiumSession;
  let tab: Page;
  let panel: Page;

  const setSettings = (serverUrl: string, apiToken: string) =>
    browser.extension!.serviceWorker.evaluate((values) => chrome.storage.local.set(values), { serverUrl, apiToken });
  const visible = (id: string) => async () => {
    expect(await panel.getByTestId(id).isVisible(), `${id} is shown`).toBe(true);
  };
  const draftStatus = () => panel.getByTestId('draft-status').getAttribute('data-status');

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    const llm = new LlmDrafter({
      baseUrl: fake.baseUrl,
      apiKey: 'sk-test',
      model: 'fake-model',
      firstTokenTimeoutMs: 3_000,
      idleTimeoutMs: 1_500,
      maxRetries: 0,
      breaker: new CircuitBreaker({ failureThreshold: 100 }),
    });
    [main, llmServer] = await Promise.all([
      startTestServer().then(withDemoKnowledge),
      startTestServer({}, { assist: { llm } }).then(withDemoKnowledge),
    ]);
    hanging = await hangingServer();
    site = await serveFixtures();
    browser = await launchChromium({ withExtension: true });
    tab = await browser.context.newPage();
    await tab.goto(site.url('zendesk/two-tabs-assumed-hooks.html'));
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await hanging?.close();
    await llmServer?.close();
    await main?.close();
    await fake?.close();
  });

  it('connecting: says so, with the way to the settings', async () => {
    await setSettings(hanging.url, main.adminToken);
    panel = await sidePanelFor(browser, tab);
    // The first check waits up to 8 s on a hung server: each variant starts from a fresh panel.
    await auditPanelState(panel, 'connecting', {
      before: async () => {
        await panel.reload();
        await panel.getByTestId('state-connecting').waitFor();
      },
      stillThere: visible('state-connecting'),
    });
    expect(await panel.getByTestId('connection-state').textContent()).toBe('Connecting…');
  });

  it('signed out: says the token was rejected, and how to sign in again', async () => {
    await setSettings(main.url, `tdm_${'z'.repeat(43)}`);
    await panel.getByTestId('state-signed-out').waitFor({ timeout: 20_000 });
    expect(await panel.getByTestId('connection-state').textContent()).toBe('Signed out (token rejected)');
    await auditPanelState(panel, 'signed-out', { stillThere: visible('state-signed-out') });
  });

  it('no ticket, and a ticket page whose layout did not read', async () => {
    await setSettings(main.url, main.adminToken);
    await tab.goto(site.url('not-a-ticket.html'));
    await panel.getByTestId('state-no-ticket').waitFor({ timeout: 20_000 });
    await expect.poll(() => panel.getByTestId('connection-state').textContent(), { timeout: 20_000 }).toBe('Connected');
    await auditPanelState(panel, 'no-ticket', { stillThere: visible('state-no-ticket') });

    await tab.goto(site.url('generated/gmail-redesigned.html'));
    await panel.getByTestId('state-unreadable').waitFor({ timeout: 15_000 });
    await auditPanelState(panel, 'unreadable', { stillThere: visible('state-unreadable') });
  });

  for (const c of SITES) {
    it(`${c.site}: the draft's first line and Insert are above the fold, header first, cards collapsed`, async () => {
      await tab.goto(site.url(c.page));
      await expect.poll(draftStatus, { timeout: 30_000 }).toBe('done');
      await expect.poll(() => panel.getByTestId('knowledge-card').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      // The header never shows a raw id, a URL or an unknown status.
      const header = await panel.getByTestId('ticket-header').innerText();
      expect(header).not.toMatch(/https?:|#tab-|unknown|127\.0\.0\.1/);
      // Knowledge comes after the draft, collapsed.
      const order = await panel.evaluate(() => {
        const draft = document.querySelector('[data-testid="draft"]');
        const cards = document.querySelector('[data-testid="knowledge-cards"]');
        return draft !== null && cards !== null && (draft.compareDocumentPosition(cards) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      });
      expect(order).toBe(true);
      expect(await panel.locator('[data-testid="knowledge-card"] details[open]').count()).toBe(0);
      expect(await panel.getByTestId('draft-confidence').textContent()).toMatch(/confidence \(\d+%\)/);
      await auditPanelState(panel, `ready-${c.site}`, { aboveFold: true, stillThere: visible('insert-draft') });
    });
  }

  it('error: a refused draft says so, with Try again', async () => {
    // The server's front refusing the draft request (as an overloaded proxy would): a real HTTP 503 to the panel.
    await panel.route('**/trpc/assist.start**', (route) =>
      route.fulfill({ status: 503, contentType: 'text/plain', body: 'Service Unavailable' }),
    );
    try {
      await panel.getByTestId('regenerate-draft').click();
      await expect.poll(draftStatus, { timeout: 15_000 }).toBe('error');
      await auditPanelState(panel, 'error', { stillThere: visible('draft-error') });
    } finally {
      await panel.unroute('**/trpc/assist.start**');
    }
    await panel.getByTestId('draft-retry').click();
    await expect.poll(draftStatus, { timeout: 30_000 }).toBe('done');
  });

  it('drafting: streams with Insert held back, the spinner still under reduced motion', async () => {
    fake.script({ tokens: SLOW_REPLY, tokenDelayMs: 120 });
    await setSettings(llmServer!.url, llmServer!.adminToken);
    await tab.goto(site.url('gmail/thread-with-collapsed-message.html'));
    await expect.poll(() => panel.getByTestId('draft-text').innerText(), { timeout: 30_000 }).toMatch(/Thanks for your patience/);
    expect(await draftStatus()).toBe('streaming');
    expect(await panel.getByTestId('insert-draft').isDisabled()).toBe(true);
    await panel.emulateMedia({ reducedMotion: 'reduce' });
    expect(await panel.locator('.draft__spinner').evaluate((element) => getComputedStyle(element).animationName)).toBe('none');
    await auditPanelState(panel, 'drafting', {
      aboveFold: true,
      stillThere: async () => expect(await draftStatus()).toBe('streaming'),
    });
    await expect.poll(draftStatus, { timeout: 60_000 }).toBe('done');
    expect(await panel.getByTestId('draft-announcer').textContent()).toMatch(
      /^Thanks for your patience while we look into step \d+ of your order\.$/,
    );
  });

  it('LLM fallback: the model stopping halfway is said, with the built-in draft below', async () => {
    // Past the first sentence: the server streams whole sentences, so the agent saw text before the model stopped.
    fake.script({ tokens: SLOW_REPLY, interrupt: { afterEvents: 24, how: 'destroy' } });
    await panel.getByTestId('regenerate-draft').click();
    await expect.poll(draftStatus, { timeout: 30_000 }).toBe('done');
    await panel.getByTestId('draft-fallback').waitFor();
    expect(await panel.getByTestId('draft-status').textContent()).toBe('Draft ready (built-in drafter)');
    await auditPanelState(panel, 'fallback', { aboveFold: true, stillThere: visible('draft-fallback') });
  });

  it('the options page shares the design tokens and passes the same checks', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.extension!.url('options.html'));
    await options.getByTestId('server-url').waitFor();
    // The same tokens: the page's background and accent come from design/tokens.css.
    expect(await options.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--color-accent').trim())).not.toBe('');
    await auditPanelState(options, 'options', { stillThere: async () => expect(await options.getByTestId('save').isVisible()).toBe(true) });
    await options.close();
  });

  it('offline: the ticket and the cached knowledge stay, with Try again', async () => {
    await expect.poll(() => panel.getByTestId('cache-status').getAttribute('data-status'), { timeout: 20_000 }).toBe('ready');
    await setSettings(hanging.url.replace(/:\d+$/, ':9'), llmServer!.adminToken);
    await panel.getByTestId('state-offline').waitFor({ timeout: 20_000 });
    await expect.poll(() => panel.getByTestId('cache-status').getAttribute('data-status'), { timeout: 20_000 }).toBe('offline');
    await expect.poll(() => panel.getByTestId('knowledge-card').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await panel.getByTestId('ticket-subject').textContent()).toBe('Cracked battery mount on order LB-7781');
    await auditPanelState(panel, 'offline', { stillThere: visible('state-offline') });
  });
});
