/**
 * Walks an HTML element tree (a web page's main content, or the HTML mammoth makes of a DOCX)
 * into blocks. Only text nodes are ever read, so scripts, styles, event-handler attributes and
 * markup cannot reach a block; entities were decoded by the HTML parser.
 */
import type { BlockSink } from './blockSink.js';
import { type DomElement, type DomNode, isElement, tagOf, TEXT_NODE } from './dom.js';
import { keyedRow, plainRow } from './tableRows.js';

/** Never content: code, embedded objects, form controls, and navigation chrome. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'svg',
  'math',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'canvas',
  'audio',
  'video',
  'img',
  'picture',
  'map',
  'button',
  'input',
  'select',
  'option',
  'textarea',
  'nav',
  'dialog',
]);

/** Elements that end the running paragraph; their content starts a new one. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'caption',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);

/** Set on headings before Readability runs, because it rewrites every h1 as an h2. */
export const HEADING_LEVEL_ATTRIBUTE = 'data-tandem-level';

export function htmlToBlocks(root: DomElement, sink: BlockSink): void {
  const walker = new BlockWalker(sink);
  walker.children(root);
  walker.flush();
}

class BlockWalker {
  private pending: string[] = [];

  constructor(private readonly sink: BlockSink) {}

  children(element: DomElement): void {
    for (const child of Array.from(element.childNodes)) this.node(child);
  }

  flush(): void {
    if (this.pending.length > 0) this.sink.paragraph(this.pending.join(''));
    this.pending = [];
  }

  private node(node: DomNode): void {
    if (node.nodeType === TEXT_NODE) {
      this.pending.push(collapsedText(node));
      return;
    }
    if (!isElement(node) || isHidden(node)) return;
    const tag = tagOf(node);
    const level = headingLevel(node, tag);
    if (level !== undefined) {
      this.flush();
      this.sink.heading(level, inlineText(node));
    } else if (tag === 'p') {
      this.flush();
      this.sink.paragraph(inlineText(node));
    } else if (tag === 'ul' || tag === 'ol') {
      this.flush();
      this.list(node, tag === 'ol');
    } else if (tag === 'table') {
      this.flush();
      this.table(node);
    } else if (tag === 'pre') {
      this.flush();
      this.sink.text('code', node.textContent ?? '');
    } else if (tag === 'br') {
      this.pending.push('\n');
    } else if (BLOCKS.has(tag)) {
      this.flush();
      this.children(node);
      this.flush();
    } else {
      this.children(node);
    }
  }

  /** Each item is one block; nested lists follow their parent item as blocks of their own. */
  private list(list: DomElement, ordered: boolean): void {
    let number = Number(list.getAttribute('start') ?? '1');
    if (!Number.isFinite(number)) number = 1;
    for (const item of Array.from(list.children)) {
      if (tagOf(item) !== 'li' || isHidden(item)) continue;
      const nested: DomElement[] = [];
      const text = inlineText(item, nested).trim();
      if (text) this.sink.text('listItem', ordered ? `${number}. ${text}` : text);
      number++;
      for (const sublist of nested) this.node(sublist);
    }
  }

  private table(table: DomElement): void {
    const rows = tableRows(table);
    const first = rows[0];
    const hasHeader = first !== undefined && rows.length > 1 && first.header;
    for (const [index, row] of rows.entries()) {
      if (hasHeader && index === 0) continue;
      this.sink.text('tableRow', hasHeader ? keyedRow(first.cells, row.cells) : plainRow(row.cells));
    }
  }
}

interface TableRow {
  cells: string[];
  /** All cells are <th>, or the row sits in <thead>. */
  header: boolean;
}

function tableRows(table: DomElement): TableRow[] {
  const rows: TableRow[] = [];
  const visit = (parent: DomElement, inHead: boolean): void => {
    for (const child of Array.from(parent.children)) {
      const tag = tagOf(child);
      if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') visit(child, tag === 'thead');
      else if (tag === 'tr' && !isHidden(child)) rows.push(tableRow(child, inHead));
    }
  };
  visit(table, false);
  return rows;
}

function tableRow(row: DomElement, inHead: boolean): TableRow {
  const cells = Array.from(row.children).filter((cell) => ['td', 'th'].includes(tagOf(cell)));
  return {
    cells: cells.map((cell) => inlineText(cell).replace(/\s+/g, ' ')),
    header: inHead || (cells.length > 0 && cells.every((cell) => tagOf(cell) === 'th')),
  };
}

function headingLevel(element: DomElement, tag: string): number | undefined {
  const match = /^h([1-6])$/.exec(tag);
  if (!match) return undefined;
  const marked = Number(element.getAttribute(HEADING_LEVEL_ATTRIBUTE));
  return marked >= 1 && marked <= 6 ? marked : Number(match[1]);
}

/**
 * The text of an element as one run: line breaks for <br> and block boundaries. Lists met inside
 * (a list nested in a list item) are handed to `nestedLists` instead of being inlined.
 */
function inlineText(element: DomElement, nestedLists?: DomElement[]): string {
  const parts: string[] = [];
  const visit = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      parts.push(collapsedText(node));
      return;
    }
    if (!isElement(node) || isHidden(node)) return;
    const tag = tagOf(node);
    if (nestedLists && (tag === 'ul' || tag === 'ol')) {
      nestedLists.push(node);
      return;
    }
    if (tag === 'br') {
      parts.push('\n');
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) parts.push('\n');
    for (const child of Array.from(node.childNodes)) visit(child);
    if (block) parts.push('\n');
  };
  for (const child of Array.from(element.childNodes)) visit(child);
  return parts.join('');
}

/** Outside <pre>, a line break in the source is just a space, as a browser renders it. */
function collapsedText(node: DomNode): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ');
}

function isHidden(element: DomElement): boolean {
  if (SKIPPED.has(tagOf(element))) return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}
