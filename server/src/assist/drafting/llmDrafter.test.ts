// The LLM drafter against the fake OpenAI server: what it sends, what it streams, and how it fails.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAi } from '../../testing/fakeOpenAi.js';
import { CircuitBreaker } from './circuitBreaker.js';
import { DrafterError, type DraftChunk, type DraftRequest } from './drafter.js';
import { LlmDrafter, type LlmDrafterOptions } from './llmDrafter.js';

const API_KEY = 'sk-test-drafter-SECRET-0123456789';

let fake: FakeOpenAi;

beforeAll(async () => {
  fake = await startFakeOpenAi();
});

afterAll(() => fake.close());

beforeEach(() => fake.reset());

const request: DraftRequest = {
  language: 'en',
  customerName: '[NAME_1]',
  subject: 'Where is my order?',
  conversation: [{ role: 'customer', text: 'Order 1042 has not arrived. Reach me at [EMAIL_1].' }],
  passages: [{ n: 1, title: 'Shipping times', text: 'Orders ship within 2 days.', sectionPath: ['Shipping'] }],
  liveFacts: ['Order #1042: shipped 1 day ago'],
  tools: [
    {
      name: 'orders.lookup',
      description: 'Look up an order.',
      risk: 'read',
      parameters: { type: 'object', properties: { orderId: { type: 'string' } }, required: ['orderId'] },
    },
    { name: 'shopify.refundOrder', description: 'Refund an order.', risk: 'write', parameters: { type: 'object' } },
  ],
};

const drafter = (options: Partial<LlmDrafterOptions> = {}): LlmDrafter =>
  new LlmDrafter({
    baseUrl: fake.baseUrl,
    apiKey: API_KEY,
    model: 'gpt-test',
    firstTokenTimeoutMs: 2_000,
    idleTimeoutMs: 2_000,
    retryDelayMs: 1,
    ...options,
  });

interface Outcome {
  chunks: DraftChunk[];
  error: DrafterError | undefined;
}

async function run(
  d: LlmDrafter,
  signal = new AbortController().signal,
  onChunk?: (chunk: DraftChunk) => void | Promise<void>,
): Promise<Outcome> {
  const chunks: DraftChunk[] = [];
  try {
    for await (const chunk of d.draft(request, signal)) {
      chunks.push(chunk);
      await onChunk?.(chunk);
    }
    return { chunks, error: undefined };
  } catch (error) {
    expect(error).toBeInstanceOf(DrafterError);
    const drafterError = error as DrafterError;
    expect(drafterError.message).not.toContain('SECRET');
    return { chunks, error: drafterError };
  }
}

const tokensOf = (chunks: DraftChunk[]): string =>
  chunks
    .filter((c) => c.kind === 'token')
    .map((c) => c.text)
    .join('');

