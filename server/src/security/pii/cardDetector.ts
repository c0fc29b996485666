/**
 * Payment cards, and what a customer writes next to one: the expiry date and the CVV/CVC. A card
 * number is 13–19 digits starting 2–6 that pass the Luhn check, printed in any grouping a card or
 * a person uses (fours, Amex 4-6-5, halves, none) joined by spaces, dashes or dots; full-width
 * digits and invisible characters inside are gone by now (`normaliseUntrusted`). An expiry
 * (MM/YY) or a 3–4 digit code counts when a cue word announces it ("exp", "CVV", "caduca",
 * "Prüfnummer", "cryptogramme", "validade"…) or it follows a card number directly.
 */
import { acceptWindows, groupAt, numberRuns, separatorsOf } from './numberRuns.js';
import type { Span } from './piiSpan.js';

/** What comes right before the digits of an IBAN printed in groups. */
export const IBAN_HEAD = /[A-Za-z]{2}\d{2}[ \u00a0]$/;

const CARD_CUE =
  /(?<!\p{L})(?:card|cards|tarjeta|karte|kreditkarte|carte|cart[aã]o|carta|visa|mastercard|master card|amex|american express|discover|maestro|jcb|diners|unionpay)(?!\p{L})[^\n\p{N}]{0,25}$/iu;

const CVV_CUE =
  /(?<!\p{L})(?:cvv2?|cvc2?|cvn|cid|csc|(?:card )?(?:security|verification) (?:code|number|value)|c[oó]digo (?:de )?(?:seguridad|seguran[cç]a|verifica[cç][aã]o|cvv|cvc)|(?:karten)?pr[uü]f(?:nummer|ziffer|code)|sicherheitscode|cryptogramme(?: visuel)?|code (?:de )?(?:s[eé]curit[eé]|v[eé]rification)|codice (?:di )?sicurezza)(?!\p{L})[^\p{N}\n]{0,20}$/iu;

const EXPIRY_CUE =
  /(?<!\p{L})(?:exp(?:ir(?:y|ation|es|ed|e|a))?\.?(?: date)?|valid (?:thru|through|until|till)|good (?:thru|through)|expiraci[oó]n|caduca|caducidad|vence|vencimiento|v[aá]lid[ao] hasta|g[uü]ltig bis|ablaufdatum|l[aä]uft ab|ablauf|date d'expiration|valable jusqu'(?:au|à)|validade|v[aá]lido at[eé]|scadenza|scade)(?!\p{L})[^\p{N}\n]{0,12}$/iu;

/** MM/YY, MM/YYYY, MM-YY, MM.YY, "MM / YY", for years 2020–2049. */
const EXPIRY_VALUE = /(?<![\p{N}/.-])(0?[1-9]|1[0-2]) ?[/.-] ?((?:20)?[2-4]\d)(?![\p{N}]|[/.-]\p{N})/gu;
const CODE_VALUE = /(?<![\p{N}.,/-])\d{3,4}(?![\p{N}]|[.,/-]\p{N})/gu;
/** What may stand between a card and an unannounced expiry or code: separators only ("4111… 09/27 123"). */
const AFTER_CARD = /^[ \t,;:|/()-]*(?:\n[ \t]*)?$/;

const CARD_SHAPES = [
  [4, 6, 5],
  [4, 6, 4],
  [8, 8],
];

export function detectCardData(text: string): Span[] {
  const cards = detectCards(text);
  return [...cards, ...detectCardDetails(text, cards)];
}

function detectCards(text: string): Span[] {
  const spans: Span[] = [];
  for (const run of numberRuns(text)) {
    // "+49…" is a phone; the digits after "DE88 " belong to an IBAN that failed its check.
    if (run.plus || IBAN_HEAD.test(text.slice(Math.max(0, run.start - 5), run.start))) continue;
    const announced = CARD_CUE.test(text.slice(Math.max(0, run.start - 60), run.start));
    const windows = acceptWindows(run, 19, (from, to) => {
      const groups = run.groups.slice(from, to + 1).map((g) => g.digits);
      const digits = groups.join('');
      if (digits.length < 13 || digits.length > 19 || !/^[2-6]/.test(digits)) return false;
      if (separatorsOf(text, run, from, to).some((s) => !/^[ \u00a0.-]$/.test(s))) return false;
      const lengths = groups.map((g) => g.length);
      const printed =
        groups.length === 1 ||
        lengths.every((l, i) => (i < lengths.length - 1 ? l === 4 : l >= 1 && l <= 4)) ||
        CARD_SHAPES.some((shape) => shape.length === lengths.length && shape.every((l, i) => l === lengths[i])) ||
        // Announced as a card, any grouping of three digits or more is one.
        (announced && lengths.every((l) => l >= 3));
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

export function passesLuhn(digits: string): boolean {
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

/** Expiry dates and security codes: announced by a cue, or written right after a card (or its expiry). */
function detectCardDetails(text: string, cards: readonly Span[]): Span[] {
  const spans: Span[] = [];
  const expiries: Span[] = [];
  for (const m of text.matchAll(EXPIRY_VALUE)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    if (!EXPIRY_CUE.test(before) && !followsCard(text, m.index, cards)) continue;
    const year = (m[2] as string).slice(-2);
    const span: Span = { start: m.index, end: m.index + m[0].length, kind: 'EXPIRY', key: `${(m[1] as string).padStart(2, '0')}/${year}` };
    expiries.push(span);
    spans.push(span);
  }
  const anchors = [...cards, ...expiries];
  for (const m of text.matchAll(CODE_VALUE)) {
    const before = text.slice(Math.max(0, m.index - 45), m.index);
    if (!CVV_CUE.test(before) && !followsCard(text, m.index, anchors)) continue;
    if (expiries.some((e) => e.start < m.index + m[0].length && m.index < e.end)) continue;
    spans.push({ start: m.index, end: m.index + m[0].length, kind: 'CVV', key: m[0] });
  }
  return spans;
}

/** Whether only separators stand between one of `anchors` and `at`. */
function followsCard(text: string, at: number, anchors: readonly Span[]): boolean {
  return anchors.some((a) => a.end <= at && at - a.end <= 12 && AFTER_CARD.test(text.slice(a.end, at)));
}
