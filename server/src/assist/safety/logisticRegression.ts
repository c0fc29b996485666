/**
 * Fits a logistic regression with L2 on the weights (not the bias): by full-batch gradient descent
 * (`fitLogistic`), or to the optimum by Newton's method (`fitLogisticNewton`: the injection
 * classifier's fit, so a rare feature's weight is not left short by a fixed number of epochs).
 * Small and dependency-free on purpose: the injection classifier has a few dozen features and a
 * few thousand training rows, and the fit must be reproducible (no randomness: weights start at
 * zero, the data order does not matter).
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

export interface NewtonOptions {
  /** L2 strength on the weights: the objective is the mean log-loss plus l2 / 2 × ‖w‖². */
  l2: number;
  /** At most this many Newton steps; it usually converges in about ten. */
  maxIterations?: number;
}

/** Mean log-loss of the rows plus the L2 term; `w[0]` is the bias. */
function objective(rows: readonly (readonly number[])[], labels: readonly number[], w: readonly number[], l2: number): number {
  let loss = 0;
  for (let i = 0; i < rows.length; i += 1) {
    const x = rows[i] as readonly number[];
    let z = w[0] as number;
    for (let j = 0; j < x.length; j += 1) z += (w[j + 1] as number) * (x[j] as number);
    // log(1 + e^z) − y·z, computed without overflow.
    loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - (labels[i] as number) * z;
  }
  let penalty = 0;
  for (let j = 1; j < w.length; j += 1) penalty += (w[j] as number) ** 2;
  return loss / rows.length + (l2 / 2) * penalty;
}

/** Solves `a · x = b` for a symmetric positive definite `a` (Cholesky); `a` and `b` are not changed. */
function solveSpd(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const l = a.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let sum = (a[i] as readonly number[])[j] as number;
      for (let k = 0; k < j; k += 1) sum -= ((l[i] as number[])[k] as number) * ((l[j] as number[])[k] as number);
      if (i === j) (l[i] as number[])[i] = Math.sqrt(Math.max(sum, 1e-12));
      else (l[i] as number[])[j] = sum / ((l[j] as number[])[j] as number);
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i += 1) {
    let sum = b[i] as number;
    for (let k = 0; k < i; k += 1) sum -= ((l[i] as number[])[k] as number) * (y[k] as number);
    y[i] = sum / ((l[i] as number[])[i] as number);
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i -= 1) {
    let sum = y[i] as number;
    for (let k = i + 1; k < n; k += 1) sum -= ((l[k] as number[])[i] as number) * (x[k] as number);
    x[i] = sum / ((l[i] as number[])[i] as number);
  }
  return x;
}

/**
 * The L2-regularised logistic regression's optimum, by Newton's method with step halving (the
 * objective is convex; with l2 > 0 it has one minimum). Deterministic: starts at zero.
 */
export function fitLogisticNewton(rows: readonly (readonly number[])[], labels: readonly number[], options: NewtonOptions): FittedLogistic {
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  if (n === 0 || labels.length !== n) throw new Error('fitLogisticNewton needs one label per row and at least one row');
  if (!(options.l2 > 0)) throw new Error('fitLogisticNewton needs l2 > 0 (without it a separable corpus has no optimum)');
  const size = d + 1;
  let w = new Array<number>(size).fill(0);
  let current = objective(rows, labels, w, options.l2);
  for (let iteration = 0; iteration < (options.maxIterations ?? 50); iteration += 1) {
    const gradient = new Array<number>(size).fill(0);
    const hessian = Array.from({ length: size }, () => new Array<number>(size).fill(0));
    for (let i = 0; i < n; i += 1) {
      const x = rows[i] as readonly number[];
      let z = w[0] as number;
      for (let j = 0; j < d; j += 1) z += (w[j + 1] as number) * (x[j] as number);
      const p = sigmoid(z);
      const error = p - (labels[i] as number);
      const weight = p * (1 - p);
      const xi = [1, ...x];
      for (let j = 0; j < size; j += 1) {
        const xj = xi[j] as number;
        if (xj === 0) continue;
        gradient[j] = (gradient[j] as number) + error * xj;
        const row = hessian[j] as number[];
        for (let k = 0; k <= j; k += 1) row[k] = (row[k] as number) + weight * xj * (xi[k] as number);
      }
    }
    for (let j = 0; j < size; j += 1) {
      gradient[j] = (gradient[j] as number) / n + (j === 0 ? 0 : options.l2 * (w[j] as number));
      const row = hessian[j] as number[];
      for (let k = 0; k <= j; k += 1) {
        row[k] = (row[k] as number) / n + (j === k && j > 0 ? options.l2 : 0);
        (hessian[k] as number[])[j] = row[k] as number;
      }
      // The bias's own curvature can vanish when every row is predicted exactly: keep it invertible.
      if (j === 0) row[0] = Math.max(row[0] as number, 1e-9);
    }
    const step = solveSpd(hessian, gradient);
    let scale = 1;
    let next = w.map((v, j) => v - (step[j] as number));
    let value = objective(rows, labels, next, options.l2);
    while (value > current && scale > 1e-6) {
      scale /= 2;
      next = w.map((v, j) => v - scale * (step[j] as number));
      value = objective(rows, labels, next, options.l2);
    }
    const improvement = current - value;
    if (value <= current) {
      w = next;
      current = value;
    }
    if (improvement < 1e-12) break;
  }
  return { bias: w[0] as number, weights: w.slice(1) };
}

/**
 * `fitLogisticNewton` with some weights kept at zero or above (`nonNegative[j]`): an active set —
 * fit, hold the most negative constrained weight at zero, fit again, until none is negative. For
 * the injection classifier a cue that says what an instruction wants must never lower the score:
 * when such a cue only fires beside stronger ones in the training data, an unconstrained fit can
 * give it a negative weight, and then the same cue alone in new text would count against a flag.
 */
export function fitLogisticNonNegative(
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  options: NewtonOptions,
  nonNegative: readonly boolean[],
): FittedLogistic {
  const d = rows[0]?.length ?? 0;
  const held = new Set<number>();
  for (;;) {
    const free = [...Array(d).keys()].filter((j) => !held.has(j));
    const fitted = fitLogisticNewton(
      rows.map((x) => free.map((j) => x[j] ?? 0)),
      labels,
      options,
    );
    const weights = new Array<number>(d).fill(0);
    free.forEach((j, k) => (weights[j] = fitted.weights[k] ?? 0));
    let worst = -1;
    for (const j of free)
      if (nonNegative[j] && (weights[j] as number) < 0 && (worst < 0 || (weights[j] as number) < (weights[worst] as number))) worst = j;
    if (worst < 0) return { bias: fitted.bias, weights };
    held.add(worst);
  }
}
