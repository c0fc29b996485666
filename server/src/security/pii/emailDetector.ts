/**
 * E-mail addresses, whole: dot-atom local parts with apostrophes, plus tags and the like
 * (`sean.o'brien@…`, `kai+orders@…`), quoted local parts (`"front desk"@…`), internationalised
 * letters on either side, and the bracketed spellings people use to hide one (`jo [at] example
 * [dot] com`). A match starts only where a run of address characters starts, so a long run
 * without an `@` is read once.
 */
import type { Span } from './piiSpan.js';

// RFC 5322 allows more (!#$&*=?~), but in support text those glue an address to the word before it ("mail=bob@…").
const ATEXT = "\\p{L}\\p{N}._%+\\-'’";
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?';
const DOMAIN = `${LABEL}(?:\\.${LABEL})*\\.\\p{L}{2,}`;
const EMAIL = new RegExp(`(?:"[^"\\n]{1,64}"|“[^”\\n]{1,64}”|(?<![${ATEXT}])[${ATEXT}]+)[ ]?@[ ]?${DOMAIN}(?![\\p{L}\\p{N}])`, 'gu');
const OBFUSCATED = new RegExp(
  `(?<![${ATEXT}])[\\p{L}\\p{N}._%+-]+ ?[[(]at[\\])] ?${LABEL}(?: ?(?:[[(]dot[\\])]|\\.) ?${LABEL})+(?![\\p{L}\\p{N}])`,
  'giu',
);
/** Quotes and dots that open a sentence's quoted address are punctuation, not the address. */
const LEADING_PUNCTUATION = /^['’.]+/;

export function detectEmails(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(EMAIL)) {
    const lead = LEADING_PUNCTUATION.exec(m[0])?.[0].length ?? 0;
    const value = m[0].slice(lead);
    if (value.startsWith('@')) continue;
    spans.push({ start: m.index + lead, end: m.index + m[0].length, kind: 'EMAIL', key: value.replace(/ /g, '').toLowerCase() });
  }
  for (const m of text.matchAll(OBFUSCATED)) {
    const key = m[0]
      .toLowerCase()
      .replace(/ ?[[(]at[\])] ?/, '@')
      .replace(/ ?(?:[[(]dot[\])]|\.) ?/g, '.');
    spans.push({ start: m.index, end: m.index + m[0].length, kind: 'EMAIL', key });
  }
  return spans;
}
