import { describe, expect, it } from 'vitest';
import { ChunkIndex } from './chunkIndex.js';
import { RANKER_FEATURES, ticketCandidates, type RankerFeatures, type TicketCandidate } from './ticketCandidates.js';
import { rankCandidates, rankerScore, searchTicket, type LinearRanker } from './ticketRanker.js';

function index(): ChunkIndex {
  const kb = new ChunkIndex();
  const docs: [string, string, string][] = [
    ['evergreen-fee', 'Evergreen Account monthly fee', 'The Evergreen Account costs $5 a month, waived with a $500 balance.'],
    ['evergreen-paper', 'Evergreen Account paper statements', 'Paper statements on the Evergreen Account cost $2 each month.'],
    ['gold-fee', 'Gold Account monthly fee', 'The Gold Account costs $12 a month, waived with a $5,000 balance.'],
    ['wire', 'Sending a wire transfer', 'Wire transfers leave the same business day when sent before 3 pm.'],
    ['cards', 'Replacing a lost card', 'Report a lost card in the app and a replacement arrives in 5 days.'],
  ];
  // Enough other articles that a product name is as rare among titles as in a real knowledge base;
  // topic words ("monthly fee", "statements") recur across products.
  const topics = ['Account monthly fee', 'Account paper statements', 'Account interest rates', 'Card limits'];
  for (let i = 0; i < 60; i++) docs.push([`other-${i}`, `Plan${i} ${topics[i % topics.length] as string}`, `General help article ${i}.`]);
  for (const [id, title, text] of docs)
    kb.upsertDocument({ documentId: id, sourceId: 's', title, tags: [] }, [{ chunkId: `${id}#0`, sectionPath: [], text }]);
  return kb;
}

const zero = (): RankerFeatures => Object.fromEntries(RANKER_FEATURES.map((f) => [f, 0])) as RankerFeatures;

function candidate(id: string, score: number, questionRanks: number[]): TicketCandidate {
  const features = { ...zero(), chunkLexical: score };
  return {
    documentId: id,
    questionRanks,
    features,
    hit: {
      chunkId: `${id}#0`,
      documentId: id,
      title: id,
      sectionPath: [],
      text: '',
      score,
      highlights: [],
      signals: {
        chunkLexical: score,
        titleLexical: 0,
        chunkSemantic: undefined,
        titleSemantic: undefined,
        fused: score,
        lexicalChunks: 1,
        lexicalMass: score,
      },
    },
  };
}

const lexicalOnly: LinearRanker = { bias: 0, weights: { chunkLexical: 1 }, questionSlots: 0 };

describe('ticketCandidates', () => {
  it('gathers the documents of every question, with the entity the ticket names matched against titles', () => {
    const candidates = ticketCandidates(index(), {
      text: 'Evergreen account: what is the monthly fee? And how much are paper statements?',
      questions: ['what is the monthly fee?', 'how much are paper statements?'],
      foreign: false,
    });
    const byId = new Map(candidates.map((c) => [c.documentId, c]));
    expect(byId.get('evergreen-paper')?.questionRanks[1]).toBe(0);
    expect(byId.get('evergreen-fee')?.features.entityMatch).toBe(1);
    // The Gold account's fee article matches the topic but not the product the ticket names.
    expect(byId.get('gold-fee')?.features.entityMiss).toBe(1);
    expect(byId.get('evergreen-fee')!.features.titleCoverage).toBeGreaterThan(byId.get('gold-fee')!.features.titleCoverage);
  });
});

describe('rankCandidates', () => {
  it('orders by the model score', () => {
    const ranked = rankCandidates([candidate('a', 0.2, []), candidate('b', 0.9, []), candidate('c', 0.5, [])], lexicalOnly, 3);
    expect(ranked.map((h) => h.documentId)).toEqual(['b', 'c', 'a']);
    expect(ranked[0]?.rankerScore).toBeCloseTo(0.9);
  });

  it("lifts each question's best document into the reserved slots", () => {
    const candidates = [candidate('a', 0.9, [0, 9]), candidate('b', 0.8, [1, 9]), candidate('c', 0.7, [2, 9]), candidate('d', 0.1, [9, 0])];
    expect(rankCandidates(candidates, lexicalOnly, 3).map((h) => h.documentId)).toEqual(['a', 'b', 'c']);
    const slotted = rankCandidates(candidates, { ...lexicalOnly, questionSlots: 3 }, 4).map((h) => h.documentId);
    expect(slotted.slice(0, 3)).toContain('d');
    expect(slotted.slice(0, 3)).toContain('a');
  });

  it('scores with the bias and the weights it knows, ignoring features without one', () => {
    expect(
      rankerScore({ bias: 1, weights: { chunkLexical: 2 }, questionSlots: 0 }, { ...zero(), chunkLexical: 0.5, titleLexical: 9 }),
    ).toBe(2);
  });
});

describe('searchTicket', () => {
  it("finds a source for each of a ticket's questions", () => {
    const text = 'Evergreen fees\nEvergreen account: what is the monthly fee? And how much are paper statements?';
    const hits = searchTicket(
      index(),
      { text, questions: ['what is the monthly fee?', 'how much are paper statements?'], foreign: false },
      3,
    );
    const ids = hits.map((h) => h.documentId);
    expect(ids).toContain('evergreen-fee');
    expect(ids).toContain('evergreen-paper');
    expect(ids.indexOf('evergreen-fee')).toBeLessThan(ids.indexOf('gold-fee') < 0 ? 99 : ids.indexOf('gold-fee'));
  });
});
