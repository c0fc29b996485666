// USE-lite for real: the shipped model, in a real worker thread started through tsx's loader.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbedderError } from './embedder.js';
import { UseLiteEmbedder } from './useLiteEmbedder.js';

const dot = (a: Float32Array, b: Float32Array): number => a.reduce((sum, v, i) => sum + v * (b[i] ?? 0), 0);
const texts = (n: number, prefix: string): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix} number ${i}: ${'lorem ipsum '.repeat(i % 5)}`);

async function rejection(promise: Promise<unknown>): Promise<EmbedderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmbedderError);
  return error as EmbedderError;
}

describe('UseLiteEmbedder', () => {
  const embedder = new UseLiteEmbedder();

  beforeAll(async () => {
    await embedder.embed(['load the model once for the whole file']);
  });
  afterAll(() => embedder.close());

  it('names its vector space and returns 512-d unit vectors', async () => {
    expect(embedder.id).toBe('use-lite@0.2.0');
    expect(embedder.dimensions).toBe(512);
    expect(embedder.batchSize).toBe(32);
    const vectors = await embedder.embed(['Where is my parcel?', '', 'Ünïcödé, 中文 and emoji 😀']);
    expect(vectors).toHaveLength(3);
    for (const v of vectors) {
      expect(v).toBeInstanceOf(Float32Array);
      expect(v).toHaveLength(512);
      expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 5);
    }
  });

  it('puts paraphrases closer together than unrelated sentences', async () => {
    const [money, refund, weather] = await embedder.embed(['How do I get my money back?', 'I want a refund', 'The weather is sunny today']);
    const paraphrase = dot(money!, refund!);
    const unrelated = dot(money!, weather!);
    expect(paraphrase).toBeGreaterThan(unrelated + 0.2);
  });

  it('keeps the order of texts across a call bigger than one batch', async () => {
    const input = texts(70, 'ordered');
    input[69] = ''; // an empty text must not shift the others
    const forward = await embedder.embed(input);
    const backward = await embedder.embed([...input].reverse());
    expect(forward).toHaveLength(70);
    forward.forEach((v, i) => expect(dot(v, backward[69 - i]!)).toBeGreaterThan(0.9999));
    // Neighbours are different texts, so a shifted row would not match.
    expect(dot(forward[0]!, forward[1]!)).toBeLessThan(0.999);
  });

  it('serves concurrent calls in turns, so a short call is not stuck behind a long one', async () => {
    const finished: string[] = [];
    const long = embedder.embed(texts(70, 'bulk')).then((v) => (finished.push('long'), v));
    const short = embedder.embed(['a query while re-indexing']).then((v) => (finished.push('short'), v));
    const others = Promise.all([1, 2, 3].map((n) => embedder.embed(texts(n, `concurrent ${n}`))));
    const [longVectors, shortVectors, otherVectors] = await Promise.all([long, short, others]);
    expect(longVectors).toHaveLength(70);
    expect(shortVectors).toHaveLength(1);
    expect(otherVectors.map((v) => v.length)).toEqual([1, 2, 3]);
    expect(finished).toEqual(['short', 'long']);
  });

  it('does not block the event loop while embedding', async () => {
    let maxLag = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      maxLag = Math.max(maxLag, now - last);
      last = now;
    }, 5);
    await embedder.embed(texts(32, 'a longer text to keep the worker busy for a while '.repeat(6)));
    clearInterval(timer);
    // In-process, one batch like this holds the loop for over a second.
    expect(maxLag).toBeLessThan(250);
  });

  it('fails pending calls with UPSTREAM_FAILED when the worker dies, and restarts on the next call', async () => {
    const inFlight = rejection(embedder.embed(texts(70, 'doomed')));
    const queued = rejection(embedder.embed(['queued behind it']));
    await embedder.crashWorkerForTesting();
    const [a, b] = await Promise.all([inFlight, queued]);
    expect(a.code).toBe('UPSTREAM_FAILED');
    expect(a.message).toMatch(/USE-lite worker .*new one starts on the next call/);
    expect(b.code).toBe('UPSTREAM_FAILED');
    const [after] = await embedder.embed(['back to work']);
    expect(after).toHaveLength(512);
  });

  it('is final once closed: pending and later calls fail with CLOSED', async () => {
    const pending = rejection(embedder.embed(texts(40, 'closing')));
    await embedder.close();
    expect((await pending).code).toBe('CLOSED');
    expect((await rejection(embedder.embed(['after close']))).code).toBe('CLOSED');
    await embedder.close(); // idempotent
  });

  it('starts no worker before the first call', async () => {
    const idle = new UseLiteEmbedder();
    await idle.close();
    expect((await rejection(idle.embed(['x']))).code).toBe('CLOSED');
    expect(await new UseLiteEmbedder().embed([])).toEqual([]);
  });
});
