/**
 * Test-only builders for the parser tests: minimal but valid PDF, DOCX, PPTX and XLSX files made
 * on the fly (no binary fixtures in the repository), plus hostile variants (truncated, encrypted,
 * zip bombs). All text is written for these tests, about a fictional store.
 */
import JSZip from 'jszip';
import { IngestError } from '../ingestError.js';

export const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The IngestError code a parse fails with; anything else thrown is reported as a test failure. */
export async function failureCode(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof IngestError) return error.code;
    return `untyped ${String(error)}`;
  }
  return 'no error';
}

export async function zipOf(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

// ---------------------------------------------------------------------------------------- PDF

export interface PdfLineSpec {
  text: string;
  size: number;
  /** Extra space above the line, in points. */
  gap?: number;
}

// pdf-lib is loaded only by the tests that make PDFs.
export async function buildPdf(pages: PdfLineSpec[][], title?: string): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  if (title) doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([612, 792]);
    let y = 740;
    for (const line of lines) {
      y -= line.gap ?? 0;
      page.drawText(line.text, { x: 56, y, size: line.size, font });
      y -= line.size * 1.3;
    }
  }
  return doc.save();
}

/** A PDF page with a drawing and no text, like a scan without OCR. */
export async function buildImageOnlyPdf(): Promise<Uint8Array> {
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  doc.addPage([612, 792]).drawRectangle({ x: 50, y: 50, width: 200, height: 100 });
  return doc.save();
}

/**
 * pdf-lib cannot encrypt, so this writes a tiny PDF by hand whose trailer names a standard
 * security handler; its /U entry matches no password, so pdf.js asks for one.
 */
export function buildEncryptedPdf(): Uint8Array {
  const hex = (length: number, seed: number): string =>
    Array.from({ length }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, '0')).join('');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(32, 1)}> /U <${hex(32, 2)}> /P -4 >>`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(out.length);
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${hex(16, 3)}> <${hex(16, 3)}>] >>\n`;
  out += `startxref\n${xref}\n%%EOF\n`;
  return encode(out);
}

// --------------------------------------------------------------------------------------- DOCX

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL_NS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export type DocxBlock =
  | { style: 'Title' | 'Heading1' | 'Heading2'; text: string }
  | { style: 'p'; text: string }
  | { style: 'bullet' | 'number'; text: string }
  | { style: 'table'; rows: string[][] };

function docxParagraph(text: string, properties = ''): string {
  return `<w:p>${properties ? `<w:pPr>${properties}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

function docxBody(blocks: DocxBlock[]): string {
  return blocks
    .map((block) => {
      switch (block.style) {
        case 'p':
          return docxParagraph(block.text);
        case 'bullet':
          return docxParagraph(block.text, '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>');
        case 'number':
          return docxParagraph(block.text, '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr>');
        case 'table':
          return `<w:tbl>${block.rows.map((row) => `<w:tr>${row.map((cell) => `<w:tc>${docxParagraph(cell)}</w:tc>`).join('')}</w:tr>`).join('')}</w:tbl>`;
        default:
          return docxParagraph(block.text, `<w:pStyle w:val="${block.style}"/>`);
      }
    })
    .join('');
}

export function docxParts(blocks: DocxBlock[], core: { title?: string; language?: string } = {}): Record<string, string> {
  const numbering = (id: number, format: string): string =>
    `<w:abstractNum w:abstractNumId="${id}"><w:lvl w:ilvl="0"><w:numFmt w:val="${format}"/><w:lvlText w:val="${format === 'bullet' ? '•' : '%1.'}"/></w:lvl></w:abstractNum>`;
  return {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships ${REL_NS}><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships ${REL_NS}><Relationship Id="rId1" Type="${REL}/numbering" Target="numbering.xml"/></Relationships>`,
    'word/numbering.xml': `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${numbering(0, 'bullet')}${numbering(1, 'decimal')}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document ${W} ${R_NS}><w:body>${docxBody(blocks)}</w:body></w:document>`,
    'docProps/core.xml': `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">${core.title ? `<dc:title>${escapeXml(core.title)}</dc:title>` : ''}${core.language ? `<dc:language>${core.language}</dc:language>` : ''}</cp:coreProperties>`,
  };
}

export async function buildDocx(blocks: DocxBlock[], core?: { title?: string; language?: string }): Promise<Uint8Array> {
  return zipOf(docxParts(blocks, core));
}

// --------------------------------------------------------------------------------------- PPTX

const P = 'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
const A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"';

export interface SlideSpec {
  title?: string;
  bullets: string[];
  table?: string[][];
  notes?: string;
}

function shape(placeholder: string | undefined, paragraphs: string[]): string {
  const ph = placeholder ? `<p:nvPr><p:ph type="${placeholder}"/></p:nvPr>` : '<p:nvPr/>';
  const body = paragraphs.map((text) => `<a:p><a:r><a:rPr lang="en-US"/><a:t>${escapeXml(text)}</a:t></a:r></a:p>`).join('');
  return `<p:sp><p:nvSpPr><p:cNvPr id="2" name="Shape"/><p:cNvSpPr/>${ph}</p:nvSpPr><p:spPr/><p:txBody><a:bodyPr/>${body}</p:txBody></p:sp>`;
}

function slideXml(slide: SlideSpec): string {
  const table = slide.table
    ? `<p:graphicFrame><a:graphic><a:graphicData><a:tbl>${slide.table
        .map(
          (row) =>
            `<a:tr>${row.map((cell) => `<a:tc><a:txBody><a:p><a:r><a:t>${escapeXml(cell)}</a:t></a:r></a:p></a:txBody></a:tc>`).join('')}</a:tr>`,
        )
        .join('')}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>`
    : '';
  const title = slide.title ? shape('title', [slide.title]) : '';
  return `<?xml version="1.0" encoding="UTF-8"?><p:sld ${P} ${A}><p:cSld><p:spTree>${title}${shape(undefined, slide.bullets)}${shape('sldNum', ['7'])}${table}</p:spTree></p:cSld></p:sld>`;
}

/** Slides are stored as slide1.xml… but listed in `order` (indexes into `slides`) in the presentation. */
export async function buildPptx(slides: SlideSpec[], order = slides.map((_, index) => index)): Promise<Uint8Array> {
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships ${REL_NS}><Relationship Id="rId1" Type="${REL}/officeDocument" Target="ppt/presentation.xml"/></Relationships>`,
    'ppt/presentation.xml': `<?xml version="1.0" encoding="UTF-8"?><p:presentation ${P} ${R_NS}><p:sldIdLst>${order
      .map((index) => `<p:sldId id="${256 + index}" r:id="rId${index + 10}"/>`)
      .join('')}</p:sldIdLst></p:presentation>`,
    'ppt/_rels/presentation.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships ${REL_NS}>${slides
      .map((_, index) => `<Relationship Id="rId${index + 10}" Type="${REL}/slide" Target="slides/slide${index + 1}.xml"/>`)
      .join('')}</Relationships>`,
  };
  slides.forEach((slide, index) => {
    files[`ppt/slides/slide${index + 1}.xml`] = slideXml(slide);
    if (slide.notes) {
      files[`ppt/slides/_rels/slide${index + 1}.xml.rels`] =
        `<?xml version="1.0" encoding="UTF-8"?><Relationships ${REL_NS}><Relationship Id="rId1" Type="${REL}/notesSlide" Target="../notesSlides/notesSlide${index + 1}.xml"/></Relationships>`;
      files[`ppt/notesSlides/notesSlide${index + 1}.xml`] =
        `<?xml version="1.0" encoding="UTF-8"?><p:notes ${P} ${A}><p:cSld><p:spTree>${shape('sldImg', [])}${shape('body', [slide.notes])}${shape('sldNum', ['7'])}</p:spTree></p:cSld></p:notes>`;
    }
  });
  return zipOf(files);
}

