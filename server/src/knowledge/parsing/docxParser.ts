/**
 * Word (.docx): mammoth turns the document into semantic HTML (headings from Word's heading
 * styles, lists, tables), which is then walked into blocks like a web page. Title and language
 * come from the core properties.
 */
import { IngestError } from '../ingestError.js';
import { BlockSink } from './blockSink.js';
import { parseHtmlDocument } from './dom.js';
import { htmlToBlocks } from './htmlBlocks.js';
import { readCoreProperties } from './ooxmlPackage.js';
import type { DocumentParser, ParsedDocument, ParseInput, ParseLimits } from './parsedDocument.js';
import { ZipArchive, zipEntryNames } from './zipArchive.js';

const MAIN_PART = 'word/document.xml';

/** Word's Title style is the document's top heading; mammoth leaves it a plain paragraph. */
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", 'p.Title => h1:fresh', "p[style-name='Subtitle'] => p:fresh"];

export const docxParser: DocumentParser = {
  format: 'docx',
  extensions: ['docx'],
  mediaTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  sniff: (bytes) => zipEntryNames(bytes)?.includes(MAIN_PART) ?? false,
  parse: parseDocx,
};

async function parseDocx(input: ParseInput, limits: ParseLimits): Promise<ParsedDocument> {
  const zip = ZipArchive.open(input.bytes, limits);
  if (!zip.has(MAIN_PART)) throw new IngestError('CORRUPT', 'The file is not a Word package: it has no document part.');
  // mammoth inflates with no output limit, so every entry is first proven to inflate to its declared size.
  await zip.verifyAll();
  const buffer = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
  // Loaded on first use, like the other heavy format libraries.
  const { default: mammoth } = await import('mammoth');
  // Images are not text; without this mammoth would inline each one as a base64 data URI.
  const convertImage = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));
  const { value: html } = await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP, convertImage });
  const document = parseHtmlDocument(html);
  const sink = new BlockSink(limits.maxExtractedChars);
  if (document.body) htmlToBlocks(document.body, sink);
  const core = await readCoreProperties(zip);
  const firstHeading = sink.blocks.find((block) => block.kind === 'heading' && block.level === 1)?.text;
  return { title: core.title ?? firstHeading, blocks: sink.blocks, language: core.language };
}
