// safeFetch against real HTTP servers on 127.0.0.1. No test sends a packet anywhere else: private
// targets must be refused before a connection, which the spies on http(s).request prove.
import http from 'node:http';
import https from 'node:https';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { IngestError } from '../ingestError.js';
import { isPublicAddress } from '../../security/addressPolicy.js';
import { safeFetch, type SafeFetchOptions } from './safeFetch.js';
import { page, redirect, startServer, type TestServer } from './testServer.js';

const PRICING = page('Pricing', '<p>Harbor &amp; Pine Outfitters ships canvas tents from $240.</p>');
const open: SafeFetchOptions = { allowPrivate: true, maxBytes: 64 * 1024, timeoutMs: 2_000 };
/** Treats the test server's 127.0.0.1 as if it were a public host; everything else keeps the real policy. */
const onlyTestServerPublic: SafeFetchOptions = {
  allowPrivate: false,
  maxBytes: 64 * 1024,
  timeoutMs: 2_000,
  isAllowedAddress: (address) => address === '127.0.0.1' || isPublicAddress(address),
};

let server: TestServer;

beforeAll(async () => {
  server = await startServer({
    '/pricing': PRICING,
    '/': PRICING,
    '/guides/': PRICING,
    '/a': redirect('/b', 301),
    '/b': redirect('c', 307),
    '/c': PRICING,
    '/loop-1': redirect('/loop-2'),
    '/loop-2': redirect('/loop-1'),
    '/no-location': (_request, response) => {
      response.writeHead(302);
      response.end();
    },
    '/missing-page': (_request, response) => {
      response.writeHead(404, { 'content-type': 'text/html' });
      response.end('<h1>Not here</h1>');
    },
    '/broken': (_request, response) => {
      response.writeHead(500);
      response.end('oops');
    },
    '/empty': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end();
    },
    '/endless': (_request, response) => {
      // Chunked, no Content-Length: the only defence is counting while reading.
      response.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = 'Harbor & Pine stocks more lanterns than anyone needs. '.repeat(300);
      const timer = setInterval(() => response.write(chunk), 1);
      response.on('close', () => clearInterval(timer));
    },
    '/declared-huge': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(50 * 1024 * 1024) });
      response.write('the rest never comes');
    },
    '/silent': () => undefined,
    '/gzip': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      response.end(gzipSync(PRICING));
    },
    '/gzip-bomb': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
      response.end(gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x61)));
    },
    '/to-ftp': redirect('ftp://files.example/catalog.pdf'),
    '/to-127-0-0-2': redirect('http://127.0.0.2:9/internal'),
    '/to-10': redirect('http://10.0.0.1/admin'),
    '/to-localhost': redirect('http://localhost/admin'),
    '/to-metadata-name': redirect('http://metadata.shop.test/latest/meta-data'),
  });
});

afterAll(() => server.close());
afterEach(() => vi.restoreAllMocks());

async function failure(promise: Promise<unknown>): Promise<IngestError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(IngestError);
  return error as IngestError;
}

function spyOnRequests() {
  return [vi.spyOn(http, 'request'), vi.spyOn(https, 'request')] as const;
}

