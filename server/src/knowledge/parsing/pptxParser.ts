/**
 * PowerPoint (.pptx): each slide, in presentation order, becomes a "Slide N: <title>" heading
 * followed by its text paragraphs, table rows and speaker notes.
 */
import { IngestError } from '../ingestError.js';
import { BlockSink, collapseLine } from './blockSink.js';
import { partNumber, readCoreProperties, readRelationships } from './ooxmlPackage.js';
import type { DocumentParser, ParsedDocument, ParseInput, ParseLimits } from './parsedDocument.js';
import { prefixedAttribute, scanXml } from './xmlScanner.js';
import { ZipArchive, zipEntryNames } from './zipArchive.js';

const PRESENTATION = 'ppt/presentation.xml';
const SLIDE_PART = /^ppt\/slides\/slide\d+\.xml$/;
/** Placeholders whose text is chrome repeated on every slide, not content. */
const CHROME_PLACEHOLDERS = new Set(['sldNum', 'dt', 'ftr', 'hdr', 'sldImg']);
const TITLE_PLACEHOLDERS = new Set(['title', 'ctrTitle']);

export const pptxParser: DocumentParser = {
  format: 'pptx',
  extensions: ['pptx'],
  mediaTypes: ['application/vnd.openxmlformats-officedocument.presentationml.presentation'],
  sniff: (bytes) => zipEntryNames(bytes)?.includes(PRESENTATION) ?? false,
  parse: parsePptx,
};

async function parsePptx(input: ParseInput, limits: ParseLimits): Promise<ParsedDocument> {
  const zip = ZipArchive.open(input.bytes, limits);
  if (!zip.has(PRESENTATION)) throw new IngestError('CORRUPT', 'The file is not a PowerPoint package: it has no presentation part.');
  const sink = new BlockSink(limits.maxExtractedChars);
  let firstTitle: string | undefined;
  const slides = await slideParts(zip);
  for (const [index, part] of slides.entries()) {
    const xml = await zip.readText(part);
    if (xml === undefined) continue;
    const slide = readSlide(xml, false);
    firstTitle ??= slide.title || undefined;
    sink.heading(1, slide.title ? `Slide ${index + 1}: ${slide.title}` : `Slide ${index + 1}`);
    for (const block of slide.blocks) sink.text(block.kind, block.text);
    for (const block of await readNotes(zip, part)) sink.text(block.kind, block.text);
  }
  const core = await readCoreProperties(zip);
  return { title: core.title ?? firstTitle, blocks: sink.blocks, language: core.language };
}

/** Slides in the order the presentation lists them; file-name order when that list is missing. */
async function slideParts(zip: ZipArchive): Promise<string[]> {
  const relationships = await readRelationships(zip, PRESENTATION);
  const ordered: string[] = [];
  const seen = new Set<string>();
  scanXml((await zip.readText(PRESENTATION)) ?? '', {
    open(name, attributes) {
      if (name !== 'sldId') return;
      const id = prefixedAttribute(attributes, 'id');
      const target = id ? relationships.get(id)?.target : undefined;
      if (target && zip.has(target) && !seen.has(target)) {
        seen.add(target);
        ordered.push(target);
      }
    },
  });
  if (ordered.length > 0) return ordered;
  return zip
    .names()
    .filter((name) => SLIDE_PART.test(name))
    .sort((a, b) => partNumber(a) - partNumber(b));
}

async function readNotes(zip: ZipArchive, slidePart: string): Promise<SlideBlock[]> {
  const relationships = await readRelationships(zip, slidePart);
  for (const relationship of relationships.values()) {
    if (!relationship.external && relationship.type.endsWith('/notesSlide')) {
      const xml = await zip.readText(relationship.target);
      return xml === undefined ? [] : readSlide(xml, true).blocks;
    }
  }
  return [];
}

interface SlideBlock {
  kind: 'paragraph' | 'tableRow';
  text: string;
}

interface Shape {
  placeholder: string | undefined;
  paragraphs: string[];
}

/**
 * Reads one slide (or notes page). Text lives in DrawingML paragraphs (a:p of a:t runs) inside
 * shapes (p:sp) or table cells (a:tc); the title is the shape holding the title placeholder.
 * For notes pages only the body placeholder counts: the rest is a slide thumbnail and numbers.
 */
function readSlide(xml: string, notesOnly: boolean): { title: string; blocks: SlideBlock[] } {
  const titles: string[] = [];
  const blocks: SlideBlock[] = [];
  let shape: Shape | undefined;
  let paragraph: string[] | undefined;
  let row: string[] | undefined;
  let cell: string[] | undefined;
  let inRun = false;

  const finishShape = (done: Shape): void => {
    const kind = done.placeholder;
    if (kind && CHROME_PLACEHOLDERS.has(kind)) return;
    if (notesOnly && kind !== 'body') return;
    if (kind && TITLE_PLACEHOLDERS.has(kind) && !notesOnly) titles.push(...done.paragraphs);
    else for (const text of done.paragraphs) blocks.push({ kind: 'paragraph', text });
  };

  scanXml(xml, {
    open(name, attributes) {
      if (name === 'sp') shape = { placeholder: undefined, paragraphs: [] };
      else if (name === 'ph' && shape) shape.placeholder = attributes.type ?? 'body';
      else if (name === 'tr') row = [];
      else if (name === 'tc') cell = [];
      else if (name === 'p') paragraph = [];
      else if (name === 't') inRun = true;
      else if (name === 'br') paragraph?.push('\n');
    },
    close(name) {
      if (name === 't') {
        inRun = false;
      } else if (name === 'p' && paragraph) {
        const text = paragraph.join('');
        paragraph = undefined;
        if (cell) cell.push(text);
        else shape?.paragraphs.push(text);
      } else if (name === 'tc' && cell) {
        row?.push(collapseLine(cell.join(' ')));
        cell = undefined;
      } else if (name === 'tr' && row) {
        const cells = row.filter((text) => text.length > 0);
        if (cells.length > 0 && !notesOnly) blocks.push({ kind: 'tableRow', text: cells.join(' | ') });
        row = undefined;
      } else if (name === 'sp' && shape) {
        finishShape(shape);
        shape = undefined;
      }
    },
    text(text) {
      if (inRun) paragraph?.push(text);
    },
  });
  return { title: collapseLine(titles.join(' ')), blocks };
}
