/**
 * Outbound webhooks: tells a tenant's own systems that a handoff was created, an action executed
 * or an alert fired. `emit` stores one delivery per subscribed endpoint before it returns, so an
 * emitted event survives a crash; a timer sends what is due. Each POST is signed like the
 * webhooks Tandem receives (`Tandem-Signature: t=…,v1=…`) and carries the delivery id as its
 * Idempotency-Key, because delivery is at least once: a sender that dies after the endpoint
 * answered sends again once its lease on the delivery runs out.
 *
 * 2xx succeeds. 408, 429, 5xx and network failures are retried with exponential backoff and
 * jitter (never sooner than a Retry-After asks), up to `maxAttempts`; any other answer fails the
 * delivery at once, since sending the same request again would be refused the same way.
 */
import { newId } from '../../storage/ids.js';
import type { Logger } from '../../logging/logger.js';
import { SIGNATURE_HEADER, signatureHeader } from '../../security/hmacSignature.js';
import type { DeliveryOutcome, DueDelivery, OutboundRepo } from '../../storage/outboundRepo.js';
import { type OutboundEventType, outboundEventTypeSchema } from '@tandem/shared';
import { type OutboundAnswer, type OutboundHttpOptions, type OutboundPoster, OutboundSendError, outboundPoster } from './outboundHttp.js';

export interface OutboundWebhooksOptions {
  store: { outbound: OutboundRepo };
  log: Logger;
  /** Pass `config.knowledge.allowPrivateUrls`: the same switch decides which hosts the server may reach. */
  allowPrivateUrls: boolean;
  now?: () => Date;
  fetchImpl?: typeof fetch;
  /** Host resolution for the private-address check (tests). */
  resolveHost?: OutboundHttpOptions['resolveHost'];
  /** Attempts before a retryable failure becomes final. */
  maxAttempts?: number;
  /** The first retry's delay; each later one doubles, up to `maxDelayMs`. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How often the timer looks for due deliveries. */
  pollMs?: number;
  /** Jitter source in [0, 1). */
  random?: () => number;
  /** Runs `tick` every `ms` until the returned function is called (tests drive it by hand). */
  schedule?: (ms: number, tick: () => void) => () => void;
}

export interface OutboundWebhooks {
  /** Stores one delivery per endpoint of the tenant subscribed to `type`; durable when it resolves. */
  emit(tenantId: string, type: OutboundEventType, payload: Record<string, unknown>): Promise<void>;
  /** Starts sending due deliveries, those left pending by a previous run first among them. */
  start(): void;
  /** Stops the timer and waits for a round in progress. */
  stop(): Promise<void>;
  /** Sends every delivery due now; returns how many were handled. */
  deliverDue(): Promise<number>;
}

export const REQUEST_TIMEOUT_MS = 10_000;
/** How long a claimed delivery is left to its sender: well past the request timeout. */
export const LEASE_MS = 60_000;
export const MAX_DELAY_MS = 60 * 60 * 1000;
/** A Retry-After further out than this is treated as this: an endpoint should not park a delivery for days. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;
/** An event's data is a summary (ids, status, a title), not a transcript. */
export const MAX_PAYLOAD_BYTES = 64 * 1024;
/** Endpoints per workspace: each event is sent to every subscribed one. */
export const MAX_OUTBOUND_ENDPOINTS = 20;
const BATCH = 20;
/** Rounds per deliverDue, so a flood cannot keep one call busy forever; the next tick goes on. */
const MAX_ROUNDS = 50;
const USER_AGENT = 'Tandem-Webhooks/0.1';

type AttemptResult =
  | { kind: 'succeeded'; statusCode: number }
  | { kind: 'retry'; statusCode: number | null; error: string; retryAfterMs: number | undefined }
  | { kind: 'failed'; statusCode: number | null; error: string };

/** Exponential backoff with equal jitter: half the step is fixed, half random, so endpoints recovering together are not hit together. */
export function retryDelayMs(attempt: number, baseDelayMs: number, maxDelayMs: number, random: () => number): number {
  const step = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(step / 2 + (random() * step) / 2);
}

