/**
 * Protections: who a protected sheet or range lets edit, as a script (which runs as its
 * user) meets them. Reference: developers.google.com/apps-script/reference/spreadsheet/protection
 * (and Range.protect / Sheet.protect); live facts from brucemcpherson/gas-fakes (dedcae38):
 * test/testsheetspermissions.js and notes/oddities.md.
 */
import { describe, expect, it } from 'vitest';
import { readXlsxBuffer, writeXlsxBuffer } from '../../src/local/xlsx';
import { run, thrown, workbook } from './fixture';

const OWNER = 'minister@example.edu'; // LocalGoogle's default user owns the workbook
const BOB = 'bob@example.edu';
const EVE = 'eve@example.edu';
/**
 * The Sheets message (theoephraim/node-google-spreadsheet PR #20 quotes it from Google;
 * not checked against a live Apps Script run: an assumption, docs/local-runtime.md).
 */
const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function protectedSheet(opts: { warningOnly?: boolean } = {}) {
  const { google, model } = workbook();
  const owner = run(google).g;
  const sh = owner.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sh.getRange('A1:C3').setValues([
    ['ID', 'Name', 'Amount'],
    ['L-1', 'Tents', 5],
    ['L-2', 'Banner', 7],
  ]);
  const p = sh.protect().setDescription('Ledger');
  p.addEditor(BOB);
  if (opts.warningOnly) p.setWarningOnly(true);
  const as = (user: string) => run(google, { user }).g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  return { google, model, owner, sh, p, as };
}

