/**
 * The candidate documents of a whole ticket and the features the learned ranker scores them by:
 * one hybrid search of the whole ticket and one per question it asks (sharing the ticket's one
 * query vector), fused per document with the rankers' signals, title and entity matches, and the
 * evidence spread over a document's chunks. Pure, so the server and the extension rank alike.
 */
import type { SearchFilters } from '../knowledge.js';
import { analyze } from './analyze.js';
import type { ChunkIndex, RankedHit } from './chunkIndex.js';

export const RANKER_FEATURES = [
  'chunkLexical',
  'titleLexical',
  'chunkSemantic',
  'titleSemantic',
  'wholeRank',
  'questionRank',
  'questionLexical',
  'questionTitle',
  'questionsCovered',
  'lexicalMass',
  'titleCoverage',
  'titlePhrase',
  'entityMatch',
  'entityMiss',
  'sectionDepth',
  'foreignLexical',
  'foreignTitle',
] as const;
export type RankerFeature = (typeof RANKER_FEATURES)[number];
export type RankerFeatures = Record<RankerFeature, number>;

export interface TicketQuery {
  /** The whole ticket (subject and body). */
  text: string;
  /** The questions it asks (ticketQuestions); empty when it asks one thing. */
  questions: readonly string[];
  /** Cross-language expansion of the whole ticket (English terms); per question it is recomputed by `expand`. */
  expand?: ((text: string) => string[]) | undefined;
  /** Not English: its lexical matches come through the glossary and no vector may be available. */
  foreign: boolean;
  vector?: Float32Array | undefined;
  filters?: SearchFilters | undefined;
}

export interface TicketCandidate {
  documentId: string;
  /** The hit to show: the passage from the search where the document ranked best. */
  hit: RankedHit;
  features: RankerFeatures;
  /** Rank of the document in each question's search (Infinity when absent). */
  questionRanks: number[];
}

/** Candidates each search contributes. */
export const CANDIDATE_POOL = 40;
/** A title word at least this distinctive (idf) names a product or entity rather than a topic. */
const ENTITY_IDF = 3;

const pairsOf = (terms: readonly string[]) => {
  const pairs = new Set<string>();
  for (let i = 1; i < terms.length; i++) pairs.add(`${terms[i - 1]} ${terms[i]}`);
  return pairs;
};

interface Seen {
  hit: RankedHit;
  bestRank: number;
  whole: RankedHit | undefined;
  wholeRank: number;
  questionRanks: number[];
  questionLexical: number;
  questionTitle: number;
}

export function ticketCandidates(index: ChunkIndex, query: TicketQuery, pool = CANDIDATE_POOL): TicketCandidate[] {
  const expand = query.expand ?? (() => []);
  const search = (text: string) =>
    // Highlights are computed for the hits finally kept (searchTicket), not for every candidate.
    index.search({
      text,
      k: pool,
      filters: query.filters,
      vector: query.vector,
      extraTerms: query.foreign ? expand(text) : [],
      skipHighlights: true,
    });
  const seen = new Map<string, Seen>();
  const entry = (hit: RankedHit, rank: number): Seen => {
    let s = seen.get(hit.documentId);
    if (s === undefined) {
      s = {
        hit,
        bestRank: rank,
        whole: undefined,
        wholeRank: Infinity,
        questionRanks: query.questions.map(() => Infinity),
        questionLexical: 0,
        questionTitle: 0,
      };
      seen.set(hit.documentId, s);
    } else if (rank < s.bestRank) {
      s.hit = hit;
      s.bestRank = rank;
    }
    return s;
  };
  search(query.text).forEach((hit, rank) => {
    const s = entry(hit, rank);
    s.whole = hit;
    s.wholeRank = rank;
  });
  query.questions.forEach((question, q) => {
    search(question).forEach((hit, rank) => {
      const s = entry(hit, rank);
      s.questionRanks[q] = rank;
      s.questionLexical = Math.max(s.questionLexical, hit.signals.chunkLexical);
      s.questionTitle = Math.max(s.questionTitle, hit.signals.titleLexical);
    });
  });

  const queryTerms = [...analyze(query.text), ...(query.foreign ? expand(query.text) : [])];
  const queryTermSet = new Set(queryTerms);
  const queryPairs = pairsOf(analyze(query.text));
  const titleTermsOf = new Map([...seen.values()].map((s) => [s.hit.documentId, analyze(s.hit.title)]));
  // Entities the ticket names: distinctive title words of any candidate that the ticket uses.
  const entities = new Set<string>();
  for (const terms of titleTermsOf.values())
    for (const term of terms) if (queryTermSet.has(term) && index.titleIdf(term) >= ENTITY_IDF) entities.add(term);

  return [...seen.values()].map((s) => {
    const titleTerms = [...new Set(titleTermsOf.get(s.hit.documentId) ?? [])];
    let idfAll = 0;
    let idfMatched = 0;
    for (const term of titleTerms) {
      const idf = index.titleIdf(term);
      idfAll += idf;
      if (queryTermSet.has(term)) idfMatched += idf;
    }
    const titlePairs = pairsOf(titleTermsOf.get(s.hit.documentId) ?? []);
    let pairsMatched = 0;
    for (const pair of titlePairs) if (queryPairs.has(pair)) pairsMatched++;
    const namesEntity = titleTerms.some((t) => entities.has(t));
    const whole = s.whole?.signals;
    const covered = s.questionRanks.filter((r) => r < 5).length;
    const bestQuestionRank = Math.min(Infinity, ...s.questionRanks);
    const features: RankerFeatures = {
      chunkLexical: whole?.chunkLexical ?? 0,
      titleLexical: whole?.titleLexical ?? 0,
      chunkSemantic: Math.max(0, whole?.chunkSemantic ?? s.hit.signals.chunkSemantic ?? 0),
      titleSemantic: Math.max(0, whole?.titleSemantic ?? s.hit.signals.titleSemantic ?? 0),
      wholeRank: 1 / (1 + s.wholeRank),
      questionRank: 1 / (1 + bestQuestionRank),
      questionLexical: s.questionLexical,
      questionTitle: s.questionTitle,
      questionsCovered: query.questions.length === 0 ? 0 : covered / query.questions.length,
      lexicalMass: Math.log1p(whole?.lexicalMass ?? 0),
      titleCoverage: idfAll > 0 ? idfMatched / idfAll : 0,
      titlePhrase: titlePairs.size > 0 ? pairsMatched / titlePairs.size : 0,
      entityMatch: namesEntity ? 1 : 0,
      entityMiss: entities.size > 0 && !namesEntity ? 1 : 0,
      sectionDepth: Math.min(3, s.hit.sectionPath.length) / 3,
      foreignLexical: query.foreign ? (whole?.chunkLexical ?? 0) : 0,
      foreignTitle: query.foreign ? (whole?.titleLexical ?? 0) : 0,
    };
    // The passage of the search it ranked best in; the score (absolute relevance) stays the whole ticket's when it has one.
    const hit = s.whole === undefined || s.whole === s.hit ? s.hit : { ...s.hit, score: s.whole.score };
    return { documentId: s.hit.documentId, hit, features, questionRanks: s.questionRanks };
  });
}
