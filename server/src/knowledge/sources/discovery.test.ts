// The pure parts of crawling: links on a page, sitemap entries, robots.txt rules, file names.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { discoverLinks, parseSitemap } from './crawl.js';
import { fileNameFor } from './fileName.js';
import { normalizeUrl } from './links.js';
import { parseRobots, productTokenOf } from './robots.js';
import { sitemapXml } from './sitemap.js';

describe('discoverLinks', () => {
  const base = 'https://shop.example/help/index.html';

  it('resolves, strips fragments, dedupes and keeps only same-origin content links', () => {
    const html = `<p>Harbor & Pine help centre</p>
      <a href="shipping">Shipping</a>
      <a href="shipping#rates">Shipping rates</a>
      <a href="/returns?lang=en#top">Returns</a>
      <a href="../guides/tent-care.pdf">Tent care (PDF)</a>
      <a href="/size-chart.docx">Size chart</a>
      <a href="mailto:help@shop.example">Mail us</a>
      <a href="javascript:void(0)">Menu</a>
      <a href="tel:+15550100">Call</a>
      <a href="/img/lantern.PNG">Lantern photo</a>
      <a href="/assets/site.css">Styles</a>
      <a href="/downloads/catalog.zip">Catalog</a>
      <a href="http://shop.example/insecure">Other scheme</a>
      <a href="https://www.shop.example/www">Other host</a>
      <a href="https://shop.example:8443/port">Other port</a>
      <a href="https://elsewhere.example/">Elsewhere</a>
      <a href="https://staff:pw@shop.example/admin">Credentials</a>
      <a href="#top">Top</a>
      <a>No href</a>
      <map><area href="/stores" alt="Stores"></map>`;
    expect(discoverLinks(html, base)).toEqual([
      'https://shop.example/help/shipping',
      'https://shop.example/returns?lang=en',
      'https://shop.example/guides/tent-care.pdf',
      'https://shop.example/size-chart.docx',
      'https://shop.example/stores',
    ]);
  });

  it('honours <base href> and tolerates garbage', () => {
    const html = '<html><head><base href="/docs/"></head><body><a href="faq">FAQ</a><a href="http://[bad">x</a></body></html>';
    expect(discoverLinks(html, base)).toEqual(['https://shop.example/docs/faq']);
    expect(discoverLinks('<a href="/x">x</a>', 'not a url')).toEqual([]);
  });

  it('normalises URLs to one comparable form', () => {
    expect(normalizeUrl('HTTPS://Shop.Example:443/a/./b/../c?#frag')).toBe('https://shop.example/a/c');
    expect(normalizeUrl('ftp://shop.example/')).toBeUndefined();
  });
});

