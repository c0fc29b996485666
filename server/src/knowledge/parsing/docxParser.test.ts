import { describe, expect, it } from 'vitest';
import { DEFAULT_PARSE_LIMITS } from './parsedDocument.js';
import { parseDocument } from './registry.js';
import { buildDocx, docxParts, failureCode, withDeclaredSize, zipOf } from './testFixtures.js';

describe('docxParser', () => {
  it('keeps headings, paragraphs, bullet and numbered items and table rows, with title and language from the core properties', async () => {
    const bytes = await buildDocx(
      [
        { style: 'Title', text: 'Returns Handbook' },
        { style: 'Heading1', text: 'Refund window' },
        { style: 'p', text: 'Unworn items can be returned within 30 days of delivery.' },
        { style: 'Heading2', text: 'What to include' },
        { style: 'bullet', text: 'The packing slip' },
        { style: 'bullet', text: 'All original tags' },
        { style: 'number', text: 'Open the order page' },
        { style: 'number', text: 'Choose Return items' },
        {
          style: 'table',
          rows: [
            ['Plan', 'Window'],
            ['Basic', '30 days'],
          ],
        },
      ],
      { title: 'Harbor Lane Returns Handbook', language: 'en-GB' },
    );
    const doc = await parseDocument({ bytes, fileName: 'handbook.docx' });
    expect(doc.title).toBe('Harbor Lane Returns Handbook');
    expect(doc.language).toBe('en-GB');
    expect(doc.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Returns Handbook' },
      { kind: 'heading', level: 1, text: 'Refund window' },
      { kind: 'paragraph', text: 'Unworn items can be returned within 30 days of delivery.' },
      { kind: 'heading', level: 2, text: 'What to include' },
      { kind: 'listItem', text: 'The packing slip' },
      { kind: 'listItem', text: 'All original tags' },
      { kind: 'listItem', text: '1. Open the order page' },
      { kind: 'listItem', text: '2. Choose Return items' },
      { kind: 'tableRow', text: 'Plan | Window' },
      { kind: 'tableRow', text: 'Basic | 30 days' },
    ]);
  });

  it('takes the first top heading as the title when the core properties have none', async () => {
    const bytes = await buildDocx([
      { style: 'Heading1', text: 'Shipping times' },
      { style: 'p', text: 'Orders ship within two business days.' },
    ]);
    expect((await parseDocument({ bytes, fileName: 'x.docx' })).title).toBe('Shipping times');
  });

  it('refuses a directory that declares 300 MB before inflating anything (ZIP_BOMB)', async () => {
    const bytes = withDeclaredSize(
      await buildDocx([{ style: 'p', text: 'Refunds take five days.' }]),
      'word/document.xml',
      300 * 1024 * 1024,
    );
    expect(await failureCode(parseDocument({ bytes, fileName: 'bomb.docx' }))).toBe('ZIP_BOMB');
  });

  it('refuses an entry compressed far beyond 100:1 (ZIP_BOMB)', async () => {
    const parts = docxParts([{ style: 'p', text: 'Refunds take five days.' }]);
    const bytes = await zipOf({ ...parts, 'word/media/padding.bin': new Uint8Array(4 * 1024 * 1024) });
    expect(await failureCode(parseDocument({ bytes, fileName: 'bomb.docx' }))).toBe('ZIP_BOMB');
  });

  it('refuses an entry that inflates past the size it declares, without inflating it all (ZIP_BOMB)', async () => {
    const parts = docxParts([{ style: 'p', text: 'Refunds take five days.' }]);
    const honest = await zipOf({ ...parts, 'word/media/padding.bin': new Uint8Array(4 * 1024 * 1024) });
    const bytes = withDeclaredSize(honest, 'word/media/padding.bin', 1000);
    expect(await failureCode(parseDocument({ bytes, fileName: 'liar.docx' }))).toBe('ZIP_BOMB');
  });

  it('counts declared sizes against maxUncompressedBytes', async () => {
    const bytes = await buildDocx([{ style: 'p', text: 'Refunds take five days.' }]);
    const limits = { ...DEFAULT_PARSE_LIMITS, maxUncompressedBytes: 500 };
    expect(await failureCode(parseDocument({ bytes, fileName: 'small.docx' }, limits))).toBe('ZIP_BOMB');
  });

  it('reports a damaged archive, a zip without a Word document, and unreadable document XML as CORRUPT', async () => {
    const good = await buildDocx([{ style: 'p', text: 'Refunds take five days.' }]);
    const cut = good.slice(0, good.length - 30);
    expect(await failureCode(parseDocument({ bytes: cut, fileName: 'cut.docx' }))).toBe('CORRUPT');
    const notWord = await zipOf({ 'notes.txt': 'hello' });
    expect(await failureCode(parseDocument({ bytes: notWord, fileName: 'other.docx' }))).toBe('CORRUPT');
    const badXml = await zipOf({ ...docxParts([]), 'word/document.xml': '<w:document><w:body><w:p>' });
    expect(await failureCode(parseDocument({ bytes: badXml, fileName: 'bad.docx' }))).toBe('CORRUPT');
  });
});
