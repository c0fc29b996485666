/**
 * Which URLs a crawl follows from a page: http(s) links on the page's own origin (scheme, host and
 * port; `www.` is another host), in one normalised form so the same page is fetched once, minus
 * links that are plainly not documents (images, scripts, styles, media, archives). Documents such
 * as PDF, DOCX or Markdown are kept: they are knowledge too.
 */
import { parseHtml } from './markup.js';

/** A hostile page cannot make one crawl step enqueue more than this. */
const MAX_LINKS_PER_PAGE = 2_000;

const NON_CONTENT_EXTENSIONS = new Set(
  [
    'png jpg jpeg gif webp avif svg ico bmp tif tiff heic', // images
    'css js mjs map json webmanifest wasm', // page machinery
    'woff woff2 ttf otf eot', // fonts
    'mp3 mp4 m4a m4v wav ogg oga webm mov avi mkv flac', // media
    'zip gz tgz tar rar 7z bz2 xz', // archives
    'exe dmg pkg msi deb rpm apk iso bin', // installers
    'rss atom xml', // feeds and other machine-readable XML
  ].flatMap((group) => group.split(' ')),
);

export function discoverLinks(html: string, baseUrl: string): string[] {
  const page = normalizeUrl(baseUrl);
  if (!page) return [];
  const origin = new URL(page).origin;
  const document = parseHtml(html);
  const declaredBase = document.querySelector('base[href]')?.getAttribute('href');
  const base = (declaredBase && normalizeUrl(declaredBase, page)) || page;
  const links = new Set<string>();
  const anchors = document.querySelectorAll('a[href], area[href]');
  for (let i = 0; i < anchors.length && links.size < MAX_LINKS_PER_PAGE; i++) {
    const link = normalizeUrl(anchors[i]?.getAttribute('href')?.trim() ?? '', base);
    if (link && link !== page && new URL(link).origin === origin && isContentUrl(link)) links.add(link);
  }
  return [...links];
}

/**
 * The form URLs are compared and fetched in: absolute, http(s) only, no fragment, no embedded
 * credentials, no empty `?`. The WHATWG parser already lower-cases the host, drops default ports
 * and resolves dot segments. `undefined` for anything else (mailto:, javascript:, garbage).
 */
export function normalizeUrl(value: string, base?: string): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username || url.password) return undefined;
  url.hash = '';
  if (url.search === '') url.search = '';
  return url.href;
}

/** False for links whose extension says they are not a document. */
export function isContentUrl(url: string): boolean {
  const name = new URL(url).pathname.split('/').pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot < 0 || !NON_CONTENT_EXTENSIONS.has(name.slice(dot + 1).toLowerCase());
}
