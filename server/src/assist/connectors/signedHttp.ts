/**
 * A generic action target: POSTs JSON to one configured URL, signed so the receiver can prove it
 * came from this Tandem and was not altered. The signature follows Stripe's convention —
 * `Tandem-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` — and Tandem's key
 * travels as `Idempotency-Key`, which receivers are expected to deduplicate on; that contract is
 * what lets a failed delivery be retried.
 */
import { ConnectorError } from '../actions/actionDefinition.js';
import { signatureHeader, SIGNATURE_HEADER } from '../../security/hmacSignature.js';
import { callService, type RetryPolicy } from './connectorHttp.js';

// Signing lives in one neutral module, shared with the webhook receiver; re-exported for existing callers.
export {
  DEFAULT_TOLERANCE_SECONDS,
  SIGNATURE_HEADER,
  signatureFor,
  signatureHeader,
  verifySignature,
  type SignatureCheck,
} from '../../security/hmacSignature.js';

export interface SignedHttpConfig {
  url: string;
  /** Shared with the receiver; at least 16 characters. */
  secret: string;
  timeoutMs?: number;
  retry?: RetryPolicy;
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
