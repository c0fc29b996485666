// The OpenAI embedder against a local fake that speaks the real /v1/embeddings wire format.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EmbedderError } from './embedder.js';
import { OpenAiEmbedder, type OpenAiEmbedderOptions } from './openAiEmbedder.js';

const API_KEY = 'sk-test-0123456789abcdefSECRET';

interface SeenRequest {
  method: string | undefined;
  url: string | undefined;
  authorization: string | undefined;
  body: { model?: unknown; input?: unknown; encoding_format?: unknown };
}

interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body: string;
}

type Handler = (request: SeenRequest, attempt: number) => Reply | Promise<Reply>;

/** A text `t<n>` embeds as [n + 1, 1, 2] (not unit length, like some local servers). */
function vectorFor(text: unknown): number[] {
  const n = typeof text === 'string' && /^t\d+$/.test(text) ? Number(text.slice(1)) : 0;
  return [n + 1, 1, 2];
}

function embeddingsBody(inputs: unknown[], order: 'forward' | 'reverse' = 'forward', vector = vectorFor): string {
  const data = inputs.map((input, index) => ({ object: 'embedding', index, embedding: vector(input) }));
  if (order === 'reverse') data.reverse();
  return JSON.stringify({
    object: 'list',
    data,
    model: 'fake-embed',
    usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
  });
}

const ok: Handler = (request) => ({ body: embeddingsBody(request.body.input as unknown[]) });
const json = (reply: Reply): Reply => ({ ...reply, headers: { 'content-type': 'application/json', ...reply.headers } });

let server: Server;
let baseUrl: string;
let seen: SeenRequest[] = [];
let handler: Handler = ok;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const raw = await readBody(req);
      const request: SeenRequest = {
        method: req.method,
        url: req.url,
        authorization: req.headers.authorization,
        body: JSON.parse(raw) as SeenRequest['body'],
      };
      seen.push(request);
      const reply = json(await handler(request, seen.length));
      res.writeHead(reply.status ?? 200, reply.headers).end(reply.body);
    })();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  seen = [];
  handler = ok;
});

const embedder = (options: OpenAiEmbedderOptions = {}): OpenAiEmbedder =>
  new OpenAiEmbedder({ baseUrl, apiKey: API_KEY, model: 'fake-embed' }, options);

async function rejection(promise: Promise<unknown>): Promise<EmbedderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmbedderError);
  const embedderError = error as EmbedderError;
  expect(embedderError.message).not.toContain(API_KEY);
  expect(embedderError.message).not.toContain('SECRET');
  return embedderError;
}

const texts = (n: number): string[] => Array.from({ length: n }, (_, i) => `t${i}`);
/** Recovers n from a normalised [n + 1, 1, 2]. */
const numberOf = (v: Float32Array): number => Math.round(v[0]! / v[1]!) - 1;

