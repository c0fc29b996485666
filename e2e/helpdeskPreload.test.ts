// The desktop app's built helpdesk preload (desktop/dist/preload/helpdeskPreload.cjs) in real
// Chromium on the extension's own fixture helpdesk pages. Electron cannot run here, so the page
// gets what a sandboxed preload has, `require('electron')` with a recording ipcRenderer and
// `process.argv` with the tab's site, and the bundle runs at document start as a preload does:
// it must read the ticket once the page is parsed, report it in the validated shape, put an
// insert into the reply box through the browser's own editing (execCommand), and report the
// draft's outcome.
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, requireBuilt, type ChromiumSession } from './harness/chromium.js';
import { serveFixtures, type FixtureSite } from './harness/fixtureSite.js';

const PRELOAD = path.resolve(import.meta.dirname, '../desktop/dist/preload/helpdeskPreload.cjs');
const ARGUMENT_PREFIX = '--tandem-helpdesk=';

interface Recorded {
  channel: string;
  payload: unknown;
}

declare global {
  interface Window {
    __tandemSent: Recorded[];
    __tandemInsert?: (command: unknown) => void;
  }
}

/** What Electron gives a sandboxed preload, reduced to what the helpdesk preload touches. */
function electronStub(site: string, mappedHosts: string[]): string {
  const argument = `${ARGUMENT_PREFIX}${encodeURIComponent(JSON.stringify({ site, mappedHosts }))}`;
  return `
    window.__tandemSent = [];
    var process = { argv: ['/opt/tandem/tandem', '--type=renderer', ${JSON.stringify(argument)}], env: {} };
    var module = { exports: {} };
    var exports = module.exports;
    function require(name) {
      if (name !== 'electron') throw new Error('a sandboxed preload can require only electron, not ' + name);
      return {
        ipcRenderer: {
          send: function (channel, payload) { window.__tandemSent.push({ channel: channel, payload: JSON.parse(JSON.stringify(payload)) }); },
          on: function (channel, listener) {
            if (channel === 'helpdesk-page:insert') window.__tandemInsert = function (command) { listener({}, command); };
          },
          removeListener: function () {},
        },
      };
    }
  `;
}

async function sentOn(page: Page, channel: string): Promise<unknown[]> {
  return page.evaluate((wanted) => window.__tandemSent.filter((each) => each.channel === wanted).map((each) => each.payload), channel);
}

describe('helpdesk preload bundle in Chromium', () => {
  let browser: ChromiumSession;
  let site: FixtureSite;
  let bundle: string;

  beforeAll(async () => {
    requireBuilt(PRELOAD, 'The desktop helpdesk preload');
    bundle = await readFile(PRELOAD, 'utf8');
    site = await serveFixtures();
    browser = await launchChromium({ withExtension: false });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function openTab(fixture: string, helpdesk: string): Promise<Page> {
    const page = await browser.context.newPage();
    // A loopback fixture server stands in for the helpdesk's host, mapped to the site as an admin would.
    await page.addInitScript({ content: `${electronStub(helpdesk, ['127.0.0.1'])}\n${bundle}` });
    await page.goto(site.url(fixture));
    return page;
  }

  it('reads the ticket at load, inserts a draft with execCommand and reports its outcome', async () => {
    const page = await openTab('zendesk/agent-workspace-tabs.html', 'zendesk');
    await expect.poll(() => sentOn(page, 'helpdesk-page:report'), { timeout: 10_000 }).toHaveLength(1);
    const [report] = await sentOn(page, 'helpdesk-page:report');
    expect(report).toMatchObject({ type: 'ticket.opened', ticket: { site: 'zendesk', ticketId: '30412' } });

    const composer = page.locator('[data-ticket-id="30412"] [aria-label="Public reply composer"]');
    // The browser's own editing fires trusted input events; the fallback's synthetic one is not trusted.
    await composer.evaluate((box) => {
      box.addEventListener('input', (event) => box.setAttribute('data-input-trusted', String(event.isTrusted)));
    });
    const draft = 'Sorry the kettle stopped heating. A replacement is on its way.';
    await page.evaluate((text) => window.__tandemInsert?.({ requestId: 'r1', draftId: 'd1', text }), draft);
    expect(await sentOn(page, 'helpdesk-page:insert-result')).toEqual([
      { requestId: 'r1', reply: { ok: true, composer: 'Zendesk reply box' } },
    ]);
    expect(await composer.textContent()).toContain('A replacement is on its way.');
    expect(await composer.getAttribute('data-input-trusted')).toBe('true');

    // The helpdesk sends the reply: the box empties without the agent typing.
    await composer.evaluate((box) => {
      box.textContent = '';
    });
    await expect
      .poll(() => sentOn(page, 'helpdesk-page:draft-outcome'), { timeout: 10_000 })
      .toEqual([{ draftId: 'd1', outcome: 'sent-as-is', keptRatio: 1 }]);
    await page.close();
  });

  it('ignores a malformed insert command and reports no ticket on a page without one', async () => {
    const page = await openTab('not-a-ticket.html', 'zendesk');
    await expect.poll(() => sentOn(page, 'helpdesk-page:report'), { timeout: 10_000 }).toEqual([{ type: 'ticket.closed' }]);
    await page.evaluate(() => window.__tandemInsert?.({ requestId: 'r1', draftId: 'd1', text: 'Hi', html: '<b>x</b>' }));
    expect(await sentOn(page, 'helpdesk-page:insert-result')).toEqual([]);
    await page.close();
  });
});
