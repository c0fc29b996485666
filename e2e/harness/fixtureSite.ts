/**
 * Serves the project's own helpdesk pages on 127.0.0.1 so content scripts run on a real http
 * origin: the e2e fixtures (e2e/fixtures), the site adapters' Gmail/Zendesk/Salesforce pages
 * (extension/src/adapters/fixtures), and generated pages such as a 5,000-message thread.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { zendeskThreadPage } from './generatedPages.js';

const FOLDERS = [
  path.resolve(import.meta.dirname, '../fixtures'),
  path.resolve(import.meta.dirname, '../../extension/src/adapters/fixtures'),
];

/**
 * Pages built on request: `/generated/zendesk-thread-<messages>.html`, and
 * `/generated/gmail-redesigned.html` (our Gmail thread after a redesign renamed its subject).
 */
async function generatedPage(name: string): Promise<string | undefined> {
  const thread = /^zendesk-thread-(\d{1,5})\.html$/.exec(name);
  if (thread !== null) return zendeskThreadPage(Number(thread[1]));
  if (name !== 'gmail-redesigned.html') return undefined;
  const page = (await fixtureFile('gmail/thread-with-collapsed-message.html'))?.toString('utf8');
  return page?.replace(/<h2 class="hP"([^>]*)>([\s\S]*?)<\/h2>/, '<div class="subject-v2"$1>$2</div>');
}

/** `name` is a path under a fixture folder (the adapters' pages sit in one folder per site, e.g. `gmail/<layout>.html`). */
async function fixtureFile(name: string): Promise<Buffer | undefined> {
  if (name.split('/').some((part) => part === '..' || part === '')) return undefined;
  for (const folder of FOLDERS) {
    const body = await readFile(path.join(folder, name)).catch(() => undefined);
    if (body !== undefined) return body;
  }
  return undefined;
}

export interface FixtureSite {
  url(page: string): string;
  close(): Promise<void>;
}

export async function serveFixtures(): Promise<FixtureSite> {
  const server: Server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const name = pathname.replace(/^\/+/, '');
    const body = pathname.startsWith('/generated/')
      ? generatedPage(path.basename(pathname)).then((page) => (page === undefined ? undefined : Buffer.from(page)))
      : fixtureFile(name);
    body.then(
      (page) =>
        page === undefined
          ? res.writeHead(404).end('not found')
          : res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page),
      () => res.writeHead(500).end('error'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (page) => `http://127.0.0.1:${port}/${page}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
