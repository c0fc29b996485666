import { describe, expect, it } from 'vitest';
import type { LabelledTicket } from './labelledTickets.js';
import { assignSplits, splitDigest } from './ticketSplits.js';

function ticket(n: number, overrides: Partial<LabelledTicket> = {}): LabelledTicket {
  return {
    id: `bank-${String(n).padStart(3, '0')}`,
    kb: 'bank',
    language: n % 4 === 0 ? 'de' : 'en',
    persona: 'terse',
    ticket: `ticket ${n}`,
    answerable: true,
    questions: [{ question: 'a question', answerable: true, primary: ['doc'], alsoRelevant: [], facts: ['a fact'], forbidden: [] }],
    ...overrides,
  };
}

describe('assignSplits', () => {
  const tickets = Array.from({ length: 100 }, (_, i) => ticket(i + 1));

  it('deals 5 : 2 : 3 within a stratum, languages included', () => {
    const splits = assignSplits(tickets);
    const count = (lang: string, split: string) => tickets.filter((t) => t.language === lang && splits.get(t.id) === split).length;
    expect([
      count('en', 'train') + count('de', 'train'),
      count('en', 'dev') + count('de', 'dev'),
      count('en', 'test') + count('de', 'test'),
    ]).toEqual([50, 20, 30]);
    // 25 German tickets: each split gets its share within one ticket.
    expect(Math.abs(count('de', 'test') - 7.5)).toBeLessThanOrEqual(1);
    expect(Math.abs(count('de', 'dev') - 5)).toBeLessThanOrEqual(1);
  });

  it('is the same for the same tickets and seed, in any order, and differs with another seed', () => {
    const once = assignSplits(tickets);
    expect(assignSplits([...tickets].reverse())).toEqual(once);
    expect(assignSplits(tickets, 'another seed')).not.toEqual(once);
  });

  it('keeps recorded splits and only deals new tickets', () => {
    const recorded = tickets.map((t) => ({ ...t, split: 'test' as const }));
    const added = [...recorded, ticket(101), ticket(102), ticket(103)];
    const splits = assignSplits(added);
    for (const t of recorded) expect(splits.get(t.id)).toBe('test');
    expect(new Set(['bank-101', 'bank-102', 'bank-103'].map((id) => splits.get(id)))).not.toEqual(new Set([undefined]));
  });

  it('splits answerable and unanswerable tickets separately', () => {
    const unanswerable = Array.from({ length: 10 }, (_, i) =>
      ticket(200 + i, {
        answerable: false,
        questions: [{ question: 'none', answerable: false, primary: [], alsoRelevant: [], facts: [], forbidden: [] }],
      }),
    );
    const splits = assignSplits([...tickets, ...unanswerable]);
    expect(unanswerable.filter((t) => splits.get(t.id) === 'test')).toHaveLength(3);
  });

  it('digests the recorded splits independently of order', () => {
    const a = [
      { id: 'bank-001', split: 'test' as const },
      { id: 'bank-002', split: 'train' as const },
    ];
    const moved = [
      { id: 'bank-001', split: 'dev' as const },
      { id: 'bank-002', split: 'train' as const },
    ];
    expect(splitDigest(a)).toBe(splitDigest([...a].reverse()));
    expect(splitDigest(a)).not.toBe(splitDigest(moved));
  });
});
