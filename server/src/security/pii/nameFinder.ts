/**
 * Person names in support text, found by where they stand rather than by a dictionary alone: after
 * a phrase that introduces one ("my name is", "me llamo", "ich heiße", "je m'appelle", "meu nome
 * é"), after a title ("Mr.", "Frau Dr.", "Sra."), after a greeting at the start of a line ("Hi
 * Anna,", "Hola Carmen:"), in a sign-off or signature ("Best regards,\nJordan Miles", "LG Mia",
 * "— Marcus"), in a labelled field ("Customer: Brian Costa", "Titulaire : …"), and any capitalised
 * common given name with the surname after it. Weak cues ("I'm", "this is", "soy", "my husband")
 * count only before a given name or two capitalised words, so "I'm Really upset" and "ich bin
 * Kunde" are not names. Linear in the text: each token is looked at a bounded number of times.
 */
import {
  AMBIGUOUS_NAMES,
  ARTICLES,
  GIVEN_NAMES,
  GREETINGS,
  NAME_LABELS,
  NOT_AFTER_NAME,
  NOT_NAMES,
  PARTICLES,
  PLACE_PREFIXES,
  SIGN_OFFS,
  STRONG_CUES,
  TITLES,
  WEAK_CUES,
} from './nameLexicon.js';

export interface FoundName {
  start: number;
  end: number;
}

interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  line: number;
}

/** Words with inner apostrophes and hyphens ("O'Brien", "Hans-Peter", "m'appelle"); a possessive 's stays outside. */
const TOKEN = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’-](?!s(?![\p{L}\p{N}]))[\p{L}\p{M}\p{N}]+)*/gu;
const CAPITALISED = /^\p{Lu}/u;
const MAX_NAME_WORDS = 4;
/** Particles that also mean "from" or "and" and so end a full name rather than continue it. */
const LOCATIVE_PARTICLES = new Set(['de', 'del', 'la', 'le', 'y', 'e', 'da', 'do']);

/** Phrases by their last word, so a phrase ending at a token is found by one lookup. */
class PhraseIndex {
  readonly #byLast = new Map<string, string[][]>();

  constructor(phrases: readonly string[]) {
    for (const phrase of phrases) {
      const words = [...phrase.matchAll(TOKEN)].map((m) => m[0]);
      const last = words.at(-1);
      if (last === undefined) continue;
      const list = this.#byLast.get(last) ?? [];
      list.push(words);
      this.#byLast.set(
        last,
        list.sort((a, b) => b.length - a.length),
      );
    }
  }

  /** Length in tokens of the longest phrase ending at `tokens[end]`, its words one space apart; 0 if none. */
  endingAt(tokens: readonly Token[], end: number, text: string): number {
    const last = tokens[end];
    if (last === undefined) return 0;
    for (const words of this.#byLast.get(last.lower) ?? []) {
      const first = end - words.length + 1;
      if (first < 0) continue;
      let ok = true;
      for (let k = 0; k < words.length && ok; k++) {
        const token = tokens[first + k] as Token;
        ok = token.lower === words[k] && (k === 0 || /^[ \t]+$/.test(text.slice((tokens[first + k - 1] as Token).end, token.start)));
      }
      if (ok) return words.length;
    }
    return 0;
  }

  /** Length in tokens of the longest phrase starting at `tokens[start]` (on one line); 0 if none. */
  startingAt(tokens: readonly Token[], start: number, text: string): number {
    // Phrases are short: try every end within reach.
    for (let end = Math.min(tokens.length - 1, start + 4); end >= start; end--) {
      if ((tokens[end] as Token).line !== (tokens[start] as Token).line) continue;
      if (this.endingAt(tokens, end, text) === end - start + 1) return end - start + 1;
    }
    return 0;
  }
}

const STRONG = new PhraseIndex(STRONG_CUES);
const WEAK = new PhraseIndex(WEAK_CUES);
const GREETING = new PhraseIndex(GREETINGS);
const SIGN_OFF = new PhraseIndex(SIGN_OFFS);
const LABEL = new PhraseIndex(NAME_LABELS);

