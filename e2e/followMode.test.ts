// Follow mode end to end: the built extension on a fixture helpdesk page and the console build at
// /console in another page, both signed in as the same agent. Opening a ticket shows it on the
// desktop Copilot screen; switching tickets follows; Insert from the Copilot screen lands in the
// page's composer; a lead following the agent sees the same ticket read-only, and the agent's side
// panel says so; pausing stops publication. (The 500 ms figure is measured in
// bench/desktop/followLatency.ts, not asserted here.)
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverClient } from '../server/src/cli/serverClient.js';
import { startTestServer, type TestServer } from '../server/src/testing/testServer.js';
import { CONSOLE_DIR, launchChromium, requireBuilt, sidePanelFor, type ChromiumSession } from './harness/chromium.js';
import { serveFixtures, type FixtureSite } from './harness/fixtureSite.js';
import { signInToConsole } from './harness/consoleSignIn.js';

const TICKET_PAGE = 'zendesk/two-tabs-assumed-hooks.html';
const FIRST_SUBJECT = 'Parcel arrived damaged';
const OTHER_SUBJECT = 'Cannot export invoices to CSV';
const COMPOSER = 'section[data-is-active="true"] [contenteditable="true"]';

/** Zendesk keeps every open ticket in the DOM and flips which tab is active. */
async function switchZendeskTicket(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const pane of Array.from(document.querySelectorAll('[data-test-id="ticket-pane"], [data-test-id="header-tab"]'))) {
      pane.setAttribute('data-is-active', pane.getAttribute('data-is-active') === 'true' ? 'false' : 'true');
    }
  });
}

async function openCopilot(session: ChromiumSession, url: string, token: string): Promise<Page> {
  const page = await session.context.newPage();
  await signInToConsole(page, url, token);
  await page.getByTestId('nav-copilot').click();
  await page.getByTestId('copilot-screen').waitFor({ timeout: 15_000 });
  return page;
}

const subjectOf = (page: Page) =>
  page
    .getByTestId('ticket-subject')
    .first()
    .textContent({ timeout: 1_000 })
    .catch(() => null);

