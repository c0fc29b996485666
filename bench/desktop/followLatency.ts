/// <reference lib="dom" />
/// <reference types="chrome" />
/**
 * Follow mode's latency: a ticket switch in the helpdesk page (our Zendesk fixture, the built
 * extension in Chromium) → the same ticket on the desktop Copilot screen (the console build served
 * at /console, signed in as the same agent, in another page of the same browser). The path: the
 * content script reads the ticket, the background records it and publishes it over
 * presence.publish, the server redacts it and pushes it down presence.follow's event stream, the
 * screen renders it. Timed from the page's DOM change to the Copilot screen's DOM holding the new
 * ticket id (epoch ms; one machine, one clock). Peer, same switches: the side panel beside the tab
 * showing that ticket (the local path, no server). Budget: p95 < 500 ms.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { serverClient } from '../../server/src/cli/serverClient.js';
import { startTestServer } from '../../server/src/testing/testServer.js';
import { CHROMIUM_PATH, CONSOLE_DIR, EXTENSION_DIR, launchChromium, sidePanelFor } from '../../e2e/harness/chromium.js';
import { serveFixtures } from '../../e2e/harness/fixtureSite.js';
import { signInToConsole } from '../../e2e/harness/consoleSignIn.js';
import { ms, percentile, type BenchRow } from '../report.js';

const AREA = 'desktop follow';
const COMMAND = '`npm run bench -- desktop`';
const SWITCHES = 24;
const WARM_UP = 3;

/** Stamps (epoch ms) each ticket id the first time `[data-testid=ticket-header]` shows it in this page. */
function stampTicketHeaders(): void {
  const seen = new Map<string, number>();
  (window as unknown as { tandemStamps: Map<string, number> }).tandemStamps = seen;
  const check = () => {
    const id = document.querySelector('[data-testid="ticket-header"]')?.getAttribute('data-ticket-id');
    if (id !== null && id !== undefined && !seen.has(id)) seen.set(id, performance.timeOrigin + performance.now());
  };
  new MutationObserver(check).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-ticket-id'],
  });
  check();
}

/** Flips the active Zendesk ticket; returns when it started (epoch ms). */
function switchTicket(): number {
  const started = performance.timeOrigin + performance.now();
  for (const pane of Array.from(document.querySelectorAll('[data-test-id="ticket-pane"], [data-test-id="header-tab"]')))
    pane.setAttribute('data-is-active', pane.getAttribute('data-is-active') === 'true' ? 'false' : 'true');
  return started;
}

/** tsx keeps function names with an `__name` helper the page does not have: give it one before evaluating our functions there. */
const installStamps = async (page: Page) => {
  await page.evaluate('window.__name = (fn) => fn');
  await page.evaluate(stampTicketHeaders);
};

const stampOf = (page: Page, id: string) =>
  page.evaluate((ticketId) => (window as unknown as { tandemStamps: Map<string, number> }).tandemStamps.get(ticketId), id);

async function waitForStamp(page: Page, id: string): Promise<number> {
  for (let tries = 0; tries < 400; tries++) {
    const at = await stampOf(page, id);
    if (at !== undefined) return at;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`ticket ${id} never showed`);
}

/** Clears the stamps so the next switch back to a ticket seen before is stamped again. */
const resetStamps = (page: Page) => page.evaluate(() => (window as unknown as { tandemStamps: Map<string, number> }).tandemStamps.clear());

export async function followLatencyBench(): Promise<BenchRow[]> {
  if (!existsSync(CHROMIUM_PATH) || !existsSync(path.join(EXTENSION_DIR, 'manifest.json')) || !existsSync(CONSOLE_DIR)) {
    console.log('skipped: needs Chromium, the built extension and the built console (`pnpm -r run build`)');
    return [];
  }
  const server = await startTestServer({ TANDEM_CONSOLE_DIR: CONSOLE_DIR, TANDEM_DEMO_STORE: 'false' }, { embedder: null });
  const site = await serveFixtures();
  const browser = await launchChromium({ withExtension: true });
  try {
    const admin = serverClient({ url: server.url, token: server.adminToken });
    const token = (await admin.team.createToken.mutate({ name: 'Bench Agent', role: 'agent' })).token;
    await browser.extension?.serviceWorker.evaluate((values) => chrome.storage.local.set(values), {
      serverUrl: server.url,
      apiToken: token,
      followMode: true,
    });

    const desktop = await browser.context.newPage();
    await signInToConsole(desktop, server.url, token);
    await desktop.getByTestId('nav-copilot').click();
    await desktop.getByTestId('copilot-screen').waitFor({ timeout: 15_000 });
    await installStamps(desktop);

    const page = await browser.context.newPage();
    await page.goto(site.url('zendesk/two-tabs-assumed-hooks.html'));
    const panel = await sidePanelFor(browser, page);
    await panel.getByTestId('ticket-header').waitFor({ timeout: 15_000 });
    await installStamps(panel);
    const firstId = await page.evaluate(() => document.documentElement.dataset.tandemTicket ?? '');
    await waitForStamp(desktop, firstId);

    const toDesktop: number[] = [];
    const toPanel: number[] = [];
    for (let i = 0; i < WARM_UP + SWITCHES; i++) {
      await resetStamps(desktop);
      await resetStamps(panel);
      const before = await page.evaluate(() => document.documentElement.dataset.tandemTicket ?? '');
      const started = await page.evaluate(switchTicket);
      let id = before;
      for (let tries = 0; id === before && tries < 400; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        id = await page.evaluate(() => document.documentElement.dataset.tandemTicket ?? '');
      }
      const [onDesktop, onPanel] = await Promise.all([waitForStamp(desktop, id), waitForStamp(panel, id)]);
      if (i < WARM_UP) continue;
      toDesktop.push(onDesktop - started);
      toPanel.push(onPanel - started);
    }
    const p = (xs: number[], q: number) => ms(percentile(xs, q));
    return [
      {
        area: AREA,
        metric: `ticket switch in the page → same ticket on the desktop Copilot screen, p50 / p95 (${SWITCHES} switches; budget p95 < 500 ms)`,
        value: `${p(toDesktop, 50)} / ${p(toDesktop, 95)}`,
        peer: `side panel beside the tab (no server): ${p(toPanel, 50)} / ${p(toPanel, 95)}`,
        command: COMMAND,
      },
    ];
  } finally {
    await browser.close();
    await site.close();
    await server.close();
  }
}
