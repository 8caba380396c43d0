/**
 * Conformance: sheets and ranges — bounds, A1 notation, data extent, sheet management, rows
 * inserted and deleted, frozen rows.
 */
import { describe, expect, it } from 'vitest';
import { run, sheet, thrown, workbook } from './fixture';

describe('Sheet extent', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getLastRow()
  // "Returns the position of the last row that has content." — 0 when there is none.
  it('getLastRow() and getLastColumn() are 0 on an empty sheet', () => {
    const { sh } = sheet();
    expect(sh.getLastRow()).toBe(0);
    expect(sh.getLastColumn()).toBe(0);
    // A new sheet has 1000 rows and 26 columns:
    // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet()
    expect(sh.getMaxRows()).toBe(1000);
    expect(sh.getMaxColumns()).toBe(26);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getDataRange()
  // "functionally equivalent to creating a Range bounded by A1 and (getLastColumn(),
  // getLastRow())" — on an empty sheet, that is A1 alone.
  it('getDataRange() on an empty sheet is A1', () => {
    const { sh } = sheet();
    const r = sh.getDataRange();
    expect(r.getA1Notation()).toBe('A1');
    expect(r.getValues()).toEqual([['']]);
  });

  it('getLastRow/getLastColumn/getDataRange follow the last cell with content', () => {
    const { sh } = sheet();
    sh.getRange('C5').setValue('x');
    sh.getRange('A2').setValue(1);
    expect(sh.getLastRow()).toBe(5);
    expect(sh.getLastColumn()).toBe(3);
    expect(sh.getDataRange().getA1Notation()).toBe('A1:C5');
    sh.getRange('C5').clearContent();
    expect(sh.getLastRow()).toBe(2);
    expect(sh.getLastColumn()).toBe(1);
  });
});

describe('getRange bounds', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRange(Integer,Integer)
  // Rows and columns are 1-based; messages as Apps Script reports them, e.g.
  // https://github.com/googleworkspace/solutions/issues/128
  it('getRange(0, 1) and getRange(1, 0) throw "too small"', () => {
    const { sh } = sheet();
    expect(thrown(() => sh.getRange(0, 1))).toBe('The starting row of the range is too small.');
    expect(thrown(() => sh.getRange(1, 0))).toBe('The starting column of the range is too small.');
  });

  // https://github.com/Elijas/auto-youtube-subscription-playlist-2/issues/99 — the classic
  // getRange(2, 1, getLastRow() - 1, n) on a sheet with only a header.
  it('zero rows or zero columns throw "must be at least 1"', () => {
    const { sh } = sheet();
    sh.getRange('A1').setValue('Header');
    expect(thrown(() => sh.getRange(2, 1, sh.getLastRow() - 1, 3))).toBe(
      'The number of rows in the range must be at least 1.',
    );
    expect(thrown(() => sh.getRange(1, 1, 1, 0))).toBe(
      'The number of columns in the range must be at least 1.',
    );
  });

  // Ranges cannot extend past getMaxRows()/getMaxColumns().
  it('a range beyond the last row or column throws', () => {
    const { sh } = sheet();
    const msg = 'The coordinates of the range are outside the dimensions of the sheet.';
    expect(thrown(() => sh.getRange(1001, 1))).toBe(msg);
    expect(thrown(() => sh.getRange(999, 1, 5, 1))).toBe(msg);
    expect(thrown(() => sh.getRange(1, 27))).toBe(msg);
    expect(sh.getRange(1000, 26).getA1Notation()).toBe('Z1000');
  });
});