describe('follow mode: the desktop Copilot screen follows the browser', () => {
  let server: TestServer;
  let site: FixtureSite;
  let browser: ChromiumSession;
  let coach: ChromiumSession;
  let agentToken = '';
  let leadToken = '';

  beforeAll(async () => {
    requireBuilt(CONSOLE_DIR, 'The console');
    server = await startTestServer({ TANDEM_CONSOLE_DIR: CONSOLE_DIR, TANDEM_DEMO_STORE: 'false' });
    const admin = serverClient({ url: server.url, token: server.adminToken });
    agentToken = (await admin.team.createToken.mutate({ name: 'Ana Agent', role: 'agent' })).token;
    leadToken = (await admin.team.createToken.mutate({ name: 'Lee Lead', role: 'lead' })).token;
    site = await serveFixtures();
    browser = await launchChromium({ withExtension: true });
    // A separate browser for the lead: the console remembers one session per origin and profile.
    coach = await launchChromium({ withExtension: false });
    await browser.extension!.serviceWorker.evaluate((values) => chrome.storage.local.set(values), {
      serverUrl: server.url,
      apiToken: agentToken,
      followMode: true,
    });
  });
  afterAll(async () => {
    await coach?.close();
    await browser?.close();
    await site?.close();
    await server?.close();
  });

  it('follows the open ticket, switches with it, inserts back into the page, lets a lead watch read-only, and stops when paused', async () => {
    const desktop = await openCopilot(browser, server.url, agentToken);
    const page = await browser.context.newPage();
    await page.goto(site.url(TICKET_PAGE));

    // Opening a ticket shows it on the Copilot screen.
    await expect.poll(() => subjectOf(desktop), { timeout: 15_000 }).toBe(FIRST_SUBJECT);
    expect(await desktop.getByTestId('copilot-following').getAttribute('data-read-only')).toBe('false');

    // Switching tickets follows.
    await switchZendeskTicket(page);
    await expect.poll(() => subjectOf(desktop), { timeout: 15_000 }).toBe(OTHER_SUBJECT);
    const ticketId = await page.evaluate(() => document.documentElement.dataset.tandemTicket);
    await expect.poll(() => desktop.getByTestId('ticket-header').getAttribute('data-ticket-id')).toBe(ticketId);

    // The desktop's draft streams from the redacted ticket; Insert sends it back through the
    // extension, which puts it into the page's own composer with the real values restored.
    await expect.poll(() => desktop.getByTestId('draft-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    const draft = (await desktop.getByTestId('draft-text').innerText()).trim();
    await desktop.getByTestId('insert-draft').click();
    await expect.poll(() => desktop.getByTestId('insert-result').textContent(), { timeout: 15_000 }).toContain('Inserted');
    // The longest stretch of the draft without placeholders or citation markers is in the composer as is.
    const plain = draft
      .split(/\[[A-Z_]+\d*\]|\[\d+\]|\n/)
      .map((part) => part.trim())
      .sort((a, b) => b.length - a.length)[0];
    expect(plain?.length).toBeGreaterThan(10);
    const composed = await page.locator(COMPOSER).first().innerText();
    expect(composed.replace(/\s+/g, ' ')).toContain(plain?.slice(0, 20).replace(/\s+/g, ' '));
    expect(composed).not.toMatch(/\[(NAME|EMAIL|PHONE)_\d+\]/);

    // A lead picks the agent and sees the same ticket, read-only.
    const lead = await openCopilot(coach, server.url, leadToken);
    const chooser = lead.getByTestId('copilot-follow');
    await expect.poll(() => chooser.locator('option', { hasText: 'Ana Agent' }).count(), { timeout: 10_000 }).toBe(1);
    const agentId = await chooser.locator('option', { hasText: 'Ana Agent' }).getAttribute('value');
    await chooser.selectOption(agentId ?? '');
    await expect.poll(() => subjectOf(lead), { timeout: 15_000 }).toBe(OTHER_SUBJECT);
    expect(await lead.getByTestId('copilot-following').getAttribute('data-read-only')).toBe('true');
    await expect.poll(() => lead.getByTestId('draft-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    expect(await lead.getByTestId('insert-draft').count()).toBe(0);

    // The agent's side panel says who is following.
    const panel = await sidePanelFor(browser, page);
    await expect.poll(() => panel.getByTestId('follow-status').textContent(), { timeout: 10_000 }).toContain('Lee Lead (lead)');
    expect(await panel.getByTestId('follow-status').textContent()).toContain('your desktop app');
    // The side panel's own draft is published with the ticket: the lead sees where it stands.
    await expect.poll(() => lead.getByTestId('browser-draft').getAttribute('data-status'), { timeout: 30_000 }).toBe('done');

    // Pausing stops publication: both followers see it paused and empty, and a ticket switch is not published.
    await panel.getByTestId('follow-pause').click();
    await expect.poll(() => desktop.getByTestId('copilot-following').textContent(), { timeout: 10_000 }).toContain('paused');
    await expect.poll(() => lead.getByTestId('copilot-following').textContent(), { timeout: 10_000 }).toContain('paused');
    expect(await desktop.getByTestId('ticket-header').count()).toBe(0);
    await switchZendeskTicket(page);
    await expect.poll(() => panel.getByTestId('ticket-subject').textContent(), { timeout: 15_000 }).toBe(FIRST_SUBJECT);
    expect(await lead.getByTestId('ticket-header').count()).toBe(0);
    const listed = await serverClient({ url: server.url, token: leadToken }).presence.list.query();
    expect(listed.find((p) => p.name === 'Ana Agent')).toMatchObject({ paused: true, onTicket: false });

    // Resuming publishes the ticket open now.
    await panel.getByTestId('follow-pause').click();
    await expect.poll(() => subjectOf(desktop), { timeout: 15_000 }).toBe(FIRST_SUBJECT);

    await lead.close();
    await panel.close();
    await page.close();
    await desktop.close();
  });
});
