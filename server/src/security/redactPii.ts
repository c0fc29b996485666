/**
 * PII redaction before any ticket text leaves for an LLM provider. One vault per draft request
 * swaps emails, phones, payment cards, IBANs, national ids, street addresses and known person
 * names for stable placeholders (`[EMAIL_1]`) and puts the real values back into the draft, also
 * while it streams token by token.
 */
import { fold } from '@tandem/shared/search';

export type PiiKind = 'EMAIL' | 'PHONE' | 'CARD' | 'IBAN' | 'NATIONAL_ID' | 'ADDRESS' | 'NAME';

const KINDS: readonly PiiKind[] = ['EMAIL', 'PHONE', 'CARD', 'IBAN', 'NATIONAL_ID', 'ADDRESS', 'NAME'];
const PLACEHOLDER = new RegExp(`\\[(?:${KINDS.join('|')})_\\d+\\]`, 'g');
/** Longer counters are not worth holding a stream back for. */
const MAX_COUNTER_DIGITS = 6;

interface Span {
  start: number;
  end: number;
  kind: PiiKind;
  /** Normalised value: two spellings of one value share a placeholder. */
  key: string;
}

interface KnownName {
  folded: string;
  /** A single word of a longer name only counts where the text capitalises it ("Will", not "will"). */
  part: boolean;
  pattern: RegExp;
}

/**
 * Placeholders for one draft request. Call `redactName` for the known people first, then `redact`
 * every text (subject, messages, live facts) so the model sees one consistent set of placeholders.
 * The first spelling seen of a value is the one `restore` writes back.
 */
export class PiiVault {
  readonly #placeholderByKey = new Map<string, string>();
  readonly #valueByPlaceholder = new Map<string, string>();
  readonly #counters = new Map<PiiKind, number>();
  #names: KnownName[] = [];

  /** Number of distinct values behind placeholders. */
  get size(): number {
    return this.#valueByPlaceholder.size;
  }

  /**
   * Placeholder for a known person's name (e.g. the requester's display name). Texts redacted
   * afterwards have the full name and each of its words replaced too, in any case and with or
   * without accents.
   */
  redactName(name: string): string {
    const trimmed = name.trim().replace(/\s+/g, ' ');
    if (trimmed === '') return name;
    // Helpdesks show the address when a requester has no name; that is an email, not a name.
    if (!/\p{L}/u.test(trimmed) || /^\S+@\S+$/.test(trimmed)) return this.redact(trimmed);
    const folded = foldText(trimmed);
    // A one-word name is as ambiguous as a word of a longer one ("Will", "Rose").
    this.#learnName(folded, !folded.includes(' '));
    for (const word of folded.split(/[\s,]+/)) {
      if (word.replace(/[^\p{L}]/gu, '').length >= 2 && !NAME_PARTICLES.has(word) && word !== folded) this.#learnName(word, true);
    }
    return this.#placeholderFor('NAME', folded, trimmed);
  }

