// crawlSite against a small fictional store site served on 127.0.0.1, with a second local server
// standing in for "another site" that the crawl must never touch.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError } from '../ingestError.js';
import { type CrawlOptions, crawlSite } from './crawl.js';
import { type FetchedResource } from './safeFetch.js';
import { page, redirect, startServer, type TestServer } from './testServer.js';

let site: TestServer;
let elsewhere: TestServer;

beforeAll(async () => {
  elsewhere = await startServer({ '/': page('Another shop', '<p>Not ours.</p>') });
  const o = () => site.origin;
  site = await startServer({
    '/': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(
        page(
          'Harbor & Pine Outfitters',
          `<a href="/shipping">Shipping</a> <a href="returns">Returns</a> <a href="/returns#policy">Return policy</a>
           <a href="${o()}/products/">Products</a> <a href="/guide.pdf">Tent guide</a> <a href="/missing">Old page</a>
           <a href="/private/margins">Margins</a> <a href="mailto:help@harborpine.example">Mail</a>
           <a href="javascript:openChat()">Chat</a> <a href="/logo.png">Logo</a> <a href="/site.css">CSS</a>
           <a href="${elsewhere.origin}/">Partner shop</a> <a href="/">Home</a>`,
        ),
      );
    },
    '/shipping': page('Shipping', '<p>Orders over $80 ship free.</p><a href="/shipping/international">International</a>'),
    '/shipping/international': page('International shipping', '<a href="/shipping/international/customs">Customs</a>'),
    '/shipping/international/customs': page('Customs', '<p>Duties are paid on delivery.</p>'),
    '/returns': page('Returns', '<p>Return unused gear within 60 days.</p><a href="/">Home</a><a href="/shipping">Shipping</a>'),
    '/products/': page('Products', '<a href="/products/tent">Tent</a><a href="/old-tent">Old tent</a>'),
    '/products/tent': page('Four-season tent', '<p>Sleeps two.</p>'),
    '/old-tent': redirect('/products/tent', 301),
    '/guide.pdf': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/pdf' });
      response.end('%PDF-1.4 tent guide (not a real PDF; the crawler never parses it)');
    },
    '/private/margins': page('Margins', '<p>Secret.</p>'),
    '/robots.txt': (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('User-agent: *\nDisallow: /private/\n');
    },
    '/sitemap.xml': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/xml' });
      response.end(
        `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <url><loc>${o()}/returns</loc></url><url><loc>${o()}/products/tent</loc></url>
          <url><loc>${o()}/private/margins</loc></url><url><loc>${elsewhere.origin}/</loc></url></urlset>`,
      );
    },
    '/sitemap_index.xml': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/xml' });
      response.end(
        `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <sitemap><loc>${o()}/sitemap.xml</loc></sitemap><sitemap><loc>${o()}/sitemap-help.xml.gz</loc></sitemap>
          <sitemap><loc>${o()}/shipping</loc></sitemap></sitemapindex>`,
      );
    },
    '/sitemap-help.xml.gz': (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/gzip' });
      response.end(gzipSync(`<urlset><url><loc>${o()}/shipping/international/customs</loc></url></urlset>`));
    },
  });
});

afterAll(async () => {
  await site.close();
  await elsewhere.close();
});

async function crawl(start: string, options: Partial<CrawlOptions> = {}) {
  const pages: FetchedResource[] = [];
  const errors: { url: string; error: IngestError }[] = [];
  const before = site.requests.length;
  const result = await crawlSite(start, {
    maxDepth: 1,
    maxPages: 50,
    sameSiteOnly: true,
    allowPrivate: true,
    maxBytes: 64 * 1024,
    timeoutMs: 2_000,
    onPage: (resource) => void pages.push(resource),
    onError: (url, error) => void errors.push({ url, error }),
    ...options,
  });
  const paths = (list: { url: string }[]) => list.map((item) => new URL(item.url).pathname).sort();
  return {
    result,
    pages: paths(pages),
    errors: errors.map((e) => [new URL(e.url).pathname, e.error.code]),
    requests: site.requests.slice(before),
  };
}

