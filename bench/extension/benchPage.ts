/**
 * The browser side of the extension benchmarks, from Node: bundles cachePage.ts with esbuild,
 * serves it on 127.0.0.1 from a tiny node:http server (with the synthetic change feed at
 * `/sync?cursor=N`), opens it in Debian's Chromium through the e2e harness and calls its API;
 * reloading it stands for opening the panel again (a fresh page over the same IndexedDB).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from '../../e2e/harness/chromium.js';
import { PAGE_API, type ExtensionBenchPage, type LocalSearchInput, type PanelReadyInput, type ServerSyncInput } from './pageApi.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** One IIFE with the extension's modules and their dependencies, resolved as the extension resolves them. */
export async function bundleCachePage(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'bench/extension/cachePage.ts')],
    absWorkingDir: ROOT,
    // dexie and zod are dependencies of extension/ and shared/, not of the workspace root.
    nodePaths: [path.join(ROOT, 'extension/node_modules'), path.join(ROOT, 'shared/node_modules')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error('esbuild produced no bundle');
  return output.text;
}

const PAGE_HTML = '<!doctype html><meta charset="utf-8"><title>Tandem extension bench</title><script src="/cachePage.js"></script>';

// Cross-origin isolation gives the page performance.now() at microsecond resolution instead of 100 µs.
const ISOLATED = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

export interface PageServer {
  origin: string;
  /** The synthetic feed's address; pages are looked up by the cursor they start after. */
  syncUrl: string;
  setFeed(pagesByCursor: ReadonlyMap<number, string>): void;
  close(): Promise<void>;
}

export async function servePage(bundle: string): Promise<PageServer> {
  let feed: ReadonlyMap<number, string> = new Map();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/') res.writeHead(200, { ...ISOLATED, 'content-type': 'text/html; charset=utf-8' }).end(PAGE_HTML);
    else if (url.pathname === '/cachePage.js')
      res.writeHead(200, { ...ISOLATED, 'content-type': 'text/javascript; charset=utf-8' }).end(bundle);
    else if (url.pathname === '/sync') {
      const page = feed.get(Number(url.searchParams.get('cursor')));
      if (page === undefined) res.writeHead(404).end('no page at that cursor');
      else res.writeHead(200, { 'content-type': 'application/json' }).end(page);
    } else if (url.pathname === '/favicon.ico') res.writeHead(204).end();
    else res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    syncUrl: `${origin}/sync`,
    setFeed: (pages) => {
      feed = pages;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface BenchPage extends ExtensionBenchPage {
  /** Loads the page again: a fresh document and JavaScript heap, as a panel opening has (IndexedDB stays). */
  reload(): Promise<void>;
  close(): Promise<void>;
}

type PageMethod = keyof ExtensionBenchPage;

/** Opens the served page in headless Chromium; page errors and console errors are echoed to stderr. */
export async function openBenchPage(origin: string): Promise<BenchPage> {
  const session: ChromiumSession = await launchChromium({ withExtension: false });
  try {
    const page: Page = await session.context.newPage();
    page.on('pageerror', (error) => console.error(`[bench page] ${error.message}`));
    page.on('console', (message) => {
      // Errors only: Dexie warns when a deletion waits for a closing connection, which is harmless here.
      if (message.type() === 'error') console.error(`[bench page] ${message.text()}`);
    });
    const ready = async () => {
      // Arrow functions only: playwright sends their source text, which must not need anything from this module.
      await page.waitForFunction((name) => name in globalThis, PAGE_API);
    };
    await page.goto(`${origin}/`);
    await ready();
    const isolated = await page.evaluate(() => (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true);
    if (!isolated) console.error('[bench page] not cross-origin isolated: timer resolution is 100 µs');
    const call = <M extends PageMethod>(method: M, input: Parameters<ExtensionBenchPage[M]>[0]) =>
      page.evaluate(
        ([name, which, arg]) => {
          const api = (globalThis as unknown as Record<string, Record<string, (a: unknown) => unknown> | undefined>)[name];
          if (api === undefined) throw new Error('the bench page did not load');
          return (api[which] as (a: unknown) => unknown)(arg);
        },
        [PAGE_API, method, input] as const,
      ) as ReturnType<ExtensionBenchPage[M]>;
    return {
      localSearch: (input: LocalSearchInput) => call('localSearch', input),
      serverSync: (input: ServerSyncInput) => call('serverSync', input),
      panelReady: (input: PanelReadyInput) => call('panelReady', input),
      dropDatabase: (name: string) => call('dropDatabase', name),
      reload: async () => {
        await page.reload();
        await ready();
      },
      close: () => session.close(),
    };
  } catch (error) {
    await session.close();
    throw error;
  }
}