  /** `text` with every detected value replaced by its placeholder; existing placeholders are left alone. */
  redact(text: string): string {
    // Placeholders already in the text (a text redacted twice) block every detector, names included.
    const taken = [...text.matchAll(PLACEHOLDER)].map((m): Span => ({ start: m.index, end: m.index + m[0].length, kind: 'NAME', key: '' }));
    const blockers = taken.length;
    for (const detect of DETECTORS) {
      const found = detect(text).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
      for (const span of found) if (!overlapsAny(taken, span)) taken.push(span);
    }
    for (const span of this.#nameSpans(text)) if (!overlapsAny(taken, span)) taken.push(span);

    const spans = taken.slice(blockers).sort((a, b) => a.start - b.start);
    if (spans.length === 0) return text;
    let out = '';
    let at = 0;
    for (const span of spans) {
      out += text.slice(at, span.start) + this.#placeholderFor(span.kind, span.key, text.slice(span.start, span.end));
      at = span.end;
    }
    return out + text.slice(at);
  }

  /** `text` with every placeholder of this vault replaced by its value; unknown placeholders stay as written. */
  restore(text: string): string {
    return text.replace(PLACEHOLDER, (placeholder) => this.#valueByPlaceholder.get(placeholder) ?? placeholder);
  }

  #placeholderFor(kind: PiiKind, key: string, original: string): string {
    const mapKey = `${kind}:${key}`;
    const existing = this.#placeholderByKey.get(mapKey);
    if (existing !== undefined) return existing;
    const n = (this.#counters.get(kind) ?? 0) + 1;
    this.#counters.set(kind, n);
    const placeholder = `[${kind}_${n}]`;
    this.#placeholderByKey.set(mapKey, placeholder);
    this.#valueByPlaceholder.set(placeholder, original);
    return placeholder;
  }

  #learnName(folded: string, part: boolean): void {
    if (this.#names.some((n) => n.folded === folded)) return;
    const body = escapeRegExp(folded).replace(/ /g, '\\s+');
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'gu');
    // Longest first, so "maria garcia" wins over "maria" where both match.
    this.#names = [...this.#names, { folded, part, pattern }].sort((a, b) => b.folded.length - a.folded.length);
  }

  #nameSpans(text: string): Span[] {
    if (this.#names.length === 0) return [];
    const { folded, toOriginal } = foldWithOffsets(text);
    const spans: Span[] = [];
    for (const name of this.#names) {
      for (const match of folded.matchAll(name.pattern)) {
        const start = toOriginal[match.index] as number;
        const end = toOriginal[match.index + match[0].length] as number;
        if (name.part && !/\p{Lu}/u.test(String.fromCodePoint(text.codePointAt(start) ?? 32))) continue;
        const span: Span = { start, end, kind: 'NAME', key: name.folded };
        if (!overlapsAny(spans, span)) spans.push(span);
      }
    }
    return spans;
  }
}

export interface StreamingRestorer {
  /** Restored text that is safe to show now; a possible partial placeholder at the end is held back. */
  push(chunk: string): string;
  /** Whatever is still held back, restored where possible; call once when the stream ends. */
  flush(): string;
}

/** Restores placeholders in a token stream, where one placeholder can arrive split over several chunks. */
export function createStreamingRestorer(vault: PiiVault): StreamingRestorer {
  let pending = '';
  return {
    push(chunk) {
      pending += chunk;
      const hold = partialPlaceholderStart(pending);
      const ready = pending.slice(0, hold);
      pending = pending.slice(hold);
      return vault.restore(ready);
    },
    flush() {
      const rest = vault.restore(pending);
      pending = '';
      return rest;
    },
  };
}

/** Index where a possibly unfinished placeholder starts at the end of `text`, or its length. */
function partialPlaceholderStart(text: string): number {
  // Only the last '[' can open an unfinished placeholder: any earlier one is followed by a '['.
  const open = text.lastIndexOf('[');
  if (open < 0) return text.length;
  const body = text.slice(open + 1);
  const couldContinue = KINDS.some((kind) => {
    const prefix = `${kind}_`;
    if (prefix.startsWith(body)) return true;
    return body.startsWith(prefix) && body.length - prefix.length <= MAX_COUNTER_DIGITS && /^\d*$/.test(body.slice(prefix.length));
  });
  return couldContinue ? open : text.length;
}

// ---------------------------------------------------------------------------------------------
// Detectors, in priority order: where two overlap, the earlier kind wins (an IBAN's digits are
// not also a phone number).

type Detector = (text: string) => Span[];

const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.\p{L}{2,}(?![\p{L}\p{N}])/gu;

function detectEmails(text: string): Span[] {
  return [...text.matchAll(EMAIL)].map((m): Span => ({
    start: m.index,
    end: m.index + m[0].length,
    kind: 'EMAIL',
    key: m[0].toLowerCase(),
  }));
}

/** BBAN lengths by country: the length pins where an IBAN ends in running text. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28, CZ: 24,
  DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28,
  HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20,
  LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29,
  RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22,
  VG: 24, XK: 20,
}; // prettier-ignore

const IBAN_START = /(?<![\p{L}\p{N}])([A-Za-z]{2})\d{2}/gu;

function detectIbans(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(IBAN_START)) {
    const country = (match[1] as string).toUpperCase();
    const length = IBAN_LENGTHS[country];
    if (length === undefined) continue;
    // Collect alphanumerics, allowing single spaces between print groups, until the country's length.
    let compact = match[0].toUpperCase();
    let i = match.index + match[0].length;
    while (compact.length < length && i < text.length) {
      const ch = text[i] as string;
      if (/[A-Za-z0-9]/.test(ch)) {
        compact += ch.toUpperCase();
        i++;
      } else if ((ch === ' ' || ch === '\u00a0') && /[A-Za-z0-9]/.test(text[i + 1] ?? '')) {
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

/**
 * Runs of digit groups joined by single separators, with an optional leading `+` and bracketed
 * area codes. Two digit groups always have a separator between them, so a run splits into groups
 * one way only and the pattern never backtracks over digits.
 */
const NUMBER_RUN =
  /(?<![\p{L}\p{N}_])(?:\+[ \u00a0]?)?(?:\(\d{1,5}\)[ \u00a0.\-/]?)?\d+(?:[ \u00a0.\-/]\d+|[ \u00a0]?\(\d{1,5}\)[ \u00a0.\-/]?\d+)*/gu;

/** What comes right before the digits of an IBAN printed in groups. */
const IBAN_HEAD = /[A-Za-z]{2}\d{2}[ \u00a0]$/;

interface DigitGroup {
  digits: string;
  start: number;
  end: number;
}

interface NumberRun {
  start: number;
  end: number;
  plus: boolean;
  groups: DigitGroup[];
}

function numberRuns(text: string): NumberRun[] {
  const runs: NumberRun[] = [];
  for (const match of text.matchAll(NUMBER_RUN)) {
    const end = match.index + match[0].length;
    // A run glued to letters is a code ("1Z999AA1…", "5512abc"), not a number.
    if (/[\p{L}_]/u.test(text[end] ?? '')) continue;
    const groups = [...match[0].matchAll(/\d+/g)].map((g) => ({
      digits: g[0],
      start: match.index + g.index,
      end: match.index + g.index + g[0].length,
    }));
    runs.push({ start: match.index, end, plus: match[0].startsWith('+'), groups });
  }
  return runs;
}

/**
 * Every window of consecutive groups with at most `maxDigits` digits, leftmost then longest first;
 * an accepted window is not reused. The cap keeps a run of thousands of numbers linear.
 */
function acceptWindows(run: NumberRun, maxDigits: number, accept: (from: number, to: number) => boolean): [number, number][] {
  const accepted: [number, number][] = [];
  let from = 0;
  while (from < run.groups.length) {
    let to = lastWithin(run, from, maxDigits);
    while (to >= from && !accept(from, to)) to--;
    if (to >= from) {
      accepted.push([from, to]);
      from = to + 1;
    } else from++;
  }
  return accepted;
}

/** Index of the last group such that groups `from`…it hold at most `maxDigits` digits (`from - 1` if none). */
function lastWithin(run: NumberRun, from: number, maxDigits: number): number {
  let digits = 0;
  let to = from - 1;
  while (to + 1 < run.groups.length && digits + groupAt(run, to + 1).digits.length <= maxDigits) digits += groupAt(run, ++to).digits.length;
  return to;
}

function groupAt(run: NumberRun, index: number): DigitGroup {
  const group = run.groups[index];
  if (group === undefined) throw new RangeError(`no digit group ${index}`);
  return group;
}

function separatorsOf(text: string, run: NumberRun, from: number, to: number): string[] {
  const seps: string[] = [];
  for (let g = from + 1; g <= to; g++) seps.push(text.slice(groupAt(run, g - 1).end, groupAt(run, g).start));
  return seps;
}

const CARD_SHAPES = [
  [4, 6, 5],
  [4, 6, 4],
];

function detectCards(text: string): Span[] {
  const spans: Span[] = [];
  for (const run of numberRuns(text)) {
    // "+49…" is a phone; the digits after "DE88 " belong to an IBAN that failed its check.
    if (run.plus || IBAN_HEAD.test(text.slice(Math.max(0, run.start - 5), run.start))) continue;
    const windows = acceptWindows(run, 19, (from, to) => {
      const groups = run.groups.slice(from, to + 1).map((g) => g.digits);
      const digits = groups.join('');
      if (digits.length < 13 || digits.length > 19 || !/^[2-6]/.test(digits)) return false;
      const seps = separatorsOf(text, run, from, to);
      if (seps.some((s) => s !== seps[0] || !/^[ \u00a0-]$/.test(s))) return false;
      const lengths = groups.map((g) => g.length);
      const printed =
        groups.length === 1 ||
        lengths.every((l, i) => (i < lengths.length - 1 ? l === 4 : l >= 1 && l <= 4)) ||
        CARD_SHAPES.some((shape) => shape.length === lengths.length && shape.every((l, i) => l === lengths[i]));
      return printed && passesLuhn(digits);
    });
    for (const [from, to] of windows) {
      const key = run.groups
        .slice(from, to + 1)
        .map((g) => g.digits)
        .join('');
      spans.push({ start: groupAt(run, from).start, end: groupAt(run, to).end, kind: 'CARD', key });
    }
  }
  return spans;
}

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const SSN = /(?<![\p{L}\p{N}-])(\d{3})-(\d{2})-(\d{4})(?![\p{L}\p{N}]|-\d)/gu;
const UK_NINO =
  /(?<![\p{L}\p{N}])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[ \u00a0]?(\d{2})[ \u00a0]?(\d{2})[ \u00a0]?(\d{2})[ \u00a0]?([A-D])(?![\p{L}\p{N}])/gu;
const NINO_UNALLOCATED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);
// A lower-case check letter only counts glued to the digits: "12345678 a las 5" is Spanish prose.
const SPANISH_ID = /(?<![\p{L}\p{N}])([XYZxyz]?)(\d{7,8})(?:[ \u00a0-]?([A-Z])|([a-z]))(?![\p{L}\p{N}])/gu;
const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

