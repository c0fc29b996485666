/**
 * Rebuilds structure from positioned PDF text: fragments become lines by baseline, lines become
 * paragraphs by vertical gaps, and short paragraphs set clearly larger than the body text become
 * headings. Running headers, footers and page numbers repeated across pages are dropped.
 */
import type { BlockSink } from './blockSink.js';
import { linesToBlocks } from './plainTextBlocks.js';

export interface PdfTextItem {
  str: string;
  x: number;
  /** Baseline, in PDF space (grows upwards). */
  y: number;
  /** Font size after the text matrix is applied. */
  size: number;
  width: number;
  hasEOL: boolean;
}

export interface PdfLine {
  text: string;
  y: number;
  size: number;
}

/** A gap between baselines wider than this many font sizes separates paragraphs. */
const PARAGRAPH_GAP = 1.6;
/** Text at least this much larger than the body size may be a heading. */
const HEADING_SCALE = 1.15;
const MAX_HEADING_CHARS = 150;

export function itemsToLines(items: readonly PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let line: (PdfLine & { end: number }) | undefined;
  const finish = (): void => {
    if (line && line.text.trim()) lines.push({ text: line.text.trim(), y: line.y, size: line.size });
    line = undefined;
  };
  for (const item of items) {
    if (item.str) {
      const tolerance = 0.5 * Math.max(1, line ? Math.min(item.size, line.size) : item.size);
      if (line && Math.abs(item.y - line.y) > tolerance) finish();
      if (!line) {
        line = { text: item.str, y: item.y, size: item.size, end: item.x + item.width };
      } else {
        // Fragments of one line often come without the space between them.
        const gap = item.x - line.end;
        if (gap > 0.15 * item.size && !line.text.endsWith(' ') && !item.str.startsWith(' ')) line.text += ' ';
        line.text += item.str;
        line.end = item.x + item.width;
        line.size = Math.max(line.size, item.size);
      }
    }
    if (item.hasEOL) finish();
  }
  finish();
  return lines;
}

/** Drops first/last lines that recur on most pages (running headers, footers) and bare page numbers. */
export function removePageFurniture(pages: PdfLine[][]): PdfLine[][] {
  const key = (line: PdfLine): string => line.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').toLowerCase();
  const counts = new Map<string, number>();
  for (const page of pages) {
    for (const edge of new Set(edgeLines(page).map(key))) counts.set(edge, (counts.get(edge) ?? 0) + 1);
  }
  const threshold = Math.max(3, pages.length / 2);
  return pages.map((page) => {
    const edges = new Set(edgeLines(page));
    return page.filter((line) => !edges.has(line) || !(isPageNumber(line.text) || (counts.get(key(line)) ?? 0) >= threshold));
  });
}

function edgeLines(page: readonly PdfLine[]): PdfLine[] {
  const first = page[0];
  const last = page[page.length - 1];
  return [first, last].filter((line): line is PdfLine => line !== undefined);
}

function isPageNumber(text: string): boolean {
  return /^(?:page\s*)?[-–]?\s*\d{1,5}\s*[-–]?(?:\s*(?:of|\/)\s*\d{1,5})?$/i.test(text.trim());
}

/** The size most of the document's characters are set in. */
export function bodyFontSize(pages: readonly PdfLine[][]): number {
  const weight = new Map<number, number>();
  for (const page of pages) {
    for (const line of page) {
      const size = Math.round(line.size * 2) / 2;
      weight.set(size, (weight.get(size) ?? 0) + line.text.length);
    }
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, chars] of weight) {
    if (chars > bestWeight || (chars === bestWeight && size < best)) {
      best = size;
      bestWeight = chars;
    }
  }
  return best;
}

/** Heading level per font size: the largest heading size is level 1; at most four levels. */
export function headingLevels(pages: readonly PdfLine[][], bodySize: number): Map<number, number> {
  const sizes = new Set<number>();
  for (const page of pages) {
    for (const line of page) {
      const size = Math.round(line.size * 2) / 2;
      if (size >= bodySize * HEADING_SCALE) sizes.add(size);
    }
  }
  const levels = new Map<number, number>();
  [...sizes].sort((a, b) => b - a).forEach((size, index) => levels.set(size, Math.min(index + 1, 4)));
  return levels;
}

export function pageToBlocks(lines: readonly PdfLine[], levels: ReadonlyMap<number, number>, sink: BlockSink): void {
  let pending: string[] = [];
  const flushBody = (): void => {
    linesToBlocks(pending, sink, true);
    pending = [];
  };
  for (const paragraph of groupParagraphs(lines)) {
    const text = paragraph.map((line) => line.text).join(' ');
    const level = levels.get(Math.round((paragraph[0]?.size ?? 0) * 2) / 2);
    if (level !== undefined && text.length <= MAX_HEADING_CHARS && /\p{L}/u.test(text)) {
      flushBody();
      sink.heading(level, text);
    } else {
      pending.push(...paragraph.map((line) => line.text), '');
    }
  }
  flushBody();
}

function groupParagraphs(lines: readonly PdfLine[]): PdfLine[][] {
  const paragraphs: PdfLine[][] = [];
  let current: PdfLine[] = [];
  let previous: PdfLine | undefined;
  for (const line of lines) {
    if (previous && startsParagraph(previous, line)) {
      paragraphs.push(current);
      current = [];
    }
    current.push(line);
    previous = line;
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

function startsParagraph(previous: PdfLine, line: PdfLine): boolean {
  const size = Math.max(previous.size, line.size);
  const drop = previous.y - line.y;
  const sizeChanged = Math.abs(previous.size - line.size) > 0.1 * size;
  // A line above the previous one is a new column or a new text box.
  return sizeChanged || drop < 0 || drop > PARAGRAPH_GAP * size;
}
