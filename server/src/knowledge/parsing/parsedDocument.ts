/**
 * What every document parser produces: the document's structure as a flat list of blocks
 * (headings with their level, paragraphs, list items, table rows, code), which the chunker turns
 * into citable chunks with section paths. Parsers never return markup.
 */
export type Block =
  { kind: 'heading'; level: number; text: string } | { kind: 'paragraph' | 'listItem' | 'tableRow' | 'code'; text: string };

export interface ParsedDocument {
  /** From the document itself (PDF info, <title>, first H1, sheet name); the file name is the fallback. */
  title: string | undefined;
  blocks: Block[];
  /** Set when the format states it (HTML lang, DOCX core properties). */
  language?: string;
}

export interface ParseInput {
  bytes: Uint8Array;
  fileName: string;
  /** Where it was fetched from, for HTML base URLs and titles. */
  url?: string;
}

export interface ParseLimits {
  /** Raw input size limit in bytes (default 25 MB). */
  maxBytes: number;
  /** Ceiling on text extracted (guards zip bombs and decompression amplification). */
  maxExtractedChars: number;
  /** Ceiling on the summed uncompressed size of entries read from a zip container. */
  maxUncompressedBytes: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  maxBytes: 25 * 1024 * 1024,
  maxExtractedChars: 5_000_000,
  maxUncompressedBytes: 100 * 1024 * 1024,
};

export interface DocumentParser {
  /** e.g. 'pdf', 'docx'. */
  readonly format: string;
  /** Lower-case extensions without the dot. */
  readonly extensions: readonly string[];
  readonly mediaTypes: readonly string[];
  /** True when the leading bytes identify this format (magic numbers); used before the extension. */
  sniff(bytes: Uint8Array): boolean;
  parse(input: ParseInput, limits: ParseLimits): Promise<ParsedDocument>;
}
