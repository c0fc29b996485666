import { describe, expect, it } from 'vitest';
import { normalise, VectorIndex } from './vectorIndex.js';

function randomVectors(n: number, dims: number, seed: number): Float32Array[] {
  let s = seed;
  const rnd = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  };
  return Array.from({ length: n }, () => normalise(Float32Array.from({ length: dims }, rnd)));
}

function exactTop(vectors: Float32Array[], query: Float32Array, k: number): number[] {
  return vectors
    .map((v, i) => [i, v.reduce((acc, x, j) => acc + x * (query[j] as number), 0)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([i]) => i);
}

describe('VectorIndex', () => {
  it('finds exact neighbours in a small collection and honours removals and filters', () => {
    const index = new VectorIndex(3);
    index.set(0, [1, 0, 0]);
    index.set(1, [0, 2, 0]);
    index.set(2, [0.9, 0.1, 0]);
    expect(index.search(normalise([1, 0, 0]), 2).map(([s]) => s)).toEqual([0, 2]);
    index.remove(0);
    expect(index.search(normalise([1, 0, 0]), 1).map(([s]) => s)).toEqual([2]);
    expect(index.search(normalise([1, 0, 0]), 2, (slot) => slot !== 2).map(([s]) => s)).toEqual([1]);
    expect(index.size).toBe(2);
    expect(() => index.set(3, [1, 2])).toThrow(/3 dimensions/);
  });

  it.each([6000, 20_000])('keeps most of the true neighbours of %i clustered vectors searched through sketches', (n) => {
    const dims = 128;
    // Embeddings cluster by topic; model that with 60 topic centres and per-document noise.
    const centres = randomVectors(60, dims, 3);
    const noise = randomVectors(n, dims, 7);
    const vectors = noise.map((v, i) => normalise(centres[i % 60]!.map((x, j) => x + 0.8 * (v[j] as number))));
    const index = new VectorIndex(dims);
    vectors.forEach((v, i) => index.set(i, v));
    // Queries near stored vectors, as real queries are near their answers.
    let found = 0;
    const queries = 20;
    for (let q = 0; q < queries; q++) {
      const noise = randomVectors(1, dims, 100 + q)[0]!;
      const target = vectors[(q * 997) % n]!;
      const query = normalise(target.map((x, j) => x + 0.5 * (noise[j] as number)));
      const truth = new Set(exactTop(vectors, query, 10));
      found += index.search(query, 10).filter(([slot]) => truth.has(slot)).length;
    }
    expect(found / (queries * 10)).toBeGreaterThan(0.9);
  });
});
