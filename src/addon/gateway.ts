/**
 * The sheet gateway: every read and write of a workbook sheet by the add-on goes through
 * here — record saves, Last Contacted updates, the audit and reminder logs, Settings
 * writes, Set up's header reads. It
 *  - reads the header row and maps columns by header text, refusing a missing or duplicated
 *    header, or headers that are not on row 1, by name;
 *  - finds rows by ID at the moment of writing (reading the ID column, never a remembered
 *    row number);
 *  - reads one row, and writes only the cells it is given, as literal values (text stays
 *    text; a plain-text `@` cell gets no apostrophe);
 *  - owns the locking: the document lock with a bounded wait, and `SpreadsheetApp.flush()`
 *    before every release, so the next holder reads what this one wrote.
 *
 * Cost of a save does not depend on the sheet's size in calls, and in cells only by its ID
 * column: header row + ID column + one row.
 */
import {
  type Cell,
  duplicateColumnsMessage,
  findHeaderRow,
  headerRowMessage,
  ID_SPACES,
  idsAboveRegex,
  missingColumnsMessage,
  normHeader,
  readHeaders,
  SchemaError,
} from '../domain/records';
import { idField, type LogSheetDef, type TableDef } from '../domain/schema';

/** Longest a sidebar save or menu command waits for another member's save. */
export const LOCK_WAIT_MS = 20_000;
/** onEdit is a simple trigger (30 s in all): it waits less and gives up quietly. */
export const EDIT_LOCK_WAIT_MS = 5_000;

/** The lock stayed taken: nothing was written; the member can simply try again. */
export class WorkbookBusy extends Error {
  constructor() {
    super('Another member is saving right now and the workbook stayed busy. Nothing was saved: try again.');
    this.name = 'WorkbookBusy';
  }
}

/**
 * Runs `fn` holding the document lock (the script lock when there is no container
 * document, e.g. an add-on's trigger). Pending writes are flushed before the lock is
 * released, so the next holder reads them.
 * developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()
 * developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush()
 */
export function withDocumentLock<T>(fn: () => T, waitMs = LOCK_WAIT_MS): T {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) throw new WorkbookBusy();
  try {
    return fn();
  } finally {
    try {
      SpreadsheetApp.flush();
    } finally {
      lock.releaseLock();
    }
  }
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Cells read rather than one more read call (a call ≈ 60 ms ≈ 1,800 cells at 33 µs). */
export const CELLS_PER_CALL = 1_800;

/**
 * Columns `c1` … `c1 + width − 1` of some rows (given newest first, descending), reading runs
 * of near rows in one call each: two rows are read together when the rows between them cost
 * less than another call. Reading stops at `budget` (in cells, a call counted as
 * CELLS_PER_CALL): the oldest rows past it are not read (always at least one run is).
 */
export function readNearRows(
  sheet: Sheet,
  rows: readonly number[],
  c1: number,
  width: number,
  budget = Number.POSITIVE_INFINITY,
): Map<number, unknown[]> {
  const gap = Math.max(1, Math.floor(CELLS_PER_CALL / width));
  const out = new Map<number, unknown[]>();
  let spent = 0;
  let i = 0;
  while (i < rows.length) {
    spent += CELLS_PER_CALL + width;
    if (spent > budget && out.size) break;
    let j = i;
    while (j + 1 < rows.length && rows[j]! - rows[j + 1]! <= gap) {
      const more = (rows[j]! - rows[j + 1]!) * width;
      if (spent + more > budget) break;
      spent += more;
      j++;
    }
    const top = rows[j]!;
    const block = sheet.getRange(top, c1, rows[i]! - top + 1, width).getValues();
    for (let k = i; k <= j; k++) out.set(rows[k]!, block[rows[k]! - top]!);
    i = j + 1;
  }
  return out;
}

/** `text` as a regular expression matching it literally (for a TextFinder pattern). */
export const regexLiteral = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** IDs looked up one by one (a TextFinder each) before reading the whole ID column is cheaper. */
export const FIND_AT_MOST = 3;

