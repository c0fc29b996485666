/**
 * Scores of a probability against 0/1 outcomes: Brier score, log loss, AUC (ties count half) and
 * the reliability table (predictions binned, mean predicted beside the observed rate per bin).
 */
export const brier = (p: readonly number[], y: readonly number[]) =>
  p.reduce((s, pi, i) => s + (pi - (y[i] ?? 0)) ** 2, 0) / Math.max(1, p.length);

export function logLoss(p: readonly number[], y: readonly number[]): number {
  const eps = 1e-9;
  return -p.reduce((s, pi, i) => s + ((y[i] ?? 0) === 1 ? Math.log(pi + eps) : Math.log(1 - pi + eps)), 0) / Math.max(1, p.length);
}

export function auc(p: readonly number[], y: readonly number[]): number {
  let pairs = 0;
  let wins = 0;
  p.forEach((pi, i) => {
    if (y[i] !== 1) return;
    p.forEach((pj, j) => {
      if (y[j] !== 0) return;
      pairs += 1;
      wins += pi > pj ? 1 : pi === pj ? 0.5 : 0;
    });
  });
  return pairs === 0 ? Number.NaN : wins / pairs;
}

export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanPredicted: number;
  observed: number;
}

/** Equal-width bins over [0, 1]; empty bins are left out. */
export function reliability(p: readonly number[], y: readonly number[], bins = 5): ReliabilityBin[] {
  const out: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) {
    const from = b / bins;
    const to = (b + 1) / bins;
    const inBin = p.flatMap((pi, i) => ((pi >= from && pi < to) || (b === bins - 1 && pi === 1) ? [i] : []));
    if (inBin.length === 0) continue;
    const mean = (f: (i: number) => number) => inBin.reduce((s, i) => s + f(i), 0) / inBin.length;
    out.push({ from, to, count: inBin.length, meanPredicted: mean((i) => p[i] ?? 0), observed: mean((i) => y[i] ?? 0) });
  }
  return out;
}
