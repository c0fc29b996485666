/** Unanswered questions cluster by shared words, count per cluster, and show redacted examples. */
import { describe, expect, it } from 'vitest';
import { clusterQuestions, questionWords } from './clusterQuestions.js';

const q = (text: string, askedAt: string, reason = 'no-answer') => ({ text, askedAt, reason });

describe('clusterQuestions', () => {
  it('groups rephrasings of one gap and keeps unrelated questions apart', () => {
    const clusters = clusterQuestions([
      q('Do you ship parcels to Iceland?', '2026-04-01T09:00:00.000Z'),
      q('Can you ship to Iceland please', '2026-04-01T10:00:00.000Z', 'low-confidence'),
      q('How long does shipping to Iceland take?', '2026-04-02T08:00:00.000Z'),
      q('Is the blue kettle dishwasher safe?', '2026-04-01T11:00:00.000Z'),
      q('Call me on +44 20 7946 0958 about shipping to Iceland', '2026-04-02T09:00:00.000Z'),
    ]);
    expect(clusters.map((c) => c.count)).toEqual([4, 1]);
    expect(clusters[0]?.label.split(' ')).toContain('iceland');
    expect(clusters[0]?.reasons).toEqual({ 'no-answer': 3, 'low-confidence': 1 });
    expect(clusters[0]?.lastAskedAt).toBe('2026-04-02T09:00:00.000Z');
    expect(clusters[0]?.examples).toHaveLength(3);
    expect(clusters[0]?.examples.join(' ')).not.toContain('7946');
    expect(clusters[1]?.examples).toEqual(['Is the blue kettle dishwasher safe?']);
  });

  it('ignores stop words, short words, numbers, case, accents, plural s and -ing', () => {
    expect([...questionWords('Where are the Cafés? Do you have cafe parcels 2026 shipping')].sort()).toEqual(['cafe', 'parcel', 'ship']);
  });

  it('returns nothing for no questions', () => {
    expect(clusterQuestions([])).toEqual([]);
  });
});