/** Cells of one row by 0-based column. */
export type RowCells = Map<number, Cell>;

export class SheetGateway {
  /** 0-based column of each field. */
  readonly cols: Record<string, number>;
  /** Number of columns of the header row. */
  readonly width: number;

  private constructor(
    readonly sheet: Sheet,
    readonly def: TableDef,
    readonly header: readonly unknown[],
  ) {
    const h = readHeaders(def, header);
    this.cols = h.cols;
    this.width = header.length;
  }

  /**
   * Opens a table's sheet for reading and writing: reads its header row (3 calls) and
   * refuses, naming them, missing or duplicated headers and a header row below row 1.
   */
  static open(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, def: TableDef): SheetGateway {
    const sheet = ss.getSheetByName(def.name);
    if (!sheet)
      throw new SchemaError(
        `Sheet "${def.name}" is missing. Run "Set up workbook" from the Outreach Desk menu to create it.`,
        def.name,
        [],
      );
    const header = headerRow(sheet);
    if (header.length === 0)
      throw new SchemaError(
        `Sheet "${def.name}" has no header row. Run "Set up workbook" first.`,
        def.name,
        [],
      );
    const h = readHeaders(def, header);
    if (h.needed.length) {
      // A title row inserted above the headers: say so rather than "missing" (read only then).
      const top = sheet.getRange(1, 1, Math.min(10, Math.max(1, sheet.getLastRow())), header.length);
      const at = findHeaderRow(def, top.getValues());
      if (at > 0) throw new SchemaError(headerRowMessage(def.name, at + 1), def.name, h.needed);
      throw new SchemaError(missingColumnsMessage(def.name, h.needed), def.name, h.needed);
    }
    // Columns records can do without that the sheet lacks (a new schema field before Set up
    // ran) are simply absent: nothing is written there, and a value for one is refused.
    if (h.duplicates.length)
      throw new SchemaError(duplicateColumnsMessage(def.name, h.duplicates), def.name, []);
    return new SheetGateway(sheet, def, header);
  }

  /** One field's column from row 2 to the last row with content, as trimmed text by row. */
  column(key: string): { values: string[]; firstRow: number; lastRow: number } {
    const lastRow = this.sheet.getLastRow();
    if (lastRow < 2) return { values: [], firstRow: 2, lastRow };
    const values = this.sheet.getRange(2, this.cols[key]! + 1, lastRow - 1, 1).getValues();
    return { values: values.map((r) => String(r[0] ?? '').trim()), firstRow: 2, lastRow };
  }

  /**
   * Raw cells of some fields' columns (one read per column, none of the others) from row 2 to
   * the last row with content: `cells[i][j]` is row i + 2 of `keys[j]`. Fields whose column
   * the sheet lacks are left out of `keys`.
   */
  columns(keys: readonly string[]): { keys: string[]; cells: unknown[][]; firstRow: number } {
    const present = keys.filter((k, i) => this.cols[k] !== undefined && keys.indexOf(k) === i);
    const lastRow = this.sheet.getLastRow();
    if (lastRow < 2) return { keys: present, cells: [], firstRow: 2 };
    const byKey = present.map((k) => this.sheet.getRange(2, this.cols[k]! + 1, lastRow - 1, 1).getValues());
    const cells = Array.from({ length: lastRow - 1 }, (_, i) => byKey.map((c) => c[i]![0]));
    return { keys: present, cells, firstRow: 2 };
  }

  /** The table's IDs, by 1-based sheet row (upper case, trimmed; blank rows give ''). */
  ids(): { ids: string[]; firstRow: number; lastRow: number } {
    const f = idField(this.def);
    if (!f) throw new Error(`${this.def.name} has no IDs.`);
    const c = this.column(f.key);
    return { ids: c.values.map((v) => v.toUpperCase()), firstRow: c.firstRow, lastRow: c.lastRow };
  }

