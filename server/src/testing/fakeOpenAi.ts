/**
 * A fake OpenAI-compatible chat server for tests and benchmarks: real HTTP on 127.0.0.1, the real
 * wire format of POST /v1/chat/completions (streamed SSE chunks with content and tool-call deltas,
 * the usage chunk, `data: [DONE]`, or one JSON completion), scripted per test, including the ways
 * providers fail: error statuses, slow tokens, hangs, streams that stop halfway. It also answers
 * POST /v1/embeddings (deterministic hashed-word vectors), so one fake can stand in for both the
 * LLM and a remote embedder. It records every request so a test can assert on what left the process.
 */
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface FakeToolCall {
  name: string;
  /** A value to serialise, or the exact text the model sends (which may be invalid JSON on purpose). */
  arguments: Record<string, unknown> | string;
  /** Default `call_<n>`. */
  id?: string;
  /** Pieces the arguments text is streamed in. Default 3. */
  pieces?: number;
}

/**
 * A completion. Streamed, it is written as these `data:` events, in order: a role chunk
 * (`delta: { role: 'assistant', content: '' }`), one chunk per token, for each tool call a chunk
 * with its id and name followed by its argument pieces, a finish chunk, a usage chunk (only when
 * the request set `stream_options.include_usage`), then `[DONE]`.
 */
export interface FakeCompletion {
  tokens?: readonly string[];
  toolCalls?: readonly FakeToolCall[];
  /** Default 'tool_calls' when there are tool calls, else 'stop'; null leaves out the finish chunk. */
  finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter' | null;
  /** Default: about a token per 4 characters of the request, and one per streamed token or 4 argument characters. */
  usage?: { promptTokens: number; completionTokens: number };
  /** Default: the model the request asked for. */
  model?: string;
  /** Wait before sending the response headers. */
  delayMs?: number;
  /** Wait before every streamed event after the role chunk. */
  tokenDelayMs?: number;
  /**
   * Stop after `afterEvents` events (counting the role chunk and `[DONE]`): 'hang' keeps the
   * connection open and silent, 'destroy' kills the socket, 'end' ends the response cleanly but
   * early. A non-streaming reply applies `how` to the whole body ('end' sends half of it).
   */
  interrupt?: { afterEvents: number; how: 'hang' | 'destroy' | 'end' };
}

/** An error status with an OpenAI-style error body, e.g. `{ status: 500 }` or `{ status: 429, headers: { 'retry-after-ms': '10' } }`. */
export interface FakeError {
  status: number;
  message?: string;
  headers?: Record<string, string>;
  /** Sent as is instead of the OpenAI error JSON. */
  body?: string;
}

/** Accepts the request and never answers. */
export interface FakeHang {
  hang: true;
}

/** A 200 with an arbitrary body, for answers that are not what was asked for. */
export interface FakeRaw {
  raw: string;
  /** Default 'application/json'. */
  contentType?: string;
}

export type FakeReply = FakeCompletion | FakeError | FakeHang | FakeRaw;

/** A reply, or a function of the request that decides it. */
export type FakeStep = FakeReply | ((request: CapturedRequest) => FakeReply | Promise<FakeReply>);

/**
 * How an exchange ended: the whole response was sent; the client went away first (it aborted or
 * timed out); or the fake cut it (an interrupt that destroys, or `close()` during a hang).
 */
export type RequestEnd = 'finished' | 'client-closed' | 'cut';

export interface CapturedRequest {
  method: string;
  /** Path and query, e.g. `/v1/chat/completions`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The JSON body; `{}` when the body is not a JSON object (see `rawBody`). */
  body: Record<string, unknown>;
  rawBody: string;
  /** Settles when the exchange is over. */
  ended: Promise<RequestEnd>;
}

export interface FakeOpenAi {
  /** Ends in `/v1`, as the openai SDK's `baseURL` expects. */
  baseUrl: string;
  /** Every request received, in arrival order, chat completions or not. */
  readonly requests: CapturedRequest[];
  /**
   * Replaces the script: chat completion requests take the steps in order, and the last step
   * repeats. `script({ status: 500 }, { tokens: ['Hi'] })` fails once, then succeeds forever.
   */
  script(...steps: [FakeStep, ...FakeStep[]]): void;
  /** Forgets the requests and restores the default script (a short streamed greeting). */
  reset(): void;
  /** Cuts open connections, hanging ones included. */
  close(): Promise<void>;
}

const DEFAULT_STEP: FakeStep = { tokens: ['Hello', ' there', '.'] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseObject(raw: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(raw);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function splitInto(text: string, pieces: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / Math.max(1, pieces)));
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts.length === 0 ? [''] : parts;
}

function argumentsText(call: FakeToolCall): string {
  return typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments);
}