// --------------------------------------------------------------------------------------- XLSX

export type CellSpec = string | number | { date: number } | { percent: number } | boolean;

export interface SheetSpec {
  name: string;
  rows: CellSpec[][];
  hidden?: boolean;
}

export async function buildXlsx(sheets: SheetSpec[]): Promise<Uint8Array> {
  const shared: string[] = [];
  const sharedIndex = (text: string): number => {
    const existing = shared.indexOf(text);
    if (existing >= 0) return existing;
    shared.push(text);
    return shared.length - 1;
  };
  const column = (index: number): string => String.fromCharCode(65 + index);
  const cellXml = (value: CellSpec, ref: string): string => {
    if (typeof value === 'string') return `<c r="${ref}" t="s"><v>${sharedIndex(value)}</v></c>`;
    if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
    if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
    if ('date' in value) return `<c r="${ref}" s="1"><v>${value.date}</v></c>`;
    return `<c r="${ref}" s="2"><v>${value.percent}</v></c>`;
  };
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships ${REL_NS}><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ${R_NS}><sheets>${sheets
      .map(
        (sheet, index) =>
          `<sheet name="${escapeXml(sheet.name)}" sheetId="${index + 1}"${sheet.hidden ? ' state="hidden"' : ''} r:id="rId${index + 1}"/>`,
      )
      .join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships ${REL_NS}>${sheets
      .map((_, index) => `<Relationship Id="rId${index + 1}" Type="${REL}/worksheet" Target="/xl/worksheets/sheet${index + 1}.xml"/>`)
      .join('')}</Relationships>`,
    'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="9"/></cellXfs></styleSheet>`,
  };
  sheets.forEach((sheet, index) => {
    const rows = sheet.rows
      .map((row, r) => `<row r="${r + 1}">${row.map((value, c) => cellXml(value, `${column(c)}${r + 1}`)).join('')}</row>`)
      .join('');
    files[`xl/worksheets/sheet${index + 1}.xml`] =
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
  });
  files['xl/sharedStrings.xml'] =
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${shared.map((text) => `<si><t>${escapeXml(text)}</t></si>`).join('')}</sst>`;
  return zipOf(files);
}

// ------------------------------------------------------------------------------------ hostile

/**
 * Rewrites the uncompressed size an archive declares for `entry` (central directory and local
 * header), without touching the data: a bomb's directory can claim anything.
 */
export function withDeclaredSize(zip: Uint8Array, entry: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const name = encode(entry);
  let patched = false;
  for (let at = 0; at + 46 < out.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    const candidate = out.subarray(at + 46, at + 46 + nameLength);
    if (nameLength !== name.length || !candidate.every((byte, i) => byte === name[i])) continue;
    view.setUint32(at + 24, size, true);
    view.setUint32(view.getUint32(at + 42, true) + 22, size, true);
    patched = true;
  }
  if (!patched) throw new Error(`no entry ${entry}`);
  return out;
}
