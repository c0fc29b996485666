/**
 * A generic action target: POSTs JSON to one configured URL, signed so the receiver can prove it
 * came from this Tandem and was not altered. The signature follows Stripe's convention —
 * `Tandem-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` — and Tandem's key
 * travels as `Idempotency-Key`, which receivers are expected to deduplicate on; that contract is
 * what lets a failed delivery be retried.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ConnectorError } from '../actions/actionDefinition.js';
import { callService, type RetryPolicy } from './connectorHttp.js';

export interface SignedHttpConfig {
  url: string;
  /** Shared with the receiver; at least 16 characters. */
  secret: string;
  timeoutMs?: number;
  retry?: RetryPolicy;
}

export const SIGNATURE_HEADER = 'Tandem-Signature';
/** A receiver should refuse signatures older than this, so a captured request cannot be replayed later. */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export function signatureFor(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** The header value for `body` signed at `timestamp` (unix seconds). */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${signatureFor(secret, timestamp, body)}`;
}

export type SignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: 'malformed' | 'stale' | 'mismatch' };

/**
 * What a receiver runs on the raw request body (before parsing it). Several `v1` entries are
 * accepted so a sender can sign with an old and a new secret while they rotate.
 */
export function verifySignature(
  secret: string,
  header: string | undefined,
  rawBody: string,
  options: { toleranceSeconds?: number; nowSeconds?: number } = {},
): SignatureCheck {
  if (header === undefined) return { ok: false, reason: 'malformed' };
  let timestamp: number | undefined;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value !== undefined && /^\d+$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && value !== undefined && /^[0-9a-f]{64}$/.test(value)) candidates.push(value);
  }
  if (timestamp === undefined || candidates.length === 0) return { ok: false, reason: 'malformed' };
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signatureFor(secret, timestamp, rawBody), 'hex');
  const matches = candidates.some((candidate) => timingSafeEqual(Buffer.from(candidate, 'hex'), expected));
  return matches ? { ok: true, timestamp } : { ok: false, reason: 'mismatch' };
}

export interface SignedPostResult {
  status: number;
  /** The receiver's answer: parsed JSON, its text, or undefined when empty. */
  body: unknown;
}

export class SignedHttpClient {
  readonly #config: SignedHttpConfig;
  readonly #url: URL;

  constructor(config: SignedHttpConfig) {
    if (!URL.canParse(config.url)) throw new ConnectorError('NOT_CONFIGURED', 'The signed HTTP action needs a valid URL');
    const url = new URL(config.url);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new ConnectorError('NOT_CONFIGURED', `The signed HTTP action posts only to http(s) URLs, not ${url.protocol}`);
    }
    // Credentials in the URL would land in logs and error messages.
    if (url.username !== '' || url.password !== '')
      throw new ConnectorError('NOT_CONFIGURED', 'The signed HTTP URL must not embed credentials');
    if (config.secret.length < 16) throw new ConnectorError('NOT_CONFIGURED', 'The signing secret must be at least 16 characters');
    this.#config = config;
    this.#url = url;
  }

  /** Host only, for summaries: the path may carry a receiver's own token. */
  get host(): string {
    return this.#url.host;
  }

  async post(
    payload: Record<string, unknown>,
    run: { idempotencyKey: string; signal?: AbortSignal; nowSeconds?: number },
  ): Promise<SignedPostResult> {
    const body = JSON.stringify(payload);
    const timestamp = run.nowSeconds ?? Math.floor(Date.now() / 1000);
    const answer = await callService(
      {
        service: `HTTP endpoint ${this.#url.host}`,
        method: 'POST',
        url: this.#url,
        headers: {
          'idempotency-key': run.idempotencyKey,
          [SIGNATURE_HEADER.toLowerCase()]: signatureHeader(this.#config.secret, timestamp, body),
          'user-agent': 'Tandem-Actions/0.1',
        },
        body,
        signal: run.signal,
        timeoutMs: this.#config.timeoutMs ?? 10_000,
        retryable: true,
        secrets: [this.#config.secret],
        describeError: describeGenericError,
        acceptText: true,
      },
      this.#config.retry,
    );
    return { status: answer.status, body: answer.body };
  }
}

/** Receivers answer errors in many shapes; take the common `error` / `message` fields. */
function describeGenericError(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { error, message } = body as Record<string, unknown>;
  if (typeof message === 'string') return message;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') return error.message;
  return undefined;
}
