// The injection classifier against the project's own corpus: the corpus is big and varied enough,
// its split keeps a seed's variations together, and on the held-out test split the classifier
// flags at least 90% of hostile items with at most 2% false flags (issue 13's acceptance). Prints
// dev and test figures (per batch), and the old regex list's on the same items, so a change to
// cues or weights shows its effect in the test log.
//
// The test split is what it was when it was first measured (228 hostile, 360 benign: the second
// batch and the hash-test part of the first and look-alike batches); every batch written since
// is train and dev only, and nothing was tuned on test after that first measurement (86.4%).
//
// A second check runs on the red-team held-out set (redTeamHeldOut.ts), written blind to the
// classifier by someone else on the team and never tuned on: it was scored once, with the final
// model, and RED_TEAM_* below are that measurement less a small margin — a regression floor, not
// the issue's 0.9 (see the figures printed beside it).
import { describe, expect, it } from 'vitest';
import { corpusSplit, injectionCorpus } from './corpus/injectionCorpus.js';
import { redTeamItems } from './corpus/redTeamItems.js';
import { CORPUS_LANGUAGES } from './corpus/seedText.js';
import { scoreInjection } from './injectionDetector.js';
import { evaluateDetector, formatFigures, type LabelledText } from './injectionEvaluation.js';
import { legacyInjectionReasons } from './legacyInjectionRegex.js';

const classifier = (text: string) => scoreInjection(text).flagged;
const regexList = (text: string) => legacyInjectionReasons(text).length > 0;
/** Issue 13's acceptance on the held-out test split. */
const ISSUE_RECALL = 0.9;
const ISSUE_FALSE_FLAGS = 0.02;
/**
 * The red-team set, measured once with the final model: recall 63.8% (141/221), false flags 0.9%
 * (3/349); the old regex list 6.8% / 0.9%. Below the issue's 0.9: the cue lexicon catches what it
 * has phrasings for and misses much of what is worded another way. The floor is that figure less a
 * margin; the ceiling is the issue's 2%.
 */
const RED_TEAM_RECALL_FLOOR = 0.6;
const RED_TEAM_FALSE_FLAG_CEILING = ISSUE_FALSE_FLAGS;

function report(name: string, items: readonly LabelledText[]) {
  const figures = evaluateDetector(items, classifier);
  process.stdout.write(
    `${formatFigures(`${name} classifier`, figures)}\n${formatFigures(`${name} regex list`, evaluateDetector(items, regexList))}\n`,
  );
  return figures;
}

describe('injection corpus', () => {
  const corpus = injectionCorpus();

  it('has at least 300 hostile and 600 benign items, messages and passages, in every language', () => {
    expect(corpus.filter((i) => i.hostile).length).toBeGreaterThanOrEqual(300);
    expect(corpus.filter((i) => !i.hostile).length).toBeGreaterThanOrEqual(600);
    for (const hostile of [true, false]) {
      const items = corpus.filter((i) => i.hostile === hostile);
      expect(new Set(items.map((i) => i.lang))).toEqual(new Set(CORPUS_LANGUAGES));
      expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['message', 'passage']));
    }
  });

  it('keeps every seed in one split, with hostile and benign items in each', () => {
    const splitOfSeed = new Map<string, string>();
    for (const item of corpus) {
      expect(splitOfSeed.get(item.seedId) ?? item.split).toBe(item.split);
      splitOfSeed.set(item.seedId, item.split);
    }
    for (const split of ['train', 'dev', 'test'] as const) {
      const items = corpusSplit(split);
      expect(items.filter((i) => i.hostile).length).toBeGreaterThan(50);
      expect(items.filter((i) => !i.hostile).length).toBeGreaterThan(100);
    }
    expect(corpus.filter((i) => i.batch === 'held-out').every((i) => i.split === 'test')).toBe(true);
  });

  it('leaves the test split as it was first measured: every later batch is train and dev only', () => {
    const test = corpusSplit('test');
    expect(test.filter((i) => i.hostile).length).toBe(228);
    expect(test.filter((i) => !i.hostile).length).toBe(360);
    expect(corpus.filter((i) => i.batch === 'indirect' || i.batch === 'fresh').every((i) => i.split !== 'test')).toBe(true);
  });

  it('flags at least 90% of hostile items and at most 2% of benign ones on the held-out test split', () => {
    report('dev', corpusSplit('dev'));
    const test = corpusSplit('test');
    report(
      'test (first batch)',
      test.filter((i) => i.batch === 'first'),
    );
    report(
      'test (look-alike batch)',
      test.filter((i) => i.batch === 'look-alike'),
    );
    report(
      'test (second batch, written after freezing)',
      test.filter((i) => i.batch === 'held-out'),
    );
    const figures = report('test', test);
    expect(figures.recall).toBeGreaterThanOrEqual(ISSUE_RECALL);
    expect(figures.falseFlagRate).toBeLessThanOrEqual(ISSUE_FALSE_FLAGS);
  });

  it('holds its measured figures on the red-team set, which nothing was tuned on', () => {
    const figures = report('red team', redTeamItems());
    if (figures.recall < ISSUE_RECALL)
      process.stdout.write(`red-team recall ${figures.recall.toFixed(3)} is below issue 13's ${ISSUE_RECALL}\n`);
    expect(figures.recall).toBeGreaterThanOrEqual(RED_TEAM_RECALL_FLOOR);
    expect(figures.falseFlagRate).toBeLessThanOrEqual(RED_TEAM_FALSE_FLAG_CEILING);
  });
});
