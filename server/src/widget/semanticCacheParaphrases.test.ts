// Pins the semantic cache's paraphrase set: its size, the labels and variants, and the split
// recorded on every line, which must be the one the seeded deal gives (so no pair moves between
// train, dev and test without this test being changed on purpose).
import { describe, expect, it } from 'vitest';
import { dealParaphraseSplits, loadParaphrases } from './semanticCacheParaphrases.js';

describe('widget paraphrase set', () => {
  it('has at least 100 pairs of both labels, each id once, and the seeded split on every line', async () => {
    const pairs = await loadParaphrases();
    expect(pairs).toHaveLength(121);
    expect(new Set(pairs.map((p) => p.id)).size).toBe(pairs.length);
    const count = (f: (p: (typeof pairs)[number]) => boolean) => pairs.filter(f).length;
    expect(count((p) => p.label === 'hit')).toBe(66);
    expect(count((p) => p.label === 'miss')).toBe(55);
    expect(count((p) => p.split === 'train')).toBe(61);
    expect(count((p) => p.split === 'dev')).toBe(24);
    expect(count((p) => p.split === 'test')).toBe(36);
    expect(count((p) => p.split === 'test' && p.label === 'hit')).toBe(20);
    expect(count((p) => p.split === 'test' && p.label === 'miss')).toBe(16);
    const dealt = dealParaphraseSplits(pairs);
    expect(pairs.filter((p) => dealt.get(p.id) !== p.split).map((p) => p.id)).toEqual([]);
  });

  it('deals every stratum across the three splits', async () => {
    const pairs = await loadParaphrases();
    for (const variant of ['reworded', 'typo', 'different-question', 'different-amount', 'different-product'] as const) {
      const splits = new Set(pairs.filter((p) => p.variant === variant).map((p) => p.split));
      expect([variant, [...splits].sort()]).toEqual([variant, ['dev', 'test', 'train']]);
    }
  });
});
