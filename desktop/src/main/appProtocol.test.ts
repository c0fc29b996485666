/**
 * The app protocol serves the console build and nothing else on disk, with the same SPA fallback
 * as the server's /console/ route.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => ({
  handlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
  privileged: [] as unknown[],
  fetched: [] as string[],
}));

vi.mock('electron', () => ({
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privileged.push(...schemes),
    handle: (scheme: string, handler: (request: { url: string }) => Promise<Response>) => fake.handlers.set(scheme, handler),
  },
  net: {
    fetch: async (url: string) => {
      fake.fetched.push(url);
      return new Response('file');
    },
  },
}));

const { registerAppScheme, resolveRendererRequest, serveRenderer } = await import('./appProtocol');
const { APP_ENTRY_URL } = await import('./appUrl');

let rendererDir: string;

beforeAll(async () => {
  rendererDir = await mkdtemp(path.join(tmpdir(), 'tandem-renderer-'));
  await mkdir(path.join(rendererDir, 'assets'));
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html>');
  await writeFile(path.join(rendererDir, 'assets', 'index.js'), '');
});

afterAll(async () => {
  await rm(rendererDir, { recursive: true, force: true });
});

describe('resolveRendererRequest', () => {
  it('maps /console/ paths into the build folder', () => {
    const index = path.join(rendererDir, 'index.html');
    expect(resolveRendererRequest(rendererDir, APP_ENTRY_URL)).toEqual({ file: index, fallback: index });
    expect(resolveRendererRequest(rendererDir, 'tandem://app/console')?.file).toBe(index);
    expect(resolveRendererRequest(rendererDir, 'tandem://app/console/assets/index.js?v=1')?.file).toBe(
      path.join(rendererDir, 'assets', 'index.js'),
    );
  });

  it('refuses other hosts, other paths and escapes from the build folder', () => {
    for (const url of [
      'tandem://other/console/',
      'tandem://app/',
      'tandem://app/secrets',
      'tandem://app/console/..%2F..%2Fetc%2Fpasswd',
      'tandem://app/console/%2E%2E/%2E%2E/etc/passwd',
      'tandem://app/console/%E0%A4%A',
      'https://app/console/',
      'garbage',
    ]) {
      expect(resolveRendererRequest(rendererDir, url), url).toBeNull();
    }
  });
});

describe('the tandem:// scheme', () => {
  it('is registered as a standard, secure scheme', () => {
    registerAppScheme();
    expect(fake.privileged).toEqual([{ scheme: 'tandem', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves files that exist, falls back to index.html for client routes, and 404s the rest', async () => {
    serveRenderer(rendererDir);
    const handler = fake.handlers.get('tandem')!;

    await handler({ url: 'tandem://app/console/assets/index.js' });
    await handler({ url: 'tandem://app/console/overview/settings' });
    expect(fake.fetched).toEqual([
      pathToFileURL(path.join(rendererDir, 'assets', 'index.js')).toString(),
      pathToFileURL(path.join(rendererDir, 'index.html')).toString(),
    ]);

    const denied = await handler({ url: 'tandem://app/console/..%2F..%2Fetc%2Fpasswd' });
    expect(denied.status).toBe(404);
  });
});
