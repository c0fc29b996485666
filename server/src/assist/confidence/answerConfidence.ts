/**
 * The draft's confidence: the calibrated probability that the retrieved top sources answer the
 * ticket, from the evidence features and the fitted weights (confidenceWeights.ts). Computed
 * before drafting, so the embedded drafter can write a plain "not in our help articles" reply
 * instead of quoting sources that do not answer, and the review flag means the same for every
 * drafter. The shipped review threshold comes with the weights; a workspace with enough rated
 * drafts gets its own (workspaceThreshold.ts).
 */
import { answerFeatures, type EvidenceInput } from './answerFeatures.js';
import { answerProbability, checkModel } from './answerModel.js';
import { CONFIDENCE_WEIGHTS } from './confidenceWeights.js';

const MODEL = checkModel(CONFIDENCE_WEIGHTS);

/** Stored beside each draft's confidence: thresholds are only chosen from scores of the same model. */
export const CONFIDENCE_MODEL_VERSION = MODEL.version;
/** Below it a draft is marked for review, until a workspace has its own threshold. */
export const SHIPPED_REVIEW_THRESHOLD = MODEL.threshold;

/** Below it nothing retrieved answers the ticket: the embedded drafter says so and hands over. */
export const NO_ANSWER_BELOW = MODEL.noAnswerBelow;

export function answerConfidence(input: EvidenceInput): number {
  return answerProbability(MODEL, answerFeatures(input));
}
