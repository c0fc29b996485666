/**
 * What the trust steps cost one draft, timed on the functions the draft pipeline calls, in the
 * order it calls them: the normaliser (`normaliseTicket`), redaction (a vault that learns the
 * ticket's and the passages' names, then redacts the query, subject, conversation, passages and
 * live facts) and injection scoring (`screenTicket` over subject and messages, `screenPassages`
 * over the retrieved passages). Five passages per ticket, as a default draft retrieves.
 */
import { ticketContextSchema, ticketCustomerText, type TicketContextInput } from '../../shared/src/index.js';
import { draftConversation } from '../../server/src/assist/pipeline/draftConversation.js';
import { screenPassages, screenTicket, ticketTurnsFor } from '../../server/src/assist/safety/screenDraftInputs.js';
import { vaultForTicket } from '../../server/src/security/ticketRedaction.js';
import { normaliseTicket } from '../../server/src/security/untrustedTicket.js';

export interface TrustCost {
  normaliseMs: number;
  redactMs: number;
  injectionMs: number;
  totalMs: number;
}

const PASSAGES_PER_DRAFT = 5;
/** The pipeline sends retrieval at most this much of the redacted customer text. */
const MAX_QUERY_CHARS = 4000;
const LIVE_FACTS = ['Order #W2378156 (129.00 USD, placed 2026-01-02) is delivered.', 'A payment failed on 2026-01-03 (card declined).'];

/** One ticket's trust steps; `passages` are the texts retrieval returned for it. */
export function trustCostOf(input: TicketContextInput, passages: readonly string[]): TrustCost {
  const raw = ticketContextSchema.parse(input);
  const hits = passages.slice(0, PASSAGES_PER_DRAFT).map((text, i) => ({ title: `Article ${i + 1}`, text }));

  const t0 = performance.now();
  const ticket = normaliseTicket(raw);
  const t1 = performance.now();
  const { vault } = vaultForTicket(ticket);
  vault.redact(ticketCustomerText(ticket)).slice(0, MAX_QUERY_CHARS);
  for (const hit of hits) vault.learnNames(`${hit.title}\n${hit.text}`);
  for (const fact of LIVE_FACTS) vault.learnNames(fact);
  vault.redact(ticket.subject);
  const conversation = draftConversation(ticket.messages, (body) => vault.redact(body)).map(({ role, text }) => ({ role, text }));
  for (const hit of hits) vault.redact(hit.text);
  for (const fact of LIVE_FACTS) vault.redact(fact);
  const t2 = performance.now();
  screenTicket(ticket.subject, ticketTurnsFor(ticket.messages, conversation));
  screenPassages(hits, false);
  const t3 = performance.now();
  return { normaliseMs: t1 - t0, redactMs: t2 - t1, injectionMs: t3 - t2, totalMs: t3 - t0 };
}

/** Each ticket once after a warm-up pass (the first calls compile the patterns); passages rotate over the set. */
export function trustCosts(tickets: readonly TicketContextInput[], passages: readonly string[]): TrustCost[] {
  const passagesFor = (i: number): string[] =>
    Array.from({ length: PASSAGES_PER_DRAFT }, (_, k) => passages[(i * PASSAGES_PER_DRAFT + k) % passages.length] ?? '');
  tickets.slice(0, 10).forEach((t, i) => trustCostOf(t, passagesFor(i)));
  return tickets.map((t, i) => trustCostOf(t, passagesFor(i)));
}