function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 0;
  let newline = text.indexOf('\n');
  for (const m of text.matchAll(TOKEN)) {
    while (newline !== -1 && newline < m.index) {
      line++;
      newline = text.indexOf('\n', newline + 1);
    }
    tokens.push({ start: m.index, end: m.index + m[0].length, text: m[0], lower: m[0].toLowerCase().replace(/’/g, "'"), line });
  }
  return tokens;
}

function isNameWord(token: Token | undefined): token is Token {
  return (
    token !== undefined &&
    CAPITALISED.test(token.text) &&
    !NOT_NAMES.has(token.lower) &&
    !ARTICLES.has(token.lower) &&
    !/\p{N}/u.test(token.text)
  );
}

const isGiven = (token: Token): boolean => GIVEN_NAMES.has(token.lower) || AMBIGUOUS_NAMES.has(token.lower);

interface Candidate {
  /** Index of the first and last name token. */
  first: number;
  last: number;
  words: number;
}

/** The name starting at `tokens[i]`: up to four capitalised words, particles and initials between them. */
function readName(tokens: readonly Token[], i: number, text: string): Candidate | undefined {
  if (!isNameWord(tokens[i])) return undefined;
  let last = i;
  let words = 1;
  // One space between words; a period only after an initial ("John F. Kennedy"), never a sentence's end.
  const spaced = (a: number, b: number): boolean => {
    const gap = text.slice((tokens[a] as Token).end, (tokens[b] as Token).start);
    return gap === ' ' || (gap === '. ' && /^\p{Lu}$/u.test((tokens[a] as Token).text));
  };
  while (words < MAX_NAME_WORDS) {
    const next = tokens[last + 1];
    if (next === undefined || !spaced(last, last + 1)) break;
    if (isNameWord(next) && !NOT_AFTER_NAME.has(next.lower) && !TITLES.has(next.lower)) {
      last += 1;
      words += 1;
      continue;
    }
    // "Sanne de Vries", "Ana de la Torre": particles only inside a name. After a full name, "de" says
    // where someone is from ("Alejandro Ruiz de Monterrey"), so only the rarer particles go on.
    let k = last + 1;
    while (k < last + 3 && PARTICLES.has((tokens[k] as Token | undefined)?.lower ?? '') && spaced(k, k + 1)) k++;
    const particle = (tokens[last + 1] as Token).lower;
    const joins = words === 1 || !LOCATIVE_PARTICLES.has(particle);
    if (k > last + 1 && joins && isNameWord(tokens[k]) && !/^\p{Lu}/u.test((tokens[last + 1] as Token).text)) {
      last = k;
      words += 1;
      continue;
    }
    break;
  }
  return { first: i, last, words };
}

