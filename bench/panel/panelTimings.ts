/// <reference lib="dom" />
/// <reference types="chrome" />
/**
 * The side panel's own timings in the built extension in Chromium, beside a real Tandem server
 * with the demo knowledge and the embedded drafter (no LLM), on our Zendesk and Salesforce
 * fixtures: (1) the panel opened beside a ticket → its first paint (the panel's
 * `tandem:panel-painted` mark), with the page's DOMContentLoaded and the browser's first
 * contentful paint as peers, and → the ticket's header on screen; (2) a ticket switch inside the
 * helpdesk's page → the new ticket's draft text on screen, with the same switches' knowledge cards
 * (the panel's own stamps) as the peer. One machine, one clock: page times are epoch ms.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM_PATH, EXTENSION_DIR, launchChromium } from '../../e2e/harness/chromium.js';
import { serveFixtures } from '../../e2e/harness/fixtureSite.js';
import { DEFAULT_TENANT_ID } from '../../server/src/auth/bootstrapAdmin.js';
import { loadDemoKnowledge } from '../../server/src/knowledge/ingest/demoKnowledge.js';
import { startTestServer } from '../../server/src/testing/testServer.js';
import { ms, percentile, type BenchRow } from '../report.js';

const AREA = 'side panel';
const COMMAND = '`npm run bench -- panel`';
const OPENS = 30;
const SWITCHES_PER_PAGE = 20;
const WARM_UP = 3;
const PAINT_MARK = 'tandem:panel-painted';

/** Pages holding two tickets, and how each site flips between them; each returns its start (epoch ms). */
const SWITCHES: [string, () => number][] = [
  [
    'zendesk/two-tabs-assumed-hooks.html',
    () => {
      const started = performance.timeOrigin + performance.now();
      for (const pane of Array.from(document.querySelectorAll('[data-test-id="ticket-pane"], [data-test-id="header-tab"]')))
        pane.setAttribute('data-is-active', pane.getAttribute('data-is-active') === 'true' ? 'false' : 'true');
      return started;
    },
  ],
  [
    'salesforce/lightning-console.html',
    () => {
      const started = performance.timeOrigin + performance.now();
      for (const tab of Array.from(document.querySelectorAll('.tabContent.oneConsoleTab'))) tab.classList.toggle('active');
      return started;
    },
  ],
];

const p50p95 = (values: readonly number[]) => `${ms(percentile(values, 50))} / ${ms(percentile(values, 95))}`;

interface OpenSample {
  paint: number;
  domContentLoaded: number;
  firstContentfulPaint: number;
  header: number;
}

/**
 * Installed in each panel document before its scripts run: stamps (ms since navigation start) when
 * the ticket's header first appears, and, per ticket, when its own draft first shows text: after
 * the header names the ticket the draft must have restarted ('starting'), so the previous ticket's
 * text, still on screen for a moment, never counts. A MutationObserver runs before the frame
 * paints, as the panel's own card stamps do.
 */
function installStamps(): void {
  interface Stamps {
    header?: number;
    drafts: Record<string, number>;
    restarted: Record<string, boolean>;
  }
  const stamps: Stamps = { drafts: {}, restarted: {} };
  (globalThis as unknown as { __panelStamps: Stamps }).__panelStamps = stamps;
  new MutationObserver(() => {
    const header = document.querySelector('[data-testid="ticket-header"]');
    if (header === null) return;
    stamps.header ??= performance.now();
    const id = header.getAttribute('data-ticket-id') ?? '';
    if (stamps.drafts[id] !== undefined) return;
    const status = document.querySelector('[data-testid="draft-status"]')?.getAttribute('data-status');
    if (status === 'starting') stamps.restarted[id] = true;
    const text = (document.querySelector('[data-testid="draft-text"]')?.textContent ?? '').trim();
    if (stamps.restarted[id] === true && text !== '' && text !== '…') stamps.drafts[id] = performance.timeOrigin + performance.now();
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
}

/** One panel opening beside the ticket's tab: navigation start → each moment, in ms. */
async function openOnce(newPage: () => Promise<Page>, url: string): Promise<OpenSample> {
  const panel = await newPage();
  try {
    await panel.addInitScript(installStamps);
    await panel.goto(url);
    const header = await panel.waitForFunction(
      () => (globalThis as unknown as { __panelStamps: { header?: number } }).__panelStamps.header,
      undefined,
      { timeout: 15_000, polling: 20 },
    );
    const headerAt = (await header.jsonValue()) as number;
    const paint = await panel.waitForFunction((mark) => performance.getEntriesByName(mark)[0]?.startTime, PAINT_MARK, { timeout: 15_000 });
    const paintAt = (await paint.jsonValue()) as number;
    const peers = await panel.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        domContentLoaded: navigation.domContentLoadedEventEnd,
        firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      };
    });
    return { paint: paintAt, header: headerAt, ...peers };
  } finally {
    await panel.close();
  }
}

