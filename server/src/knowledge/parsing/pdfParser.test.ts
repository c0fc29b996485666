import { describe, expect, it } from 'vitest';
import { parseDocument } from './registry.js';
import { buildEncryptedPdf, buildImageOnlyPdf, buildPdf, failureCode, type PdfLineSpec } from './testFixtures.js';

const policyPages: PdfLineSpec[][] = [
  [
    { text: 'Harbor Lane Outfitters', size: 9 },
    { text: 'Refunds at Harbor Lane', size: 20, gap: 10 },
    { text: 'Customers may return unworn items within 30 days of delivery.', size: 11, gap: 10 },
    { text: 'We refund the original payment method once the parcel arrives.', size: 11 },
    { text: 'Starting a return', size: 15, gap: 14 },
    { text: '• Open the order page and choose Return items.', size: 11, gap: 6 },
    { text: '• Print the prepaid label and drop the parcel off.', size: 11 },
    { text: '1', size: 9, gap: 300 },
  ],
  [
    { text: 'Harbor Lane Outfitters', size: 9 },
    { text: 'Exchanges', size: 15, gap: 10 },
    { text: 'Exchanges for a different size are free of charge.', size: 11, gap: 6 },
    { text: '2', size: 9, gap: 400 },
  ],
  [
    { text: 'Harbor Lane Outfitters', size: 9 },
    { text: 'Store credit', size: 15, gap: 10 },
    { text: 'Store credit never expires and can be used online or in store.', size: 11, gap: 6 },
    { text: '3', size: 9, gap: 400 },
  ],
];

describe('pdfParser', () => {
  it('reads the title, headings by font size, paragraphs and bullets, and drops running headers and page numbers', async () => {
    const bytes = await buildPdf(policyPages, 'Harbor Lane Refund Policy');
    const doc = await parseDocument({ bytes, fileName: 'refund-policy.pdf' });
    expect(doc.title).toBe('Harbor Lane Refund Policy');
    expect(doc.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Refunds at Harbor Lane' },
      {
        kind: 'paragraph',
        text: 'Customers may return unworn items within 30 days of delivery. We refund the original payment method once the parcel arrives.',
      },
      { kind: 'heading', level: 2, text: 'Starting a return' },
      { kind: 'listItem', text: 'Open the order page and choose Return items.' },
      { kind: 'listItem', text: 'Print the prepaid label and drop the parcel off.' },
      { kind: 'heading', level: 2, text: 'Exchanges' },
      { kind: 'paragraph', text: 'Exchanges for a different size are free of charge.' },
      { kind: 'heading', level: 2, text: 'Store credit' },
      { kind: 'paragraph', text: 'Store credit never expires and can be used online or in store.' },
    ]);
  });

  it('falls back to the file name when the PDF has no Title', async () => {
    const bytes = await buildPdf([[{ text: 'Gift cards cannot be exchanged for cash.', size: 11 }]]);
    const doc = await parseDocument({ bytes, fileName: 'gift-cards.pdf' });
    expect(doc.title).toBe('gift-cards');
    expect(doc.blocks).toEqual([{ kind: 'paragraph', text: 'Gift cards cannot be exchanged for cash.' }]);
  });

  it('reports a truncated PDF as CORRUPT', async () => {
    const bytes = await buildPdf(policyPages, 'Harbor Lane Refund Policy');
    for (const cut of [0.5, 0.9]) {
      expect(await failureCode(parseDocument({ bytes: bytes.slice(0, Math.floor(bytes.length * cut)), fileName: 'cut.pdf' }))).toBe(
        'CORRUPT',
      );
    }
  });

  it('reports garbage behind a PDF signature as CORRUPT', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.7\nthis is not really a pdf at all\n%%EOF\n');
    expect(await failureCode(parseDocument({ bytes, fileName: 'fake.pdf' }))).toBe('CORRUPT');
  });

  it('reports a password-protected PDF as ENCRYPTED', async () => {
    expect(await failureCode(parseDocument({ bytes: buildEncryptedPdf(), fileName: 'locked.pdf' }))).toBe('ENCRYPTED');
  });

  it('reports a PDF without a text layer as NO_TEXT', async () => {
    expect(await failureCode(parseDocument({ bytes: await buildImageOnlyPdf(), fileName: 'scan.pdf' }))).toBe('NO_TEXT');
  });

  it('leaves the caller’s bytes usable (pdf.js may detach what it is given)', async () => {
    const bytes = await buildPdf([[{ text: 'Returns are free.', size: 11 }]]);
    await parseDocument({ bytes, fileName: 'a.pdf' });
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect((await parseDocument({ bytes, fileName: 'a.pdf' })).blocks).toHaveLength(1);
  });
});
