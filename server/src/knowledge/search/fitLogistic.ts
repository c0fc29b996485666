/**
 * A weighted, L2-regularised logistic regression fitted by full-batch gradient descent: small
 * enough to read, deterministic (no random start), and all the ticket ranker needs for a few
 * hundred labelled candidates per split.
 */

export interface LogisticRow {
  x: readonly number[];
  /** 1 relevant, 0 not. */
  y: 0 | 1;
  /** Sample weight (e.g. balancing tickets with many candidates); default 1. */
  w?: number;
}

export interface LogisticFit {
  bias: number;
  weights: number[];
  /** Mean weighted log loss on the rows it was fitted on. */
  loss: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function fitLogistic(rows: readonly LogisticRow[], options: { l2: number; learningRate?: number; epochs?: number }): LogisticFit {
  const dims = rows[0]?.x.length ?? 0;
  const lr = options.learningRate ?? 0.5;
  const epochs = options.epochs ?? 2000;
  const weights = new Array<number>(dims).fill(0);
  let bias = 0;
  const total = rows.reduce((s, r) => s + (r.w ?? 1), 0) || 1;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Array<number>(dims).fill(0);
    let gradBias = 0;
    for (const row of rows) {
      let z = bias;
      for (let d = 0; d < dims; d++) z += (weights[d] as number) * (row.x[d] as number);
      const err = ((sigmoid(z) - row.y) * (row.w ?? 1)) / total;
      gradBias += err;
      for (let d = 0; d < dims; d++) grad[d] = (grad[d] as number) + err * (row.x[d] as number);
    }
    bias -= lr * gradBias;
    for (let d = 0; d < dims; d++) weights[d] = (weights[d] as number) - lr * ((grad[d] as number) + options.l2 * (weights[d] as number));
  }
  let loss = 0;
  for (const row of rows) {
    let z = bias;
    for (let d = 0; d < dims; d++) z += (weights[d] as number) * (row.x[d] as number);
    const p = Math.min(1 - 1e-12, Math.max(1e-12, sigmoid(z)));
    loss -= (row.w ?? 1) * (row.y === 1 ? Math.log(p) : Math.log(1 - p));
  }
  return { bias, weights, loss: loss / total };
}
