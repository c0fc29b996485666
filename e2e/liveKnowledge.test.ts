// The open side panel follows the knowledge change feed by push (knowledge.changes over server-sent
// events), in the built extension in Chromium against a real server: once the channel is up the
// panel stops polling knowledge.sync, an edited and a deleted article still reach its IndexedDB
// cache; with the channel blocked it polls every 2 s and still gets them; unblocked, it goes back
// to push by itself.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverClient, type ServerClient } from '../server/src/cli/serverClient.js';
import { startTestServer, type TestServer } from '../server/src/testing/testServer.js';
import { launchChromium, sidePanelFor, type ChromiumSession } from './harness/chromium.js';
import { serveFixtures, type FixtureSite } from './harness/fixtureSite.js';

const CHANNEL = '**/trpc/knowledge.changes**';

describe('live knowledge in the open panel', () => {
  let server: TestServer;
  let api: ServerClient;
  let site: FixtureSite;
  let browser: ChromiumSession;

  const upsert = async (id: string, title: string, body: string) => {
    const { jobId } = await api.knowledge.articles.upsert.mutate({ articles: [{ id, title, body, updated_at: '2026-01-01T00:00:00Z' }] });
    await server.knowledge.ingest.settled(jobId);
  };

  beforeAll(async () => {
    server = await startTestServer({ TANDEM_DEMO_STORE: 'false' });
    api = serverClient({ url: server.url, token: server.adminToken });
    site = await serveFixtures();
    browser = await launchChromium({ withExtension: true });
    await browser.extension!.serviceWorker.evaluate((values) => chrome.storage.local.set(values), {
      serverUrl: server.url,
      apiToken: server.adminToken,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.close();
  });

  /** The titles in the extension's IndexedDB cache, read from the panel. */
  const cachedTitles = (panel: Page) =>
    panel.evaluate(
      () =>
        new Promise<string[]>((resolve, reject) => {
          const open = indexedDB.open('tandem-knowledge');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('documents').objectStore('documents').getAll();
            all.onsuccess = () => {
              open.result.close();
              resolve((all.result as { title: string }[]).map((d) => d.title).sort());
            };
          };
        }),
    );

  /** When the panel last asked knowledge.sync (epoch ms), and how often. */
  function syncRequests(panel: Page) {
    const seen = { count: 0, last: Date.now() };
    panel.on('request', (request) => {
      if (!request.url().includes('knowledge.sync')) return;
      seen.count += 1;
      seen.last = Date.now();
    });
    return seen;
  }
  /** Polling asks every 2 s: 3.5 s without a sync request means the panel is following by push. */
  const quietFor = (seen: { last: number }, ms: number) => Date.now() - seen.last > ms;

  it('stops polling once pushed to, and an edit and a deletion still reach the cache', async () => {
    await upsert('returns', 'Returns within thirty days', 'Returns are accepted within thirty days of delivery.');
    await upsert('gift-wrap', 'Gift wrapping', 'Gift wrapping costs three euros per parcel.');
    const ticket = await browser.context.newPage();
    await ticket.goto(site.url('ticket-1001.html'));
    const panel = await sidePanelFor(browser, ticket);
    const seen = syncRequests(panel);
    await expect.poll(() => cachedTitles(panel), { timeout: 20_000 }).toEqual(['Gift wrapping', 'Returns within thirty days']);
    await expect.poll(() => quietFor(seen, 3_500), { timeout: 20_000, interval: 250 }).toBe(true);

    const before = seen.count;
    await upsert('returns', 'Returns within sixty days', 'Returns are now accepted within sixty days of delivery.');
    await expect.poll(() => cachedTitles(panel), { timeout: 10_000 }).toEqual(['Gift wrapping', 'Returns within sixty days']);
    await api.knowledge.articles.delete.mutate({ ids: ['gift-wrap'] });
    await expect.poll(() => cachedTitles(panel), { timeout: 10_000 }).toEqual(['Returns within sixty days']);
    // Pulled on the nudges: a sync or two per change, not a poll every 2 s.
    expect(seen.count - before).toBeGreaterThanOrEqual(2);
    expect(seen.count - before).toBeLessThanOrEqual(4);
    await panel.close();
    await ticket.close();
  });

  it('polls while the channel is blocked, still gets changes, and goes back to push when it is unblocked', async () => {
    const ticket = await browser.context.newPage();
    await ticket.goto(site.url('ticket-1001.html'));
    const extension = browser.extension!;
    const tabId = await extension.serviceWorker.evaluate(
      async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id,
      ticket.url(),
    );
    const panel = await browser.context.newPage();
    await panel.route(CHANNEL, (route) => route.abort('connectionrefused'));
    const seen = syncRequests(panel);
    await panel.goto(extension.url(`sidepanel.html?tabId=${tabId}`));
    await expect.poll(() => panel.getByTestId('cache-status').getAttribute('data-status'), { timeout: 20_000 }).toBe('ready');
    // Polling: a sync request at least every ~2 s.
    const polled = seen.count;
    await panel.waitForTimeout(4_500);
    expect(seen.count - polled).toBeGreaterThanOrEqual(2);

    await upsert('warranty', 'Warranty', 'The warranty covers two years from purchase.');
    await expect.poll(() => cachedTitles(panel), { timeout: 10_000 }).toContain('Warranty');

    await panel.unroute(CHANNEL);
    await expect.poll(() => quietFor(seen, 3_500), { timeout: 30_000, interval: 250 }).toBe(true);
    await upsert('exchanges', 'Exchanges', 'Exchanges are free within the first month.');
    await expect.poll(() => cachedTitles(panel), { timeout: 10_000 }).toContain('Exchanges');
    await panel.close();
    await ticket.close();
  });
});
