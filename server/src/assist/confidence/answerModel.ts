/**
 * The answer-confidence model: a logistic regression over standardised evidence features
 * (answerFeatures.ts), giving the probability that the retrieved top sources answer the ticket.
 * The weights live in the generated confidenceWeights.ts (written by
 * `npx tsx bench/assist/fitConfidence.ts`), so a retrieval change is followed by one re-fit.
 */
import { ANSWER_FEATURES, type AnswerFeatureName } from './answerFeatures.js';

export interface AnswerModel {
  /** Changes whenever the weights do: stored beside each draft's confidence, so a workspace's
   * threshold is only ever chosen from confidences the current model gave. */
  version: string;
  features: readonly AnswerFeatureName[];
  /** Standardisation fitted on train: x' = (x - mean) / scale. */
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  bias: number;
  /** Shipped review threshold: below it a draft is marked for review (chosen on train + dev). */
  threshold: number;
  /**
   * Below it the sources are taken not to answer at all: the embedded drafter writes the plain
   * "not in our help articles" reply instead of quoting (chosen so few answerable tickets get it).
   */
  noAnswerBelow: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The model's logit for a feature vector (in ANSWER_FEATURES order). */
export function answerLogit(model: AnswerModel, x: readonly number[]): number {
  let z = model.bias;
  model.weights.forEach((w, i) => {
    z += (w * ((x[i] ?? 0) - (model.mean[i] ?? 0))) / (model.scale[i] ?? 1);
  });
  return z;
}

export function answerProbability(model: AnswerModel, x: readonly number[]): number {
  return sigmoid(answerLogit(model, x));
}

/** Throws when the weights were fitted for another feature list (a feature added without a re-fit). */
export function checkModel(model: AnswerModel): AnswerModel {
  const same = model.features.length === ANSWER_FEATURES.length && model.features.every((f, i) => f === ANSWER_FEATURES[i]);
  const sized = [model.mean, model.scale, model.weights].every((v) => v.length === ANSWER_FEATURES.length);
  if (!same || !sized) throw new Error('confidenceWeights.ts does not match answerFeatures.ts: run npx tsx bench/assist/fitConfidence.ts');
  return model;
}
