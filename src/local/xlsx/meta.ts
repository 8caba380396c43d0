/**
 * What the .xlsx store keeps beside the cells, read and written alike: the spreadsheet's own
 * properties, kept in the workbook's `description` property as JSON (`{"outreachDesk":1,…}`),
 * the marker formats of date cells that had none, and the cell key the maps of a sheet use.
 * Files without the JSON (exported from Google Sheets, other writers) are not "own files".
 */
import type { ProtectionModel, ValidationRule } from '../model/spreadsheet-model';

export interface SheetMeta {
  name: string;
  /** The worksheet's name in the file when Excel's rules forced another (≤31 chars, no []:*?/\\). */
  excelName?: string;
  maxRows: number;
  maxColumns: number;
}

/** Exact validation rules, matched to Excel validations by their Excel form. */
export interface RuleMeta {
  sheet: string;
  key: string;
  rule: ValidationRule;
}

export interface WorkbookMeta {
  outreachDesk: 1;
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheets: SheetMeta[];
  rules: RuleMeta[];
  namedRanges: { name: string; sheet: string; r1: number; c1: number; r2: number; c2: number }[];
  protections: (Omit<ProtectionModel, 'id' | 'sheetId'> & { sheet: string })[];
  /** The script's document properties of this spreadsheet (ID high-water marks…). */
  documentProperties?: Record<string, string>;
  /**
   * 2: date cells without a format were written with the marker formats below (so a
   * `yyyy-mm-dd` a member or Set up chose is kept). Absent in files of earlier versions,
   * where `yyyy-mm-dd` on a date meant "no format".
   */
  formats?: 2;
}

export interface XlsxExtras {
  /** PropertiesService.getDocumentProperties() of the spreadsheet, kept with the file. */
  documentProperties?: Map<string, string>;
}

/**
 * Number formats written for date cells that had none (Excel needs one to show a date);
 * read back as "no format". They show as `yyyy-mm-dd` (`;@`: text as it is, Excel's own
 * idiom) but are spelled apart from the `yyyy-mm-dd` a member or Set up chooses, so that
 * one survives a round trip.
 */
export const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd;@';
export const DEFAULT_DATETIME_FORMAT = 'yyyy-mm-dd hh:mm:ss;@';
/** What files of earlier versions (no `formats: 2`) wrote for date cells without a format. */
export const OLD_DEFAULT_FORMATS = new Set(['yyyy-mm-dd', 'yyyy-mm-dd hh:mm:ss']);

/** The key of a cell in a sheet's maps (formulas, formats, notes…): `row,column`. */
export const k = (r: number, c: number) => `${r},${c}`;

/** The store's JSON from a workbook's description, or null when the file is not one of ours. */
export function parseMeta(text: string | undefined): WorkbookMeta | null {
  if (!text) return null;
  try {
    const m = JSON.parse(text);
    return m && m.outreachDesk === 1 ? (m as WorkbookMeta) : null;
  } catch {
    return null;
  }
}
