/**
 * Fits a logistic regression by full-batch gradient descent with L2 on the weights (not the bias).
 * Small and dependency-free on purpose: the injection classifier has a few dozen features and
 * about a thousand training rows, and the fit must be reproducible (no randomness: weights start
 * at zero, the data order does not matter).
 */

export interface FitOptions {
  /** L2 strength on the weights. */
  l2: number;
  learningRate: number;
  epochs: number;
}

export interface FittedLogistic {
  bias: number;
  weights: number[];
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function predictLogistic(model: FittedLogistic, x: readonly number[]): number {
  let z = model.bias;
  for (let j = 0; j < model.weights.length; j += 1) z += (model.weights[j] ?? 0) * (x[j] ?? 0);
  return sigmoid(z);
}

/** `rows` are feature vectors of equal length; `labels` are 0 or 1. */
export function fitLogistic(rows: readonly (readonly number[])[], labels: readonly number[], options: FitOptions): FittedLogistic {
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  if (n === 0 || labels.length !== n) throw new Error('fitLogistic needs one label per row and at least one row');
  const model: FittedLogistic = { bias: 0, weights: new Array<number>(d).fill(0) };
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    let gradBias = 0;
    const grad = new Array<number>(d).fill(0);
    for (let i = 0; i < n; i += 1) {
      const x = rows[i] as readonly number[];
      const error = predictLogistic(model, x) - (labels[i] as number);
      gradBias += error;
      for (let j = 0; j < d; j += 1) grad[j] = (grad[j] as number) + error * (x[j] ?? 0);
    }
    model.bias -= (options.learningRate * gradBias) / n;
    for (let j = 0; j < d; j += 1) {
      const w = model.weights[j] as number;
      model.weights[j] = w - options.learningRate * ((grad[j] as number) / n + options.l2 * w);
    }
  }
  return model;
}
