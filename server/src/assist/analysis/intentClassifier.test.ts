import { describe, expect, it } from 'vitest';
import type { Embedder } from '../../knowledge/embedding/embedder.js';
import { IntentClassifier, type LabelledExample } from './intentClassifier.js';

const DIMENSIONS = 256;

/** Bag of words hashed into a unit vector: texts sharing words are close, others orthogonal (bar collisions). */
class HashedWordsEmbedder implements Embedder {
  readonly id = 'test:hashed-words';
  readonly dimensions = DIMENSIONS;
  readonly batchSize = 3;
  readonly calls: number[] = [];

  embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.calls.push(texts.length);
    return Promise.resolve(texts.map((t) => this.vectorOf(t)));
  }

  vectorOf(text: string): Float32Array {
    const v = new Float32Array(DIMENSIONS);
    for (const word of text.toLowerCase().match(/[a-z]+/g) ?? []) {
      let h = 2166136261;
      for (const ch of word) h = Math.imul(h ^ (ch.codePointAt(0) as number), 16777619);
      const bucket = (h >>> 0) % DIMENSIONS;
      v[bucket] = (v[bucket] as number) + 1;
    }
    const norm = Math.hypot(...v);
    return norm === 0 ? v : v.map((x) => x / norm);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

const EXAMPLES: LabelledExample[] = [
  { text: 'where is my order', label: 'order_status' },
  { text: 'my parcel has not arrived yet', label: 'order_status' },
  { text: 'when will my package be delivered', label: 'order_status' },
  { text: 'track my delivery please', label: 'order_status' },
  { text: 'I want my money back', label: 'refund' },
  { text: 'please refund my purchase', label: 'refund' },
  { text: 'how long does a refund take', label: 'refund' },
  { text: 'I was charged twice, refund the extra payment', label: 'refund' },
  { text: 'I lost my card', label: 'card_lost' },
  { text: 'my card was stolen', label: 'card_lost' },
  { text: 'block my card, someone took my wallet', label: 'card_lost' },
];

describe('IntentClassifier', () => {
  it('labels held-out paraphrases by their nearest examples', async () => {
    const classifier = await IntentClassifier.fit(EXAMPLES, new HashedWordsEmbedder());
    expect((await classifier.classify('my package still has not arrived'))?.label).toBe('order_status');
    expect((await classifier.classify('can I get a refund for this purchase'))?.label).toBe('refund');
    expect((await classifier.classify('my wallet was stolen with my card in it'))?.label).toBe('card_lost');
  });

  it('returns null for text unrelated to every example', async () => {
    const classifier = await IntentClassifier.fit(EXAMPLES, new HashedWordsEmbedder());
    expect(await classifier.classify('bonjour quelle heure est il')).toBeNull();
    expect(await classifier.classify('')).toBeNull();
  });

  it('gives a loose match lower confidence than a close one, and the floor turns it into null', async () => {
    const classifier = await IntentClassifier.fit(EXAMPLES, new HashedWordsEmbedder(), { minConfidence: 0 });
    const close = await classifier.classify('my card was stolen');
    const loose = await classifier.classify('the weather is grey and my card feels old today');
    expect(close?.label).toBe('card_lost');
    expect(close?.confidence).toBeGreaterThan(0.5);
    expect(close?.confidence).toBeLessThanOrEqual(1);
    expect(loose).not.toBeNull();
    expect(loose?.confidence).toBeLessThan((close?.confidence ?? 0) / 2);
    const floored = classifier.withOptions({ minConfidence: ((loose?.confidence ?? 0) + (close?.confidence ?? 0)) / 2 });
    expect(await floored.classify('the weather is grey and my card feels old today')).toBeNull();
    expect((await floored.classify('my card was stolen'))?.label).toBe('card_lost');
  });

  it('lets k neighbours outvote the single nearest one', async () => {
    const examples: LabelledExample[] = [
      { text: 'alpha beta gamma', label: 'near' },
      { text: 'alpha beta delta', label: 'many' },
      { text: 'alpha gamma delta', label: 'many' },
      { text: 'alpha beta epsilon', label: 'many' },
    ];
    const embedder = new HashedWordsEmbedder();
    // Lexical-free and linear votes, so the arithmetic is the embedding's alone.
    const classifier = await IntentClassifier.fit(examples, embedder, { lexicalWeight: 0, sharpness: 1, minConfidence: 0 });
    const query = 'alpha beta gamma zeta';
    expect((await classifier.withOptions({ k: 1 }).classify(query))?.label).toBe('near');
    const voted = await classifier.withOptions({ k: 4 }).classify(query);
    expect(voted?.label).toBe('many');
    // 'many' holds 2/3 of the votes (3 × 0.58 against 0.87), times its nearest similarity.
    expect(voted?.confidence).toBeCloseTo((2 / 3) * Math.sqrt(1 / 3), 5);
    // Sharper votes favour the closest neighbour again.
    expect((await classifier.withOptions({ k: 4, sharpness: 16 }).classify(query))?.label).toBe('near');
  });

  it('breaks an exact tie in favour of the label with the nearest example', async () => {
    const examples: LabelledExample[] = [
      { text: 'alpha beta', label: 'first' },
      { text: 'alpha gamma', label: 'second' },
      { text: 'alpha beta gamma', label: 'third' },
    ];
    const classifier = await IntentClassifier.fit(examples.slice(0, 2), new HashedWordsEmbedder(), {
      lexicalWeight: 0,
      k: 2,
      minConfidence: 0,
    });
    // 'alpha' is equally close to both examples: the tie goes to the earlier one, every time, at half the votes.
    const tied = await classifier.classify('alpha');
    expect(tied?.label).toBe('first');
    expect(tied?.confidence).toBeCloseTo(0.5 * Math.SQRT1_2, 5);
    const reordered = await IntentClassifier.fit([examples[1]!, examples[0]!], new HashedWordsEmbedder(), {
      lexicalWeight: 0,
      k: 2,
      minConfidence: 0,
    });
    expect((await reordered.classify('alpha'))?.label).toBe('second');
    // An exact duplicate of an example wins outright over the near-tie.
    const three = await IntentClassifier.fit(examples, new HashedWordsEmbedder(), { lexicalWeight: 0, k: 3, minConfidence: 0 });
    expect((await three.classify('alpha beta gamma'))?.label).toBe('third');
  });

  it('classifyMany equals classify per text, embedding in batches', async () => {
    const embedder = new HashedWordsEmbedder();
    const classifier = await IntentClassifier.fit(EXAMPLES, embedder);
    // Fitting embeds in batches of at most embedder.batchSize.
    expect(embedder.calls).toEqual([3, 3, 3, 2]);
    embedder.calls.length = 0;
    const texts = ['where is my parcel', 'refund me', 'stolen card', 'nothing to see here', 'track my package', 'lost wallet'];
    const many = await classifier.classifyMany(texts);
    expect(embedder.calls).toEqual([3, 3]);
    const one = await Promise.all(texts.map((t) => classifier.classify(t)));
    expect(many).toEqual(one);
    expect(many.map((m) => m?.label ?? null)).toEqual(['order_status', 'refund', 'card_lost', null, 'order_status', 'card_lost']);
  });

  it('matches words the embedding cannot see through the lexical side', async () => {
    // An embedder that sees nothing: every text gets the same vector.
    const blind: Embedder = {
      id: 'test:blind',
      dimensions: 2,
      batchSize: 8,
      embed: (texts) => Promise.resolve(texts.map(() => Float32Array.of(1, 0))),
      close: () => Promise.resolve(),
    };
    const classifier = await IntentClassifier.fit(EXAMPLES, blind, { minConfidence: 0 });
    expect((await classifier.classify('refunded purchases'))?.label).toBe('refund');
    // Embedding alone sees every example as equally close: the first intent wins the tie, not 'refund'.
    expect((await classifier.withOptions({ lexicalWeight: 0 }).classify('refunded purchases'))?.label).toBe('order_status');
    // Lexical-only needs no embedding at all.
    const lexicalOnly = classifier.withOptions({ lexicalWeight: 1 });
    expect(await lexicalOnly.classifyMany(['stolen wallet', 'zzz'])).toEqual([
      { label: 'card_lost', confidence: expect.any(Number) },
      null,
    ]);
  });

  it('builds from precomputed vectors exactly as fit does', async () => {
    const embedder = new HashedWordsEmbedder();
    const fitted = await IntentClassifier.fit(EXAMPLES, embedder);
    const built = IntentClassifier.fromVectors(
      EXAMPLES,
      EXAMPLES.map((e) => embedder.vectorOf(e.text)),
      embedder,
    );
    const texts = ['parcel delivered when', 'money back please', 'card gone'];
    expect(await built.classifyMany(texts)).toEqual(await fitted.classifyMany(texts));
    expect(built.labels).toEqual(['order_status', 'refund', 'card_lost']);
    expect(built.size).toBe(EXAMPLES.length);
    expect(() => IntentClassifier.fromVectors(EXAMPLES, [embedder.vectorOf('x')], embedder)).toThrow(/expected 11 vectors/);
    expect(() => IntentClassifier.fromVectors(EXAMPLES.slice(0, 1), [new Float32Array(3)], embedder)).toThrow(/dimensions/);
    expect(() => fitted.withOptions({ k: 0 })).toThrow(/k must be/);
  });
});
