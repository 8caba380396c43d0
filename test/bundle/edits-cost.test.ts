/**
 * What onEdit reads when a Meetings row is marked Done by hand (issue 11): a simple trigger
 * has 30 seconds in all, so it must not re-read the Sponsors and Contacts sheets. It reads
 * the edited row, the header rows and the one Last Contacted cell of each record; the
 * records' rows are found by TextFinder on the ID columns (no cell of them is read) — the
 * same cells and calls at 1× and 100× the sample.
 */
process.env.TZ = 'UTC';

import { describe, expect, it } from 'vitest';
import { LocalGoogle } from '../../src/local/backend';
import { CallCounter } from '../../src/local/counter';
import { Execution } from '../../src/local/execution';
import { LocalProject } from '../../src/local/runtime';
import { buildSample } from '../../src/local/sample';
import { bundleDir } from '../support/bundle';

const project = new LocalProject(bundleDir());

function markDone(scale: number) {
  const google = new LocalGoogle();
  google.setNow(new Date('2026-11-23T02:00:00Z'));
  const ss = buildSample(google, { scale, today: '2026-11-23' });
  const sh = ss.sheetByName('Meetings')!;
  const h = (sh.cells[0] as unknown[]).map(String);
  const row =
    sh.cells.findIndex(
      (r) =>
        r[h.indexOf('Status')] === 'Planned' &&
        r[h.indexOf('Type')] === 'Sponsor Visit' &&
        /S-\d+/.test(String(r[h.indexOf('With')])) &&
        /C-\d+/.test(String(r[h.indexOf('With')])),
    ) + 1;
  expect(row).toBeGreaterThan(1);
  sh.set(row, h.indexOf('Date') + 1, new Date('2026-11-22T03:00:00Z'));
  sh.set(row, h.indexOf('Status') + 1, 'Done');
  // The event's range belongs to the trigger's execution: one counter for both.
  const counter = new CallCounter();
  const x = new Execution(google, { spreadsheetId: ss.id, counter });
  const range = (x.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
    .getActiveSpreadsheet()
    .getSheetByName('Meetings')!
    .getRange(row, h.indexOf('Status') + 1);
  const r = project.run(google, 'onEdit', [{ range, oldValue: 'Planned', value: 'Done' }], {
    spreadsheetId: ss.id,
    authMode: 'LIMITED',
    counter,
  });
  const rows = (name: string) => ss.sheetByName(name)!.lastRow() - 1;
  return {
    calls: r.calls.total,
    cells: r.calls.cellsRead,
    written: r.calls.cellsWritten,
    idCells: rows('Sponsors') + rows('Contacts'),
  };
}

describe('onEdit: a Meetings row marked Done by hand', () => {
  it('finds the records by ID without reading the sheets or their ID columns: the same at 1× and 100×', () => {
    const small = markDone(1);
    const big = markDone(100);
    console.log('onEdit meeting Done: 1x', small, '100x', big);
    expect(big.calls).toBe(small.calls);
    // No cell grows with the data: not even the two ID columns (one cell per record).
    expect(big.cells).toBe(small.cells);
    expect(big.cells).toBeLessThan(200);
    expect(big.idCells).toBeGreaterThan(10_000);
    // And it did its job: the sponsor's and the contact's Last Contacted, and their audit rows.
    for (const r of [small, big]) expect(r.written).toBeGreaterThanOrEqual(2);
  });
});
