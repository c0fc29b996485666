/**
 * Text analysis shared by every index (server and extension cache): Unicode-aware tokens with
 * their offsets, accent folding, stopword removal and English stemming, so a query and a chunk
 * meet on the same terms everywhere.
 */
import { stemmer } from 'stemmer';
import { ALL_STOPWORDS } from './stopwords.js';

const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const COMBINING_MARKS = /\p{M}+/gu;

export interface Token {
  /** Analysed form used for matching. */
  term: string;
  start: number;
  end: number;
}

/** Lower-cases and folds accents ("Rückerstattung" → "ruckerstattung", "reembolsó" → "reembolso"). */
export function fold(word: string): string {
  return word.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

function termOf(raw: string): string | undefined {
  const folded = fold(raw)
    .replace(/['’]s$/, '')
    .replace(/['’]/g, '');
  if (folded.length === 0 || ALL_STOPWORDS.has(folded)) return undefined;
  // Numbers and codes (order 5512, tool_4821) match as written; words are stemmed.
  if (/\d/.test(folded)) return folded;
  if (folded.length <= 2) return undefined;
  return stemmer(folded);
}

/** Tokens of `text` with their positions, stopwords removed. */
export function analyzeWithOffsets(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const term = termOf(match[0]);
    if (term !== undefined) tokens.push({ term, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** Terms of `text` in order, stopwords removed; snake_case and kebab-case identifiers split too. */
export function analyze(text: string): string[] {
  return analyzeWithOffsets(text.replace(/[_]/g, ' ')).map((t) => t.term);
}