describe('crawlSite following links', () => {
  it('fetches the start page and its same-origin content links, once each, honouring robots.txt', async () => {
    const { result, pages, errors, requests } = await crawl(`${site.origin}/`);
    expect(pages).toEqual(['/', '/guide.pdf', '/products/', '/returns', '/shipping']);
    expect(errors).toEqual([['/missing', 'FETCH_FAILED']]);
    expect(result).toEqual({ pages: 5, errors: 1 });
    expect(requests.filter((path) => path === '/returns')).toHaveLength(1);
    expect(requests).toContain('/robots.txt');
    for (const path of ['/private/margins', '/logo.png', '/site.css', '/shipping/international']) expect(requests).not.toContain(path);
    expect(elsewhere.requests).toEqual([]);
  });

  it('fetches only the start URL at depth 0, and goes deeper at depth 2', async () => {
    expect((await crawl(`${site.origin}/`, { maxDepth: 0 })).pages).toEqual(['/']);
    const deeper = await crawl(`${site.origin}/`, { maxDepth: 2 });
    expect(deeper.pages).toEqual(['/', '/guide.pdf', '/products/', '/products/tent', '/returns', '/shipping', '/shipping/international']);
    // /old-tent redirects to a page already delivered: fetched, not delivered twice.
    expect(deeper.requests).toContain('/old-tent');
  });

  it('stops at maxPages, not counting failures', async () => {
    const { result, pages } = await crawl(`${site.origin}/`, { maxDepth: 3, maxPages: 3, concurrency: 1 });
    expect(result.pages).toBe(3);
    expect(pages).toHaveLength(3);
    expect(pages).toContain('/');
  });

  it('goes on after a page fails, including one onPage rejects with an IngestError', async () => {
    const { result, pages, errors } = await crawl(`${site.origin}/`, {
      onPage: (resource) => {
        if (resource.url.endsWith('/returns')) throw new IngestError('NO_TEXT', 'Nothing to index.');
      },
    });
    expect(result).toEqual({ pages: 4, errors: 2 });
    expect(pages).toEqual([]); // the override replaced the collecting onPage
    expect(errors).toEqual(
      expect.arrayContaining([
        ['/missing', 'FETCH_FAILED'],
        ['/returns', 'NO_TEXT'],
      ]),
    );
  });

  it('stops and rethrows when onPage fails unexpectedly', async () => {
    const crash = new Error('store is down');
    await expect(
      crawl(`${site.origin}/`, {
        onPage: () => {
          throw crash;
        },
      }),
    ).rejects.toBe(crash);
  });

  it('reports a start URL it cannot fetch', async () => {
    expect((await crawl(`${site.origin}/missing`)).errors).toEqual([['/missing', 'FETCH_FAILED']]);
    const refused = await crawl(`${site.origin}/`, { allowPrivate: false });
    expect(refused.result).toEqual({ pages: 0, errors: 1 });
    expect(refused.errors).toEqual([['/', 'PRIVATE_ADDRESS']]);
    expect(refused.requests).toEqual([]);
  });

  it('rejects with the abort reason and delivers nothing after', async () => {
    const controller = new AbortController();
    let delivered = 0;
    const pending = crawl(`${site.origin}/`, {
      maxDepth: 3,
      concurrency: 1,
      signal: controller.signal,
      onPage: () => {
        delivered++;
        controller.abort();
      },
    });
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(delivered).toBe(1);
  });
});

describe('crawlSite from a sitemap', () => {
  it('fetches the listed same-origin pages allowed by robots.txt, without following links', async () => {
    const { result, pages, requests } = await crawl(`${site.origin}/sitemap.xml`, { maxDepth: 5 });
    expect(pages).toEqual(['/products/tent', '/returns']);
    expect(result).toEqual({ pages: 2, errors: 0 });
    expect(requests).not.toContain('/shipping');
    expect(requests).not.toContain('/private/margins');
    expect(elsewhere.requests).toEqual([]);
  });

  it('reads a sitemap index with nested and gzipped sitemaps, reporting entries that are not sitemaps', async () => {
    const { result, pages, errors } = await crawl(`${site.origin}/sitemap_index.xml`);
    expect(pages).toEqual(['/products/tent', '/returns', '/shipping/international/customs']);
    expect(errors).toEqual([['/shipping', 'UNSUPPORTED_FORMAT']]);
    expect(result).toEqual({ pages: 3, errors: 1 });
  });

  it('respects maxPages across sitemap entries', async () => {
    expect((await crawl(`${site.origin}/sitemap_index.xml`, { maxPages: 1 })).result.pages).toBe(1);
  });
});
