/**
 * The tutorial baseline: a report and saves written the way most Apps Script tutorials
 * write them — `getRange(r, c).getValue()` per cell, `setValue` per cell, `appendRow` per
 * row, a Docs table filled a cell at a time — run on the same workbook in the same local
 * runtime, so their calls, cells and estimated seconds stand next to the add-on's.
 *
 * This is NOT add-on code (it never reaches the bundle). Its report is smaller than the
 * add-on's (sponsors by stage, money by type, meetings held, a table of sponsors and one of
 * events), so the ratios it gives are a lower bound of what the add-on saves.
 */
import type { LocalGoogle } from '../../src/local/backend';
import { callsByKind, estimate } from '../../src/local/cost-model';
import { CallCounter } from '../../src/local/counter';
import { Execution } from '../../src/local/execution';
import { withGlobals } from '../../src/local/inprocess';
import type { Execution1 } from './measure';
import { middleId, TODAY, USER } from './ops';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Column numbers by header, read a cell at a time. */
function headers(sheet: Sheet): Record<string, number> {
  const out: Record<string, number> = {};
  const last = sheet.getLastColumn();
  for (let c = 1; c <= last; c++) out[String(sheet.getRange(1, c).getValue())] = c;
  return out;
}

/** The row whose first cell is `id`, found a cell at a time. */
function findRow(sheet: Sheet, id: string): number {
  const last = sheet.getLastRow();
  for (let r = 2; r <= last; r++) if (sheet.getRange(r, 1).getValue() === id) return r;
  throw new Error(`baseline: ${id} not found`);
}

/** Column values of every data row, a cell at a time. */
function readColumns(sheet: Sheet, names: string[]): Record<string, unknown>[] {
  const h = headers(sheet);
  const rows: Record<string, unknown>[] = [];
  const last = sheet.getLastRow();
  for (let r = 2; r <= last; r++) {
    const row: Record<string, unknown> = {};
    for (const n of names) row[n] = sheet.getRange(r, h[n]!).getValue();
    rows.push(row);
  }
  return rows;
}

function tutorialReport(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sponsors = readColumns(ss.getSheetByName('Sponsors')!, ['Organization', 'Stage', 'Owner', 'Pledged']);
  const ledger = readColumns(ss.getSheetByName('Ledger')!, ['Date', 'Type', 'Amount', 'Status']);
  const meetings = readColumns(ss.getSheetByName('Meetings')!, ['Date', 'Type', 'Status', 'Attendees']);
  const events = readColumns(ss.getSheetByName('Events')!, ['Name', 'Date', 'Status']);
  const doc = DocumentApp.create(`Semester report (tutorial) ${TODAY}`);
  const body = doc.getBody();
  body.appendParagraph('Semester report').setHeading(DocumentApp.ParagraphHeading.TITLE);
  const byStage: Record<string, number> = {};
  for (const s of sponsors) byStage[String(s.Stage)] = (byStage[String(s.Stage)] ?? 0) + 1;
  for (const [k, n] of Object.entries(byStage)) body.appendParagraph(`${k}: ${n}`);
  const byType: Record<string, number> = {};
  for (const l of ledger) byType[String(l.Type)] = (byType[String(l.Type)] ?? 0) + Number(l.Amount || 0);
  for (const [k, n] of Object.entries(byType)) body.appendParagraph(`${k}: ${n}`);
  body.appendParagraph(`Meetings held: ${meetings.filter((m) => m.Status === 'Done').length}`);
  const table = (rows: Record<string, unknown>[], cols: string[]) => {
    const t = body.appendTable([cols, ...rows.map(() => cols.map(() => ''))]);
    rows.forEach((row, i) => {
      cols.forEach((c, j) => {
        t.getCell(i + 1, j).setText(String(row[c] ?? ''));
      });
    });
  };
  table(sponsors, ['Organization', 'Stage', 'Owner', 'Pledged']);
  table(events, ['Name', 'Date', 'Status']);
  doc.saveAndClose();
}

