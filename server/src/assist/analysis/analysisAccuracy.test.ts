// The acceptance test of the fitted analysis: on the held-out test split of our own labelled set
// (bench/datasets/ticket-analysis, never tuned on), accuracy and macro-F1 of sentiment,
// frustration and urgency beat the lexicon baseline's, read in the same run. Dev is printed
// beside test: it is the split the cues and settings were chosen on.
import { describe, expect, it } from 'vitest';
import { analysisSplit } from './corpus/analysisCorpus.js';
import { baselineReader, evaluateReader, fittedReader, formatComparison } from './corpus/analysisEvaluation.js';

describe('ticket analysis against the lexicon baseline', () => {
  const figures = (split: 'dev' | 'test') => {
    const messages = analysisSplit(split);
    return { fitted: evaluateReader(messages, fittedReader()), baseline: evaluateReader(messages, baselineReader), count: messages.length };
  };

  it('beats the baseline on test in accuracy and macro-F1 of every output', () => {
    const dev = figures('dev');
    const test = figures('test');
    process.stdout.write(`${[`dev (${dev.count}, tuned on):`, ...formatComparison(dev.fitted, dev.baseline)].join('\n  ')}\n`);
    process.stdout.write(`${[`test (${test.count}, held out):`, ...formatComparison(test.fitted, test.baseline)].join('\n  ')}\n`);
    for (const output of ['sentiment', 'frustration', 'urgency'] as const) {
      expect(test.fitted[output].accuracy, output).toBeGreaterThan(test.baseline[output].accuracy);
      expect(test.fitted[output].macroF1, output).toBeGreaterThan(test.baseline[output].macroF1);
    }
  });
});
