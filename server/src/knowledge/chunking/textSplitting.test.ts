import { describe, expect, it } from 'vitest';
import { splitSentences, splitToFit } from './textSplitting.js';

describe('splitSentences', () => {
  it('cuts after terminal punctuation and line breaks, but not after abbreviations, initials or decimals', () => {
    expect(splitSentences('Bring the receipt, e.g. the email copy. Refunds cost $4.50 to process! Ask J. Smith? Yes.')).toEqual([
      'Bring the receipt, e.g. the email copy.',
      'Refunds cost $4.50 to process!',
      'Ask J. Smith?',
      'Yes.',
    ]);
    expect(splitSentences('Line one\nLine two.')).toEqual(['Line one', 'Line two.']);
    expect(splitSentences('He said "it arrived." Then he left.')).toEqual(['He said "it arrived."', 'Then he left.']);
    expect(splitSentences('返品は30日以内です。返金は5日かかります。')).toEqual(['返品は30日以内です。', '返金は5日かかります。']);
  });
});

describe('splitToFit', () => {
  it('packs whole sentences, then words, then cuts hard, and honours a shorter first piece', () => {
    const pieces = splitToFit('One short sentence. Another short sentence. A third one here.', 'prose', 45, 20);
    expect(pieces).toEqual(['One short sentence.', 'Another short sentence. A third one here.']);
    expect(splitToFit('alpha beta gamma delta', 'prose', 11)).toEqual(['alpha beta', 'gamma delta']);
    expect(splitToFit('abcdefghij', 'prose', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('cuts table rows between cells and code between lines', () => {
    expect(splitToFit('Plan: Basic | Window: 30 days | Fee: none', 'cells', 30)).toEqual(['Plan: Basic | Window: 30 days', 'Fee: none']);
    expect(splitToFit('line one\nline two\nline three', 'lines', 18)).toEqual(['line one\nline two', 'line three']);
  });

  it('never cuts a surrogate pair in half', () => {
    const pieces = splitToFit('😀😀😀', 'prose', 3);
    expect(pieces.join('')).toBe('😀😀😀');
    for (const piece of pieces) expect(piece).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
  });
});
