/**
 * The cost model of Apps Script (src/local/cost-model.ts): each counted call has a kind, each
 * kind a figure with its source, and the estimate is the sum the benchmark prints.
 */
import { describe, expect, it } from 'vitest';
import {
  callKind,
  callsByKind,
  estimate,
  LIMITS,
  PER_CALL,
  PER_CELL_READ,
  PER_CELL_WRITTEN,
  V8_CPU_FACTOR,
} from '../../src/local/cost-model';
import { CallCounter } from '../../src/local/counter';

describe('cost model', () => {
  it('gives each counted call its kind', () => {
    const kinds = Object.fromEntries(
      [
        'Range.getValues',
        'Sheet.getLastRow',
        'Range.setValues',
        'Sheet.insertRowsAfter',
        'Sheet.appendRow',
        'SpreadsheetApp.flush',
        'Sheet.getRange',
        'Spreadsheet.getSheetByName',
        'Spreadsheet.toast',
        'DocumentApp.create',
        'Paragraph.setHeading',
        'TableCell.setText',
        'Document.saveAndClose',
        'MailApp.sendEmail',
        'MailApp.getRemainingDailyQuota',
        'DriveApp.getRootFolder',
        'Folder.getFilesByName',
        'Lock.tryLock',
        'Properties.getProperty',
        'Ui.alert',
        'Utilities.newBlob',
        'DataValidationBuilder.build',
        'SpreadsheetApp.openById',
        'Range.createTextFinder',
        'TextFinder.matchEntireCell',
        'TextFinder.findAll',
      ].map((n) => [n, callKind(n)]),
    );
    expect(kinds).toEqual({
      'Range.getValues': 'sheets.read',
      'Sheet.getLastRow': 'sheets.read',
      'Range.setValues': 'sheets.write',
      'Sheet.insertRowsAfter': 'sheets.write',
      'Sheet.appendRow': 'sheets.appendRow',
      'SpreadsheetApp.flush': 'sheets.flush',
      'Sheet.getRange': 'sheets.handle',
      'Spreadsheet.getSheetByName': 'sheets.handle',
      'Spreadsheet.toast': 'ui',
      'DocumentApp.create': 'docs.create',
      'Paragraph.setHeading': 'docs.edit',
      'TableCell.setText': 'docs.edit',
      'Document.saveAndClose': 'docs.save',
      'MailApp.sendEmail': 'mail.send',
      'MailApp.getRemainingDailyQuota': 'store',
      'DriveApp.getRootFolder': 'drive',
      'Folder.getFilesByName': 'drive',
      'Lock.tryLock': 'store',
      'Properties.getProperty': 'store',
      'Ui.alert': 'ui',
      'Utilities.newBlob': 'local',
      'DataValidationBuilder.build': 'local',
      'SpreadsheetApp.openById': 'drive',
      'Range.createTextFinder': 'sheets.handle',
      'TextFinder.matchEntireCell': 'sheets.handle',
      'TextFinder.findAll': 'sheets.read',
    });
  });

  it('says where every figure comes from: a page or an estimate and how it was chosen', () => {
    const figures = [...Object.values(PER_CALL), PER_CELL_READ, PER_CELL_WRITTEN, V8_CPU_FACTOR];
    for (const f of figures) expect(f.source).toMatch(/https:\/\/|^estimate|^no round trip/);
    for (const l of Object.values(LIMITS)) expect(l.source).toMatch(/^https:\/\//);
  });

  it('estimates calls by kind, cells moved and CPU × the V8 factor', () => {
    const counts = new Map([
      ['Range.getValues', 2],
      ['Sheet.appendRow', 1],
      ['Utilities.newBlob', 5],
    ]);
    expect(callsByKind(counts)).toEqual({ 'sheets.read': 2, 'sheets.appendRow': 1, local: 5 });
    const e = estimate(counts, 1000, 500, 10);
    const calls = 2 * PER_CALL['sheets.read'].ms + PER_CALL['sheets.appendRow'].ms;
    const cells = 1000 * PER_CELL_READ.ms + 500 * PER_CELL_WRITTEN.ms;
    expect(e.callsSeconds).toBeCloseTo(calls / 1000, 6);
    expect(e.cellsSeconds).toBeCloseTo(cells / 1000, 6);
    expect(e.cpuSeconds).toBeCloseTo((10 * V8_CPU_FACTOR.ms) / 1000, 6);
    expect(e.seconds).toBeCloseTo(e.callsSeconds + e.cellsSeconds + e.cpuSeconds, 9);
  });

  it('is the local runtime’s clock too: its estimate is the bench’s less the CPU', () => {
    const counter = new CallCounter();
    const calls = [
      'Range.getValues',
      'Range.getValues',
      'Sheet.appendRow',
      'MailApp.sendEmail',
      'Lock.tryLock',
    ];
    for (const n of calls) counter.count(n);
    counter.read(30_000); // a whole ID column
    counter.wrote(12);
    const bench = estimate(counter.counts, counter.cellsRead, counter.cellsWritten, 0);
    expect(counter.estimatedMs).toBeCloseTo(bench.seconds * 1000, 6);
    // Cells alone can run an execution out of time, as a whole-sheet read does in Google.
    const limited = new CallCounter();
    limited.limitMs = 30_000;
    expect(() => limited.read(1_000_000)).toThrow('Exceeded maximum execution time');
    expect(limited.cellsRead).toBe(1_000_000);
  });
});
