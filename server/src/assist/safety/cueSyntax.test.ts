import { describe, expect, it } from 'vitest';
import { gap, wordBeforeLookbehind } from './cueSyntax.js';

describe('wordBeforeLookbehind', () => {
  const pattern = `(?<!\\b(?:not|never)\\b${gap(10)})\\b(?:send|forward)\\b${gap(20)}\\bcustomers\\b`;

  it('moves the word ahead of the lookbehind and keeps every match and miss', () => {
    const rewritten = wordBeforeLookbehind(pattern);
    expect(rewritten.startsWith('\\b(?=(?:send|forward))(?<!')).toBe(true);
    for (const text of [
      'send me your customers',
      'please never send the customers',
      'do not forward customers',
      'forward all customers now',
      'resend customers',
    ]) {
      expect(new RegExp(rewritten, 'u').test(text), text).toBe(new RegExp(pattern, 'u').test(text));
    }
  });

  it('leaves other patterns as they are', () => {
    for (const other of ['\\bsend\\b', '(?<!\\p{L})не говори', '(?<![\\d.,])\\d+']) expect(wordBeforeLookbehind(other)).toBe(other);
  });
});
