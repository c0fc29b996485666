/**
 * Groups unanswered questions by meaning with the server's query embedder (the seam the widget's
 * semantic cache uses): each question, in the order given, joins the cluster whose centroid it is
 * closest to if the cosine reaches `minSimilarity`, else starts one. The same questions in the same
 * order give the same clusters, so the gap finder does not reshuffle between refreshes.
 */
import { summariseClusters, type QuestionCluster, type UnansweredQuestion } from './clusterQuestions.js';

/** What clustering needs of an embedder: unit-length vectors in the order of the texts. */
export interface QuestionEmbedder {
  readonly id: string;
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

const BATCH = 64;

export async function clusterByEmbedding(
  questions: readonly UnansweredQuestion[],
  embedder: QuestionEmbedder,
  options: { minSimilarity?: number | undefined } = {},
): Promise<QuestionCluster[]> {
  // USE-lite puts wordless rephrasings near 0.5 and unrelated support questions near 0.3 or below
  // (a six-sentence probe of our own writing; not tuned on labelled data).
  const minSimilarity = options.minSimilarity ?? 0.45;
  const vectors: Float32Array[] = [];
  for (let i = 0; i < questions.length; i += BATCH) {
    const batch = questions.slice(i, i + BATCH).map((q) => q.text);
    const out = await embedder.embed(batch);
    if (out.length !== batch.length) throw new Error(`embedder ${embedder.id} returned ${out.length} vectors for ${batch.length} texts`);
    vectors.push(...out);
  }
  const clusters: { sum: Float64Array; members: UnansweredQuestion[] }[] = [];
  questions.forEach((q, i) => {
    const v = vectors[i] ?? new Float32Array(0);
    let best: (typeof clusters)[number] | undefined;
    let bestScore = minSimilarity;
    for (const c of clusters) {
      const score = cosine(v, c.sum);
      if (score >= bestScore && (best === undefined || score > bestScore)) {
        best = c;
        bestScore = score;
      }
    }
    if (best === undefined) clusters.push((best = { sum: new Float64Array(v.length), members: [] }));
    best.members.push(q);
    const sum = best.sum;
    v.forEach((x, d) => {
      sum[d] = (sum[d] ?? 0) + x;
    });
  });
  return summariseClusters(clusters.map((c) => c.members));
}

/** Cosine against a centroid kept as a sum (the sum's length normalises it). */
function cosine(v: Float32Array, sum: Float64Array): number {
  let dot = 0;
  let vv = 0;
  let ss = 0;
  v.forEach((x, d) => {
    const s = sum[d] ?? 0;
    dot += x * s;
    vv += x * x;
    ss += s * s;
  });
  return vv === 0 || ss === 0 ? 0 : dot / Math.sqrt(vv * ss);
}
