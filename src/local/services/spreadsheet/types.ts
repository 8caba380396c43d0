/**
 * The shapes of the emulated SpreadsheetApp classes (Spreadsheet, Sheet, Range, Protection,
 * DataValidation, DataValidationBuilder): the methods the Apps Script reference documents
 * (https://developers.google.com/apps-script/reference/spreadsheet) that the emulation
 * implements, plus the `_` members the classes read of one another. Each class file
 * implements its interface and names the others only through these, so that no class
 * file imports another (they make each other through factory.ts).
 */
import type {
  CellValue,
  ProtectionModel,
  SheetModel,
  SpreadsheetModel,
  ValidationRule,
} from '../../model/spreadsheet-model';
import type { A1 } from '../../sheets/a1';

/** https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet */
export interface SpreadsheetApi {
  readonly _m: SpreadsheetModel;
  getId(): string;
  getName(): string;
  rename(name: string): void;
  getUrl(): string;
  getSpreadsheetTimeZone(): string;
  setSpreadsheetTimeZone(tz: string): void;
  getSpreadsheetLocale(): string;
  getSheets(): SheetApi[];
  getNumSheets(): number;
  getSheetByName(name: string): SheetApi | null;
  getSheetById(id: number): SheetApi | null;
  getActiveSheet(): SheetApi;
  insertSheet(name?: string | number, index?: number): SheetApi;
  deleteSheet(sheet: SheetApi): void;
  getRange(a1: string): RangeApi;
  getRangeByName(name: string): RangeApi | null;
  setNamedRange(name: string, range: RangeApi): void;
  toast(msg: string, title?: string, timeoutSeconds?: number): void;
  getProtections(type: string): ProtectionApi[];
  getOwner(): { getEmail(): string } | null;
  copy(name: string): SpreadsheetApi;
}

/** https://developers.google.com/apps-script/reference/spreadsheet/sheet */
export interface SheetApi {
  readonly _ss: SpreadsheetModel;
  readonly _m: SheetModel;
  getName(): string;
  setName(name: string): SheetApi;
  getSheetId(): number;
  getIndex(): number;
  getParent(): SpreadsheetApi;
  getLastRow(): number;
  getLastColumn(): number;
  getMaxRows(): number;
  getMaxColumns(): number;
  getFrozenRows(): number;
  setFrozenRows(n: number): void;
  getFrozenColumns(): number;
  setFrozenColumns(n: number): void;
  isSheetHidden(): boolean;
  hideSheet(): SheetApi;
  showSheet(): SheetApi;
  setTabColor(color: string | null): SheetApi;
  setColumnWidth(col: number, width: number): SheetApi;
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): RangeApi;
  /** The range an A1 reference on this sheet names, keeping open-ended forms (A:A, 2:2). */
  _rangeFromA1(p: A1): RangeApi;
  clear(): SheetApi;
  clearContents(): SheetApi;
  getDataRange(): RangeApi;
  appendRow(values: unknown[]): SheetApi;
  insertRowsAfter(after: number, n: number): SheetApi;
  insertRowsBefore(before: number, n: number): SheetApi;
  insertColumnsAfter(after: number, n: number): SheetApi;
  deleteRow(row: number): SheetApi;
  deleteRows(start: number, n: number): SheetApi;
  deleteColumns(start: number, n: number): SheetApi;
  protect(): ProtectionApi;
  getProtections(type: string): ProtectionApi[];
  activate(): SheetApi;
}

/** Which ends of a range its A1 notation leaves open. */
export interface OpenEnds {
  rowStart: boolean;
  rowEnd: boolean;
  cols: boolean;
  sheet?: boolean;
}

/** https://developers.google.com/apps-script/reference/spreadsheet/range */
export interface RangeApi {
  readonly _ss: SpreadsheetModel;
  readonly _s: SheetModel;
  readonly _r: number;
  readonly _c: number;
  readonly _nr: number;
  readonly _nc: number;
  /**
   * Set for ranges from open-ended A1 notation (A:A, 2:2, A2:C), which keep that form, and
   * for a sheet protection's range (`sheet`: no A1 notation).
   */
  _open: OpenEnds | null;
  getRow(): number;
  getColumn(): number;
  getLastRow(): number;
  getLastColumn(): number;
  getNumRows(): number;
  getNumColumns(): number;
  getSheet(): SheetApi;
  getA1Notation(): string;
  getValues(): CellValue[][];
  getValue(): CellValue;
  getDisplayValues(): string[][];
  getDisplayValue(): string;
  getFormulas(): string[][];
  setValues(values: unknown[][]): RangeApi;
  setValue(v: unknown): RangeApi;
  clearContent(): RangeApi;
  clear(): RangeApi;
  setNumberFormat(fmt: string): RangeApi;
  getNumberFormats(): string[][];
  getNumberFormat(): string;
  setFontWeight(w: string | null): RangeApi;
  getFontWeights(): string[][];
  setBackground(color: string | null): RangeApi;
  getBackgrounds(): string[][];
  getBackground(): string;
  setNote(note: string | null): RangeApi;
  getNote(): string;
  getNotes(): string[][];
  setDataValidation(rule: DataValidationApi | null): RangeApi;
  getDataValidation(): DataValidationApi | null;
  getDataValidations(): (DataValidationApi | null)[][];
  setDataValidations(rules: (DataValidationApi | null)[][]): RangeApi;
  clearDataValidations(): RangeApi;
  setNumberFormats(formats: string[][]): RangeApi;
  getFormula(): string;
  setFormula(formula: string | null): RangeApi;
  setFormulas(formulas: string[][]): RangeApi;
  getCell(row: number, column: number): RangeApi;
  isBlank(): boolean;
  protect(): ProtectionApi;
  canEdit(): boolean;
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): RangeApi;
  activate(): RangeApi;
}

/** https://developers.google.com/apps-script/reference/spreadsheet/protection */
export interface ProtectionApi {
  readonly _p: ProtectionModel;
  getDescription(): string;
  setDescription(d: string): ProtectionApi;
  isWarningOnly(): boolean;
  setWarningOnly(w: boolean): ProtectionApi;
  getRange(): RangeApi;
  setRange(range: RangeApi): ProtectionApi;
  getProtectionType(): 'RANGE' | 'SHEET';
  canEdit(): boolean;
  canDomainEdit(): boolean;
  setDomainEdit(editable: boolean): ProtectionApi;
  getEditors(): { getEmail(): string }[];
  addEditor(user: unknown): ProtectionApi;
  addEditors(users: unknown[]): ProtectionApi;
  removeEditor(user: unknown): ProtectionApi;
  removeEditors(users: unknown[]): ProtectionApi;
  remove(): void;
}

/** https://developers.google.com/apps-script/reference/spreadsheet/data-validation */
export interface DataValidationApi {
  readonly _rule: ValidationRule;
  getCriteriaType(): string;
  getCriteriaValues(): unknown[];
  getAllowInvalid(): boolean;
  getHelpText(): string | null;
  copy(): DataValidationBuilderApi;
}

/** https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder */
export interface DataValidationBuilderApi {
  requireValueInList(values: string[], showDropdown?: boolean): DataValidationBuilderApi;
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): DataValidationBuilderApi;
  requireDate(): DataValidationBuilderApi;
  requireNumberGreaterThanOrEqualTo(n: number): DataValidationBuilderApi;
  requireNumberBetween(a: number, b: number): DataValidationBuilderApi;
  requireTextIsEmail(): DataValidationBuilderApi;
  setAllowInvalid(allow: boolean): DataValidationBuilderApi;
  setHelpText(text: string): DataValidationBuilderApi;
  build(): DataValidationApi;
}
