import { describe, expect, it } from 'vitest';
import { parseDocument } from './registry.js';
import { buildXlsx, failureCode, withDeclaredSize, zipOf } from './testFixtures.js';

describe('xlsxParser', () => {
  it('writes a heading per visible sheet and one header-keyed row per line, with dates, percentages and booleans as shown', async () => {
    const bytes = await buildXlsx([
      {
        name: 'Refund windows',
        rows: [
          ['Plan', 'Window (days)', 'Since', 'Restocking fee', 'Online only'],
          ['Basic', 30, { date: 45292 }, { percent: 0.15 }, true],
          ['Plus', 60, { date: 45306.5 }, { percent: 0 }, false],
          ['', '', '', '', ''],
          ['Gift', 0.1 + 0.2, '', '', ''],
        ],
      },
      { name: 'Internal lookup', hidden: true, rows: [['Code'], ['HL-42']] },
      { name: 'Contacts', rows: [['Returns desk: returns@harborlane.example']] },
    ]);
    const doc = await parseDocument({ bytes, fileName: 'refunds.xlsx' });
    expect(doc.title).toBe('Refund windows');
    expect(doc.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Refund windows' },
      { kind: 'tableRow', text: 'Plan: Basic | Window (days): 30 | Since: 2024-01-01 | Restocking fee: 15% | Online only: TRUE' },
      { kind: 'tableRow', text: 'Plan: Plus | Window (days): 60 | Since: 2024-01-15 12:00 | Restocking fee: 0% | Online only: FALSE' },
      { kind: 'tableRow', text: 'Plan: Gift | Window (days): 0.3' },
      { kind: 'heading', level: 1, text: 'Contacts' },
      { kind: 'tableRow', text: 'Returns desk: returns@harborlane.example' },
    ]);
  });

  it('places cells by their references, so a gap in a row does not shift later values under the wrong header', async () => {
    const sheet = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Item</t></is></c><c r="C1" t="inlineStr"><is><t>Note</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Boots</t></is></c><c r="C2" t="inlineStr"><is><t>Final sale</t></is></c></row></sheetData></worksheet>`;
    const bytes = await zipOf({
      'xl/workbook.xml': '<workbook><sheets><sheet name="Items" sheetId="1"/></sheets></workbook>',
      'xl/worksheets/sheet1.xml': sheet,
    });
    const doc = await parseDocument({ bytes, fileName: 'items.xlsx' });
    expect(doc.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Items' },
      { kind: 'tableRow', text: 'Item: Boots | Note: Final sale' },
    ]);
  });

  it('refuses a sheet whose directory entry declares a huge size (ZIP_BOMB)', async () => {
    const bytes = await buildXlsx([{ name: 'Refunds', rows: [['Plan'], ['Basic']] }]);
    const bomb = withDeclaredSize(bytes, 'xl/worksheets/sheet1.xml', 200 * 1024 * 1024);
    expect(await failureCode(parseDocument({ bytes: bomb, fileName: 'bomb.xlsx' }))).toBe('ZIP_BOMB');
  });

  it('reports a package without a workbook as CORRUPT', async () => {
    expect(await failureCode(parseDocument({ bytes: await zipOf({ 'xl/other.xml': '<x/>' }), fileName: 'odd.xlsx' }))).toBe('CORRUPT');
  });
});
