/**
 * Page text as a reader sees it, for every site adapter. `textContent` alone would hand us the
 * source of inline scripts and styles and glue paragraphs together; this keeps only rendered
 * text, as plain strings (never markup), with line breaks where blocks break.
 */

/** Elements whose text never reaches the reader, or is code rather than prose. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT']);

const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'UL',
]);

// Node.nodeType values, spelled out so the reader works on any Document (including jsdom's in tests).
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** A block boundary: a line break unless the text already ends one (nested blocks do not stack up). */
const BLOCK_BREAK = Symbol('block break');
type Piece = string | typeof BLOCK_BREAK;

function collect(node: Node, pieces: Piece[], preformatted: boolean): void {
  if (node.nodeType === TEXT_NODE) {
    // Source line breaks are just spaces in HTML, except inside <pre>.
    const text = node.nodeValue ?? '';
    pieces.push(preformatted ? text : text.replace(/\s+/g, ' '));
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const tag = (node as Element).tagName.toUpperCase();
  if (SKIPPED.has(tag)) return;
  if (tag === 'BR') {
    pieces.push('\n');
    return;
  }
  const block = BLOCKS.has(tag);
  if (block) pieces.push(BLOCK_BREAK);
  for (const child of Array.from(node.childNodes)) collect(child, pieces, preformatted || tag === 'PRE');
  if (block) pieces.push(BLOCK_BREAK);
}

function joinPieces(pieces: Piece[]): string {
  let text = '';
  for (const piece of pieces) {
    if (piece !== BLOCK_BREAK) text += piece;
    else if (text !== '' && !text.endsWith('\n')) text += '\n';
  }
  return text;
}

/** The rendered text under `root`: spaces collapsed within lines, at most one blank line in a row. */
export function readableText(root: Node): string {
  const pieces: Piece[] = [];
  collect(root, pieces, false);
  return joinPieces(pieces)
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One line of text (a subject, a name, a tag): all whitespace collapsed to single spaces. */
export function singleLineText(root: Node): string {
  return readableText(root).replace(/\s+/g, ' ').trim();
}

/**
 * A detached deep copy of `node` that an adapter may prune before reading. In a browser the copy
 * lives in a document without a browsing context, so copying a hostile `<img onerror>` neither
 * loads nor runs it (a plain clone inside the live page would start loading the image). A DOM
 * without `document.implementation` (linkedom, in the `tandem-extract` CLI) never loads or runs
 * anything, so a plain clone is just as inert there.
 */
export function inertCopy<T extends Node>(node: T): T {
  const implementation = node.ownerDocument?.implementation as DOMImplementation | undefined;
  if (implementation === undefined || typeof implementation.createHTMLDocument !== 'function') return node.cloneNode(true) as T;
  return implementation.createHTMLDocument('').importNode(node, true);
}

/** Cuts text to `max` characters so an oversized page cannot fail the whole ticket's validation. */
export function clampText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