/** Edit one field of a contact: open the form (read the row), then write every field back. */
function tutorialEditContact(ids: Ids): void {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts')!;
  const h = headers(sheet);
  const row = findRow(sheet, ids.contact);
  const form: Record<string, unknown> = {};
  for (const [name, c] of Object.entries(h)) form[name] = sheet.getRange(row, c).getValue();
  form.Phone = '0791-1';
  for (const [name, c] of Object.entries(h)) sheet.getRange(row, c).setValue(form[name]);
}

/** Log a meeting Done with a sponsor and a contact: append it, then update each one's Last Contacted. */
function tutorialMeetingDone(ids: Ids): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const meetings = ss.getSheetByName('Meetings')!;
  const h = headers(meetings);
  const row: unknown[] = new Array(Object.keys(h).length).fill('');
  row[h.Date! - 1] = TODAY;
  row[h.Type! - 1] = 'Sponsor Visit';
  row[h.Title! - 1] = 'Bench visit';
  row[h.With! - 1] = `${ids.sponsor}, ${ids.contact}`;
  row[h.Status! - 1] = 'Done';
  meetings.appendRow(row);
  for (const [name, id] of [
    ['Sponsors', ids.sponsor],
    ['Contacts', ids.contact],
  ] as const) {
    const sheet = ss.getSheetByName(name)!;
    const c = headers(sheet)['Last Contacted']!;
    sheet.getRange(findRow(sheet, id), c).setValue(TODAY);
  }
}

/** The records the operations work on: halfway down their sheets, as the add-on's (ops.ts). */
interface Ids {
  sponsor: string;
  contact: string;
}

export const BASELINE: { name: string; addon: string; fn: (ids: Ids) => void }[] = [
  {
    name: 'Tutorial: edit contact (1 field)',
    addon: 'Sidebar: edit contact (1 field)',
    fn: tutorialEditContact,
  },
  {
    name: 'Tutorial: meeting Done (2 linked)',
    addon: 'Sidebar: meeting Done (2 linked)',
    fn: tutorialMeetingDone,
  },
  { name: 'Tutorial: semester report', addon: 'Generate semester report', fn: tutorialReport },
];

export interface BaselineRow extends Execution1 {
  op: string;
  addon: string;
  workload: string;
}

/** Runs each tutorial operation once on a copy of the workbook `id`. */
export function runBaseline(google: LocalGoogle, id: string, workload: string): BaselineRow[] {
  return BASELINE.map((b) => {
    const x0 = new Execution(google, { spreadsheetId: id, user: USER });
    const copy = (x0.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
      .getActiveSpreadsheet()
      .copy('baseline copy')
      .getId();
    x0.end();
    const ss = google.spreadsheets.get(copy)!;
    const ids = { sponsor: middleId(ss, 'Sponsors'), contact: middleId(ss, 'Contacts') };
    // No time limit: Google would stop the tutorial way after 6 minutes at union size; its
    // whole cost is what the comparison shows.
    const counter = new CallCounter();
    counter.limitMs = Number.POSITIVE_INFINITY;
    const x = new Execution(google, { spreadsheetId: copy, user: USER, counter });
    const c0 = process.cpuUsage();
    withGlobals(x, () => b.fn(ids));
    const c = process.cpuUsage(c0);
    const cpuMs = (c.user + c.system) / 1000;
    google.spreadsheets.delete(copy);
    const k = x.counter;
    return {
      op: b.name,
      addon: b.addon,
      workload,
      calls: k.total,
      byName: Object.fromEntries(k.counts),
      byKind: callsByKind(k.counts),
      cellsRead: k.cellsRead,
      cellsWritten: k.cellsWritten,
      cpuMs,
      est: estimate(k.counts, k.cellsRead, k.cellsWritten, cpuMs),
    };
  });
}
