import { describe, expect, it } from 'vitest';
import { percentile, retrievalReport } from './retrievalMetrics.js';

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
});
