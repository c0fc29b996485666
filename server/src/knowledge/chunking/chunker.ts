/**
 * Turns a parsed document into retrieval chunks that follow its structure: every chunk belongs to
 * one section (its heading path is stored beside it, not in its text), consecutive blocks of a
 * section are packed up to a size limit, list items and table rows are never cut in half, and a
 * chunk continuing a section repeats the last sentences of the one before so a fact that straddles
 * the cut is still found whole. The output depends on nothing but the input.
 */
import type { Block, ParsedDocument } from '../parsing/parsedDocument.js';
import { splitSentences, splitToFit } from './textSplitting.js';

export interface ChunkDraft {
  ordinal: number;
  text: string;
  sectionPath: string[];
}

export interface ChunkOptions {
  /** Hard ceiling on a chunk's text length. */
  maxChars?: number;
  /** How much of the previous chunk's tail (whole sentences) a continuation chunk repeats. */
  overlapChars?: number;
  /**
   * A section whose whole text is shorter than this is merged into a neighbouring chunk
   * (default: 100, or a quarter of maxChars when that is smaller; 0 turns merging off).
   */
  minChars?: number;
}

export const DEFAULT_MAX_CHARS = 1200;
export const DEFAULT_OVERLAP_CHARS = 150;
export const DEFAULT_MIN_CHARS = 100;
const MIN_MAX_CHARS = 20;

type UnitKind = Exclude<Block['kind'], 'heading'>;

/** A block's text, or one piece of a block too long for a chunk. */
interface Piece {
  kind: UnitKind;
  text: string;
  /** Continues the previous piece's block (a long paragraph cut at a sentence). */
  continues: boolean;
}

interface Section {
  path: string[];
  heading: string | undefined;
  blocks: { kind: UnitKind; text: string }[];
}

interface Draft {
  path: string[];
  text: string;
  /** The chunk is its whole section. */
  whole: boolean;
  firstOfSection: boolean;
}

interface Settings {
  maxChars: number;
  overlapChars: number;
  minChars: number;
}

export function chunkDocument(doc: ParsedDocument, options: ChunkOptions = {}): ChunkDraft[] {
  const settings = resolveSettings(options);
  const drafts = sectionsOf(doc.blocks).flatMap((section) => chunkSection(section, settings));
  // Chunks of one section share a path array internally; each caller gets its own copy.
  return mergeTinySections(drafts, settings).map((draft, ordinal) => ({ ordinal, text: draft.text, sectionPath: [...draft.path] }));
}

function resolveSettings(options: ChunkOptions): Settings {
  const maxChars = Math.floor(options.maxChars ?? DEFAULT_MAX_CHARS);
  if (!(maxChars >= MIN_MAX_CHARS)) throw new RangeError(`maxChars must be at least ${MIN_MAX_CHARS}`);
  // An overlap over half the chunk would make continuation chunks mostly repetition.
  const overlapChars = clamp(Math.floor(options.overlapChars ?? DEFAULT_OVERLAP_CHARS), 0, Math.floor(maxChars / 2));
  const minChars = clamp(Math.floor(options.minChars ?? Math.min(DEFAULT_MIN_CHARS, maxChars / 4)), 0, maxChars);
  return { maxChars, overlapChars, minChars };
}

function clamp(value: number, low: number, high: number): number {
  return Number.isFinite(value) ? Math.min(high, Math.max(low, value)) : low;
}

/** A heading of level n closes every open section of level n or deeper. */
function sectionsOf(blocks: readonly Block[]): Section[] {
  const sections: Section[] = [];
  const stack: { level: number; text: string }[] = [];
  let current: Section = { path: [], heading: undefined, blocks: [] };
  for (const block of blocks) {
    const text = block.text.trim();
    if (!text) continue;
    if (block.kind === 'heading') {
      sections.push(current);
      while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= block.level) stack.pop();
      stack.push({ level: block.level, text });
      current = { path: stack.map((entry) => entry.text), heading: text, blocks: [] };
    } else {
      current.blocks.push({ kind: block.kind, text: block.kind === 'listItem' ? bulleted(text) : text });
    }
  }
  sections.push(current);
  const withText = sections.filter((section) => section.blocks.length > 0);
  if (withText.length > 0) return withText;
  // A document of headings only still has something to say.
  const headings = sections.flatMap((section) => (section.heading ? [{ kind: 'paragraph' as const, text: section.heading }] : []));
  return headings.length > 0 ? [{ path: [], heading: undefined, blocks: headings }] : [];
}

function bulleted(text: string): string {
  return /^(?:[-*•]|\d{1,9}[.)])\s/.test(text) ? text : `- ${text}`;
}

