/**
 * Classifying what left the composer, and the character-level similarity behind keptRatio: the
 * bit-parallel LCS against the textbook table, and its speed on 5,000-character replies.
 */
import { describe, expect, it } from 'vitest';
import { classifySentDraft, draftPart, keptRatio, lcsLength } from './draftOutcome';

/** The textbook dynamic programme, as the reference. */
function lcsTable(a: string, b: string): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = a[i - 1] === b[j - 1] ? (previous[j - 1] ?? 0) + 1 : Math.max(previous[j] ?? 0, row[j - 1] ?? 0);
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/** Deterministic pseudo-random text (a small LCG), so a failure can be replayed. */
function randomText(seed: number, length: number, alphabet: string): string {
  let state = seed;
  let text = '';
  for (let index = 0; index < length; index += 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    text += alphabet[state % alphabet.length];
  }
  return text;
}

describe('lcsLength', () => {
  it('matches small known cases', () => {
    expect(lcsLength('ABCBDAB', 'BDCABA')).toBe(4);
    expect(lcsLength('', 'abc')).toBe(0);
    expect(lcsLength('abc', '')).toBe(0);
    expect(lcsLength('same', 'same')).toBe(4);
    expect(lcsLength('abc', 'xyz')).toBe(0);
  });

  it('agrees with the dynamic programme on random texts across word boundaries', () => {
    for (let seed = 1; seed <= 60; seed += 1) {
      const a = randomText(seed, (seed * 7) % 150, 'abcd');
      const b = randomText(seed * 31, (seed * 13) % 140, 'abcde');
      expect(lcsLength(a, b), `seed ${seed}`).toBe(lcsTable(a, b));
    }
    // Exactly one and two 32-bit words, and one bit over.
    for (const length of [31, 32, 33, 64, 65]) {
      const a = randomText(length, length, 'ab');
      const b = randomText(length + 1, 50, 'ab');
      expect(lcsLength(a, b)).toBe(lcsTable(a, b));
    }
  });

  it('handles characters outside the Basic Latin block', () => {
    expect(lcsLength('Grüße, Ana 👋', 'Grüße Ana 👋!')).toBe(lcsTable('Grüße, Ana 👋', 'Grüße Ana 👋!'));
  });

  it('takes milliseconds, not seconds, on two 5,000-character replies', () => {
    const draft = randomText(7, 5000, 'abcdefghijklmnopqrstuvwxyz .,');
    const sent = randomText(8, 5000, 'abcdefghijklmnopqrstuvwxyz .,');
    const started = performance.now();
    lcsLength(draft, sent);
    expect(performance.now() - started).toBeLessThan(250);
  });
});

describe('keptRatio', () => {
  it('is the share of the draft still in the sent text, whitespace aside', () => {
    expect(keptRatio('Hello Ada', 'Hello  Ada\n')).toBe(1);
    expect(keptRatio('abcd', 'ab')).toBe(0.5);
    expect(keptRatio('abcd', 'xxabcdyy')).toBe(1);
    expect(keptRatio('abcd', 'wxyz')).toBe(0);
  });
});

describe('draftPart', () => {
  it('drops the text that was around the draft when it is still there', () => {
    expect(draftPart('Hi Ada, Thanks! -- Priya', { before: 'Hi Ada,', after: '-- Priya' })).toBe('Thanks!');
  });

  it('keeps everything when the surrounding text was changed', () => {
    expect(draftPart('Hello Ada, Thanks!', { before: 'Hi Ada,', after: '' })).toBe('HelloAda,Thanks!');
  });
});

describe('classifySentDraft', () => {
  it('says sent-as-is when only whitespace differs', () => {
    expect(classifySentDraft('Refund sent.\nGrace', '  Refund   sent. Grace ')).toEqual({ outcome: 'sent-as-is', keptRatio: 1 });
  });

  it('says sent-edited with the kept share otherwise', () => {
    const result = classifySentDraft('Your refund is on its way.', 'Your refund is on its way, Ada!');

    expect(result.outcome).toBe('sent-edited');
    expect(result.keptRatio).toBeGreaterThan(0.9);
    expect(result.keptRatio).toBeLessThan(1);
  });

  it('says discarded when nothing of the reply was left', () => {
    expect(classifySentDraft('Refund sent.', ' \n ')).toEqual({ outcome: 'discarded', keptRatio: 0 });
  });
});
