// Keyboard only, in real Chromium with the built extension: from the helpdesk page, open the panel,
// read the draft, edit it, insert it into the page's composer and rate it, without the mouse.
// Opening: Alt+Shift+T (the extension's _execute_action command, which opens the side panel) is
// pressed in the helpdesk page first; headless Chromium routes no browser accelerators and shows
// no side panel, so when no panel appears the test opens the panel's page pinned to that tab
// (sidepanel.html?tabId=, as every panel e2e does) and carries on with the keyboard only.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_TENANT_ID } from '../server/src/auth/bootstrapAdmin.js';
import { loadDemoKnowledge } from '../server/src/knowledge/ingest/demoKnowledge.js';
import { startTestServer, type TestServer } from '../server/src/testing/testServer.js';
import { launchChromium, sidePanelFor, type ChromiumSession } from './harness/chromium.js';
import { serveFixtures, type FixtureSite } from './harness/fixtureSite.js';

const COMPOSER = 'section[data-is-active="true"] [contenteditable="true"]';
const MAX_TABS = 60;

/** The focused element's test id (or its tag), and whether its focus ring is drawn. */
function focused(panel: Page): Promise<{ id: string; ring: boolean }> {
  return panel.evaluate(() => {
    const element = document.activeElement;
    if (element === null || element === document.body) return { id: 'body', ring: false };
    const style = getComputedStyle(element);
    return {
      id: element.getAttribute('data-testid') ?? element.tagName.toLowerCase(),
      ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    };
  });
}

/** Presses Tab until `id` has the focus; returns every stop on the way. */
async function tabTo(panel: Page, id: string): Promise<{ id: string; ring: boolean }[]> {
  const stops: { id: string; ring: boolean }[] = [];
  for (let i = 0; i < MAX_TABS; i++) {
    await panel.keyboard.press('Tab');
    const now = await focused(panel);
    stops.push(now);
    if (now.id === id) return stops;
  }
  throw new Error(`Tab never reached ${id}: ${stops.map((s) => s.id).join(' → ')}`);
}

describe('side panel, keyboard only', () => {
  let server: TestServer;
  let site: FixtureSite;
  let browser: ChromiumSession;

  beforeAll(async () => {
    server = await startTestServer();
    const { jobId } = await loadDemoKnowledge(server.knowledge, DEFAULT_TENANT_ID);
    await server.knowledge.ingest.settled(jobId);
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

  it('opens, reads, edits, inserts and rates the draft without the mouse', async () => {
    const page = await browser.context.newPage();
    await page.goto(site.url('zendesk/two-tabs-assumed-hooks.html'));
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.tandemTicket), { timeout: 15_000 }).toBeTruthy();

    const opened = browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('sidepanel.html'), timeout: 3_000 });
    await page.keyboard.press('Alt+Shift+T');
    const panel = (await opened.catch(() => undefined)) ?? (await sidePanelFor(browser, page));
    await panel.setViewportSize({ width: 400, height: 900 });
    await expect.poll(() => panel.getByTestId('draft-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('done');

    // Read: the draft's text is a stop of its own (it scrolls by keyboard), before Insert; every stop shows its focus.
    const stops = await tabTo(panel, 'insert-draft');
    const ids = stops.map((s) => s.id);
    expect(ids.indexOf('draft-text')).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf('draft-text')).toBeLessThan(ids.indexOf('insert-draft'));
    expect(stops.filter((s) => !s.ring).map((s) => s.id)).toEqual([]);

    // Edit: Edit opens the editor with the focus in it; Save gives the focus back to Insert.
    await panel.keyboard.press('Tab');
    expect((await focused(panel)).id).toBe('edit-draft');
    await panel.keyboard.press('Enter');
    expect((await focused(panel)).id).toBe('edit-text');
    await panel.keyboard.press('Control+End');
    await panel.keyboard.type(' See you soon, the Tandem team.');
    await panel.keyboard.press('Tab');
    expect((await focused(panel)).id).toBe('edit-save');
    await panel.keyboard.press('Enter');
    expect(await focused(panel)).toEqual({ id: 'insert-draft', ring: true });
    expect(await panel.getByTestId('draft-edited').isVisible()).toBe(true);

    // Insert: Enter on the focused button puts the edited draft into the page's own composer.
    await panel.keyboard.press('Enter');
    await expect.poll(() => panel.getByTestId('insert-result').textContent(), { timeout: 10_000 }).toMatch(/^Inserted into/);
    await expect.poll(() => page.locator(COMPOSER).first().innerText(), { timeout: 10_000 }).toContain('See you soon, the Tandem team.');

    // Rate: on to "Helpful", Space presses it; the server took the rating.
    await tabTo(panel, 'feedback-helpful');
    await panel.keyboard.press('Space');
    await expect.poll(() => panel.getByTestId('feedback-status').textContent(), { timeout: 10_000 }).toBe('Thanks, noted.');
    expect(await panel.getByTestId('feedback-helpful').getAttribute('aria-pressed')).toBe('true');

    await panel.close();
    await page.close();
  });
});