function chunkSection(section: Section, settings: Settings): Draft[] {
  const { maxChars } = settings;
  const texts: string[] = [];
  let text = '';
  let last: Piece | undefined;
  let heading = section.heading;
  const start = (piece: Piece): void => {
    if (heading !== undefined) {
      text = heading.length + 2 + piece.text.length <= maxChars ? `${heading}\n\n${piece.text}` : piece.text;
      heading = undefined;
    } else {
      const overlap = last ? overlapOf(last, piece, Math.min(settings.overlapChars, maxChars - piece.text.length - 2)) : undefined;
      text = overlap ? overlap.text + separator(overlap, piece) + piece.text : piece.text;
    }
    last = piece;
  };
  for (const piece of piecesOf(section, settings)) {
    if (!last || !text) {
      start(piece);
      continue;
    }
    const joined = text + separator(last, piece) + piece.text;
    if (joined.length <= maxChars) {
      text = joined;
      last = piece;
    } else {
      texts.push(text);
      start(piece);
    }
  }
  if (text) texts.push(text);
  return texts.map((chunk, index) => ({ path: section.path, text: chunk, whole: texts.length === 1, firstOfSection: index === 0 }));
}

/**
 * The section's blocks as pieces that each fit a chunk. A list item or table row is cut only when
 * it alone is over the limit. The first paragraph is cut short enough to sit under its heading,
 * and the pieces of a long paragraph leave room for the overlap that will precede them.
 */
function piecesOf(section: Section, settings: Settings): Piece[] {
  const { maxChars, overlapChars } = settings;
  const reserve = overlapChars > 0 ? Math.min(overlapChars + 2, Math.floor(maxChars / 2)) : 0;
  const pieces: Piece[] = [];
  section.blocks.forEach((block, index) => {
    const splittable = block.kind === 'paragraph' || block.kind === 'code';
    const room = index === 0 && section.heading !== undefined ? maxChars - section.heading.length - 2 : maxChars;
    const wholeLimit = splittable && room >= maxChars / 3 ? room : maxChars;
    if (block.text.length <= wholeLimit) {
      pieces.push({ kind: block.kind, text: block.text, continues: false });
      return;
    }
    const limit = isProse(block) ? maxChars - reserve : maxChars;
    const mode = block.kind === 'code' ? 'lines' : block.kind === 'tableRow' ? 'cells' : 'prose';
    splitToFit(block.text, mode, limit, Math.min(wholeLimit, limit)).forEach((text, part) =>
      pieces.push({ kind: block.kind, text, continues: part > 0 }),
    );
  });
  return pieces;
}

/** The last whole sentences of `previous` that fit `budget`; table rows and code repeat nothing. */
function overlapOf(previous: Piece, next: Piece, budget: number): Piece | undefined {
  if (budget <= 0 || !isProse(previous) || !isProse(next)) return undefined;
  const sentences = splitSentences(previous.text);
  let tail = '';
  for (let index = sentences.length - 1; index >= 0; index--) {
    const candidate = tail ? `${sentences[index]} ${tail}` : (sentences[index] ?? '');
    if (candidate.length > budget) break;
    tail = candidate;
  }
  return tail ? { kind: previous.kind, text: tail, continues: false } : undefined;
}

function isProse(piece: { kind: UnitKind }): boolean {
  return piece.kind === 'paragraph' || piece.kind === 'listItem';
}

function separator(previous: Piece, next: Piece): string {
  if (next.continues && isProse(next)) return ' ';
  if (next.continues && next.kind === 'code') return '\n';
  if (previous.kind === next.kind && (next.kind === 'listItem' || next.kind === 'tableRow')) return '\n';
  return '\n\n';
}

/**
 * A section too small to stand alone joins a neighbour: forward into the first chunk of a
 * subsection that follows it (an intro above its children), else back into the previous chunk
 * when both share an enclosing section, which then becomes the merged chunk's path.
 */
function mergeTinySections(drafts: Draft[], settings: Settings): Draft[] {
  const merged: Draft[] = [];
  for (const [index, draft] of drafts.entries()) {
    if (draft.whole && draft.text.length < settings.minChars) {
      const next = drafts[index + 1];
      if (next?.firstOfSection && isStrictPrefix(draft.path, next.path) && fits(draft.text, next.text, settings)) {
        next.text = `${draft.text}\n\n${next.text}`;
        continue;
      }
      const previous = merged[merged.length - 1];
      const shared = previous ? commonPrefix(previous.path, draft.path) : [];
      if (previous && shared.length > 0 && fits(previous.text, draft.text, settings)) {
        previous.text = `${previous.text}\n\n${draft.text}`;
        previous.path = shared;
        continue;
      }
    }
    merged.push({ ...draft });
  }
  return merged;
}

function fits(first: string, second: string, settings: Settings): boolean {
  return first.length + 2 + second.length <= settings.maxChars;
}

function isStrictPrefix(prefix: readonly string[], path: readonly string[]): boolean {
  return prefix.length < path.length && prefix.every((segment, index) => path[index] === segment);
}

function commonPrefix(a: readonly string[], b: readonly string[]): string[] {
  const shared: string[] = [];
  for (let index = 0; index < Math.min(a.length, b.length) && a[index] === b[index]; index++) shared.push(a[index] ?? '');
  return shared;
}
