/**
 * Ranks a ticket's candidate documents (ticketCandidates.ts) with a small learned linear model
 * (weights fitted on the train split by server/src/knowledge/search/fitTicketRanker.ts, stored in
 * ticketRankerWeights.ts), then makes sure every question the ticket asks has its best document
 * among the first results, so a draft can cite a source for each.
 */
import { analyze } from './analyze.js';
import { highlightsOf, type ChunkIndex, type RankedHit } from './chunkIndex.js';
import { RANKER_FEATURES, ticketCandidates, type RankerFeatures, type TicketCandidate, type TicketQuery } from './ticketCandidates.js';
import { TICKET_RANKER } from './ticketRankerWeights.js';

export interface LinearRanker {
  bias: number;
  weights: Readonly<Record<string, number>>;
  /** How many of the first results are reserved for the questions' best documents (0: none). */
  questionSlots: number;
}

export interface TicketHit extends RankedHit {
  /** The learned ranker's score of the document for this ticket (higher ranks first). */
  rankerScore: number;
}

/** The model's score: bias plus the weighted features (a missing weight counts as 0). */
export function rankerScore(model: LinearRanker, features: RankerFeatures): number {
  let sum = model.bias;
  for (const name of RANKER_FEATURES) sum += (model.weights[name] ?? 0) * features[name];
  return sum;
}

/** Candidates ordered by the model, each question's best candidate lifted into the first `questionSlots`. */
export function rankCandidates(candidates: readonly TicketCandidate[], model: LinearRanker, k: number): TicketHit[] {
  const scored = candidates
    .map((c) => ({ c, score: rankerScore(model, c.features) }))
    .sort((a, b) => b.score - a.score || a.c.documentId.localeCompare(b.c.documentId));
  const questions = candidates[0]?.questionRanks.length ?? 0;
  const slots = Math.min(model.questionSlots, k);
  if (questions < 2 || slots === 0) return scored.slice(0, k).map(({ c, score }) => ({ ...c.hit, rankerScore: score }));
  // Each question's best document: the model's favourite among that question's own top three.
  const required = new Set<TicketCandidate>();
  for (let q = 0; q < questions; q++) {
    const best = scored.find(({ c }) => (c.questionRanks[q] ?? Infinity) < 3);
    if (best !== undefined) required.add(best.c);
  }
  const head = scored.slice(0, slots);
  for (const c of required) {
    if (head.some((h) => h.c === c)) continue;
    // It takes the place of the weakest document in the head that no question needs.
    const weakest = head.findLastIndex((h) => !required.has(h.c));
    if (weakest < 0) break;
    head.splice(weakest, 1);
    head.push(scored.find((s) => s.c === c) as (typeof scored)[number]);
  }
  head.sort((a, b) => b.score - a.score);
  const ordered = [...head, ...scored.filter((s) => !head.includes(s))];
  return ordered.slice(0, k).map(({ c, score }) => ({ ...c.hit, rankerScore: score }));
}

/** One ticket's search: its candidates from every question, ranked by the learned model. */
export function searchTicket(index: ChunkIndex, query: TicketQuery, k: number, model: LinearRanker = TICKET_RANKER): TicketHit[] {
  const hits = rankCandidates(ticketCandidates(index, query), model, k);
  const terms = new Set([...analyze(query.text), ...(query.foreign ? (query.expand?.(query.text) ?? []) : [])]);
  return hits.map((hit) => ({ ...hit, highlights: highlightsOf(hit.text, terms) }));
}
