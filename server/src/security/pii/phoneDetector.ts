/**
 * Phone numbers in national and international formats (`+44 (0)20 7946 0958`, `+1.646.555.0122`,
 * `(11) 98765-4321`, `0034 612 345 678`), told apart from the digit runs a support message is
 * full of: order, invoice and tracking numbers (by the word before them), amounts (by a currency),
 * dates, times, IP addresses and card-shaped numbers (by their shape). A bare run of digits is a
 * phone only when the text announces one ("Mi teléfono es 612345678").
 */
import { IBAN_HEAD } from './cardDetector.js';
import { digitCount, groupAt, lastWithin, numberRuns, separatorsOf, type NumberRun } from './numberRuns.js';
import type { Span } from './piiSpan.js';

const PHONE_CONTEXT =
  /(?<!\p{L})(?:phone|telephone|tel|call|mobile|cell|whatsapp|sms|text me|number|line|tel[eé]fono|m[oó]vil|celular|ll[aá]m[ae]|llamar|telefon|handy|mobil|rufnummer|anrufen|ruf|t[eé]l[eé]phone|t[eé]l|portable|appel(?:er|ez)|telem[oó]vel|liga(?:r)?|contato)[^\n\d]{0,20}$/iu;
const REFERENCE_CONTEXT =
  /(?:#|(?<!\p{L})(?:order|invoice|ticket|case|tracking|ref|reference|sku|serial|account|customer|member|booking|reservation|confirmation|package|parcel|shipment|item|pedido|factura|referencia|seguimiento|cuenta|cliente|reserva|paquete|env[ií]o|bestellung|rechnung|referenz|sendung|sendungsnummer|auftrag|konto|kunde|kundennummer|buchung|paket|lieferung|artikel|artikelnummer|commande|facture|r[eé]f[eé]rence|suivi|colis|compte|dossier|r[eé]servation|encomenda|rastreio|fatura|nota fiscal|nf|protocolo)\b(?:[^\p{L}\n\d]{0,3}(?:(?:number|no|nr|num|id|is|was|es|ist|est|n[uú]mero|nummer|num[eé]ro)\b|n[º°]))*[^\p{L}\n\d]{0,3})$/iu;
const CURRENCY_BEFORE = /(?:[€$£¥₹]|\b(?:eur|usd|gbp|chf|mxn|ars|cop|clp|brl|cad|aud|r\$))[ \u00a0]?$/iu;
const CURRENCY_AFTER =
  /^(?:[.,]\d|[ \u00a0]?(?:[€$£¥₹]|(?:eur|usd|gbp|chf|mxn|ars|cop|clp|brl|cad|aud|euros?|dollars?|pounds?|pesos?|reais)\b))/iu;

const CODE_BEFORE = /(?:\p{L}[-_/]|(?<![\p{L}\p{N}])(?=[\p{L}\p{N}]*\p{L})(?=[\p{L}\p{N}]*\p{N})[\p{L}\p{N}]{2,} )$/u;

export function detectPhones(text: string): Span[] {
  const spans: Span[] = [];
  for (const run of numberRuns(text)) {
    const before = text.slice(Math.max(0, run.start - 40), run.start);
    const after = text.slice(run.end, run.end + 12);
    // Order numbers, references, amounts and the tail of an invalid IBAN have phone-like digits; their context gives them away.
    if (REFERENCE_CONTEXT.test(before) || CURRENCY_BEFORE.test(before) || CURRENCY_AFTER.test(after) || IBAN_HEAD.test(before)) continue;
    // Glued to a code ("PED-2025-1187", "F-2025/0098") or following one ("1Z 999 AA1 01 2345 6784"): part of that code.
    if (CODE_BEFORE.test(before) || isOtherNumber(text, run)) continue;
    const announced = PHONE_CONTEXT.test(before);
    // The whole run, else its longest start ending at a space: "555 123 4567 24/7" is a phone followed by something else.
    for (let to = lastWithin(run, 0, 17); to >= 0; to--) {
      const next = run.groups[to + 1];
      if (next !== undefined && !/^[ \u00a0]$/.test(text.slice(groupAt(run, to).end, next.start))) continue;
      if (!isPhoneShaped(run, to, announced)) continue;
      // A long run cut short is one long number ("9400 1118 9922 3344 5566 77"), not a phone and a remainder.
      const rest = digitCount(run) - run.groups.slice(0, to + 1).reduce((sum, g) => sum + g.digits.length, 0);
      if (rest > 4 && !announced) break;
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
  // Country, trunk and area codes may be one digit ("+33 (0)6 …"); a lone digit later on is something else ("… 4567 2 times").
  const shortCodes = run.plus ? 3 : 2;
  return lengths.every((l, i) => l <= 8 && (l >= 2 || i < shortCodes)) && (lengths.at(-1) ?? 0) >= 2;
}
