/**
 * Conformance of what "Start new term" relies on to archive a workbook: Spreadsheet.copy
 * makes a new spreadsheet holding every sheet as it was, and the spreadsheet is a Drive file
 * (DriveApp.getFileById of its id gives its name and MIME type, and moveTo files it).
 */
import { describe, expect, it } from 'vitest';
import { createLocalFolder } from '../../src/local/services/document';
import { run, thrown, workbook } from './fixture';

describe('Spreadsheet.copy', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#copy(String)
  // "Copies the spreadsheet and returns the new one": a separate spreadsheet with its own id.
  it('returns a new spreadsheet with every sheet, value, format, note and hidden state; later edits stay apart', () => {
    const { google } = workbook();
    const { g } = run(google);
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    const sh = ss.getSheets()[0];
    sh.getRange('A1:B2').setValues([
      ['ID', 'When'],
      ['X-1', new Date('2026-03-15T00:00:00Z')],
    ]);
    sh.getRange('B2').setNumberFormat('yyyy-mm-dd');
    sh.getRange('A2').setNote('kept');
    const log = ss.insertSheet('_Log');
    log.getRange('A1').setValue('=1+1');
    log.hideSheet();

    const copy = ss.copy('Old term archive');
    expect(copy.getId()).not.toBe(ss.getId());
    expect(copy.getName()).toBe('Old term archive');
    // Whoever copies owns the copy (Drive: a copy belongs to the user who made it).
    const other = run(google, { user: 'copier@example.edu' }).g.SpreadsheetApp.getActiveSpreadsheet();
    expect(other.copy('Theirs').getOwner().getEmail()).toBe('copier@example.edu');
    expect(copy.getUrl()).toBe(`https://docs.google.com/spreadsheets/d/${copy.getId()}/edit`);
    const again = g.SpreadsheetApp.openById(copy.getId());
    expect(again.getSheets().map((s: any) => s.getName())).toEqual(['Sheet1', '_Log']);
    const c = again.getSheetByName('Sheet1');
    expect(c.getRange('A1:B2').getValues()).toEqual(sh.getRange('A1:B2').getValues());
    expect(c.getRange('B2').getDisplayValue()).toBe('2026-03-15');
    expect(c.getRange('A2').getNote()).toBe('kept');
    expect(again.getSheetByName('_Log').isSheetHidden()).toBe(true);
    expect(again.getSheetByName('_Log').getRange('A1').getFormula()).toBe('=1+1');

    sh.getRange('A2').setValue('changed');
    sh.deleteRow(2);
    expect(c.getRange('A2').getValue()).toBe('X-1');
  });
});

describe('a spreadsheet is a Drive file', () => {
  // https://developers.google.com/apps-script/reference/drive/drive-app#getFileById(String)
  // https://developers.google.com/apps-script/reference/drive/file#moveTo(Folder)
  // Live: getFileById(spreadsheet id) gives its name and MIME type (gas-fakes
  // test/testsheetsvalues.js:580-581); a new file's parent is My Drive; a blank id throws
  // "Invalid argument: id" (test/testdrive.js:364-365).
  it('has the spreadsheet MIME type and name, starts in My Drive and moves to a folder', () => {
    const { google } = workbook();
    const folder = createLocalFolder(google, 'Reports');
    const { g } = run(google);
    const copy = g.SpreadsheetApp.getActiveSpreadsheet().copy('Archive');
    const f = g.DriveApp.getFileById(copy.getId());
    expect(f.getMimeType()).toBe('application/vnd.google-apps.spreadsheet');
    expect(f.getName()).toBe('Archive');
    expect(f.getUrl()).toBe(copy.getUrl());
    expect(f.getParents().next().getId()).toBe('root');
    f.moveTo(g.DriveApp.getFolderById(folder));
    const files = g.DriveApp.getFolderById(folder).getFiles();
    expect(files.next().getName()).toBe('Archive');
    f.setName('Renamed');
    expect(g.SpreadsheetApp.openById(copy.getId()).getName()).toBe('Renamed');
    expect(thrown(() => g.DriveApp.getFileById(''))).toBe('Invalid argument: id');
  });
});
