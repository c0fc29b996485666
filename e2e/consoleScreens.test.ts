// The console's screens in real Chromium against a real server with the demo shop, its help
// articles and a visitor on the widget: keyboard navigation and themes; a handoff reply sent from
// the Conversations screen reaches the widget open in another page; approving the review item it
// leaves makes the answer searchable, and a rejected one stays out of the queue; an upload shows its progress and the document becomes
// searchable, a document is deleted after confirmation; tokens and widget site settings. Each
// screen is written to e2e/.artifacts/console-<screen>.png at 1280×800 (git-ignored) for a look.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverClient, type ServerClient } from '../server/src/cli/serverClient.js';
import { readHelpArticles } from '../server/src/demoStore/demoPage/helpCentre.js';
import { startTestServer, type TestServer } from '../server/src/testing/testServer.js';
import { CHROMIUM_PATH, CONSOLE_DIR, requireBuilt } from './harness/chromium.js';
import { openWidget, sendMessage, storedVisitor, textsOf } from './harness/widgetPage.js';
import { signInToConsole } from './harness/consoleSignIn.js';

const ARTIFACTS = path.resolve(import.meta.dirname, '.artifacts');
/** A question the demo help articles have nothing on: the widget hands it to a person. */
const UNANSWERABLE = 'Do you gift-wrap parcels for birthdays in Antarctica?';
/** Another one, which the lead rejects from the review queue. */
const REJECTED = 'What is the airspeed velocity of an unladen swallow?';
const REPLY = 'Yes: gift wrapping is free for every order, Antarctica included. Tick "gift wrap" at checkout.';

let server: TestServer;
let admin: ServerClient;
let browser: Browser;
let console_: Page;
let visitor: Page;
let siteKey: string;
/** Uncaught errors in the console page: none may happen. */
const pageErrors: string[] = [];

async function shot(name: string): Promise<void> {
  await console_.evaluate(() => window.scrollTo(0, 0));
  await console_.screenshot({ path: path.join(ARTIFACTS, `console-${name}.png`) });
}

async function open(screen: string): Promise<void> {
  await console_.getByTestId(`nav-${screen}`).click();
  await console_.getByTestId(`screen-${screen}`).waitFor();
}

