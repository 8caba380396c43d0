/**
 * Conformance: reading and writing cell values — what Range.getValues/setValues return and
 * store, how strings written by a script are interpreted ("user entered"), display values.
 */
import { describe, expect, it } from 'vitest';
import { isDate } from '../../src/domain/dates';
import { sheet, thrown } from './fixture';

describe('Range values', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()
  // "Returns a two-dimensional array of values, indexed by row, then by column ... Empty cells
  // are represented by an empty string in the array."
  it('getValues represents empty cells as empty strings', () => {
    const { sh } = sheet();
    sh.getRange('B2').setValue('x');
    expect(sh.getRange('A1:C2').getValues()).toEqual([
      ['', '', ''],
      ['', 'x', ''],
    ]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()
  // A single cell is still a two-dimensional array: [[value]].
  it('getValues is always two-dimensional, even for one cell', () => {
    const { sh } = sheet();
    sh.getRange(1, 1).setValue(42);
    const v = sh.getRange(1, 1).getValues();
    expect(v).toEqual([[42]]);
    expect(sh.getRange('A1:A3').getValues()).toEqual([[42], [''], ['']]);
    expect(sh.getRange('A1:C1').getValues()).toEqual([[42, '', '']]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#getValue()
  // "The value may be of type Number, Boolean, Date, or String ... Empty cells return an
  // empty string."
  it('getValue of a date cell is a Date, of an empty cell is ""', () => {
    const { sh } = sheet();
    sh.getRange('A1').setValue(new Date('2026-03-15T06:30:00Z'));
    const v = sh.getRange('A1').getValue();
    expect(isDate(v)).toBe(true);
    expect(sh.getRange('A2').getValue()).toBe('');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
  // and https://developers.google.com/apps-script/guides/sheets#dates_and_times : a Date is
  // stored as an instant and shown in the spreadsheet's time zone; the m/mm token is a month,
  // or minutes after h (https://developers.google.com/sheets/api/guides/formats#date_and_time_format_patterns).
  it('a Date written comes back as the same instant and displays in the spreadsheet time zone', () => {
    const { sh } = sheet('Asia/Shanghai');
    const d = new Date('2026-03-15T16:30:00Z'); // 00:30 on 16 March in Shanghai
    const r = sh.getRange('A1');
    r.setValue(d);
    expect((r.getValue() as Date).getTime()).toBe(d.getTime());
    r.setNumberFormat('yyyy-mm-dd hh:mm');
    expect(r.getDisplayValue()).toBe('2026-03-16 00:30');
    r.setNumberFormat('d mmm yyyy');
    expect(r.getDisplayValue()).toBe('16 Mar 2026');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
  // "If it begins with '=' it is interpreted as a formula."
  it("setValue('=1+1') makes a formula, visible in getFormulas", () => {
    const { sh } = sheet();
    sh.getRange('A1').setValue('=1+1');
    sh.getRange('A2').setValue('plain');
    expect(sh.getRange('A1:A2').getFormulas()).toEqual([['=1+1'], ['']]);
  });

  // A leading apostrophe forces text and is not part of the value:
  // https://support.google.com/docs/answer/3094038 (prefix with an apostrophe to keep text).
  it("a leading apostrophe keeps '=1+1 as the text =1+1, not a formula", () => {
    const { sh } = sheet();
    sh.getRange('A1').setValue("'=1+1");
    expect(sh.getRange('A1').getValue()).toBe('=1+1');
    expect(sh.getRange('A1').getFormulas()).toEqual([['']]);
  });

  // Text starting with + or - is read as a formula, as typed into Sheets (CSV/formula
  // injection: https://owasp.org/www-community/attacks/CSV_Injection). Numbers stay numbers.
  it('text starting with + or - becomes a formula unless it is a number', () => {
    const { sh } = sheet();
    sh.getRange('A1:A3').setValues([['+1+1'], ['- note'], ['-5']]);
    expect(sh.getRange('A1:A3').getFormulas()).toEqual([['=+1+1'], ['=- note'], ['']]);
    expect(sh.getRange('A3').getValue()).toBe(-5);
  });

  // Strings written by a script are parsed like typed input (valueInputOption USER_ENTERED):
  // https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption
  it("'123' becomes the number 123, 'TRUE' a boolean, '2026-03-15' a Date", () => {
    const { sh } = sheet('Asia/Shanghai');
    sh.getRange('A1:D1').setValues([['123', 'TRUE', '2026-03-15', '007']]);
    const [[n, b, d, z]] = sh.getRange('A1:D1').getValues();
    expect(n).toBe(123);
    expect(b).toBe(true);
    expect(isDate(d)).toBe(true);
    expect((d as Date).toISOString()).toBe('2026-03-14T16:00:00.000Z'); // midnight in Shanghai
    expect(z).toBe(7); // leading zeros are lost
  });

  // en_US input: thousands separators and percentages are numbers
  // (https://support.google.com/docs/answer/56470 — number formats by locale).
  it("'1,234' becomes 1234 and '50%' becomes 0.5", () => {
    const { sh } = sheet();
    sh.getRange('A1:B1').setValues([['1,234', '50%']]);
    expect(sh.getRange('A1:B1').getValues()).toEqual([[1234, 0.5]]);
  });

  // Plain text format '@' keeps what is written as a string:
  // https://developers.google.com/sheets/api/guides/formats#number_format_tokens ("@" text).
  it("plain-text number format '@' keeps strings as they are", () => {
    const { sh } = sheet();
    const r = sh.getRange('A1:D1');
    r.setNumberFormat('@');
    r.setValues([['007', 'TRUE', '2026-03-15', '=1+1']]);
    expect(r.getValues()).toEqual([['007', 'TRUE', '2026-03-15', '=1+1']]);
    expect(r.getFormulas()).toEqual([['', '', '', '']]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#getDisplayValues()
  // "The values are String objects. The displayed value takes into account date, time and
  // currency formatting ... Empty cells are represented by an empty string."
  it('getDisplayValues are strings, formatted by the number format', () => {
    const { sh } = sheet();
    const r = sh.getRange('A1:E1');
    r.setValues([[1234.5, true, '', 0.1 + 0.2, 3.5]]);
    sh.getRange('E1').setNumberFormat('0.00');
    expect(r.getDisplayValues()).toEqual([['1234.5', 'TRUE', '', '0.3', '3.50']]);
    sh.getRange('A1').setNumberFormat('#,##0');
    expect(sh.getRange('A1').getDisplayValue()).toBe('1,235');
    sh.getRange('A1').setNumberFormat('#,##0.00');
    expect(sh.getRange('A1').getDisplayValue()).toBe('1,234.50');
  });

  // A date typed as text keeps the shape it was typed in; a date written as a Date gets a
  // date-time format (https://developers.google.com/sheets/api/guides/formats#about_date_time_values).
  it('dates display with an automatic format when none is set', () => {
    const { sh } = sheet('Asia/Shanghai');
    sh.getRange('A1').setValue('2026-03-15');
    expect(sh.getRange('A1').getDisplayValue()).toBe('2026-03-15');
    sh.getRange('A2').setValue(new Date('2026-03-15T06:05:09Z'));
    expect(sh.getRange('A2').getDisplayValue()).toBe('3/15/2026 14:05:09');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
  // "Sets a rectangular grid of values (must match dimensions of this range)." Messages as
  // reported, e.g. https://github.com/alpatania/sassafras/issues/8
  it('setValues with the wrong number of rows throws, naming both counts', () => {
    const { sh } = sheet();
    expect(thrown(() => sh.getRange('A1:B3').setValues([[1, 2]]))).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    );
  });

  it('setValues with the wrong number of columns throws, naming both counts', () => {
    const { sh } = sheet();
    expect(
      thrown(() =>
        sh.getRange('A1:D2').setValues([
          [1, 2, 3, 4, 5],
          [1, 2, 3, 4, 5],
        ]),
      ),
    ).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 4.',
    );
  });

  // A cell holds at most 50,000 characters: https://support.google.com/drive/answer/37603
  // ("Google Sheets: ... 50,000 characters in a single cell").
  it('more than 50,000 characters in a cell throws, for setValue and appendRow', () => {
    const { sh } = sheet();
    const big = 'x'.repeat(50_001);
    const msg = 'Your input contains more than the maximum of 50000 characters in a single cell.';
    expect(thrown(() => sh.getRange('A1').setValue(big))).toBe(msg);
    expect(thrown(() => sh.appendRow(['ok', big]))).toBe(msg);
    expect(sh.getLastRow()).toBe(0); // nothing half-written
    sh.getRange('A1').setValue('x'.repeat(50_000));
    expect((sh.getRange('A1').getValue() as string).length).toBe(50_000);
  });

  // null / undefined / '' clear a cell (https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)).
  it('writing null or empty string clears a cell and its formula', () => {
    const { sh } = sheet();
    sh.getRange('A1:B1').setValues([['=1+1', 'x']]);
    sh.getRange('A1:B1').setValues([[null, '']]);
    expect(sh.getRange('A1:B1').getValues()).toEqual([['', '']]);
    expect(sh.getRange('A1:B1').getFormulas()).toEqual([['', '']]);
    expect(sh.getLastRow()).toBe(0);
  });
});
