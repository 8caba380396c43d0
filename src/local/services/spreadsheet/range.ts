/**
 * Range: a block of cells — values (typed input on write), display values, formulas,
 * number formats, formatting, notes, data validation, A1 notation and protection.
 * https://developers.google.com/apps-script/reference/spreadsheet/range
 */
import { isDate } from '../../../domain/dates';
import { GasError } from '../../errors';
import type { ServiceHost } from '../../host';
import {
  type CellValue,
  cellKey as key,
  type ProtectionModel,
  type SheetModel,
  type SpreadsheetModel,
} from '../../model/spreadsheet-model';
import { columnToLetters } from '../../sheets/a1';
import { normalizeColor } from '../../sheets/colors';
import { displayCell } from '../../sheets/formats';
import { shiftFormula } from '../../sheets/formula-shift';
import { writeCell } from '../../sheets/typed-input';
import { make } from './factory';
import { TextFinder } from './text-finder';
import type { DataValidationApi, OpenEnds, ProtectionApi, RangeApi, SheetApi } from './types';

/**
 * What live Apps Script reports as the number format of a cell never formatted, and of one set
 * to `general` (gas-fakes notes/oddities.md:364; test/testsheets.js:2051, 2062, 2068, 2134).
 */
export const DEFAULT_NUMBER_FORMAT = '0.###############';
const reported = (fmt: string | undefined) =>
  fmt === undefined || /^general$/i.test(fmt) ? DEFAULT_NUMBER_FORMAT : fmt;

