/**
 * A webhook sender for tests and benchmarks: signs bodies the way a tenant's system must
 * (`Tandem-Signature` over the raw body) and posts them over keep-alive HTTP with plain node:http,
 * light enough that the sender does not dominate a throughput measurement on the same machine.
 * A refusal is read as Tandem's one error shape, so callers report its code, not just a status.
 */
import http from 'node:http';
import { tandemErrorSchema, type LiveEvent, type TandemError } from '@tandem/shared';
import { SIGNATURE_HEADER, signatureHeader } from '../security/hmacSignature.js';

export interface WebhookAnswer {
  status: number;
  body: unknown;
  /** Any answer but a 2xx, when its body is a TandemError. */
  error: TandemError | undefined;
  retryAfter: string | undefined;
}

/** One line for a failed post: the error's code and message when the server sent one. */
export function describeAnswer(answer: WebhookAnswer | Error): string {
  if (answer instanceof Error) return answer.message;
  return answer.error === undefined ? `HTTP ${answer.status}` : `HTTP ${answer.status} ${answer.error.code}: ${answer.error.message}`;
}

export interface SignedRequest {
  path: string;
  body: string;
  headers: Record<string, string>;
}

/** A body signed now (or at `timestamp`), ready to post to `/webhooks/<tenant>/<source>`. */
export function signedRequest(tenantId: string, sourceId: string, secret: string, payload: unknown, timestamp?: number): SignedRequest {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const t = timestamp ?? Math.floor(Date.now() / 1000);
  return {
    path: `/webhooks/${tenantId}/${sourceId}`,
    body,
    headers: { 'content-type': 'application/json', [SIGNATURE_HEADER.toLowerCase()]: signatureHeader(secret, t, body) },
  };
}

/** A valid event, distinct per `n`. */
export function sampleLiveEvent(id: string, n = 0): LiveEvent {
  return {
    id,
    type: 'order.updated',
    occurredAt: new Date(Date.UTC(2025, 0, 1) + n * 1000).toISOString(),
    sourceVersion: n,
    customer: { email: `customer${n % 500}@example.com` },
    data: { orderId: `#${1000 + (n % 500)}`, status: n % 2 === 0 ? 'paid' : 'shipped', total: 42.5 },
  };
}

export class WebhookClient {
  readonly #base: URL;
  readonly #agent: http.Agent;

  constructor(baseUrl: string, maxSockets = 64) {
    this.#base = new URL(baseUrl);
    this.#agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  post(request: SignedRequest): Promise<WebhookAnswer> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent: this.#agent,
          host: this.#base.hostname,
          port: this.#base.port,
          method: 'POST',
          path: request.path,
          headers: { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', reject);
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let body: unknown = text;
            try {
              body = JSON.parse(text);
            } catch {
              // Not JSON: keep the text.
            }
            const status = res.statusCode ?? 0;
            const error = status >= 200 && status < 300 ? undefined : tandemErrorSchema.safeParse(body).data;
            const retryAfter = res.headers['retry-after'];
            resolve({ status, body, error, retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined });
          });
        },
      );
      req.on('error', reject);
      req.end(request.body);
    });
  }

  close(): void {
    this.#agent.destroy();
  }
}

/** Posts every request with at most `concurrency` in flight; `onAnswer` sees each result (or error) and how long it took. */
export async function postAll(
  client: WebhookClient,
  requests: readonly SignedRequest[],
  concurrency: number,
  onAnswer: (index: number, answer: WebhookAnswer | Error, elapsedMs: number) => unknown,
): Promise<void> {
  let next = 0;
  let stopped = false;
  const worker = async () => {
    while (!stopped && next < requests.length) {
      const index = next++;
      const sent = performance.now();
      const answer = await client
        .post(requests[index] as SignedRequest)
        .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
      // Returning false stops the burst (the server is gone, say); anything else carries on.
      if (onAnswer(index, answer, performance.now() - sent) === false) stopped = true;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, worker));
}
