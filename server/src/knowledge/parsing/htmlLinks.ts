/**
 * The links a site crawler may follow from a page: absolute http(s) URLs on the same site as the
 * page, without fragments (they name the same document), without embedded credentials, deduped
 * in document order.
 */
import { parseHtmlDocument } from './dom.js';

export function extractLinks(html: string, baseUrl: string): string[] {
  const page = parseURL(baseUrl);
  if (!page) return [];
  const document = parseHtmlDocument(html);
  const declaredBase = document.querySelector('base[href]')?.getAttribute('href');
  const base = (declaredBase && parseURL(declaredBase, page.href)) || page;
  const site = siteOf(page.hostname);
  const links = new Set<string>();
  for (const anchor of Array.from(document.querySelectorAll('a[href], area[href]'))) {
    const url = parseURL(anchor.getAttribute('href')?.trim() ?? '', base.href);
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) continue;
    if (url.username || url.password || siteOf(url.hostname) !== site) continue;
    url.hash = '';
    links.add(url.href);
  }
  return [...links];
}

/** `www.` is the same site in every practical sense; other subdomains may be other properties. */
function siteOf(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

function parseURL(value: string, base?: string): URL | undefined {
  if (!value) return undefined;
  try {
    return new URL(value, base);
  } catch {
    return undefined;
  }
}
