/**
 * Fetches one URL for the knowledge base without letting it be turned against the server (SSRF):
 * http(s) only, no embedded credentials, every redirect hop re-validated and pinned to the address
 * that was checked, one deadline for the whole chain, and a byte ceiling enforced while streaming.
 * Every failure is a typed IngestError; a caller's abort rejects with the signal's reason.
 */
import { IngestError } from '../ingestError.js';
import { fileNameFor } from './fileName.js';
import { type AddressRules, type ConnectTarget, guardHost } from '../../security/hostGuard.js';
import { NetworkPolicyError } from '../../security/networkPolicyError.js';
import { requestHop } from './httpHop.js';

export interface FetchedResource {
  /** The final URL, after redirects, without a fragment. */
  url: string;
  status: number;
  contentType: string | undefined;
  bytes: Uint8Array;
  /** From the final URL's path, e.g. `pricing.html`, or `index.html` for a directory. */
  fileName: string;
}

export interface SafeFetchOptions extends AddressRules {
  maxBytes: number;
  /** One deadline for resolution, every redirect hop and the whole body (default 15 s). */
  timeoutMs?: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  userAgent?: string;
  signal?: AbortSignal;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_REDIRECTS = 5;
/** The product token robots.txt groups are matched against comes first. */
export const DEFAULT_USER_AGENT = 'TandemBot/0.1 (knowledge import; Tandem agent-assist)';

const ACCEPT = 'text/html,application/xhtml+xml,application/pdf,text/markdown,text/plain;q=0.9,*/*;q=0.8';

export async function safeFetch(url: string, options: SafeFetchOptions): Promise<FetchedResource> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // One controller carries both the deadline and the caller's abort. Not AbortSignal.any: a crawl's
  // long-lived signal would keep every per-fetch signal it was combined with alive.
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new IngestError('TIMEOUT', `Fetching ${url} took longer than ${timeoutMs} ms.`)),
    timeoutMs,
  );
  const caller = options.signal;
  const forwardAbort = () => controller.abort(caller?.reason);
  if (caller?.aborted) forwardAbort();
  caller?.addEventListener('abort', forwardAbort, { once: true });
  try {
    return await followRedirects(parseTarget(url), options, controller.signal);
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener('abort', forwardAbort);
  }
}

async function followRedirects(start: URL, options: SafeFetchOptions, signal: AbortSignal): Promise<FetchedResource> {
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const headers = {
    'user-agent': options.userAgent ?? DEFAULT_USER_AGENT,
    accept: ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  const visited = new Set<string>();
  let current = start;
  for (let redirects = 0; ; redirects++) {
    visited.add(current.href);
    const target = await untilAborted(guardHostForIngest(current, options), signal);
    const hop = await requestHop({ url: current, target, headers, signal, maxBytes: options.maxBytes });
    if (hop.kind === 'response') {
      if (hop.bytes.length === 0) throw new IngestError('EMPTY', `${current.href} returned an empty body.`);
      const contentType = hop.headers['content-type'];
      return { url: current.href, status: hop.status, contentType, bytes: hop.bytes, fileName: fileNameFor(current.href, contentType) };
    }
    if (!hop.location) throw new IngestError('FETCH_FAILED', `${current.href} answered HTTP ${hop.status} without a Location.`);
    const next = parseTarget(hop.location, current);
    // Without cookies a revisited URL answers the same way again, so a loop can only end at the limit.
    if (visited.has(next.href)) throw new IngestError('TOO_MANY_REDIRECTS', `Redirect loop at ${current.href} → ${next.href}.`);
    if (redirects + 1 > maxRedirects) {
      throw new IngestError('TOO_MANY_REDIRECTS', `${start.href} redirected more than ${maxRedirects} times.`);
    }
    current = next;
  }
}

/** The host guard's refusal as the ingestion's own typed error. */
async function guardHostForIngest(url: URL, rules: AddressRules): Promise<ConnectTarget> {
  try {
    return await guardHost(url, rules);
  } catch (error) {
    if (error instanceof NetworkPolicyError)
      throw new IngestError(error.code === 'PRIVATE_ADDRESS' ? 'PRIVATE_ADDRESS' : 'FETCH_FAILED', error.message);
    throw error;
  }
}

/** An absolute http(s) URL without fragment or credentials, or a typed refusal. */
function parseTarget(value: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    throw new IngestError('FETCH_FAILED', `Not a valid URL: ${value.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new IngestError('UNSUPPORTED_FORMAT', `Only http and https URLs can be fetched, not ${url.protocol}`);
  }
  // Credentials in a URL would be sent to whoever it redirects to and stored with the document.
  if (url.username || url.password) throw new IngestError('FETCH_FAILED', 'URLs with embedded credentials are not fetched.');
  url.hash = '';
  return url;
}

/** DNS resolution cannot be cancelled, so stop waiting for it instead. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}
