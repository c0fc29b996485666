// The whole agent flow with the built extension in Chromium, on each site's fixture page served on
// 127.0.0.1: the content script reads the ticket → the side panel shows it → knowledge cards →
// a streamed draft from a real Tandem server → Insert puts it into the page's own composer.
// Then: switching tickets updates the panel; with the server stopped, cards come from the
// local cache; hostile markup stays inert; a 5,000-message thread keeps the panel responsive.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TENANT_ID } from '../server/src/auth/bootstrapAdmin.js';
import { loadDemoKnowledge } from '../server/src/knowledge/ingest/demoKnowledge.js';
import { startTestServer, type TestServer } from '../server/src/testing/testServer.js';
import { launchChromium, sidePanelFor, type ChromiumSession } from './harness/chromium.js';
import { serveFixtures, type FixtureSite } from './harness/fixtureSite.js';

interface SiteCase {
  site: string;
  page: string;
  subject: string;
  /** The customer, as the panel's header names them. */
  requester: string;
  /** The composer the draft must land in. */
  composer: string;
  /** Switches the page to its other ticket the way the site does; returns that ticket's subject. */
  switchTicket: (page: Page, site: FixtureSite) => Promise<string>;
}

const SITES: SiteCase[] = [
  {
    site: 'gmail',
    page: 'gmail/thread-with-collapsed-message.html',
    subject: 'Cracked battery mount on order LB-7781',
    requester: 'Tomasz Wielgus',
    composer: 'div.M9 [contenteditable="true"]',
    // Opening another thread in Gmail: a navigation of the same tab.
    switchTicket: async (page, site) => {
      await page.goto(site.url('gmail/older-layout-search.html'));
      return (await page.locator('h2').first().innerText()).trim();
    },
  },
  {
    site: 'zendesk',
    page: 'zendesk/two-tabs-assumed-hooks.html',
    subject: 'Parcel arrived damaged',
    requester: 'Noor Haddad',
    composer: 'section[data-is-active="true"] [contenteditable="true"]',
    // Zendesk keeps every open ticket in the DOM and flips which tab is active.
    switchTicket: async (page) => {
      await page.evaluate(() => {
        for (const pane of Array.from(document.querySelectorAll('[data-test-id="ticket-pane"], [data-test-id="header-tab"]'))) {
          pane.setAttribute('data-is-active', pane.getAttribute('data-is-active') === 'true' ? 'false' : 'true');
        }
      });
      return 'Cannot export invoices to CSV';
    },
  },
  {
    site: 'salesforce',
    page: 'salesforce/lightning-console.html',
    subject: 'Label printer skips every second label',
    requester: 'Mara Quill',
    composer: '.tabContent.active .ql-editor',
    // The Service Console's tabs: the active one carries the `active` class.
    switchTicket: async (page) => {
      await page.evaluate(() => {
        for (const tab of Array.from(document.querySelectorAll('.tabContent.oneConsoleTab'))) tab.classList.toggle('active');
      });
      return page.evaluate(
        () => document.querySelector('.tabContent.active [field-label="Subject"] [name="outputField"]')?.textContent?.trim() ?? '',
      );
    },
  },
];

