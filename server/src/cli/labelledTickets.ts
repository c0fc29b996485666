/**
 * Tandem's own labelled support tickets (bench/datasets/tickets-v2.jsonl): one ticket per line,
 * validated here so the retrieval evaluation, the benchmarks and the draft evaluation all read
 * the same shape. A ticket belongs to one knowledge base, is written in one language, and asks
 * one or more questions; each question carries its own graded labels (primary documents answer
 * it, also-relevant ones help) and the facts a good answer states (and wrong ones it must not).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

export const KNOWLEDGE_BASES = ['bank', 'retail', 'demo'] as const;
export type KnowledgeBaseName = (typeof KNOWLEDGE_BASES)[number];

export const SPLITS = ['train', 'dev', 'test'] as const;
export type Split = (typeof SPLITS)[number];

export const TICKET_LANGUAGES = ['en', 'es', 'de', 'fr', 'pt'] as const;
export const PERSONAS = ['terse', 'rambling', 'angry', 'elderly', 'non-native', 'small-business', 'polite'] as const;

/**
 * A fact is a short phrase a correct answer contains; a list gives equivalent phrasings (the
 * article's English and the customer's language), any one of which counts.
 */
const factSchema = z.union([z.string().trim().min(1).max(200), z.array(z.string().trim().min(1).max(200)).min(1).max(6)]);
export type Fact = z.infer<typeof factSchema>;

const documentIds = z.array(z.string().min(1).max(300)).max(30);

const questionSchema = z
  .object({
    /** What the customer asks, in a few English words (for reports, never sent to the engine). */
    question: z.string().trim().min(3).max(300),
    answerable: z.boolean(),
    primary: documentIds,
    alsoRelevant: documentIds.default([]),
    facts: z.array(factSchema).max(6).default([]),
    forbidden: z.array(factSchema).max(6).default([]),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.answerable !== q.primary.length > 0)
      ctx.addIssue({ code: 'custom', message: 'a question is answerable exactly when it has primary documents' });
    if (q.answerable && q.facts.length === 0) ctx.addIssue({ code: 'custom', message: 'an answerable question needs its facts' });
    if (!q.answerable && (q.alsoRelevant.length > 0 || q.facts.length > 0))
      ctx.addIssue({ code: 'custom', message: 'an unanswerable question has no documents and no facts' });
    if (q.primary.some((id) => q.alsoRelevant.includes(id)))
      ctx.addIssue({ code: 'custom', message: 'a document is primary or also-relevant, not both' });
  });
export type TicketQuestion = z.output<typeof questionSchema>;

export const labelledTicketSchema = z
  .object({
    id: z.string().regex(/^(bank|retail|demo)-\d{3}$/),
    kb: z.enum(KNOWLEDGE_BASES),
    language: z.enum(TICKET_LANGUAGES),
    persona: z.enum(PERSONAS),
    subject: z.string().trim().min(1).max(300).optional(),
    ticket: z.string().trim().min(1).max(8000),
    /** True when the knowledge base answers at least one of the ticket's questions. */
    answerable: z.boolean(),
    /** Assigned once by ticketSplits.ts and recorded here, so it never changes by accident. */
    split: z.enum(SPLITS).optional(),
    questions: z.array(questionSchema).min(1).max(5),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (!t.id.startsWith(`${t.kb}-`)) ctx.addIssue({ code: 'custom', message: `id ${t.id} does not name its knowledge base ${t.kb}` });
    if (t.answerable !== t.questions.some((q) => q.answerable))
      ctx.addIssue({ code: 'custom', message: 'a ticket is answerable exactly when one of its questions is' });
  });
export type LabelledTicket = z.output<typeof labelledTicketSchema>;

/** Reads and validates a JSONL file of labelled tickets; the first bad line is named with its issues. */
export async function loadLabelledTickets(file: string): Promise<LabelledTicket[]> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const tickets: LabelledTicket[] = [];
  const seen = new Set<string>();
  for (const [i, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const parsed = labelledTicketSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${z.prettifyError(parsed.error)}`);
    if (seen.has(parsed.data.id)) throw new Error(`${file}:${i + 1}: duplicate ticket id ${parsed.data.id}`);
    seen.add(parsed.data.id);
    tickets.push(parsed.data);
  }
  return tickets;
}

/** The text a search gets for a ticket: its subject and body, as the draft pipeline joins them. */
export function ticketQueryText(ticket: Pick<LabelledTicket, 'subject' | 'ticket'>): string {
  return ticket.subject === undefined ? ticket.ticket : `${ticket.subject}\n${ticket.ticket}`;
}

/** Primary documents of all the ticket's questions (a ticket-level judgement uses their union). */
export function primaryDocuments(ticket: LabelledTicket): string[] {
  return [...new Set(ticket.questions.flatMap((q) => q.primary))];
}

/** Graded relevance of the ticket's documents: 2 primary, 1 also-relevant (the best grade wins). */
export function documentGrades(questions: readonly TicketQuestion[]): Map<string, number> {
  const grades = new Map<string, number>();
  for (const q of questions) {
    for (const id of q.alsoRelevant) grades.set(id, Math.max(grades.get(id) ?? 0, 1));
    for (const id of q.primary) grades.set(id, 2);
  }
  return grades;
}