beforeAll(async () => {
  requireBuilt(CONSOLE_DIR, 'The console');
  await mkdir(ARTIFACTS, { recursive: true });
  server = await startTestServer({ TANDEM_CONSOLE_DIR: CONSOLE_DIR });
  admin = serverClient({ url: server.url, token: server.adminToken });
  await admin.team.createToken.mutate({ name: 'Priya (team lead)', role: 'lead' });
  await admin.team.createToken.mutate({ name: 'Sam (support agent)', role: 'agent' });
  const help = await readHelpArticles();
  const { jobId } = await admin.knowledge.articles.upsert.mutate({
    articles: [...help.values()].map((a) => ({ id: a.slug, title: a.title, body: a.markdown, updated_at: '2026-01-01T00:00:00Z' })),
  });
  await server.knowledge.ingest.settled(jobId);
  await server.knowledge.indexes.settle();
  siteKey = /data-site-key="(pk_[A-Za-z0-9]+)"/.exec(await (await fetch(`${server.url}/demo`)).text())?.[1] ?? '';
  if (siteKey === '') throw new Error('/demo embeds no widget site key');

  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  console_ = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' })).newPage();
  console_.on('pageerror', (err) => pageErrors.push(err.stack ?? err.message));
  visitor = await (await browser.newContext()).newPage();

  await signInToConsole(console_, server.url, server.adminToken);
  await console_.getByTestId('screen-overview').waitFor({ timeout: 15_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('console screens', () => {
  it('navigates between screens with the keyboard, inside landmarks, in light and dark', async () => {
    expect(await console_.locator('header').count()).toBe(1);
    expect(await console_.getByRole('navigation', { name: 'Console screens' }).count()).toBe(1);
    expect(await console_.locator('main#console-main').count()).toBe(1);
    await expect.poll(() => console_.getByTestId('health-status').textContent(), { timeout: 10_000 }).toBe('ok');
    await shot('overview');

    await console_.getByTestId('nav-overview').focus();
    await console_.keyboard.press('ArrowDown');
    expect(await console_.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('nav-review');
    await console_.keyboard.press('End');
    expect(await console_.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('nav-team');
    await console_.keyboard.press('Enter');
    await console_.getByTestId('screen-team').waitFor();
    expect(console_.url()).toMatch(/#\/team$/);
    // The new screen's heading takes focus, so a keyboard user starts there.
    expect(await console_.evaluate(() => document.activeElement?.id)).toBe('screen-title');

    const theme = () => console_.evaluate(() => document.documentElement.dataset['theme']);
    expect(await theme()).toBe('light');
    await console_.getByTestId('theme-toggle').click(); // system → light
    await console_.getByTestId('theme-toggle').click(); // light → dark
    expect(await theme()).toBe('dark');
    const background = await console_.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).not.toBe('rgb(245, 246, 248)');
    await open('overview');
    await shot('overview-dark');
    await open('knowledge');
    await console_.getByTestId('sources-table').waitFor({ timeout: 10_000 });
    await shot('knowledge-dark');
    await console_.getByTestId('theme-toggle').click(); // dark → system (light here)
    expect(await theme()).toBe('light');
  });

  it('sends a handoff reply from the Conversations screen to the widget open in another page, and hands back', async () => {
    await visitor.goto(`${server.url}/demo`);
    const w = await openWidget(visitor);
    await sendMessage(visitor, UNANSWERABLE);
    await expect.poll(() => w.who.innerText(), { timeout: 30_000 }).toBe('Waiting for a person from our team');
    const { conversationId } = await storedVisitor(visitor, siteKey);
    expect(conversationId).toBeDefined();

    await open('conversations');
    const item = console_.getByTestId('conversation-item').filter({ hasText: UNANSWERABLE });
    await item.waitFor({ timeout: 10_000 });
    expect(await item.innerText()).toContain('Waiting for a person');
    await item.click();
    const transcript = console_.getByTestId('transcript');
    await transcript.getByText(UNANSWERABLE).waitFor();
    await console_.getByTestId('reply-input').fill(REPLY);
    await console_.getByTestId('reply-send').click();

    await expect.poll(() => textsOf(w.humanReplies.locator('.text')), { timeout: 5_000 }).toEqual([REPLY]);
    // The line now previews the reply and says a person has it.
    const answered = console_.getByTestId('conversation-item').filter({ hasText: REPLY.slice(0, 40) });
    await expect.poll(() => answered.innerText(), { timeout: 10_000 }).toContain('With a person');
    // The visitor writes back: the open transcript shows it without a reload.
    await sendMessage(visitor, 'Lovely, thank you!');
    await transcript.getByText('Lovely, thank you!').waitFor({ timeout: 10_000 });
    await shot('conversations');

    await console_.getByTestId('hand-back').click();
    await expect
      .poll(async () => (await admin.widget.conversations.get.query({ conversationId: conversationId as string })).conversation.status)
      .toBe('ai');

    // The server-side search finds it by what the visitor wrote earlier, and nothing for words no one wrote.
    await console_.getByTestId('conversations-all').click();
    await console_.getByTestId('conversations-search').fill('antarctica');
    // Found by an earlier line of the transcript, which the list shows in place of the last message.
    await expect
      .poll(() => console_.getByTestId('conversation-item').allInnerTexts(), { timeout: 10_000 })
      .toEqual([expect.stringContaining('Antarctica')]);
    await console_.getByTestId('conversations-search').fill('no visitor ever wrote this');
    await console_.getByText('No conversation matches').waitFor();
  });

  it('approves the flagged question with the person’s reply, and the answer is searchable at once', async () => {
    // A second visitor's question nobody answered: the lead rejects it and it stays out of the queue.
    const other = await (await browser.newContext()).newPage();
    await other.goto(`${server.url}/demo`);
    const otherWidget = await openWidget(other);
    await sendMessage(other, REJECTED);
    await expect.poll(() => otherWidget.who.innerText(), { timeout: 30_000 }).toBe('Waiting for a person from our team');

    await open('review');
    // Its question is in an input (it opens in edit mode), so it is found by its label, not its text.
    const rejected = console_.locator(`[data-testid="review-item"][aria-label="Review: ${REJECTED}"]`);
    await rejected.waitFor({ timeout: 20_000 });
    // Nobody answered it yet, so it opens ready to write the answer.
    expect(await rejected.getByTestId('review-answer').inputValue()).toBe('');
    await rejected.getByTestId('review-reject').click();
    await expect.poll(() => rejected.count(), { timeout: 10_000 }).toBe(0);
    expect((await admin.review.list.query({})).items.map((i) => i.question)).not.toContain(REJECTED);

    const item = console_.getByTestId('review-item').filter({ hasText: UNANSWERABLE });
    await item.waitFor({ timeout: 15_000 });
    expect(await item.innerText()).toContain('No answer in the knowledge base');
    expect(await item.innerText()).toContain(REPLY);
    await shot('review');

    await item.getByTestId('review-approve').click();
    await console_.getByTestId('review-approved').getByText(UNANSWERABLE).waitFor({ timeout: 15_000 });
    await expect.poll(() => item.count()).toBe(0);
    // No waiting: approve returns once the document is indexed.
    const { hits } = await admin.knowledge.search.query({ query: 'gift wrapping Antarctica birthdays', k: 3 });
    expect(hits[0]?.title).toBe(UNANSWERABLE);
    expect(hits[0]?.text).toContain('gift wrapping is free');
    // It left the queue.
    const queue = await admin.review.list.query({});
    expect(queue.items.map((i) => i.question)).not.toContain(UNANSWERABLE);
  });

  it('uploads a file with a progress bar, finds it with search, and deletes a document after confirmation', async () => {
    await open('knowledge');
    const sources = console_.getByTestId('sources-table');
    await sources.getByRole('button', { name: 'Help center' }).waitFor({ timeout: 10_000 });
    await sources.getByRole('button', { name: 'Reviewed answers' }).waitFor();
    await console_.getByTestId('documents-table').getByText(UNANSWERABLE).waitFor();

    // Records every value the upload's progress bar shows, from the first.
    await console_.evaluate(() => {
      const seen: string[] = [];
      Object.defineProperty(window, '__uploadProgress', { value: seen });
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="upload-progress"] [role="progressbar"]');
        const value = bar?.getAttribute('aria-valuenow');
        if (value !== null && value !== undefined && seen.at(-1) !== value) seen.push(value);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const paragraph =
      'Kestrel loyalty cards earn one stamp per order; ten stamps give a free tote bag. Stamps never expire and work in every shop.\n\n';
    const body = `# Kestrel loyalty card\n\n${paragraph.repeat(4000)}`;
    await console_
      .getByTestId('upload-input')
      .setInputFiles({ name: 'kestrel-loyalty.md', mimeType: 'text/markdown', buffer: Buffer.from(body) });
    await console_.getByTestId('upload-submit').click();
    await console_.locator('[data-testid="job-status"][data-status="succeeded"]').waitFor({ timeout: 60_000 });
    const progress = await console_.evaluate(() => (window as unknown as { __uploadProgress: string[] }).__uploadProgress);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe('100');

    await console_.getByTestId('knowledge-search').fill('kestrel loyalty stamps');
    await console_.getByTestId('search-hits').getByText('Kestrel loyalty card').first().waitFor({ timeout: 10_000 });
    await sources.getByRole('button', { name: 'Uploads' }).waitFor();
    await shot('knowledge');

    const docs = console_.getByTestId('documents-table');
    const row = docs.locator('tr').filter({ hasText: 'Kestrel loyalty card' });
    await row.getByRole('button', { name: 'Delete' }).click();
    await row.getByRole('group', { name: /Delete “Kestrel loyalty card”\?/ }).waitFor();
    await row.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(0);
    const after = await admin.knowledge.search.query({ query: 'kestrel loyalty stamps', k: 3 });
    expect(after.hits.map((h) => h.title)).not.toContain('Kestrel loyalty card');
  });

  it('lists tokens by name and role, and saves a widget site’s origins, theme and threshold', async () => {
    await open('team');
    const tokens = console_.getByTestId('tokens-table');
    await tokens.getByText('Priya (team lead)').waitFor({ timeout: 10_000 });
    expect(await tokens.innerText()).toContain('Sam (support agent)');
    expect(await tokens.innerText()).toContain('Team lead');

    const site = console_.getByTestId('site-settings').first();
    await site.waitFor();
    expect(await site.innerText()).toContain(siteKey);
    await site.getByTestId('site-threshold').fill('0.55');
    const origins = await site.getByTestId('site-origins').inputValue();
    await site.getByTestId('site-origins').fill(`${origins}\nhttps://shop.example`);
    await site.getByTestId('site-save').click();
    await expect
      .poll(async () => (await admin.widget.sites.list.query()).find((s) => s.siteKey === siteKey)?.confidenceThreshold)
      .toBe(0.55);
    const saved = (await admin.widget.sites.list.query()).find((s) => s.siteKey === siteKey);
    expect(saved?.allowedOrigins).toContain('https://shop.example');
    await shot('team');
  });

  it('threw nothing in the console page along the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
