/**
 * The entry point of parsing: picks the parser for an upload (content signature first, the file
 * extension second) and runs it under the ingestion limits, so every failure leaves as a typed
 * IngestError and every success has at least one block of text.
 */
import { IngestError } from '../ingestError.js';
import { csvParser } from './csvParser.js';
import { docxParser } from './docxParser.js';
import { htmlParser } from './htmlParser.js';
import { markdownParser } from './markdownParser.js';
import { DEFAULT_PARSE_LIMITS, type DocumentParser, type ParsedDocument, type ParseInput, type ParseLimits } from './parsedDocument.js';
import { pdfParser } from './pdfParser.js';
import { pptxParser } from './pptxParser.js';
import { textParser } from './textParser.js';
import { xlsxParser } from './xlsxParser.js';
import { isZip } from './zipArchive.js';

/** Signature-bearing formats first: a sniff match beats any extension. */
export const PARSERS: readonly DocumentParser[] = [
  pdfParser,
  docxParser,
  pptxParser,
  xlsxParser,
  htmlParser,
  markdownParser,
  csvParser,
  textParser,
];

export const SUPPORTED_EXTENSIONS: readonly string[] = PARSERS.flatMap((parser) => parser.extensions);

/** Legacy Office files and encrypted OOXML both live in an OLE compound file. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function parserFor(input: ParseInput): DocumentParser {
  const { bytes } = input;
  const sniffed = PARSERS.find((parser) => parser.sniff(bytes));
  if (sniffed) return sniffed;
  if (isOle(bytes)) {
    // Word, Excel and PowerPoint store a password-protected .docx/.xlsx/.pptx as an encrypted package in OLE.
    if (containsUtf16(bytes, 'EncryptionInfo')) throw new IngestError('ENCRYPTED', 'The Office document is password-protected.');
    throw new IngestError(
      'UNSUPPORTED_FORMAT',
      'Legacy Office formats (.doc, .xls, .ppt) are not supported; save the file as .docx, .xlsx or .pptx.',
    );
  }
  const byExtension = parserForExtension(extensionOf(input.fileName)) ?? parserForExtension(extensionOf(urlPath(input.url)));
  // A zip that is none of the Office formats is not a document, whatever its name says.
  if (byExtension && (!isZip(bytes) || [docxParser, pptxParser, xlsxParser].includes(byExtension))) return byExtension;
  throw new IngestError('UNSUPPORTED_FORMAT', `Unsupported file type: ${input.fileName || input.url || 'unnamed file'}.`);
}

export async function parseDocument(input: ParseInput, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<ParsedDocument> {
  if (input.bytes.length === 0) throw new IngestError('EMPTY', 'The file is empty.');
  if (input.bytes.length > limits.maxBytes) {
    throw new IngestError('TOO_LARGE', `The file is ${input.bytes.length} bytes; the limit is ${limits.maxBytes}.`);
  }
  const parser = parserFor(input);
  let parsed: ParsedDocument;
  try {
    parsed = await parser.parse(input, limits);
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError('CORRUPT', `The ${parser.format} file could not be read${shortReason(error)}.`);
  }
  return finish(parsed, input, limits);
}

/** Drops empty blocks, re-checks the text limit and fills in the title from the file name. */
function finish(parsed: ParsedDocument, input: ParseInput, limits: ParseLimits): ParsedDocument {
  const blocks = parsed.blocks.filter((block) => block.text.trim().length > 0);
  const chars = blocks.reduce((sum, block) => sum + block.text.length, 0);
  if (chars > limits.maxExtractedChars) {
    throw new IngestError('TOO_LARGE', `The document holds more than ${limits.maxExtractedChars} characters of text.`);
  }
  if (blocks.length === 0) throw new IngestError('NO_TEXT', 'The document contains no text.');
  const title = parsed.title?.trim() || titleFromName(input.fileName) || titleFromName(urlPath(input.url));
  const result: ParsedDocument = { title, blocks };
  if (parsed.language) result.language = parsed.language;
  return result;
}

function shortReason(error: unknown): string {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const firstLine = message.split('\n')[0]?.trim() ?? '';
  return firstLine ? `: ${firstLine.slice(0, 120)}` : '';
}

function parserForExtension(extension: string | undefined): DocumentParser | undefined {
  return extension ? PARSERS.find((parser) => parser.extensions.includes(extension)) : undefined;
}

function extensionOf(name: string | undefined): string | undefined {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : undefined;
}

function titleFromName(name: string | undefined): string | undefined {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  return (dot > 0 ? base.slice(0, dot) : base).trim() || undefined;
}

function baseName(name: string | undefined): string {
  return (name ?? '').split(/[\\/]/).pop() ?? '';
}

function urlPath(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return undefined;
  }
}

function isOle(bytes: Uint8Array): boolean {
  return OLE_SIGNATURE.every((byte, index) => bytes[index] === byte);
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}