describe('agent flow in the extension', () => {
  let server: TestServer | undefined;
  let site: FixtureSite;
  let browser: ChromiumSession;

  beforeAll(async () => {
    server = await startTestServer();
    // The demo knowledge base `npm start` loads: our own help articles for a fictional store.
    const { jobId } = await loadDemoKnowledge(server.knowledge, DEFAULT_TENANT_ID);
    await server.knowledge.ingest.settled(jobId);
    site = await serveFixtures();
    browser = await launchChromium({ withExtension: true });
    const settings = { serverUrl: server.url, apiToken: server.adminToken };
    await browser.extension!.serviceWorker.evaluate((values) => chrome.storage.local.set(values), settings);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.close();
  });

  const panelFor = (page: Page) => sidePanelFor(browser, page);

  for (const c of SITES) {
    it(`${c.site}: ticket → cards → streamed draft → insert into the composer; switching tickets follows`, async () => {
      const page = await browser.context.newPage();
      await page.goto(site.url(c.page));
      const panel = await panelFor(page);

      // The right context: this ticket's subject, its customer, its id.
      await expect.poll(() => panel.getByTestId('ticket-subject').textContent(), { timeout: 15_000 }).toBe(c.subject);
      expect(await panel.locator('section[aria-label="Ticket"]').innerText()).toContain(c.requester);
      const ticketId = await page.evaluate(() => document.documentElement.dataset.tandemTicket);
      expect(ticketId).toBeTruthy();
      expect(await panel.getByTestId('ticket-header').getAttribute('data-ticket-id')).toBe(ticketId);

      // Cards for this ticket (from the cache first, then the server).
      const cards = panel.getByTestId('knowledge-cards');
      await expect.poll(() => cards.getAttribute('data-ticket-id'), { timeout: 15_000 }).toBe(ticketId);
      await expect.poll(() => panel.getByTestId('knowledge-card').count(), { timeout: 15_000 }).toBeGreaterThan(0);

      // The draft streams to its end, then goes into the page's composer.
      await expect.poll(() => panel.getByTestId('draft-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
      const draft = (await panel.getByTestId('draft-text').innerText()).trim();
      expect(draft.length).toBeGreaterThan(20);
      await panel.getByTestId('insert-draft').click();
      const firstLine =
        draft
          .split('\n')[0]
          ?.replace(/\[\d+\]/g, '')
          .trim() ?? '';
      await expect.poll(() => page.locator(c.composer).first().innerText(), { timeout: 10_000 }).toContain(firstLine.slice(0, 30));

      // Another ticket in the same tab: the panel follows.
      const otherSubject = await c.switchTicket(page, site);
      await expect.poll(() => panel.getByTestId('ticket-subject').textContent(), { timeout: 15_000 }).toBe(otherSubject);
      const otherId = await page.evaluate(() => document.documentElement.dataset.tandemTicket);
      expect(otherId).not.toBe(ticketId);
      await expect.poll(() => cards.getAttribute('data-ticket-id'), { timeout: 15_000 }).toBe(otherId);

      await panel.close();
      await page.close();
    });
  }

  it('renders hostile ticket markup as inert text', async () => {
    const page = await browser.context.newPage();
    await page.goto(site.url('zendesk/two-tabs-assumed-hooks.html'));
    const panel = await panelFor(page);
    await expect.poll(() => panel.getByTestId('ticket-subject').textContent(), { timeout: 15_000 }).toBe('Parcel arrived damaged');
    await expect.poll(() => panel.getByTestId('draft-status').getAttribute('data-status'), { timeout: 30_000 }).toMatch(/done|error/);
    expect(
      await panel.evaluate(() => ({
        scripts: document.querySelectorAll('main script').length,
        images: document.querySelectorAll('main img').length,
      })),
    ).toEqual({
      scripts: 0,
      images: 0,
    });
    expect(await panel.evaluate(() => 'pwned' in window || 'tandemPwned' in window)).toBe(false);
    await panel.close();
    await page.close();
  });

  it('says it could not read a ticket whose page layout changed, and shows no ticket', async () => {
    const page = await browser.context.newPage();
    await page.goto(site.url('generated/gmail-redesigned.html'));
    const panel = await panelFor(page);
    await expect.poll(() => panel.getByTestId('ticket-unreadable').count(), { timeout: 15_000 }).toBe(1);
    expect(await panel.getByTestId('ticket-unreadable-detail').textContent()).toBe('The Gmail thread has no subject heading');
    expect(await panel.getByTestId('ticket-subject').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.dataset.tandemTicket)).toBeUndefined();
    await panel.close();
    await page.close();
  });

  it('keeps the panel responsive on a 5,000-message thread, keeping the newest messages', async () => {
    const page = await browser.context.newPage();
    await page.goto(site.url('generated/zendesk-thread-5000.html'));
    const panel = await panelFor(page);
    await expect
      .poll(() => panel.getByTestId('ticket-subject').textContent(), { timeout: 20_000 })
      .toBe('Replacement charger lost in transit');
    // The panel's main thread answers quickly while the draft streams.
    const lags: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = Date.now();
      await panel.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
      lags.push(Date.now() - started);
    }
    expect(Math.max(...lags)).toBeLessThan(1_000);
    const summary = await panel.getByTestId('ticket-message-count').textContent();
    expect(summary).toMatch(/\d+ messages/);
    expect(Number(/(\d+)/.exec(summary ?? '')?.[1])).toBeLessThan(5_000);
    await panel.close();
    await page.close();
  });

  it('shows cards from the local cache when the server is gone', async () => {
    const page = await browser.context.newPage();
    await page.goto(site.url('gmail/thread-with-collapsed-message.html'));
    const panel = await panelFor(page);
    // The cache is complete once the panel says it is up to date.
    await expect.poll(() => panel.getByTestId('cache-status').getAttribute('data-status'), { timeout: 20_000 }).toBe('ready');
    await panel.close();

    await server?.close();
    server = undefined;
    const offline = await panelFor(page);
    const ticketId = await page.evaluate(() => document.documentElement.dataset.tandemTicket);
    await expect.poll(() => offline.getByTestId('connection-state').textContent(), { timeout: 20_000 }).toBe('Server unreachable');
    await expect.poll(() => offline.getByTestId('cache-status').getAttribute('data-status'), { timeout: 20_000 }).toBe('offline');
    const cards = offline.getByTestId('knowledge-cards');
    await expect.poll(() => cards.getAttribute('data-ticket-id'), { timeout: 10_000 }).toBe(ticketId);
    expect(await cards.getAttribute('data-origin')).toBe('cache');
    expect(await offline.getByTestId('knowledge-card').count()).toBeGreaterThan(0);
    await offline.close();
    await page.close();
  });

  it('signing out deletes the local knowledge cache', async () => {
    const ext = browser.extension!;
    const countDocuments = (page: Page) =>
      page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('tandem-knowledge');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const count = open.result.transaction('documents').objectStore('documents').count();
              count.onsuccess = () => {
                open.result.close();
                resolve(count.result);
              };
            };
          }),
      );
    const options = await browser.context.newPage();
    await options.goto(ext.url('options.html'));
    expect(await countDocuments(options)).toBeGreaterThan(0);
    await options.getByTestId('sign-out').click();
    await expect.poll(() => options.getByTestId('options-status').textContent()).toMatch(/Signed out/);
    expect(await countDocuments(options)).toBe(0);
    expect(await ext.serviceWorker.evaluate(() => chrome.storage.local.get('apiToken'))).toEqual({});
    await options.close();
  });
});
