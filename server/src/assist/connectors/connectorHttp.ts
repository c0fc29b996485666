/**
 * The one way connectors talk HTTP: global fetch with a deadline and the caller's abort, a capped
 * body, bounded retries only where repeating a request cannot repeat an effect, and every failure
 * turned into a ConnectorError whose message never carries a credential.
 */
import type { z } from 'zod';
import { ConnectorError } from '../actions/actionDefinition.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

export interface ServiceCall {
  /** Named in messages ("Shopify", "Zendesk"). */
  service: string;
  method: HttpMethod;
  url: URL;
  headers?: Record<string, string>;
  /** Sent as is; a JSON body is serialised by the caller so a signature can cover the exact bytes. */
  body?: string;
  signal?: AbortSignal;
  timeoutMs: number;
  /**
   * True when sending the request twice cannot cause the effect twice (a GET, or a write the service
   * deduplicates by idempotency key). Only such calls are retried on 429, 502–504 and network errors.
   */
  retryable: boolean;
  /** Redacted from every message, since services echo request details back in errors. */
  secrets: readonly string[];
  /** Reads the service's error body into one line ("Not Found", "Couldn't authenticate you"). */
  describeError?: (body: unknown) => string | undefined;
  /** A 2xx body that is not JSON is returned as its text instead of failing (generic endpoints answer "ok"). */
  acceptText?: boolean;
}

export interface ServiceAnswer {
  status: number;
  headers: Headers;
  /** Parsed JSON, undefined for an empty body, or the text when `acceptText` allowed it. */
  body: unknown;
}

export interface RetryPolicy {
  /** Total attempts for a retryable call. */
  attempts: number;
  /** A Retry-After longer than this is not waited for: the call fails and the caller decides. */
  maxWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 2, maxWaitMs: 2_000 };
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/** Sends one request (retrying as the call allows) and returns a 2xx answer, or throws a ConnectorError. */
export async function callService(call: ServiceCall, retry: RetryPolicy = DEFAULT_RETRY): Promise<ServiceAnswer> {
  const attempts = call.retryable ? Math.max(1, retry.attempts) : 1;
  for (let attempt = 1; ; attempt++) {
    const last = attempt >= attempts;
    let raw: RawAnswer;
    try {
      raw = await sendOnce(call);
    } catch (error) {
      if (error instanceof ConnectorError && error.code === 'UPSTREAM_FAILED' && error.status === undefined && !last) {
        await pause(backoffMs(attempt), call.signal);
        continue;
      }
      throw error;
    }
    if (raw.status >= 200 && raw.status < 300) return { status: raw.status, headers: raw.headers, body: parseJson(call, raw) };
    if (!last && RETRYABLE_STATUSES.has(raw.status)) {
      const asked = retryAfterMs(raw.headers);
      if (asked === undefined || asked <= retry.maxWaitMs) {
        await pause(asked ?? backoffMs(attempt), call.signal);
        continue;
      }
    }
    throw errorFor(call, raw);
  }
}

/** Validates a 2xx body; a service answering in another shape is a failure of that service, not of ours. */
export function parseAnswer<T>(service: string, what: string, schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined ? '' : ` (${issue.path.join('.') || 'body'}: ${issue.message})`;
    throw new ConnectorError('UPSTREAM_FAILED', `${service} answered ${what} in an unexpected shape${where}`);
  }
  return parsed.data;
}

/** Replaces every secret in a message, and keeps it to one readable line. */
export function redact(message: string, secrets: readonly string[]): string {
  let out = message;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  out = out.replace(/\s+/g, ' ').trim();
  return out.length > 300 ? `${out.slice(0, 300)}…` : out;
}

interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
}

