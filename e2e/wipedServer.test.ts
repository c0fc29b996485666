// A wiped server behind a full extension cache: the server's data directory is deleted and the
// server started again on the same URL, with the same admin token and other knowledge. The
// panel's cache must start its copy over and show the new knowledge, and never the old again:
// not once it is up to date, and not offline, when the cache alone answers.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, sidePanelFor, type ChromiumSession } from './harness/chromium.js';
import { serveFixtures, type FixtureSite } from './harness/fixtureSite.js';
import { startWipeableServer, type HelpArticle, type WipeableServer } from './harness/wipeableServer.js';

// Both answer the fixture ticket (a double charge on order 5512); only their titles tell them apart.
const OLD: HelpArticle = {
  id: 'double-charges',
  title: 'Double charges: refunded within 10 days (old policy)',
  body: 'When a customer is charged twice for one order, refund the duplicate charge. The refund reaches the card within 10 days.',
};
const NEW: HelpArticle = {
  id: 'duplicate-charges',
  title: 'Duplicate charges: refunded the same day (new policy)',
  body: 'When a customer was charged twice for an order, refund the duplicate charge at once. The refund is sent the same day.',
};

describe('knowledge cache after the server was wiped', () => {
  let server: WipeableServer;
  let site: FixtureSite;
  let browser: ChromiumSession;

  beforeAll(async () => {
    server = await startWipeableServer();
    site = await serveFixtures();
    browser = await launchChromium({ withExtension: true });
    const settings = { serverUrl: server.url, apiToken: server.token };
    await browser.extension!.serviceWorker.evaluate((values) => chrome.storage.local.set(values), settings);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.close();
  });

  const panelFor = (page: Page) => sidePanelFor(browser, page);

  /** The titles in the extension's IndexedDB cache, read from an extension page. */
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
  const cardTitles = (panel: Page) => panel.getByTestId('knowledge-card').getByTestId('card-title').allTextContents();
  const cacheStatus = (panel: Page) => panel.getByTestId('cache-status').getAttribute('data-status');

  it('starts the cache over and shows the new knowledge’s cards, never the old', async () => {
    await server.addArticles([OLD]);
    const ticket = await browser.context.newPage();
    await ticket.goto(site.url('ticket-1001.html'));
    const before = await panelFor(ticket);
    await expect.poll(() => cacheStatus(before), { timeout: 20_000 }).toBe('ready');
    await expect.poll(() => cachedTitles(before), { timeout: 20_000 }).toEqual([OLD.title]);
    await expect.poll(() => cardTitles(before), { timeout: 10_000 }).toContain(OLD.title);
    await before.close();

    await server.wipeAndRestart();
    await server.addArticles([NEW]);

    const after = await panelFor(ticket);
    // The copy was started over: the old article is gone from IndexedDB, the new one is there.
    await expect.poll(() => cachedTitles(after), { timeout: 30_000 }).toEqual([NEW.title]);
    await expect.poll(() => cacheStatus(after), { timeout: 20_000 }).toBe('ready');
    await expect.poll(() => cardTitles(after), { timeout: 10_000 }).toContain(NEW.title);
    // And it stays that way through the next polls of the change feed.
    const shown: string[] = [];
    for (let i = 0; i < 8; i++) {
      shown.push(...(await cardTitles(after)));
      await after.waitForTimeout(500);
    }
    expect(shown).toContain(NEW.title);
    expect(shown).not.toContain(OLD.title);
    await after.close();

    // Offline the cache alone answers: the new knowledge, and only it.
    await server.close();
    const offline = await panelFor(ticket);
    await expect.poll(() => cacheStatus(offline), { timeout: 20_000 }).toBe('offline');
    const cards = offline.getByTestId('knowledge-cards');
    await expect.poll(() => cards.getAttribute('data-ticket-id'), { timeout: 10_000 }).toBe('T-1001');
    expect(await cards.getAttribute('data-origin')).toBe('cache');
    expect(await cardTitles(offline)).toEqual([NEW.title]);
    expect(await cachedTitles(offline)).toEqual([NEW.title]);
    await offline.close();
    await ticket.close();
  });
});
