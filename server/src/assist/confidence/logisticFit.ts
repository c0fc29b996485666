/**
 * Fits the answer-confidence model: features standardised on the training rows, then a logistic
 * regression with L2 by full-batch gradient descent (a few hundred rows, so this is instant and
 * deterministic). Used by the fit script only; the draft pipeline just applies the weights.
 */
export interface LogisticFit {
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

export interface FitOptions {
  l2: number;
  epochs?: number;
  learningRate?: number;
}

export function fitLogistic(rows: readonly (readonly number[])[], labels: readonly number[], options: FitOptions): LogisticFit {
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  const mean = Array.from({ length: d }, (_, j) => rows.reduce((s, r) => s + (r[j] ?? 0), 0) / Math.max(1, n));
  const scale = mean.map((m, j) => {
    const variance = rows.reduce((s, r) => s + ((r[j] ?? 0) - m) ** 2, 0) / Math.max(1, n);
    // A constant feature keeps scale 1 (and gets weight 0 from the L2 term).
    return variance > 1e-12 ? Math.sqrt(variance) : 1;
  });
  const xs = rows.map((r) => r.map((v, j) => (v - (mean[j] ?? 0)) / (scale[j] ?? 1)));
  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  const epochs = options.epochs ?? 3000;
  const rate = options.learningRate ?? 0.3;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const grad = new Array<number>(d).fill(0);
    let gradBias = 0;
    xs.forEach((x, i) => {
      let z = bias;
      for (let j = 0; j < d; j++) z += (weights[j] ?? 0) * (x[j] ?? 0);
      const err = 1 / (1 + Math.exp(-z)) - (labels[i] ?? 0);
      for (let j = 0; j < d; j++) grad[j] = (grad[j] ?? 0) + err * (x[j] ?? 0);
      gradBias += err;
    });
    for (let j = 0; j < d; j++) weights[j] = (weights[j] ?? 0) - rate * ((grad[j] ?? 0) / n + options.l2 * (weights[j] ?? 0));
    bias -= (rate * gradBias) / n;
  }
  return { mean, scale, weights, bias };
}

export function predictLogistic(fit: LogisticFit, x: readonly number[]): number {
  let z = fit.bias;
  fit.weights.forEach((w, j) => {
    z += (w * ((x[j] ?? 0) - (fit.mean[j] ?? 0))) / (fit.scale[j] ?? 1);
  });
  return 1 / (1 + Math.exp(-z));
}