export class Range implements RangeApi {
  constructor(
    private readonly x: ServiceHost,
    readonly _ss: SpreadsheetModel,
    readonly _s: SheetModel,
    readonly _r: number,
    readonly _c: number,
    readonly _nr: number,
    readonly _nc: number,
  ) {}
  getRow(): number {
    return this._r;
  }
  getColumn(): number {
    return this._c;
  }
  getLastRow(): number {
    return this._r + this._nr - 1;
  }
  getLastColumn(): number {
    return this._c + this._nc - 1;
  }
  getNumRows(): number {
    return this._nr;
  }
  getNumColumns(): number {
    return this._nc;
  }
  getSheet(): SheetApi {
    return make().sheet(this.x, this._ss, this._s);
  }
  /** Set for ranges from open-ended A1 notation (A:A, 2:2, A2:C), which keep that form. */
  _open: OpenEnds | null = null;
  getA1Notation(): string {
    if (this._open?.sheet) return '';
    const c1 = columnToLetters(this._c);
    const c2 = columnToLetters(this._c + this._nc - 1);
    const r2 = this._r + this._nr - 1;
    if (this._open?.cols) return `${this._r}:${r2}`;
    if (this._open?.rowStart && this._open.rowEnd) return `${c1}:${c2}`;
    if (this._open?.rowEnd) return `${c1}${this._r}:${c2}`;
    const a = `${columnToLetters(this._c)}${this._r}`;
    if (this._nr === 1 && this._nc === 1) return a;
    return `${a}:${columnToLetters(this._c + this._nc - 1)}${this._r + this._nr - 1}`;
  }
  /**
   * Every write first: throws Sheets' message when a protection the executing user may not
   * edit covers a cell of the range (a script runs as its user; reads are never stopped).
   */
  private guard(): void {
    this._ss.assertCanEdit(this._s.id, this.x.user, this._ss.ownerOr(this.x.google.defaultUser), {
      r1: this._r,
      c1: this._c,
      r2: this._r + this._nr - 1,
      c2: this._c + this._nc - 1,
    });
  }
  /** True when the executing user may edit every cell of the range (the owner always may). */
  canEdit(): boolean {
    try {
      this.guard();
      return true;
    } catch {
      return false;
    }
  }
  /** Counts the cells a read moves (every cell of the range, as Sheets sends them all). */
  private read<T>(f: (r: number, c: number) => T): T[][] {
    this.x.counter.read(this._nr * this._nc);
    return this.grid(f);
  }
  private grid<T>(f: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this._nr; i++) {
      const row: T[] = [];
      for (let j = 0; j < this._nc; j++) row.push(f(this._r + i, this._c + j));
      out.push(row);
    }
    return out;
  }
  /** Values: numbers, booleans, Dates and strings; empty cells are ''. */
  getValues(): CellValue[][] {
    return this.read((r, c) => {
      const v = this._s.get(r, c);
      return isDate(v) ? new Date(v.getTime()) : v;
    });
  }
  getValue(): CellValue {
    this.x.counter.read(1);
    const v = this._s.get(this._r, this._c);
    return isDate(v) ? new Date(v.getTime()) : v;
  }
  getDisplayValues(): string[][] {
    return this.read((r, c) => this.display(r, c));
  }
  getDisplayValue(): string {
    this.x.counter.read(1);
    return this.display(this._r, this._c);
  }
  private display(r: number, c: number): string {
    return displayCell(this._s.get(r, c), this._s.numberFormats.get(key(r, c)), this._ss.timeZone);
  }
  getFormulas(): string[][] {
    return this.read((r, c) => this._s.formulas.get(key(r, c)) ?? '');
  }
  setValues(values: unknown[][]): Range {
    if (!Array.isArray(values)) {
      throw new GasError(
        "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
      );
    }
    if (values.length !== this._nr) {
      throw new GasError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this._nr}.`,
      );
    }
    for (const row of values) {
      if (!Array.isArray(row) || row.length !== this._nc) {
        throw new GasError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${this._nc}.`,
        );
      }
    }
    for (const row of values) for (const v of row) this.x.checkCellSize(v);
    this.guard();
    this.x.counter.wrote(this._nr * this._nc);
    const now = this.x.google.now();
    values.forEach((row, i) => {
      row.forEach((v, j) => {
        writeCell(this._ss, this._s, this._r + i, this._c + j, v, now);
      });
    });
    this._ss.touch();
    return this;
  }
  setValue(v: unknown): Range {
    return this.setValues(this.grid(() => v));
  }
  clearContent(): Range {
    this.guard();
    this.grid((r, c) => {
      this._s.set(r, c, '');
      this._s.formulas.delete(key(r, c));
    });
    this._ss.touch();
    return this;
  }
  clear(): Range {
    this.guard();
    this.grid((r, c) => {
      const k = key(r, c);
      this._s.set(r, c, '');
      this._s.formulas.delete(k);
      this._s.numberFormats.delete(k);
      this._s.fontWeights.delete(k);
      this._s.backgrounds.delete(k);
    });
    this._ss.touch();
    return this;
  }
  setNumberFormat(fmt: string): Range {
    this.guard();
    this.grid((r, c) => this._s.numberFormats.set(key(r, c), String(fmt)));
    this._ss.touch();
    return this;
  }
  getNumberFormats(): string[][] {
    return this.read((r, c) => reported(this._s.numberFormats.get(key(r, c))));
  }
  getNumberFormat(): string {
    this.x.counter.read(1);
    return reported(this._s.numberFormats.get(key(this._r, this._c)));
  }
  setFontWeight(w: string | null): Range {
    this.guard();
    this.grid((r, c) => (w ? this._s.fontWeights.set(key(r, c), w) : this._s.fontWeights.delete(key(r, c))));
    this._ss.touch();
    return this;
  }
  getFontWeights(): string[][] {
    return this.grid((r, c) => this._s.fontWeights.get(key(r, c)) ?? 'normal');
  }
  /** A CSS colour name is stored as its hex (`LIGHTCORAL` → `#f08080`, sheets/colors.ts). */
  setBackground(color: string | null): Range {
    this.guard();
    this.grid((r, c) =>
      color
        ? this._s.backgrounds.set(key(r, c), normalizeColor(color))
        : this._s.backgrounds.delete(key(r, c)),
    );
    this._ss.touch();
    return this;
  }
  getBackgrounds(): string[][] {
    return this.grid((r, c) => this._s.backgrounds.get(key(r, c)) ?? '#ffffff');
  }
  getBackground(): string {
    return this._s.backgrounds.get(key(this._r, this._c)) ?? '#ffffff';
  }
  /** The note of every cell of the range (gas-fakes test/testsheets.js:786); '' or null removes it. */
  setNote(note: string | null): Range {
    this.guard();
    this.grid((r, c) =>
      note === null || note === ''
        ? this._s.notes.delete(key(r, c))
        : this._s.notes.set(key(r, c), String(note)),
    );
    this._ss.touch();
    return this;
  }
  getNote(): string {
    return this._s.notes.get(key(this._r, this._c)) ?? '';
  }
  getNotes(): string[][] {
    return this.grid((r, c) => this._s.notes.get(key(r, c)) ?? '');
  }
  setDataValidation(rule: DataValidationApi | null): Range {
    this.guard();
    this._s.setValidation(
      this._r,
      this._c,
      this._r + this._nr - 1,
      this._c + this._nc - 1,
      rule ? { ...rule._rule, args: [...rule._rule.args] } : null,
    );
    this._ss.touch();
    return this;
  }
  getDataValidation(): DataValidationApi | null {
    const rule = this._s.validationAt(this._r, this._c);
    return rule ? make().dataValidation(this.x, rule) : null;
  }
  getDataValidations(): (DataValidationApi | null)[][] {
    return this.grid((r, c) => {
      const rule = this._s.validationAt(r, c);
      return rule ? make().dataValidation(this.x, rule) : null;
    });
  }
  /** Rules per cell (null clears), in the range's shape, as setValues checks it. */
  setDataValidations(rules: (DataValidationApi | null)[][]): Range {
    this.checkShape(rules);
    this.guard();
    rules.forEach((row, i) => {
      row.forEach((rule, j) => {
        const r = this._r + i;
        const c = this._c + j;
        this._s.setValidation(r, c, r, c, rule ? { ...rule._rule, args: [...rule._rule.args] } : null);
      });
    });
    this._ss.touch();
    return this;
  }
  clearDataValidations(): Range {
    return this.setDataValidation(null);
  }
  setNumberFormats(formats: string[][]): Range {
    this.checkShape(formats);
    this.guard();
    formats.forEach((row, i) => {
      row.forEach((f, j) => {
        this._s.numberFormats.set(key(this._r + i, this._c + j), String(f));
      });
    });
    this._ss.touch();
    return this;
  }
  getFormula(): string {
    this.x.counter.read(1);
    return this._s.formulas.get(key(this._r, this._c)) ?? '';
  }
  /**
   * The formula in every cell of the range, its relative references moved with the cell
   * (sheets/formula-shift.ts). `null` or '' clears the cells, as `setValue(null)` does
   * (assumption: the reference does not say; `npm run live-check` probes it).
   */
  setFormula(formula: string | null): Range {
    const f = formula === null || formula === undefined ? '' : String(formula);
    return this.setValues(this.grid((r, c) => shiftFormula(f, r - this._r, c - this._c)));
  }
  setFormulas(formulas: string[][]): Range {
    this.checkShape(formulas);
    return this.setValues(formulas.map((row) => row.map(String)));
  }
  /** Finds text in this range's cells, in Sheets (text-finder.ts). */
  createTextFinder(findText: string): TextFinder {
    const area = { r: this._r, c: this._c, nr: this._nr, nc: this._nc };
    return this.x.wrap(new TextFinder(this.x, this._ss, this._s, area, String(findText)), 'TextFinder');
  }
  /** A cell of this range, 1-based relative to its top-left corner. */
  getCell(row: number, column: number): Range {
    if (row < 1 || column < 1 || row > this._nr || column > this._nc) {
      throw new GasError('Cell reference out of range');
    }
    return this.x.wrap(
      new Range(this.x, this._ss, this._s, this._r + row - 1, this._c + column - 1, 1, 1),
      'Range',
    );
  }
  /** True when no cell of the range has a value or a formula. */
  isBlank(): boolean {
    return this.grid((r, c) => this._s.get(r, c) === '' && !this._s.formulas.has(key(r, c))).every((row) =>
      row.every(Boolean),
    );
  }
  private checkShape(values: unknown[][]): void {
    if (!Array.isArray(values) || values.length !== this._nr) {
      throw new GasError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(values) ? values.length : 0} but the range has ${this._nr}.`,
      );
    }
    for (const row of values) {
      if (!Array.isArray(row) || row.length !== this._nc) {
        throw new GasError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${this._nc}.`,
        );
      }
    }
  }
  /**
   * A new protection over the range, overlapping any there are; whole columns (`A:A`) stay
   * covered as rows are added. Nobody is stopped until its editors are set (protection.ts).
   */
  protect(): ProtectionApi {
    const p: ProtectionModel = {
      id: this._ss.newProtectionId(),
      sheetId: this._s.id,
      range: { r1: this._r, c1: this._c, r2: this._r + this._nr - 1, c2: this._c + this._nc - 1 },
      description: '',
      warningOnly: false,
    };
    if (this._open?.rowStart && this._open.rowEnd && !this._open.cols) p.wholeColumns = true;
    this._ss.protections.push(p);
    this._ss.touch();
    return make().protection(this.x, this._ss, p);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): RangeApi {
    return this.getSheet().getRange(
      this._r + rowOffset,
      this._c + columnOffset,
      numRows ?? this._nr,
      numColumns ?? this._nc,
    );
  }
  /** Selects the range, making its sheet the active one (…/spreadsheet/range#activate()). */
  activate(): Range {
    this._ss.activeSheetId = this._s.id;
    return this;
  }
}
