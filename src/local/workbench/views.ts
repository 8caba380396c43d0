/**
 * What the page is shown: the state of the workbench (GET /api/state) and a sheet as
 * Sheets displays it (GET /api/sheet): display values through the emulated Range (number
 * formats, the spreadsheet's zone), formulas, value kinds, bold cells and validation areas.
 */
import { isDate } from '../../domain/dates';
import type { LocalGoogle } from '../backend';
import { Execution } from '../execution';
import type { ClockTriggerModel } from '../services/script';
import { columnToLetters } from '../sheets/a1';
import type { SheetView, State } from './api';
import { localMinute } from './clock';
import { listDocuments } from './documents';
import type { Executions } from './executions';
import { HttpError } from './http';
import type { WorkbookStore } from './persistence';
import { members } from './users';

export function sheetView(google: LocalGoogle, store: WorkbookStore, name: string, limit: number): SheetView {
  const model = store.model;
  const s = model.sheetByName(name);
  if (!s) throw new HttpError(404, `No sheet named "${name}".`);
  const x = new Execution(google, { spreadsheetId: model.id });
  const api = (x.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
    .getActiveSpreadsheet()
    .getSheetByName(name)!;
  const lastRow = s.lastRow();
  const lastCol = s.lastColumn();
  const rows = Math.min(s.maxRows, Math.max(lastRow + 20, 40), limit);
  const cols = Math.min(s.maxColumns, Math.max(lastCol + 2, 8));
  const range = api.getRange(1, 1, rows, cols);
  const display = range.getDisplayValues();
  const formulas = range.getFormulas();
  const kinds: string[] = [];
  for (let r = 1; r <= rows; r++) {
    let k = '';
    for (let c = 1; c <= cols; c++) {
      const v = s.get(r, c);
      k +=
        v === '' ? '_' : typeof v === 'number' ? 'n' : typeof v === 'boolean' ? 'b' : isDate(v) ? 'd' : 's';
    }
    kinds.push(k);
  }
  x.end();
  // Validation areas clipped to the grid, later ones winning (the client checks the last match).
  const validations = s.validations
    .filter((a) => a.r1 <= rows && a.c1 <= cols)
    .map((a) => ({
      r1: a.r1,
      c1: a.c1,
      r2: Math.min(a.r2, rows),
      c2: Math.min(a.c2, cols),
      rule: a.rule
        ? {
            criteria: a.rule.criteria,
            values: a.rule.criteria === 'VALUE_IN_LIST' ? (a.rule.args[0] as string[]).map(String) : [],
            strict: !a.rule.allowInvalid,
          }
        : null,
    }));
  return {
    name: s.name,
    hidden: s.hidden,
    frozenRows: s.frozenRows,
    frozenColumns: s.frozenColumns,
    maxRows: s.maxRows,
    maxColumns: s.maxColumns,
    lastRow,
    rows,
    cols,
    letters: Array.from({ length: cols }, (_, i) => columnToLetters(i + 1)),
    display,
    formulas,
    kinds,
    bold: [...s.fontWeights].filter(([, w]) => w === 'bold').map(([k]) => k),
    validations,
  };
}

export function stateView(
  google: LocalGoogle,
  store: WorkbookStore,
  executions: Executions,
  defaultUser: string,
): State {
  const model = store.model;
  const now = google.now();
  return {
    spreadsheet: { id: model.id, name: model.name, timeZone: model.timeZone, revision: model.revision },
    workbookPath: store.target,
    save: store.status(),
    sheets: model.sheets.map((s) => ({ name: s.name, hidden: s.hidden, rows: s.lastRow() })),
    menus: google.menus.get(model.id) ?? [],
    user: defaultUser,
    users: members(model),
    now: now.toISOString(),
    nowLocal: localMinute(now, model.timeZone),
    outbox: google.outbox.length,
    documents: listDocuments(google).length,
    triggers: google.triggers.map((t) => ({
      id: t.id,
      handler: t.handler,
      owner: t.owner,
      kind: t.kind,
      everyDays: t.everyDays ?? null,
      atHour: t.atHour ?? null,
      timeZone: t.timeZone ?? null,
      once:
        (t as ClockTriggerModel).once === undefined
          ? null
          : new Date((t as ClockTriggerModel).once!).toISOString(),
    })),
    executions: executions.list.slice(-100),
    logs: google.logs.slice(-100),
  };
}
