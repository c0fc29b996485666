// The console's Overview and Alerts in real Chromium against a real server with recorded
// activity: visitors ask the demo widget questions it cannot answer (each is a conversation, an
// AI fallback and a handoff), a person replies and closes one, and the visitor rates it. The
// Overview's counters then match analytics.summary for today; an alert rule created on the Alerts
// screen whose threshold the next visitor's fallback crosses shows its alert live, and is
// acknowledged. Screens are written to e2e/.artifacts/console-<screen>.png at 1280×800 (git-ignored).
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCount, formatMetric } from '../desktop/src/renderer/screens/overview/metricFormat.js';
import { periodRange } from '../desktop/src/renderer/screens/overview/periods.js';
import { serverClient, type ServerClient } from '../server/src/cli/serverClient.js';
import { startTestServer, type TestServer } from '../server/src/testing/testServer.js';
import { CHROMIUM_PATH, CONSOLE_DIR, requireBuilt } from './harness/chromium.js';
import { openWidget, sendMessage, storedVisitor } from './harness/widgetPage.js';
import { signInToConsole } from './harness/consoleSignIn.js';

const ARTIFACTS = path.resolve(import.meta.dirname, '.artifacts');
/** The server has no knowledge here, so every question falls back and goes to a person. */
const QUESTIONS = ['Can I pay for my order in seashells?', 'Do you ship to the Moon?'];
const RULE_NAME = 'Too many fallbacks';

let server: TestServer;
let admin: ServerClient;
let browser: Browser;
let console_: Page;
const pageErrors: string[] = [];

async function shot(name: string): Promise<void> {
  await console_.evaluate(() => window.scrollTo(0, 0));
  await console_.screenshot({ path: path.join(ARTIFACTS, `console-${name}.png`) });
}

async function open(screen: string): Promise<void> {
  await console_.getByTestId(`nav-${screen}`).click();
  await console_.getByTestId(`screen-${screen}`).waitFor();
}

