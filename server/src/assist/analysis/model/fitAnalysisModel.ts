/**
 * Fits the ticket analysis: `npx tsx server/src/assist/analysis/model/fitAnalysisModel.ts [--errors[=train]]`.
 * For each output (sentiment, frustration, urgency) an ordinal logistic layer is fitted on the
 * train split of the analysis set for every setting in a small grid (L2 strength, balanced class
 * weights or none); the setting with the best dev macro-F1 (then accuracy, then the stronger L2)
 * is kept, and the weights are written to `analysisWeights.ts`. The test split is never read here:
 * it stays held out for `analysisAccuracy.test.ts` and `npm run bench -- analysis`. Prints train
 * and dev figures beside the lexicon baseline's, and with --errors the dev (or train) messages each
 * output gets wrong, so cues can be improved without looking at test.
 */
import { writeFileSync } from 'node:fs';
import { analysisSplit, type AnalysisMessage } from '../corpus/analysisCorpus.js';
import { baselineReader, evaluateReader, fittedReader, formatComparison } from '../corpus/analysisEvaluation.js';
import { classFigures } from '../corpus/classificationMetrics.js';
import { FEATURE_NAMES, ticketFeatures } from '../ticketFeatures.js';
import {
  asHead,
  featureVector,
  FRUSTRATION_CLASSES,
  SENTIMENT_CLASSES,
  URGENCY_CLASSES,
  type AnalysisHead,
  type AnalysisModel,
} from './analysisModel.js';
import { fitOrdinal, latentScore, ordinalClass } from './ordinalRegression.js';

const L2_GRID = [0.001, 0.003, 0.01, 0.03, 0.1];
const FIT = { learningRate: 0.5, epochs: 3000 };

const out = (line: string) => process.stdout.write(`${line}\n`);
/** `--errors` lists the dev messages each output gets wrong; `--errors=train` the train ones. */
const errorsArg = process.argv.find((a) => a.startsWith('--errors'));
const errorSplit = errorsArg === undefined ? undefined : errorsArg === '--errors=train' ? 'train' : 'dev';

const train = analysisSplit('train');
const dev = analysisSplit('dev');
const vectorOf = (m: AnalysisMessage) =>
  featureVector(ticketFeatures({ subject: m.subject, earlierCount: m.earlier?.length ?? 0, latest: m.text }, m.language).values);
const trainRows = train.map(vectorOf);
const devRows = dev.map(vectorOf);

type Output = 'sentiment' | 'frustration' | 'urgency';
const CLASSES: Record<Output, readonly string[]> = {
  sentiment: SENTIMENT_CLASSES,
  frustration: FRUSTRATION_CLASSES,
  urgency: URGENCY_CLASSES,
};

function fitHead(output: Output): { head: AnalysisHead; setting: string } {
  const classes = CLASSES[output];
  const labelsOf = (messages: readonly AnalysisMessage[]) => messages.map((m) => classes.indexOf(m[output]));
  const trainLabels = labelsOf(train);
  const counts = classes.map((_, k) => trainLabels.filter((y) => y === k).length);
  const balanced = counts.map((c) => (c === 0 ? 1 : trainLabels.length / (classes.length * c)));
  let best: { head: AnalysisHead; setting: string; f1: number; accuracy: number } | undefined;
  for (const classWeights of [undefined, balanced]) {
    for (const l2 of L2_GRID) {
      const model = fitOrdinal(trainRows, trainLabels, classes.length, {
        ...FIT,
        l2,
        ...(classWeights === undefined ? {} : { classWeights }),
      });
      const predicted = devRows.map((x) => classes[ordinalClass(model, latentScore(model, x))] as string);
      const figures = classFigures(
        dev.map((m) => m[output]),
        predicted,
        classes,
      );
      const setting = `l2 ${l2}${classWeights === undefined ? '' : ', balanced classes'}`;
      out(
        `  ${output.padEnd(11)} ${setting.padEnd(28)} dev accuracy ${figures.accuracy.toFixed(3)} macro-F1 ${figures.macroF1.toFixed(3)}`,
      );
      const better =
        best === undefined ||
        figures.macroF1 > best.f1 + 1e-9 ||
        (Math.abs(figures.macroF1 - best.f1) <= 1e-9 && figures.accuracy >= best.accuracy);
      if (better) best = { head: asHead(model), setting, f1: figures.macroF1, accuracy: figures.accuracy };
    }
  }
  if (best === undefined) throw new Error('no setting fitted');
  out(`  ${output}: kept ${best.setting}`);
  return best;
}

const fitted = { sentiment: fitHead('sentiment'), frustration: fitHead('frustration'), urgency: fitHead('urgency') };
const model: AnalysisModel = { sentiment: fitted.sentiment.head, frustration: fitted.frustration.head, urgency: fitted.urgency.head };

out(`\ntrain (${train.length} messages):`);
for (const line of formatComparison(evaluateReader(train, fittedReader(model)), evaluateReader(train, baselineReader))) out(`  ${line}`);
out(`dev (${dev.length} messages):`);
for (const line of formatComparison(evaluateReader(dev, fittedReader(model)), evaluateReader(dev, baselineReader))) out(`  ${line}`);

if (errorSplit !== undefined) {
  const read = fittedReader(model);
  for (const output of ['sentiment', 'frustration', 'urgency'] as const) {
    out(`\n${errorSplit} errors, ${output}:`);
    for (const m of errorSplit === 'train' ? train : dev) {
      const got = read(m)[output];
      if (got !== m[output]) out(`  ${m.id} want ${m[output]} got ${got}: ${JSON.stringify(m.text.slice(0, 140))}`);
    }
  }
}

const round = (x: number) => Number(x.toFixed(4));
const headSource = (head: AnalysisHead, setting: string) =>
  [
    `    // ${setting}`,
    `    cutpoints: [${head.cutpoints.map(round).join(', ')}],`,
    '    weights: {',
    ...FEATURE_NAMES.map((name) => `      ${name}: ${round(head.weights[name])},`),
    '    },',
  ].join('\n');
writeFileSync(
  new URL('./analysisWeights.ts', import.meta.url),
  [
    '/**',
    ' * Fitted by `fitAnalysisModel.ts` on the train split of bench/datasets/ticket-analysis (settings chosen on',
    ' * dev); regenerate with `npx tsx server/src/assist/analysis/model/fitAnalysisModel.ts` after changing',
    ' * features, cues or the set. A positive weight pushes towards positive sentiment, more frustration and',
    ' * more urgency.',
    ' */',
    "import type { AnalysisModel } from './analysisModel.js';",
    '',
    'export const ANALYSIS_MODEL: AnalysisModel = {',
    `  sentiment: {\n${headSource(model.sentiment, fitted.sentiment.setting)}\n  },`,
    `  frustration: {\n${headSource(model.frustration, fitted.frustration.setting)}\n  },`,
    `  urgency: {\n${headSource(model.urgency, fitted.urgency.setting)}\n  },`,
    '};',
    '',
  ].join('\n'),
);
out('\nwrote analysisWeights.ts');
