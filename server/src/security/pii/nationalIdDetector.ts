/**
 * National identity and tax numbers, each checked as strictly as its format allows so order
 * numbers of the same length are not taken: US SSN (issued ranges), UK National Insurance number
 * (allocated prefixes), Spanish DNI/NIE (check letter), Brazilian CPF (check digits), French NIR
 * (key), Italian codice fiscale (check letter); numbers without a checksum (Portuguese NIF with
 * its check digit, German Steuer-ID, passports and identity cards) only after a word naming them.
 */
import type { Span } from './piiSpan.js';

const SSN = /(?<![\p{L}\p{N}-])(\d{3})-(\d{2})-(\d{4})(?![\p{L}\p{N}]|-\d)/gu;
const UK_NINO =
  /(?<![\p{L}\p{N}])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])[ \u00a0]?(\d{2})[ \u00a0]?(\d{2})[ \u00a0]?(\d{2})[ \u00a0]?([A-D])(?![\p{L}\p{N}])/gu;
const NINO_UNALLOCATED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);
// A lower-case check letter only counts glued to the digits: "12345678 a las 5" is Spanish prose.
const SPANISH_ID = /(?<![\p{L}\p{N}])([XYZxyz]?)(\d{7,8})(?:[ \u00a0-]?([A-Z])|([a-z]))(?![\p{L}\p{N}])/gu;
const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';
const CPF = /(?<![\p{N}.])(\d{3})(\.?)(\d{3})\2(\d{3})-?(\d{2})(?![\p{N}]|[.-]\d)/gu;
/** A word naming an identity number: unpunctuated, eleven digits need one to count as a CPF. */
const CPF_CUE =
  /(?<!\p{L})(?:cpf|id|ids|identity|identidade|identidad|documento|document|dni|nie|nif|ssn|rg|ausweis|identifiant)(?!\p{L})[^\n\p{N}]{0,12}$/iu;
const NIR = /(?<![\p{N}])([12]) ?(\d{2}) ?(\d{2}) ?(\d{2}|2[AB]) ?(\d{3}) ?(\d{3}) ?(\d{2})(?![\p{N}])/gu;
const CODICE_FISCALE = /(?<![\p{L}\p{N}])[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z](?![\p{L}\p{N}])/giu;
const NIF_PT = /(?<!\p{L})(?:nif|contribuinte|nipc)(?!\p{L})[^\n\p{N}]{0,15}(\d{9})(?![\p{N}])/giu;
const STEUER_ID =
  /(?<!\p{L})(?:steuer-?id|steuer-?identifikationsnummer|idnr)(?!\p{L})[^\n\p{N}]{0,15}(\d{2} ?\d{3} ?\d{3} ?\d{3})(?![\p{N}])/giu;
/** A document named, then its number (letters and at least four digits). */
const NAMED_DOCUMENT =
  /(?<!\p{L})(?:passport|pasaporte|reisepass|passeport|passaporte|passaporto|personalausweis|ausweis|id card|identity card|carte d'identit[eé]|documento de identidad|c[eé]dula|carteira de identidade|cart[aã]o de cidad[aã]o|driver'?s licen[cs]e|driving licen[cs]e|f[uü]hrerschein|permis de conduire)(?:[ \t]*(?:no|nr|number|num[eé]ro|n[uú]mero|nummer|n[º°])\.?)?[ \t:#]*(?:is|es|ist|est|é)?[ \t:]*([A-Z0-9][A-Z0-9-]{4,14}[A-Z0-9])(?![\p{L}\p{N}])/giu;

export function detectNationalIds(text: string): Span[] {
  const spans: Span[] = [];
  const add = (start: number, value: string, key: string): void => {
    spans.push({ start, end: start + value.length, kind: 'NATIONAL_ID', key });
  };
  for (const m of text.matchAll(SSN)) {
    const [area, group, serial] = [m[1] as string, m[2] as string, m[3] as string];
    // Never issued: area 000, 666 and 900–999, group 00, serial 0000.
    if (area === '000' || area === '666' || area.startsWith('9') || group === '00' || serial === '0000') continue;
    add(m.index, m[0], `${area}${group}${serial}`);
  }
  for (const m of text.matchAll(UK_NINO)) {
    if (NINO_UNALLOCATED.has((m[1] as string).toUpperCase())) continue;
    add(m.index, m[0], m[0].replace(/\s/g, '').toUpperCase());
  }
  for (const m of text.matchAll(SPANISH_ID)) {
    const prefix = (m[1] as string).toUpperCase();
    const digits = m[2] as string;
    const letter = (m[3] ?? m[4] ?? '').toUpperCase();
    // DNI: 8 digits; NIE: X, Y or Z standing for 0, 1 or 2, then 7 digits. Either way the letter checks the number.
    if (digits.length !== (prefix === '' ? 8 : 7)) continue;
    const number = Number(`${prefix === '' ? '' : 'XYZ'.indexOf(prefix)}${digits}`);
    if (DNI_LETTERS[number % 23] !== letter) continue;
    add(m.index, m[0], `${prefix}${digits}${letter}`);
  }
  for (const m of text.matchAll(CPF)) {
    const digits = m[0].replace(/\D/g, '');
    // Unpunctuated, eleven digits are as likely an order number: only "CPF" before them makes them one.
    const punctuated = m[2] === '.' && m[0].includes('-');
    if (!cpfValid(digits) || (!punctuated && !CPF_CUE.test(text.slice(Math.max(0, m.index - 20), m.index)))) continue;
    add(m.index, m[0], digits);
  }
  for (const m of text.matchAll(NIR)) {
    const digits = m.slice(1, 7).join('');
    const forKey = digits.replace('2A', '19').replace('2B', '18');
    if (97 - mod97(forKey) !== Number(m[7])) continue;
    add(m.index, m[0], digits + (m[7] as string));
  }
  for (const m of text.matchAll(CODICE_FISCALE)) {
    const value = m[0].toUpperCase();
    if (codiceFiscaleCheck(value.slice(0, 15)) !== value[15]) continue;
    add(m.index, m[0], value);
  }
  for (const m of text.matchAll(NIF_PT)) {
    const digits = m[1] as string;
    if (!nifValid(digits)) continue;
    add(m.index + m[0].length - digits.length, digits, digits);
  }
  for (const pattern of [STEUER_ID, NAMED_DOCUMENT]) {
    for (const m of text.matchAll(pattern)) {
      const value = m[1] as string;
      if (pattern === NAMED_DOCUMENT && (value.match(/\d/g)?.length ?? 0) < 4) continue;
      add(m.index + m[0].length - value.length, value, value.replace(/[\s-]/g, '').toUpperCase());
    }
  }
  return spans;
}

function mod97(digits: string): number {
  let remainder = 0;
  for (const ch of digits) remainder = (remainder * 10 + Number(ch)) % 97;
  return remainder;
}

function cpfValid(digits: string): boolean {
  if (digits.length !== 11 || /^(\d)\1{10}$/.test(digits)) return false;
  const check = (length: number): number => {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += Number(digits[i]) * (length + 1 - i);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  return check(9) === Number(digits[9]) && check(10) === Number(digits[10]);
}

function nifValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  const r = 11 - (sum % 11);
  return (r >= 10 ? 0 : r) === Number(digits[8]);
}

const CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function codiceFiscaleCheck(first15: string): string {
  let sum = 0;
  for (let i = 0; i < first15.length; i++) {
    const ch = first15[i] as string;
    const index = /\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 65;
    sum += i % 2 === 0 ? (CF_ODD[index] as number) : index;
  }
  return String.fromCharCode(65 + (sum % 26));
}