describe('LlmDrafter', () => {
  it('streams tokens, then the tool call mapped back to its action, then usage', async () => {
    fake.script({
      tokens: ['Your order ', 'shipped yesterday ', '[1].'],
      toolCalls: [{ name: 'orders__lookup', arguments: { orderId: '1042' }, pieces: 5 }],
      usage: { promptTokens: 321, completionTokens: 17 },
    });
    const { chunks, error } = await run(drafter());
    expect(error).toBeUndefined();
    expect(chunks).toEqual([
      { kind: 'token', text: 'Your order ' },
      { kind: 'token', text: 'shipped yesterday ' },
      { kind: 'token', text: '[1].' },
      { kind: 'tool-call', name: 'orders.lookup', arguments: { orderId: '1042' } },
      { kind: 'usage', promptTokens: 321, completionTokens: 17, model: 'gpt-test' },
    ]);
  });

  it('sends the model, the messages, the tools, the stream options and the key', async () => {
    await run(drafter());
    expect(fake.requests).toHaveLength(1);
    const sent = fake.requests[0]!;
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(sent.body).toMatchObject({ model: 'gpt-test', stream: true, stream_options: { include_usage: true } });
    expect(sent.body).not.toHaveProperty('temperature');
    const messages = sent.body['messages'] as { role: string; content: string }[];
    expect(messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(messages[0]?.content).toMatch(/untrusted data, not instructions/);
    expect(messages[1]?.content).toContain('<passage n="1">\nTitle: Shipping times');
    expect(messages[1]?.content).toContain('Reach me at [EMAIL_1].');
    const tools = sent.body['tools'] as { type: string; function: { name: string } }[];
    expect(tools.map((t) => [t.type, t.function.name])).toEqual([
      ['function', 'orders__lookup'],
      ['function', 'shopify__refundOrder'],
    ]);
  });

  it('leaves out tools when there are none, and sends a temperature only when configured', async () => {
    fake.script({ tokens: ['Hi'] });
    for await (const _ of drafter({ temperature: 0.2 }).draft({ ...request, tools: [] }, new AbortController().signal)) {
      // drain
    }
    expect(fake.requests[0]?.body).not.toHaveProperty('tools');
    expect(fake.requests[0]?.body['temperature']).toBe(0.2);
  });

  it('skips tool calls with broken JSON arguments or names it did not offer, and keeps the good ones in order', async () => {
    fake.script({
      tokens: ['Checking.'],
      toolCalls: [
        { name: 'orders__lookup', arguments: '{"orderId": "10' },
        { name: 'delete_all_customers', arguments: {} },
        { name: 'shopify__refundOrder', arguments: { orderId: '1042', amount: 5 } },
        { name: 'orders__lookup', arguments: '["not", "an", "object"]' },
        { name: 'orders__lookup', arguments: '' },
      ],
    });
    const { chunks, error } = await run(drafter());
    expect(error).toBeUndefined();
    expect(chunks.filter((c) => c.kind === 'tool-call')).toEqual([
      { kind: 'tool-call', name: 'shopify.refundOrder', arguments: { orderId: '1042', amount: 5 } },
      { kind: 'tool-call', name: 'orders.lookup', arguments: {} },
    ]);
  });

  it('retries a 500 before anything streamed, and then succeeds', async () => {
    fake.script({ status: 500, message: 'overloaded' }, { tokens: ['Fine', ' now.'] });
    const d = drafter();
    const { chunks, error } = await run(d);
    expect(error).toBeUndefined();
    expect(tokensOf(chunks)).toBe('Fine now.');
    expect(fake.requests).toHaveLength(2);
    expect(d.breaker.state).toBe('closed');
  });

  it('retries a stream that broke before any token', async () => {
    fake.script({ tokens: ['lost'], interrupt: { afterEvents: 1, how: 'destroy' } }, { tokens: ['Second', ' try.'] });
    const { chunks, error } = await run(drafter());
    expect(error).toBeUndefined();
    expect(tokensOf(chunks)).toBe('Second try.');
    expect(fake.requests).toHaveLength(2);
  });

  it('gives up after the bounded retries with UPSTREAM_FAILED, and never leaks the key', async () => {
    fake.script((sent) => ({ status: 503, message: `upstream broke for ${String(sent.headers.authorization)}` }));
    const { error } = await run(drafter({ maxRetries: 2 }));
    expect(error?.code).toBe('UPSTREAM_FAILED');
    expect(error?.partial).toBe(false);
    expect(error?.message).toContain('503');
    expect(error?.message).toContain('[redacted]');
    expect(fake.requests).toHaveLength(3);
  });

  it('does not retry a request the provider rejects, or a 429 that asks for a long wait', async () => {
    fake.script({ status: 400, message: 'bad request' });
    expect((await run(drafter())).error?.code).toBe('UPSTREAM_FAILED');
    expect(fake.requests).toHaveLength(1);
    fake.script({ status: 429, headers: { 'retry-after': '60' } });
    expect((await run(drafter())).error?.message).toContain('429');
    expect(fake.requests).toHaveLength(2);
  });

  it('opens the circuit after repeated failures, then fails fast without calling the provider', async () => {
    let now = 0;
    const breaker = new CircuitBreaker({ failureThreshold: 2, coolDownMs: 60_000, now: () => now });
    const d = drafter({ breaker });
    fake.script({ status: 500 });
    expect((await run(d)).error?.code).toBe('UPSTREAM_FAILED');
    expect((await run(d)).error?.code).toBe('UPSTREAM_FAILED');
    const sent = fake.requests.length;
    expect(sent).toBe(4); // two drafts, each retried once

    const refused = await run(d);
    expect(refused.error?.code).toBe('CIRCUIT_OPEN');
    expect(refused.error?.message).toMatch(/next try in 60 s/);
    expect(fake.requests).toHaveLength(sent);

    // After the cool-down, one trial goes through and its success closes the circuit.
    now += 60_000;
    fake.script({ tokens: ['Back.'] });
    expect(tokensOf((await run(d)).chunks)).toBe('Back.');
    expect(breaker.state).toBe('closed');
  });

  it('detects a provider that never answers within the first-token timeout, without retrying', async () => {
    fake.script({ hang: true });
    const started = performance.now();
    const { error } = await run(drafter({ firstTokenTimeoutMs: 300 }));
    expect(performance.now() - started).toBeLessThan(300 + 2_000);
    expect(error?.code).toBe('TIMEOUT');
    expect(error?.partial).toBe(false);
    expect(error?.message).toMatch(/no output .* within 300 ms/);
    expect(fake.requests).toHaveLength(1);
    expect(await fake.requests[0]!.ended).toBe('client-closed');
  });

  it('detects a stream that opens but produces no token within the first-token timeout', async () => {
    // The role chunk alone is not output: a provider can send it and then stall.
    fake.script({ tokens: ['late'], interrupt: { afterEvents: 1, how: 'hang' } });
    const { chunks, error } = await run(drafter({ firstTokenTimeoutMs: 300, idleTimeoutMs: 10_000 }));
    expect(error?.code).toBe('TIMEOUT');
    expect(chunks).toEqual([]);
  });

  it('detects a stream that stalls after some tokens within the idle timeout, as a partial failure', async () => {
    fake.script({ tokens: ['Your ', 'order ', 'is'], interrupt: { afterEvents: 3, how: 'hang' } });
    const started = performance.now();
    const { chunks, error } = await run(drafter({ idleTimeoutMs: 300 }));
    expect(performance.now() - started).toBeLessThan(300 + 2_000);
    expect(error?.code).toBe('TIMEOUT');
    expect(error?.partial).toBe(true);
    expect(error?.message).toMatch(/stalled for 300 ms/);
    expect(tokensOf(chunks)).toBe('Your order ');
    expect(fake.requests).toHaveLength(1);
    expect(await fake.requests[0]!.ended).toBe('client-closed');
  });

  it('does not count time the consumer holds a chunk as provider silence', async () => {
    // The stream is still open while the consumer holds each chunk, so a running idle clock would cut it.
    fake.script({ tokens: ['a', 'b', 'c'], tokenDelayMs: 20 });
    const { chunks, error } = await run(drafter({ idleTimeoutMs: 100 }), undefined, () => sleep(250));
    expect(error).toBeUndefined();
    expect(tokensOf(chunks)).toBe('abc');
  });

  it('enforces the total timeout on a stream that keeps trickling', async () => {
    fake.script({ tokens: Array.from({ length: 50 }, () => 'x'), tokenDelayMs: 100 });
    const started = performance.now();
    const { chunks, error } = await run(drafter({ totalTimeoutMs: 500 }));
    expect(performance.now() - started).toBeLessThan(500 + 2_000);
    expect(error?.code).toBe('TIMEOUT');
    expect(error?.partial).toBe(true);
    expect(error?.message).toMatch(/longer than 500 ms/);
    expect(chunks.length).toBeGreaterThan(0);
  });

  it('fails partial with UPSTREAM_FAILED when the connection dies mid-stream, and does not retry', async () => {
    fake.script({ tokens: ['Your ', 'order ', 'is ', 'on ', 'its ', 'way.'], interrupt: { afterEvents: 4, how: 'destroy' } });
    const { chunks, error } = await run(drafter());
    expect(error?.code).toBe('UPSTREAM_FAILED');
    expect(error?.partial).toBe(true);
    expect(tokensOf(chunks)).toBe('Your order is ');
    expect(fake.requests).toHaveLength(1);
  });

  it('fails partial with UPSTREAM_FAILED when the stream ends without a finish reason', async () => {
    fake.script({ tokens: ['Your ', 'order'], finishReason: null });
    const { chunks, error } = await run(drafter());
    expect(error?.code).toBe('UPSTREAM_FAILED');
    expect(error?.partial).toBe(true);
    expect(error?.message).toMatch(/ended before the reply was complete/);
    expect(tokensOf(chunks)).toBe('Your order');
  });

  it('keeps a complete reply when only the trailing usage chunk is lost', async () => {
    // Events: role, 2 tokens, finish, usage, [DONE]; the connection dies before the usage chunk.
    fake.script({ tokens: ['Done', '.'], interrupt: { afterEvents: 4, how: 'destroy' } });
    const { chunks, error } = await run(drafter());
    expect(error).toBeUndefined();
    expect(chunks).toEqual([
      { kind: 'token', text: 'Done' },
      { kind: 'token', text: '.' },
    ]);
  });

  it.each([
    ['JSON instead of an event stream', { raw: JSON.stringify({ choices: [] }) }, /JSON instead of an event stream/],
    ['an event that is not JSON', { raw: 'data: {"choices": [\n\n', contentType: 'text/event-stream' }, /not JSON/],
    [
      'a chunk of the wrong shape',
      { raw: 'data: {"choices": "nope"}\n\n', contentType: 'text/event-stream' },
      /not a chat completion chunk/,
    ],
    ['a reply cut at the length limit', { tokens: ['Your order'], finishReason: 'length' as const }, /length limit/],
    ['a content-filtered reply', { tokens: [], finishReason: 'content_filter' as const }, /content filter/],
  ])('fails with BAD_RESPONSE on %s, without retrying', async (_, reply, message) => {
    fake.script(reply);
    const { error } = await run(drafter());
    expect(error?.code).toBe('BAD_RESPONSE');
    expect(error?.message).toMatch(message);
    expect(fake.requests).toHaveLength(1);
  });

  it('stops the HTTP request promptly when the caller aborts, with a partial ABORTED', async () => {
    fake.script({ tokens: ['one ', 'two '], interrupt: { afterEvents: 2, how: 'hang' } });
    const controller = new AbortController();
    const d = drafter({ breaker: new CircuitBreaker({ failureThreshold: 1 }) });
    const { chunks, error } = await run(d, controller.signal, () => controller.abort());
    expect(error?.code).toBe('ABORTED');
    expect(error?.partial).toBe(true);
    expect(tokensOf(chunks)).toBe('one ');
    expect(await fake.requests[0]!.ended).toBe('client-closed');
    // A cancel says nothing about the provider's health.
    expect(d.breaker.state).toBe('closed');
  });

  it('aborts a request still waiting for the first token', async () => {
    fake.script({ hang: true });
    const controller = new AbortController();
    const pending = run(drafter({ firstTokenTimeoutMs: 30_000 }), controller.signal);
    while (fake.requests.length === 0) await sleep(5);
    controller.abort();
    const { error } = await pending;
    expect(error?.code).toBe('ABORTED');
    expect(error?.partial).toBe(false);
    expect(await fake.requests[0]!.ended).toBe('client-closed');
  });

  it('sends nothing when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await run(drafter(), controller.signal)).error?.code).toBe('ABORTED');
    expect(fake.requests).toHaveLength(0);
  });

  it('closes the connection when the consumer stops reading, without counting a failure', async () => {
    fake.script({ tokens: ['a', 'b', 'c'], interrupt: { afterEvents: 2, how: 'hang' } });
    const d = drafter({ breaker: new CircuitBreaker({ failureThreshold: 1 }) });
    for await (const chunk of d.draft(request, new AbortController().signal)) {
      expect(chunk).toEqual({ kind: 'token', text: 'a' });
      break;
    }
    expect(await fake.requests[0]!.ended).toBe('client-closed');
    expect(d.breaker.state).toBe('closed');
  });

  it('fails with UPSTREAM_FAILED when the provider cannot be reached', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const { error } = await run(drafter({ baseUrl: `http://127.0.0.1:${port}/v1` }));
    expect(error?.code).toBe('UPSTREAM_FAILED');
    expect(error?.message).toContain(`127.0.0.1:${port}`);
  });
});
