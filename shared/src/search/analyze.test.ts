import { describe, expect, it } from 'vitest';
import { analyze, analyzeWithOffsets, fold } from './analyze.js';

describe('analyze', () => {
  it('stems, drops stopwords and keeps numbers', () => {
    expect(analyze('Hi, I was charged twice for order 5512 and want refunds')).toEqual(['charg', 'twice', 'order', '5512', 'refund']);
  });

  it('folds accents and case', () => {
    expect(fold('Rückerstattung')).toBe('ruckerstattung');
    expect(analyze('REEMBOLSÓ')).toEqual(analyze('reembolso'));
  });

  it('splits identifiers and keeps offsets into the original text', () => {
    expect(analyze('open_bank_account_4821')).toEqual(['open', 'bank', 'account', '4821']);
    const text = 'Your card was declined.';
    const tokens = analyzeWithOffsets(text);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['card', 'declined']);
  });
});
