import { describe, expect, it } from 'vitest';
import { EmbedderError, type Embedder } from '../../knowledge/embedding/embedder.js';
import { HashedWordsEmbedder } from '../../testing/hashedWordsEmbedder.js';
import { IntentClassifier } from './intentClassifier.js';
import { classifyWith, startupIntents } from './startupIntents.js';
import { SUPPORT_INTENT_EXAMPLES } from './supportIntents.js';

/** An embedder that answers only when released (or fails), like a model still loading. */
class HeldEmbedder implements Embedder {
  readonly id = 'test:held';
  readonly batchSize = 64;
  readonly dimensions = 64;
  readonly #inner = new HashedWordsEmbedder(64);
  #release: (() => void) | undefined;
  #fail: ((error: unknown) => void) | undefined;
  readonly #gate = new Promise<void>((resolve, reject) => {
    this.#release = resolve;
    this.#fail = reject;
  });

  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    await this.#gate;
    return this.#inner.embed(texts);
  }

  release(): void {
    this.#release?.();
  }

  fail(): void {
    this.#fail?.(new EmbedderError('UPSTREAM_FAILED', 'model could not load'));
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

describe('startupIntents', () => {
  it('answers from the first call, before any example is embedded, then switches to the fused classifier', async () => {
    const embedder = new HeldEmbedder();
    const intents = startupIntents(SUPPORT_INTENT_EXAMPLES, embedder);
    expect(intents.stage).toBe('lexical');
    expect((await intents.classify('Where is my order? It has not arrived yet'))?.label).toBe('order_status');
    expect((await intents.classify('My card was stolen, please block it'))?.label).toBe('card_lost_or_stolen');

    embedder.release();
    expect(await intents.settled).toBe('fused');
    expect(intents.stage).toBe('fused');
    expect((await intents.classify('Where is my order? It has not arrived yet'))?.label).toBe('order_status');
  });

  it('keeps the lexical classifier when the examples cannot be embedded, and says why', async () => {
    const embedder = new HeldEmbedder();
    const errors: unknown[] = [];
    const intents = startupIntents(SUPPORT_INTENT_EXAMPLES, embedder, (error) => errors.push(error));
    embedder.fail();
    expect(await intents.settled).toBe('lexical');
    expect(errors).toHaveLength(1);
    expect((await intents.classify('I want a refund for my last purchase'))?.label).toBe('refund_request');
  });

  it('classifies without any embedder at all', async () => {
    const intents = startupIntents(SUPPORT_INTENT_EXAMPLES, undefined);
    expect(await intents.settled).toBe('lexical');
    expect((await intents.classify('How do I return an item?'))?.label).toBe('return_item');
  });

  it('lets the lexical classifier answer where the fused one abstains', async () => {
    const abstaining = await IntentClassifier.fit(SUPPORT_INTENT_EXAMPLES, new HashedWordsEmbedder(64), { minConfidence: 1.01 });
    const lexical = IntentClassifier.lexical(SUPPORT_INTENT_EXAMPLES, { minConfidence: 0.1 });
    expect(await abstaining.classify('Where is my order?')).toBeNull();
    expect((await classifyWith(abstaining, lexical, 'Where is my order?'))?.label).toBe('order_status');
    expect((await classifyWith(undefined, lexical, 'Where is my order?'))?.label).toBe('order_status');
  });

  it('abstains on text that shares no words with any example', async () => {
    const intents = startupIntents(SUPPORT_INTENT_EXAMPLES, undefined);
    expect(await intents.classify('zzz qqq')).toBeNull();
  });
});
