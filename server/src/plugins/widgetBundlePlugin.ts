/**
 * Serves the website widget's bundle at `/widget.js` (built from server/widget-src by `npm start`
 * and `npm test`). Any site's page loads it, so it goes to every origin (`Access-Control-Allow-Origin:
 * *`, `Cross-Origin-Resource-Policy: cross-origin`); pages keep a copy for five minutes and then
 * revalidate by ETag, so a new build reaches every site within minutes without a versioned URL in
 * their pages. Gzipped once per build, sent gzipped to browsers that take it. Read again when the
 * file changes on disk.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Capability } from './capability.js';

export const DEFAULT_WIDGET_BUNDLE = path.resolve(import.meta.dirname, '../../widget-src/dist/widget.js');

interface Bundle {
  mtimeMs: number;
  body: Buffer;
  gzipped: Buffer;
  etag: string;
}

const HEADERS = {
  'content-type': 'text/javascript; charset=utf-8',
  'cache-control': 'public, max-age=300, stale-while-revalidate=3600',
  'access-control-allow-origin': '*',
  'cross-origin-resource-policy': 'cross-origin',
  'x-content-type-options': 'nosniff',
  vary: 'Accept-Encoding',
};

export function widgetBundlePlugin(file: string = DEFAULT_WIDGET_BUNDLE): Capability {
  let cached: Bundle | undefined;

  /** The bundle as built now; undefined when it is not built. */
  async function current(): Promise<Bundle | undefined> {
    const info = await stat(file).catch(() => undefined);
    if (info === undefined) return undefined;
    if (cached?.mtimeMs === info.mtimeMs) return cached;
    const body = await readFile(file);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    cached = { mtimeMs: info.mtimeMs, body, gzipped: gzipSync(body, { level: 9 }), etag };
    return cached;
  }

  async function serve(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const bundle = await current();
    if (bundle === undefined)
      return reply
        .code(503)
        .type('text/javascript; charset=utf-8')
        .header('cache-control', 'no-store')
        .send('// The widget is not built: run `npm start`, or `pnpm --filter @tandem/server build`.\n');
    reply.headers({ ...HEADERS, etag: bundle.etag });
    if (matches(req.headers['if-none-match'], bundle.etag)) return reply.code(304).send();
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (gzip) reply.header('content-encoding', 'gzip');
    return reply.send(gzip ? bundle.gzipped : bundle.body);
  }

  return {
    name: 'widget bundle',
    routes: async (scope: FastifyInstance) => {
      // The server-wide CORS plugin stays out of it: the bundle is public to every origin.
      scope.get('/widget.js', { config: { cors: false } }, serve);
    },
  };
}

function matches(header: string | string[] | undefined, etag: string): boolean {
  if (typeof header !== 'string') return false;
  return header.split(',').some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}` || tag.trim() === '*');
}
