/**
 * Splits labelled tickets once into train / dev / test (5 : 2 : 3) with a fixed seed, stratified
 * by knowledge base, language and answerability. Within each stratum of knowledge base and
 * answerability, tickets are ordered by language and then by a seeded hash of their id, and dealt
 * through a fixed 10-slot pattern: every language gets its share of each split even when it has
 * only a handful of tickets in the stratum, which a per-language stratum of one or two could not.
 * Tickets that already carry a split keep it; only new ones are dealt, so adding tickets later
 * never moves a test ticket into training.
 */
import { createHash } from 'node:crypto';
import type { LabelledTicket, Split } from './labelledTickets.js';

export const SPLIT_SEED = 'tandem-tickets-v2';

/** 5 train, 2 dev, 3 test in every 10 tickets, interleaved so a short stratum still reaches test. */
const PATTERN: readonly Split[] = ['train', 'test', 'dev', 'train', 'test', 'train', 'dev', 'train', 'test', 'train'];

export const SPLIT_SHARES: Readonly<Record<Split, number>> = { train: 0.5, dev: 0.2, test: 0.3 };

function seeded(seed: string, value: string): string {
  return createHash('sha256').update(`${seed}\u0000${value}`).digest('hex');
}

/** The stratum a ticket is split within; its language orders it inside the stratum. */
export function stratumOf(ticket: Pick<LabelledTicket, 'kb' | 'answerable'>): string {
  return `${ticket.kb}/${ticket.answerable ? 'answerable' : 'unanswerable'}`;
}

/**
 * The split of every ticket: the recorded one, or a newly dealt one for tickets without. The deal
 * of a stratum starts at a seeded offset into the pattern, continuing after the tickets already
 * split in it, so repeated calls with the same tickets always give the same answer.
 */
export function assignSplits(tickets: readonly LabelledTicket[], seed = SPLIT_SEED): Map<string, Split> {
  const result = new Map<string, Split>();
  const pending = new Map<string, LabelledTicket[]>();
  const alreadySplit = new Map<string, number>();
  for (const t of tickets) {
    const stratum = stratumOf(t);
    if (t.split !== undefined) {
      result.set(t.id, t.split);
      alreadySplit.set(stratum, (alreadySplit.get(stratum) ?? 0) + 1);
    } else pending.set(stratum, [...(pending.get(stratum) ?? []), t]);
  }
  for (const [stratum, members] of [...pending].sort(([a], [b]) => a.localeCompare(b))) {
    const ordered = [...members].sort(
      (a, b) => a.language.localeCompare(b.language) || seeded(seed, a.id).localeCompare(seeded(seed, b.id)),
    );
    const offset = (parseInt(seeded(seed, stratum).slice(0, 8), 16) + (alreadySplit.get(stratum) ?? 0)) % PATTERN.length;
    ordered.forEach((t, i) => result.set(t.id, PATTERN[(offset + i) % PATTERN.length] as Split));
  }
  return result;
}

/** A digest of every ticket's split, pinned by the dataset test so no split moves unnoticed. */
export function splitDigest(tickets: readonly Pick<LabelledTicket, 'id' | 'split'>[]): string {
  const lines = tickets.map((t) => `${t.id}:${t.split ?? '-'}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}
