/**
 * The evidence that the retrieved sources answer a ticket, as a fixed vector of numbers the
 * answer-confidence model reads (answerConfidence.ts). Everything here is known before a word is
 * drafted: the retriever's scores and how clearly the best beats the rest, how much of the
 * ticket's vocabulary the sources contain (per question too, since one unanswered question of
 * three still needs a person), whether the ticket's numbers and product names appear in them,
 * and whether the ticket is in a language the sources are not. The fit script
 * (bench/assist/fitConfidence.ts) and the draft pipeline call this same function, so the model
 * sees in production exactly what it was fitted on.
 */
import { analyze, expandAcrossLanguages, fold } from '@tandem/shared/search';

/** What the features read of a retrieved passage (a search hit or a cited source). */
export interface EvidencePassage {
  title: string;
  text: string;
  sectionPath: readonly string[];
  score: number;
  signals?: { chunkLexical?: number | undefined; titleLexical?: number | undefined; chunkSemantic?: number | undefined } | undefined;
}

export interface EvidenceInput {
  /** The ticket's customer text as retrieval saw it (subject and customer messages, redacted). */
  query: string;
  /** The ticket's language (ISO 639-1, or 'und'). */
  language: string;
  /** The retrieved passages, best first. */
  passages: readonly EvidencePassage[];
}

/** Names of the features, in vector order; the weights file is checked against them. */
export const ANSWER_FEATURES = [
  'topScore',
  'gap',
  'secondScore',
  'meanTop3',
  'topLexical',
  'topTitle',
  'topSemantic',
  'termCoverage',
  'topTermCoverage',
  'missingTerms',
  'subjectCoverage',
  'pairCoverage',
  'titleInQuery',
  'bestTitleInQuery',
  'sectionInQuery',
  'topEntityMatch',
  'questionCoverageMin',
  'questionCoverageMean',
  'questions',
  'numberMatch',
  'hasNumbers',
  'entityMatch',
  'nonEnglish',
  'queryLength',
  'noSources',
] as const;
export type AnswerFeatureName = (typeof ANSWER_FEATURES)[number];

/** How many passages count as "the top sources" a draft quotes from. */
const TOP_SOURCES = 3;
const MAX_QUESTIONS = 5;

/**
 * ", and how long…": a second question joined to the first in one sentence (en/es/de/fr/pt). It
 * starts only after a word, so a long run of spaces is crossed once, not once per space.
 */
const SECOND_QUESTION =
  /(?<=[^\s,]),?\s+(?:and|also|y|und|et|e)\s+(?=(?:how|what|when|where|why|which|can|could|do|does|is|are|will|c[oó]mo|qu[eé]|cu[aá]ndo|d[oó]nde|cu[aá]nto|puedo|wie|was|wann|wo|kann|comment|quand|o[uù]|combien|quando|onde|quanto|posso)\b)/iu;
const NUMBER = /\d+(?:[.,]\d+)*/g;
/** Capitalised words inside a sentence: product and plan names ("Gold", "Blue Account"), not sentence starts. */
const ENTITY = /(?<=[\p{Ll}\d,;:]\s+)\p{Lu}[\p{L}\d-]{2,}/gu;

const share = (n: number, of: number) => (of === 0 ? 0 : n / of);

/** Key terms of a text: analysed terms, with a non-English ticket's English glossary terms added. */
function keyTerms(text: string, language: string): Set<string> {
  const terms = new Set(analyze(text));
  if (language !== 'en' && language !== 'und') for (const t of expandAcrossLanguages(text, language)) terms.add(t);
  return terms;
}

function coverage(terms: ReadonlySet<string>, source: ReadonlySet<string>): number {
  let covered = 0;
  for (const t of terms) if (source.has(t)) covered += 1;
  return share(covered, terms.size);
}

/** The ticket's questions: sentences (or halves joined by "and how…") ending in '?', or the whole text when it asks none outright. */
export function questionsOf(text: string): string[] {
  const asked = text
    .split(/(?<=[.!?？])\s+|\n+/)
    .flatMap((sentence) => sentence.split(SECOND_QUESTION).map((part, i, parts) => (i < parts.length - 1 ? `${part}?` : part)))
    .map((s) => s.trim())
    .filter((s) => /[?？]$/.test(s) && analyze(s).length >= 2);
  return asked.length === 0 ? [text] : asked.slice(0, MAX_QUESTIONS);
}

const numbersOf = (text: string) => new Set([...text.matchAll(NUMBER)].map((m) => m[0].replace(/[.,](?=\d{3}\b)/g, '')));

