/**
 * What became of an inserted draft, from the text that left the composer: sent as it was, sent
 * after edits (with the share of the draft's characters that survived), or thrown away. Texts
 * are compared without whitespace, since editors rewrap lines and turn breaks into blocks.
 */
import type { DraftOutcomeMessage } from '../messages/messages';
import type { InsertedAround } from './insertDraft';

/** Whitespace carries no meaning across editors (a `<br>` here, a `<div>` there, a trailing space). */
export function withoutWhitespace(text: string): string {
  return text.replace(/\s+/g, '');
}

const WORD_BITS = 32;

/**
 * Length of the longest common subsequence of `a` and `b`, by the bit-parallel algorithm
 * (Hyyrö 2004: V' = (V + (V & M)) | (V & ~M), the LCS is the count of zero bits of V). It costs
 * |b| × ⌈|a| / 32⌉ word operations: two 5,000-character texts take about 800k steps, where the
 * textbook table would fill 25 million cells.
 */
export function lcsLength(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  const words = Math.ceil(a.length / WORD_BITS);
  // Bit i of a character's mask is set where a[i] is that character.
  const masks = new Map<number, Uint32Array>();
  for (let index = 0; index < a.length; index += 1) {
    const code = a.charCodeAt(index);
    let mask = masks.get(code);
    if (mask === undefined) {
      mask = new Uint32Array(words);
      masks.set(code, mask);
    }
    mask[index >>> 5] = (mask[index >>> 5] ?? 0) | (1 << (index & 31));
  }

  const v = new Uint32Array(words).fill(0xffffffff);
  for (let index = 0; index < b.length; index += 1) {
    const mask = masks.get(b.charCodeAt(index));
    if (mask === undefined) continue;
    let carry = 0;
    for (let word = 0; word < words; word += 1) {
      const current = v[word] ?? 0;
      const matched = (current & (mask[word] ?? 0)) >>> 0;
      // Multi-word addition with the carry kept by hand: the sum of two 32-bit words and a carry fits a double exactly.
      const sum = current + matched + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[word] = ((sum >>> 0) | (current & ~matched)) >>> 0;
    }
  }

  let zeros = 0;
  for (let index = 0; index < a.length; index += 1) if (((v[index >>> 5] ?? 0) & (1 << (index & 31))) === 0) zeros += 1;
  return zeros;
}

/** Share of the draft's characters (whitespace aside) that are still, in order, in `sent`. */
export function keptRatio(draft: string, sent: string): number {
  const a = withoutWhitespace(draft);
  const b = withoutWhitespace(sent);
  if (a.length === 0) return b.length === 0 ? 1 : 0;
  return Math.min(1, lcsLength(a, b) / a.length);
}

/**
 * The agent's part of a composer's text: without what was there around the draft when it went
 * in (a greeting they had typed, a signature, quoted history), as long as that is still intact.
 */
export function draftPart(composerText: string, around: InsertedAround): string {
  let text = withoutWhitespace(composerText);
  const before = withoutWhitespace(around.before);
  const after = withoutWhitespace(around.after);
  if (before !== '' && text.startsWith(before)) text = text.slice(before.length);
  if (after !== '' && text.endsWith(after)) text = text.slice(0, text.length - after.length);
  return text;
}

export interface ClassifiedOutcome {
  outcome: DraftOutcomeMessage['outcome'];
  keptRatio: number;
}

/** The outcome for the draft part of the text that left; empty means the agent had deleted it all. */
export function classifySentDraft(draft: string, sentPart: string): ClassifiedOutcome {
  const sent = withoutWhitespace(sentPart);
  if (sent === '') return { outcome: 'discarded', keptRatio: 0 };
  if (sent === withoutWhitespace(draft)) return { outcome: 'sent-as-is', keptRatio: 1 };
  return { outcome: 'sent-edited', keptRatio: keptRatio(draft, sent) };
}
