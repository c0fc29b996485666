/**
 * A deterministic embedder for tests: a bag of words hashed into a unit vector, so texts sharing
 * words are close. It records every text it was asked to embed, and can be made to fail, so
 * tests can check what reached the embedder and how callers cope with an outage.
 */
import { EmbedderError, type Embedder } from '../knowledge/embedding/embedder.js';

export class HashedWordsEmbedder implements Embedder {
  readonly id = 'test:hashed-words';
  readonly batchSize = 16;
  /** Every text embedded so far, in order. */
  readonly seen: string[] = [];
  /** While set, every call fails as an unreachable provider would. */
  failing = false;

  constructor(readonly dimensions = 64) {}

  embed(texts: readonly string[]): Promise<Float32Array[]> {
    if (this.failing) return Promise.reject(new EmbedderError('UPSTREAM_FAILED', 'test embedder is down'));
    this.seen.push(...texts);
    return Promise.resolve(texts.map((t) => this.vectorOf(t)));
  }

  vectorOf(text: string): Float32Array {
    const v = new Float32Array(this.dimensions);
    for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
      let h = 2166136261;
      for (const ch of word) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16777619);
      const bucket = (h >>> 0) % this.dimensions;
      v[bucket] = (v[bucket] ?? 0) + 1;
    }
    const norm = Math.hypot(...v);
    return norm === 0 ? v : v.map((x) => x / norm);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
