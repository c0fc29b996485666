import { describe, expect, it } from 'vitest';
import {
  ANALYSIS_LANGUAGES,
  FRUSTRATION_LABELS,
  loadAnalysisCorpus,
  SENTIMENT_LABELS,
  SPLITS,
  URGENCY_LABELS,
  analysisSplit,
  parseAnalysisCorpus,
} from './analysisCorpus.js';
import { assignAnalysisSplits, storyOf } from './analysisSplits.js';

const corpus = loadAnalysisCorpus();

describe('the ticket analysis set', () => {
  it('holds over 300 labelled messages, at least 90 in each language', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    for (const language of ANALYSIS_LANGUAGES) expect(corpus.filter((m) => m.language === language).length).toBeGreaterThanOrEqual(90);
  });

  it('is split 441 = 218 train + 90 dev + 133 test, as dealt once', () => {
    expect(SPLITS.map((s) => analysisSplit(s).length)).toEqual([218, 90, 133]);
  });

  it('keeps the stored splits the seeded deal gives, so no message moved since', () => {
    const dealt = assignAnalysisSplits(corpus.map(({ split: _split, ...m }) => m));
    expect(corpus.filter((m) => dealt.get(m.id) !== m.split).map((m) => m.id)).toEqual([]);
  });

  it('never has an id, a text or a story in two splits', () => {
    const splitOf = (key: (m: (typeof corpus)[number]) => string) => {
      const seen = new Map<string, Set<string>>();
      for (const m of corpus) seen.set(key(m), (seen.get(key(m)) ?? new Set()).add(m.split ?? '-'));
      return [...seen].filter(([, splits]) => splits.size > 1).map(([k]) => k);
    };
    expect(new Set(corpus.map((m) => m.id)).size).toBe(corpus.length);
    expect(splitOf((m) => m.text.trim().toLowerCase())).toEqual([]);
    expect(splitOf(storyOf)).toEqual([]);
  });

  it('gives every language every sentiment and frustration label in train and test', () => {
    for (const split of ['train', 'test'] as const)
      for (const language of ANALYSIS_LANGUAGES) {
        const messages = analysisSplit(split).filter((m) => m.language === language);
        expect(new Set(messages.map((m) => m.sentiment))).toEqual(new Set(SENTIMENT_LABELS));
        expect(new Set(messages.map((m) => m.frustration))).toEqual(new Set(FRUSTRATION_LABELS));
      }
  });

  it('has every urgency level in train and test', () => {
    for (const split of ['train', 'test'] as const)
      expect(new Set(analysisSplit(split).map((m) => m.urgency))).toEqual(new Set(URGENCY_LABELS));
  });

  it('covers the hard cases the issue names', () => {
    const withTrait = (trait: string) => corpus.filter((m) => m.traits.includes(trait as never)).length;
    for (const trait of ['repeat-contact', 'deadline', 'caps', 'sarcasm', 'quoted-history', 'emoji', 'mixed-language', 'short', 'long'])
      expect(withTrait(trait), trait).toBeGreaterThanOrEqual(8);
    expect(corpus.filter((m) => (m.earlier?.length ?? 0) >= 2).length).toBeGreaterThanOrEqual(12);
  });

  it('refuses a line that breaks the schema, naming it', () => {
    const line = JSON.stringify({ ...corpus[0], urgency: 'whenever' });
    expect(() => parseAnalysisCorpus(`\n${line}\n`)).toThrow(/line 2/);
    expect(() => parseAnalysisCorpus(JSON.stringify({ ...corpus[0], id: 'fr-001' }))).toThrow(/starts with the language/);
  });
});
