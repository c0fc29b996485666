/**
 * Does a draft state a fact? The labelled tickets list, per question, short facts a correct
 * answer contains ("$25 early closure fee", "within 60 days") and wrong ones it must not. A
 * draft rarely repeats the article word for word, so a fact counts as present when either
 *
 * 1. its words appear in the draft in order (after normalising both), or
 * 2. every number of the fact appears, and enough of its keywords, within one window of the draft
 *    (a sentence and the next one): all keywords when it has one or two, two thirds otherwise.
 *
 * Normalising: Unicode folded (NFKD, accents dropped), lower case, citation markers [n] removed,
 * numbers read as numbers ("1,350" = "1350", "25.00" = "25", "2,5" = "2.5", "seven" = "7" in
 * en/es/de/fr/pt), currency and percent signs dropped, ranges split ("5-7" = "5 7"). Keywords are
 * the fact's words minus a small stop list of the five languages; two words match when equal or
 * when they share a prefix of at least 5 letters covering 70% of the shorter ("cancelled" ~
 * "cancellation", "withdrawals" ~ "withdrawal").
 *
 * A forbidden fact is matched strictly: rule 1, or rule 2 with every keyword. A fact given as a
 * list matches when any of its phrasings does (the article's English and the customer's language).
 */

export type FactPhrasings = string | readonly string[];

const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  twelve: '12',
  uno: '1',
  una: '1',
  dos: '2',
  tres: '3',
  cuatro: '4',
  cinco: '5',
  seis: '6',
  siete: '7',
  ocho: '8',
  nueve: '9',
  diez: '10',
  eins: '1',
  zwei: '2',
  drei: '3',
  vier: '4',
  funf: '5',
  sechs: '6',
  sieben: '7',
  acht: '8',
  neun: '9',
  zehn: '10',
  deux: '2',
  trois: '3',
  quatre: '4',
  cinq: '5',
  sept: '7',
  huit: '8',
  neuf: '9',
  dix: '10',
  dois: '2',
  duas: '2',
  quatro: '4',
  sete: '7',
  oito: '8',
  nove: '9',
  dez: '10',
};

const STOP_WORDS = new Set(
  (
    'a an the of to in on for is are be been by with and or your you our we it its this that as from if can will may at per ' +
    'not no than then into up all any each via ' +
    'el la los las de del y o en por para un una es se su sus al lo que ' +
    'der die das den dem des und oder im von fur zu mit ein eine einen ist sie ihr ihre auf bei ' +
    'le les des du et ou pour une est au aux vous votre sur par ' +
    'os as do da dos das e ou em para um uma seu sua no na'
  ).split(' '),
);

const NUMBER = /^\d+(?:\.\d+)?$/;

/** Reads one numeric token: thousands groups joined, a decimal comma made a point, trailing zeros dropped. */
function canonicalNumber(raw: string): string {
  let n = raw;
  if (/^\d{1,3}(?:[.,]\d{3})+$/.test(n)) n = n.replace(/[.,]/g, '');
  else n = n.replace(',', '.');
  if (n.includes('.')) n = n.replace(/0+$/, '').replace(/\.$/, '');
  return n.replace(/^0+(?=\d)/, '');
}

export function tokens(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\[\d+\]/g, ' ')
    .replace(/ß/g, 'ss');
  const out: string[] = [];
  for (const m of folded.matchAll(/\d+(?:[.,]\d+)*|[\p{L}]+/gu)) {
    const token = m[0];
    if (/^\d/.test(token)) out.push(canonicalNumber(token));
    else out.push(NUMBER_WORDS[token] ?? token);
  }
  return out;
}

/** Sentences, split at ., ! or ? followed by white space, and at line breaks (a list item is a sentence). */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim() !== '');
}

export function wordsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5) return false;
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common += 1;
  return common >= 5 && common >= 0.7 * Math.min(a.length, b.length);
}

function containsInOrder(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

interface PreparedDraft {
  all: string[];
  windows: string[][];
}

export function prepareDraft(draft: string): PreparedDraft {
  const perSentence = sentences(draft).map(tokens);
  const windows = perSentence.map((s, i) => [...s, ...(perSentence[i + 1] ?? [])]);
  return { all: tokens(draft), windows: windows.length === 0 ? [[]] : windows };
}

function phrasingPresent(draft: PreparedDraft, phrasing: string, strict: boolean): boolean {
  const fact = tokens(phrasing);
  if (containsInOrder(draft.all, fact)) return true;
  const numbers = [...new Set(fact.filter((t) => NUMBER.test(t)))];
  const keywords = [...new Set(fact.filter((t) => !NUMBER.test(t) && !STOP_WORDS.has(t)))];
  if (numbers.length === 0 && keywords.length === 0) return false;
  const needed = strict || keywords.length <= 2 ? keywords.length : Math.ceil((2 * keywords.length) / 3);
  return draft.windows.some((window) => {
    if (!numbers.every((n) => window.includes(n))) return false;
    const found = keywords.filter((k) => window.some((w) => wordsMatch(k, w))).length;
    return found >= needed;
  });
}

/** Whether the draft states the fact (any of its phrasings). */
export function factPresent(draft: string | PreparedDraft, fact: FactPhrasings, options: { strict?: boolean } = {}): boolean {
  const prepared = typeof draft === 'string' ? prepareDraft(draft) : draft;
  const phrasings = typeof fact === 'string' ? [fact] : fact;
  return phrasings.some((p) => phrasingPresent(prepared, p, options.strict ?? false));
}

export interface FactCheck {
  required: number;
  present: number;
  /** The required facts the draft does not state, as labelled (their first phrasing). */
  missing: string[];
  /** Forbidden facts the draft states. */
  forbidden: string[];
}

export function checkFacts(draft: string, required: readonly FactPhrasings[], forbidden: readonly FactPhrasings[]): FactCheck {
  const prepared = prepareDraft(draft);
  const first = (f: FactPhrasings) => (typeof f === 'string' ? f : (f[0] ?? ''));
  const missing = required.filter((f) => !factPresent(prepared, f)).map(first);
  return {
    required: required.length,
    present: required.length - missing.length,
    missing,
    forbidden: forbidden.filter((f) => factPresent(prepared, f, { strict: true })).map(first),
  };
}