describe('Protection', () => {
  // Sheet.protect(): "If the sheet is already protected, this method returns an object
  // representing its existing protection settings." Sheet.getProtections(SHEET): "a
  // single-element array representing the protection on the sheet itself".
  // gas-fakes test/testsheetspermissions.js:45-47: a sheet protection's range spans the sheet
  // (max rows × max columns) and its getA1Notation() is "".
  it('a sheet has one sheet protection; its range spans the sheet and has no A1 notation', () => {
    const { sh, p } = protectedSheet();
    expect(sh.protect().getDescription()).toBe('Ledger');
    expect(sh.getProtections('SHEET')).toHaveLength(1);
    expect(p.getProtectionType()).toBe('SHEET');
    const r = p.getRange();
    expect([r.getNumRows(), r.getNumColumns()]).toEqual([1000, 26]);
    expect(r.getA1Notation()).toBe('');
  });

  // Range.protect(): "Until the script actually changes the list of editors … the permissions
  // mirror those of the spreadsheet itself, which effectively means that the range remains
  // unprotected." gas-fakes notes/oddities.md:486-490: a new protection's getEditors() is empty.
  it('a new protection stops nobody and lists no editors until its editors are set', () => {
    const { google } = workbook();
    const sh = run(google).g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    const p = sh.getRange('A1:B2').protect();
    expect(p.getEditors()).toEqual([]);
    expect(p.getProtectionType()).toBe('RANGE');
    expect(p.getRange().getA1Notation()).toBe('A1:B2');
    const eve = run(google, { user: EVE }).g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    eve.getRange('A1').setValue('mine');
    expect(eve.getRange('A1').getValue()).toBe('mine');
    expect(sh.getProtections('RANGE')[0].canEdit()).toBe(true);
  });

  // A script runs as the user who runs it, so the protections of that user apply; a write to
  // a protected cell by someone not among its editors fails and changes nothing. Reads never
  // fail. Protection.canEdit(): "The spreadsheet owner is always able to edit protected
  // ranges and sheets."
  it("a non-editor's writes to a protected sheet throw and change nothing; reads work", () => {
    const { model, as } = protectedSheet();
    const eve = as(EVE);
    const before = JSON.stringify(model.sheets[0]!.cells);
    const writes: [string, () => unknown][] = [
      ['setValue', () => eve.getRange('B2').setValue('x')],
      ['setValues', () => eve.getRange('A2:B2').setValues([['a', 'b']])],
      ['appendRow', () => eve.appendRow(['L-3', 'Chairs', 1])],
      ['clear', () => eve.getRange('A2:C3').clear()],
      ['clearContent', () => eve.getRange('A2').clearContent()],
      ['setNumberFormat', () => eve.getRange('C2:C3').setNumberFormat('0.00')],
      ['setDataValidation', () => eve.getRange('C2').setDataValidation(null)],
      ['insertRowsAfter', () => eve.insertRowsAfter(1, 2)],
      ['deleteRow', () => eve.deleteRow(2)],
      ['insertColumnsAfter', () => eve.insertColumnsAfter(1, 1)],
      ['deleteColumns', () => eve.deleteColumns(2, 1)],
      ['sheet clear', () => eve.clear()],
    ];
    for (const [name, f] of writes) expect(thrown(f), name).toBe(PROTECTED);
    expect(JSON.stringify(model.sheets[0]!.cells)).toBe(before);
    expect(model.sheets[0]!.maxRows).toBe(1000);
    expect(eve.getRange('A1:C3').getValues()[1]).toEqual(['L-1', 'Tents', 5]);
    expect(eve.getProtections('SHEET')[0].canEdit()).toBe(false);
    expect(eve.getRange('A1').canEdit()).toBe(false);
  });

  it('its editors and the owner write as usual', () => {
    const { model, as } = protectedSheet();
    as(BOB).getRange('B2').setValue('Tents (2)');
    as(OWNER).appendRow(['L-3', 'Chairs', 1]);
    expect(model.sheets[0]!.get(2, 2)).toBe('Tents (2)');
    expect(model.sheets[0]!.get(4, 2)).toBe('Chairs');
  });

  // Protection.isWarningOnly(): "Warning-based protection means that every user can edit data
  // in the area, except editing prompts a warning" — a prompt a script never sees.
  it('a warning-only protection never stops a script', () => {
    const { model, as, p } = protectedSheet({ warningOnly: true });
    as(EVE).getRange('B2').setValue('by Eve');
    expect(model.sheets[0]!.get(2, 2)).toBe('by Eve');
    // Sheets API ProtectedRange.editors: "Editors are not supported with warningOnly protection."
    expect(p.getEditors()).toEqual([]);
  });

  // Protection.removeEditor(s): "Neither the owner of the spreadsheet nor the current user can
  // be removed." Protection.getEditors(): "Throws an exception if the user does not have
  // permission to edit the protected range or sheet." gas-fakes testsheetspermissions.js:54-55:
  // the owner is among the editors of the owner's protections.
  it('the owner and the current user stay editors; a non-editor may not read or change the list', () => {
    const { as, p } = protectedSheet();
    p.removeEditors([OWNER, BOB]);
    expect(p.getEditors().map((u: { getEmail(): string }) => u.getEmail())).toEqual([OWNER]);
    p.addEditors([BOB, EVE]);
    expect(p.getEditors().map((u: { getEmail(): string }) => u.getEmail())).toEqual([OWNER, BOB, EVE]);
    const bobs = as(BOB).getProtections('SHEET')[0];
    bobs.removeEditor(BOB);
    expect(p.getEditors().map((u: { getEmail(): string }) => u.getEmail())).toEqual([OWNER, BOB, EVE]);
    p.removeEditor(EVE);
    const eves = as(EVE).getProtections('SHEET')[0];
    expect(thrown(() => eves.getEditors())).toBe(PROTECTED);
    expect(thrown(() => eves.addEditor(EVE))).toBe(PROTECTED);
    expect(thrown(() => eves.remove())).toBe(PROTECTED);
    expect(eves.getDescription()).toBe('Ledger');
  });

  // Range.protect(): "If a cell is protected by multiple protected ranges and any of them
  // prevent a particular user from editing the cell, then that user is not permitted to edit
  // the cell." A range protection covers its cells only; one of whole columns (A:A) keeps
  // covering the rows added below.
  it('a range protection covers its cells; whole columns cover rows added later', () => {
    const { google, model } = workbook();
    const sh = run(google).g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    sh.getRange('A:A').protect().addEditor(BOB);
    sh.getRange('B1:B2').protect().addEditor(EVE);
    const eve = run(google, { user: EVE }).g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    const bob = run(google, { user: BOB }).g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    eve.getRange('B2').setValue('in B');
    eve.getRange('C1:C5').setValue('free');
    expect(thrown(() => eve.getRange('A1:B1').setValues([['a', 'b']]))).toBe(PROTECTED);
    expect(thrown(() => bob.getRange('B1').setValue('b'))).toBe(PROTECTED);
    bob.getRange('A2').setValue('in A');
    expect(sh.getProtections('RANGE')[0].getRange().getA1Notation()).toBe('A:A');
    sh.insertRowsAfter(1000, 5); // the owner adds rows at the end: still column A
    expect(thrown(() => eve.getRange(1005, 1).setValue('late'))).toBe(PROTECTED);
    expect(model.sheets[0]!.get(2, 2)).toBe('in B');
    expect(model.sheets[0]!.get(2, 1)).toBe('in A');
  });

  // Range protections move with the rows and columns inserted before them (their cells move).
  it('range protections move with inserted and deleted rows and columns', () => {
    const { google } = workbook();
    const sh = run(google).g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    const p = sh.getRange('B2:C3').protect().addEditor(BOB);
    sh.insertRowsAfter(1, 2);
    sh.insertColumnsAfter(1, 1);
    expect(p.getRange().getA1Notation()).toBe('C4:D5');
    sh.deleteRows(1, 1);
    expect(p.getRange().getA1Notation()).toBe('C3:D4');
    const eve = run(google, { user: EVE }).g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    eve.getRange('B3').setValue('beside it');
    expect(thrown(() => eve.getRange('C3').setValue('x'))).toBe(PROTECTED);
  });

  // Spreadsheet.getProtections(type): "all protected ranges or sheets in the spreadsheet".
  // Spreadsheet.getOwner(): the owner (gas-fakes test/testsheetsvui.js:315).
  it('the spreadsheet lists every protection of a type; its owner is the default user', () => {
    const { google } = workbook();
    const ss = run(google).g.SpreadsheetApp.getActiveSpreadsheet();
    const other = ss.insertSheet('Other');
    ss.getSheets()[0].protect();
    other.protect();
    other.getRange('A1').protect();
    expect(ss.getProtections('SHEET')).toHaveLength(2);
    expect(ss.getProtections('RANGE')).toHaveLength(1);
    expect(ss.getOwner().getEmail()).toBe(OWNER);
    ss.getProtections('RANGE')[0].remove();
    expect(ss.getProtections('RANGE')).toHaveLength(0);
  });

  it('editors and whole-column protections survive a save to .xlsx and a reload', async () => {
    const { model } = protectedSheet();
    model.protections.push({
      id: 9,
      sheetId: model.sheets[0]!.id,
      range: { r1: 1, c1: 1, r2: 1000, c2: 1 },
      wholeColumns: true,
      description: 'IDs',
      warningOnly: true,
    });
    const back = await readXlsxBuffer(await writeXlsxBuffer(model));
    expect(back.protections.map((p) => [p.description, p.editors ?? null, !!p.wholeColumns])).toEqual([
      ['Ledger', [OWNER, BOB], false],
      ['IDs', null, true],
    ]);
  });
});
