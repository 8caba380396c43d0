/**
 * Sheet: one sheet's ranges (by row and column or A1 notation), rows and columns inserted
 * and deleted, appendRow, frozen rows, visibility, tab colour and protections.
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet
 */
import { GasError } from '../../errors';
import type { ServiceHost } from '../../host';
import type { ProtectionModel, SheetModel, SpreadsheetModel } from '../../model/spreadsheet-model';
import { type A1, parseA1 } from '../../sheets/a1';
import { writeCell } from '../../sheets/typed-input';
import { make } from './factory';
import type { ProtectionApi, RangeApi, SheetApi, SpreadsheetApi } from './types';

function checkInt(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new GasError(`The parameters (${typeof v}) don't match the method signature for ${name}.`);
  }
  return Math.floor(v);
}

export class Sheet implements SheetApi {
  constructor(
    private readonly x: ServiceHost,
    readonly _ss: SpreadsheetModel,
    readonly _m: SheetModel,
  ) {}
  getName(): string {
    return this._m.name;
  }
  setName(name: string): Sheet {
    const lower = String(name).toLowerCase();
    if (this._ss.sheets.some((s) => s !== this._m && s.name.toLowerCase() === lower)) {
      throw new GasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this._m.name = name;
    this._ss.touch();
    return this;
  }
  getSheetId(): number {
    return this._m.id;
  }
  getIndex(): number {
    return this._ss.sheets.indexOf(this._m) + 1;
  }
  getParent(): SpreadsheetApi {
    return make().spreadsheet(this.x, this._ss);
  }
  getLastRow(): number {
    return this._m.lastRow();
  }
  getLastColumn(): number {
    return this._m.lastColumn();
  }
  getMaxRows(): number {
    return this._m.maxRows;
  }
  getMaxColumns(): number {
    return this._m.maxColumns;
  }
  getFrozenRows(): number {
    return this._m.frozenRows;
  }
  setFrozenRows(n: number): void {
    this._m.frozenRows = checkInt('Sheet.setFrozenRows', n);
    this._ss.touch();
  }
  getFrozenColumns(): number {
    return this._m.frozenColumns;
  }
  setFrozenColumns(n: number): void {
    this._m.frozenColumns = checkInt('Sheet.setFrozenColumns', n);
    this._ss.touch();
  }
  isSheetHidden(): boolean {
    return this._m.hidden;
  }
  hideSheet(): Sheet {
    this._m.hidden = true;
    this._ss.touch();
    return this;
  }
  showSheet(): Sheet {
    this._m.hidden = false;
    this._ss.touch();
    return this;
  }
  setTabColor(color: string | null): Sheet {
    this._m.tabColor = color;
    this._ss.touch();
    return this;
  }
  setColumnWidth(col: number, width: number): Sheet {
    this._m.columnWidths.set(col, width);
    return this;
  }
  /**
   * getRange(row, column, numRows?, numColumns?) or getRange(a1Notation).
   * Errors as Apps Script raises them for the cases the add-on can hit.
   */
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): RangeApi {
    if (typeof a === 'string') {
      const p = parseA1(a);
      if (!p || (p.sheet && p.sheet !== this._m.name)) throw new GasError('Range not found');
      return this._rangeFromA1(p);
    }
    const row = checkInt('Sheet.getRange', a);
    const col = checkInt('Sheet.getRange', column);
    const nr = numRows === undefined ? 1 : checkInt('Sheet.getRange', numRows);
    const nc = numColumns === undefined ? 1 : checkInt('Sheet.getRange', numColumns);
    if (row < 1) throw new GasError('The starting row of the range is too small.');
    if (col < 1) throw new GasError('The starting column of the range is too small.');
    if (nr < 1) throw new GasError('The number of rows in the range must be at least 1.');
    if (nc < 1) throw new GasError('The number of columns in the range must be at least 1.');
    if (row + nr - 1 > this._m.maxRows || col + nc - 1 > this._m.maxColumns) {
      throw new GasError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return make().range(this.x, this._ss, this._m, row, col, nr, nc);
  }
  _rangeFromA1(p: A1): RangeApi {
    const range = this._rangeFromA1Bounds(p);
    range._open = {
      rowStart: p.r1 === null,
      rowEnd: p.r2 === null,
      cols: p.c1 === null && p.c2 === null,
    };
    return range;
  }
  private _rangeFromA1Bounds(p: A1): RangeApi {
    const r1 = p.r1 ?? 1;
    const c1 = p.c1 ?? 1;
    const r2 = p.r2 ?? this._m.maxRows;
    const c2 = p.c2 ?? this._m.maxColumns;
    const [ra, rb] = r1 <= r2 ? [r1, r2] : [r2, r1];
    const [ca, cb] = c1 <= c2 ? [c1, c2] : [c2, c1];
    if (rb > this._m.maxRows || cb > this._m.maxColumns) throw new GasError('Range not found');
    return make().range(this.x, this._ss, this._m, ra, ca, rb - ra + 1, cb - ca + 1);
  }
  /** Clears contents and formats of the whole sheet (validation stays, as in Sheets). */
  clear(): Sheet {
    this.getRange(1, 1, this._m.maxRows, this._m.maxColumns).clear();
    return this;
  }
  clearContents(): Sheet {
    this.guard(null);
    this._m.cells = [];
    this._m.formulas.clear();
    this._ss.touch();
    return this;
  }
  getDataRange(): RangeApi {
    const nr = Math.max(1, this._m.lastRow());
    const nc = Math.max(1, this._m.lastColumn());
    return make().range(this.x, this._ss, this._m, 1, 1, nr, nc);
  }
  appendRow(values: unknown[]): Sheet {
    if (!Array.isArray(values) || values.length === 0) {
      throw new GasError(
        "The parameters (number[]) don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    }
    for (const v of values) this.x.checkCellSize(v);
    const r = this._m.lastRow() + 1;
    this.guard({ r1: r, c1: 1, r2: r, c2: values.length });
    this.x.counter.wrote(values.length);
    if (r > this._m.maxRows) this._m.maxRows = r;
    if (values.length > this._m.maxColumns) this._m.maxColumns = values.length;
    values.forEach((v, i) => {
      writeCell(this._ss, this._m, r, i + 1, v, this.x.google.now());
    });
    this._ss.touch();
    return this;
  }
  insertRowsAfter(after: number, n: number): Sheet {
    return this.insertRows(checkInt('Sheet.insertRowsAfter', after), checkInt('Sheet.insertRowsAfter', n));
  }
  insertRowsBefore(before: number, n: number): Sheet {
    return this.insertRows(before - 1, n);
  }
  /**
   * Rows inserted inside a protected range (between two of its rows: the half row in the
   * area below) or into a protected sheet need edit permission on it; protections move.
   */
  private insertRows(after: number, n: number): Sheet {
    this.guard({ r1: after + 0.5, c1: 1, r2: after + 0.5, c2: this._m.maxColumns });
    this._m.insertRows(after, n);
    this._ss.shiftProtections(this._m.id, 'row', after, n);
    this._ss.touch();
    return this;
  }
  insertColumnsAfter(after: number, n: number): Sheet {
    this.guard({ r1: 1, c1: after + 0.5, r2: this._m.maxRows, c2: after + 0.5 });
    this._m.insertColumns(after, n);
    this._ss.shiftProtections(this._m.id, 'col', after, n);
    this._ss.touch();
    return this;
  }
  deleteRow(row: number): Sheet {
    return this.deleteRows(row, 1);
  }
  deleteRows(start: number, n: number): Sheet {
    if (start < 1 || start + n - 1 > this._m.maxRows) throw new GasError('Those rows are out of bounds.');
    if (this._m.maxRows - n <= this._m.frozenRows) {
      throw new GasError('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this.guard({ r1: start, c1: 1, r2: start + n - 1, c2: this._m.maxColumns });
    this._m.deleteRows(start, n);
    this._ss.shiftProtections(this._m.id, 'row', start, -n);
    this._ss.touch();
    return this;
  }
  deleteColumns(start: number, n: number): Sheet {
    if (start < 1 || start + n - 1 > this._m.maxColumns)
      throw new GasError('Those columns are out of bounds.');
    this.guard({ r1: 1, c1: start, r2: this._m.maxRows, c2: start + n - 1 });
    this._m.deleteColumns(start, n);
    this._ss.shiftProtections(this._m.id, 'col', start, -n);
    this._ss.touch();
    return this;
  }
  /**
   * The sheet's protection: its existing one if it is protected already, else a new one
   * that stops nobody until its editors are set (protection.ts).
   */
  protect(): ProtectionApi {
    const had = this._ss.protections.find((p) => p.sheetId === this._m.id && p.range === null);
    if (had) return make().protection(this.x, this._ss, had);
    const p: ProtectionModel = {
      id: this._ss.newProtectionId(),
      sheetId: this._m.id,
      range: null,
      description: '',
      warningOnly: false,
    };
    this._ss.protections.push(p);
    this._ss.touch();
    return make().protection(this.x, this._ss, p);
  }
  /** Throws Sheets' message when a protection the user may not edit covers `area` (null: any). */
  private guard(area: { r1: number; c1: number; r2: number; c2: number } | null): void {
    this._ss.assertCanEdit(this._m.id, this.x.user, this._ss.ownerOr(this.x.google.defaultUser), area);
  }
  getProtections(type: string): ProtectionApi[] {
    return this._ss.protections
      .filter((p) => p.sheetId === this._m.id && (type === 'SHEET' ? p.range === null : p.range !== null))
      .map((p) => make().protection(this.x, this._ss, p));
  }
  /** Makes this the active sheet (developers.google.com/apps-script/reference/spreadsheet/sheet#activate()). */
  activate(): Sheet {
    this._ss.activeSheetId = this._m.id;
    return this;
  }
}
