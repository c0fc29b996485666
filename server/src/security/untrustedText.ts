/**
 * One normaliser for every text that comes from outside (ticket, widget message, knowledge
 * passage, webhook strings) before a detector, the redactor or a model reads it, and a confusable
 * fold for detectors only. The agent may still be shown the original where that is safe; the model
 * and the detectors see `normaliseUntrusted`'s output.
 *
 * `normaliseUntrusted` is idempotent and linear in the input: NFKC (full-width and mathematical
 * letters and digits become ASCII, NBSP a space), invisible characters removed (zero-width,
 * soft hyphen, variation selectors, Unicode tags, bidi controls — removing them is how bidi is
 * neutralised), control characters dropped except `\n` and `\t` (`\r\n`, `\r`, U+2028/2029 become
 * `\n`), lone surrogates replaced by U+FFFD, and runs of combining marks capped.
 *
 * `foldConfusables` maps look-alikes to the skeleton a detector matches against; see ./confusables.ts.
 */
import { foldLetterSymbols, foldWords } from './confusables.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/**
 * Every format character (zero-width space/joiners, bidi embeddings, overrides, isolates and marks,
 * Unicode tags, soft hyphen, BOM) and every other default-ignorable one (variation selectors,
 * Hangul fillers): none is visible, so each can only hide something from a reader or a detector.
 */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
/** C0 and C1 controls and DEL, except tab and line feed. */
const CONTROL = /[^\P{Cc}\n\t]/gu;
const LINE_BREAK = /\r\n?|[\u2028\u2029\u0085]/g;
/**
 * NFKC sorts a run of combining marks, which costs time quadratic in the run (a 20,000-mark run
 * takes a quarter second); no writing system stacks more than a handful, so longer runs are cut.
 * Cut at a code point, not in the middle of a surrogate pair.
 */
const MAX_MARKS = 16;
const MARK_RUN = new RegExp(`(\\p{M}{${MAX_MARKS}})\\p{M}+`, 'gu');

const PLAIN = /^[\x20-\x7e\n\t]*$/;

function strip(text: string): string {
  return text.replace(LINE_BREAK, '\n').replace(INVISIBLE, '').replace(CONTROL, '').replace(MARK_RUN, '$1');
}

/** The text a model and a detector read: see the module header. */
export function normaliseUntrusted(text: string): string {
  // Printable ASCII, tabs and line feeds are already normal: most text takes this path.
  if (PLAIN.test(text)) return text;
  // Strip before NFKC so an invisible character between a letter and its mark cannot stop them
  // composing, and after it because NFKC turns a few visible characters (U+3164) into ignorable
  // ones; the last NFKC only composes what the second strip brought together, and composition
  // creates no character either strip removes, so a second call changes nothing.
  const wellFormed = text.replace(LONE_SURROGATE, '\uFFFD');
  return strip(strip(wellFormed).normalize('NFKC')).normalize('NFKC');
}

/**
 * For detection only, never for display or for a model: `normaliseUntrusted`, then each word
 * mapped to its skeleton and lower-cased. Homoglyphs (Cyrillic, Greek and Armenian look-alikes,
 * small capitals, letter-like symbols) become ASCII letters, accents on Latin letters are dropped,
 * and digits inside a word become the letters they stand for ("1gn0r3" → "ignore"). A word with a
 * letter only Cyrillic (or Greek) has goes the other way, so Russian and Greek cues still match
 * when Latin look-alikes were slipped into them; a word of look-alikes only follows its neighbours.
 * Cue lists matched against it are written lower-case and, for Latin scripts, without accents.
 */
export function foldConfusables(text: string): string {
  return foldWords(foldLetterSymbols(normaliseUntrusted(text))).toLowerCase();
}
