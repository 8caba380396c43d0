import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { setUpWorkbook } from '../../src/addon/setup';
import { dayOf, instantOf } from '../../src/domain/dates';
import { LocalGoogle } from '../../src/local/backend';
import { Execution } from '../../src/local/execution';
import { withGlobals } from '../../src/local/inprocess';
import { buildSample } from '../../src/local/sample';
import { SpreadsheetModel } from '../../src/local/services/spreadsheet';
import {
  readXlsx,
  readXlsxBuffer,
  readXlsxWithExtras,
  writeXlsx,
  writeXlsxBuffer,
} from '../../src/local/xlsx';

const TZ = 'Asia/Shanghai';

function sampleModel(): SpreadsheetModel {
  const m = new SpreadsheetModel('ss-123', '外联部 Workbook', TZ, 'zh_CN');
  const s = m.addSheet('Contacts');
  ['ID', 'Name', 'Amount', 'Active', 'Met on', 'Code', 'Total', 'Stage', 'Broken'].forEach((h, i) => {
    s.set(1, i + 1, h);
    s.fontWeights.set(`1,${i + 1}`, 'bold');
  });
  s.frozenRows = 1;
  // Row 2: midnight in Shanghai is the previous day in UTC — the classic off-by-one.
  s.set(2, 1, 'C-0001');
  s.set(2, 2, '李明');
  s.set(2, 3, 1234.5);
  s.set(2, 4, true);
  s.set(2, 5, instantOf('2026-03-01', TZ));
  s.numberFormats.set('2,5', 'yyyy-MM-dd');
  s.set(2, 6, '00123');
  s.numberFormats.set('2,6', '@');
  s.set(2, 7, 1235.5);
  s.formulas.set('2,7', '=C2+1');
  s.set(2, 8, '洽谈中');
  s.set(2, 9, '#NAME?');
  s.formulas.set('2,9', '=NOSUCH(1)');
  // Row 3: formula-like text stored as text, a date-time, false.
  s.set(3, 1, 'C-0002');
  s.set(3, 2, '=SUM(A1)');
  s.set(3, 3, '+86 138 0000 0000');
  s.set(3, 4, false);
  s.set(3, 5, instantOf('2026-03-15', TZ, 14, 30));
  s.set(3, 8, '<img src=x onerror=alert(1)>');
  s.notes.set('3,2', 'Typed by a user: must stay text');
  s.backgrounds.set('1,1', '#fce5cd');
  s.maxRows = 500;
  s.maxColumns = 12;
  s.setValidation(2, 4, 500, 4, { criteria: 'CHECKBOX', args: [], allowInvalid: false, helpText: '' });
  s.setValidation(2, 8, 500, 8, {
    criteria: 'VALUE_IN_LIST',
    args: [['Prospect', '洽谈中', 'Signed', 'Lost'], true],
    allowInvalid: false,
    helpText: 'Pick a stage',
  });
  s.setValidation(2, 5, 500, 5, {
    criteria: 'DATE_IS_VALID_DATE',
    args: [],
    allowInvalid: true,
    helpText: '',
  });
  s.setValidation(2, 3, 500, 3, {
    criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    args: [0],
    allowInvalid: false,
    helpText: '',
  });
  const audit = m.addSheet('Audit');
  audit.hidden = true;
  audit.set(1, 1, 'When');
  audit.tabColor = '#999999';
  m.namedRanges.set('AuditLog', { sheetId: audit.id, r1: 1, c1: 1, r2: 1000, c2: 5 });
  m.protections.push({ id: 1, sheetId: audit.id, range: null, description: 'Audit log', warningOnly: true });
  return m;
}