function detectNationalIds(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(SSN)) {
    const [area, group, serial] = [m[1] as string, m[2] as string, m[3] as string];
    // Never issued: area 000, 666 and 900–999, group 00, serial 0000.
    if (area === '000' || area === '666' || area.startsWith('9') || group === '00' || serial === '0000') continue;
    spans.push({ start: m.index, end: m.index + m[0].length, kind: 'NATIONAL_ID', key: `${area}${group}${serial}` });
  }
  for (const m of text.matchAll(UK_NINO)) {
    const prefix = (m[1] as string).toUpperCase();
    if (NINO_UNALLOCATED.has(prefix)) continue;
    spans.push({ start: m.index, end: m.index + m[0].length, kind: 'NATIONAL_ID', key: m[0].replace(/\s/g, '').toUpperCase() });
  }
  for (const m of text.matchAll(SPANISH_ID)) {
    const prefix = (m[1] as string).toUpperCase();
    const digits = m[2] as string;
    const letter = (m[3] ?? m[4] ?? '').toUpperCase();
    // DNI: 8 digits; NIE: X, Y or Z standing for 0, 1 or 2, then 7 digits. Either way the letter checks the number.
    if (digits.length !== (prefix === '' ? 8 : 7)) continue;
    const number = Number(`${prefix === '' ? '' : 'XYZ'.indexOf(prefix)}${digits}`);
    if (DNI_LETTERS[number % 23] !== letter) continue;
    spans.push({ start: m.index, end: m.index + m[0].length, kind: 'NATIONAL_ID', key: `${prefix}${digits}${letter}` });
  }
  return spans;
}

