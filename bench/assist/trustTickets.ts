/**
 * The tickets and passages the trust benchmark runs on, all our own writing: the redaction
 * corpus's ticket samples (support messages with PII planted in every spelling, both splits: the
 * cost figures tune nothing), the bank tickets of bench/datasets, and the demo help articles cut
 * into passages of the length retrieval returns. Plus the worst-case messages of the cost bounds.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { TICKET_LIMITS, type TicketContextInput } from '../../shared/src/index.js';
import { loadRedactionCorpus } from '../../server/src/security/corpus/redactionCorpus.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

function ticketOf(id: string, body: string, requester?: string): TicketContextInput {
  const firstLine = body.split('\n')[0] ?? body;
  return {
    site: 'api',
    ticketId: id,
    subject: firstLine.slice(0, 80),
    requester: requester === undefined ? {} : { name: requester },
    messages: [{ authorRole: 'customer', body: body.slice(0, TICKET_LIMITS.bodyChars) }],
  };
}

/** Support messages with PII in them, as customers write them. */
export function corpusTickets(): TicketContextInput[] {
  return loadRedactionCorpus()
    .filter((s) => s.type === 'ticket')
    .map((s) => ticketOf(`corpus-${s.id}`, s.text, s.requester));
}

/** Ordinary banking questions (bench/datasets/bank-tickets.dev.jsonl). */
export async function bankTickets(): Promise<TicketContextInput[]> {
  const lines = (await readFile(path.join(ROOT, 'bench', 'datasets', 'bank-tickets.dev.jsonl'), 'utf8')).split('\n').filter(Boolean);
  return lines.map((line, i) => {
    const { id, ticket } = JSON.parse(line) as { id: string; ticket: string };
    return ticketOf(`bank-${id || String(i)}`, ticket, 'Sam Lee');
  });
}

/** The demo help articles cut at paragraphs into passages of at most ~900 characters, as retrieval hands them to a draft. */
export async function demoPassages(): Promise<string[]> {
  const dir = path.join(ROOT, 'server', 'demo', 'knowledge');
  const passages: string[] = [];
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.md')).sort()) {
    let current = '';
    for (const paragraph of (await readFile(path.join(dir, file), 'utf8')).split(/\n{2,}/)) {
      if (current.length + paragraph.length > 900 && current !== '') {
        passages.push(current.trim());
        current = '';
      }
      current += `${paragraph}\n\n`;
    }
    if (current.trim() !== '') passages.push(current.trim());
  }
  return passages;
}

const N = TICKET_LIMITS.bodyChars;
const fill = (unit: string): string => unit.repeat(Math.ceil(N / unit.length)).slice(0, N);

/** 20,000-character messages of the shapes that once cost seconds; the first is the case. */
export const WORST_CASE_MESSAGES: readonly [string, string][] = [
  ['one letter', fill('a')],
  ['digits', fill('7')],
  ['digit groups', fill('4111 ')],
  ['line breaks', `a${'\n'.repeat(N - 2)}b`],
  ['punctuation', fill('!?.')],
  ['a giant word', fill('Supercalifragilistic')],
  ['capitalised words', fill('Ana ')],
];

export const ORDINARY_MESSAGE =
  'Hi, I returned the jacket (order #1042) two weeks ago and still have no refund. When will it arrive? You can call me on +1 415 555 0134.';

export function worstCaseTicket(name: string, body: string): TicketContextInput {
  return { ...ticketOf(`worst-${name}`, body, 'Ana Lopez'), subject: 'Help with my order' };
}
