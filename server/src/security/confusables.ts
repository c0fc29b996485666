/**
 * The skeleton of one word for detectors (`foldConfusables` in ./untrustedText.ts): which script
 * the word is written in decides which way look-alikes are mapped.
 *
 * - A word with a letter that only Cyrillic has (и, д, я…) is Cyrillic: Latin look-alikes slipped
 *   into it become Cyrillic, so "игнoрируй" with a Latin o still reads "игнорируй". Greek alike.
 * - Any other word is read as Latin: Cyrillic, Greek and Armenian look-alikes, small capitals and
 *   dotless i become ASCII, accents on Latin letters are dropped, ß æ œ ø ł đ þ spelled out, and
 *   digits touching a Latin letter become the letters they stand for when the word has at least as
 *   many letters as digits ("1gn0r3" → "ignore", but "h264" and "2024年" stay).
 *
 * Only strong look-alikes are listed: the more Cyrillic letters count as Latin, the more real
 * Russian words would be read as Latin gibberish and miss their cues.
 */

/** Look-alike → ASCII letter, in the case it is written (uppercase Н looks like H, lowercase н does not). */
const TO_LATIN: Readonly<Record<string, string>> = {
  // Cyrillic
  А: 'a', В: 'b', Е: 'e', К: 'k', М: 'm', Н: 'h', О: 'o', Р: 'p', С: 'c', Т: 't', Х: 'x', У: 'y', І: 'i', Ј: 'j', Ѕ: 's',
  Ү: 'y', Ԁ: 'd', Ԍ: 'g', Ԛ: 'q', Ԝ: 'w', Ӏ: 'l', а: 'a', с: 'c', е: 'e', о: 'o', р: 'p', х: 'x', у: 'y', і: 'i',
  ј: 'j', ѕ: 's', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'l', ү: 'y',
  // Greek
  Α: 'a', Β: 'b', Ε: 'e', Ζ: 'z', Η: 'h', Ι: 'i', Κ: 'k', Μ: 'm', Ν: 'n', Ο: 'o', Ρ: 'p', Τ: 't', Υ: 'y', Χ: 'x',
  ο: 'o', α: 'a', ι: 'i', κ: 'k', ν: 'v', ρ: 'p', υ: 'u', χ: 'x', ϲ: 'c', ϳ: 'j',
  // Armenian
  օ: 'o', ս: 'u', հ: 'h', ո: 'n', ց: 'g', զ: 'q',
  // Latin look-alikes NFKC leaves alone: dotless i, script g, Latin alpha, iota, small capitals
  ı: 'i', ɡ: 'g', ɑ: 'a', ɩ: 'i', ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ʟ: 'l',
  ᴍ: 'm', ɴ: 'n', ᴏ: 'o', ᴘ: 'p', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ʏ: 'y', ᴢ: 'z',
  // Letters an ASCII skeleton spells out
  ß: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', þ: 'th', Þ: 'th',
}; // prettier-ignore

/** Latin letter (lower-cased) → the Cyrillic letter it passes for inside a Cyrillic word. */
const TO_CYRILLIC: Readonly<Record<string, string>> = {
  a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'х', y: 'у', i: 'і',
}; // prettier-ignore

/** Latin letter (lower-cased) → the Greek letter it passes for inside a Greek word. */
const TO_GREEK: Readonly<Record<string, string>> = {
  a: 'α', b: 'β', e: 'ε', h: 'η', i: 'ι', k: 'κ', m: 'μ', n: 'ν', o: 'ο', p: 'ρ', t: 'τ', x: 'χ', y: 'υ', z: 'ζ',
}; // prettier-ignore

const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g' };

const CYRILLIC = /\p{Script=Cyrillic}/u;
const GREEK = /\p{Script=Greek}/u;
/** Accents on Latin letters, and marks stacked on digits (which only hide a digit's neighbours). */
const LATIN_MARKS = /(?<=[a-z0-9])\p{M}+/gu;
const ASCII_LETTER_ANY_CASE = /[A-Za-z]/;
const ASCII_LETTER = /[a-z]/;
const ASCII_LETTERS = /[a-z]/g;
const DIGITS = /\d/g;
const DIGIT_RUN = /\d+/g;

type Script = 'latin' | 'cyrillic' | 'greek';