function errorBody(status: number, message: string | undefined): string {
  const type = status === 429 ? 'rate_limit_error' : status >= 500 ? 'server_error' : 'invalid_request_error';
  return JSON.stringify({ error: { message: message ?? `fake error ${status}`, type, param: null, code: null } });
}

interface Exchange {
  request: CapturedRequest;
  res: ServerResponse;
  /** Aborted when the connection closes, so pending waits stop writing to a dead socket. */
  signal: AbortSignal;
  cut(): void;
  sequence: number;
}

/** Waits, or returns false when the connection closed meanwhile. */
async function pause(ms: number | undefined, signal: AbortSignal): Promise<boolean> {
  if (ms !== undefined && ms > 0) await sleep(ms, undefined, { signal }).catch(() => undefined);
  return !signal.aborted;
}

function completionParts(exchange: Exchange, completion: FakeCompletion) {
  const { body, rawBody } = exchange.request;
  const tokens = completion.tokens ?? [];
  const toolCalls = (completion.toolCalls ?? []).map((call, index) => ({
    index,
    id: call.id ?? `call_${exchange.sequence}_${index}`,
    name: call.name,
    arguments: argumentsText(call),
    pieces: call.pieces ?? 3,
  }));
  const finishReason = completion.finishReason === undefined ? (toolCalls.length > 0 ? 'tool_calls' : 'stop') : completion.finishReason;
  const usage = completion.usage ?? {
    promptTokens: Math.ceil(rawBody.length / 4),
    completionTokens: tokens.length + toolCalls.reduce((sum, call) => sum + Math.ceil(call.arguments.length / 4), 0),
  };
  const wireUsage = {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.promptTokens + usage.completionTokens,
  };
  return {
    id: `chatcmpl-fake${exchange.sequence}`,
    created: Math.floor(Date.now() / 1000),
    model: completion.model ?? (typeof body['model'] === 'string' ? body['model'] : 'fake-model'),
    tokens,
    toolCalls,
    finishReason,
    wireUsage,
  };
}

function streamEvents(exchange: Exchange, completion: FakeCompletion): string[] {
  const { id, created, model, tokens, toolCalls, finishReason, wireUsage } = completionParts(exchange, completion);
  const options = exchange.request.body['stream_options'];
  const includeUsage = isRecord(options) && options['include_usage'] === true;
  const chunk = (choices: unknown[], usage: unknown = null): string =>
    JSON.stringify({
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      system_fingerprint: 'fp_fake',
      choices,
      // With include_usage, OpenAI sends `usage: null` on every chunk but the last.
      ...(includeUsage ? { usage } : {}),
    });
  const delta = (value: Record<string, unknown>, finish: string | null = null): string =>
    chunk([{ index: 0, delta: value, logprobs: null, finish_reason: finish }]);

  const events = [delta({ role: 'assistant', content: '' })];
  for (const token of tokens) events.push(delta({ content: token }));
  for (const call of toolCalls) {
    events.push(
      delta({ tool_calls: [{ index: call.index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }),
    );
    for (const piece of splitInto(call.arguments, call.pieces)) {
      events.push(delta({ tool_calls: [{ index: call.index, function: { arguments: piece } }] }));
    }
  }
  if (finishReason !== null) events.push(delta({}, finishReason));
  if (includeUsage) events.push(chunk([], wireUsage));
  events.push('[DONE]');
  return events;
}

/** Writes and waits until the bytes reached the socket, so a later `destroy` does not discard them. */
function flushed(res: ServerResponse, text: string, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    res.write(text, done);
  });
}

async function sendStream(exchange: Exchange, completion: FakeCompletion): Promise<void> {
  const { res, signal } = exchange;
  const events = streamEvents(exchange, completion);
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  // Headers go out now, as a real server's do, so a client sees the 200 before the first token.
  res.flushHeaders();
  const interrupt = completion.interrupt;
  for (let i = 0; i < events.length; i += 1) {
    if (interrupt !== undefined && i === interrupt.afterEvents) {
      if (interrupt.how === 'destroy') exchange.cut();
      else if (interrupt.how === 'end') res.end();
      return;
    }
    if (i > 0 && !(await pause(completion.tokenDelayMs, signal))) return;
    if (signal.aborted) return;
    await flushed(res, `data: ${events[i]}\n\n`, signal);
  }
  res.end();
}

