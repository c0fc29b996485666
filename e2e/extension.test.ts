// The built extension in real Chromium: it loads, its content script recognises a fixture ticket
// page served on 127.0.0.1 and hands the ticket to the background, and its side panel shows it
// is connected to a server this test started.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/src/testing/testServer.js';
import { launchChromium, type ChromiumSession } from './harness/chromium.js';
import { serveFixtures, type FixtureSite } from './harness/fixtureSite.js';

describe('extension', () => {
  let server: TestServer;
  let site: FixtureSite;
  let browser: ChromiumSession;

  beforeAll(async () => {
    server = await startTestServer();
    site = await serveFixtures();
    browser = await launchChromium({ withExtension: true });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await server?.close();
  });

  it('loads as an MV3 extension with a side panel', async () => {
    const manifest = (await browser.extension!.serviceWorker.evaluate(() => chrome.runtime.getManifest())) as chrome.runtime.ManifestV3;
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.side_panel?.default_path).toMatch(/sidepanel\.html$/);
  });

  it('recognises the fixture ticket page and leaves other pages alone', async () => {
    const page = await browser.context.newPage();
    await page.goto(site.url('ticket-1001.html'));
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.tandemTicket), { timeout: 10_000 }).toBe('T-1001');
    // The hostile note in the fixture stays text: nothing in it ran.
    expect(await page.title()).toBe('Ticket T-1001 · Fixture Desk');

    const other = await browser.context.newPage();
    await other.goto(site.url('not-a-ticket.html'));
    await other.waitForTimeout(500);
    expect(await other.evaluate(() => document.documentElement.dataset.tandemTicket)).toBeUndefined();
    await other.close();
    await page.close();
  });

  it('side panel shows "Connected" and the workspace once the options are saved', async () => {
    const ext = browser.extension!;
    const panel = await browser.context.newPage();
    await panel.goto(ext.url('sidepanel.html'));
    await expect.poll(() => panel.getByTestId('connection-state').textContent(), { timeout: 10_000 }).toBe('Not configured');

    const options = await browser.context.newPage();
    await options.goto(ext.url('options.html'));
    await options.getByTestId('server-url').fill(server.url);
    await options.getByTestId('api-token').fill(server.adminToken);
    await options.getByTestId('save').click();
    await expect.poll(() => options.getByTestId('options-status').textContent()).toMatch(/Saved/);

    await expect.poll(() => panel.getByTestId('connection-state').textContent(), { timeout: 20_000 }).toBe('Connected');
    await expect.poll(() => panel.getByTestId('workspace-name').textContent()).toBe('Demo workspace');

    // The ticket the content script read reaches the panel through the background.
    const ticketPage = await browser.context.newPage();
    await ticketPage.goto(site.url('ticket-1001.html'));
    await expect.poll(() => panel.getByTestId('ticket-number').textContent(), { timeout: 10_000 }).toBe('T-1001');
    expect(await panel.getByTestId('ticket-subject').textContent()).toBe('Refund for a double charge on order 5512');
    await ticketPage.close();
    await options.close();
    await panel.close();
  });

  it('side panel says the token was rejected when it is revoked or wrong', async () => {
    const ext = browser.extension!;
    const options = await browser.context.newPage();
    await options.goto(ext.url('options.html'));
    await options.getByTestId('server-url').fill(server.url);
    await options.getByTestId('api-token').fill('tdm_' + 'z'.repeat(43));
    await options.getByTestId('save').click();
    const panel = await browser.context.newPage();
    await panel.goto(ext.url('sidepanel.html'));
    await expect.poll(() => panel.getByTestId('connection-state').textContent(), { timeout: 20_000 }).toBe('Signed out (token rejected)');
    await options.close();
    await panel.close();
  });
});
