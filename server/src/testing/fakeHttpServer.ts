/**
 * The plumbing under the fake Shopify, Zendesk and Calendly servers: a node:http server on an
 * ephemeral port that records every request, can be told to fail or stall the next ones (429 with
 * Retry-After, 5xx, a slow answer), and hands the rest to the fake's router.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  rawBody: string;
  /** Parsed JSON body, or undefined when the body is empty or not JSON. */
  body: unknown;
}

export interface FakeReply {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON unless it is already a string. */
  body?: unknown;
}

export type FakeRouter = (request: RecordedRequest) => FakeReply | Promise<FakeReply>;

export interface FakeHttpServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  requests: RecordedRequest[];
  /** The next matching request gets this reply instead of the router's (e.g. a 429 or 503). */
  failNext(reply: FakeReply, options?: { times?: number; when?: (request: RecordedRequest) => boolean }): void;
  /** The next request is answered only after this long (to exercise client timeouts). */
  stallNext(ms: number): void;
  close(): Promise<void>;
}

interface Injected {
  reply: FakeReply;
  remaining: number;
  when: (request: RecordedRequest) => boolean;
}

export async function startFakeHttpServer(router: FakeRouter): Promise<FakeHttpServer> {
  const requests: RecordedRequest[] = [];
  const injected: Injected[] = [];
  let stallMs = 0;

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'http://fake.local');
      const request: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        rawBody,
        body: parseJson(rawBody),
      };
      requests.push(request);
      if (stallMs > 0) {
        const wait = stallMs;
        stallMs = 0;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
      const failure = injected.find((entry) => entry.remaining > 0 && entry.when(request));
      let reply: FakeReply;
      if (failure !== undefined) {
        failure.remaining -= 1;
        reply = failure.reply;
      } else {
        try {
          reply = await router(request);
        } catch (error) {
          reply = { status: 500, body: { error: error instanceof Error ? error.message : String(error) } };
        }
      }
      if (res.destroyed) return;
      const body = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers }).end(body);
    })();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext(reply, options = {}) {
      injected.push({ reply, remaining: options.times ?? 1, when: options.when ?? (() => true) });
    },
    stallNext(ms) {
      stallMs = ms;
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function parseJson(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/** Reads one field of an unknown JSON value without trusting its shape. */
export function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
