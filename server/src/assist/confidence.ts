/**
 * The earlier hand-weighted confidence blend: the best source's score, its margin over the next,
 * the reply's coverage by its cited sources and the model's own signal. Drafts no longer use it
 * (their confidence is the fitted answer model, confidence/answerConfidence.ts, which the website
 * widget's handoff rules read too); the confidence bench reports it beside the fitted model as the peer.
 */
import { analyze } from '@tandem/shared/search';

export interface ConfidenceSignals {
  /** Absolute relevance of the best source (search hit score, 0…1); 0 without sources. */
  topScore: number;
  /** Best score minus the second best. */
  margin: number;
  /** Share of the reply's content terms found in the sources it cites (0…1). */
  coverage: number;
  /** The model's own certainty, when reported. */
  selfReported?: number | undefined;
  /** Something in the ticket or sources tried to instruct the assistant. */
  injection: boolean;
}

/**
 * The evidence blended on a logit scale (hand-weighted: each signal moves it smoothly and none
 * reaches certainty alone).
 */
export function confidenceLogit(s: ConfidenceSignals): number {
  const self = s.selfReported ?? 0.5;
  return -3.2 + 5 * s.topScore + 2 * Math.min(s.margin, 0.3) + 2 * s.coverage + 1.2 * (self - 0.5) - (s.injection ? 2 : 0);
}

/**
 * Platt scaling of that logit, fitted on Tandem's labelled bank tickets (label: the best source
 * answers the ticket) by `npm run bench -- confidence`, which also reports the leave-one-out
 * Brier score.
 */
export const CONFIDENCE_CALIBRATION = { slope: 0.443, intercept: -0.458 };

export function draftConfidence(s: ConfidenceSignals): number {
  return 1 / (1 + Math.exp(-(CONFIDENCE_CALIBRATION.slope * confidenceLogit(s) + CONFIDENCE_CALIBRATION.intercept)));
}

/** Share of the reply's content terms present in the cited sources' text. */
export function sourceCoverage(reply: string, citedTexts: readonly string[]): number {
  const replyTerms = new Set(analyze(reply.replace(/\[\d+(?:,\s*\d+)*\]/g, ' ')));
  if (replyTerms.size === 0) return 0;
  const sourceTerms = new Set(citedTexts.flatMap((t) => analyze(t)));
  let covered = 0;
  for (const t of replyTerms) if (sourceTerms.has(t)) covered += 1;
  return covered / replyTerms.size;
}