const PHONE_CONTEXT =
  /(?<!\p{L})(?:phone|telephone|tel|call|mobile|cell|whatsapp|sms|text me|tel[eé]fono|m[oó]vil|celular|ll[aá]m[ae]|llamar|telefon|handy|mobil|rufnummer|anrufen|ruf|t[eé]l[eé]phone|t[eé]l|portable|appel(?:er|ez))[^\n\d]{0,20}$/iu;
const REFERENCE_CONTEXT =
  /(?:#|(?<!\p{L})(?:order|invoice|ticket|case|tracking|ref|reference|sku|serial|account|customer|member|booking|reservation|confirmation|pedido|factura|referencia|seguimiento|cuenta|cliente|reserva|bestellung|rechnung|referenz|sendung|auftrag|konto|kunde|kundennummer|buchung|commande|facture|r[eé]f[eé]rence|suivi|colis|compte|dossier|r[eé]servation)\b(?:[^\p{L}\n\d]{0,3}(?:(?:number|no|nr|num|id|is|was|es|ist|est|n[uú]mero|nummer|num[eé]ro)\b|n[º°]))*[^\p{L}\n\d]{0,3})$/iu;
const CURRENCY_BEFORE = /(?:[€$£¥₹]|\b(?:eur|usd|gbp|chf|mxn|ars|cop|clp|brl|cad|aud))[ \u00a0]?$/iu;
const CURRENCY_AFTER =
  /^(?:[.,]\d|[ \u00a0]?(?:[€$£¥₹]|(?:eur|usd|gbp|chf|mxn|ars|cop|clp|brl|cad|aud|euros?|dollars?|pounds?|pesos?)\b))/iu;

function detectPhones(text: string): Span[] {
  const spans: Span[] = [];
  for (const run of numberRuns(text)) {
    const before = text.slice(Math.max(0, run.start - 40), run.start);
    const after = text.slice(run.end, run.end + 12);
    // Order numbers, references, amounts and the tail of an invalid IBAN have phone-like digits; their context gives them away.
    if (REFERENCE_CONTEXT.test(before) || CURRENCY_BEFORE.test(before) || CURRENCY_AFTER.test(after) || IBAN_HEAD.test(before)) continue;
    if (isOtherNumber(text, run)) continue;
    const announced = PHONE_CONTEXT.test(before);
    // The whole run, else its longest start ending at a space: "555 123 4567 24/7" is a phone followed by something else.
    for (let to = lastWithin(run, 0, 17); to >= 0; to--) {
      const next = run.groups[to + 1];
      if (next !== undefined && !/^[ \u00a0]$/.test(text.slice(groupAt(run, to).end, next.start))) continue;
      if (!isPhoneShaped(run, to, announced)) continue;
      const end = groupAt(run, to).end;
      spans.push({ start: run.start, end, kind: 'PHONE', key: text.slice(run.start, end).replace(/[^\d+]/g, '') });
      break;
    }
  }
  return spans;
}

const isYear = (g: string): boolean => /^(?:19|20)\d\d$/.test(g);
const isClockTime = (g: string): boolean => g.length === 4 && Number(g.slice(0, 2)) < 24 && Number(g.slice(2)) < 60;

/** Digit runs whose shape says what they are, so no part of them is taken for a phone. */
function isOtherNumber(text: string, run: NumberRun): boolean {
  const groups = run.groups.map((g) => g.digits);
  const lengths = groups.map((g) => g.length);
  const seps = separatorsOf(text, run, 0, groups.length - 1);
  const [a = '', b = '', c = ''] = groups;
  // 2024-03-15, 15.03.2024 10 30
  if (groups.length >= 3 && ((isYear(a) && b.length <= 2 && c.length <= 2) || (a.length <= 2 && b.length <= 2 && isYear(c)))) return true;
  // 2019-2024, opening hours 0800-1700
  if (groups.length === 2 && a.length === 4 && b.length === 4 && ((isYear(a) && isYear(b)) || (isClockTime(a) && isClockTime(b))))
    return true;
  // 192.168.100.200
  if (groups.length === 4 && seps.every((s) => s === '.') && groups.every((g) => g.length <= 3 && Number(g) <= 255)) return true;
  // A card number printed in fours that failed the Luhn check
  const digits = groups.join('').length;
  if (digits >= 13 && groups.length >= 3 && lengths.every((l, i) => l === 4 || i === lengths.length - 1)) return true;
  // SSN-shaped but outside the issued ranges
  return groups.length === 3 && lengths.join() === '3,2,4' && seps.every((s) => s === '-');
}

function isPhoneShaped(run: NumberRun, to: number, announced: boolean): boolean {
  const groups = run.groups.slice(0, to + 1).map((g) => g.digits);
  const digits = groups.join('');
  const international = run.plus || digits.startsWith('00');
  const max = run.plus ? 15 : digits.startsWith('00') ? 17 : 12;
  if (digits.length < 8 || digits.length > max) return false;
  // A bare run of digits is an order, account or tracking number unless the text says it is a phone.
  if (groups.length === 1) return international || announced;
  const lengths = groups.map((g) => g.length);
  // Country and trunk codes may be one digit; a lone digit later on is something else ("… 4567 2 times").
  return lengths.every((l, i) => l <= 8 && (l >= 2 || i < 2)) && (lengths.at(-1) ?? 0) >= 2;
}

/** Street-type words: the number and the type word together make an address, either alone does not. */
const EN_STREET_TYPES = [
  'Street', 'St', 'Avenue', 'Ave', 'Road', 'Rd', 'Boulevard', 'Blvd', 'Lane', 'Ln', 'Drive', 'Dr', 'Court', 'Ct', 'Place', 'Pl',
  'Square', 'Sq', 'Terrace', 'Way', 'Parkway', 'Pkwy', 'Highway', 'Hwy', 'Close', 'Crescent', 'Alley', 'Circle',
]; // prettier-ignore
const ES_STREET_TYPES = [
  'Calle',
  'C/',
  'Avenida',
  'Avda.',
  'Av.',
  'Paseo',
  'Plaza',
  'Carrera',
  'Camino',
  'Ronda',
  'Travesía',
  'Glorieta',
  'Carretera',
];
// Glued suffixes only where no common noun ends the same way ("Sitzplatz 12" is a seat, "Ehering" a ring).
const DE_STREET_SUFFIXES = ['straße', 'strasse', 'str.', 'weg', 'allee', 'gasse', 'damm', 'chaussee'];
const DE_STREET_WORDS = ['Straße', 'Strasse', 'Str.', 'Weg', 'Allee', 'Gasse', 'Damm', 'Chaussee', 'Platz', 'Ring', 'Ufer'];
const FR_STREET_TYPES = ['rue', 'avenue', 'av.', 'boulevard', 'bd', 'place', 'chemin', 'impasse', 'allée', 'quai', 'route', 'passage'];

/** Either capitalisation of the first letter, the rest as written. */
function eitherCase(words: readonly string[]): string {
  return words
    .map((w) => {
      const first = w[0] as string;
      return `[${first.toUpperCase()}${first.toLowerCase()}]${escapeRegExp(w.slice(1))}`;
    })
    .join('|');
}

const SP = '[ \\u00a0]+';
const NAME_WORD = "\\p{Lu}[\\p{L}'’.-]*";
const ADDRESS_PATTERNS: readonly RegExp[] = [
  // 221B Baker Street, 1600 Amphitheatre Pkwy
  new RegExp(
    `(?<![\\p{L}\\p{N}])\\d{1,5}[A-Za-z]?,?${SP}(?:${NAME_WORD}${SP}){1,3}(?:${eitherCase(EN_STREET_TYPES)})(?![\\p{L}\\p{N}])`,
    'gu',
  ),
  // Calle Mayor 5, Avenida de la Constitución, 12
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${eitherCase(ES_STREET_TYPES)})[ \\u00a0]*(?:(?:de|del|la|las|los|el)${SP})*${NAME_WORD}` +
      `(?:${SP}(?:(?:de|del|la|las|los|el|y)${SP})*${NAME_WORD}){0,3},?${SP}(?:n[º°o]\\.?[ \\u00a0]*)?\\d{1,4}[A-Za-z]?(?![\\p{L}\\p{N}])`,
    'gu',
  ),
  // Hauptstraße 12, Berliner Straße 5
  new RegExp(
    `(?<![\\p{L}\\p{N}])(?:\\p{Lu}[\\p{L}-]*(?:${DE_STREET_SUFFIXES.map(escapeRegExp).join('|')})|\\p{Lu}[\\p{L}-]*${SP}(?:${DE_STREET_WORDS.map(escapeRegExp).join('|')}))[ \\u00a0]*\\d{1,4}[a-z]?(?![\\p{L}\\p{N}])`,
    'gu',
  ),
  // 12 rue de la Paix, 5 bis avenue Victor Hugo
  new RegExp(
    `(?<![\\p{L}\\p{N}])\\d{1,4}(?:[ \\u00a0]?(?:bis|ter))?,?${SP}(?:${eitherCase(FR_STREET_TYPES)})${SP}(?:(?:de|du|des|la|le|les)${SP}|[lLdD]['’])*${NAME_WORD}(?:${SP}${NAME_WORD}){0,3}`,
    'gu',
  ),
];

function detectAddresses(text: string): Span[] {
  return ADDRESS_PATTERNS.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((m): Span => {
      // A sentence-final period after a street name is punctuation, not an abbreviation.
      const value = m[0].replace(/\.$/, '');
      return { start: m.index, end: m.index + value.length, kind: 'ADDRESS', key: foldText(value).replace(/[\s,]+/g, ' ') };
    }),
  );
}

