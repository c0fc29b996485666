/**
 * Where parsers put their blocks: normalises whitespace, drops empty blocks, and stops a parse
 * as soon as the extracted text passes the limit, so a decompression bomb that slips past the
 * size checks still cannot fill memory with text.
 */
import { IngestError } from '../ingestError.js';
import type { Block } from './parsedDocument.js';

type TextKind = Exclude<Block['kind'], 'heading'>;

export class BlockSink {
  readonly blocks: Block[] = [];
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  heading(level: number, text: string): void {
    const clean = collapseLine(text);
    if (clean) this.push({ kind: 'heading', level: Math.min(6, Math.max(1, Math.round(level))), text: clean });
  }

  text(kind: TextKind, text: string): void {
    const clean = kind === 'code' ? cleanCode(text) : collapseLines(text);
    if (clean) this.push({ kind, text: clean });
  }

  paragraph(text: string): void {
    this.text('paragraph', text);
  }

  /** Counts text that is not a block yet (e.g. a cell buffered until its row ends). */
  charge(chars: number): void {
    this.chars += chars;
    if (this.chars > this.maxChars) {
      throw new IngestError('TOO_LARGE', `The document holds more than ${this.maxChars} characters of text.`);
    }
  }

  private push(block: Block): void {
    this.charge(block.text.length);
    this.blocks.push(block);
  }
}

// Zero-width characters and soft hyphens only break words apart for search.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** One line: every run of whitespace (including newlines and NBSP) becomes a single space. */
export function collapseLine(text: string): string {
  return text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

/** Keeps line breaks the source meant (e.g. <br>), collapses everything else. */
function collapseLines(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(collapseLine)
    .filter((line) => line.length > 0)
    .join('\n');
}

function cleanCode(text: string): string {
  const lines = text
    .replace(INVISIBLE, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimEnd());
  let first = 0;
  let last = lines.length;
  while (first < last && lines[first] === '') first++;
  while (last > first && lines[last - 1] === '') last--;
  return lines.slice(first, last).join('\n');
}