/** A new visitor asks a question the AI cannot answer, and waits for a person. */
async function askUnanswerable(question: string): Promise<{ page: Page; conversationId: string }> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/demo`);
  const w = await openWidget(page);
  await sendMessage(page, question);
  // A locator wait, not expect.poll: this also runs in beforeAll, outside any test.
  await w.who.filter({ hasText: 'Waiting for a person from our team' }).waitFor({ timeout: 30_000 });
  const siteKey = /data-site-key="(pk_[A-Za-z0-9]+)"/.exec(await (await fetch(`${server.url}/demo`)).text())?.[1] ?? '';
  const { conversationId } = await storedVisitor(page, siteKey);
  if (conversationId === undefined) throw new Error('the widget stored no conversation');
  return { page, conversationId };
}

const todaySummary = () => admin.analytics.summary.query({ period: periodRange('today', new Date()) });

beforeAll(async () => {
  requireBuilt(CONSOLE_DIR, 'The console');
  await mkdir(ARTIFACTS, { recursive: true });
  server = await startTestServer({ TANDEM_CONSOLE_DIR: CONSOLE_DIR });
  admin = serverClient({ url: server.url, token: server.adminToken });
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });

  // Activity: one conversation answered by a person, closed and rated; one left waiting.
  const first = await askUnanswerable(QUESTIONS[0] as string);
  await admin.widget.conversations.reply.mutate({ conversationId: first.conversationId, text: 'Only in euros, I am afraid.' });
  await admin.widget.conversations.close.mutate({ conversationId: first.conversationId });
  const stars = first.page.locator('tandem-widget').locator('.rating button.star');
  await stars.filter({ hasText: '4 ★' }).click({ timeout: 10_000 });
  await askUnanswerable(QUESTIONS[1] as string);
  // The events commit with the messages; wait until the summary counts both conversations and the rating.
  for (let tries = 0; ; tries += 1) {
    const s = await todaySummary();
    if (s.metrics.resolutionRate?.denominator === 2 && s.metrics.csat?.denominator === 1) break;
    if (tries > 50) throw new Error(`the summary never counted the activity: ${JSON.stringify(s.metrics)}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }

  console_ = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' })).newPage();
  console_.on('pageerror', (err) => pageErrors.push(err.stack ?? err.message));
  await signInToConsole(console_, server.url, server.adminToken);
  await console_.getByTestId('screen-overview').waitFor({ timeout: 15_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('console analytics', () => {
  it('shows today’s figures on the Overview, equal to analytics.summary, with charts', async () => {
    const counters = console_.getByTestId('analytics-counters');
    await counters.waitFor({ timeout: 15_000 });
    const summary = await todaySummary();
    const shown = (id: string) => counters.getByTestId(`counter-${id}`).getByTestId('counter-value').innerText();

    await expect
      .poll(() => shown('conversations'), { timeout: 10_000 })
      .toBe(formatCount(summary.metrics.resolutionRate?.denominator ?? null));
    expect(await shown('conversations')).toBe('2');
    for (const metric of ['fallbackRate', 'escalationRate', 'csat', 'firstResponseTime'] as const) {
      const value = summary.metrics[metric];
      expect(value?.value, `${metric} has data`).not.toBeNull();
      expect(await shown(metric), metric).toBe(formatMetric(value ?? { value: null, unit: 'count' }));
    }
    // Every question fell back and went to a person; the one rating was a 4.
    expect(await shown('fallbackRate')).toBe('100%');
    expect(await shown('escalationRate')).toBe('100%');
    expect(await shown('csat')).toBe('100%');

    // The trouble chart draws its lines; nothing in the period is drawn as zero.
    const trouble = console_.getByTestId('chart-fallbackRate-escalationRate');
    await trouble.locator('.recharts-line').first().waitFor({ timeout: 10_000 });
    expect(await trouble.locator('.recharts-line').count()).toBe(2);
    // Away from the charts, so no tooltip covers them in the screenshots.
    await console_.mouse.move(0, 0);
    await shot('overview-analytics');
    await console_.getByTestId('theme-toggle').click(); // system → light
    await console_.getByTestId('theme-toggle').click(); // light → dark
    expect(await console_.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await shot('overview-analytics-dark');
    await console_.getByTestId('theme-toggle').click(); // dark → system (light here)

    // Another period asks again; the 7-day figures include today's.
    await console_.getByTestId('period-7d').click();
    await expect.poll(() => shown('conversations'), { timeout: 10_000 }).toBe('2');
    expect(pageErrors).toEqual([]);
  });

  it('creates an alert rule on the Alerts screen; a fallback crossing it shows the alert live, and it is acknowledged', async () => {
    await open('alerts');
    await console_.getByText('No alert rules yet').waitFor({ timeout: 10_000 });

    // The form checks the shared schema before sending: a share above 100% is refused in place.
    await console_.getByTestId('rule-kind').selectOption('fallback-spike');
    await console_.getByTestId('rule-name').fill(RULE_NAME);
    await console_.getByTestId('rule-threshold').fill('150');
    await console_.getByTestId('rule-save').click();
    await console_.getByTestId('rule-error-threshold').waitFor();
    expect(await admin.alerts.list.query()).toEqual([]);

    await console_.getByTestId('rule-threshold').fill('50');
    await console_.getByTestId('rule-window').fill('60');
    await console_.getByTestId('rule-samples').fill('1');
    await console_.getByTestId('rule-save').click();
    const row = console_.getByTestId('alert-rule').filter({ hasText: RULE_NAME });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.innerText()).toContain('50%');
    const [rule] = await admin.alerts.list.query();
    expect(rule).toMatchObject({ kind: 'fallback-spike', name: RULE_NAME, threshold: 0.5, windowMinutes: 60, minSamples: 1 });

    // Live activity crosses it: another question the AI cannot answer.
    await askUnanswerable('Will you deliver by carrier pigeon?');
    const live = console_.getByTestId('live-alert').filter({ hasText: `${RULE_NAME}: breached` });
    await live.waitFor({ timeout: 30_000 });
    await row.getByTestId('alert-breach').waitFor({ timeout: 15_000 });
    expect(await row.getByTestId('alert-breach').innerText()).toBe('Alerting');
    await shot('alerts');

    await row.getByTestId('alert-acknowledge').click();
    await expect.poll(() => row.getByTestId('alert-breach').innerText(), { timeout: 10_000 }).toBe('Acknowledged');
    const [acknowledged] = await admin.alerts.list.query();
    expect(acknowledged?.breach?.acknowledgedAt).not.toBeNull();

    // Edit: the form opens with the rule's values, in percent, and saves the new threshold.
    await row.getByTestId('alert-edit').click();
    expect(await console_.getByTestId('rule-threshold').inputValue()).toBe('50');
    await console_.getByTestId('rule-threshold').fill('80');
    await console_.getByTestId('rule-save').click();
    await expect.poll(async () => (await admin.alerts.list.query())[0]?.threshold, { timeout: 10_000 }).toBe(0.8);
    expect(pageErrors).toEqual([]);
  });
});
