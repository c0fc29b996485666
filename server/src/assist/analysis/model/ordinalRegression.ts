/**
 * Ordinal logistic regression (proportional odds): one weight per feature and K − 1 ordered cut
 * points for K ordered classes (negative < neutral < positive; none < some < high; low < normal <
 * high < critical). A text's latent score is the weighted sum of its features; P(class ≤ k) =
 * σ(cut_k − score). One weight per feature and head keeps the model readable ("a repeat contact
 * adds 1.4 to frustration") and makes the predicted class move in one direction with the score.
 *
 * Fitted by full-batch gradient descent with momentum on the negative log-likelihood plus L2 on
 * the weights (not the cut points). Deterministic: weights start at zero and the data order does
 * not matter. Small on purpose: tens of features, a few hundred rows.
 */

export interface OrdinalModel {
  /** One weight per feature, in the order of the rows' features. */
  weights: number[];
  /** K − 1 increasing cut points. */
  cutpoints: number[];
}

export interface OrdinalFitOptions {
  l2: number;
  learningRate: number;
  epochs: number;
  /** Per-class weights on the loss (e.g. to balance rare classes); default 1 each. */
  classWeights?: readonly number[];
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function latentScore(model: OrdinalModel, x: readonly number[]): number {
  let z = 0;
  for (let j = 0; j < model.weights.length; j++) z += (model.weights[j] ?? 0) * (x[j] ?? 0);
  return z;
}

/** The class whose cut points bracket the score: the median of the predicted distribution. */
export function ordinalClass(model: OrdinalModel, score: number): number {
  let k = 0;
  while (k < model.cutpoints.length && score > (model.cutpoints[k] as number)) k++;
  return k;
}

/** P(class = k) for every class. */
export function ordinalProbabilities(model: OrdinalModel, score: number): number[] {
  const cumulative = [...model.cutpoints.map((c) => sigmoid(c - score)), 1];
  return cumulative.map((p, k) => p - (k === 0 ? 0 : (cumulative[k - 1] as number)));
}

/**
 * The score on a scale whose anchors sit at the cut points: `anchors` has K + 1 values, the first
 * and last the ends of the scale, the others the values at cut points 1..K−1. Between two cut
 * points it is linear; beyond the outer ones it approaches the end along a logistic tail. So the
 * class of the scaled value is the class of the score (frustration: 0.3 and 0.7 are the cut points).
 */
export function scaleScore(model: OrdinalModel, score: number, anchors: readonly number[]): number {
  const cuts = model.cutpoints;
  const last = cuts.length - 1;
  const first = cuts[0] ?? 0;
  const final = cuts[last] ?? 0;
  const a = (k: number) => anchors[k] as number;
  if (score <= first) return a(1) - (a(1) - a(0)) * (1 - 2 * sigmoid(score - first));
  if (score >= final) return a(last + 1) + (a(last + 2) - a(last + 1)) * (2 * sigmoid(score - final) - 1);
  let k = 0;
  while (score > (cuts[k + 1] as number)) k++;
  const lo = cuts[k] as number;
  const hi = cuts[k + 1] as number;
  return a(k + 1) + ((a(k + 2) - a(k + 1)) * (score - lo)) / (hi - lo);
}

/**
 * Cut points are kept ordered by fitting the first one and the logs of the gaps after it.
 * `labels` are class indexes 0..classes−1.
 */
export function fitOrdinal(
  rows: readonly (readonly number[])[],
  labels: readonly number[],
  classes: number,
  options: OrdinalFitOptions,
): OrdinalModel {
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  if (n === 0 || labels.length !== n) throw new Error('fitOrdinal needs one label per row and at least one row');
  if (labels.some((y) => !Number.isInteger(y) || y < 0 || y >= classes))
    throw new Error(`labels must be whole numbers in 0..${classes - 1}`);
  const classWeight = (y: number) => options.classWeights?.[y] ?? 1;
  const totalWeight = labels.reduce((s, y) => s + classWeight(y), 0);

  // Parameters: weights (d), first cut point, log-gaps (classes − 2).
  const weights = new Array<number>(d).fill(0);
  let firstCut = -1;
  const logGaps = new Array<number>(Math.max(0, classes - 2)).fill(Math.log(2));
  const velocity = { w: new Array<number>(d).fill(0), first: 0, gaps: new Array<number>(logGaps.length).fill(0) };
  const momentum = 0.9;

  const cutsOf = (): number[] => {
    const cuts = [firstCut];
    for (const g of logGaps) cuts.push((cuts[cuts.length - 1] as number) + Math.exp(g));
    return cuts;
  };

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const cuts = cutsOf();
    const gradW = new Array<number>(d).fill(0);
    const gradCut = new Array<number>(cuts.length).fill(0);
    for (let i = 0; i < n; i++) {
      const x = rows[i] as readonly number[];
      const y = labels[i] as number;
      let z = 0;
      for (let j = 0; j < d; j++) z += (weights[j] as number) * (x[j] ?? 0);
      // P(y) = F(cut_y − z) − F(cut_{y−1} − z), with F(+∞) = 1 and F(−∞) = 0.
      const upper = y < cuts.length ? sigmoid((cuts[y] as number) - z) : 1;
      const lower = y > 0 ? sigmoid((cuts[y - 1] as number) - z) : 0;
      const p = Math.max(upper - lower, 1e-12);
      const dUpper = y < cuts.length ? upper * (1 - upper) : 0;
      const dLower = y > 0 ? lower * (1 - lower) : 0;
      const scale = classWeight(y) / p;
      // d(−log p)/dz = (dUpper − dLower) / p; d/dcut_y = −dUpper / p; d/dcut_{y−1} = dLower / p.
      const dz = scale * (dUpper - dLower);
      for (let j = 0; j < d; j++) gradW[j] = (gradW[j] as number) + dz * (x[j] ?? 0);
      if (y < cuts.length) gradCut[y] = (gradCut[y] as number) - scale * dUpper;
      if (y > 0) gradCut[y - 1] = (gradCut[y - 1] as number) + scale * dLower;
    }
    // Chain rule to the first cut point and the log-gaps: cut_k = first + Σ_{g<k} exp(gap_g).
    let gradFirst = 0;
    for (const g of gradCut) gradFirst += g;
    const gradGaps = logGaps.map((gap, g) => {
      let tail = 0;
      for (let k = g + 1; k < gradCut.length; k++) tail += gradCut[k] as number;
      return tail * Math.exp(gap);
    });
    const rate = options.learningRate;
    for (let j = 0; j < d; j++) {
      const grad = (gradW[j] as number) / totalWeight + options.l2 * (weights[j] as number);
      velocity.w[j] = momentum * (velocity.w[j] as number) - rate * grad;
      weights[j] = (weights[j] as number) + (velocity.w[j] as number);
    }
    velocity.first = momentum * velocity.first - (rate * gradFirst) / totalWeight;
    firstCut += velocity.first;
    logGaps.forEach((gap, g) => {
      velocity.gaps[g] = momentum * (velocity.gaps[g] as number) - (rate * (gradGaps[g] as number)) / totalWeight;
      logGaps[g] = gap + (velocity.gaps[g] as number);
    });
  }
  return { weights, cutpoints: cutsOf() };
}

/** Mean negative log-likelihood of the labels, for tests and the fitting report. */
export function ordinalLoss(model: OrdinalModel, rows: readonly (readonly number[])[], labels: readonly number[]): number {
  let total = 0;
  rows.forEach((x, i) => {
    const p = ordinalProbabilities(model, latentScore(model, x))[labels[i] as number] ?? 0;
    total -= Math.log(Math.max(p, 1e-12));
  });
  return total / Math.max(rows.length, 1);
}
