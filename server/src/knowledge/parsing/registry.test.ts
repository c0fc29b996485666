import { describe, expect, it } from 'vitest';
import { DEFAULT_PARSE_LIMITS } from './parsedDocument.js';
import { parseDocument, parserFor, SUPPORTED_EXTENSIONS } from './registry.js';
import { buildDocx, buildPdf, buildPptx, buildXlsx, encode, failureCode, zipOf } from './testFixtures.js';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const utf16 = (text: string): number[] => [...text].flatMap((ch) => [ch.charCodeAt(0), 0]);

describe('parserFor', () => {
  it('trusts content signatures over file names', async () => {
    const pdf = await buildPdf([[{ text: 'Refunds take five days.', size: 11 }]]);
    expect(parserFor({ bytes: pdf, fileName: 'looks-like.txt' }).format).toBe('pdf');
    expect(parserFor({ bytes: await buildDocx([{ style: 'p', text: 'Hi' }]), fileName: 'upload.bin' }).format).toBe('docx');
    expect(parserFor({ bytes: await buildPptx([{ bullets: ['Hi'] }]), fileName: 'upload' }).format).toBe('pptx');
    expect(parserFor({ bytes: await buildXlsx([{ name: 'A', rows: [['Hi']] }]), fileName: 'upload.zip' }).format).toBe('xlsx');
    expect(parserFor({ bytes: encode('<!DOCTYPE html><html><body>Hi</body></html>'), fileName: 'page' }).format).toBe('html');
  });

  it('falls back to the extension, then to the URL path', () => {
    expect(parserFor({ bytes: encode('a,b'), fileName: 'Prices.CSV' }).format).toBe('csv');
    expect(parserFor({ bytes: encode('# Hi'), fileName: '', url: 'https://help.harborlane.example/docs/returns.md?v=2' }).format).toBe(
      'markdown',
    );
    expect(SUPPORTED_EXTENSIONS).toEqual(expect.arrayContaining(['pdf', 'docx', 'pptx', 'xlsx', 'csv', 'html', 'md', 'txt']));
  });

  it('refuses unknown formats, plain zips and legacy Office files as UNSUPPORTED_FORMAT', async () => {
    expect(() => parserFor({ bytes: encode('MZ...'), fileName: 'setup.exe' })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_FORMAT' }),
    );
    expect(() => parserFor({ bytes: encode('hello'), fileName: 'no-extension' })).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_FORMAT' }),
    );
    const zip = await zipOf({ 'notes.txt': 'hello' });
    expect(() => parserFor({ bytes: zip, fileName: 'archive.txt' })).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_FORMAT' }));
    const legacyDoc = Uint8Array.from([...OLE, ...new Array<number>(600).fill(0), ...utf16('WordDocument')]);
    expect(() => parserFor({ bytes: legacyDoc, fileName: 'old.doc' })).toThrow(expect.objectContaining({ code: 'UNSUPPORTED_FORMAT' }));
  });

  it('recognises a password-protected Office file (an encrypted package in OLE) as ENCRYPTED', () => {
    const encrypted = Uint8Array.from([
      ...OLE,
      ...new Array<number>(600).fill(0),
      ...utf16('EncryptionInfo'),
      0,
      0,
      ...utf16('EncryptedPackage'),
    ]);
    expect(() => parserFor({ bytes: encrypted, fileName: 'secret.docx' })).toThrow(expect.objectContaining({ code: 'ENCRYPTED' }));
  });
});

describe('parseDocument limits', () => {
  it('reports a 0-byte file as EMPTY', async () => {
    expect(await failureCode(parseDocument({ bytes: new Uint8Array(0), fileName: 'empty.pdf' }))).toBe('EMPTY');
  });

  it('reports a file over maxBytes as TOO_LARGE before looking at it', async () => {
    const limits = { ...DEFAULT_PARSE_LIMITS, maxBytes: 16 };
    expect(await failureCode(parseDocument({ bytes: encode('x'.repeat(17)), fileName: 'big.unknown' }, limits))).toBe('TOO_LARGE');
  });

  it('reports text beyond maxExtractedChars as TOO_LARGE, for every kind of parser', async () => {
    const limits = { ...DEFAULT_PARSE_LIMITS, maxExtractedChars: 40 };
    const long = 'Refunds are issued to the original card within five days. '.repeat(3);
    expect(await failureCode(parseDocument({ bytes: encode(long), fileName: 'a.txt' }, limits))).toBe('TOO_LARGE');
    expect(await failureCode(parseDocument({ bytes: await buildDocx([{ style: 'p', text: long }]), fileName: 'a.docx' }, limits))).toBe(
      'TOO_LARGE',
    );
    const pdf = await buildPdf([[{ text: long.slice(0, 60), size: 11 }], [{ text: long.slice(0, 60), size: 11 }]]);
    expect(await failureCode(parseDocument({ bytes: pdf, fileName: 'a.pdf' }, limits))).toBe('TOO_LARGE');
  });

  it('names the format and a short reason when a parser fails unexpectedly', async () => {
    const broken = await zipOf({ 'word/document.xml': '<w:document><w:body><w:p>' });
    await expect(parseDocument({ bytes: broken, fileName: 'broken.docx' })).rejects.toMatchObject({
      name: 'IngestError',
      code: 'CORRUPT',
      message: expect.stringMatching(/^The docx file could not be read/),
    });
  });
});

describe('parseDocument on damaged input', () => {
  it('only ever fails with a typed IngestError, whatever bytes are flipped or cut', async () => {
    const seeds: [string, Uint8Array][] = [
      ['a.pdf', await buildPdf([[{ text: 'Refunds take five days.', size: 11 }]], 'Refunds')],
      [
        'a.docx',
        await buildDocx([
          { style: 'Heading1', text: 'Refunds' },
          { style: 'p', text: 'Refunds take five days.' },
        ]),
      ],
      ['a.pptx', await buildPptx([{ title: 'Refunds', bullets: ['Five days'], notes: 'Say it twice.' }])],
      [
        'a.xlsx',
        await buildXlsx([
          {
            name: 'Plans',
            rows: [
              ['Plan', 'Days'],
              ['Basic', 30],
            ],
          },
        ]),
      ],
      ['a.html', encode('<html><body><h1>Refunds</h1><p>Refunds take five days.</p></body></html>')],
      ['a.md', encode('# Refunds\n\n| Plan | Days |\n|---|---|\n| Basic | 30 |\n')],
    ];
    let seed = 42;
    const random = (below: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return Math.floor((seed / 2 ** 31) * below);
    };
    for (const [fileName, bytes] of seeds) {
      for (let round = 0; round < 25; round++) {
        const damaged = bytes.slice(0, round % 5 === 0 ? random(bytes.length) + 1 : bytes.length);
        for (let flip = 0; flip < 4; flip++) damaged[random(damaged.length)] = random(256);
        const outcome = await failureCode(parseDocument({ bytes: damaged, fileName }));
        expect(outcome).not.toMatch(/^untyped/);
      }
    }
  });
});
