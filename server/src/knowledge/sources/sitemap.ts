/**
 * Sitemaps (sitemaps.org): recognising one among fetched bytes, gzipped or not, and reading the
 * page URLs of a <urlset> or the nested sitemap URLs of a <sitemapindex>. Image and video
 * extensions (`image:loc`) are not pages and are left out.
 */
import { gunzipSync } from 'node:zlib';
import { normalizeUrl } from './links.js';
import { parseXml } from './markup.js';

/** The protocol's own ceiling on entries per file; anything past it is not read. */
const MAX_ENTRIES = 50_000;
/** Decompressed ceiling for a .xml.gz sitemap, the protocol's 50 MB per file. */
const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;

export interface SitemapEntries {
  pages: string[];
  sitemaps: string[];
}

export function parseSitemap(xml: string): SitemapEntries {
  const document = parseXml(xml);
  const root = document.documentElement?.localName;
  const locs = document.querySelectorAll(root === 'sitemapindex' ? 'sitemap > loc' : 'url > loc');
  const found = new Set<string>();
  for (let i = 0; i < locs.length && found.size < MAX_ENTRIES; i++) {
    const url = normalizeUrl(locs[i]?.textContent?.trim() ?? '');
    if (url) found.add(url);
  }
  const urls = [...found];
  if (root === 'sitemapindex') return { pages: [], sitemaps: urls };
  return { pages: root === 'urlset' ? urls : [], sitemaps: [] };
}

/**
 * The sitemap's XML when the bytes are one (plain, or gzip as `.xml.gz` files are served), else
 * undefined. Decided by the root element, not the name, so an HTML page at /sitemap is a page.
 */
export function sitemapXml(bytes: Uint8Array): string | undefined {
  let body = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      body = gunzipSync(bytes, { maxOutputLength: MAX_SITEMAP_BYTES });
    } catch {
      return undefined;
    }
  }
  const text = new TextDecoder('utf-8').decode(body);
  // The root element follows at most a BOM, an XML declaration, comments and processing instructions.
  const prologue = /^\uFEFF?\s*(?:(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->)\s*)*<(urlset|sitemapindex)[\s>]/;
  return prologue.test(text.slice(0, 8192)) ? text : undefined;
}
