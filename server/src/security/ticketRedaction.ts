/**
 * The redaction of one ticket, as the draft pipeline starts it and as the trust benchmark measures
 * it: normalise the ticket, give the requester's and every author's name a placeholder, and learn
 * the names the messages introduce, greet or sign with, so every text redacted afterwards with the
 * same vault (subject, messages, knowledge passages, live facts) hides them all.
 */
import type { TicketContext } from '@tandem/shared';
import { PiiVault } from './redactPii.js';
import { normaliseTicket } from './untrustedTicket.js';

export interface TicketVault {
  vault: PiiVault;
  /** The requester's name as a placeholder, when the helpdesk shows one. */
  customerName: string | undefined;
}

/** What of a ticket can reach a model: its last messages, each only so far (the pipeline cuts longer ones). */
export interface TicketReach {
  messages: number;
  chars: number;
}

const DEFAULT_REACH: TicketReach = { messages: 12, chars: 5000 };

/**
 * A vault that knows the ticket's people; `ticket` should already be normalised (`normaliseTicket`).
 * Names are learned only from what can reach a model, so a 200-message thread costs what its last
 * messages cost.
 */
export function vaultForTicket(ticket: TicketContext, reach: TicketReach = DEFAULT_REACH): TicketVault {
  const vault = new PiiVault();
  const customerName = ticket.requester.name === undefined ? undefined : vault.redactName(ticket.requester.name);
  const recent = ticket.messages.slice(-reach.messages);
  for (const m of recent) if (m.authorName !== undefined) vault.redactName(m.authorName);
  vault.learnNames(ticket.subject);
  for (const m of recent) vault.learnNames(m.body.slice(0, reach.chars));
  return { vault, customerName };
}

export interface TicketRedactionRun {
  subject: string;
  messages: string[];
  vault: PiiVault;
  /** Milliseconds spent normalising, learning names, and redacting the texts. */
  timings: { normaliseMs: number; learnMs: number; redactMs: number; totalMs: number };
}

/** Normalise and redact a whole ticket the way a draft does, with the time each step took (for benchmarks). */
export function normaliseAndRedactTicket(raw: TicketContext): TicketRedactionRun {
  const t0 = performance.now();
  const ticket = normaliseTicket(raw);
  const t1 = performance.now();
  const { vault } = vaultForTicket(ticket);
  const t2 = performance.now();
  const subject = vault.redact(ticket.subject);
  const messages = ticket.messages.map((m) => vault.redact(m.body));
  const t3 = performance.now();
  return { subject, messages, vault, timings: { normaliseMs: t1 - t0, learnMs: t2 - t1, redactMs: t3 - t2, totalMs: t3 - t0 } };
}
