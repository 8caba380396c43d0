/**
 * Spreadsheet: a spreadsheet's sheets, A1 ranges across sheets, named ranges, protections,
 * time zone and toasts.
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet
 */
import { GasError } from '../../errors';
import type { ServiceHost } from '../../host';
import { type SheetModel, SpreadsheetModel } from '../../model/spreadsheet-model';
import { parseA1 } from '../../sheets/a1';
import { make } from './factory';
import type { ProtectionApi, RangeApi, SheetApi, SpreadsheetApi } from './types';

export class Spreadsheet implements SpreadsheetApi {
  constructor(
    private readonly x: ServiceHost,
    readonly _m: SpreadsheetModel,
  ) {}
  getId(): string {
    return this._m.id;
  }
  getName(): string {
    return this._m.name;
  }
  rename(name: string): void {
    this._m.name = name;
    this._m.touch();
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._m.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this._m.timeZone;
  }
  setSpreadsheetTimeZone(tz: string): void {
    this._m.timeZone = tz;
    this._m.touch();
  }
  getSpreadsheetLocale(): string {
    return this._m.locale;
  }
  getSheets(): SheetApi[] {
    return this._m.sheets.map((s) => this.sheet(s));
  }
  getNumSheets(): number {
    return this._m.sheets.length;
  }
  getSheetByName(name: string): SheetApi | null {
    const s = this._m.sheetByName(String(name));
    return s ? this.sheet(s) : null;
  }
  getSheetById(id: number): SheetApi | null {
    const s = this._m.sheets.find((x) => x.id === id);
    return s ? this.sheet(s) : null;
  }
  /** The sheet last activated (by insertSheet, Sheet.activate or Range.activate), else the first. */
  getActiveSheet(): SheetApi {
    const active = this._m.sheets.find((s) => s.id === this._m.activeSheetId);
    return this.sheet(active ?? this._m.sheets[0]!);
  }
  insertSheet(name?: string | number, index?: number): SheetApi {
    if (typeof name === 'number') {
      index = name;
      name = undefined;
    }
    const n = name ?? `Sheet${this._m.sheets.length + 1}`;
    if (this._m.sheetByName(n)) {
      throw new GasError(`A sheet with the name "${n}" already exists. Please enter another name.`);
    }
    const s = this._m.addSheet(n, index);
    // "The new sheet becomes the active sheet." (Spreadsheet.insertSheet reference)
    this._m.activeSheetId = s.id;
    this._m.touch();
    return this.sheet(s);
  }
  deleteSheet(sheet: SheetApi): void {
    if (this._m.sheets.length === 1) {
      throw new GasError("You can't remove all the sheets in a document.");
    }
    this._m.assertCanEdit(sheet._m.id, this.x.user, this.owner(), null);
    this._m.protections = this._m.protections.filter((p) => p.sheetId !== sheet._m.id);
    this._m.sheets = this._m.sheets.filter((s) => s !== sheet._m);
    this._m.touch();
  }
  getRange(a1: string): RangeApi {
    const p = parseA1(String(a1));
    if (!p) throw new GasError('Range not found');
    const sm = p.sheet ? this._m.sheetByName(p.sheet) : this._m.sheets[0];
    if (!sm) throw new GasError('Range not found');
    return this.sheet(sm)._rangeFromA1(p);
  }
  getRangeByName(name: string): RangeApi | null {
    const n = this._m.namedRanges.get(name);
    if (!n) return null;
    const sm = this._m.sheets.find((s) => s.id === n.sheetId);
    if (!sm) return null;
    return make().range(this.x, this._m, sm, n.r1, n.c1, n.r2 - n.r1 + 1, n.c2 - n.c1 + 1);
  }
  setNamedRange(name: string, range: RangeApi): void {
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) throw new GasError(`Invalid named range name: ${name}`);
    this._m.namedRanges.set(name, {
      sheetId: range._s.id,
      r1: range._r,
      c1: range._c,
      r2: range._r + range._nr - 1,
      c2: range._c + range._nc - 1,
    });
    this._m.touch();
  }
  toast(msg: string, title = '', timeoutSeconds = 5): void {
    void timeoutSeconds;
    this.x.google.ui.push({
      kind: 'toast',
      spreadsheetId: this._m.id,
      title: String(title),
      message: String(msg),
      at: this.x.google.now(),
    });
  }
  getProtections(type: string): ProtectionApi[] {
    return this._m.protections
      .filter((p) => (type === 'SHEET' ? p.range === null : p.range !== null))
      .map((p) => make().protection(this.x, this._m, p));
  }
  /** The owner: the model's, else the local Google's default user (who made the sample). */
  getOwner(): { getEmail(): string; toString(): string } | null {
    const email = this.owner();
    return { getEmail: () => email, toString: () => email };
  }
  private owner(): string {
    return this._m.ownerOr(this.x.google.defaultUser);
  }
  /**
   * A copy of the whole spreadsheet under a new name, as a new spreadsheet: every sheet with
   * its values, formulas, formats, notes, validation, frozen and hidden state, and the named
   * ranges and protections. (In Google it is a new Drive file in the owner's My Drive.)
   * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#copy(String)
   */
  copy(name: string): SpreadsheetApi {
    const id = this.x.google.newId('ss');
    const m = copySpreadsheetModel(this._m, id, String(name));
    m.owner = this.x.user.toLowerCase() || null; // whoever copies owns the copy
    this.x.google.spreadsheets.set(id, m);
    return make().spreadsheet(this.x, m);
  }
  private sheet(s: SheetModel): SheetApi {
    return make().sheet(this.x, this._m, s);
  }
}

/** A deep copy of a spreadsheet's model with a new id and name (sheet ids renumbered). */
function copySpreadsheetModel(src: SpreadsheetModel, id: string, name: string): SpreadsheetModel {
  const m = new SpreadsheetModel(id, name, src.timeZone, src.locale);
  const sheetIds = new Map<number, number>();
  for (const s of src.sheets) {
    const c = m.addSheet(s.name);
    sheetIds.set(s.id, c.id);
    Object.assign(c, structuredClone({ ...s }), { id: c.id });
  }
  for (const [n, r] of src.namedRanges) {
    const sheetId = sheetIds.get(r.sheetId);
    if (sheetId !== undefined) m.namedRanges.set(n, { ...r, sheetId });
  }
  for (const p of src.protections) {
    const sheetId = sheetIds.get(p.sheetId);
    if (sheetId !== undefined)
      m.protections.push({ ...structuredClone(p), id: m.newProtectionId(), sheetId });
  }
  return m;
}
