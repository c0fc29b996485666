/**
 * Markdown (.md): a line-based reader for the parts of CommonMark/GFM that carry structure in
 * help-centre content: ATX and setext headings, paragraphs, bullet and numbered lists, fenced
 * code, pipe tables, block quotes and YAML front matter. Inline syntax is reduced to plain text.
 * Indented code blocks and nested list structure are read as ordinary text and flat items.
 */
import { BlockSink } from './blockSink.js';
import { decodeText } from './decodeText.js';
import { stripInlineMarkdown } from './markdownInline.js';
import type { DocumentParser, ParsedDocument, ParseInput, ParseLimits } from './parsedDocument.js';
import { keyedRow, plainRow } from './tableRows.js';

export const markdownParser: DocumentParser = {
  format: 'markdown',
  extensions: ['md', 'markdown', 'mdown', 'mkd'],
  mediaTypes: ['text/markdown', 'text/x-markdown'],
  // Markdown has no signature; it is chosen by extension only.
  sniff: () => false,
  parse: parseMarkdown,
};

async function parseMarkdown(input: ParseInput, limits: ParseLimits): Promise<ParsedDocument> {
  const lines = decodeText(input.bytes).split(/\r\n|\r|\n/);
  const { title: frontMatterTitle, bodyStart } = readFrontMatter(lines);
  const sink = new BlockSink(limits.maxExtractedChars);
  new MarkdownReader(lines, sink).read(bodyStart);
  const firstH1 = sink.blocks.find((block) => block.kind === 'heading' && block.level === 1)?.text;
  return { title: frontMatterTitle ?? firstH1, blocks: sink.blocks };
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^[ \t]*([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const LINK_DEFINITION = /^ {0,3}\[[^\]]{1,500}\]:[ \t]*\S/;
const RAW_BLOCK_START = /^\s*<(script|style)\b/i;

class MarkdownReader {
  private paragraph: string[] = [];
  private item: string[] | undefined;

  constructor(
    private readonly lines: readonly string[],
    private readonly sink: BlockSink,
  ) {}

  read(start: number): void {
    let index = start;
    while (index < this.lines.length) index = this.line(index);
    this.flush();
  }

  /** Reads the block starting at `index`; returns the index of the next unread line. */
  private line(index: number): number {
    const line = stripQuoteMarkers(this.lines[index] ?? '');
    if (line.trim() === '') {
      this.flush();
      return index + 1;
    }
    const fence = FENCE.exec(line);
    if (fence?.[1]) {
      this.flush();
      return this.fencedCode(index + 1, fence[1]);
    }
    if (line.trimStart().startsWith('<!--') && !line.includes('-->')) {
      this.flush();
      return this.skipUntil(index + 1, (next) => next.includes('-->'));
    }
    const raw = RAW_BLOCK_START.exec(line);
    if (raw?.[1] && !new RegExp(`</${raw[1]}`, 'i').test(line)) {
      const closing = new RegExp(`</${raw[1]}`, 'i');
      this.flush();
      return this.skipUntil(index + 1, (next) => closing.test(next));
    }
    const heading = atxHeading(line);
    if (heading) {
      this.flush();
      this.sink.heading(heading.level, stripInlineMarkdown(heading.text));
      return index + 1;
    }
    const underline = SETEXT_UNDERLINE.exec(line);
    if (underline?.[1] && this.paragraph.length > 0 && !this.item) {
      const text = joinParagraph(this.paragraph);
      this.paragraph = [];
      this.sink.heading(underline[1].startsWith('=') ? 1 : 2, text);
      return index + 1;
    }
    if (isThematicBreak(line)) {
      this.flush();
      return index + 1;
    }
    if (line.includes('|') && isDelimiterRow(stripQuoteMarkers(this.lines[index + 1] ?? ''))) {
      this.flush();
      return this.table(index);
    }
    const listItem = LIST_ITEM.exec(line);
    if (listItem?.[1]) {
      this.flush();
      const marker = listItem[1];
      const content = listItem[2] ?? '';
      // Numbers carry meaning (step 2 of 4); bullet symbols do not.
      this.item = [/\d/.test(marker) ? `${marker} ${content}` : content];
      return index + 1;
    }
    if (LINK_DEFINITION.test(line)) return index + 1;
    if (this.item) this.item.push(line);
    else this.paragraph.push(line);
    return index + 1;
  }

  private flush(): void {
    if (this.item) this.sink.text('listItem', joinParagraph(this.item));
    else if (this.paragraph.length > 0) this.sink.paragraph(joinParagraph(this.paragraph));
    this.item = undefined;
    this.paragraph = [];
  }

  private fencedCode(start: number, opening: string): number {
    const fenceChar = opening.charAt(0);
    const code: string[] = [];
    let index = start;
    for (; index < this.lines.length; index++) {
      const line = stripQuoteMarkers(this.lines[index] ?? '');
      const trimmed = line.trim();
      if (trimmed.length >= opening.length && /^ {0,3}[`~]/.test(line) && trimmed === fenceChar.repeat(trimmed.length)) break;
      code.push(line);
    }
    this.sink.text('code', code.join('\n'));
    return index + 1;
  }

  private table(start: number): number {
    const headers = splitTableRow(stripQuoteMarkers(this.lines[start] ?? ''));
    let index = start + 2;
    let rows = 0;
    for (; index < this.lines.length; index++) {
      const line = stripQuoteMarkers(this.lines[index] ?? '');
      if (line.trim() === '' || !line.includes('|')) break;
      this.sink.text('tableRow', keyedRow(headers, splitTableRow(line)));
      rows++;
    }
    if (rows === 0) this.sink.text('tableRow', plainRow(headers));
    return index;
  }

  private skipUntil(start: number, isLast: (line: string) => boolean): number {
    let index = start;
    while (index < this.lines.length && !isLast(this.lines[index] ?? '')) index++;
    return index + 1;
  }
}

function atxHeading(line: string): { level: number; text: string } | undefined {
  const match = /^ {0,3}(#{1,6})(?=[ \t]|$)/.exec(line);
  if (!match?.[1]) return undefined;
  let text = line.slice(match[0].length).trim();
  // An optional closing run of #s, when it stands apart from the text.
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === 0) text = '';
  else if (end < text.length && /[ \t]/.test(text.charAt(end - 1))) text = text.slice(0, end).trim();
  return { level: match[1].length, text };
}

function isThematicBreak(line: string): boolean {
  if (!/^ {0,3}[-*_]/.test(line)) return false;
  const compact = line.replace(/[ \t]/g, '');
  return /^(?:-{3,}|\*{3,}|_{3,})$/.test(compact);
}

function isDelimiterRow(line: string): boolean {
  if (!line.includes('-')) return false;
  const cells = splitTableRow(line);
  return cells.length > 0 && cells.every((cell) => /^:?-+:?$/.test(cell.trim()));
}

/** Cells of a pipe-table row; outer pipes are optional and `\|` is a literal pipe. */
function splitTableRow(line: string): string[] {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body.charAt(i);
    if (ch === '\\' && body[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (ch === '|') {
      cells.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
  }
  cells.push(cell);
  return cells.map((text) => stripInlineMarkdown(text.trim()));
}

/** Soft line breaks are spaces; a hard break (two trailing spaces or a backslash) stays a line break. */
function joinParagraph(lines: readonly string[]): string {
  let joined = '';
  lines.forEach((line, index) => {
    const hardBreak = line.endsWith('  ') || line.endsWith('\\');
    const text = hardBreak && line.endsWith('\\') ? line.slice(0, -1) : line;
    joined += text.trim() + (index === lines.length - 1 ? '' : hardBreak ? '\n' : ' ');
  });
  return stripInlineMarkdown(joined);
}

function stripQuoteMarkers(line: string): string {
  return /^ {0,3}>/.test(line) ? line.replace(/^(?: {0,3}> ?)+/, '') : line;
}

/** YAML front matter between `---` lines at the very top; only its title is used. */
function readFrontMatter(lines: readonly string[]): { title: string | undefined; bodyStart: number } {
  if (lines[0]?.trim() !== '---') return { title: undefined, bodyStart: 0 };
  const limit = Math.min(lines.length, 200);
  for (let index = 1; index < limit; index++) {
    const line = lines[index]?.trim();
    if (line !== '---' && line !== '...') continue;
    const titleLine = lines.slice(1, index).find((candidate) => /^title\s*:/.test(candidate));
    const title = titleLine
      ?.replace(/^title\s*:\s*/, '')
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2')
      .trim();
    return { title: title || undefined, bodyStart: index + 1 };
  }
  return { title: undefined, bodyStart: 0 };
}
