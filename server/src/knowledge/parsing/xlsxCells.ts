/**
 * How an XLSX cell's stored value becomes the text a person sees: shared strings are looked up,
 * dates (stored as day serials) are written as ISO dates, percentages as percentages, and
 * floating-point noise is rounded away.
 */
import { scanXml } from './xmlScanner.js';

export interface CellStyles {
  /** For each cellXfs index (a cell's `s`), whether its number format shows a date or time. */
  isDate: readonly boolean[];
  isPercent: readonly boolean[];
}

export interface CellContext {
  sharedStrings: readonly string[];
  styles: CellStyles;
  date1904: boolean;
}

export interface RawCell {
  /** The `t` attribute: s, str, inlineStr, b, e, n or d. */
  type: string;
  styleIndex: number;
  value: string;
}

export function cellText(cell: RawCell, context: CellContext): string {
  switch (cell.type) {
    case 's':
      return context.sharedStrings[Number(cell.value)] ?? '';
    case 'b':
      return cell.value.trim() === '1' ? 'TRUE' : 'FALSE';
    case 'e':
      // Error values (#N/A, #REF!) say nothing a customer needs.
      return '';
    case 'str':
    case 'inlineStr':
    case 'd':
      return cell.value;
    default:
      return numberText(cell, context);
  }
}

function numberText(cell: RawCell, context: CellContext): string {
  const raw = cell.value.trim();
  const value = Number(raw);
  if (raw === '' || !Number.isFinite(value)) return raw;
  if (context.styles.isDate[cell.styleIndex]) return serialToIso(value, context.date1904) ?? raw;
  if (context.styles.isPercent[cell.styleIndex]) return `${round(value * 100)}%`;
  return String(round(value));
}

/** Excel stores 17 significant digits (0.30000000000000004); people typed at most 15. */
function round(value: number): number {
  return Number(value.toPrecision(15));
}

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

function serialToIso(serial: number, date1904: boolean): string | undefined {
  if (serial < 0 || serial > 2_958_465) return undefined;
  // The 1900 system counts a 29 February 1900 that never was (a Lotus 1-2-3 bug Excel kept).
  const days = !date1904 && serial < 60 ? serial + 1 : serial;
  const ms = Math.round(((date1904 ? EPOCH_1904 : EPOCH_1900) + days * DAY_MS) / 1000) * 1000;
  const iso = new Date(ms).toISOString();
  if (serial < 1) return iso.slice(11, 16);
  const time = iso.slice(11, 19);
  if (time === '00:00:00') return iso.slice(0, 10);
  return `${iso.slice(0, 10)} ${time.endsWith(':00') ? time.slice(0, 5) : time}`;
}

/** Built-in number format ids that display dates or times (ECMA-376 18.8.30, plus East Asian ones). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);
const BUILTIN_PERCENT_FORMATS = new Set([9, 10]);

export function readStyles(xml: string | undefined): CellStyles {
  const customFormats = new Map<number, string>();
  const formatIds: number[] = [];
  let inCellXfs = false;
  scanXml(xml ?? '', {
    open(name, attributes) {
      if (name === 'numFmt') customFormats.set(Number(attributes.numFmtId), attributes.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formatIds.push(Number(attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  const isDate = formatIds.map((id) => {
    const code = customFormats.get(id);
    return code === undefined ? BUILTIN_DATE_FORMATS.has(id) : isDateFormatCode(code);
  });
  const isPercent = formatIds.map((id) => {
    const code = customFormats.get(id);
    return code === undefined ? BUILTIN_PERCENT_FORMATS.has(id) : stripLiterals(code).includes('%');
  });
  return { isDate, isPercent };
}

function isDateFormatCode(code: string): boolean {
  return /[dmyhs]/i.test(stripLiterals(code));
}

/** Quoted text, escaped characters and [bracketed] colours or locales are not format symbols. */
function stripLiterals(code: string): string {
  return code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
}

/** Shared strings in index order; phonetic guides (rPh) are left out. */
export function readSharedStrings(xml: string | undefined): string[] {
  const strings: string[] = [];
  let current: string[] | undefined;
  let inText = false;
  let phoneticDepth = 0;
  scanXml(xml ?? '', {
    // The scanner closes self-closing tags too, so every open here is matched by a close.
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phoneticDepth++;
      else if (name === 't') inText = true;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phoneticDepth--;
      else if (name === 'si' && current) {
        strings.push(current.join(''));
        current = undefined;
      }
    },
    text(text) {
      if (inText && phoneticDepth === 0) current?.push(text);
    },
  });
  return strings;
}
