/**
 * Retrieval metrics over labelled queries. A query's `relevant` documents are the ones that
 * answer it (primary); `grades` may add documents that only help (grade 1 against primary's 2).
 *
 * - hit@k: share of answerable queries with at least one relevant document in the top k.
 * - recall@k: share of a query's relevant documents in the top k, averaged over answerable queries.
 * - MRR: mean reciprocal rank of the first relevant document (0 when none is returned).
 * - nDCG@10: graded gain (2^grade − 1) with a log2 rank discount, against the ideal ordering of
 *   every graded document; without grades, relevant documents have grade 1.
 * - The top-score distribution of queries the knowledge base cannot answer (to set thresholds).
 */
export interface JudgedQuery {
  id: string;
  relevant: readonly string[];
  /** Graded relevance (1 helps, 2 answers); relevant documents missing here count as grade 1. */
  grades?: ReadonlyMap<string, number> | undefined;
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
  ndcg10: number;
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

function gradeOf(q: JudgedQuery, id: string): number {
  const graded = q.grades?.get(id);
  if (graded !== undefined) return graded;
  return q.relevant.includes(id) ? 1 : 0;
}

/** nDCG at `k` of one query; documents the engine returned twice count once. */
export function ndcgAt(q: JudgedQuery, k: number): number {
  const gain = (grade: number) => 2 ** grade - 1;
  const seen = new Set<string>();
  let dcg = 0;
  for (const [rank, id] of q.ranked.slice(0, k).entries()) {
    if (seen.has(id)) continue;
    seen.add(id);
    dcg += gain(gradeOf(q, id)) / Math.log2(rank + 2);
  }
  const ideal = [...new Set([...q.relevant, ...(q.grades?.keys() ?? [])])]
    .map((id) => gradeOf(q, id))
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((acc, grade, rank) => acc + gain(grade) / Math.log2(rank + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

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
  const mean = (f: (q: JudgedQuery) => number) =>
    answerable.length === 0 ? 0 : answerable.reduce((acc, q) => acc + f(q), 0) / answerable.length;
  const mrr = mean((q) => {
    const rank = q.ranked.findIndex((id) => q.relevant.includes(id));
    return rank === -1 ? 0 : 1 / (rank + 1);
  });
  const latencies = judged.map((q) => q.latencyMs);
  const unanswerable = judged.filter((q) => q.relevant.length === 0).map((q) => q.topScore);
  const answeredScores = answerable.map((q) => q.topScore);
  return {
    queries: judged.length,
    answerable: answerable.length,
    recall,
    hitRate,
    mrr: round(mrr),
    ndcg10: round(mean((q) => ndcgAt(q, 10))),
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
