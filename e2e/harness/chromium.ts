/**
 * Launches Debian's Chromium through playwright-core, optionally with the built Tandem extension
 * loaded, in a throwaway profile. The flags keep Chromium off the (closed) network.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const CHROMIUM_PATH = process.env.TANDEM_CHROMIUM ?? '/usr/bin/chromium';
export const EXTENSION_DIR = path.resolve(import.meta.dirname, '../../extension/build/chrome-mv3-prod');
export const CONSOLE_DIR = path.resolve(import.meta.dirname, '../../desktop/dist/renderer');

const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-default-apps',
];

export function requireBuilt(dir: string, what: string): void {
  if (!existsSync(dir)) throw new Error(`${what} is not built at ${dir}: run \`npm test\` (it builds first) or \`pnpm -r run build\`.`);
}

export interface ChromiumSession {
  context: BrowserContext;
  /** Set when the extension was loaded. */
  extension?: { id: string; serviceWorker: Worker; url(page: string): string };
  close(): Promise<void>;
}

export async function launchChromium(options: { withExtension: boolean }): Promise<ChromiumSession> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install chromium, or set TANDEM_CHROMIUM)`);
  if (options.withExtension) requireBuilt(path.join(EXTENSION_DIR, 'manifest.json'), 'The extension');
  const profile = await mkdtemp(path.join(tmpdir(), 'tandem-chromium-'));
  const args = [...QUIET_FLAGS];
  if (options.withExtension) args.push(`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`);
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args });
  const close = async () => {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  };
  if (!options.withExtension) return { context, close };

  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const id = new URL(serviceWorker.url()).host;
  return { context, close, extension: { id, serviceWorker, url: (page) => `chrome-extension://${id}/${page}` } };
}

/** The side panel pinned to the tab showing `page` (`sidepanel.html?tabId=`), as Chrome shows it beside that tab. */
export async function sidePanelFor(session: ChromiumSession, page: Page): Promise<Page> {
  const extension = session.extension;
  if (extension === undefined) throw new Error('the extension is not loaded in this session');
  const tabId = await extension.serviceWorker.evaluate(async (pageUrl) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === pageUrl)?.id;
  }, page.url());
  if (tabId === undefined) throw new Error(`no tab shows ${page.url()}`);
  const panel = await session.context.newPage();
  await panel.goto(extension.url(`sidepanel.html?tabId=${tabId}`));
  return panel;
}
