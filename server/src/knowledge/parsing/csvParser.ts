/**
 * CSV and TSV: the first row names the columns, every other row becomes a table-row block keyed by
 * those names ("Plan: Basic | Refund window: 30 days"), so a row stands on its own in a chunk.
 */
import Papa from 'papaparse';
import { BlockSink } from './blockSink.js';
import { decodeText } from './decodeText.js';
import type { DocumentParser, ParsedDocument, ParseInput, ParseLimits } from './parsedDocument.js';
import { isBlankRow, keyedRow, plainRow } from './tableRows.js';

export const csvParser: DocumentParser = {
  format: 'csv',
  extensions: ['csv', 'tsv'],
  mediaTypes: ['text/csv', 'text/tab-separated-values'],
  // CSV has no signature; it is chosen by extension only.
  sniff: () => false,
  parse: parseCsv,
};

async function parseCsv(input: ParseInput, limits: ParseLimits): Promise<ParsedDocument> {
  const text = decodeText(input.bytes);
  const tabSeparated = /\.tsv$/i.test(input.fileName);
  // papaparse never throws: malformed quoting is reported in `errors` and parsed as best it can.
  const { data } = Papa.parse<string[]>(text, {
    delimiter: tabSeparated ? '\t' : '',
    delimitersToGuess: [',', ';', '\t', '|'],
    skipEmptyLines: 'greedy',
  });
  const sink = new BlockSink(limits.maxExtractedChars);
  const rows = data.filter((row) => Array.isArray(row) && !isBlankRow(row));
  const [headers, ...body] = rows;
  if (headers && body.length === 0) sink.text('tableRow', plainRow(headers));
  for (const row of body) sink.text('tableRow', keyedRow(headers ?? [], row));
  return { title: undefined, blocks: sink.blocks };
}
