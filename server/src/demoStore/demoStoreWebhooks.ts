/**
 * The demo shop as a webhook sender: every change the demo store announces is POSTed, signed, to
 * Tandem's own live-event webhook, exactly as a tenant's shop would send it (`Tandem-Signature`
 * over the raw body, `{ events: [...] }`). So `npm start` shows live context moving through the
 * same receiver, event log and projection a real integration uses, not through a shortcut.
 */
import { randomUUID } from 'node:crypto';
import type { LiveEvent } from '@tandem/shared';
import type { Logger } from '../logging/logger.js';
import { SIGNATURE_HEADER, signatureHeader } from '../security/hmacSignature.js';
import type { DemoStore } from './demoStoreState.js';

export const DEMO_STORE_SOURCE_NAME = 'Demo store';

export interface DemoStoreWebhookOptions {
  demoStore: Pick<DemoStore, 'onChange'>;
  /** The full webhook URL: `http://host:port/webhooks/<tenant>/<source>`. */
  url: string;
  secret: string;
  log: Logger;
  fetchImpl?: typeof fetch;
  /** Events per request; the receiver takes up to 500. Default 100. */
  maxBatchEvents?: number;
  /** Events held while the receiver is unreachable; older ones are dropped beyond it. Default 10,000. */
  maxQueuedEvents?: number;
  /** Attempts per request before its events are dropped. Default 6. */
  maxAttempts?: number;
  /** How long `stop()` keeps trying to deliver what is queued. Default 5 s. */
  stopTimeoutMs?: number;
  /** Waits between attempts (tests replace it to observe Retry-After without waiting). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export interface DemoStoreWebhooks {
  /** Stops listening and delivers what is queued (within `stopTimeoutMs`). */
  stop(): Promise<void>;
}

/** A longer Retry-After than this is capped: the demo should catch up soon after the receiver does. */
const MAX_RETRY_AFTER_MS = 30_000;
const FIRST_BACKOFF_MS = 250;

export function startDemoStoreWebhooks(options: DemoStoreWebhookOptions): DemoStoreWebhooks {
  const { url, secret, log } = options;
  const fetchImpl = options.fetchImpl ?? fetch;
  const maxBatch = options.maxBatchEvents ?? 100;
  const maxQueued = options.maxQueuedEvents ?? 10_000;
  const maxAttempts = options.maxAttempts ?? 6;
  const sleep = options.sleep ?? abortableSleep;
  const aborter = new AbortController();
  const queue: LiveEvent[] = [];
  let scheduled = false;
  /** One request at a time, so the receiver sees the shop's changes in the order they happened. */
  let sending: Promise<void> = Promise.resolve();
  let dropped = 0;
  // The demo store starts from its seed on every start, numbering events and versions from 1 again,
  // while the event log persists. Ids are made unique per start (the log would take a reused id as
  // a redelivery and drop it), and versions are left out (a restarted count would look older than
  // what the projection already holds); events are sent in the order they happen, so their time orders them.
  const run = randomUUID().slice(0, 8);

  const unsubscribe = options.demoStore.onChange((event) => {
    queue.push({ id: `${run}-${event.id}`, type: event.type, occurredAt: event.occurredAt, customer: event.customer, data: event.data });
    if (queue.length > maxQueued) {
      queue.shift();
      dropped += 1;
      // Once per thousand, not per event: a receiver down for an hour must not flood the log too.
      if (dropped % 1_000 === 1) log.warn({ dropped }, 'demo store webhooks: queue full, oldest events dropped');
    }
    // One API call emits several events synchronously (the order, each restocked item): they go as one batch.
    if (!scheduled) {
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        kick();
      });
    }
  });

  function kick(): void {
    sending = sending.then(drain).catch((error: unknown) => log.error({ err: error }, 'demo store webhooks failed'));
  }

  async function drain(): Promise<void> {
    while (queue.length > 0 && !aborter.signal.aborted) await deliver(queue.splice(0, maxBatch));
  }

  async function deliver(events: LiveEvent[]): Promise<void> {
    const body = JSON.stringify({ events });
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      let waitMs: number;
      try {
        // Signed per attempt: a retry minutes later must not carry a timestamp outside the receiver's tolerance.
        const response = await fetchImpl(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [SIGNATURE_HEADER.toLowerCase()]: signatureHeader(secret, Math.floor(Date.now() / 1000), body),
          },
          body,
          signal: aborter.signal,
        });
        await response.arrayBuffer().catch(() => undefined);
        if (response.ok) return;
        if (!retryable(response.status)) {
          // 401/404/422 will not get better by sending the same request again.
          log.warn({ status: response.status, events: events.length }, 'demo store webhook refused; events dropped');
          return;
        }
        waitMs = retryAfterMs(response.headers.get('retry-after')) ?? backoff(attempt);
      } catch (error) {
        if (aborter.signal.aborted) break;
        // Not listening yet, restarting: the same as a 503 without a Retry-After.
        log.debug({ err: error, attempt }, 'demo store webhook failed to connect');
        waitMs = backoff(attempt);
      }
      if (attempt === maxAttempts) break;
      await sleep(Math.min(waitMs, MAX_RETRY_AFTER_MS), aborter.signal).catch(() => undefined);
      if (aborter.signal.aborted) break;
    }
    log.warn({ events: events.length }, 'demo store webhook not delivered; events dropped');
  }

  let stopping: Promise<void> | undefined;
  return {
    stop(): Promise<void> {
      stopping ??= (async () => {
        unsubscribe();
        const deadline = setTimeout(() => aborter.abort(), options.stopTimeoutMs ?? 5_000);
        try {
          // Events emitted just before stop are still waiting for their tick: send them now.
          kick();
          await sending;
        } finally {
          clearTimeout(deadline);
        }
      })();
      return stopping;
    },
  };
}

function retryable(status: number): boolean {
  return status === 429 || status === 503 || status === 502 || status === 504 || status === 500;
}

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
function retryAfterMs(header: string | null): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function backoff(attempt: number): number {
  return FIRST_BACKOFF_MS * 2 ** (attempt - 1);
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('aborted'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
