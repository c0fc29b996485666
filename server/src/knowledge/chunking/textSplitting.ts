/**
 * Cutting text at natural boundaries for the chunker: sentences (for overlap, and for paragraphs
 * too long for one chunk), then cells, lines or words, and only as a last resort mid-word.
 */

const TERMINALS = new Set(['.', '!', '?', '…']);
/** Full-width terminals end a sentence with no space after them. */
const CJK_TERMINALS = new Set(['。', '！', '？']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);
/** A period after these words does not end the sentence ("e.g. the receipt"). */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'no',
  'nr',
  'inc',
  'ltd',
  'co',
  'approx',
  'incl',
  'excl',
  'min',
  'max',
  'fig',
  'ca',
  'cf',
  'dept',
  'tel',
]);
const WHITESPACE = /\s/;

/** Sentences in order, trimmed; line breaks also end a sentence. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const length = text.length;
  let start = 0;
  let at = 0;
  const cut = (end: number): void => {
    const sentence = text.slice(start, end).trim();
    if (sentence) sentences.push(sentence);
    start = end;
  };
  while (at < length) {
    const ch = text.charAt(at);
    if (ch === '\n') {
      cut(at);
      at++;
    } else if (TERMINALS.has(ch) || CJK_TERMINALS.has(ch)) {
      let end = at + 1;
      while (end < length && (TERMINALS.has(text.charAt(end)) || CJK_TERMINALS.has(text.charAt(end)) || CLOSERS.has(text.charAt(end))))
        end++;
      const followedBySpace = end >= length || WHITESPACE.test(text.charAt(end));
      if ((CJK_TERMINALS.has(ch) || followedBySpace) && !(ch === '.' && isAbbreviation(text, at, end))) cut(end);
      at = end;
    } else {
      at++;
    }
  }
  cut(length);
  return sentences;
}

/** A period after a known abbreviation or a single initial, or followed by a lower-case word. */
function isAbbreviation(text: string, dot: number, end: number): boolean {
  let wordStart = dot;
  while (wordStart > 0 && dot - wordStart < 12 && !WHITESPACE.test(text.charAt(wordStart - 1))) wordStart--;
  const word = text
    .slice(wordStart, dot)
    .replace(/^[("'“‘[]+/, '')
    .toLowerCase();
  if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) return true;
  let next = end;
  while (next < text.length && WHITESPACE.test(text.charAt(next)) && text.charAt(next) !== '\n') next++;
  return /\p{Ll}/u.test(text.charAt(next));
}

export type SplitMode = 'prose' | 'lines' | 'cells';

/**
 * Cuts `text` into pieces no longer than `limit` (the first piece no longer than `firstLimit`),
 * packing whole sentences (prose), lines (code) or cells (table rows) and falling back to words.
 */
export function splitToFit(text: string, mode: SplitMode, limit: number, firstLimit = limit): string[] {
  const parts = mode === 'lines' ? text.split('\n') : mode === 'cells' ? text.split(' | ') : splitSentences(text);
  const joiner = mode === 'lines' ? '\n' : mode === 'cells' ? ' | ' : ' ';
  return pack(parts, joiner, limit, firstLimit, (part, room) =>
    pack(part.split(/\s+/), ' ', limit, room, (word, wordRoom) => hardCut(word, wordRoom, limit)),
  );
}

type Fallback = (part: string, room: number) => string[];

function pack(parts: readonly string[], joiner: string, limit: number, firstLimit: number, fallback: Fallback): string[] {
  const pieces: string[] = [];
  let current = '';
  const room = (): number => (pieces.length === 0 ? firstLimit : limit);
  for (const raw of parts) {
    const part = joiner === '\n' ? raw.trimEnd() : raw.trim();
    if (!part) continue;
    const candidate = current ? current + joiner + part : part;
    if (candidate.length <= room()) {
      current = candidate;
      continue;
    }
    if (current) pieces.push(current);
    current = '';
    if (part.length <= room()) {
      current = part;
      continue;
    }
    // The part alone is too long: cut it finer, and keep its last piece open for packing.
    const finer = fallback(part, room());
    current = finer.pop() ?? '';
    pieces.push(...finer);
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Cuts at exactly `limit` code units, moving back one if that would split a surrogate pair. */
function hardCut(word: string, firstLimit: number, limit: number): string[] {
  const pieces: string[] = [];
  let at = 0;
  while (at < word.length) {
    const size = Math.max(1, pieces.length === 0 ? firstLimit : limit);
    let end = Math.min(word.length, at + size);
    const code = word.charCodeAt(end - 1);
    if (end < word.length && code >= 0xd800 && code <= 0xdbff && end - 1 > at) end--;
    pieces.push(word.slice(at, end));
    at = end;
  }
  return pieces;
}
