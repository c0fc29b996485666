// The team-lead console as served by the server at /console, in real Chromium against a real
// server: a lead signs in with a token and sees the server's health.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/src/testing/testServer.js';
import { CONSOLE_DIR, launchChromium, requireBuilt, type ChromiumSession } from './harness/chromium.js';

describe('console at /console', () => {
  let server: TestServer;
  let browser: ChromiumSession;

  beforeAll(async () => {
    requireBuilt(CONSOLE_DIR, 'The console');
    server = await startTestServer({ TANDEM_CONSOLE_DIR: CONSOLE_DIR });
    browser = await launchChromium({ withExtension: false });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('answers 200 at /console/', async () => {
    const res = await fetch(`${server.url}/console/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('refuses a wrong token, then signs in with the admin token and shows health', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/console/`);
    await expect.poll(() => page.getByTestId('server-url').inputValue()).toBe(server.url);

    await page.getByTestId('token-input').fill('tdm_' + 'x'.repeat(43));
    await page.getByTestId('sign-in').click();
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toMatch(/not accepted/i);

    await page.getByTestId('token-input').fill(server.adminToken);
    await page.getByTestId('sign-in').click();
    await expect.poll(() => page.getByTestId('workspace-name').textContent(), { timeout: 10_000 }).toBe('Demo workspace');
    await expect.poll(() => page.getByTestId('health-status').textContent(), { timeout: 10_000 }).toBe('ok');

    await page.getByTestId('sign-out').click();
    await expect.poll(() => page.getByTestId('sign-in').count()).toBe(1);
    await page.close();
  });
});
