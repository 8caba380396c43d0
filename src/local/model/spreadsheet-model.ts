/**
 * The stored state of a spreadsheet, shared by all executions: sheets with their cells,
 * formulas, number formats, formatting, notes, data validation areas and frozen rows;
 * named ranges and protections. The SpreadsheetApp classes (services/spreadsheet/) are
 * views over it; the .xlsx store (xlsx.ts) and the sample (sample.ts) fill it directly.
 */

import { GasError } from '../errors';

export type CellValue = string | number | boolean | Date;

/** The key of a cell in a sheet's keyed maps (formulas, number formats, notes…). */
export const cellKey = (r: number, c: number) => `${r},${c}`;

export interface ValidationRule {
  criteria: string; // DataValidationCriteria name, e.g. VALUE_IN_LIST
  args: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

interface ValidationArea {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  rule: ValidationRule | null;
}

export interface ProtectionModel {
  id: number;
  sheetId: number;
  /** The protected cells; null = the whole sheet (a sheet protection). */
  range: { r1: number; c1: number; r2: number; c2: number } | null;
  /** Whole columns c1..c2 (protected from `A:A`): rows inserted anywhere stay covered. */
  wholeColumns?: boolean;
  description: string;
  warningOnly: boolean;
  /**
   * Who may edit (lower-case emails) once a script has set the list; absent or null until
   * then: the permissions mirror the spreadsheet's, which leaves the area unprotected
   * (developers.google.com/apps-script/reference/spreadsheet/range#protect()).
   */
  editors?: string[] | null;
  /** Everyone in the owner's domain may edit (setDomainEdit). */
  domainEdit?: boolean;
}

/**
 * What a script running as a user who may not edit a protected cell is told (the Sheets
 * message, see docs/local-runtime.md "Protections").
 */
export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

type Area = { r1: number; c1: number; r2: number; c2: number };

export class SheetModel {
  /** Values by 0-based row then column; missing cells are ''. */
  cells: CellValue[][] = [];
  formulas = new Map<string, string>();
  numberFormats = new Map<string, string>();
  fontWeights = new Map<string, string>();
  backgrounds = new Map<string, string>();
  notes = new Map<string, string>();
  validations: ValidationArea[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  columnWidths = new Map<number, number>();
  constructor(
    public id: number,
    public name: string,
    public maxRows = 1000,
    public maxColumns = 26,
  ) {}

  get(r: number, c: number): CellValue {
    return this.cells[r - 1]?.[c - 1] ?? '';
  }
  set(r: number, c: number, v: CellValue): void {
    let row = this.cells[r - 1];
    if (!row) {
      for (let i = this.cells.length; i < r; i++) this.cells[i] ??= [];
      row = this.cells[r - 1]!;
    }
    for (let i = row.length; i < c - 1; i++) row[i] = '';
    row[c - 1] = v;
  }
  lastRow(): number {
    for (let r = this.cells.length; r >= 1; r--) {
      const row = this.cells[r - 1];
      if (row?.some((v) => v !== '')) return r;
    }
    return 0;
  }
  lastColumn(): number {
    let max = 0;
    for (const row of this.cells) {
      if (!row) continue;
      for (let c = row.length; c > max; c--) {
        if (row[c - 1] !== '') {
          max = c;
          break;
        }
      }
    }
    return max;
  }
  validationAt(r: number, c: number): ValidationRule | null {
    for (let i = this.validations.length - 1; i >= 0; i--) {
      const a = this.validations[i]!;
      if (r >= a.r1 && r <= a.r2 && c >= a.c1 && c <= a.c2) return a.rule;
    }
    return null;
  }
  setValidation(r1: number, c1: number, r2: number, c2: number, rule: ValidationRule | null): void {
    // Areas wholly covered by the new one are dropped, so repeated runs don't pile up.
    this.validations = this.validations.filter(
      (a) => !(a.r1 >= r1 && a.r2 <= r2 && a.c1 >= c1 && a.c2 <= c2),
    );
    this.validations.push({ r1, c1, r2, c2, rule });
  }
  /**
   * Rows inserted after row `after` take that row's number formats and data validation, as
   * rows inserted in Sheets take the formatting of the row above (assumption, see
   * docs/local-runtime.md).
   */
  insertRows(after: number, n: number): void {
    this.cells.splice(after, 0, ...Array.from({ length: n }, () => [] as CellValue[]));
    this.shiftKeyed((r, c) => (r > after ? [r + n, c] : [r, c]));
    for (const a of this.validations) {
      const covers = a.r1 <= after && a.r2 >= after;
      if (a.r1 > after) a.r1 += n;
      if (a.r2 > after || covers) a.r2 += n;
    }
    if (after >= 1) {
      const above = [...this.numberFormats].filter(([k]) => k.startsWith(`${after},`));
      for (const [k, fmt] of above) {
        const c = k.slice(k.indexOf(',') + 1);
        for (let r = after + 1; r <= after + n; r++) this.numberFormats.set(`${r},${c}`, fmt);
      }
    }
    this.maxRows += n;
  }
  deleteRows(start: number, n: number): void {
    this.cells.splice(start - 1, n);
    this.shiftKeyed((r, c) => (r >= start + n ? [r - n, c] : r >= start ? null : [r, c]));
    const end = start + n - 1;
    // Areas inside the deleted rows go; the others shrink or move up with their rows.
    this.validations = this.validations
      .filter((a) => !(a.r1 >= start && a.r2 <= end))
      .map((a) => {
        const keep = (r: number) => (r < start ? r : r > end ? r - n : start);
        return { ...a, r1: keep(a.r1), r2: a.r2 > end ? a.r2 - n : Math.min(a.r2, start - 1) };
      });
    this.maxRows -= n;
  }
  insertColumns(after: number, n: number): void {
    for (const row of this.cells)
      if (row && row.length > after) row.splice(after, 0, ...Array<CellValue>(n).fill(''));
    this.shiftKeyed((r, c) => (c > after ? [r, c + n] : [r, c]));
    for (const a of this.validations) {
      if (a.c1 > after) a.c1 += n;
      if (a.c2 > after) a.c2 += n;
    }
    this.maxColumns += n;
  }
  deleteColumns(start: number, n: number): void {
    for (const row of this.cells) if (row) row.splice(start - 1, n);
    this.shiftKeyed((r, c) => (c >= start + n ? [r, c - n] : c >= start ? null : [r, c]));
    this.validations = this.validations
      .filter((a) => !(a.c1 >= start && a.c2 < start + n))
      .map((a) => ({
        ...a,
        c1: a.c1 >= start + n ? a.c1 - n : a.c1,
        c2: a.c2 >= start + n ? a.c2 - n : a.c2,
      }));
    this.maxColumns -= n;
  }
  private shiftKeyed(f: (r: number, c: number) => [number, number] | null): void {
    for (const m of [this.formulas, this.numberFormats, this.fontWeights, this.backgrounds, this.notes]) {
      const entries = [...m.entries()];
      m.clear();
      for (const [k, v] of entries) {
        const [r, c] = k.split(',').map(Number) as [number, number];
        const to = f(r, c);
        if (to) (m as Map<string, string>).set(`${to[0]},${to[1]}`, v);
      }
    }
  }
}

export class SpreadsheetModel {
  sheets: SheetModel[] = [];
  namedRanges = new Map<string, { sheetId: number; r1: number; c1: number; r2: number; c2: number }>();
  protections: ProtectionModel[] = [];
  /** The owner's email; null = the local Google's default user (`ownerOr`). */
  owner: string | null = null;
  private nextSheetId = 0;
  private nextProtectionId = 1;
  /** Bumped on every change: the workbench and file store use it to know when to save. */
  revision = 0;
  /** The sheet the user sees (a sheet id; null = the first). Not a change of the content. */
  activeSheetId: number | null = null;
  constructor(
    public id: string,
    public name: string,
    public timeZone = 'Asia/Shanghai',
    public locale = 'en_US',
  ) {}
  addSheet(name: string, index?: number): SheetModel {
    const s = new SheetModel(this.nextSheetId++, name);
    if (index === undefined || index >= this.sheets.length) this.sheets.push(s);
    else this.sheets.splice(Math.max(0, index), 0, s);
    return s;
  }
  /** Sheet names are unique ignoring case; an exact match wins. */
  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return (
      this.sheets.find((s) => s.name === name) ?? this.sheets.find((s) => s.name.toLowerCase() === lower)
    );
  }
  newProtectionId(): number {
    return this.nextProtectionId++;
  }
  /** The owner's email (lower case); `fallback` when none is recorded. */
  ownerOr(fallback: string): string {
    return (this.owner ?? fallback).toLowerCase();
  }
  /**
   * May `user` edit through protection `p`? Warning-only protections and those whose
   * editors were never set stop nobody; the owner may always edit.
   */
  mayEdit(p: ProtectionModel, user: string, owner: string): boolean {
    const u = user.toLowerCase();
    if (p.warningOnly || !p.editors || p.domainEdit || u === owner) return true;
    return p.editors.includes(u);
  }
  /**
   * Throws Sheets' message when a protection of sheet `sheetId` that `user` may not edit
   * covers `area` (null: any protection of the sheet — clearing, deleting or resizing it).
   * Range protections of whole columns cover every row.
   */
  assertCanEdit(sheetId: number, user: string, owner: string, area: Area | null): void {
    for (const p of this.protections) {
      if (p.sheetId !== sheetId || this.mayEdit(p, user, owner)) continue;
      if (area && p.range) {
        const r = p.range;
        const rows = p.wholeColumns || (area.r1 <= r.r2 && area.r2 >= r.r1);
        if (!rows || area.c1 > r.c2 || area.c2 < r.c1) continue;
      }
      throw new GasError(PROTECTED_MESSAGE);
    }
  }
  /**
   * Range protections of a sheet move with rows (`dim` 'row') or columns inserted (`n` > 0,
   * after `at`) or deleted (`n` < 0, from `at`); one whose cells are all deleted goes.
   */
  shiftProtections(sheetId: number, dim: 'row' | 'col', at: number, n: number): void {
    const [lo, hi] = dim === 'row' ? (['r1', 'r2'] as const) : (['c1', 'c2'] as const);
    this.protections = this.protections.filter((p) => {
      if (p.sheetId !== sheetId || !p.range || (dim === 'row' && p.wholeColumns)) return true;
      const r = p.range;
      if (n > 0) {
        if (r[lo] > at) r[lo] += n;
        if (r[hi] > at) r[hi] += n;
        return true;
      }
      const end = at - n - 1;
      if (r[lo] >= at && r[hi] <= end) return false;
      const move = (v: number) => (v > end ? v + n : v >= at ? at : v);
      r[hi] = r[hi] > end ? r[hi] + n : Math.min(r[hi], at - 1);
      r[lo] = move(r[lo]);
      return true;
    });
  }
  touch(): void {
    this.revision++;
  }
}
