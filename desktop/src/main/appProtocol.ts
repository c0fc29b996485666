/**
 * Serves the built renderer to the window over a private `tandem://app/console/` scheme instead
 * of file://. The renderer is built for the server's /console/ path, and a standard scheme keeps
 * those absolute asset URLs working, gives the page a real origin to check IPC senders and
 * navigation against, and exposes no other file on disk.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { net, protocol } from 'electron';
import { APP_HOST, APP_SCHEME, CONSOLE_BASE_PATH } from './appUrl';

/** Must run before the app is ready: privileges cannot be granted later. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * The file a `tandem://` request may read, or null when it points outside the console build.
 * Paths that name no file fall back to index.html, like the server's SPA fallback.
 */
export function resolveRendererRequest(rendererDir: string, requestUrl: string): { file: string; fallback: string } | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  const fallback = path.join(rendererDir, 'index.html');
  if (url.pathname === CONSOLE_BASE_PATH.slice(0, -1)) return { file: fallback, fallback };
  if (!url.pathname.startsWith(CONSOLE_BASE_PATH)) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname.slice(CONSOLE_BASE_PATH.length));
  } catch {
    return null;
  }
  if (relative === '' || relative.endsWith('/')) return { file: fallback, fallback };
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep) || relative.includes('\0')) return null;
  return { file, fallback };
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveRendererRequest(rendererDir, request.url);
    if (resolved === null) return new Response('Not found', { status: 404 });
    const target = (await isFile(resolved.file)) ? resolved.file : resolved.fallback;
    return net.fetch(pathToFileURL(target).toString());
  });
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
