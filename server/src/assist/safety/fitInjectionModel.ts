/**
 * Fits the injection classifier: `npx tsx server/src/assist/safety/fitInjectionModel.ts`.
 * Weights come from the corpus's train split (L2-regularised logistic regression fitted to its
 * optimum by Newton's method, with the weights of features that say an instruction is there kept
 * at zero or above), the threshold from its dev split (the highest recall whose
 * false-flag rate stays at or under 1%, then the fewest false flags; placed halfway, in logit
 * terms, between the two dev scores it falls between, so it never sits on a cluster of items
 * that fire the same cues), and the result is written to `injectionWeights.ts`. The test split is
 * never read here: it stays held out for `injectionCorpus.test.ts` and the trust benchmark.
 * Prints train and dev figures beside the old regex list's, and the dev items it gets wrong, so
 * cues can be improved without looking at test.
 */
import { writeFileSync } from 'node:fs';
import { corpusSplit, type CorpusItem } from './corpus/injectionCorpus.js';
import { evaluateDetector, formatFigures } from './injectionEvaluation.js';
import { FEATURE_NAMES, injectionFeatures, type FeatureName } from './injectionFeatures.js';
import { scoreFeatures, type InjectionModel } from './injectionModel.js';
import { legacyInjectionReasons } from './legacyInjectionRegex.js';
import { INTENT_CUES } from './injectionCues.js';
import { fitLogisticNonNegative } from './logisticRegression.js';

/** L2 on the mean log-loss; see the commit that set it for the dev figures it was chosen by. */
const FIT = { l2: 0.0003 };
const MAX_DEV_FALSE_FLAGS = 0.01;

const out = (line: string) => process.stdout.write(`${line}\n`);
const vector = (item: CorpusItem) => {
  const { features } = injectionFeatures(item.text);
  return FEATURE_NAMES.map((n) => features[n]);
};

const train = corpusSplit('train');
const dev = corpusSplit('dev');
/** Features that say an instruction is there: never allowed to lower the score (see `fitLogisticNonNegative`). */
const NON_NEGATIVE: ReadonlySet<FeatureName> = new Set<FeatureName>([
  ...INTENT_CUES,
  'encoded',
  'disguised',
  'hiddenIntent',
  'invisible',
  'cueCount',
  'anyIntent',
]);
const fitted = fitLogisticNonNegative(
  train.map(vector),
  train.map((i) => (i.hostile ? 1 : 0)),
  FIT,
  FEATURE_NAMES.map((n) => NON_NEGATIVE.has(n)),
);
const weights = Object.fromEntries(FEATURE_NAMES.map((n, j) => [n, fitted.weights[j] ?? 0])) as Record<FeatureName, number>;
const scoreOf = (text: string) => scoreFeatures({ bias: fitted.bias, weights, threshold: 1 }, injectionFeatures(text).features).score;

const devScores = dev.map((item) => ({ item, score: scoreOf(item.text) }));
const hostileScores = devScores.filter((d) => d.item.hostile).map((d) => d.score);
const benignScores = devScores.filter((d) => !d.item.hostile).map((d) => d.score);
const logit = (p: number) => Math.log(p / (1 - p));
const distinct = [...new Set(devScores.map((d) => d.score))].sort((a, b) => a - b);
const candidates = distinct.slice(1).map((score, i) => {
  const below = distinct[i] as number;
  const threshold = 1 / (1 + Math.exp(-(logit(below) + logit(score)) / 2));
  return {
    threshold,
    recall: hostileScores.filter((s) => s >= threshold).length / hostileScores.length,
    falseFlags: benignScores.filter((s) => s >= threshold).length / benignScores.length,
  };
});
const allowed = candidates.filter((c) => c.falseFlags <= MAX_DEV_FALSE_FLAGS);
const best = Math.max(...allowed.map((c) => c.recall));
const chosen = allowed.filter((c) => c.recall === best).sort((a, b) => a.falseFlags - b.falseFlags)[0];
const threshold = Number((chosen?.threshold ?? 0.5).toFixed(4));
const model: InjectionModel = { bias: fitted.bias, weights, threshold };

const round = (x: number) => Number(x.toFixed(4));
writeFileSync(
  new URL('./injectionWeights.ts', import.meta.url),
  [
    '/**',
    ' * Fitted by `fitInjectionModel.ts` (weights on the train split, threshold on the dev split);',
    ' * regenerate with `npx tsx server/src/assist/safety/fitInjectionModel.ts` after changing cues or corpus.',
    ' */',
    "import type { InjectionModel } from './injectionModel.js';",
    '',
    'export const INJECTION_MODEL: InjectionModel = {',
    `  bias: ${round(model.bias)},`,
    `  threshold: ${model.threshold},`,
    '  weights: {',
    ...FEATURE_NAMES.map((n) => `    ${n}: ${round(weights[n])},`),
    '  },',
    '};',
    '',
  ].join('\n'),
);

const flagsWithModel = (text: string) => scoreFeatures(model, injectionFeatures(text).features).score >= model.threshold;
const flagsWithRegexList = (text: string) => legacyInjectionReasons(text).length > 0;
out(
  `bias ${round(model.bias)}, threshold ${threshold} (dev recall ${(100 * best).toFixed(1)}% at ≤ ${100 * MAX_DEV_FALSE_FLAGS}% false flags)`,
);
for (const n of FEATURE_NAMES) out(`  ${n.padEnd(16)} ${round(weights[n])}`);
for (const [name, items] of [
  ['train', train],
  ['dev', dev],
] as const) {
  const figures = evaluateDetector(items, flagsWithModel);
  out(formatFigures(`${name} classifier`, figures));
  out(formatFigures(`${name} regex list`, evaluateDetector(items, flagsWithRegexList)));
  if (name === 'dev') for (const id of [...figures.missed, ...figures.falseFlags]) out(`  wrong on dev: ${id}`);
}
