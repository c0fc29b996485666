import { describe, expect, it } from 'vitest';
import { parseDocument } from './registry.js';
import { encode, failureCode } from './testFixtures.js';

describe('csvParser', () => {
  it('keys each row by the header row, keeps quoted commas, and skips blank lines and empty values', async () => {
    const csv = 'Plan,Refund window,Notes\r\nBasic,30 days,"Unworn items, tags on"\r\n\r\nPlus,60 days,\r\n';
    const doc = await parseDocument({ bytes: encode(csv), fileName: 'plans.csv' });
    expect(doc.title).toBe('plans');
    expect(doc.blocks).toEqual([
      { kind: 'tableRow', text: 'Plan: Basic | Refund window: 30 days | Notes: Unworn items, tags on' },
      { kind: 'tableRow', text: 'Plan: Plus | Refund window: 60 days' },
    ]);
  });

  it('detects semicolons, reads TSV, and keeps a header-only file as one row', async () => {
    const semicolons = await parseDocument({
      bytes: encode('Country;Return address\nIreland;12 Quay Street, Cork\n'),
      fileName: 'addresses.csv',
    });
    expect(semicolons.blocks).toEqual([{ kind: 'tableRow', text: 'Country: Ireland | Return address: 12 Quay Street, Cork' }]);
    const tsv = await parseDocument({ bytes: encode('Code\tMeaning\nRT1\tReturn received\n'), fileName: 'codes.tsv' });
    expect(tsv.blocks).toEqual([{ kind: 'tableRow', text: 'Code: RT1 | Meaning: Return received' }]);
    const headerOnly = await parseDocument({ bytes: encode('Refunds are processed on weekdays\n'), fileName: 'one.csv' });
    expect(headerOnly.blocks).toEqual([{ kind: 'tableRow', text: 'Refunds are processed on weekdays' }]);
  });

  it('refuses binary data named .csv', async () => {
    expect(await failureCode(parseDocument({ bytes: Uint8Array.from([0x50, 0x00, 0x01, 0x02]), fileName: 'x.csv' }))).toBe(
      'BINARY_CONTENT',
    );
  });
});
