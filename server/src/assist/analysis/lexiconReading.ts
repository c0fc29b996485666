/**
 * Reading a text with a sentiment lexicon: folded tokens with their sentences and clauses, phrase
 * matching (longest phrase wins, `*` ends a prefix, `#` stands for a number), negation and
 * intensifiers in a short window, contrast words, emoji and shouting. Both the lexicon baseline
 * and the fitted analysis read text through this module; every step is one pass over the tokens.
 */
import { fold } from '@tandem/shared/search';
import { EMOJI_VALENCE, type SentimentLexicon } from './sentimentLexicon/index.js';

export interface Token {
  word: string;
  sentence: number;
  /** Commas and sentence ends start a new clause; negation never crosses one. */
  clause: number;
  /** The token opens its sentence. */
  opens: boolean;
}

interface Phrase {
  words: readonly string[];
  value: number;
  gratitude: boolean;
}

/** Words looked back over for a negator ("not really very happy") and an intensifier. */
const NEGATION_WINDOW = 3;
const INTENSIFIER_WINDOW = 2;

const NUMBER = /^\d/;

function wordMatches(pattern: string, word: string): boolean {
  if (pattern === '#') return NUMBER.test(word);
  return pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : word === pattern;
}

/** Phrases by their first word, so matching at a token looks at a handful of candidates. */
export class PhraseIndex {
  readonly #byFirst = new Map<string, Phrase[]>();
  readonly #openFirst: Phrase[] = [];

  constructor(phrases: readonly Phrase[]) {
    for (const phrase of phrases) {
      const first = phrase.words[0] ?? '';
      if (first.endsWith('*')) this.#openFirst.push(phrase);
      else this.#byFirst.set(first, [...(this.#byFirst.get(first) ?? []), phrase]);
    }
  }