const DETECTORS: readonly Detector[] = [detectEmails, detectIbans, detectCards, detectNationalIds, detectPhones, detectAddresses];

// ---------------------------------------------------------------------------------------------

/** Words of a name that identify no one on their own. */
const NAME_PARTICLES = new Set([
  'de', 'del', 'la', 'las', 'los', 'le', 'van', 'von', 'der', 'den', 'da', 'das', 'do', 'dos', 'du', 'di', 'y', 'mr', 'mrs', 'ms',
  'miss', 'dr', 'sr', 'sra', 'herr', 'frau', 'mme', 'jr',
]); // prettier-ignore

function overlapsAny(spans: readonly Span[], span: Span): boolean {
  return spans.some((s) => s.start < span.end && span.start < s.end);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function foldText(text: string): string {
  return fold(text).replace(/ß/g, 'ss');
}

/** Folded `text` with, for each folded index, the index in `text` it came from (one extra for the end). */
function foldWithOffsets(text: string): { folded: string; toOriginal: number[] } {
  let folded = '';
  const toOriginal: number[] = [];
  let index = 0;
  for (const ch of text) {
    const f = foldText(ch);
    toOriginal.push(...new Array<number>(f.length).fill(index));
    folded += f;
    index += ch.length;
  }
  toOriginal.push(text.length);
  return { folded, toOriginal };
}
