import { describe, expect, it } from 'vitest';
import { ndcgAt, percentile, retrievalReport } from './retrievalMetrics.js';

describe('retrievalReport', () => {
  const judged = [
    { id: 'a', relevant: ['d1'], ranked: ['d1', 'd2'], topScore: 0.9, latencyMs: 2 },
    { id: 'b', relevant: ['d3', 'd4'], ranked: ['d9', 'd3', 'd8', 'd7', 'd6', 'd4'], topScore: 0.6, latencyMs: 4 },
    { id: 'c', relevant: [], ranked: ['d5'], topScore: 0.2, latencyMs: 6 },
  ];

  it('computes recall@k over answerable queries only, with partial credit', () => {
    const r = retrievalReport(judged);
    expect(r.answerable).toBe(2);
    expect(r.recall['@1']).toBe(0.5);
    expect(r.recall['@5']).toBe(0.75);
    expect(r.recall['@10']).toBe(1);
    expect(r.hitRate['@3']).toBe(1);
    expect(r.mrr).toBe(0.75);
    expect(r.misses).toEqual([{ id: 'b', missing: ['d4'], top: ['d9', 'd3', 'd8', 'd7', 'd6'] }]);
  });

  it('reports the top scores of unanswerable queries separately', () => {
    expect(retrievalReport(judged).unanswerableTopScore).toEqual({ n: 1, p50: 0.2, p90: 0.2, max: 0.2 });
  });

  it('uses nearest-rank percentiles', () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)).toBe(10);
    expect(percentile([], 50)).toBe(0);
  });

  it('scores nDCG@10 with graded relevance against the ideal ordering', () => {
    const grades = new Map([
      ['p', 2],
      ['h', 1],
    ]);
    const perfect = { id: 'x', relevant: ['p'], grades, ranked: ['p', 'h'], topScore: 1, latencyMs: 1 };
    const swapped = { ...perfect, ranked: ['h', 'p'] };
    expect(ndcgAt(perfect, 10)).toBe(1);
    // DCG 1 + 3/log2(3) against the ideal 3 + 1/log2(3).
    expect(ndcgAt(swapped, 10)).toBeCloseTo((1 + 3 / Math.log2(3)) / (3 + 1 / Math.log2(3)), 6);
    expect(ndcgAt({ ...perfect, ranked: ['z', 'y'] }, 10)).toBe(0);
  });

  it('treats relevant documents as grade 1 without grades, and counts a repeated document once', () => {
    const q = { id: 'y', relevant: ['a'], ranked: ['a', 'a', 'b'], topScore: 1, latencyMs: 1 };
    expect(ndcgAt(q, 10)).toBe(1);
    expect(retrievalReport([q, { ...q, id: 'z', ranked: ['b', 'a'] }]).ndcg10).toBe(0.815);
  });
});
