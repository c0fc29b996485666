/**
 * Text that tries to instruct the assistant ("ignore previous instructions", "you are now…",
 * hidden directives in a knowledge article, a fake tool result), in any of the languages the
 * cues cover, encoded (base64, hex, URL, HTML entities, rot13, Unicode tags) or disguised with
 * look-alike characters. A scored classifier: `injectionFeatures` → the fitted logistic model
 * (`injectionWeights.ts`) → flagged at or above its threshold, with the features that pushed it
 * there as the reasons.
 *
 * Detection never blocks a draft: a flagged ticket message or passage is marked in the prompt,
 * the draft and its suggested actions are flagged for the agent's review, and the pipeline never
 * lets model output choose or change an action's arguments. A workspace may also exclude flagged
 * knowledge passages altogether (`assist/policy`).
 */
import type { EncodingName } from './embeddedEncodings.js';
import { CUE_LABELS, INTENT_CUES, type CueName } from './injectionCues.js';
import { injectionFeatures, type FeatureName } from './injectionFeatures.js';
import { scoreFeatures, type InjectionModel } from './injectionModel.js';
import { INJECTION_MODEL } from './injectionWeights.js';

export interface InjectionScore {
  /** In (0, 1); flagged at or above the model's threshold. */
  score: number;
  flagged: boolean;
  /** What pushed the score up, most first (at most three); empty when not flagged. */
  reasons: string[];
}

export interface InjectionFinding {
  reason: string;
  /** Where it was found: `ticket`, `message n` or `source n`. */
  where: string;
  score: number;
}

const MAX_REASONS = 3;

function labelOf(feature: FeatureName, encodings: readonly EncodingName[]): string | undefined {
  if (feature === 'encoded') return `instructions hidden in ${encodings.length === 0 ? 'an encoding' : encodings.join('/')}`;
  if (feature === 'disguised') return 'instructions disguised with look-alike characters';
  if (feature === 'invisible') return 'invisible characters';
  if (feature === 'hiddenIntent') return 'instructions in a comment, alt text or hidden text';
  // Context, not a reason on its own: how many cues fired, or that an amount is named.
  if (feature === 'cueCount' || feature === 'anyIntent' || feature === 'moneyAmount') return undefined;
  return CUE_LABELS[feature as CueName];
}

export function scoreInjection(text: string, model: InjectionModel = INJECTION_MODEL): InjectionScore {
  const { features, encodings } = injectionFeatures(text);
  const { score, contributions } = scoreFeatures(model, features);
  const flagged = score >= model.threshold;
  // A cue with no weight of its own still counts through `anyIntent`/`cueCount`: name it after the weighted ones.
  const pushed = contributions.map(([feature]) => feature);
  const alsoFired = INTENT_CUES.filter((cue) => features[cue] > 0 && !pushed.includes(cue));
  const reasons = flagged
    ? [
        ...new Set(
          [...pushed, ...alsoFired].map((feature) => labelOf(feature, encodings)).filter((label): label is string => label !== undefined),
        ),
      ].slice(0, MAX_REASONS)
    : [];
  return { score, flagged, reasons };
}

/** One finding when `text` is flagged (its reasons joined), none otherwise. */
export function findInjections(text: string, where: string): InjectionFinding[] {
  const result = scoreInjection(text);
  if (!result.flagged) return [];
  return [
    { reason: result.reasons.join(', ') || 'looks like instructions to the assistant', where, score: Number(result.score.toFixed(3)) },
  ];
}