  /**
   * The 1-based rows whose ID is `id` (ignoring case and spaces around it, as `ids()`), found
   * by Sheets' TextFinder on the ID column: no cell of the column comes to the script, so the
   * cost is the same on any number of rows. More than one when an ID was typed twice by hand.
   * developers.google.com/apps-script/reference/spreadsheet/text-finder
   */
  find(id: string, lastRow = this.sheet.getLastRow()): number[] {
    const want = id.trim();
    if (!want || lastRow < 2) return [];
    const col = this.cols[idField(this.def)!.key]! + 1;
    const text = `${ID_SPACES}${regexLiteral(want)}${ID_SPACES}`;
    return this.sheet
      .getRange(2, col, lastRow - 1, 1)
      .createTextFinder(text)
      .useRegularExpression(true)
      .matchEntireCell(true)
      .findAll()
      .map((r) => r.getRow());
  }

  /**
   * Whether any ID in the ID column is numbered above `n` (typed or pasted by hand where no
   * onEdit saw it): one TextFinder search, no cell read.
   */
  hasIdAbove(n: number, lastRow = this.sheet.getLastRow()): boolean {
    if (lastRow < 2) return false;
    const col = this.cols[idField(this.def)!.key]! + 1;
    return (
      this.sheet
        .getRange(2, col, lastRow - 1, 1)
        .createTextFinder(idsAboveRegex(this.def.idPrefix!, n))
        .useRegularExpression(true)
        .matchEntireCell(true)
        .findNext() !== null
    );
  }

  /**
   * Rows by ID for a few IDs: by `find` (no cells read) for up to FIND_AT_MOST of them, else by
   * one read of the ID column (cheaper than many finds on a small sheet).
   */
  rowsFor(wanted: readonly string[]): (id: string) => number[] {
    if (wanted.length <= FIND_AT_MOST) {
      const lastRow = this.sheet.getLastRow();
      return (id) => this.find(id, lastRow);
    }
    const all = this.ids();
    return (id) => this.rowsOf(id, all);
  }

  /** The 1-based rows whose ID is `id` (more than one when an ID was typed twice by hand). */
  rowsOf(id: string, ids = this.ids()): number[] {
    const want = id.trim().toUpperCase();
    const out: number[] = [];
    ids.ids.forEach((v, i) => {
      if (v === want) out.push(ids.firstRow + i);
    });
    return out;
  }

  /**
   * The row of the record a form opened: found by its ID now; `hint` (the row the form saw)
   * picks among rows with that ID, or names a row whose ID is blank. 0 when it is gone.
   */
  rowOfRecord(id: unknown, hint?: unknown): { row: number; others: number[] } {
    const want = String(id ?? '')
      .trim()
      .toUpperCase();
    const near = Number(hint) || 0;
    // By TextFinder for an ID (no cell of the column read); a blank ID is checked in the column.
    const blank = () => {
      const ids = this.ids();
      return near && ids.ids[near - ids.firstRow] === '' ? [near] : [];
    };
    const rows = want ? this.find(want) : blank();
    const row = rows.includes(near) ? near : (rows[0] ?? 0);
    return { row, others: rows.filter((r) => r !== row) };
  }

  /** One row: its values and number formats (a plain-text cell is written without apostrophe). */
  readRow(row: number): { values: unknown[]; formats: string[] } {
    const range = this.sheet.getRange(row, 1, 1, this.width);
    return { values: range.getValues()[0]!, formats: range.getNumberFormats()[0]! };
  }