export async function panelTimingsBench(): Promise<BenchRow[]> {
  if (!existsSync(CHROMIUM_PATH) || !existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    console.log('skipped: needs Chromium and the built extension (npm test builds it, or `pnpm --filter @tandem/extension build`)');
    return [];
  }
  const server = await startTestServer();
  const site = await serveFixtures();
  const browser = await launchChromium({ withExtension: true });
  try {
    const { jobId } = await loadDemoKnowledge(server.knowledge, DEFAULT_TENANT_ID);
    await server.knowledge.ingest.settled(jobId);
    const extension = browser.extension;
    if (extension === undefined) throw new Error('the extension did not load');
    await extension.serviceWorker.evaluate((values) => chrome.storage.local.set(values), {
      serverUrl: server.url,
      apiToken: server.adminToken,
    });
    const tab = await browser.context.newPage();
    const tabIdOf = (url: string) =>
      extension.serviceWorker.evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id, url);

    // 1. Opening the panel beside an open ticket: a fresh panel document each time.
    await tab.goto(site.url('zendesk/two-tabs-assumed-hooks.html'));
    await tab.waitForFunction(() => document.documentElement.dataset.tandemTicket);
    const panelUrl = extension.url(`sidepanel.html?tabId=${await tabIdOf(tab.url())}`);
    const opens: OpenSample[] = [];
    for (let i = 0; i < OPENS + WARM_UP; i++) {
      const sample = await openOnce(() => browser.context.newPage(), panelUrl);
      if (i >= WARM_UP) opens.push(sample);
    }

    // 2. Ticket switches inside the helpdesk page, the panel open beside it.
    const panel = await browser.context.newPage();
    await panel.addInitScript(installStamps);
    const draftOf = async (previous: string) => {
      const marked = await tab.waitForFunction((old) => {
        const id = document.documentElement.dataset.tandemTicket;
        return id !== undefined && id !== old ? id : undefined;
      }, previous);
      const id = (await marked.jsonValue()) as string;
      const seen = await panel.waitForFunction(
        (expected) => (globalThis as unknown as { __panelStamps: { drafts: Record<string, number> } }).__panelStamps.drafts[expected],
        id,
        { timeout: 20_000, polling: 20 },
      );
      const draftAt = (await seen.jsonValue()) as number;
      const cards = await panel.waitForFunction(
        (expected) => {
          const element = document.querySelector<HTMLElement>('[data-testid="knowledge-cards"]');
          return element?.dataset.stampedTicket === expected ? element.dataset.firstRenderedAt : undefined;
        },
        id,
        { timeout: 20_000, polling: 5 },
      );
      // The next switch starts from a finished draft, as an agent's would.
      await panel.waitForFunction(
        () => document.querySelector('[data-testid="draft-status"]')?.getAttribute('data-status') === 'done',
        undefined,
        {
          timeout: 30_000,
          polling: 20,
        },
      );
      return { id, draftAt, cardsAt: Number(await cards.jsonValue()) };
    };
    const toDraft: number[] = [];
    const toCards: number[] = [];
    for (const [page, flip] of SWITCHES) {
      await tab.goto(site.url(page));
      let current = (await (await tab.waitForFunction(() => document.documentElement.dataset.tandemTicket)).jsonValue()) as string;
      await panel.goto(extension.url(`sidepanel.html?tabId=${await tabIdOf(tab.url())}`));
      await panel.waitForFunction(
        () => document.querySelector('[data-testid="draft-status"]')?.getAttribute('data-status') === 'done',
        undefined,
        {
          timeout: 30_000,
        },
      );
      for (let i = 0; i < SWITCHES_PER_PAGE + WARM_UP; i++) {
        // The two tickets alternate: forget the last time this ticket's draft was seen.
        await panel.evaluate(() => {
          const stamps = (
            globalThis as unknown as { __panelStamps: { drafts: Record<string, number>; restarted: Record<string, boolean> } }
          ).__panelStamps;
          stamps.drafts = {};
          stamps.restarted = {};
        });
        const started = await tab.evaluate(flip);
        const seen = await draftOf(current);
        current = seen.id;
        if (i < WARM_UP) continue;
        toDraft.push(seen.draftAt - started);
        toCards.push(seen.cardsAt - started);
      }
    }

    return [
      {
        area: AREA,
        metric: `panel opened beside a ticket → its first paint p50 / p95, built extension in Chromium (fresh panel document, ${OPENS} opens)`,
        value: `${p50p95(opens.map((o) => o.paint))} (→ the ticket's header on screen ${p50p95(opens.map((o) => o.header))})`,
        peer: `the panel page's DOMContentLoaded ${p50p95(opens.map((o) => o.domContentLoaded))}; the browser's first contentful paint ${p50p95(opens.map((o) => o.firstContentfulPaint))}`,
        command: COMMAND,
      },
      {
        area: AREA,
        metric: `ticket switch in the helpdesk's page → the new ticket's draft text on screen p50 / p95, embedded drafter, demo knowledge (Zendesk and Salesforce fixtures, ${toDraft.length} switches)`,
        value: p50p95(toDraft),
        peer: `the same switches' knowledge cards ${p50p95(toCards)}`,
        command: COMMAND,
      },
    ];
  } finally {
    await browser.close();
    await site.close();
    await server.close();
  }
}