describe('safeFetch', () => {
  it('fetches a page with its type, final URL and a file name from the path', async () => {
    const resource = await safeFetch(`${server.origin}/pricing`, open);
    expect(resource).toMatchObject({ url: `${server.origin}/pricing`, status: 200, contentType: 'text/html; charset=utf-8' });
    expect(resource.fileName).toBe('pricing.html');
    expect(new TextDecoder().decode(resource.bytes)).toBe(PRICING);
    expect((await safeFetch(`${server.origin}/`, open)).fileName).toBe('index.html');
    expect((await safeFetch(`${server.origin}/guides/#top`, open)).url).toBe(`${server.origin}/guides/`);
  });

  it('follows a redirect chain within the limit, relative locations included', async () => {
    const resource = await safeFetch(`${server.origin}/a`, { ...open, maxRedirects: 2 });
    expect(resource.url).toBe(`${server.origin}/c`);
    expect(resource.fileName).toBe('c.html');
  });

  it('refuses a chain longer than maxRedirects, and a loop', async () => {
    expect((await failure(safeFetch(`${server.origin}/a`, { ...open, maxRedirects: 1 }))).code).toBe('TOO_MANY_REDIRECTS');
    expect((await failure(safeFetch(`${server.origin}/loop-1`, open))).code).toBe('TOO_MANY_REDIRECTS');
    expect((await failure(safeFetch(`${server.origin}/no-location`, open))).code).toBe('FETCH_FAILED');
  });

  it('stops reading a streamed body past maxBytes', async () => {
    const started = Date.now();
    const error = await failure(safeFetch(`${server.origin}/endless`, { ...open, maxBytes: 100_000 }));
    expect(error.code).toBe('TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('refuses a declared Content-Length over maxBytes without waiting for the body', async () => {
    expect((await failure(safeFetch(`${server.origin}/declared-huge`, open))).code).toBe('TOO_LARGE');
  });

  it('decodes gzip, and applies the ceiling to the decoded size', async () => {
    expect(new TextDecoder().decode((await safeFetch(`${server.origin}/gzip`, open)).bytes)).toBe(PRICING);
    expect((await failure(safeFetch(`${server.origin}/gzip-bomb`, open))).code).toBe('TOO_LARGE');
  });

  it('times out on a server that never answers', async () => {
    const error = await failure(safeFetch(`${server.origin}/silent`, { ...open, timeoutMs: 150 }));
    expect(error.code).toBe('TIMEOUT');
  });

  it('rejects with the abort reason when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = safeFetch(`${server.origin}/silent`, { ...open, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reports non-2xx statuses, empty bodies and refused connections as typed errors', async () => {
    const notFound = await failure(safeFetch(`${server.origin}/missing-page`, open));
    expect(notFound.code).toBe('FETCH_FAILED');
    expect(notFound.message).toContain('404');
    expect((await failure(safeFetch(`${server.origin}/broken`, open))).message).toContain('500');
    expect((await failure(safeFetch(`${server.origin}/empty`, open))).code).toBe('EMPTY');
    const closed = await startServer({});
    await closed.close();
    expect((await failure(safeFetch(`${closed.origin}/`, open))).code).toBe('FETCH_FAILED');
  });

  it('fetches only http(s) URLs without credentials', async () => {
    const [httpSpy, httpsSpy] = spyOnRequests();
    expect((await failure(safeFetch('ftp://files.example/catalog.pdf', open))).code).toBe('UNSUPPORTED_FORMAT');
    expect((await failure(safeFetch('file:///etc/passwd', open))).code).toBe('UNSUPPORTED_FORMAT');
    expect((await failure(safeFetch('javascript:alert(1)', open))).code).toBe('UNSUPPORTED_FORMAT');
    expect((await failure(safeFetch('not a url', open))).code).toBe('FETCH_FAILED');
    expect((await failure(safeFetch(`http://staff:secret@127.0.0.1:${server.port}/`, open))).code).toBe('FETCH_FAILED');
    expect(httpSpy).not.toHaveBeenCalled();
    expect(httpsSpy).not.toHaveBeenCalled();
    expect((await failure(safeFetch(`${server.origin}/to-ftp`, open))).code).toBe('UNSUPPORTED_FORMAT');
  });
});

describe('safeFetch with private addresses disallowed', () => {
  const strict: SafeFetchOptions = { allowPrivate: false, maxBytes: 64 * 1024, timeoutMs: 2_000 };

  it('refuses loopback, private, link-local and unspecified hosts before connecting', async () => {
    const [httpSpy, httpsSpy] = spyOnRequests();
    const connectionsBefore = server.connections;
    const targets = [
      `http://127.0.0.1:${server.port}/`,
      `http://localhost:${server.port}/`,
      `http://shop.localhost:${server.port}/`,
      'http://[::1]/',
      `http://[::ffff:127.0.0.1]:${server.port}/`,
      'http://169.254.169.254/latest/meta-data',
      'http://10.0.0.1/',
      'http://0.0.0.0/',
      'https://192.168.1.1/',
      'http://100.64.0.1/',
      'http://[fd00::1]/',
      'http://[fe80::1]/',
      'http://2130706433/', // 127.0.0.1 written as one number
    ];
    for (const target of targets) {
      const error = await failure(safeFetch(target, strict));
      expect(error.code, target).toBe('PRIVATE_ADDRESS');
    }
    expect(httpSpy).not.toHaveBeenCalled();
    expect(httpsSpy).not.toHaveBeenCalled();
    expect(server.connections).toBe(connectionsBefore);
  });

  it('refuses a host name when any address it resolves to is private', async () => {
    const [httpSpy] = spyOnRequests();
    const resolveHost = vi.fn(async () => [
      { address: '127.0.0.1', family: 4 as const },
      { address: '10.1.2.3', family: 4 as const },
    ]);
    const error = await failure(safeFetch('http://mixed.shop.test/', { ...onlyTestServerPublic, resolveHost }));
    expect(error.code).toBe('PRIVATE_ADDRESS');
    expect(resolveHost).toHaveBeenCalledWith('mixed.shop.test');
    expect(httpSpy).not.toHaveBeenCalled();
  });

  it('connects to the address it validated, not to a fresh DNS answer', async () => {
    const answers = [[{ address: '127.0.0.1', family: 4 as const }]];
    // A second lookup would hand out a private address (DNS rebinding); there must not be one.
    const resolveHost = vi.fn(async () => answers.shift() ?? [{ address: '10.0.0.1', family: 4 as const }]);
    const resource = await safeFetch(`http://store.shop.test:${server.port}/pricing`, { ...onlyTestServerPublic, resolveHost });
    expect(resource.url).toBe(`http://store.shop.test:${server.port}/pricing`);
    expect(resolveHost).toHaveBeenCalledTimes(1);
    expect(server.hosts.at(-1)).toBe(`store.shop.test:${server.port}`);
  });

  it('re-checks every redirect target and refuses private ones before connecting', async () => {
    const resolveHost = vi.fn(async () => [{ address: '169.254.169.254', family: 4 as const }]);
    for (const path of ['/to-127-0-0-2', '/to-10', '/to-localhost', '/to-metadata-name']) {
      const [httpSpy] = spyOnRequests();
      const error = await failure(safeFetch(`${server.origin}${path}`, { ...onlyTestServerPublic, resolveHost }));
      expect(error.code, path).toBe('PRIVATE_ADDRESS');
      expect(httpSpy, path).toHaveBeenCalledTimes(1); // the allowed first hop only
      vi.restoreAllMocks();
    }
    expect(resolveHost).toHaveBeenCalledWith('metadata.shop.test');
  });

  it('fetches from an allowed address as usual', async () => {
    const resource = await safeFetch(`${server.origin}/a`, onlyTestServerPublic);
    expect(resource.url).toBe(`${server.origin}/c`);
  });
});
