// /widget.js: served to any origin with caching headers and an ETag, gzipped for browsers that take
// it, read again after a rebuild, and a clear 503 while it is not built.
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { widgetBundlePlugin } from './widgetBundlePlugin.js';

let dir: string;
let app: FastifyInstance;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'tandem-widget-bundle-'));
  file = path.join(dir, 'widget.js');
  app = Fastify();
  const routes = widgetBundlePlugin(file).routes;
  if (routes !== undefined) await app.register(routes);
});
afterEach(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

describe('widgetBundlePlugin', () => {
  it('answers 503 until the bundle is built', async () => {
    const res = await app.inject({ url: '/widget.js' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toMatch(/not built/);
  });

  it('serves the bundle to every origin with caching headers, gzipped on request, 304 on a matching ETag', async () => {
    await writeFile(file, '(()=>{console.log("widget")})();');
    const res = await app.inject({ url: '/widget.js', headers: { origin: 'https://shop.example' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('(()=>{console.log("widget")})();');
    expect(res.headers).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=300, stale-while-revalidate=3600',
      'access-control-allow-origin': '*',
      'cross-origin-resource-policy': 'cross-origin',
      'x-content-type-options': 'nosniff',
    });
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^"[\w-]{22}"$/);

    const gz = await app.inject({ url: '/widget.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe('(()=>{console.log("widget")})();');

    const again = await app.inject({ url: '/widget.js', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('serves a rebuilt bundle with a new ETag', async () => {
    await writeFile(file, 'one();');
    const first = await app.inject({ url: '/widget.js' });
    await writeFile(file, 'two();');
    await utimes(file, new Date(), new Date(Date.now() + 5_000));
    const second = await app.inject({ url: '/widget.js', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(second.statusCode).toBe(200);
    expect(second.body).toBe('two();');
    expect(second.headers.etag).not.toBe(first.headers.etag);
  });
});
