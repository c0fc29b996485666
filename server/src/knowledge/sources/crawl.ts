/**
 * Crawls one site for the knowledge base, breadth first, fetching every URL through safeFetch.
 *
 * - A start URL whose body is a sitemap (<urlset> or <sitemapindex>, plain or gzipped) is used as
 *   the list of pages: its <loc> URLs and those of nested sitemaps are fetched, and no links are
 *   followed (maxDepth does not apply). Otherwise links are followed from the start page. The
 *   site's /sitemap.xml is never guessed: what is crawled is what the admin pointed at.
 * - Only the start URL's origin is crawled (scheme, host and port; `www.` is another host), plus
 *   the origin the start URL redirected to, so `http://x` → `https://x` still crawls x.
 * - robots.txt of each crawled origin is honoured for every discovered URL, best effort: when it
 *   cannot be fetched everything is allowed. The start URL itself is what the admin asked for, so
 *   it is fetched regardless.
 * - maxPages counts pages delivered to onPage; failed fetches do not use it up, but the crawl
 *   stops after 2 × maxPages + 20 page fetches so a site of broken links cannot keep it busy.
 * - A failed URL goes to onError and the crawl goes on. onPage may throw an IngestError to report
 *   a page it could not use (it then counts as an error); any other throw stops the crawl and is
 *   rethrown, as does the caller's abort (with the signal's reason).
 */
import { IngestError } from '../ingestError.js';
import { discoverLinks, isContentUrl, normalizeUrl } from './links.js';
import { ALLOW_ALL, parseRobots, productTokenOf, type RobotsRules } from './robots.js';
import { DEFAULT_USER_AGENT, type FetchedResource, safeFetch, type SafeFetchOptions } from './safeFetch.js';
import { parseSitemap, sitemapXml } from './sitemap.js';

export { discoverLinks } from './links.js';
export { parseSitemap } from './sitemap.js';

export interface CrawlOptions extends SafeFetchOptions {
  /** Link hops from the start page; 0 fetches only the start URL. */
  maxDepth: number;
  /** Most pages delivered to onPage. */
  maxPages: number;
  /** Crawling beyond the start URL's origin is not supported; the flag says so at the call site. */
  sameSiteOnly: true;
  /** Fetches in flight at once (default 4). */
  concurrency?: number;
  onPage?: (page: FetchedResource) => void | Promise<void>;
  onError?: (url: string, error: IngestError) => void;
}

export interface CrawlResult {
  pages: number;
  errors: number;
}

/** Nested sitemaps fetched at most, however deep or wide the index. */
export const MAX_SITEMAPS = 25;
const ROBOTS_MAX_BYTES = 512 * 1024;
const ROBOTS_TIMEOUT_MS = 10_000;

interface Item {
  url: string;
  depth: number;
  kind: 'page' | 'sitemap';
}

export function crawlSite(start: string, options: CrawlOptions): Promise<CrawlResult> {
  return new Crawl(start, options).run();
}

class Crawl {
  private readonly queue: Item[] = [];
  private readonly seen = new Set<string>();
  private readonly delivered = new Set<string>();
  private readonly origins = new Set<string>();
  private readonly robots = new Map<string, Promise<RobotsRules>>();
  private readonly concurrency: number;
  private followLinks = true;
  private sitemapsQueued = 0;
  private pages = 0;
  private errors = 0;
  private pageAttempts = 0;
  private activePages = 0;
  private active = 0;
  private fatal: { error: unknown } | undefined;
  private settle: (() => void) | undefined;

