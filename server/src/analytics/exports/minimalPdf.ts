/**
 * A minimal, valid one-page PDF 1.4 of text lines (Helvetica, A4): enough for a summary table,
 * with no dependency. Byte offsets in the cross-reference table are computed from the ASCII body,
 * so readers open it without repair. Text outside printable ASCII becomes '?' (the standard font's
 * encoding is not UTF-8).
 */
export interface PdfLine {
  text: string;
  /** Points; default 11. */
  size?: number;
}

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const MARGIN = 56;
const MAX_LINES = 60;

const ascii = (s: string) => s.replace(/[^\x20-\x7e]/g, '?');
const escapeText = (s: string) => ascii(s).replace(/[\\()]/g, (c) => `\\${c}`);

export function minimalPdf(lines: readonly PdfLine[], title: string): Buffer {
  if (lines.length > MAX_LINES) throw new RangeError(`a one-page PDF holds at most ${MAX_LINES} lines`);
  let y = PAGE_HEIGHT - MARGIN;
  const ops: string[] = ['BT'];
  for (const line of lines) {
    const size = line.size ?? 11;
    y -= size * 1.5;
    ops.push(`/F1 ${size} Tf`, `1 0 0 1 ${MARGIN} ${y.toFixed(1)} Tm`, `(${escapeText(line.text)}) Tj`);
  }
  ops.push('ET');
  const content = ops.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    `<< /Title (${escapeText(title)}) /Producer (Tandem) >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, 'latin1');
  // Each xref entry is exactly 20 bytes: 10-digit offset, space, 5-digit generation, space, flag, CR LF.
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f\r\n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n\r\n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
