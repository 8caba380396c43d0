/**
 * Conformance of the call counter: every method called on an emulated service object is one
 * counted call, because in Apps Script each is a round trip to Google's servers
 * (https://developers.google.com/apps-script/guides/support/best-practices#minimize_calls_to_other_services
 * — "Anything you can accomplish within Google Apps Script itself is much faster than making
 * calls that need to fetch data from Google's servers"). Budgets are stated in these calls.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { GasError } from '../../src/local/services/spreadsheet';
import { run, workbook } from './fixture';

function filled(rows: number) {
  const { google, model } = workbook();
  const s = model.sheets[0]!;
  for (let r = 1; r <= rows; r++) for (let c = 1; c <= 5; c++) s.set(r, c, `${r}:${c}`);
  s.maxRows = Math.max(s.maxRows, rows);
  return google;
}

describe('CallCounter', () => {
  it('reading a block with getRange(...).getValues() is 2 calls', () => {
    const google = filled(10);
    const { x, g } = run(google);
    const sh = g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1');
    x.counter.reset();
    const values = sh.getRange(1, 1, 10, 5).getValues();
    expect(values.length).toBe(10);
    expect(x.counter.total).toBe(2);
    expect(x.counter.snapshot()).toEqual({ 'Sheet.getRange': 1, 'Range.getValues': 1 });
  });

  // Batch operations (https://developers.google.com/apps-script/guides/support/best-practices#use_batch_operations):
  // reading a whole sheet costs the same number of calls whatever its size.
  it('reading a whole sheet costs the same calls for 10 rows and 2,000 rows', () => {
    const count = (rows: number) => {
      const { x, g } = run(filled(rows));
      g.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1').getDataRange().getValues();
      return x.counter.total;
    };
    expect(count(10)).toBe(4);
    expect(count(2000)).toBe(4);
  });

  it('writing cell by cell costs a call per cell; one setValues costs one', () => {
    const { x, g } = run(workbook().google);
    const sh = g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    x.counter.reset();
    for (let r = 1; r <= 5; r++) sh.getRange(r, 1).setValue(r);
    expect(x.counter.total).toBe(10);
    x.counter.reset();
    sh.getRange(1, 1, 5, 1).setValues([[1], [2], [3], [4], [5]]);
    expect(x.counter.total).toBe(2);
  });

  it('builder chains count each call; enum properties are not calls', () => {
    const { x, g } = run(workbook().google);
    const app = g.SpreadsheetApp;
    expect(app.DataValidationCriteria.CHECKBOX).toBe('CHECKBOX');
    expect(x.counter.total).toBe(0);
    app.newDataValidation().requireValueInList(['a']).setAllowInvalid(false).build();
    expect(x.counter.snapshot()).toEqual({
      'SpreadsheetApp.newDataValidation': 1,
      'DataValidationBuilder.requireValueInList': 1,
      'DataValidationBuilder.setAllowInvalid': 1,
      'DataValidationBuilder.build': 1,
    });
    expect(x.counter.of('DataValidationBuilder')).toBe(3);
  });

  it('each execution has its own counter', () => {
    const { google } = workbook();
    const a = run(google);
    const b = run(google);
    a.g.PropertiesService.getScriptProperties().getProperty('x');
    expect(a.x.counter.total).toBe(2);
    expect(b.x.counter.total).toBe(0);
  });

  // Fault injection: onCall runs before the call, so a call that "fails" changes nothing —
  // as when Apps Script throws "Service Spreadsheets timed out" mid-operation.
  it('onCall can throw to inject a fault before the call takes effect', () => {
    const { x, g } = run(workbook().google);
    const sh = g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    x.counter.onCall = (name) => {
      if (name === 'Range.setValues')
        throw new GasError('Service Spreadsheets timed out while accessing document.');
    };
    const r = sh.getRange('A1:B1');
    expect(() => r.setValues([[1, 2]])).toThrow(/timed out/);
    x.counter.onCall = null;
    expect(r.getValues()).toEqual([['', '']]);
  });

  // Apps Script's exceptions are Errors of the script's own realm: `e instanceof Error` holds
  // (https://developers.google.com/apps-script/guides/v8-runtime — scripts run in V8 and
  // service failures surface as JavaScript exceptions). The bundle runs in a vm context, so
  // the runtime gives the counter that context's Error and exceptions are rethrown as such.
  it("exceptions reach the calling realm as that realm's Errors", () => {
    const { x, g } = run(workbook().google);
    const VmError = runInNewContext('Error') as ErrorConstructor;
    x.counter.realmError = VmError;
    const sh = g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    let caught: unknown;
    try {
      sh.getRange(0, 1);
    } catch (e) {
      caught = e;
    }
    expect(caught instanceof VmError).toBe(true);
    expect((caught as Error).name).toBe('Exception');
    expect((caught as Error).message).toBe('The starting row of the range is too small.');
    const none = run(workbook().google, { authMode: 'NONE' });
    none.x.counter.realmError = VmError;
    expect(() => none.g.PropertiesService.getScriptProperties()).toThrow(VmError);
  });
});
