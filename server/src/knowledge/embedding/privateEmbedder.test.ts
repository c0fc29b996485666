import { describe, expect, it } from 'vitest';
import type { Embedder } from './embedder.js';
import { privateEmbedder } from './privateEmbedder.js';

/** Records the texts it is asked to embed. */
function recording(id: string): Embedder & { seen: string[] } {
  const seen: string[] = [];
  return {
    id,
    dimensions: 2,
    batchSize: 8,
    seen,
    embed(texts) {
      seen.push(...texts);
      return Promise.resolve(texts.map(() => new Float32Array([1, 0])));
    },
    close: () => Promise.resolve(),
  };
}

const text = 'Hi, my name is Lena Park, card ４１１１\u200b1111 1111 1111, mail lena@example.org.';

describe('privateEmbedder', () => {
  it('sends a remote embedder placeholders instead of the personal data, normalised', async () => {
    const inner = recording('openai:text-embedding-3-small');
    const vectors = await privateEmbedder(inner).embed([text, 'Refund policy']);
    expect(vectors).toHaveLength(2);
    expect(inner.seen).toEqual(['Hi, my name is [NAME_1], card [CARD_1], mail [EMAIL_1].', 'Refund policy']);
  });

  it('gives a local embedder the normalised text with its names and numbers', async () => {
    const inner = recording('use-lite@0.2.0');
    await privateEmbedder(inner).embed([text]);
    expect(inner.seen).toEqual(['Hi, my name is Lena Park, card 41111111 1111 1111, mail lena@example.org.']);
  });

  it('keeps the inner embedder’s identity, so stored vectors still match it', () => {
    const inner = recording('openai:m');
    const wrapped = privateEmbedder(inner);
    expect([wrapped.id, wrapped.dimensions, wrapped.batchSize]).toEqual(['openai:m', 2, 8]);
  });
});
