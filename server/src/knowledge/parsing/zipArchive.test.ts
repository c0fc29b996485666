import { describe, expect, it } from 'vitest';
import { DEFAULT_PARSE_LIMITS } from './parsedDocument.js';
import { encode, failureCode, withDeclaredSize, zipOf } from './testFixtures.js';
import { ZipArchive, zipEntryNames } from './zipArchive.js';

describe('ZipArchive', () => {
  it('lists entries and reads them back', async () => {
    const bytes = await zipOf({ 'a/one.xml': '<one/>', 'two.txt': 'Refunds take five days.' });
    // JSZip writes an entry for the folder too.
    expect(zipEntryNames(bytes)).toEqual(['a/', 'a/one.xml', 'two.txt']);
    const zip = ZipArchive.open(bytes, DEFAULT_PARSE_LIMITS);
    expect(await zip.readText('two.txt')).toBe('Refunds take five days.');
    expect(await zip.readText('missing')).toBeUndefined();
  });

  it('stops inflating at the declared size when an entry lies about it', async () => {
    const bytes = withDeclaredSize(await zipOf({ 'big.bin': new Uint8Array(2 * 1024 * 1024) }), 'big.bin', 10);
    const zip = ZipArchive.open(bytes, DEFAULT_PARSE_LIMITS);
    await expect(zip.read('big.bin')).rejects.toMatchObject({
      code: 'ZIP_BOMB',
      message: expect.stringContaining('beyond its declared size'),
    });
  });

  it('refuses encrypted entries, and reports damage and non-zips', async () => {
    const bytes = await zipOf({ 'secret.txt': 'hidden' });
    const flagged = bytes.slice();
    const view = new DataView(flagged.buffer);
    for (let at = 0; at + 4 < flagged.length; at++) {
      if (view.getUint32(at, true) === 0x02014b50) view.setUint16(at + 8, view.getUint16(at + 8, true) | 1, true);
    }
    expect(await failureCode(Promise.resolve().then(() => ZipArchive.open(flagged, DEFAULT_PARSE_LIMITS)))).toBe('ENCRYPTED');
    expect(
      await failureCode(Promise.resolve().then(() => ZipArchive.open(encode('PK\u0003\u0004 but nothing else'), DEFAULT_PARSE_LIMITS))),
    ).toBe('CORRUPT');
    expect(zipEntryNames(encode('not a zip'))).toBeUndefined();
  });
});