/** Retry-After as seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: Date): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now.getTime();
  if (Number.isNaN(ms)) return undefined;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, Math.round(ms)));
}

function classify(answer: OutboundAnswer, now: Date): AttemptResult {
  const { status } = answer;
  if (status >= 200 && status < 300) return { kind: 'succeeded', statusCode: status };
  if (status === 408 || status === 429 || status >= 500)
    return { kind: 'retry', statusCode: status, error: `HTTP ${status}`, retryAfterMs: retryAfterMs(answer.retryAfter, now) };
  const why = status >= 300 && status < 400 ? ' (redirects are not followed)' : '';
  return { kind: 'failed', statusCode: status, error: `HTTP ${status}${why}` };
}

const defaultSchedule = (ms: number, tick: () => void) => {
  const timer = setInterval(tick, ms);
  // Pending deliveries are in the store; they must not keep a stopping process alive.
  timer.unref();
  return () => clearInterval(timer);
};

export function createOutboundWebhooks(options: OutboundWebhooksOptions): OutboundWebhooks {
  const { store, log } = options;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 8);
  const baseDelayMs = options.baseDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? MAX_DELAY_MS;
  const schedule = options.schedule ?? defaultSchedule;
  const httpOptions: OutboundHttpOptions = { allowPrivateUrls: options.allowPrivateUrls };
  if (options.fetchImpl !== undefined) httpOptions.fetchImpl = options.fetchImpl;
  if (options.resolveHost !== undefined) httpOptions.resolveHost = options.resolveHost;
  const post: OutboundPoster = outboundPoster(httpOptions);

  let cancelTimer: (() => void) | undefined;
  let round: Promise<void> | undefined;
  let again = false;

  async function send(delivery: DueDelivery): Promise<AttemptResult> {
    const body = JSON.stringify({
      id: delivery.eventId,
      type: delivery.eventType,
      createdAt: delivery.createdAt,
      tenantId: delivery.tenantId,
      data: delivery.payload,
    });
    const headers = {
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      [SIGNATURE_HEADER]: signatureHeader(delivery.endpoint.secret, Math.floor(now().getTime() / 1000), body),
      'Tandem-Event-Id': delivery.eventId,
      'Idempotency-Key': delivery.id,
    };
    try {
      return classify(await post({ url: delivery.endpoint.url, headers, body, timeoutMs: REQUEST_TIMEOUT_MS }), now());
    } catch (error) {
      if (!(error instanceof OutboundSendError)) throw error;
      if (error.kind === 'refused') return { kind: 'failed', statusCode: null, error: `refused: ${error.message}` };
      return { kind: 'retry', statusCode: null, error: error.message, retryAfterMs: undefined };
    }
  }

  function outcomeOf(delivery: DueDelivery, result: AttemptResult): DeliveryOutcome {
    const attempts = delivery.attempts + 1;
    const at = now();
    if (result.kind === 'succeeded')
      return { status: 'succeeded', attempts, lastStatusCode: result.statusCode, lastError: null, deliveredAt: at };
    if (result.kind === 'retry' && attempts < maxAttempts) {
      const delay = Math.max(retryDelayMs(attempts, baseDelayMs, maxDelayMs, random), result.retryAfterMs ?? 0);
      return {
        status: 'pending',
        attempts,
        lastStatusCode: result.statusCode,
        lastError: result.error,
        nextAttemptAt: new Date(at.getTime() + delay),
      };
    }
    const error = result.kind === 'retry' ? `${result.error}; gave up after ${attempts} attempts` : result.error;
    return { status: 'failed', attempts, lastStatusCode: result.statusCode, lastError: error };
  }

  async function handle(delivery: DueDelivery): Promise<void> {
    const outcome: DeliveryOutcome = delivery.endpoint.disabled
      ? {
          status: 'failed',
          attempts: delivery.attempts,
          lastStatusCode: delivery.lastStatusCode,
          lastError: 'endpoint disabled',
        }
      : outcomeOf(delivery, await send(delivery));
    await store.outbound.record(delivery.id, outcome);
    // Ids and outcome only: the payload may name customers, the URL may carry a token.
    log.info(
      {
        tenantId: delivery.tenantId,
        deliveryId: delivery.id,
        endpointId: delivery.endpointId,
        type: delivery.eventType,
        status: outcome.status,
        attempts: outcome.attempts,
        statusCode: outcome.lastStatusCode,
      },
      'outbound webhook attempt',
    );
  }

  async function deliverDue(): Promise<number> {
    let handled = 0;
    for (let rounds = 0; rounds < MAX_ROUNDS; rounds++) {
      const at = now();
      const due = await store.outbound.claimDue(at, new Date(at.getTime() + LEASE_MS), BATCH);
      await Promise.all(
        due.map((delivery) =>
          // One delivery's store error must not stop the others; its lease brings it back.
          handle(delivery).catch((error: unknown) =>
            log.error({ err: error, deliveryId: delivery.id }, 'outbound delivery failed to record'),
          ),
        ),
      );
      handled += due.length;
      if (due.length < BATCH) break;
    }
    return handled;
  }

  /** Runs delivery rounds one at a time; a kick during a round asks for one more after it. */
  function kick(): void {
    if (round !== undefined) {
      again = true;
      return;
    }
    round = (async () => {
      do {
        again = false;
        try {
          await deliverDue();
        } catch (error) {
          log.error({ err: error }, 'outbound delivery round failed');
        }
      } while (again && cancelTimer !== undefined);
    })().finally(() => {
      round = undefined;
    });
  }

  return {
    async emit(tenantId, type, payload) {
      const eventType = outboundEventTypeSchema.parse(type);
      const size = Buffer.byteLength(JSON.stringify(payload));
      if (size > MAX_PAYLOAD_BYTES) throw new Error(`An outbound event's data is limited to ${MAX_PAYLOAD_BYTES} bytes (got ${size})`);
      const stored = await store.outbound.enqueue({ tenantId, eventId: newId('evt'), eventType, payload, at: now() });
      if (stored.length > 0 && cancelTimer !== undefined) kick();
    },
    start() {
      if (cancelTimer !== undefined) return;
      cancelTimer = schedule(options.pollMs ?? 1_000, kick);
      kick();
    },
    async stop() {
      cancelTimer?.();
      cancelTimer = undefined;
      await round;
    },
    deliverDue,
  };
}