interface Word {
  text: string;
  start: number;
  /** The script the word's letters decide, or the one its look-alikes could belong to when they decide nothing. */
  script: Script | undefined;
  ambiguous: Script | undefined;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * Every word of NFKC-normalised `text` replaced by its skeleton, lower-cased. A word made only of
 * look-alikes ("ВСЕ", "сор") takes the script of the nearest word that decides one, so Russian
 * shouted in capitals stays Russian and a spoofed English word in English text becomes English.
 */
export function foldWords(text: string): string {
  const words: Word[] = [...text.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index, ...scriptOf(m[0]) }));
  resolveAmbiguous(words);
  let out = '';
  let at = 0;
  for (const word of words) {
    out += text.slice(at, word.start) + foldWord(word.text, word.script ?? 'latin');
    at = word.start + word.text.length;
  }
  return out + text.slice(at);
}

function scriptOf(word: string): Pick<Word, 'script' | 'ambiguous'> {
  let cyrillic = false;
  let greek = false;
  let latin = false;
  let lookAlikes: Script | undefined;
  for (const ch of word) {
    const isCyrillic = CYRILLIC.test(ch);
    const isGreek = !isCyrillic && GREEK.test(ch);
    if (ASCII_LETTER_ANY_CASE.test(ch)) latin = true;
    else if (TO_LATIN[ch] !== undefined) lookAlikes ??= isCyrillic ? 'cyrillic' : isGreek ? 'greek' : 'latin';
    else if (isCyrillic) cyrillic = true;
    else if (isGreek) greek = true;
  }
  // A letter only one script has decides; Latin letters decide only among look-alikes.
  if (cyrillic) return { script: 'cyrillic', ambiguous: undefined };
  if (greek) return { script: 'greek', ambiguous: undefined };
  if (latin || lookAlikes === 'latin') return { script: 'latin', ambiguous: undefined };
  return { script: undefined, ambiguous: lookAlikes };
}

/** Linear: one pass each way carries the last decided script to the undecided look-alike words. */
function resolveAmbiguous(words: Word[]): void {
  const decided = (w: Word): boolean => w.script !== undefined;
  const fill = (order: readonly Word[]): void => {
    let last: Script | undefined;
    for (const w of order) {
      if (decided(w) && w.ambiguous === undefined) last = w.script;
      else if (w.ambiguous !== undefined && w.script === undefined && last !== undefined) w.script = last === w.ambiguous ? last : 'latin';
    }
  };
  fill(words);
  fill([...words].reverse());
}

/** Skeleton of one word in the script it was read as, lower-cased. */
function foldWord(word: string, script: Script): string {
  if (script === 'cyrillic') return intoScript(word, TO_CYRILLIC);
  if (script === 'greek') return intoScript(word, TO_GREEK);
  const decomposed = [...word]
    .map((ch) => TO_LATIN[ch] ?? ch)
    .join('')
    .toLowerCase()
    .normalize('NFD');
  // Lower-casing and decomposing can surface letters of the table (Ø → ø): map once more. Marks
  // go before digits are read, so a digit's neighbours are the same on a second pass.
  const mapped = [...decomposed].map((ch) => TO_LATIN[ch] ?? ch).join('');
  return unleet(mapped.replace(LATIN_MARKS, '')).normalize('NFC');
}

function intoScript(word: string, table: Readonly<Record<string, string>>): string {
  return [...word.toLowerCase()].map((ch) => table[ch] ?? ch).join('');
}

function unleet(word: string): string {
  const digits = word.match(DIGITS)?.length ?? 0;
  if (digits === 0 || (word.match(ASCII_LETTERS)?.length ?? 0) < digits) return word;
  return word.replace(DIGIT_RUN, (run, at: number) => {
    const touchesLetter = ASCII_LETTER.test(word[at - 1] ?? '') || ASCII_LETTER.test(word[at + run.length] ?? '');
    return touchesLetter ? [...run].map((d) => LEET[d] ?? d).join('') : run;
  });
}

/**
 * Letter-shaped symbols NFKC keeps as symbols: regional indicators (🇦) and negative circled and
 * squared capitals (🅐, 🅰). Each becomes its lower-case ASCII letter.
 */
const LETTER_SYMBOL = /[\u{1F1E6}-\u{1F1FF}\u{1F150}-\u{1F169}\u{1F170}-\u{1F189}]/gu;

export function foldLetterSymbols(text: string): string {
  return text.replace(LETTER_SYMBOL, (ch) => {
    const cp = ch.codePointAt(0) ?? 0;
    const base = cp >= 0x1f1e6 ? 0x1f1e6 : cp >= 0x1f170 ? 0x1f170 : 0x1f150;
    return String.fromCharCode(0x61 + cp - base);
  });
}
