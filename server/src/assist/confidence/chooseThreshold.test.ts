import { describe, expect, it } from 'vitest';
import { chooseThreshold, flagRates } from './chooseThreshold.js';

const samples = (good: readonly number[], bad: readonly number[]) => [
  ...good.map((confidence) => ({ confidence, shouldFlag: false })),
  ...bad.map((confidence) => ({ confidence, shouldFlag: true })),
];

describe('chooseThreshold', () => {
  it('puts the threshold between separable groups, meeting both targets', () => {
    const chosen = chooseThreshold(samples([0.6, 0.7, 0.8, 0.9, 0.95], [0.1, 0.2, 0.3, 0.4]));
    expect(chosen.threshold).toBeGreaterThan(0.4);
    expect(chosen.threshold).toBeLessThan(0.6);
    expect(chosen).toMatchObject({ goodFlagged: 0, badFlagged: 1, meetsTargets: true });
  });

  it('keeps the good-flag cap when the groups overlap too much to meet both targets', () => {
    const good = Array.from({ length: 10 }, (_, i) => 0.3 + i * 0.05);
    const bad = Array.from({ length: 10 }, (_, i) => 0.25 + i * 0.05);
    const chosen = chooseThreshold(samples(good, bad));
    expect(chosen.meetsTargets).toBe(false);
    expect(chosen.goodFlagged).toBeLessThanOrEqual(0.2);
    expect(flagRates(samples(good, bad), chosen.threshold)).toEqual({ goodFlagged: chosen.goodFlagged, badFlagged: chosen.badFlagged });
  });

  it('flags below the threshold, not at it', () => {
    expect(flagRates(samples([0.5], [0.49]), 0.5)).toEqual({ goodFlagged: 0, badFlagged: 1 });
  });
});
