/**
 * Excel (.xlsx): each visible sheet becomes a heading with its name, then one table-row block per
 * row, keyed by the sheet's first row ("Plan: Basic | Refund window: 30 days").
 */
import { IngestError } from '../ingestError.js';
import { BlockSink } from './blockSink.js';
import { readCoreProperties, readRelationships } from './ooxmlPackage.js';
import type { DocumentParser, ParsedDocument, ParseInput, ParseLimits } from './parsedDocument.js';
import { isBlankRow, keyedRow, plainRow } from './tableRows.js';
import { cellText, type CellContext, type RawCell, readSharedStrings, readStyles } from './xlsxCells.js';
import { prefixedAttribute, scanXml } from './xmlScanner.js';
import { ZipArchive, zipEntryNames } from './zipArchive.js';

const WORKBOOK = 'xl/workbook.xml';
/** Excel's own limit; a larger column reference is hostile and would make a huge sparse row. */
const MAX_COLUMNS = 16_384;

export const xlsxParser: DocumentParser = {
  format: 'xlsx',
  extensions: ['xlsx'],
  mediaTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  sniff: (bytes) => zipEntryNames(bytes)?.includes(WORKBOOK) ?? false,
  parse: parseXlsx,
};

interface SheetRef {
  name: string;
  part: string;
}

async function parseXlsx(input: ParseInput, limits: ParseLimits): Promise<ParsedDocument> {
  const zip = ZipArchive.open(input.bytes, limits);
  const workbookXml = await zip.readText(WORKBOOK);
  if (workbookXml === undefined) throw new IngestError('CORRUPT', 'The file is not an Excel package: it has no workbook part.');
  const { sheets, date1904 } = await readWorkbook(zip, workbookXml);
  const context: CellContext = {
    sharedStrings: readSharedStrings(await zip.readText('xl/sharedStrings.xml')),
    styles: readStyles(await zip.readText('xl/styles.xml')),
    date1904,
  };
  const sink = new BlockSink(limits.maxExtractedChars);
  for (const sheet of sheets) {
    const xml = await zip.readText(sheet.part);
    if (xml === undefined) continue;
    sink.heading(1, sheet.name);
    const writer = new RowWriter(sink);
    readRows(xml, context, (row) => writer.row(row));
    writer.end();
  }
  const core = await readCoreProperties(zip);
  const named = sheets.find((sheet) => !/^sheet\s*\d+$/i.test(sheet.name));
  return { title: core.title ?? named?.name, blocks: sink.blocks, language: core.language };
}

/** Visible sheets in workbook order, resolved to their parts through the workbook relationships. */
async function readWorkbook(zip: ZipArchive, xml: string): Promise<{ sheets: SheetRef[]; date1904: boolean }> {
  const relationships = await readRelationships(zip, WORKBOOK);
  const sheets: SheetRef[] = [];
  let date1904 = false;
  let position = 0;
  scanXml(xml, {
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      if (name !== 'sheet') return;
      position++;
      // Hidden sheets are lookup tables and scratch space the workbook's author chose not to show.
      if (attributes.state === 'hidden' || attributes.state === 'veryHidden') return;
      const id = prefixedAttribute(attributes, 'id');
      const part = (id && relationships.get(id)?.target) || `xl/worksheets/sheet${position}.xml`;
      sheets.push({ name: attributes.name ?? `Sheet${position}`, part });
    },
  });
  return { sheets, date1904 };
}

/** Streams rows into blocks: the first non-blank row is the header of all the others. */
class RowWriter {
  private headers: string[] | undefined;
  private wroteBody = false;

  constructor(private readonly sink: BlockSink) {}

  row(cells: string[]): void {
    if (isBlankRow(cells)) return;
    if (!this.headers) {
      this.headers = cells;
      return;
    }
    this.sink.text('tableRow', keyedRow(this.headers, cells));
    this.wroteBody = true;
  }

  /** A sheet with a single row has no header: that row is the content. */
  end(): void {
    if (this.headers && !this.wroteBody) this.sink.text('tableRow', plainRow(this.headers));
  }
}

/** Rows as dense arrays of display text, columns placed by their cell references. */
function readRows(xml: string, context: CellContext, onRow: (cells: string[]) => void): void {
  let row: string[] | undefined;
  let cell: RawCell | undefined;
  let column = 0;
  let collecting = false;
  let phoneticDepth = 0;
  scanXml(xml, {
    open(name, attributes) {
      if (name === 'row') {
        row = [];
        column = 0;
      } else if (name === 'c' && row) {
        column = attributes.r ? columnIndex(attributes.r) : column;
        cell = { type: attributes.t ?? 'n', styleIndex: Number(attributes.s ?? 0), value: '' };
      } else if (name === 'rPh') {
        phoneticDepth++;
      } else if ((name === 'v' || name === 't') && cell) {
        collecting = phoneticDepth === 0;
      }
    },
    close(name) {
      if (name === 'v' || name === 't') {
        collecting = false;
      } else if (name === 'rPh') {
        phoneticDepth--;
      } else if (name === 'c' && cell && row) {
        if (column < MAX_COLUMNS) {
          while (row.length < column) row.push('');
          row[column] = cellText(cell, context);
        }
        cell = undefined;
        column++;
      } else if (name === 'row' && row) {
        onRow(row);
        row = undefined;
      }
    },
    text(text) {
      if (collecting && cell) cell.value += text;
    },
  });
}

/** "BC12" → 54 (zero-based); anything unreadable lands past the column limit and is dropped. */
function columnIndex(reference: string): number {
  const letters = /^[A-Za-z]{1,3}/.exec(reference)?.[0];
  if (!letters) return MAX_COLUMNS;
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}
