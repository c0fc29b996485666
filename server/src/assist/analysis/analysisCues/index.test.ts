import { fold } from '@tandem/shared/search';
import { describe, expect, it } from 'vitest';
import { ANALYSIS_CUES, type AnalysisCues } from './index.js';

type ListKey = Exclude<keyof AnalysisCues, 'valence'>;
const LIST_KEYS = Object.keys(ANALYSIS_CUES.en).filter((k): k is ListKey => k !== 'valence');

describe.each(Object.entries(ANALYSIS_CUES))('the %s analysis cues', (_language, cues) => {
  it('writes every word the way the analysis tokenises text (folded, no punctuation), or it could never match', () => {
    const entries = [...Object.keys(cues.valence), ...LIST_KEYS.flatMap((key) => cues[key])];
    const unmatchable = entries.filter((entry) =>
      entry.split(' ').some((word) => {
        if (word === '#') return false;
        const stem = word.endsWith('*') ? word.slice(0, -1) : word;
        return !/^[\p{L}\p{N}]+$/u.test(stem) || fold(stem) !== stem || stem.includes('ß');
      }),
    );
    expect(unmatchable).toEqual([]);
  });

  it('fills every list the features read, in every language alike', () => {
    expect(Object.keys(cues).sort()).toEqual(Object.keys(ANALYSIS_CUES.en).sort());
    for (const key of LIST_KEYS) expect(cues[key], key).not.toHaveLength(0);
  });

  it('keeps valence within −3 … 3', () => {
    for (const [entry, value] of Object.entries(cues.valence)) expect(Math.abs(value), entry).toBeLessThanOrEqual(3);
  });

  it('lists no entry twice in one list', () => {
    for (const key of LIST_KEYS)
      expect(
        cues[key].filter((e, i) => cues[key].indexOf(e) !== i),
        key,
      ).toEqual([]);
  });
});
