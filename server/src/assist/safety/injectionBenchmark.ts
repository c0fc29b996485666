/**
 * What the trust benchmark measures of injection detection, in one place so the bench rows and the
 * tests agree: the classifier's score with its cost per text, the old regex list as the peer, and
 * both detectors' recall, false-flag rate and per-item cost on a corpus split (the held-out test
 * split by default) or on the red-team held-out set, in the same run.
 */
import { corpusSplit, type CorpusSplit } from './corpus/injectionCorpus.js';
import { redTeamItems } from './corpus/redTeamItems.js';
import { scoreInjection, type InjectionScore } from './injectionDetector.js';
import { evaluateDetector, type DetectorFigures, type LabelledText } from './injectionEvaluation.js';
import { legacyInjectionReasons } from './legacyInjectionRegex.js';

export interface TimedInjectionScore extends InjectionScore {
  /** Wall time of this one scoring, milliseconds (normalising, decoding, features, model). */
  ms: number;
}

export function scoreInjectionTimed(text: string): TimedInjectionScore {
  const started = performance.now();
  const result = scoreInjection(text);
  return { ...result, ms: performance.now() - started };
}

/** The two detectors the benchmark compares, as "does it flag this text". */
export const INJECTION_DETECTORS = {
  classifier: (text: string): boolean => scoreInjection(text).flagged,
  regexList: (text: string): boolean => legacyInjectionReasons(text).length > 0,
} as const;

export interface InjectionDetectionFigures {
  split: CorpusSplit;
  classifier: DetectorFigures;
  regexList: DetectorFigures;
}

function bothDetectors(items: readonly LabelledText[]): { classifier: DetectorFigures; regexList: DetectorFigures } {
  // Warm both up once so the first item's compile time is not counted as scoring cost.
  INJECTION_DETECTORS.classifier('warm up');
  INJECTION_DETECTORS.regexList('warm up');
  return {
    classifier: evaluateDetector(items, INJECTION_DETECTORS.classifier),
    regexList: evaluateDetector(items, INJECTION_DETECTORS.regexList),
  };
}

export function injectionDetectionFigures(split: CorpusSplit = 'test'): InjectionDetectionFigures {
  return { split, ...bothDetectors(corpusSplit(split)) };
}

/** Both detectors on the red-team held-out set (written blind to the classifier, never tuned on). */
export function redTeamDetectionFigures(): Omit<InjectionDetectionFigures, 'split'> {
  return bothDetectors(redTeamItems());
}