  /**
   * Writes exactly the given cells of one row: one setValues per run of adjacent columns,
   * never a cell that is not given (members' own columns and formulas stay as they are).
   */
  writeCells(row: number, cells: RowCells): number {
    const cols = [...cells.keys()].sort((a, b) => a - b);
    let calls = 0;
    for (let i = 0; i < cols.length; ) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j]! + 1) j++;
      const run = cols.slice(i, j + 1).map((c) => cells.get(c)!);
      this.sheet.getRange(row, cols[i]! + 1, 1, run.length).setValues([run]);
      calls++;
      i = j + 1;
    }
    return calls;
  }

  /**
   * Number formats of the row a new record will take (after the last row with content), to
   * know which cells are plain text. Beyond the sheet's last row, the last row's formats
   * (rows added to a sheet take the formatting of the row above).
   */
  formatsOfNewRow(lastRow: number): string[] {
    const row = Math.min(Math.max(lastRow, 1) + 1, this.sheet.getMaxRows());
    return this.sheet.getRange(row, 1, 1, this.width).getNumberFormats()[0]!;
  }

  /**
   * Appends new records' cells after the last row with content: one appendRow per record,
   * each placed by Sheets itself at the end at that moment (a row a member types meanwhile is
   * never overwritten, as a setValues at a row number read earlier could), and growing a
   * full sheet; the cost is per record written, whatever the sheet's size. Columns not given
   * (members' own) are left blank. Returns the first row written (as the sheet then stood).
   */
  append(records: readonly RowCells[], lastRow: number): number {
    for (const cells of records)
      this.sheet.appendRow(Array.from({ length: this.width }, (_, i) => cells.get(i) ?? ''));
    return Math.max(lastRow, 1) + 1;
  }
}

/** Row 1 of a sheet, as far as it has columns ([] for an empty sheet). */
export function headerRow(sheet: Sheet): unknown[] {
  const lastCol = sheet.getLastColumn();
  return lastCol > 0 ? sheet.getRange(1, 1, 1, lastCol).getValues()[0]! : [];
}

// ---------------------------------------------------------------------------------------
// The add-on's own log sheets (audit, reminders): declared headers, appended rows.

export type { LogSheetDef } from '../domain/schema';

/**
 * The log sheet, created hidden on first use without making it the active sheet (the
 * member's tab stays where it was), its header put back when it was emptied by hand.
 */
/**
 * A log sheet, for a caller that does not hold the document lock: when it is missing it is
 * made under the lock, after looking again, so two executions that meet it missing at the
 * same moment (two reminder runs, two members marking greetings) do not both insert it —
 * the second insertSheet would fail with "A sheet with the name … already exists".
 */
export function logSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, def: LogSheetDef): Sheet {
  return ss.getSheetByName(def.name) ?? withDocumentLock(() => openLog(ss, def).sheet);
}

/**
 * The log sheet, made (hidden, header frozen) when missing, and its last row with content,
 * read once for an append. The caller holds the document lock (see logSheet otherwise).
 */
export function openLog(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  def: LogSheetDef,
): { sheet: Sheet; lastRow: number } {
  let sheet = ss.getSheetByName(def.name);
  if (!sheet) {
    const active = ss.getActiveSheet();
    sheet = ss.insertSheet(def.name, ss.getNumSheets());
    sheet.getRange(1, 1, 1, def.header.length).setValues([[...def.header]]);
    sheet.setFrozenRows(1);
    sheet.hideSheet();
    if (active) active.activate();
    return { sheet, lastRow: 1 };
  }
  const lastRow = sheet.getLastRow();
  if (lastRow > 0) return { sheet, lastRow };
  sheet.getRange(1, 1, 1, def.header.length).setValues([[...def.header]]);
  return { sheet, lastRow: 1 };
}

/** Column (0-based) of each header of a log sheet, by header text; -1 where absent. */
export function logColumns(header: readonly unknown[], def: LogSheetDef): Record<string, number> {
  const byText = header.map(normHeader);
  return Object.fromEntries(def.header.map((h) => [h, byText.indexOf(normHeader(h))]));
}

/**
 * Appends rows to a log sheet in one write (texts already made literal by the caller): one
 * appendRow for a single row, whatever the sheet's size.
 */
export function appendLogRows(
  sheet: Sheet,
  def: LogSheetDef,
  rows: readonly Cell[][],
  lastRow?: number,
): void {
  if (!rows.length) return;
  if (rows.length === 1) {
    sheet.appendRow([...rows[0]!]);
    return;
  }
  const start = Math.max(lastRow ?? sheet.getLastRow(), 1) + 1;
  const need = start + rows.length - 1;
  const max = sheet.getMaxRows();
  if (need > max) sheet.insertRowsAfter(max, need - max);
  sheet.getRange(start, 1, rows.length, def.header.length).setValues(rows.map((r) => [...r]));
}
