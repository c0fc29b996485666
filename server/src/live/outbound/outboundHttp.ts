/**
 * One POST to a tenant's webhook endpoint, made safe against SSRF: endpoint URLs are tenant input,
 * so unless private URLs are allowed the host is resolved, every address must be public, and the
 * connection is pinned to the address that was checked (security/hostGuard, security/pinnedLookup), so a
 * DNS answer that changes between check and connect cannot turn it inward. Redirects are never
 * followed: they would carry a signed body to a host nobody registered. Only the status and
 * Retry-After are read; the body is drained under a small cap and dropped.
 */
import http from 'node:http';
import https from 'node:https';
import { normalizeHostname } from '../../security/addressPolicy.js';
import { type AddressRules, type ConnectTarget, guardHost } from '../../security/hostGuard.js';
import { NetworkPolicyError } from '../../security/networkPolicyError.js';
import { pinnedLookup } from '../../security/pinnedLookup.js';

export interface OutboundPost {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

export interface OutboundAnswer {
  status: number;
  /** The raw Retry-After header, if the endpoint sent one. */
  retryAfter: string | undefined;
}

/**
 * Why a POST got no answer. `refused` (a private address, a URL that cannot be sent to) will not
 * change by trying again; `network` and `timeout` may.
 */
export class OutboundSendError extends Error {
  constructor(
    readonly kind: 'refused' | 'network' | 'timeout',
    message: string,
  ) {
    super(message);
    this.name = 'OutboundSendError';
  }
}

export interface OutboundHttpOptions {
  allowPrivateUrls: boolean;
  /** Replaces the pinned node:http sender (tests, a proxy-aware fetch); the URL is still checked, the connection is not pinned. */
  fetchImpl?: typeof fetch;
  /** Host resolution for the address check (default: the system resolver). */
  resolveHost?: AddressRules['resolveHost'];
}

export type OutboundPoster = (post: OutboundPost) => Promise<OutboundAnswer>;

/** Bytes of an answer's body read before the connection is closed; nothing in it is used. */
const DRAIN_LIMIT_BYTES = 64 * 1024;

/** The URL as a sendable http(s) URL, or an OutboundSendError saying why not. */
export function parseEndpointUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OutboundSendError('refused', 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundSendError('refused', `${url.protocol} URLs are not sent to`);
  // Credentials in a URL would be shown in the endpoint list and logged by proxies.
  if (url.username !== '' || url.password !== '') throw new OutboundSendError('refused', 'URLs with embedded credentials are not sent to');
  url.hash = '';
  return url;
}

/**
 * Checks where a URL may be sent and returns the address to connect to (undefined: private URLs
 * are allowed, the system resolves). A private address is `refused`; a failed lookup is `network`.
 */
export async function checkEndpointUrl(value: string, options: Pick<OutboundHttpOptions, 'allowPrivateUrls' | 'resolveHost'>) {
  const url = parseEndpointUrl(value);
  try {
    const rules: AddressRules = { allowPrivate: options.allowPrivateUrls };
    if (options.resolveHost !== undefined) rules.resolveHost = options.resolveHost;
    return { url, target: await guardHost(url, rules) };
  } catch (error) {
    if (error instanceof NetworkPolicyError && error.code === 'PRIVATE_ADDRESS')
      throw new OutboundSendError('refused', `${url.hostname} is a private or local address`);
    if (error instanceof NetworkPolicyError) throw new OutboundSendError('network', `could not resolve ${url.hostname}`);
    throw error;
  }
}

export function outboundPoster(options: OutboundHttpOptions): OutboundPoster {
  return async (post) => {
    const { url, target } = await checkEndpointUrl(post.url, options);
    return options.fetchImpl === undefined ? pinnedPost(url, target, post) : fetchPost(options.fetchImpl, url, post);
  };
}

function pinnedPost(url: URL, target: ConnectTarget, post: OutboundPost): Promise<OutboundAnswer> {
  return new Promise<OutboundAnswer>((resolve, reject) => {
    const controller = new AbortController();
    // The deadline covers connecting, the answer's headers and draining its body.
    const timer = setTimeout(() => controller.abort(), post.timeoutMs);
    const transport = url.protocol === 'https:' ? https : http;
    const request = transport.request(
      {
        protocol: url.protocol,
        hostname: normalizeHostname(url.hostname),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: { ...post.headers, 'content-length': String(Buffer.byteLength(post.body)) },
        // A pooled socket could have been opened to an address this request never checked.
        agent: false,
        signal: controller.signal,
        lookup: target === undefined ? undefined : pinnedLookup(target),
      },
      (response) => {
        const retryAfter = response.headers['retry-after'];
        resolve({ status: response.statusCode ?? 0, retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined });
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > DRAIN_LIMIT_BYTES) response.destroy();
        });
        response.on('error', () => undefined);
        response.on('close', () => clearTimeout(timer));
      },
    );
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(controller.signal.aborted ? timeoutError(post.timeoutMs) : networkError(error));
    });
    request.end(post.body);
  });
}

async function fetchPost(fetchImpl: typeof fetch, url: URL, post: OutboundPost): Promise<OutboundAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), post.timeoutMs);
  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: post.headers,
      body: post.body,
      redirect: 'manual',
      signal: controller.signal,
    });
    await response.body?.cancel().catch(() => undefined);
    return { status: response.status, retryAfter: response.headers.get('retry-after') ?? undefined };
  } catch (error) {
    throw controller.signal.aborted ? timeoutError(post.timeoutMs) : networkError(error);
  } finally {
    clearTimeout(timer);
  }
}

const timeoutError = (ms: number) => new OutboundSendError('timeout', `no answer within ${ms} ms`);

/** The error code only ("ECONNREFUSED"): messages can name hosts and addresses the log should not carry. */
function networkError(error: unknown): OutboundSendError {
  const withCause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const code = (withCause as { code?: unknown } | null)?.code ?? (error as { code?: unknown } | null)?.code;
  return new OutboundSendError('network', `connection failed (${typeof code === 'string' ? code : 'network error'})`);
}

/**
 * Why an endpoint URL cannot be registered, or undefined. A host that does not resolve yet is
 * accepted (its DNS may be set up after the endpoint); it is checked again before every send.
 */
export async function endpointUrlRefusal(
  value: string,
  options: Pick<OutboundHttpOptions, 'allowPrivateUrls' | 'resolveHost'>,
): Promise<string | undefined> {
  try {
    await checkEndpointUrl(value, options);
    return undefined;
  } catch (error) {
    if (error instanceof OutboundSendError && error.kind === 'refused') return error.message;
    if (error instanceof OutboundSendError) return undefined;
    throw error;
  }
}