function entitiesOf(text: string): Set<string> {
  return new Set([...text.matchAll(ENTITY)].map((m) => fold(m[0])));
}

/** Adjacent term pairs ("balance transfer", "home equity"): a topic the sources name, not just its words. */
function pairsOf(terms: readonly string[]): Set<string> {
  const pairs = new Set<string>();
  for (let i = 1; i < terms.length; i++) pairs.add(`${terms[i - 1] ?? ''} ${terms[i] ?? ''}`);
  return pairs;
}

/** The feature vector, in ANSWER_FEATURES order. */
export function answerFeatures(input: EvidenceInput): number[] {
  const values = featureRecord(input);
  return ANSWER_FEATURES.map((name) => values[name]);
}

/** The features by name (for explanations and tests). */
export function featureRecord({ query, language, passages }: EvidenceInput): Record<AnswerFeatureName, number> {
  const scores = passages.map((p) => p.score);
  const top = passages.slice(0, TOP_SOURCES);
  const sourceText = top.map((p) => `${p.title}\n${p.sectionPath.join(' ')}\n${p.text}`);
  // Each source analysed once: the features below read its terms four ways.
  const analysed = sourceText.map((t) => analyze(t));
  const sourceTerms = new Set(analysed.flat());
  const topTerms = new Set(analysed.slice(0, 1).flat());
  const perSource = analysed.map((a) => new Set(a));
  const terms = keyTerms(query, language);
  let missing = 0;
  for (const t of terms) if (!sourceTerms.has(t)) missing += 1;
  const questionCover = questionsOf(query).map((q) => {
    const qTerms = keyTerms(q, language);
    return Math.max(0, ...perSource.map((s) => coverage(qTerms, s)));
  });
  const numbers = numbersOf(query);
  const sourceNumbers = numbersOf(sourceText.join('\n'));
  const entities = entitiesOf(query);
  const sourceFolded = fold(sourceText.join('\n'));
  const head = passages[0];
  // The first line is the subject when there is one: the ticket's topic in a few words.
  const subject = keyTerms(query.split('\n')[0] ?? '', language);
  const queryPairs = pairsOf(analyze(query));
  const sourcePairs = new Set(analysed.flatMap((a) => [...pairsOf(a)]));
  const titleTerms = new Set(analyze(head?.title ?? ''));
  const topFolded = fold(sourceText[0] ?? '');
  return {
    topScore: scores[0] ?? 0,
    gap: (scores[0] ?? 0) - (scores[1] ?? 0),
    secondScore: scores[1] ?? 0,
    meanTop3: share(
      scores.slice(0, TOP_SOURCES).reduce((a, b) => a + b, 0),
      Math.max(1, Math.min(TOP_SOURCES, scores.length)),
    ),
    topLexical: head?.signals?.chunkLexical ?? 0,
    topTitle: head?.signals?.titleLexical ?? 0,
    topSemantic: head?.signals?.chunkSemantic ?? 0,
    termCoverage: coverage(terms, sourceTerms),
    topTermCoverage: coverage(terms, topTerms),
    missingTerms: Math.log1p(missing),
    subjectCoverage: Math.max(0, ...perSource.map((src) => coverage(subject, src))),
    pairCoverage: coverage(queryPairs, sourcePairs),
    titleInQuery: coverage(titleTerms, terms),
    bestTitleInQuery: Math.max(0, ...top.map((p) => coverage(new Set(analyze(p.title)), terms))),
    sectionInQuery: coverage(new Set(analyze(head?.sectionPath.join(' ') ?? '')), terms),
    topEntityMatch: entities.size === 0 ? 1 : share([...entities].filter((e) => topFolded.includes(e)).length, entities.size),
    questionCoverageMin: Math.min(...questionCover),
    questionCoverageMean: share(
      questionCover.reduce((a, b) => a + b, 0),
      questionCover.length,
    ),
    questions: Math.log(questionCover.length),
    numberMatch: numbers.size === 0 ? 0 : share([...numbers].filter((n) => sourceNumbers.has(n)).length, numbers.size),
    hasNumbers: numbers.size === 0 ? 0 : 1,
    entityMatch: entities.size === 0 ? 1 : share([...entities].filter((e) => sourceFolded.includes(e)).length, entities.size),
    nonEnglish: language === 'en' || language === 'und' ? 0 : 1,
    queryLength: Math.log1p(terms.size),
    noSources: passages.length === 0 ? 1 : 0,
  };
}