function sendJson(exchange: Exchange, completion: FakeCompletion): void {
  const { id, created, model, tokens, toolCalls, finishReason, wireUsage } = completionParts(exchange, completion);
  const message = {
    role: 'assistant',
    content: tokens.length > 0 ? tokens.join('') : null,
    refusal: null,
    ...(toolCalls.length > 0
      ? {
          tool_calls: toolCalls.map((call) => ({
            id: call.id,
            type: 'function',
            function: { name: call.name, arguments: call.arguments },
          })),
        }
      : {}),
  };
  const body = JSON.stringify({
    id,
    object: 'chat.completion',
    created,
    model,
    system_fingerprint: 'fp_fake',
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
    usage: wireUsage,
  });
  const how = completion.interrupt?.how;
  if (how === 'hang') return;
  if (how === 'destroy') {
    exchange.cut();
    return;
  }
  exchange.res.writeHead(200, { 'content-type': 'application/json' });
  exchange.res.end(how === 'end' ? body.slice(0, Math.floor(body.length / 2)) : body);
}

async function reply(exchange: Exchange, step: FakeStep): Promise<void> {
  const { res, signal } = exchange;
  let decided: FakeReply;
  try {
    decided = typeof step === 'function' ? await step(exchange.request) : step;
  } catch (error) {
    // A broken script must show up in the test, not as a hang.
    res.writeHead(500, { 'content-type': 'application/json' }).end(errorBody(500, `fake script threw: ${String(error)}`));
    return;
  }
  if ('hang' in decided) return;
  if ('raw' in decided) {
    res.writeHead(200, { 'content-type': decided.contentType ?? 'application/json' }).end(decided.raw);
    return;
  }
  if ('status' in decided) {
    res
      .writeHead(decided.status, { 'content-type': 'application/json', ...decided.headers })
      .end(decided.body ?? errorBody(decided.status, decided.message));
    return;
  }
  if (!(await pause(decided.delayMs, signal))) return;
  if (exchange.request.body['stream'] === true) await sendStream(exchange, decided);
  else sendJson(exchange, decided);
}

/** Dimensions of the fake's embeddings. */
export const FAKE_EMBEDDING_DIMENSIONS = 64;

/** A deterministic vector per text: its words hashed into buckets, so similar texts get similar vectors. */
export function fakeEmbedding(text: string): number[] {
  const vector = new Array<number>(FAKE_EMBEDDING_DIMENSIONS).fill(0);
  vector[0] = 1;
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    let hash = 0x811c9dc5;
    for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193) >>> 0;
    const bucket = 1 + (hash % (FAKE_EMBEDDING_DIMENSIONS - 1));
    vector[bucket] = (vector[bucket] ?? 0) + 1;
  }
  return vector;
}

/** An OpenAI embeddings response for the request's `input` (one string or an array of them). */
function embeddingsBody(body: Record<string, unknown>): string {
  const input = body['input'];
  const texts = Array.isArray(input) ? input.map(String) : [String(input ?? '')];
  return JSON.stringify({
    object: 'list',
    data: texts.map((text, index) => ({ object: 'embedding', index, embedding: fakeEmbedding(text) })),
    model: typeof body['model'] === 'string' ? body['model'] : 'fake-embedding',
    usage: { prompt_tokens: texts.join(' ').length, total_tokens: texts.join(' ').length },
  });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: CapturedRequest[] = [];
  let steps: FakeStep[] = [DEFAULT_STEP];
  let sequence = 0;
  let closing = false;

  const nextStep = (): FakeStep => (steps.length > 1 ? (steps.shift() ?? DEFAULT_STEP) : (steps[0] ?? DEFAULT_STEP));

  const server = createServer((req, res) => {
    const connection = new AbortController();
    let cutByFake = false;
    let settle: (end: RequestEnd) => void = () => undefined;
    const ended = new Promise<RequestEnd>((resolve) => (settle = resolve));
    res.on('close', () => {
      connection.abort();
      settle(res.writableFinished ? 'finished' : cutByFake || closing ? 'cut' : 'client-closed');
    });
    void (async () => {
      const rawBody = await readBody(req).catch(() => '');
      const parsed = parseObject(rawBody);
      const request: CapturedRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body: parsed ?? {},
        rawBody,
        ended,
      };
      requests.push(request);
      sequence += 1;
      const exchange: Exchange = {
        request,
        res,
        signal: connection.signal,
        sequence,
        cut: () => {
          cutByFake = true;
          res.destroy();
        },
      };
      const pathname = request.path.split('?')[0];
      if (request.method === 'POST' && pathname === '/v1/embeddings' && parsed !== undefined) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(embeddingsBody(parsed));
        return;
      }
      if (request.method !== 'POST' || pathname !== '/v1/chat/completions') {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end(errorBody(404, `the fake serves only POST /v1/chat/completions and /v1/embeddings`));
        return;
      }
      if (parsed === undefined) {
        res.writeHead(400, { 'content-type': 'application/json' }).end(errorBody(400, 'the body is not a JSON object'));
        return;
      }
      await reply(exchange, nextStep());
    })();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    script(...next) {
      steps = [...next];
    },
    reset() {
      requests.length = 0;
      steps = [DEFAULT_STEP];
    },
    async close() {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
