/**
 * The injection classifier's model: a logistic regression over the features of
 * `injectionFeatures.ts`, with weights and a threshold fitted by `fitInjectionModel.ts` (train
 * split for the weights, dev split for the threshold). Transparent by design: every flag can
 * be explained by the features that pushed it over the threshold.
 */
import type { FeatureName, Features } from './injectionFeatures.js';
import { sigmoid } from './logisticRegression.js';

export interface InjectionModel {
  bias: number;
  weights: Record<FeatureName, number>;
  /** Scores at or above this are flagged. */
  threshold: number;
}

export interface ModelScore {
  /** Probability-like score in (0, 1). */
  score: number;
  /** Each feature's push on the logit (weight × value), largest first; only those that pushed up. */
  contributions: [FeatureName, number][];
}

export function scoreFeatures(model: InjectionModel, features: Features): ModelScore {
  let z = model.bias;
  const contributions: [FeatureName, number][] = [];
  for (const name of Object.keys(model.weights) as FeatureName[]) {
    const push = model.weights[name] * features[name];
    z += push;
    if (push > 0) contributions.push([name, push]);
  }
  contributions.sort((a, b) => b[1] - a[1]);
  return { score: sigmoid(z), contributions };
}