const dir = mkdtempSync(join(tmpdir(), 'od-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('xlsx round trip', () => {
  // The machine's zone must not matter: the same file reads the same on each.
  for (const machineZone of ['UTC', 'America/Los_Angeles']) {
    it(`keeps values, formulas, formats and validations (machine in ${machineZone})`, async () => {
      const saved = process.env.TZ;
      process.env.TZ = machineZone;
      try {
        const original = sampleModel();
        const path = join(dir, `rt-${machineZone.replace('/', '_')}.xlsx`);
        await writeXlsx(original, path);
        const back = await readXlsx(path);

        expect(back.id).toBe('ss-123');
        expect(back.name).toBe('外联部 Workbook');
        expect(back.timeZone).toBe(TZ);
        expect(back.locale).toBe('zh_CN');
        expect(back.revision).toBe(0);
        expect(back.sheets.map((s) => s.name)).toEqual(['Contacts', 'Audit']);

        const s = back.sheetByName('Contacts')!;
        const o = original.sheetByName('Contacts')!;
        for (let r = 1; r <= 3; r++) {
          for (let c = 1; c <= 9; c++) {
            const a = o.get(r, c);
            const b = s.get(r, c);
            if (a instanceof Date) {
              expect(b, `${r},${c}`).toBeInstanceOf(Date);
              expect((b as Date).toISOString(), `${r},${c}`).toBe(a.toISOString());
            } else {
              expect(b, `${r},${c}`).toBe(a);
            }
          }
        }
        expect(dayOf(s.get(2, 5) as Date, TZ)).toBe('2026-03-01');
        // Formula-like text stays a value, not a formula.
        expect(s.get(3, 2)).toBe('=SUM(A1)');
        expect(s.formulas.has('3,2')).toBe(false);
        expect(s.formulas.get('2,7')).toBe('=C2+1');
        expect(s.formulas.get('2,9')).toBe('=NOSUCH(1)');
        expect(s.get(2, 9)).toBe('#NAME?');
        expect(s.numberFormats.get('2,6')).toBe('@');
        expect(s.numberFormats.get('2,5')).toBe('yyyy-MM-dd');
        expect(s.numberFormats.has('3,5')).toBe(false);
        expect(s.fontWeights.get('1,3')).toBe('bold');
        expect(s.backgrounds.get('1,1')).toBe('#fce5cd');
        expect(s.notes.get('3,2')).toBe('Typed by a user: must stay text');
        expect(s.frozenRows).toBe(1);
        expect(s.maxRows).toBe(500);
        expect(s.maxColumns).toBe(12);
        expect(s.hidden).toBe(false);

        expect(s.validationAt(2, 4)).toMatchObject({ criteria: 'CHECKBOX', allowInvalid: false });
        expect(s.validationAt(500, 4)).toMatchObject({ criteria: 'CHECKBOX' });
        expect(s.validationAt(1, 4)).toBeNull();
        expect(s.validationAt(2, 8)).toEqual({
          criteria: 'VALUE_IN_LIST',
          args: [['Prospect', '洽谈中', 'Signed', 'Lost'], true],
          allowInvalid: false,
          helpText: 'Pick a stage',
        });
        expect(s.validationAt(3, 5)).toMatchObject({ criteria: 'DATE_IS_VALID_DATE', allowInvalid: true });
        expect(s.validationAt(3, 3)).toMatchObject({
          criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
          args: [0],
        });
        expect(s.validationAt(3, 2)).toBeNull();

        const audit = back.sheetByName('Audit')!;
        expect(audit.hidden).toBe(true);
        expect(audit.tabColor).toBe('#999999');
        expect(back.namedRanges.get('AuditLog')).toEqual({
          sheetId: audit.id,
          r1: 1,
          c1: 1,
          r2: 1000,
          c2: 5,
        });
        expect(back.protections).toHaveLength(1);
        expect(back.protections[0]).toMatchObject({
          sheetId: audit.id,
          description: 'Audit log',
          warningOnly: true,
        });
      } finally {
        if (saved === undefined) delete process.env.TZ;
        else process.env.TZ = saved;
      }
    });
  }

  it('reads back through the SpreadsheetApp emulation as Sheets shows it', async () => {
    const back = await readXlsxBuffer(await writeXlsxBuffer(sampleModel()));
    const google = new LocalGoogle();
    google.spreadsheets.set(back.id, back);
    const x = new Execution(google, { spreadsheetId: back.id });
    const ss = (
      x.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp
    ).getActiveSpreadsheet();
    const sheet = ss.getSheetByName('Contacts')!;
    expect(sheet.getRange(2, 5).getDisplayValue()).toBe('2026-03-01');
    expect(sheet.getRange(3, 2).getValue()).toBe('=SUM(A1)');
    expect(sheet.getRange(3, 2).getFormulas()[0]![0]).toBe('');
    const rule = sheet.getRange(10, 8).getDataValidation()!;
    expect(String(rule.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(rule.getCriteriaValues()).toEqual([['Prospect', '洽谈中', 'Signed', 'Lost'], true]);
    // Typing into an '@' cell keeps the text as typed.
    sheet.getRange(2, 6).setValue('007');
    expect(sheet.getRange(2, 6).getValue()).toBe('007');
  });

  it('a tampered list in Excel is read from the file, not from the recorded rule', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeXlsxBuffer(sampleModel())) as any);
    const ws = wb.getWorksheet('Contacts')!;
    (ws as any).dataValidations.add('H2:H500', {
      type: 'list',
      allowBlank: true,
      showErrorMessage: true,
      formulae: ['"Prospect,Signed"'],
    });
    const back = await readXlsxBuffer(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    expect(back.sheetByName('Contacts')!.validationAt(7, 8)).toMatchObject({
      criteria: 'VALUE_IN_LIST',
      args: [['Prospect', 'Signed'], true],
    });
  });
});

