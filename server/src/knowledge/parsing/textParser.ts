/**
 * Plain text (.txt): strictly decoded (binary and malformed UTF-8 are refused, not indexed as
 * garbage), then split into paragraphs at blank lines.
 */
import { BlockSink } from './blockSink.js';
import { decodeText } from './decodeText.js';
import type { DocumentParser, ParsedDocument, ParseInput, ParseLimits } from './parsedDocument.js';
import { textToBlocks } from './plainTextBlocks.js';

export const textParser: DocumentParser = {
  format: 'text',
  extensions: ['txt', 'text', 'log'],
  mediaTypes: ['text/plain'],
  // Plain text has no signature; it is chosen by extension only.
  sniff: () => false,
  parse: parseText,
};

async function parseText(input: ParseInput, limits: ParseLimits): Promise<ParsedDocument> {
  const sink = new BlockSink(limits.maxExtractedChars);
  textToBlocks(decodeText(input.bytes), sink);
  return { title: undefined, blocks: sink.blocks };
}