describe('parseSitemap', () => {
  it('reads page URLs from a urlset, leaving image entries out', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
        <url><loc>https://shop.example/tents?size=2&amp;color=green</loc>
          <image:image><image:loc>https://shop.example/img/tent.jpg</image:loc></image:image></url>
        <url><loc> <![CDATA[https://shop.example/lanterns]]> </loc><lastmod>2026-01-02</lastmod></url>
        <url><loc>https://shop.example/lanterns#dup</loc></url>
        <url><loc>not a url</loc></url>
      </urlset>`;
    expect(parseSitemap(xml)).toEqual({
      pages: ['https://shop.example/tents?size=2&color=green', 'https://shop.example/lanterns'],
      sitemaps: [],
    });
  });

  it('reads nested sitemaps from an index, and nothing from other XML', () => {
    const index = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://shop.example/sitemap-help.xml</loc></sitemap>
      <sitemap><loc>https://shop.example/sitemap-products.xml.gz</loc></sitemap></sitemapindex>`;
    expect(parseSitemap(index)).toEqual({
      pages: [],
      sitemaps: ['https://shop.example/sitemap-help.xml', 'https://shop.example/sitemap-products.xml.gz'],
    });
    expect(parseSitemap('<rss><channel><item><loc>https://shop.example/x</loc></item></channel></rss>')).toEqual({
      pages: [],
      sitemaps: [],
    });
    expect(parseSitemap('<urlset><url><loc>')).toEqual({ pages: [], sitemaps: [] });
  });

  it('recognises sitemaps by their root element, plain or gzipped', () => {
    const xml = '<?xml version="1.0"?>\n<!-- generated --><urlset><url><loc>https://shop.example/</loc></url></urlset>';
    const encode = (text: string) => new TextEncoder().encode(text);
    expect(sitemapXml(encode(`\uFEFF${xml}`))).toBe(xml); // the decoder drops the BOM
    expect(sitemapXml(gzipSync(xml))).toBe(xml);
    expect(sitemapXml(encode('<!doctype html><html><body>urlset</body></html>'))).toBeUndefined();
    expect(sitemapXml(new Uint8Array([0x1f, 0x8b, 0, 1, 2]))).toBeUndefined();
  });
});

describe('parseRobots', () => {
  const robots = `# Harbor & Pine
User-agent: *
Disallow: /checkout
Disallow: /account/
Allow: /account/help
Disallow: /*.json$
Disallow: /search*?q=

User-agent: OtherBot
User-agent: tandembot
Disallow: /drafts/
`;

  it('applies the group naming our product token, with longest match winning', () => {
    const ours = parseRobots(robots, productTokenOf('TandemBot/0.1 (knowledge import)'));
    expect(ours.isAllowed('https://shop.example/drafts/new-tent')).toBe(false);
    expect(ours.isAllowed('https://shop.example/checkout')).toBe(true);
  });

  it('falls back to the * group, with Allow, wildcards and anchors', () => {
    const anyone = parseRobots(robots, 'somebot');
    expect(anyone.isAllowed('https://shop.example/checkout/step-1')).toBe(false);
    expect(anyone.isAllowed('https://shop.example/account/orders')).toBe(false);
    expect(anyone.isAllowed('https://shop.example/account/help/returns')).toBe(true);
    expect(anyone.isAllowed('https://shop.example/feed.json')).toBe(false);
    expect(anyone.isAllowed('https://shop.example/feed.json?page=2')).toBe(true);
    expect(anyone.isAllowed('https://shop.example/search/all?q=tent')).toBe(false);
    expect(anyone.isAllowed('https://shop.example/tents')).toBe(true);
  });

  it('allows everything without rules, and stays fast on hostile patterns', () => {
    expect(parseRobots('User-agent: *\nDisallow:\n', 'tandembot').isAllowed('https://shop.example/x')).toBe(true);
    expect(parseRobots('garbage without structure', 'tandembot').isAllowed('https://shop.example/x')).toBe(true);
    const hostile = parseRobots(`User-agent: *\nDisallow: /${'*a'.repeat(400)}b\n`, 'tandembot');
    const started = Date.now();
    expect(hostile.isAllowed(`https://shop.example/${'a'.repeat(2000)}`)).toBe(true);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe('fileNameFor', () => {
  it('names a resource after its path, adding the extension its type implies', () => {
    expect(fileNameFor('https://shop.example/pricing', 'text/html; charset=utf-8')).toBe('pricing.html');
    expect(fileNameFor('https://shop.example/pricing.html', 'text/html')).toBe('pricing.html');
    expect(fileNameFor('https://shop.example/', 'text/html')).toBe('index.html');
    expect(fileNameFor('https://shop.example/help/', undefined)).toBe('index.html');
    expect(fileNameFor('https://shop.example/v1.2', 'text/html')).toBe('v1.2.html');
    expect(fileNameFor('https://shop.example/docs/tent%20care.pdf', 'application/pdf')).toBe('tent care.pdf');
    expect(fileNameFor('https://shop.example/download?id=7', 'application/pdf')).toBe('download.pdf');
    expect(fileNameFor('https://shop.example/files/sizes.docx', 'application/octet-stream')).toBe('sizes.docx');
    expect(fileNameFor('https://shop.example/a%2F..%5Cb', 'text/plain')).toBe('a_.._b.txt');
  });
});