/** Whether only `rest` follows the name on its line: nothing, or a title or company after a comma, bar or dash. */
function endsLine(tokens: readonly Token[], candidate: Candidate, text: string): boolean {
  const end = (tokens[candidate.last] as Token).end;
  const lineEnd = text.indexOf('\n', end);
  const rest = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
  return /^\s*(?:[,|(–—/-].*)?$/.test(rest) || /^\s*<[^>]*>\s*$/.test(rest);
}

/** Index of the first token of the next non-empty line after `line`, within two lines. */
function firstOfNextLine(tokens: readonly Token[], from: number, line: number): number | undefined {
  const next = tokens[from];
  return next !== undefined && next.line > line && next.line <= line + 2 ? from : undefined;
}

export function findNames(text: string): FoundName[] {
  const tokens = tokenise(text);
  const found: Candidate[] = [];
  const take = (candidate: Candidate | undefined, accept: (c: Candidate) => boolean = () => true): void => {
    if (candidate !== undefined && accept(candidate)) found.push(candidate);
  };
  const weakAccept = (c: Candidate): boolean => c.words >= 2 || isGiven(tokens[c.first] as Token);
  const afterArticle = (i: number): number => (['o', 'a', 'el', 'la', 'le'].includes(tokens[i]?.lower ?? '') ? i + 1 : i);

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const prev = tokens[i - 1];
    const lineStart = prev === undefined || prev.line < token.line;
    const gapBefore = text.slice(prev?.end ?? 0, token.start);

    if (lineStart) {
      const label = LABEL.startingAt(tokens, i, text);
      const labelEnd = tokens[i + label - 1];
      if (label > 0 && labelEnd !== undefined && /^ ?: ?[ \t]*$/.test(text.slice(labelEnd.end, tokens[i + label]?.start ?? labelEnd.end)))
        take(readName(tokens, i + label, text));
      const greeting = GREETING.startingAt(tokens, i, text);
      if (greeting > 0) {
        let k = i + greeting;
        while (TITLES.has(tokens[k]?.lower ?? '') && CAPITALISED.test(tokens[k]?.text ?? '')) k++;
        // "Hi Anna," but not "Hi Anna how are you": the addressee ends the greeting.
        take(readName(tokens, k, text), (c) => {
          const next = tokens[c.last + 1];
          return next === undefined || /^[ \t]*(?:[,:!.;]|\r?\n)/.test(text.slice((tokens[c.last] as Token).end, next.start));
        });
      }
    }
    // A sign-off starts a line, or ends the last sentence: "… label there? Thanks, Grace Obi".
    if (lineStart || /[.!?][ \t]+$/.test(gapBefore)) {
      const signOff = SIGN_OFF.startingAt(tokens, i, text);
      if (signOff > 0) {
        const after = i + signOff;
        const lineEnd = text.indexOf('\n', (tokens[after - 1] as Token).end);
        const rest = text.slice((tokens[after - 1] as Token).end, lineEnd === -1 ? text.length : lineEnd);
        const sameLine = /^[,.!]?\s+|^,/.test(rest) && tokens[after]?.line === token.line;
        const at = /^[\s,.!:;—–-]*$/.test(rest) ? firstOfNextLine(tokens, after, token.line) : sameLine ? after : undefined;
        if (at !== undefined && !ARTICLES.has(tokens[at]?.lower ?? '')) take(readName(tokens, at, text), (c) => endsLine(tokens, c, text));
      }
      // A signature delimiter ("-- ") on the line before.
      if (/(?:^|\n)-- ?\n\s*$/.test(gapBefore)) take(readName(tokens, i, text), (c) => endsLine(tokens, c, text));
    }
    // "— Marcus Whitfield", "-- Anna" ending a line.
    if ((prev === undefined ? /^\s*(?:--?|—|–) ?$/ : /[ \t\n](?:--?|—|–) ?$/).test(gapBefore) && /\p{Ll}/u.test(token.text))
      take(readName(tokens, i, text), (c) => endsLine(tokens, c, text));

    if (
      prev !== undefined &&
      TITLES.has(prev.lower) &&
      CAPITALISED.test(prev.text) &&
      /^\.? $/.test(gapBefore) &&
      (prev.lower !== 'm' || gapBefore === '. ')
    ) {
      if (!TITLES.has(token.lower)) take(readName(tokens, i, text));
    }
    if (prev !== undefined && /^[ \t]*:?[ \t]+$/.test(gapBefore)) {
      if (STRONG.endingAt(tokens, i - 1, text) > 0) {
        take(readName(tokens, afterArticle(i), text) ?? (GIVEN_NAMES.has(token.lower) ? { first: i, last: i, words: 1 } : undefined));
      } else if (WEAK.endingAt(tokens, i - 1, text) > 0) {
        take(readName(tokens, afterArticle(i), text), weakAccept);
      }
    }
    if (GIVEN_NAMES.has(token.lower) && !AMBIGUOUS_NAMES.has(token.lower) && CAPITALISED.test(token.text)) {
      const placeBefore = prev !== undefined && PLACE_PREFIXES.has(prev.lower) && /^ $/.test(gapBefore);
      const next = tokens[i + 1];
      const streetAfter = next !== undefined && NOT_AFTER_NAME.has(next.lower) && next.line === token.line;
      if (!placeBefore && !streetAfter) take(readName(tokens, i, text));
    }
  }
  return merge(found.map((c) => ({ start: (tokens[c.first] as Token).start, end: (tokens[c.last] as Token).end })));
}

/** Overlapping finds of one name (a cue and the dictionary both saw it) become the widest. */
function merge(spans: FoundName[]): FoundName[] {
  const sorted = spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: FoundName[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}