  get size(): number {
    let n = this.#openFirst.length;
    for (const list of this.#byFirst.values()) n += list.length;
    return n;
  }

  /** The longest phrase starting at token `i` and staying within its clause. */
  longestAt(tokens: readonly Token[], i: number): Phrase | undefined {
    const token = tokens[i];
    if (token === undefined) return undefined;
    // Called for every token and cue list: no arrays or closures are made here.
    let best = longestOf(undefined, this.#byFirst.get(token.word), tokens, i);
    if (NUMBER.test(token.word)) best = longestOf(best, this.#byFirst.get('#'), tokens, i);
    return longestOf(best, this.#openFirst, tokens, i);
  }
}

function longestOf(
  best: Phrase | undefined,
  candidates: readonly Phrase[] | undefined,
  tokens: readonly Token[],
  i: number,
): Phrase | undefined {
  if (candidates === undefined) return best;
  const clause = (tokens[i] as Token).clause;
  for (const phrase of candidates) {
    if (best !== undefined && phrase.words.length <= best.words.length) continue;
    let k = 0;
    for (; k < phrase.words.length; k++) {
      const token = tokens[i + k];
      if (token === undefined || token.clause !== clause || !wordMatches(phrase.words[k] as string, token.word)) break;
    }
    if (k === phrase.words.length) best = phrase;
  }
  return best;
}

export const cueIndex = (entries: readonly string[]): PhraseIndex =>
  new PhraseIndex(entries.map((entry) => ({ words: entry.split(' '), value: 0, gratitude: false })));

export interface CompiledLexicon {
  valence: PhraseIndex;
  negators: ReadonlySet<string>;
  intensifiers: ReadonlyMap<string, number>;
  contrast: ReadonlySet<string>;
}

function phrasesOf(entries: Readonly<Record<string, number>>, gratitude = false): Phrase[] {
  return Object.entries(entries).map(([entry, value]) => ({ words: entry.split(' '), value, gratitude }));
}

/** The valence side of a lexicon; `extraValence` entries are added, or override an entry of the same words. */
export function compileValence(lexicon: SentimentLexicon, extraValence: Readonly<Record<string, number>> = {}): CompiledLexicon {
  return {
    valence: new PhraseIndex([...phrasesOf({ ...lexicon.valence, ...extraValence }), ...phrasesOf(lexicon.gratitude, true)]),
    negators: new Set(lexicon.negators),
    intensifiers: new Map(Object.entries(lexicon.intensifiers)),
    contrast: new Set(lexicon.contrast),
  };
}

/** All lexicons as one, for a language none of them covers. */
export function mergeLexicons(lexicons: readonly SentimentLexicon[]): SentimentLexicon {
  type ListKey = Exclude<keyof SentimentLexicon, 'valence' | 'gratitude' | 'intensifiers'>;
  type MapKey = 'valence' | 'gratitude' | 'intensifiers';
  const list = (key: ListKey): string[] => lexicons.flatMap((l) => l[key]);
  const map = (key: MapKey): Record<string, number> => Object.fromEntries(lexicons.flatMap((l) => Object.entries(l[key])));
  return {
    valence: map('valence'),
    gratitude: map('gratitude'),
    intensifiers: map('intensifiers'),
    negators: list('negators'),
    contrast: list('contrast'),
    repeatContact: list('repeatContact'),
    churn: list('churn'),
    legal: list('legal'),
    deadline: list('deadline'),
    emergency: list('emergency'),
    noRush: list('noRush'),
  };
}

/** The lexicon key for a BCP 47 / ISO 639-1 tag: its primary subtag when `known`, else '*' (all together). */
export function lexiconKey(language: string, known: (key: string) => boolean): string {
  const primary = language.toLowerCase().split(/[-_]/)[0] ?? '';
  return known(primary) ? primary : '*';
}

/** Folded words with their sentence and clause, English "n't" spelled out so it reads as a negator. */
export function tokenize(text: string): Token[] {
  const folded = fold(text)
    .replace(/ß/g, 'ss')
    .replace(/\bwon['’]t\b/g, 'will not')
    .replace(/\bcan['’]t\b/g, 'can not')
    .replace(/n['’]t\b/g, ' not');
  const tokens: Token[] = [];
  let sentence = 0;
  let clause = 0;
  let opens = true;
  for (const match of folded.matchAll(/[\p{L}\p{N}]+|[.!?;\n¡¿]+|[,:()"«»—–]+/gu)) {
    const piece = match[0];
    if (/^[\p{L}\p{N}]/u.test(piece)) {
      tokens.push({ word: piece, sentence, clause, opens });
      opens = false;
    } else {
      if (/[.!?;\n¡¿]/.test(piece)) {
        sentence++;
        opens = true;
      }
      clause++;
    }
  }
  return tokens;
}

/** Spans [start, end) of the phrases of `index` in the tokens; with `negation`, a negator just before cancels a hit. */
export function findPhrases(tokens: readonly Token[], index: PhraseIndex, negation?: ReadonlySet<string>): [number, number][] {
  const hits: [number, number][] = [];
  if (index.size === 0) return hits;
  for (let i = 0; i < tokens.length; i++) {
    const phrase = index.longestAt(tokens, i);
    if (phrase === undefined || (negation !== undefined && negatedAt(tokens, i, negation))) continue;
    hits.push([i, i + phrase.words.length]);
  }
  return hits;
}

export function negatedAt(tokens: readonly Token[], i: number, negators: ReadonlySet<string>): boolean {
  const clause = tokens[i]?.clause;
  for (let j = i - 1; j >= Math.max(0, i - NEGATION_WINDOW); j--) {
    const token = tokens[j];
    if (token === undefined || token.clause !== clause) return false;
    if (negators.has(token.word)) return true;
  }
  return false;
}

function intensityAt(tokens: readonly Token[], i: number, intensifiers: ReadonlyMap<string, number>): number {
  const clause = tokens[i]?.clause;
  let factor = 1;
  for (let j = i - 1; j >= Math.max(0, i - INTENSIFIER_WINDOW); j--) {
    const token = tokens[j];
    if (token === undefined || token.clause !== clause) break;
    factor = Math.max(factor, intensifiers.get(token.word) ?? 1);
  }
  return factor;
}

export interface PositiveSpan {
  start: number;
  end: number;
  value: number;
  gratitude: boolean;
}

export interface LexicalScore {
  /** Sum of every matched phrase's value after negation, intensifiers and contrast. */
  score: number;
  /** The positive and negative parts of that sum, as magnitudes (gratitude excluded). */
  positive: number;
  negative: number;
  /** Thanks, after the discount for thanks closing a question. */
  gratitude: number;
  /** The strongest single negative phrase (a magnitude). */
  strongestNegative: number;
  negationFlipped: boolean;
  /** A positive word under a negator ("not happy"). */
  negatedPositive: boolean;
  intensified: boolean;
  intensifiedNegative: boolean;
  /** Positive phrases (thanks included), for callers that discount praise used ironically. */
  positiveSpans: PositiveSpan[];
  /** Start token of every negative phrase. */
  negativeAt: number[];
}

export function scoreWords(tokens: readonly Token[], lexicon: CompiledLexicon, asks: boolean): LexicalScore {
  // The last contrast word of a sentence splits it: what follows "but" is what the customer means.
  const pivots = new Map<number, number>();
  tokens.forEach((t, i) => {
    if (lexicon.contrast.has(t.word)) pivots.set(t.sentence, i);
  });

  const result: LexicalScore = {
    score: 0,
    positive: 0,
    negative: 0,
    gratitude: 0,
    strongestNegative: 0,
    negationFlipped: false,
    negatedPositive: false,
    intensified: false,
    intensifiedNegative: false,
    positiveSpans: [],
    negativeAt: [],
  };
  for (let i = 0; i < tokens.length;) {
    const phrase = lexicon.valence.longestAt(tokens, i);
    if (phrase === undefined) {
      i++;
      continue;
    }
    let value = phrase.value;
    // "Thanks!" closing a question is politeness, not satisfaction.
    if (phrase.gratitude && asks) value *= 0.25;
    if (phrase.words.length === 1 && value !== 0) {
      const factor = intensityAt(tokens, i, lexicon.intensifiers);
      if (factor > 1) {
        value *= factor;
        result.intensified = true;
      }
      if (negatedAt(tokens, i, lexicon.negators)) {
        if (value > 0) result.negatedPositive = true;
        // "not happy" is nearly as bad as unhappy; "not bad" is only mildly good.
        value = value > 0 ? -0.8 * value : -0.4 * value;
        result.negationFlipped = true;
      }
      if (factor > 1 && value < 0) result.intensifiedNegative = true;
    }
    const pivot = pivots.get((tokens[i] as Token).sentence);
    if (pivot !== undefined) value *= i < pivot ? 0.5 : 1.5;
    result.score += value;
    if (value > 0) {
      if (phrase.gratitude) result.gratitude += value;
      else result.positive += value;
      result.positiveSpans.push({ start: i, end: i + phrase.words.length, value, gratitude: phrase.gratitude });
    } else if (value < 0) {
      result.negative -= value;
      result.strongestNegative = Math.max(result.strongestNegative, -value);
      result.negativeAt.push(i);
    }
    i += phrase.words.length;
  }
  return result;
}

export function emojiValence(text: string): { positive: number; negative: number } {
  let positive = 0;
  let negative = 0;
  for (const match of text.matchAll(/\p{Extended_Pictographic}/gu)) {
    const value = EMOJI_VALENCE[match[0]] ?? 0;
    if (value > 0) positive += value;
    else negative -= value;
  }
  return { positive, negative };
}

/** Words of four or more letters written in capitals; shorter ones are mostly acronyms (USB, FAQ, PIN). */
export function shouting(text: string): { active: boolean; ratio: number } {
  // Only scripts with case can shout.
  const long = (text.match(/\p{L}{4,}/gu) ?? []).filter((w) => w.toLowerCase() !== w.toUpperCase());
  const caps = long.filter((w) => w === w.toUpperCase() && w !== w.toLowerCase()).length;
  const ratio = long.length === 0 ? 0 : caps / long.length;
  return { active: caps >= 2 && ratio >= 0.3, ratio };
}