describe('A1 notation', () => {
  // https://developers.google.com/sheets/api/guides/concepts#expandable-1 (A1 notation:
  // Sheet1!A1:B2, A:A, 1:2, A5:A, 'My Custom Sheet'!A:A) and
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getRange(String)
  it('reads A1, A1:C3, Sheet!A1 and quoted sheet names', () => {
    const { google } = workbook();
    const { g } = run(google);
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    const my = ss.insertSheet('My Sheet');
    my.getRange('B2').setValue('here');
    const a = ss.getRange('A1:C3');
    expect([a.getRow(), a.getColumn(), a.getNumRows(), a.getNumColumns()]).toEqual([1, 1, 3, 3]);
    expect(ss.getRange('Sheet1!B2').getSheet().getName()).toBe('Sheet1');
    const q = ss.getRange("'My Sheet'!A1:B2");
    expect(q.getSheet().getName()).toBe('My Sheet');
    expect(q.getValues()).toEqual([
      ['', ''],
      ['', 'here'],
    ]);
    expect(thrown(() => ss.getRange('Nope!A1'))).toBe('Range not found');
  });

  it('reads whole columns (A:A), whole rows (2:2) and open ends (A2:C)', () => {
    const { sh } = sheet();
    const col = sh.getRange('A:A');
    expect([col.getRow(), col.getNumRows(), col.getNumColumns()]).toEqual([1, 1000, 1]);
    const row = sh.getRange('2:2');
    expect([row.getRow(), row.getNumRows(), row.getColumn(), row.getNumColumns()]).toEqual([2, 1, 1, 26]);
    const open = sh.getRange('A2:C');
    expect([open.getRow(), open.getNumRows(), open.getNumColumns()]).toEqual([2, 999, 3]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#getA1Notation()
  // "Returns a string description of the range, in A1 notation" — without the sheet name.
  it('getA1Notation() round-trips, open-ended ranges included', () => {
    const { sh, g } = sheet();
    for (const a1 of ['A1', 'B2:D9', 'X10:Z11', 'A:A', 'B:C', '2:2', '3:5', 'A2:C']) {
      expect(sh.getRange(a1).getA1Notation()).toBe(a1);
    }
    expect(g.SpreadsheetApp.getActiveSpreadsheet().getRange('Sheet1!C3:D4').getA1Notation()).toBe('C3:D4');
    expect(sh.getRange(3, 2, 2, 3).getA1Notation()).toBe('B3:D4');
  });
});

describe('Sheets in a spreadsheet', () => {
  // Sheet names are unique, ignoring case (https://github.com/socialpoint-labs/sheetfu/pull/26:
  // "trying to create 2 sheets with the same name but different cases fails").
  it('insertSheet with a name already used throws', () => {
    const { google } = workbook();
    const ss = run(google).g.SpreadsheetApp.getActiveSpreadsheet();
    ss.insertSheet('Contacts');
    expect(thrown(() => ss.insertSheet('Contacts'))).toBe(
      'A sheet with the name "Contacts" already exists. Please enter another name.',
    );
    expect(thrown(() => ss.insertSheet('contacts'))).toBe(
      'A sheet with the name "contacts" already exists. Please enter another name.',
    );
    expect(ss.getNumSheets()).toBe(2);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSheetByName(String)
  // "Returns a sheet with the given name", null when there is none. The reference says nothing
  // about letter case: matching ignoring case is an assumption (docs/local-runtime.md).
  it('getSheetByName returns null for a missing sheet and ignores case', () => {
    const { google } = workbook();
    const ss = run(google).g.SpreadsheetApp.getActiveSpreadsheet();
    expect(ss.getSheetByName('Nope')).toBeNull();
    expect(ss.getSheetByName('sheet1').getName()).toBe('Sheet1');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#deleteSheet(Sheet)
  // A spreadsheet always keeps at least one sheet.
  it('deleting the only sheet throws', () => {
    const { google } = workbook();
    const ss = run(google).g.SpreadsheetApp.getActiveSpreadsheet();
    expect(thrown(() => ss.deleteSheet(ss.getSheets()[0]))).toBe(
      "You can't remove all the sheets in a document.",
    );
    const other = ss.insertSheet('Other');
    ss.deleteSheet(other);
    expect(ss.getSheets().map((s: any) => s.getName())).toEqual(['Sheet1']);
  });
});

describe('Rows', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#appendRow(Object)
  // "Appends a row to the bottom of the current data region in the sheet."
  it('appendRow writes after the last row with content', () => {
    const { sh } = sheet();
    sh.getRange('A1:B1').setValues([['Name', 'Score']]);
    sh.getRange('B4').setValue(9);
    sh.appendRow(['Ann', '5']);
    expect(sh.getLastRow()).toBe(5);
    expect(sh.getRange('A5:B5').getValues()).toEqual([['Ann', 5]]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer)
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#deleteRows(Integer,Integer)
  it('insertRowsAfter and deleteRows shift the rows below, with their validation', () => {
    const { sh, g } = sheet();
    sh.getRange('A1:A4').setValues([['h'], ['a'], ['b'], ['c']]);
    const rule = g.SpreadsheetApp.newDataValidation().requireCheckbox().build();
    sh.getRange('B4').setDataValidation(rule);
    sh.insertRowsAfter(1, 2);
    expect(sh.getRange('A1:A6').getValues()).toEqual([['h'], [''], [''], ['a'], ['b'], ['c']]);
    expect(sh.getMaxRows()).toBe(1002);
    expect(sh.getRange('B6').getDataValidation()?.getCriteriaType()).toBe('CHECKBOX');
    sh.deleteRows(2, 3);
    expect(sh.getRange('A1:A3').getValues()).toEqual([['h'], ['b'], ['c']]);
    expect(sh.getLastRow()).toBe(3);
    expect(sh.getMaxRows()).toBe(999);
    expect(sh.getRange('B3').getDataValidation()?.getCriteriaType()).toBe('CHECKBOX');
    expect(sh.getRange('B6').getDataValidation()).toBeNull();
  });

  // Deleting every row that is not frozen is refused (as in the Sheets UI).
  it('deleteRows of every non-frozen row throws; out-of-bounds rows throw', () => {
    const { sh } = sheet();
    sh.setFrozenRows(1);
    expect(thrown(() => sh.deleteRows(2, 999))).toBe(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
    expect(thrown(() => sh.deleteRows(990, 20))).toBe('Those rows are out of bounds.');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#setFrozenRows(Integer)
  it('frozen rows are set and read back', () => {
    const { sh } = sheet();
    expect(sh.getFrozenRows()).toBe(0);
    sh.setFrozenRows(1);
    expect(sh.getFrozenRows()).toBe(1);
  });
});

describe('Range helpers', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getCell(Integer,Integer)
  // — relative to the range; outside it Apps Script throws (as reported in
  // https://github.com/jamietr1/google-docs-writing-tracker/issues/17).
  it('getCell is relative to the range and refuses cells outside it', () => {
    const { sh } = sheet();
    const r = sh.getRange('B2:C3');
    expect(r.getCell(2, 2).getA1Notation()).toBe('C3');
    expect(thrown(() => r.getCell(3, 1))).toBe('Cell reference out of range');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#isBlank()
  // "Returns true if the range is totally blank."
  it('isBlank is true only when no cell has a value or formula', () => {
    const { sh } = sheet();
    expect(sh.getRange('A1:B2').isBlank()).toBe(true);
    sh.getRange('B2').setFormula('=A1');
    expect(sh.getRange('A1:B2').isBlank()).toBe(false);
    expect(sh.getRange('B2').getFormula()).toBe('=A1');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setDataValidations(DataValidation)
  // and #setNumberFormats(Object) — one rule or format per cell, in the range's shape.
  it('setDataValidations and setNumberFormats take one entry per cell', () => {
    const { sh, g } = sheet();
    const box = g.SpreadsheetApp.newDataValidation().requireCheckbox().build();
    sh.getRange('A1:B1').setDataValidations([[box, null]]);
    expect(
      sh
        .getRange('A1:B1')
        .getDataValidations()
        .map((row: any[]) => row.map((v) => v?.getCriteriaType() ?? null)),
    ).toEqual([['CHECKBOX', null]]);
    sh.getRange('A1:B1').setNumberFormats([['@', '0.00']]);
    expect(sh.getRange('A1:B1').getNumberFormats()).toEqual([['@', '0.00']]);
    expect(thrown(() => sh.getRange('A1:B1').setNumberFormats([['@']]))).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    sh.getRange('A1:B1').clearDataValidations();
    expect(sh.getRange('A1').getDataValidation()).toBeNull();
  });
});
