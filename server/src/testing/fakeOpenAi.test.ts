// The fake OpenAI server against the official openai SDK: if the SDK reads it, our code can trust it as a stand-in.
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeOpenAi, type FakeOpenAi } from './fakeOpenAi.js';

const API_KEY = 'sk-fake-test-key';

let fake: FakeOpenAi;

beforeAll(async () => {
  fake = await startFakeOpenAi();
});

afterAll(() => fake.close());

beforeEach(() => fake.reset());

const client = (options: { maxRetries?: number; timeout?: number } = {}): OpenAI =>
  new OpenAI({ baseURL: fake.baseUrl, apiKey: API_KEY, maxRetries: options.maxRetries ?? 0, timeout: options.timeout ?? 10_000 });

const messages = [{ role: 'user' as const, content: 'Where is my order?' }];

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected a failure'),
    (error: unknown) => error,
  );
}

describe('startFakeOpenAi', () => {
  it('streams content and tool-call deltas, then a usage chunk, in the wire format the SDK reads', async () => {
    fake.script({
      tokens: ['Your ', 'order ', 'shipped.'],
      toolCalls: [{ id: 'call_a', name: 'orders_lookup', arguments: { orderId: '1042', verbose: true }, pieces: 4 }],
      usage: { promptTokens: 42, completionTokens: 7 },
    });
    const stream = await client().chat.completions.create({
      model: 'gpt-test',
      messages,
      stream: true,
      stream_options: { include_usage: true },
      tools: [{ type: 'function', function: { name: 'orders_lookup', parameters: { type: 'object' } } }],
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);

    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' });
    expect(chunks.every((c) => c.object === 'chat.completion.chunk' && c.model === 'gpt-test')).toBe(true);
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe('Your order shipped.');

    const toolDeltas = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
    expect(toolDeltas.length).toBeGreaterThan(2); // the arguments really arrive in pieces
    expect(toolDeltas[0]).toMatchObject({ index: 0, id: 'call_a', type: 'function', function: { name: 'orders_lookup', arguments: '' } });
    expect(toolDeltas.slice(1).every((d) => d.id === undefined && d.function?.name === undefined)).toBe(true);
    const args = toolDeltas.map((d) => d.function?.arguments ?? '').join('');
    expect(JSON.parse(args)).toEqual({ orderId: '1042', verbose: true });

    const finish = chunks.find((c) => c.choices[0]?.finish_reason !== null && c.choices.length > 0);
    expect(finish?.choices[0]?.finish_reason).toBe('tool_calls');
    const last = chunks.at(-1);
    expect(last?.choices).toEqual([]);
    expect(last?.usage).toEqual({ prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 });
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
  });

  it('captures the headers and the parsed body of every request', async () => {
    const stream = await client().chat.completions.create({ model: 'gpt-test', messages, stream: true });
    for await (const _ of stream) {
      // drain
    }
    expect(fake.requests).toHaveLength(1);
    const request = fake.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request.body).toMatchObject({ model: 'gpt-test', messages, stream: true });
    expect(request.rawBody).toContain('Where is my order?');
    expect(await request.ended).toBe('finished');
  });

  it('sends no usage chunk when the request did not ask for one', async () => {
    fake.script({ tokens: ['Hi'] });
    const stream = await client().chat.completions.create({ model: 'gpt-test', messages, stream: true });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((c) => c.choices[0]?.finish_reason ?? null)).toEqual([null, null, 'stop']);
    expect(chunks.every((c) => !('usage' in c))).toBe(true);
  });

  it('answers a non-streaming request with one completion', async () => {
    fake.script({ tokens: ['All ', 'good.'], toolCalls: [{ id: 'call_b', name: 'refund', arguments: { amount: 5 } }] });
    const completion = await client().chat.completions.create({ model: 'gpt-test', messages });
    expect(completion.choices[0]?.message.content).toBe('All good.');
    expect(completion.choices[0]?.message.tool_calls).toEqual([
      { id: 'call_b', type: 'function', function: { name: 'refund', arguments: '{"amount":5}' } },
    ]);
    expect(completion.choices[0]?.finish_reason).toBe('tool_calls');
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
  });

  it('fails with the scripted status and an OpenAI error body', async () => {
    fake.script({ status: 500, message: 'overloaded' });
    const error = await failure(client().chat.completions.create({ model: 'gpt-test', messages, stream: true }));
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect((error as InstanceType<typeof OpenAI.InternalServerError>).status).toBe(500);
    expect((error as Error).message).toContain('overloaded');
  });

  it('plays the script in order and repeats the last step, which may be a function of the request', async () => {
    fake.script({ status: 429, headers: { 'retry-after-ms': '1' } }, (request) => ({ tokens: [`model=${String(request.body['model'])}`] }));
    // The SDK's own retry sees the 429 and then the scripted success.
    const first = await client({ maxRetries: 1 }).chat.completions.create({ model: 'm1', messages });
    expect(first.choices[0]?.message.content).toBe('model=m1');
    const second = await client().chat.completions.create({ model: 'm2', messages });
    expect(second.choices[0]?.message.content).toBe('model=m2');
    expect(fake.requests).toHaveLength(3);
  });

  it('answers 500 with the reason when a script function throws, instead of hanging', async () => {
    fake.script(() => {
      throw new Error('bad test script');
    });
    const error = await failure(client().chat.completions.create({ model: 'gpt-test', messages }));
    expect((error as Error).message).toContain('bad test script');
  });

  it('hangs without answering until the client gives up, and sees it go', async () => {
    fake.script({ hang: true });
    const error = await failure(client({ timeout: 100 }).chat.completions.create({ model: 'gpt-test', messages, stream: true }));
    expect(error).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    expect(await fake.requests[0]!.ended).toBe('client-closed');
  });

  it('can stop mid-stream by destroying the connection, which the SDK reports as an error', async () => {
    fake.script({ tokens: ['a', 'b', 'c', 'd'], interrupt: { afterEvents: 3, how: 'destroy' } });
    const stream = await client().chat.completions.create({ model: 'gpt-test', messages, stream: true });
    const seen: string[] = [];
    const error = await failure(
      (async () => {
        for await (const chunk of stream) seen.push(chunk.choices[0]?.delta.content ?? '');
      })(),
    );
    expect(error).toBeInstanceOf(Error);
    expect(seen).toEqual(['', 'a', 'b']);
    expect(await fake.requests[0]!.ended).toBe('cut');
  });

  it('can end the stream early and cleanly, without a finish reason or [DONE]', async () => {
    fake.script({ tokens: ['a', 'b', 'c'], interrupt: { afterEvents: 2, how: 'end' } });
    const stream = await client().chat.completions.create({ model: 'gpt-test', messages, stream: true });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((c) => c.choices[0]?.delta.content)).toEqual(['', 'a']);
    expect(chunks.every((c) => c.choices[0]?.finish_reason === null)).toBe(true);
  });

  it('can go silent mid-stream; slow tokens keep the stream open until the client leaves', async () => {
    fake.script({ tokens: ['a', 'b'], interrupt: { afterEvents: 2, how: 'hang' } }, { tokens: ['a', 'b'], tokenDelayMs: 60_000 });
    for (const expected of [['', 'a'], ['']]) {
      const controller = new AbortController();
      const stream = await client().chat.completions.create({ model: 'gpt-test', messages, stream: true }, { signal: controller.signal });
      const seen: string[] = [];
      for await (const chunk of stream) {
        seen.push(chunk.choices[0]?.delta.content ?? '');
        if (seen.length === expected.length) controller.abort();
      }
      expect(seen).toEqual(expected);
    }
    expect(await Promise.all(fake.requests.map((r) => r.ended))).toEqual(['client-closed', 'client-closed']);
  });

  it('answers another path with 404 and a body that is not JSON with 400, and records both', async () => {
    const models = await fetch(`${fake.baseUrl}/models`);
    expect(models.status).toBe(404);
    const bad = await fetch(`${fake.baseUrl}/chat/completions`, { method: 'POST', body: 'not json' });
    expect(bad.status).toBe(400);
    expect(fake.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ['GET', '/v1/models', {}],
      ['POST', '/v1/chat/completions', {}],
    ]);
  });

  it('cuts hanging requests on close', async () => {
    const own = await startFakeOpenAi();
    own.script({ hang: true });
    const pending = fetch(`${own.baseUrl}/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'm', messages }) }).then(
      () => 'answered',
      () => 'failed',
    );
    while (own.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await own.close();
    expect(await pending).toBe('failed');
    expect(await own.requests[0]!.ended).toBe('cut');
  });

  it('answers embeddings the SDK reads, the same vector for the same text, and records the request', async () => {
    const response = await client().embeddings.create({
      model: 'emb',
      input: ['refund policy', 'refund policy', 'shipping'],
      encoding_format: 'float',
    });
    const [a, b, c] = response.data.map((d) => d.embedding);
    expect(a).toHaveLength(64);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(fake.requests.map((r) => [r.path, r.body['input']])).toEqual([
      ['/v1/embeddings', ['refund policy', 'refund policy', 'shipping']],
    ]);
  });
});
