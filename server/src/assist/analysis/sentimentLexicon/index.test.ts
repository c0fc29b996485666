import { fold } from '@tandem/shared/search';
import { describe, expect, it } from 'vitest';
import { EMOJI_VALENCE, LEXICONS, type SentimentLexicon } from './index.js';

const LIST_KEYS = ['negators', 'contrast', 'repeatContact', 'churn', 'legal', 'deadline', 'emergency', 'noRush'] as const;

function entriesOf(lexicon: SentimentLexicon): string[] {
  return [
    ...Object.keys(lexicon.valence),
    ...Object.keys(lexicon.gratitude),
    ...Object.keys(lexicon.intensifiers),
    ...LIST_KEYS.flatMap((key) => lexicon[key]),
  ];
}

describe.each(Object.entries(LEXICONS))('the %s lexicon', (_language, lexicon) => {
  it('writes every word the way ticket signals tokenise text, or it could never match', () => {
    const unmatchable = entriesOf(lexicon).filter((entry) =>
      entry.split(' ').some((word) => {
        const stem = word.endsWith('*') ? word.slice(0, -1) : word;
        return !/^[\p{L}\p{N}]+$/u.test(stem) || fold(stem) !== stem || stem.includes('ß');
      }),
    );
    expect(unmatchable).toEqual([]);
  });

  it('fills every part, so no cue goes undetected in this language', () => {
    for (const key of LIST_KEYS) expect(lexicon[key], key).not.toHaveLength(0);
    for (const key of ['valence', 'gratitude', 'intensifiers'] as const) expect(Object.keys(lexicon[key]), key).not.toHaveLength(0);
  });

  it('lists no phrase both as valence and as gratitude, where one would silently shadow the other', () => {
    expect(Object.keys(lexicon.valence).filter((entry) => Object.hasOwn(lexicon.gratitude, entry))).toEqual([]);
  });

  it('keeps valence within −3 … 3 and intensifiers above 1 (a factor of 1 or less is never applied)', () => {
    for (const [entry, value] of Object.entries({ ...lexicon.valence, ...lexicon.gratitude })) {
      expect(Math.abs(value), entry).toBeLessThanOrEqual(3);
    }
    for (const [entry, factor] of Object.entries(lexicon.intensifiers)) expect(factor, entry).toBeGreaterThan(1);
  });
});

describe('emoji valence', () => {
  it('keys single pictographs, the unit ticket signals reads emoji in', () => {
    const unreadable = Object.keys(EMOJI_VALENCE).filter((emoji) => !/^\p{Extended_Pictographic}$/u.test(emoji));
    expect(unreadable).toEqual([]);
  });
});
