/**
 * One embedding per query text, whoever asks: the assist pipeline embeds the same ticket text for
 * retrieval and for intent detection at the same moment, and the local embedder runs one batch
 * at a time. Single-text calls share an in-flight or recent result; batches pass straight through.
 */
import type { Embedder } from './embedder.js';

const RECENT = 256;

export function sharedQueryEmbedder(inner: Embedder): Embedder {
  const recent = new Map<string, Promise<Float32Array>>();
  return {
    get id() {
      return inner.id;
    },
    get dimensions() {
      return inner.dimensions;
    },
    get batchSize() {
      return inner.batchSize;
    },
    async embed(texts: readonly string[]): Promise<Float32Array[]> {
      if (texts.length !== 1) return inner.embed(texts);
      const text = texts[0] as string;
      let vector = recent.get(text);
      if (vector === undefined) {
        vector = inner.embed([text]).then((v) => v[0] as Float32Array);
        recent.set(text, vector);
        // A failed embedding is not remembered; the oldest entry makes room.
        vector.catch(() => recent.delete(text));
        if (recent.size > RECENT) recent.delete(recent.keys().next().value as string);
      }
      return [await vector];
    },
    close: () => inner.close(),
  };
}
