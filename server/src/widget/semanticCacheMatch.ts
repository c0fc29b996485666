/**
 * When two visitor questions are the same question, for the semantic cache: the same normalised
 * text, or embeddings at least `similarity` apart in cosine with exactly the same numbers. The
 * numbers and without swapping a content word for another. Both rules are there because sentence
 * embeddings barely move when an amount or one word does ("free shipping over 30 EUR?" against
 * "over 50 EUR?", "cancel my order" against "change my order"), and either makes another answer.
 * Pure functions, shared by the cache and the benchmark that chooses the threshold.
 */

/** Words that do not change what is asked; question words, negations and prepositions of time do, so they stay. */
const FILLER = new Set(
  'a an the i im me my mine we us our you your it its is are was were be been am do does did can could would should will shall may might please hi hello hey there this that these those to of for on in at by with and or so just any some have has had get got ca wo'.split(
    ' ',
  ),
);

/** Lower case, letters and digits only, single spaces: what casing, punctuation and spacing cannot change. */
export function normaliseQuestion(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/n['’]t\b/g, ' not')
    .replace(/\bcannot\b/g, 'can not')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words that carry the question: fillers dropped, a plural `s` cut. */
export function contentWords(normalised: string): string[] {
  return normalised
    .split(' ')
    .filter((w) => w !== '' && !FILLER.has(w))
    .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/** Words that turn a question around ("what does the warranty not cover?"): both questions have one, or neither. */
const NEGATIONS = new Set(['not', 'no', 'never', 'without', 'except', 'nor']);

export function negated(words: readonly string[]): boolean {
  return words.some((w) => NEGATIONS.has(w));
}

/** Optimal string alignment distance, stopping early once it exceeds 1 (all a typo may be). */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  const prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prev2[j - 2] as number) + 1);
      row.push(d);
    }
    prev2.splice(0, prev2.length, ...prev);
    prev = row;
  }
  return (prev[b.length] as number) <= 1;
}

/** The same word, or a one-letter typo of it (words of five letters or more with the same first letter). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  return Math.max(a.length, b.length) >= 5 && a[0] === b[0] && withinOneEdit(a, b);
}

/**
 * Whether each question has a content word the other lacks: the shape of "cancel my order" against
 * "change my order", where one word swapped makes another question that an embedding barely tells
 * apart. A paraphrase that only adds words ("I forgot my password, how do I reset it?"), reorders
 * them or misspells one is not a swap.
 */
export function swapsWords(a: readonly string[], b: readonly string[]): boolean {
  const { onlyA, onlyB } = unmatched(a, b);
  return onlyA && onlyB;
}

/** Whether each side has a content word the other lacks (typos forgiven). */
function unmatched(a: readonly string[], b: readonly string[]): { onlyA: boolean; onlyB: boolean } {
  return { onlyA: a.some((x) => !b.some((y) => sameWord(x, y))), onlyB: b.some((y) => !a.some((x) => sameWord(x, y))) };
}

/** The same content words in any order, typos forgiven: lexically the same question whatever an embedding says. */
export function sameWords(a: readonly string[], b: readonly string[]): boolean {
  const { onlyA, onlyB } = unmatched(a, b);
  return a.length > 0 && !onlyA && !onlyB;
}

/**
 * The numbers a question names in digits, canonical and sorted: "9,90" and "9.90" alike, "09" as
 * "9", "14:00" as "14:00". Two questions can share an answer only when these are equal. Number
 * words are left alone: "one" is as often a pronoun ("how do I start one?").
 */
export function numbersOf(text: string): string {
  const found: string[] = [];
  for (const match of text.normalize('NFKC').matchAll(/\d+(?:[.,:]\d+)*/g)) {
    // Leading zeros go from the whole part only: "9.05" is not "9.5", and "14:00" keeps its minutes.
    const parts = match[0].split(/[.,:]/).map((p, i) => (i === 0 ? p.replace(/^0+(?=\d)/, '') : p));
    found.push(match[0].includes(':') ? parts.join(':') : parts.join('.'));
  }
  return found.sort().join(' ');
}

/** Cosine of two unit vectors (every embedder returns unit length), as their dot product. */
export function cosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return -1;
  let dot = 0;
  for (let i = 0; i < a.length; i += 1) dot += (a[i] as number) * (b[i] as number);
  return dot;
}

export interface QuestionKey {
  /** normaliseQuestion of the text. */
  text: string;
  /** contentWords of that. */
  words: string[];
  /** numbersOf the text. */
  numbers: string;
  /** Undefined when no embedding could be made (no embedder, or a language it does not read). */
  vector: Float32Array | undefined;
}

export function questionKey(text: string, vector: Float32Array | undefined): QuestionKey {
  const normalised = normaliseQuestion(text);
  return { text: normalised, words: contentWords(normalised), numbers: numbersOf(text), vector };
}

/**
 * What the words alone say: `same` (the same normalised text, or the same content words in another
 * order or with typos), `different` (numbers or negation differ, or a content word is swapped for
 * another), or `embed` (one question adds words to the other: only their embeddings can tell).
 */
export function lexicalVerdict(asked: QuestionKey, cached: QuestionKey): 'same' | 'different' | 'embed' {
  if (asked.text === cached.text) return 'same';
  if (asked.numbers !== cached.numbers || negated(asked.words) !== negated(cached.words)) return 'different';
  if (sameWords(asked.words, cached.words)) return 'same';
  return swapsWords(asked.words, cached.words) ? 'different' : 'embed';
}

/**
 * How close `asked` is to `cached`, in [-1, 1]; the cache takes a cached answer at or above its
 * threshold: 1 when the words say `same`, -1 when they say `different` (never the same question),
 * otherwise the cosine of their embeddings, or -1 without them.
 */
export function closeness(asked: QuestionKey, cached: QuestionKey): number {
  const verdict = lexicalVerdict(asked, cached);
  if (verdict !== 'embed') return verdict === 'same' ? 1 : -1;
  return asked.vector === undefined || cached.vector === undefined ? -1 : cosine(asked.vector, cached.vector);
}
