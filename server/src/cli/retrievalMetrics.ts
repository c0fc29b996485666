/**
 * Retrieval metrics over labelled queries: recall@k (share of a query's relevant documents in
 * the top k, averaged over answerable queries), MRR, and the top-score distribution of queries
 * the knowledge base cannot answer (to set confidence thresholds).
 */
export interface JudgedQuery {
  id: string;
  relevant: readonly string[];
  /** Ranked document ids the engine returned. */
  ranked: readonly string[];
  topScore: number;
  latencyMs: number;
}

export interface RetrievalReport {
  queries: number;
  answerable: number;
  recall: Record<string, number>;
  hitRate: Record<string, number>;
  mrr: number;
  latencyMs: { p50: number; p95: number; max: number };
  unanswerableTopScore: { n: number; p50: number; p90: number; max: number } | null;
  answerableTopScore: { p10: number; p50: number } | null;
  misses: { id: string; missing: string[]; top: string[] }[];
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

export function retrievalReport(judged: readonly JudgedQuery[], ks: readonly number[] = [1, 3, 5, 10], missAt = 5): RetrievalReport {
  const answerable = judged.filter((q) => q.relevant.length > 0);
  const recall: Record<string, number> = {};
  const hitRate: Record<string, number> = {};
  for (const k of ks) {
    let sum = 0;
    let hits = 0;
    for (const q of answerable) {
      const top = new Set(q.ranked.slice(0, k));
      const found = q.relevant.filter((r) => top.has(r)).length;
      sum += found / q.relevant.length;
      if (found > 0) hits += 1;
    }
    recall[`@${k}`] = answerable.length === 0 ? 0 : round(sum / answerable.length);
    hitRate[`@${k}`] = answerable.length === 0 ? 0 : round(hits / answerable.length);
  }
  const mrr =
    answerable.length === 0
      ? 0
      : answerable.reduce((acc, q) => {
          const rank = q.ranked.findIndex((id) => q.relevant.includes(id));
          return acc + (rank === -1 ? 0 : 1 / (rank + 1));
        }, 0) / answerable.length;
  const latencies = judged.map((q) => q.latencyMs);
  const unanswerable = judged.filter((q) => q.relevant.length === 0).map((q) => q.topScore);
  const answeredScores = answerable.map((q) => q.topScore);
  return {
    queries: judged.length,
    answerable: answerable.length,
    recall,
    hitRate,
    mrr: round(mrr),
    latencyMs: {
      p50: round(percentile(latencies, 50), 2),
      p95: round(percentile(latencies, 95), 2),
      max: round(Math.max(0, ...latencies), 2),
    },
    unanswerableTopScore:
      unanswerable.length === 0
        ? null
        : {
            n: unanswerable.length,
            p50: round(percentile(unanswerable, 50)),
            p90: round(percentile(unanswerable, 90)),
            max: round(Math.max(...unanswerable)),
          },
    answerableTopScore:
      answeredScores.length === 0 ? null : { p10: round(percentile(answeredScores, 10)), p50: round(percentile(answeredScores, 50)) },
    misses: answerable
      .map((q) => ({ id: q.id, missing: q.relevant.filter((r) => !q.ranked.slice(0, missAt).includes(r)), top: q.ranked.slice(0, missAt) }))
      .filter((m) => m.missing.length > 0),
  };
}
