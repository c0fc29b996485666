/**
 * A Tandem server as `npm start` runs it for the website widget's browser tests: the demo store on
 * (so `/demo` serves the storefront with the widget), the demo help articles ingested through the
 * articles API with their help-centre URLs (so citations link to pages that open), a lead's token
 * made through the team API (the console's way to the widget queue), and Chromium without the
 * extension, where each visitor gets a browser context of their own (their own localStorage). Pages opened here record every dialog and every Content-Security-Policy violation, so
 * a test can tell that nothing tried to run.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { serverClient, type ServerClient } from '../../server/src/cli/serverClient.js';
import { readHelpArticles } from '../../server/src/demoStore/demoPage/helpCentre.js';
import { startTestServer, type TestServer } from '../../server/src/testing/testServer.js';
import { CHROMIUM_PATH } from './chromium.js';

export interface WidgetDemo {
  server: TestServer;
  /** An admin's client (ingestion, settings). */
  admin: ServerClient;
  /** A team lead's client: what the console uses for the widget queue. */
  lead: ServerClient;
  leadToken: string;
  /** The demo site's public key, as the /demo page embeds it. */
  siteKey: string;
  browser: Browser;
  url(path: string): string;
  /** A new visitor (own cookies and storage) with a tab at `url`, watched; closed with the demo. */
  visitor(url: string, viewport?: { width: number; height: number }): Promise<WatchedPage>;
  /** Stores help articles through the API and waits until they are searchable. */
  addArticles(articles: readonly { id: string; title: string; body: string; url?: string }[]): Promise<void>;
  close(): Promise<void>;
}

export async function startWidgetDemo(): Promise<WidgetDemo> {
  const server = await startTestServer();
  const url = (path: string) => `${server.url}${path}`;
  const admin = serverClient({ url: server.url, token: server.adminToken });
  const { token: leadToken } = await admin.team.createToken.mutate({ name: 'Lead on the console', role: 'lead' });
  const lead = serverClient({ url: server.url, token: leadToken });

  async function addArticles(articles: readonly { id: string; title: string; body: string; url?: string }[]): Promise<void> {
    const { jobId } = await admin.knowledge.articles.upsert.mutate({
      articles: articles.map((a) => ({ ...a, updated_at: '2026-01-01T00:00:00Z' })),
    });
    await server.knowledge.ingest.settled(jobId);
    await server.knowledge.indexes.settle();
  }

  // The demo knowledge base, each article at its page in the demo shop's help centre.
  const help = await readHelpArticles();
  await addArticles([...help.values()].map((a) => ({ id: a.slug, title: a.title, body: a.markdown, url: url(`/demo/help/${a.slug}`) })));

  const bundle = await fetch(url('/widget.js'));
  if (bundle.status !== 200)
    throw new Error(
      'The widget is not built (server/widget-src/dist/widget.js): run `npm test` (it builds first) or `pnpm --filter @tandem/server build`.',
    );
  const page = await (await fetch(url('/demo'))).text();
  const siteKey = /data-site-key="(pk_[A-Za-z0-9]+)"/.exec(page)?.[1];
  if (siteKey === undefined) throw new Error('/demo embeds no widget site key');
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set TANDEM_CHROMIUM)`);
  // Off the (closed) network, as the other browser tests run it.
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const contexts: BrowserContext[] = [];
  return {
    server,
    admin,
    lead,
    leadToken,
    siteKey,
    browser,
    url,
    addArticles,
    async visitor(pageUrl, viewport) {
      const context = await browser.newContext(viewport === undefined ? {} : { viewport });
      contexts.push(context);
      return openWatched(await context.newPage(), pageUrl);
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await server.close();
    },
  };
}

export interface WatchedPage {
  page: Page;
  /** Messages of every dialog (alert, confirm, prompt) the page opened. */
  dialogs: string[];
  /** Directives the page's CSP refused: something tried to run inline or load from elsewhere. */
  violations(): Promise<string[]>;
  /** The types of the widget's stream events so far, in order, with when each arrived (ms). */
  events(): Promise<{ type: string; at: number }[]>;
}

/** Opens `url` in `page`, recording dialogs, CSP violations and the widget's stream from before the page's first script. */
export async function openWatched(page: Page, url: string): Promise<WatchedPage> {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`), true);
    // A copy of the widget's event stream as it arrives (the widget reads its own, untouched copy).
    const events: { type: string; at: number }[] = [];
    Object.defineProperty(window, '__widgetEvents', { value: events });
    const original = window.fetch.bind(window);
    window.fetch = async (...args: Parameters<typeof fetch>) => {
      const response = await original(...args);
      const url = typeof args[0] === 'string' ? args[0] : args[0] instanceof URL ? args[0].href : args[0].url;
      if (!/\/widget\/v1\/sites\/[^/]+\/events/.test(url) || response.body === null) return response;
      const reader = response.clone().body?.getReader();
      const decoder = new TextDecoder();
      let buffered = '';
      void (async () => {
        for (;;) {
          const chunk = await reader?.read().catch(() => undefined);
          if (chunk === undefined || chunk.done) return;
          buffered += decoder.decode(chunk.value, { stream: true });
          const lines = buffered.split('\n');
          buffered = lines.pop() ?? '';
          for (const line of lines) {
            if (!line.startsWith('data: ')) continue;
            const event = JSON.parse(line.slice('data: '.length)) as { type?: unknown };
            if (typeof event.type === 'string') events.push({ type: event.type, at: performance.now() });
          }
        }
      })();
      return response;
    };
  });
  await page.goto(url);
  return {
    page,
    dialogs,
    violations: () => page.evaluate(() => [...((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])]),
    events: () =>
      page.evaluate(() => [...((window as unknown as { __widgetEvents?: { type: string; at: number }[] }).__widgetEvents ?? [])]),
  };
}
