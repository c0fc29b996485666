import { describe, expect, it } from 'vitest';
import { decodeText } from './decodeText.js';
import { parseDocument } from './registry.js';
import { encode, failureCode } from './testFixtures.js';

describe('textParser', () => {
  it('splits paragraphs at blank lines, joins wrapped lines, and reads bullet lines as list items', async () => {
    const text =
      '\ufeffStore hours\r\n\r\nWe are open every day from nine\nin the morning until six.\n\n\n- Closed on New Year’s Day\n- Late opening on Thursdays\n';
    const doc = await parseDocument({ bytes: encode(text), fileName: 'notes/hours.txt' });
    expect(doc.title).toBe('hours');
    expect(doc.blocks).toEqual([
      { kind: 'paragraph', text: 'Store hours' },
      { kind: 'paragraph', text: 'We are open every day from nine in the morning until six.' },
      { kind: 'listItem', text: 'Closed on New Year’s Day' },
      { kind: 'listItem', text: 'Late opening on Thursdays' },
    ]);
  });

  it('refuses random binary named .txt as BINARY_CONTENT, not garbage text', async () => {
    let seed = 7;
    const random = Uint8Array.from({ length: 4096 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed >> 16) & 0xff);
    random[100] = 0;
    expect(await failureCode(parseDocument({ bytes: random, fileName: 'readme.txt' }))).toBe('BINARY_CONTENT');
  });

  it('refuses malformed UTF-8 as INVALID_UTF8', async () => {
    const bytes = Uint8Array.from([...encode('Refunds take '), 0xc3, 0x28, ...encode(' days')]);
    expect(await failureCode(parseDocument({ bytes, fileName: 'bad.txt' }))).toBe('INVALID_UTF8');
  });

  it('reports whitespace-only text as NO_TEXT', async () => {
    expect(await failureCode(parseDocument({ bytes: encode(' \n\t\n '), fileName: 'blank.txt' }))).toBe('NO_TEXT');
  });
});

describe('decodeText', () => {
  it('strips a UTF-8 BOM and reads UTF-16 with a BOM', () => {
    expect(decodeText(encode('\ufeffRefunds'))).toBe('Refunds');
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...'Café'].flatMap((ch) => [ch.charCodeAt(0), 0])]);
    expect(decodeText(utf16)).toBe('Café');
  });

  it('drops a few stray control characters but refuses text that is mostly controls', () => {
    expect(decodeText(encode('Refund\u0007 approved by the returns desk today'))).toBe('Refund approved by the returns desk today');
    expect(() => decodeText(Uint8Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? 0x01 : 0x41)))).toThrow(/binary/);
  });
});
