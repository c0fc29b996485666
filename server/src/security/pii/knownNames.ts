/**
 * Names the vault has learned (the requester's, and every name found in the draft's texts), found
 * again wherever they occur: in any case and with or without accents, a single word of a longer
 * name only where the text capitalises it ("Will", not "will"). Matching walks the text's words
 * once, looking each up by its first word, so it stays linear however many names are known.
 */
import { foldText, type Span } from './piiSpan.js';

interface KnownName {
  words: string[];
  /** A single word of a longer name only counts where the text capitalises it. */
  part: boolean;
  key: string;
}

const WORD = /[\p{L}\p{N}]+(?:['’-](?!s(?![\p{L}\p{N}]))[\p{L}\p{N}]+)*/gu;
/** Learning stops here: a text of thousands of names must not make every later text slow. */
const MAX_NAMES = 2000;

export class KnownNames {
  readonly #byFirst = new Map<string, KnownName[]>();
  #count = 0;

  get size(): number {
    return this.#count;
  }

  /** Learns a folded name (`foldText`); false when it was known already or the list is full. */
  learn(folded: string, part: boolean): boolean {
    const words = [...folded.matchAll(WORD)].map((m) => m[0]);
    const first = words[0];
    if (first === undefined || this.#count >= MAX_NAMES) return false;
    const list = this.#byFirst.get(first) ?? [];
    const key = words.join(' ');
    if (list.some((n) => n.key === key)) return false;
    list.push({ words, part, key });
    // Longest first, so "maria garcia" wins over "maria" where both match.
    list.sort((a, b) => b.words.length - a.words.length);
    this.#byFirst.set(first, list);
    this.#count++;
    return true;
  }

  /** Every occurrence of a known name in `text`, keyed by the name. */
  spans(text: string): Span[] {
    if (this.#count === 0) return [];
    const { folded, toOriginal } = foldWithOffsets(text);
    const words = [...folded.matchAll(WORD)].map((m) => ({ word: m[0], start: m.index, end: m.index + m[0].length }));
    const spans: Span[] = [];
    for (let i = 0; i < words.length; i++) {
      const here = words[i] as (typeof words)[number];
      for (const name of this.#byFirst.get(here.word) ?? []) {
        const last = words[i + name.words.length - 1];
        if (last === undefined) continue;
        let ok = true;
        for (let k = 1; k < name.words.length && ok; k++) {
          const w = words[i + k] as (typeof words)[number];
          ok = w.word === name.words[k] && /^\s+$/.test(folded.slice((words[i + k - 1] as (typeof words)[number]).end, w.start));
        }
        if (!ok) continue;
        const start = toOriginal[here.start] as number;
        if (name.part && !/\p{Lu}/u.test(String.fromCodePoint(text.codePointAt(start) ?? 32))) continue;
        spans.push({ start, end: toOriginal[last.end] as number, kind: 'NAME', key: name.key });
        i += name.words.length - 1;
        break;
      }
    }
    return spans;
  }
}

/** Folded `text` with, for each folded index, the index in `text` it came from (one extra for the end). */
function foldWithOffsets(text: string): { folded: string; toOriginal: number[] } {
  let folded = '';
  const toOriginal: number[] = [];
  let index = 0;
  for (const ch of text) {
    // Most characters are ASCII: lower-casing is all their fold does.
    const f = ch.charCodeAt(0) < 0x80 ? ch.toLowerCase() : foldText(ch);
    // One entry per UTF-16 unit of the folded form, which indexes are counted in.
    for (let units = f.length; units > 0; units--) toOriginal.push(index);
    folded += f;
    index += ch.length;
  }
  toOriginal.push(text.length);
  return { folded, toOriginal };
}