  constructor(
    private readonly start: string,
    private readonly options: CrawlOptions,
  ) {
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 4));
  }

  async run(): Promise<CrawlResult> {
    const startUrl = normalizeUrl(this.start);
    if (startUrl) this.origins.add(new URL(startUrl).origin);
    this.seen.add(startUrl ?? this.start);
    await this.guard(() => this.visitStart(startUrl ?? this.start));
    if (!this.fatal && !this.options.signal?.aborted) {
      await new Promise<void>((resolve) => {
        this.settle = resolve;
        this.pump();
      });
    }
    if (this.fatal) throw this.fatal.error;
    this.options.signal?.throwIfAborted();
    return { pages: this.pages, errors: this.errors };
  }

  /** Starts queued work up to the concurrency and page budgets; settles once nothing is left. */
  private pump(): void {
    while (!this.stopping() && this.active < this.concurrency && this.queue.length > 0) {
      const next = this.queue[0] as Item;
      if (next.kind === 'page' && !this.pageBudgetLeft()) break;
      this.queue.shift();
      this.active++;
      if (next.kind === 'page') {
        this.activePages++;
        this.pageAttempts++;
      }
      void this.guard(() => (next.kind === 'page' ? this.visitPage(next) : this.visitSitemap(next.url))).then(() => {
        this.active--;
        if (next.kind === 'page') this.activePages--;
        this.pump();
      });
    }
    const nothingRunnable = this.queue.length === 0 || this.stopping() || !this.pageBudgetLeft();
    if (this.active === 0 && nothingRunnable) this.settle?.();
  }

  private stopping(): boolean {
    return this.fatal !== undefined || this.options.signal?.aborted === true || this.pages >= this.options.maxPages;
  }

  private pageBudgetLeft(): boolean {
    const attemptCap = 2 * this.options.maxPages + 20;
    return this.pages + this.activePages < this.options.maxPages && this.pageAttempts < attemptCap;
  }

  private async visitStart(url: string): Promise<void> {
    const resource = await this.fetch(url);
    if (!resource) return;
    this.origins.add(new URL(resource.url).origin);
    this.seen.add(resource.url);
    const xml = sitemapXml(resource.bytes);
    if (xml) {
      this.followLinks = false;
      await this.enqueueSitemapEntries(xml);
    } else if (this.options.maxPages > 0) {
      this.pageAttempts++;
      await this.deliver(resource, 0);
    }
  }

  private async visitPage(item: Item): Promise<void> {
    const resource = await this.fetch(item.url);
    if (resource) await this.deliver(resource, item.depth);
  }

  private async visitSitemap(url: string): Promise<void> {
    const resource = await this.fetch(url);
    if (!resource) return;
    const xml = sitemapXml(resource.bytes);
    if (xml) await this.enqueueSitemapEntries(xml);
    else this.report(url, new IngestError('UNSUPPORTED_FORMAT', `${url} is listed as a sitemap but is not one.`));
  }

  private async enqueueSitemapEntries(xml: string): Promise<void> {
    const { pages, sitemaps } = parseSitemap(xml);
    for (const url of await this.crawlable(sitemaps, 'sitemap')) {
      if (this.sitemapsQueued >= MAX_SITEMAPS) break;
      this.sitemapsQueued++;
      this.enqueue({ url, depth: 0, kind: 'sitemap' });
    }
    for (const url of await this.crawlable(pages, 'page')) this.enqueue({ url, depth: 1, kind: 'page' });
  }

  /** Hands a fetched page on (once per final URL, on-site only) and queues the links it holds. */
  private async deliver(page: FetchedResource, depth: number): Promise<void> {
    // A redirect can land on a page already delivered, or off the site.
    if (this.delivered.has(page.url) || !this.origins.has(new URL(page.url).origin)) return;
    this.delivered.add(page.url);
    this.seen.add(page.url);
    if (this.followLinks && depth < this.options.maxDepth && isHtml(page)) {
      const links = discoverLinks(new TextDecoder('utf-8').decode(page.bytes), page.url);
      for (const url of await this.crawlable(links, 'page')) this.enqueue({ url, depth: depth + 1, kind: 'page' });
    }
    if (this.stopping()) return;
    try {
      await this.options.onPage?.(page);
      this.pages++;
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      this.report(page.url, error);
    }
  }

  /** On-site, not yet seen, allowed by robots.txt and, for pages, not plainly an asset. */
  private async crawlable(urls: readonly string[], kind: Item['kind']): Promise<string[]> {
    const fresh = urls.filter(
      (url) => !this.seen.has(url) && this.origins.has(new URL(url).origin) && (kind === 'sitemap' || isContentUrl(url)),
    );
    const allowed: string[] = [];
    for (const url of fresh) if ((await this.robotsFor(new URL(url).origin)).isAllowed(url)) allowed.push(url);
    return allowed;
  }

  private enqueue(item: Item): void {
    if (this.seen.has(item.url)) return;
    this.seen.add(item.url);
    this.queue.push(item);
  }

  private robotsFor(origin: string): Promise<RobotsRules> {
    let rules = this.robots.get(origin);
    if (!rules) {
      rules = this.loadRobots(origin);
      this.robots.set(origin, rules);
    }
    return rules;
  }

  private async loadRobots(origin: string): Promise<RobotsRules> {
    const userAgent = this.options.userAgent ?? DEFAULT_USER_AGENT;
    try {
      const { bytes } = await safeFetch(`${origin}/robots.txt`, {
        ...this.fetchOptions(),
        maxBytes: ROBOTS_MAX_BYTES,
        timeoutMs: Math.min(this.options.timeoutMs ?? ROBOTS_TIMEOUT_MS, ROBOTS_TIMEOUT_MS),
      });
      return parseRobots(new TextDecoder('utf-8').decode(bytes), productTokenOf(userAgent));
    } catch (error) {
      if (this.options.signal?.aborted) throw error;
      return ALLOW_ALL;
    }
  }

  /** The resource, or undefined after reporting why not; only the caller's abort escapes. */
  private async fetch(url: string): Promise<FetchedResource | undefined> {
    try {
      return await safeFetch(url, this.fetchOptions());
    } catch (error) {
      if (this.options.signal?.aborted) throw error;
      this.report(url, error instanceof IngestError ? error : new IngestError('FETCH_FAILED', `Could not fetch ${url}.`));
      return undefined;
    }
  }

  private fetchOptions(): SafeFetchOptions {
    const { allowPrivate, maxBytes, timeoutMs, maxRedirects, userAgent, isAllowedAddress, resolveHost, signal } = this.options;
    return { allowPrivate, maxBytes, timeoutMs, maxRedirects, userAgent, isAllowedAddress, resolveHost, signal };
  }

  private report(url: string, error: IngestError): void {
    this.errors++;
    this.options.onError?.(url, error);
  }

  /** Runs one step; an abort or a fatal error is recorded so the crawl winds down instead of crashing. */
  private async guard(step: () => Promise<void>): Promise<void> {
    try {
      await step();
    } catch (error) {
      if (!this.options.signal?.aborted) this.fatal ??= { error };
    }
  }
}

function isHtml(page: FetchedResource): boolean {
  const type = page.contentType?.split(';')[0]?.trim().toLowerCase();
  if (type) return type === 'text/html' || type === 'application/xhtml+xml';
  const head = new TextDecoder('utf-8').decode(page.bytes.subarray(0, 1024)).trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}
