// The injection classifier against the project's own corpus: the corpus is big and varied enough,
// its split keeps a seed's variations together, and on the held-out test split the classifier
// reaches recall ≥ 0.9 with ≤ 2% false flags. Prints dev and test figures, and the old regex
// list's on the same items, so a change to cues or weights shows its effect in the test log.
import { describe, expect, it } from 'vitest';
import { corpusSplit, injectionCorpus, type CorpusItem } from './corpus/injectionCorpus.js';
import { CORPUS_LANGUAGES } from './corpus/seedText.js';
import { scoreInjection } from './injectionDetector.js';
import { evaluateDetector, formatFigures } from './injectionEvaluation.js';
import { legacyInjectionReasons } from './legacyInjectionRegex.js';

const classifier = (text: string) => scoreInjection(text).flagged;
const regexList = (text: string) => legacyInjectionReasons(text).length > 0;

function report(name: string, items: readonly CorpusItem[]) {
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

  it('flags ≥ 90% of hostile items and ≤ 2% of benign ones on the held-out test split', () => {
    report('dev', corpusSplit('dev'));
    const test = corpusSplit('test');
    report(
      'test (first batch)',
      test.filter((i) => i.batch === 'first'),
    );
    report(
      'test (second batch, written after freezing)',
      test.filter((i) => i.batch === 'held-out'),
    );
    const figures = report('test', test);
    expect(figures.recall).toBeGreaterThanOrEqual(0.9);
    expect(figures.falseFlagRate).toBeLessThanOrEqual(0.02);
  });
});