describe('xlsx files without Outreach Desk metadata (exported from Google Sheets)', () => {
  async function googleExport(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Meetings', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.getCell('A1').value = 'Date';
    ws.getCell('B1').value = 'Stage';
    ws.getCell('C1').value = 'Done';
    ws.getCell('D1').value = 'Sum';
    // Excel stores wall clocks: 2026-03-01 00:00 and 2026-03-01 09:15.
    ws.getCell('A2').value = new Date(Date.UTC(2026, 2, 1));
    ws.getCell('A2').numFmt = 'yyyy-mm-dd';
    ws.getCell('A3').value = new Date(Date.UTC(2026, 2, 1, 9, 15));
    ws.getCell('A3').numFmt = 'yyyy-mm-dd hh:mm';
    ws.getCell('B2').value = { richText: [{ text: '签' }, { text: '约' }] };
    ws.getCell('C2').value = true;
    ws.getCell('D2').value = { formula: 'SUM(1,2)', result: 3 } as ExcelJS.CellFormulaValue;
    (ws as any).dataValidations.add('B2:B100', {
      type: 'list',
      allowBlank: true,
      showErrorMessage: true,
      formulae: ['"签约,Lost"'],
    });
    (ws as any).dataValidations.add('C2:C100', {
      type: 'list',
      allowBlank: true,
      formulae: ['"TRUE,FALSE"'],
    });
    const hidden = wb.addWorksheet('Lists', { state: 'hidden' });
    hidden.getCell('A1').value = 'x';
    return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  }

  it('reads wall clocks in the time zone given, lists, checkboxes, formulas and hidden sheets', async () => {
    const m = await readXlsxBuffer(await googleExport(), { timeZone: TZ, id: 'imported', name: 'Export' });
    expect(m.id).toBe('imported');
    expect(m.name).toBe('Export');
    expect(m.timeZone).toBe(TZ);
    const s = m.sheetByName('Meetings')!;
    expect((s.get(2, 1) as Date).toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect((s.get(3, 1) as Date).toISOString()).toBe('2026-03-01T01:15:00.000Z');
    expect(s.get(2, 2)).toBe('签约');
    expect(s.get(2, 3)).toBe(true);
    expect(s.get(2, 4)).toBe(3);
    expect(s.formulas.get('2,4')).toBe('=SUM(1,2)');
    expect(s.frozenRows).toBe(1);
    expect(s.validationAt(50, 2)).toMatchObject({
      criteria: 'VALUE_IN_LIST',
      args: [['签约', 'Lost'], true],
      allowInvalid: false,
    });
    expect(s.validationAt(50, 3)).toMatchObject({ criteria: 'CHECKBOX', allowInvalid: true });
    expect(s.validationAt(101, 2)).toBeNull();
    expect(m.sheetByName('Lists')!.hidden).toBe(true);
  });

  it('the same file read for another zone gives that zone’s instants', async () => {
    const m = await readXlsxBuffer(await googleExport(), { timeZone: 'Europe/London' });
    expect((m.sheetByName('Meetings')!.get(2, 1) as Date).toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });
});

describe('the sample department through .xlsx', () => {
  it('reads back cell for cell, and "Set up workbook" then finds nothing to change', async () => {
    const google = new LocalGoogle();
    google.setNow(new Date('2026-11-23T04:00:00Z'));
    const original = buildSample(google, { id: 'sample' });
    const back = await readXlsxBuffer(await writeXlsxBuffer(original));
    expect(back.sheets.map((s) => [s.name, s.hidden, s.frozenRows, s.lastRow(), s.lastColumn()])).toEqual(
      original.sheets.map((s) => [s.name, s.hidden, s.frozenRows, s.lastRow(), s.lastColumn()]),
    );
    for (const o of original.sheets) {
      const b = back.sheetByName(o.name)!;
      for (let r = 1; r <= o.lastRow(); r++) {
        for (let c = 1; c <= o.lastColumn(); c++) {
          const x = o.get(r, c);
          const y = b.get(r, c);
          expect(x instanceof Date ? x.getTime() : x, `${o.name}!${r},${c}`).toEqual(
            y instanceof Date ? y.getTime() : y,
          );
        }
      }
    }
    const g2 = new LocalGoogle();
    g2.spreadsheets.set(back.id, back);
    const report = withGlobals(new Execution(g2, { spreadsheetId: back.id }), () =>
      setUpWorkbook(SpreadsheetApp.getActiveSpreadsheet()),
    );
    expect(report).toMatchObject({
      createdSheets: [],
      addedColumns: [],
      validationsSet: [],
      frozen: [],
      seededSettings: [],
      seededTemplates: 0,
    });
  });
});

describe('document properties kept with the file', () => {
  it('round-trips them; files without them read as none', async () => {
    const props = new Map([
      ['od.nextId.Sponsors', '41'],
      ['note', '外联 "quoted" =1+1'],
    ]);
    const withProps = await readXlsxWithExtras(
      await writeXlsxBuffer(sampleModel(), { documentProperties: props }),
    );
    expect([...withProps.documentProperties]).toEqual([...props]);
    const without = await readXlsxWithExtras(await writeXlsxBuffer(sampleModel()));
    expect(without.documentProperties.size).toBe(0);
  });
});

describe('what Sheets allows but Excel does not', () => {
  it('keeps long and bracketed sheet names, drops XML-invalid control characters, survives an invalid date', async () => {
    const m = new SpreadsheetModel('edge', 'Edge', TZ);
    const long = m.addSheet('Sponsors contacted during the 2026 autumn term');
    const long2 = m.addSheet('Sponsors contacted during the 2026 autumn term (copy)');
    m.addSheet('Q1: [draft]?');
    long.set(1, 1, 'bell\u0007 and vertical\u000btab\tand\nnewline');
    long.set(2, 1, new Date(Number.NaN));
    long.set(3, 1, 'after');
    long.setValidation(2, 2, 50, 2, { criteria: 'CHECKBOX', args: [], allowInvalid: false, helpText: '' });
    long2.set(1, 1, 'second');
    m.namedRanges.set('Contacted', { sheetId: long2.id, r1: 1, c1: 1, r2: 5, c2: 1 });
    const back = await readXlsxBuffer(await writeXlsxBuffer(m));
    expect(back.sheets.map((s) => s.name)).toEqual(m.sheets.map((s) => s.name));
    const a = back.sheets[0]!;
    expect(a.get(1, 1)).toBe('bell and verticaltab\tand\nnewline');
    expect(a.get(2, 1)).toBe('');
    expect(a.get(3, 1)).toBe('after');
    expect(a.validationAt(10, 2)).toMatchObject({ criteria: 'CHECKBOX' });
    expect(back.sheets[1]!.get(1, 1)).toBe('second');
    expect(back.namedRanges.get('Contacted')?.sheetId).toBe(back.sheets[1]!.id);
  });
});
