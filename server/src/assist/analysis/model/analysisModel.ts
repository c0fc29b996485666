/**
 * The fitted analysis model: for each of sentiment, frustration and urgency, one weight per
 * feature of `ticketFeatures.ts` and the cut points between its ordered classes. The weights live
 * in `analysisWeights.ts`, written by `fitAnalysisModel.ts`.
 */
import { FEATURE_NAMES, type FeatureValues, type FeatureName } from '../ticketFeatures.js';
import { latentScore, ordinalClass, scaleScore, type OrdinalModel } from './ordinalRegression.js';

export interface AnalysisHead {
  weights: Readonly<Record<FeatureName, number>>;
  cutpoints: readonly number[];
}

export interface AnalysisModel {
  sentiment: AnalysisHead;
  frustration: AnalysisHead;
  urgency: AnalysisHead;
}

export const SENTIMENT_CLASSES = ['negative', 'neutral', 'positive'] as const;
export const URGENCY_CLASSES = ['low', 'normal', 'high', 'critical'] as const;
export const FRUSTRATION_CLASSES = ['none', 'some', 'high'] as const;

/** Where sentiment's score lands at its cut points: −0.4 and 0.4, the old lexicon's bands. */
export const SENTIMENT_ANCHORS = [-1, -0.4, 0.4, 1] as const;
/**
 * Where frustration lands at its cut points: 0.3 ("some") and 0.7 ("high"). 0.7 is the live
 * frustration alert's default threshold, so "high" is what a lead is told about.
 */
export const FRUSTRATION_ANCHORS = [0, 0.3, 0.7, 1] as const;

export function featureVector(values: FeatureValues): number[] {
  return FEATURE_NAMES.map((name) => values[name]);
}

export function asOrdinal(head: AnalysisHead): OrdinalModel {
  return { weights: FEATURE_NAMES.map((name) => head.weights[name]), cutpoints: [...head.cutpoints] };
}

export function asHead(model: OrdinalModel): AnalysisHead {
  const weights = Object.fromEntries(FEATURE_NAMES.map((name, j) => [name, model.weights[j] ?? 0])) as Record<FeatureName, number>;
  return { weights, cutpoints: model.cutpoints };
}

export interface HeadReading {
  /** The latent score: the weighted sum of the features. */
  latent: number;
  /** Index of the class the score falls in. */
  level: number;
}

export function readHead(head: AnalysisHead, values: FeatureValues): HeadReading {
  const model = asOrdinal(head);
  const latent = latentScore(model, featureVector(values));
  return { latent, level: ordinalClass(model, latent) };
}

export function scaled(head: AnalysisHead, latent: number, anchors: readonly number[]): number {
  return scaleScore(asOrdinal(head), latent, anchors);
}
