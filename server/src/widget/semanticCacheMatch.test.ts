// The words-level rules of the semantic cache: what casing, punctuation, order and typos cannot
// change, and what numbers, negation or one swapped word always change.
import { describe, expect, it } from 'vitest';
import { closeness, lexicalVerdict, normaliseQuestion, numbersOf, questionKey } from './semanticCacheMatch.js';

const verdict = (asked: string, cached: string) => lexicalVerdict(questionKey(asked, undefined), questionKey(cached, undefined));

describe('semantic cache matching', () => {
  it('normalises casing, punctuation, spacing and contractions', () => {
    expect(normaliseQuestion('  HOW do I   cancel my order??')).toBe('how do i cancel my order');
    expect(normaliseQuestion("I didn’t get it, can't you help?")).toBe('i did not get it ca not you help');
  });

  it('reads the numbers in digits, canonically', () => {
    expect(numbersOf('Does express cost 9,90 EUR before 14:00?')).toBe('14:00 9.90');
    expect(numbersOf('after 07 days')).toBe(numbersOf('after 7 days'));
    expect(numbersOf('9.05 EUR')).not.toBe(numbersOf('9.5 EUR'));
    expect(numbersOf('how do I start one?')).toBe('');
  });

  it('calls reordered and misspelt questions the same', () => {
    expect(verdict('how can i chnage my emial address', 'How can I change my email address?')).toBe('same');
    expect(verdict('My email address, how can I change it?', 'How can I change my email address?')).toBe('same');
  });

  it('calls other numbers, a negation or a swapped word different, even when an embedding says 1', () => {
    const unit = new Float32Array([1, 0]);
    const key = (text: string) => questionKey(text, unit);
    expect(closeness(key('Is shipping free over 30 EUR?'), key('Is shipping free over 50 EUR?'))).toBe(-1);
    expect(closeness(key('What does the warranty cover?'), key('What does the warranty not cover?'))).toBe(-1);
    expect(closeness(key('How do I change my order?'), key('How do I cancel my order?'))).toBe(-1);
  });

  it('leaves a question that only adds words to the embeddings', () => {
    expect(verdict('How can I change the email address on my account?', 'How can I change my email address?')).toBe('embed');
    const a = questionKey('How can I change the email address on my account?', new Float32Array([0.6, 0.8]));
    const b = questionKey('How can I change my email address?', new Float32Array([1, 0]));
    expect(closeness(a, b)).toBeCloseTo(0.6);
    expect(closeness(questionKey('How can I change the email address on my account?', undefined), b)).toBe(-1);
  });
});
