import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_ROOT, DEFAULT_TICKET_SET, documentIdsOf, loadEvalCorpus, missingData } from './evalKnowledgeBases.js';
import {
  documentGrades,
  KNOWLEDGE_BASES,
  labelledTicketSchema,
  loadLabelledTickets,
  primaryDocuments,
  SPLITS,
  type LabelledTicket,
} from './labelledTickets.js';
import { SPLIT_SHARES, splitDigest, stratumOf } from './ticketSplits.js';

const question = { question: 'a question', answerable: true, primary: ['d1'], facts: ['a fact'] };
const base = { id: 'demo-001', kb: 'demo', language: 'en', persona: 'terse', ticket: 'help', answerable: true, questions: [question] };

describe('labelledTicketSchema', () => {
  it('accepts a ticket and fills the defaults', () => {
    const t = labelledTicketSchema.parse(base);
    expect(t.questions[0]).toEqual({ ...question, alsoRelevant: [], forbidden: [] });
  });

  it('refuses labels that contradict each other', () => {
    const bad = [
      { ...base, answerable: false },
      { ...base, id: 'bank-001' },
      { ...base, questions: [{ ...question, answerable: false }] },
      { ...base, questions: [{ ...question, facts: [] }] },
      { ...base, questions: [{ ...question, alsoRelevant: ['d1'] }] },
      { ...base, answerable: false, questions: [{ question: 'none', answerable: false, primary: [], facts: ['x'] }] },
      { ...base, language: 'it' },
      { ...base, extra: true },
    ];
    for (const ticket of bad) expect(labelledTicketSchema.safeParse(ticket).success, JSON.stringify(ticket)).toBe(false);
  });

  it('grades a primary document above an also-relevant one, whichever question names it', () => {
    const t = labelledTicketSchema.parse({
      ...base,
      questions: [question, { ...question, primary: ['d2'], alsoRelevant: ['d1', 'd3'] }],
    });
    expect(primaryDocuments(t)).toEqual(['d1', 'd2']);
    expect([...documentGrades(t.questions)].sort()).toEqual([
      ['d1', 2],
      ['d2', 2],
      ['d3', 1],
    ]);
  });
});

describe('the committed labelled set (bench/datasets/tickets-v2.jsonl)', async () => {
  const tickets = await loadLabelledTickets(DEFAULT_TICKET_SET);
  const share = (pred: (t: LabelledTicket) => boolean, of: readonly LabelledTicket[] = tickets) => of.filter(pred).length / of.length;

  it('has at least 200 tickets across the three knowledge bases, non-English and unanswerable ones included', () => {
    expect(tickets.length).toBe(261);
    expect(KNOWLEDGE_BASES.map((kb) => tickets.filter((t) => t.kb === kb).length)).toEqual([158, 48, 55]);
    expect(share((t) => t.language !== 'en')).toBeGreaterThanOrEqual(0.15);
    for (const language of ['es', 'de', 'fr', 'pt'])
      expect(tickets.filter((t) => t.language === language).length).toBeGreaterThanOrEqual(12);
    expect(share((t) => !t.answerable)).toBeGreaterThanOrEqual(0.15);
    expect(tickets.filter((t) => t.questions.length > 1).length).toBeGreaterThanOrEqual(20);
  });

  it('records one split per ticket, pinned so none moves unnoticed', () => {
    for (const t of tickets) expect(t.split, t.id).toBeDefined();
    expect(SPLITS.map((s) => tickets.filter((t) => t.split === s).length)).toEqual([130, 53, 78]);
    // Changes only when tickets are added on purpose (bench/datasets/assignSplits.ts prints the new digest).
    expect(splitDigest(tickets)).toBe('4c54c9b23e3aba04');
  });

  it('splits every stratum (knowledge base × answerability) about 5 : 2 : 3, and every language reaches test', () => {
    const strata = new Map<string, LabelledTicket[]>();
    for (const t of tickets) strata.set(stratumOf(t), [...(strata.get(stratumOf(t)) ?? []), t]);
    for (const [stratum, members] of strata)
      for (const split of SPLITS)
        expect(Math.abs(share((t) => t.split === split, members) - SPLIT_SHARES[split]), `${stratum} ${split}`).toBeLessThanOrEqual(
          1.5 / members.length,
        );
    for (const language of ['en', 'es', 'de', 'fr', 'pt'])
      for (const split of SPLITS)
        expect(
          tickets.some((t) => t.language === language && t.split === split),
          `${language} in ${split}`,
        ).toBe(true);
  });

  it('keeps the splits apart: no ticket text twice, and none of the legacy (tuned-on) dev set', async () => {
    const normal = (text: string) => text.toLowerCase().replace(/\W+/g, ' ').trim();
    const texts = new Map<string, string>();
    for (const t of tickets) {
      expect(texts.get(normal(t.ticket)), `${t.id} repeats a ticket`).toBeUndefined();
      texts.set(normal(t.ticket), t.id);
    }
    const legacy = (await readFile(path.join(path.dirname(DEFAULT_TICKET_SET), 'bank-tickets.dev.jsonl'), 'utf8'))
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => normal((JSON.parse(l) as { ticket: string }).ticket));
    expect(legacy.length).toBe(48);
    for (const text of legacy) expect(texts.get(text)).toBeUndefined();
  });

  for (const kb of KNOWLEDGE_BASES) {
    const missing = missingData(kb, DEFAULT_DATA_ROOT);
    // A skipped test names the path it looked for, so a checkout without ../shared/data says why.
    const name = `labels only documents that exist in the ${kb} knowledge base${missing === undefined ? '' : ` (skipped: no data at ${missing})`}`;
    it.skipIf(missing !== undefined)(name, async () => {
      const ids = await documentIdsOf(await loadEvalCorpus(kb, DEFAULT_DATA_ROOT));
      const labelled = tickets.filter((t) => t.kb === kb).flatMap((t) => t.questions.flatMap((q) => [...q.primary, ...q.alsoRelevant]));
      expect(labelled.length).toBeGreaterThan(0);
      expect(labelled.filter((id) => !ids.has(id))).toEqual([]);
    });
  }
});