async function sendOnce(call: ServiceCall): Promise<RawAnswer> {
  // One controller carries the deadline and the caller's abort, and covers reading the body too.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, call.timeoutMs);
  const caller = call.signal;
  const forwardAbort = (): void => controller.abort(caller?.reason);
  if (caller?.aborted) forwardAbort();
  caller?.addEventListener('abort', forwardAbort, { once: true });
  try {
    const response = await fetch(call.url, {
      method: call.method,
      headers: { accept: 'application/json', ...(call.body === undefined ? {} : { 'content-type': 'application/json' }), ...call.headers },
      body: call.body,
      signal: controller.signal,
      // A redirect would carry credentials or a signed body to a host nobody configured.
      redirect: 'manual',
    });
    const text = await readCapped(response, call.service);
    return { status: response.status, headers: response.headers, text };
  } catch (error) {
    if (caller?.aborted)
      throw caller.reason instanceof Error ? caller.reason : new ConnectorError('UPSTREAM_FAILED', `${call.service} request was cancelled`);
    if (timedOut) throw new ConnectorError('TIMEOUT', `${call.service} did not answer within ${call.timeoutMs} ms`);
    if (error instanceof ConnectorError) throw error;
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
    const message = error instanceof Error ? error.message : String(error);
    throw new ConnectorError('UPSTREAM_FAILED', `${call.service} could not be reached (${redact(message + cause, call.secrets)})`);
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener('abort', forwardAbort);
  }
}

async function readCapped(response: Response, service: string): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new ConnectorError('UPSTREAM_FAILED', `${service} answered with more than ${MAX_BODY_BYTES} bytes`, response.status);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(call: ServiceCall, raw: RawAnswer): unknown {
  if (raw.text.trim() === '') return undefined;
  try {
    return JSON.parse(raw.text) as unknown;
  } catch {
    if (call.acceptText === true) return raw.text.length > 2_000 ? `${raw.text.slice(0, 2_000)}…` : raw.text;
    throw new ConnectorError('UPSTREAM_FAILED', `${call.service} answered HTTP ${raw.status} with a body that is not JSON`, raw.status);
  }
}

function errorFor(call: ServiceCall, raw: RawAnswer): ConnectorError {
  let body: unknown;
  try {
    body = raw.text.trim() === '' ? undefined : (JSON.parse(raw.text) as unknown);
  } catch {
    body = undefined;
  }
  const described = body === undefined ? undefined : call.describeError?.(body);
  const detail = described === undefined || described === '' ? '' : `: ${redact(described, call.secrets)}`;
  const { status } = raw;
  const where = `${call.method} ${call.url.pathname}`;
  if (status === 401 || status === 403) {
    return new ConnectorError('REJECTED', `${call.service} refused the connector's credentials (HTTP ${status})${detail}`, status);
  }
  if (status === 404) return new ConnectorError('NOT_FOUND', `${call.service} found nothing at ${where} (HTTP 404)${detail}`, status);
  if (status === 429) {
    const after = retryAfterMs(raw.headers);
    const hint = after === undefined ? '' : `; retry after ${Math.ceil(after / 1000)} s`;
    return new ConnectorError('UPSTREAM_FAILED', `${call.service} rate limit reached (HTTP 429)${detail}${hint}`, status);
  }
  if (status >= 300 && status < 400) {
    return new ConnectorError(
      'UPSTREAM_FAILED',
      `${call.service} answered ${where} with a redirect (HTTP ${status}), which is not followed`,
      status,
    );
  }
  if (status >= 400 && status < 500)
    return new ConnectorError('REJECTED', `${call.service} rejected ${where} (HTTP ${status})${detail}`, status);
  return new ConnectorError('UPSTREAM_FAILED', `${call.service} failed on ${where} (HTTP ${status})${detail}`, status);
}

/** Retry-After as seconds (Shopify sends "2.0") or an HTTP date. */
function retryAfterMs(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function backoffMs(attempt: number): number {
  return Math.min(1_000, 100 * 2 ** (attempt - 1));
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason instanceof Error ? signal.reason : new ConnectorError('UPSTREAM_FAILED', 'request was cancelled'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}
