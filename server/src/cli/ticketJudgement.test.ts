import { describe, expect, it } from 'vitest';
import { labelledTicketSchema, type LabelledTicket } from './labelledTickets.js';
import { groupReport, judgeQuestions, judgeTicket, ticketSetReports } from './ticketJudgement.js';

const q = (primary: string[], alsoRelevant: string[] = []) => ({
  question: 'a question',
  answerable: primary.length > 0,
  primary,
  alsoRelevant,
  facts: primary.length > 0 ? ['a fact'] : [],
});

function ticket(id: string, language: string, split: string, questions: ReturnType<typeof q>[]): LabelledTicket {
  return labelledTicketSchema.parse({
    id,
    kb: 'demo',
    language,
    persona: 'terse',
    ticket: 'text',
    split,
    answerable: questions.some((x) => x.answerable),
    questions,
  });
}

const twoQuestions = ticket('demo-001', 'en', 'test', [q(['a']), q(['b'], ['c'])]);
const german = ticket('demo-002', 'de', 'test', [q(['d'])]);
const none = ticket('demo-003', 'en', 'dev', [q([])]);
const ranking = (ranked: string[], topScore = 0.5) => ({ ranked, topScore, latencyMs: 1 });

describe('ticket judgement', () => {
  it('judges a ticket against the union of its questions, graded', () => {
    const judged = judgeTicket(twoQuestions, ranking(['a', 'x']));
    expect(judged.relevant).toEqual(['a', 'b']);
    expect(judged.grades?.get('c')).toBe(1);
  });

  it('judges each answerable question on its own: the ignored question is a miss', () => {
    const judged = judgeQuestions(twoQuestions, ranking(['a', 'x']));
    expect(judged.map((j) => j.id)).toEqual(['demo-001#q1', 'demo-001#q2']);
    const report = groupReport([twoQuestions], new Map([['demo-001', ranking(['a', 'x'])]]));
    expect(report.tickets.hitRate['@5']).toBe(1);
    expect(report.tickets.recall['@5']).toBe(0.5);
    expect(report.questions.hitRate['@5']).toBe(0.5);
  });

  it('reports per split and language group, with unanswerable tickets in the top-score figures', () => {
    const rankings = new Map([
      ['demo-001', ranking(['a', 'b'])],
      ['demo-002', ranking(['x', 'd'])],
      ['demo-003', ranking(['a'], 0.2)],
    ]);
    const reports = ticketSetReports([twoQuestions, german, none], rankings, ['test', 'all']);
    expect(reports.test?.en.tickets.answerable).toBe(1);
    expect(reports.test?.['non-en'].tickets.mrr).toBe(0.5);
    expect(reports.test?.all.questions.answerable).toBe(3);
    expect(reports.all?.all.tickets.unanswerableTopScore).toEqual({ n: 1, p50: 0.2, p90: 0.2, max: 0.2 });
    expect(reports.test?.all.tickets.unanswerableTopScore).toBeNull();
  });

  it('leaves out tickets that were not ranked', () => {
    expect(groupReport([twoQuestions, german], new Map([['demo-002', ranking(['d'])]])).tickets.queries).toBe(1);
  });
});
