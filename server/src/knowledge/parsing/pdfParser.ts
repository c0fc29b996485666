/**
 * PDF: text per page through pdf.js (unpdf's build), laid out into headings, paragraphs and list
 * items by pdfLayout. The title is the info dictionary's Title. Password protection, damage and
 * image-only (scanned) files are reported as typed errors.
 */
import type * as Unpdf from 'unpdf';
import { IngestError } from '../ingestError.js';
import { BlockSink } from './blockSink.js';
import type { DocumentParser, ParsedDocument, ParseInput, ParseLimits } from './parsedDocument.js';
import {
  bodyFontSize,
  headingLevels,
  itemsToLines,
  pageToBlocks,
  type PdfLine,
  type PdfTextItem,
  removePageFurniture,
} from './pdfLayout.js';

/** Beyond this a file is a denial of service (millions of empty pages), not a document. */
const MAX_PAGES = 10_000;

type PdfDocument = Awaited<ReturnType<typeof Unpdf.getDocumentProxy>>;

export const pdfParser: DocumentParser = {
  format: 'pdf',
  extensions: ['pdf'],
  mediaTypes: ['application/pdf'],
  sniff: isPdf,
  parse: parsePdf,
};

/**
 * Readers accept `%PDF-` anywhere in the first kilobyte, but so would a text file about PDFs; the
 * signature counts only at the start, and a .pdf with a junk prefix still arrives by extension.
 */
function isPdf(bytes: Uint8Array): boolean {
  return latin1(bytes.subarray(0, 5)) === '%PDF-';
}

async function parsePdf(input: ParseInput, limits: ParseLimits): Promise<ParsedDocument> {
  // pdf.js repairs files with a missing cross-reference table by scanning for objects, which
  // turns a cut-off upload into a silently partial document; a missing %%EOF marker gives it away.
  if (!latin1(input.bytes.subarray(-1024)).includes('%%EOF')) {
    throw new IngestError('CORRUPT', 'The PDF is truncated: it has no end-of-file marker.');
  }
  const pdf = await openPdf(input.bytes);
  try {
    if (pdf.numPages > MAX_PAGES) throw new IngestError('TOO_LARGE', `The PDF has more than ${MAX_PAGES} pages.`);
    const pages = removePageFurniture(await readPages(pdf, limits));
    const bodySize = bodyFontSize(pages);
    const levels = headingLevels(pages, bodySize);
    const sink = new BlockSink(limits.maxExtractedChars);
    for (const page of pages) pageToBlocks(page, levels, sink);
    if (sink.blocks.length === 0) {
      throw new IngestError('NO_TEXT', 'The PDF has no extractable text (a scanned document needs OCR first).');
    }
    const info = await readInfo(pdf);
    const firstHeading = sink.blocks.find((block) => block.kind === 'heading')?.text;
    return { title: info.title ?? firstHeading, blocks: sink.blocks, language: info.language };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  // Loaded on first use: pdf.js is large and many servers never see a PDF.
  const { getDocumentProxy } = await import('unpdf');
  try {
    // pdf.js may take ownership of (detach) the buffer it is given, so it gets a copy.
    return await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') throw new IngestError('ENCRYPTED', 'The PDF is password-protected.');
    throw new IngestError('CORRUPT', 'The PDF is damaged and cannot be read.');
  }
}

async function readPages(pdf: PdfDocument, limits: ParseLimits): Promise<PdfLine[][]> {
  const pages: PdfLine[][] = [];
  let chars = 0;
  for (let number = 1; number <= pdf.numPages; number++) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    page.cleanup();
    const items: PdfTextItem[] = [];
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const [a, b, c, d, x, y] = item.transform.map(Number);
      items.push({
        str: item.str,
        x: x ?? 0,
        y: y ?? 0,
        size: Math.hypot(c ?? 0, d ?? 0) || Math.hypot(a ?? 0, b ?? 0) || item.height,
        width: item.width,
        hasEOL: item.hasEOL,
      });
      chars += item.str.length;
    }
    // Checked per page so a huge file stops early instead of after every page is held in memory.
    if (chars > limits.maxExtractedChars) {
      throw new IngestError('TOO_LARGE', `The document holds more than ${limits.maxExtractedChars} characters of text.`);
    }
    pages.push(itemsToLines(items));
  }
  return pages;
}

async function readInfo(pdf: PdfDocument): Promise<{ title?: string; language?: string }> {
  try {
    const { info } = await pdf.getMetadata();
    const fields = (info ?? {}) as Record<string, unknown>;
    const title = typeof fields.Title === 'string' ? cleanTitle(fields.Title) : undefined;
    const language = typeof fields.Language === 'string' && fields.Language.trim() ? fields.Language.trim() : undefined;
    return { title, language };
  } catch {
    // A damaged info dictionary costs the title, not the document.
    return {};
  }
}

/** Word's PDF export titles files "Microsoft Word - name.docx"; that is a file name, not a title. */
function cleanTitle(raw: string): string | undefined {
  const title = raw.replace(/\s+/g, ' ').trim();
  if (!title || /^microsoft \w+ - /i.test(title) || /^untitled$/i.test(title)) return undefined;
  return title;
}

function latin1(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes);
}