describe('OpenAiEmbedder', () => {
  it('posts the model, the inputs, float encoding and the key, and returns unit vectors', async () => {
    const e = embedder();
    expect(e.id).toBe('openai:fake-embed');
    expect(e.dimensions).toBeUndefined();
    const vectors = await e.embed(['t0', 't1', '']);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/v1/embeddings',
      authorization: `Bearer ${API_KEY}`,
      body: { model: 'fake-embed', input: ['t0', 't1', ' '], encoding_format: 'float' },
    });
    expect(vectors).toHaveLength(3);
    for (const v of vectors) expect(Math.hypot(...v)).toBeCloseTo(1, 6);
    expect(vectors.map(numberOf)).toEqual([0, 1, 0]);
    expect(e.dimensions).toBe(3);
  });

  it('sends a placeholder key when none is configured, as local servers need none', async () => {
    await new OpenAiEmbedder({ baseUrl, apiKey: undefined, model: 'fake-embed' }).embed(['t0']);
    expect(seen[0]?.authorization).toBe('Bearer not-needed');
  });

  it('splits a large input into batches and keeps the order', async () => {
    const vectors = await embedder().embed(texts(150));
    expect(seen.map((r) => (r.body.input as unknown[]).length)).toEqual([64, 64, 22]);
    expect(vectors.map(numberOf)).toEqual(texts(150).map((_, i) => i));
    expect(await embedder({ batchSize: 10 }).embed(texts(25))).toHaveLength(25);
    expect(seen.slice(3).map((r) => (r.body.input as unknown[]).length)).toEqual([10, 10, 5]);
  });

  it('re-orders vectors by index', async () => {
    handler = (request) => ({ body: embeddingsBody(request.body.input as unknown[], 'reverse') });
    const vectors = await embedder().embed(texts(5));
    expect(vectors.map(numberOf)).toEqual([0, 1, 2, 3, 4]);
  });

  it('retries a server error and then succeeds', async () => {
    handler = (request, attempt) =>
      attempt === 1
        ? { status: 500, headers: { 'retry-after-ms': '1' }, body: JSON.stringify({ error: { message: 'overloaded' } }) }
        : ok(request, attempt);
    const vectors = await embedder().embed(['t7']);
    expect(seen).toHaveLength(2);
    expect(vectors.map(numberOf)).toEqual([7]);
  });

  it('fails with UPSTREAM_FAILED after bounded retries, without leaking the key', async () => {
    // The error body echoes the key, as some proxies do.
    handler = (request) => ({
      status: 500,
      headers: { 'retry-after-ms': '1' },
      body: JSON.stringify({ error: { message: `upstream broke for ${request.authorization ?? ''}` } }),
    });
    const error = await rejection(embedder().embed(['t0']));
    expect(error.code).toBe('UPSTREAM_FAILED');
    expect(error.message).toContain('500');
    expect(error.message).toContain('[redacted]');
    expect(seen).toHaveLength(3); // one attempt and maxRetries 2
  });

  it('does not retry a rejected key', async () => {
    handler = (request) => ({
      status: 401,
      body: JSON.stringify({ error: { message: `Incorrect API key provided: ${request.authorization ?? ''}` } }),
    });
    const error = await rejection(embedder().embed(['t0']));
    expect(error.code).toBe('UPSTREAM_FAILED');
    expect(error.message).toContain('401');
    expect(seen).toHaveLength(1);
  });

  it('fails with UPSTREAM_FAILED when the server cannot be reached', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const e = new OpenAiEmbedder({ baseUrl: `http://127.0.0.1:${port}/v1`, apiKey: API_KEY, model: 'fake-embed' }, { maxRetries: 0 });
    expect((await rejection(e.embed(['t0']))).code).toBe('UPSTREAM_FAILED');
  });

  it('fails with UPSTREAM_FAILED when the server does not answer in time', async () => {
    handler = async (request, attempt) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      return ok(request, attempt);
    };
    const error = await rejection(embedder({ timeoutMs: 50, maxRetries: 0 }).embed(['t0']));
    expect(error.code).toBe('UPSTREAM_FAILED');
    expect(error.message).toMatch(/timed out/i);
  });

  it.each<[string, Handler]>([
    ['a body that is not JSON', () => ({ body: '{"object": "list", "data": [' })],
    ['a body of another shape', () => ({ body: JSON.stringify({ object: 'list', results: [] }) })],
    [
      'base64 instead of float arrays',
      (request) => ({
        body: JSON.stringify({
          object: 'list',
          data: (request.body.input as unknown[]).map((_, index) => ({ object: 'embedding', index, embedding: 'AACAPw==' })),
        }),
      }),
    ],
    ['too few vectors', (request) => ({ body: embeddingsBody((request.body.input as unknown[]).slice(1)) })],
    [
      'a repeated index',
      () => ({
        body: JSON.stringify({
          object: 'list',
          data: [
            { object: 'embedding', index: 0, embedding: [1, 0] },
            { object: 'embedding', index: 0, embedding: [0, 1] },
          ],
        }),
      }),
    ],
    [
      'vectors of different lengths',
      (request) => ({ body: embeddingsBody(request.body.input as unknown[], 'forward', (t) => (t === 't1' ? [1, 2] : [1, 2, 3])) }),
    ],
    ['a zero vector', (request) => ({ body: embeddingsBody(request.body.input as unknown[], 'forward', () => [0, 0, 0]) })],
  ])('fails with BAD_RESPONSE on %s', async (_, reply) => {
    handler = reply;
    const error = await rejection(embedder().embed(['t0', 't1']));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(seen).toHaveLength(1); // a 200 with a bad body is not retried
  });

  it('enforces the dimensions of the first response afterwards', async () => {
    const e = embedder();
    await e.embed(['t0']);
    handler = (request) => ({ body: embeddingsBody(request.body.input as unknown[], 'forward', () => [1, 2, 3, 4]) });
    const error = await rejection(e.embed(['t1']));
    expect(error.code).toBe('BAD_RESPONSE');
    expect(error.message).toMatch(/4 dimensions, expected 3/);
    expect(e.dimensions).toBe(3);
  });

  it('is final once closed: a pending call and later calls fail with CLOSED', async () => {
    handler = async (request, attempt) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return ok(request, attempt);
    };
    const e = embedder();
    const pending = rejection(e.embed(['t0']));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await e.close();
    expect((await pending).code).toBe('CLOSED');
    expect((await rejection(e.embed(['t1']))).code).toBe('CLOSED');
    expect(await embedder().embed([])).toEqual([]);
  });
});
