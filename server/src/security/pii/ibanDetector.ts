/**
 * IBANs, printed in groups or compact, in either case: the country's length pins where one ends
 * in running text, and the mod-97 check keeps look-alike codes out.
 */
import type { Span } from './piiSpan.js';

/** BBAN lengths by country. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24,
  DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28,
  HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29,
  RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22,
  VG: 24, XK: 20,
}; // prettier-ignore

const IBAN_START = /(?<![\p{L}\p{N}])([A-Za-z]{2})\d{2}/gu;

export function detectIbans(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(IBAN_START)) {
    const country = (match[1] as string).toUpperCase();
    const length = IBAN_LENGTHS[country];
    if (length === undefined) continue;
    // Collect alphanumerics, allowing single spaces (or dashes) between print groups, until the country's length.
    let compact = match[0].toUpperCase();
    let i = match.index + match[0].length;
    while (compact.length < length && i < text.length) {
      const ch = text[i] as string;
      if (/[A-Za-z0-9]/.test(ch)) {
        compact += ch.toUpperCase();
        i++;
      } else if ((ch === ' ' || ch === '\u00a0' || ch === '-') && /[A-Za-z0-9]/.test(text[i + 1] ?? '')) {
        i++;
      } else break;
    }
    if (compact.length !== length || /[\p{L}\p{N}]/u.test(text[i] ?? '') || !passesMod97(compact)) continue;
    spans.push({ start: match.index, end: i, kind: 'IBAN', key: compact });
  }
  return spans;
}

function passesMod97(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const ch of rearranged) {
    const value = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}
