import { describe, expect, it } from 'vitest';
import { classFigures } from './classificationMetrics.js';

describe('classFigures', () => {
  it('scores a perfect reading 1 and counts the confusion', () => {
    const f = classFigures(['a', 'b', 'b'], ['a', 'b', 'b'], ['a', 'b', 'c']);
    expect(f.accuracy).toBe(1);
    expect(f.macroF1).toBe(1);
    expect(f.confusion['b']?.['b']).toBe(2);
  });

  it('weighs a rare class as much as a common one in macro-F1', () => {
    // Always guessing the common class: accuracy 0.9, but F1 0 on the rare class.
    const truth = [...Array<string>(9).fill('common'), 'rare'];
    const f = classFigures(truth, Array<string>(10).fill('common'), ['common', 'rare']);
    expect(f.accuracy).toBeCloseTo(0.9);
    expect(f.f1['rare']).toBe(0);
    expect(f.macroF1).toBeCloseTo((2 * 0.9 * 1) / 1.9 / 2);
  });

  it('leaves out a label neither read nor true', () => {
    expect(Object.keys(classFigures(['a'], ['a'], ['a', 'b']).f1)).toEqual(['a']);
  });
});
