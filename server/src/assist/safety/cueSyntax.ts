/**
 * Building blocks shared by the cue lexicons (`injectionCues.ts`, `injectionCuesAdded.ts`): bounded
 * gaps, so every pattern stays one linear pass, and word edges for scripts `\b` does not know.
 */

/** Up to `n` characters that do not end a clause. */
export const gap = (n: number): string => `[^.!?\\n。！？]{0,${n}}`;
/** The end of a word in scripts `\b` does not know (Cyrillic, Arabic). */
export const end = '(?!\\p{L})';
/** The start of a word in those scripts. */
export const start = '(?<!\\p{L})';

/** Index just past the group that opens at `open` (a `(`), skipping escapes and character classes; -1 if unbalanced. */
function groupEnd(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i += 1) {
    const c = source[i];
    if (c === '\\') {
      i += 1;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
    } else if (c === '[') inClass = true;
    else if (c === '(') depth += 1;
    else if (c === ')') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * A pattern that opens with a negative lookbehind ("not preceded by 'never …'") and then a word
 * group, rewritten to check the word first: `(?<!L)\b(?:W)…` → `\b(?=(?:W))(?<!L)(?:W)…`. Same
 * matches; the engine no longer runs the lookbehind at every position of the text, which made
 * those few patterns most of the scoring time.
 */
export function wordBeforeLookbehind(pattern: string): string {
  if (!pattern.startsWith('(?<!')) return pattern;
  const behindEnd = groupEnd(pattern, 0);
  if (behindEnd < 0 || !pattern.startsWith('\\b(', behindEnd)) return pattern;
  const wordEnd = groupEnd(pattern, behindEnd + 2);
  if (wordEnd < 0) return pattern;
  const word = pattern.slice(behindEnd + 2, wordEnd);
  return `\\b(?=${word})${pattern.slice(0, behindEnd)}${pattern.slice(behindEnd + 2)}`;
}
