/**
 * The .xlsx workbook store: a SpreadsheetModel written to and read from an Excel file with
 * exceljs, so the workbench keeps its workbook on disk and a workbook can be exchanged with
 * Google Sheets (File ▸ Download ▸ .xlsx / File ▸ Import). The names this module has always
 * exported, re-exported from the files under xlsx/ that hold them:
 *
 *   reader.ts       a file → the model and its document properties (readXlsx…)
 *   writer.ts       the model → a file (writeXlsx…)
 *   notes.ts        the notes of any writer, read before exceljs reads the file
 *   validations.ts  validation rules ⇄ Excel data validations
 *   meta.ts         the store's JSON in the workbook's description, marker date formats
 *   dates.ts        Sheets instants ⇄ Excel wall-clock dates
 *
 * What survives a round trip: strings (formula-like text stays text), numbers, booleans,
 * dates, formulas with their cached results, number formats (including '@' plain text),
 * bold, backgrounds, notes, column widths, tab colours, frozen rows/columns, hidden sheets,
 * data validations (lists, checkboxes, dates, numbers, e-mail), named ranges, protections,
 * sheet sizes, and the spreadsheet's id, name, time zone and locale.
 *
 * The spreadsheet's own properties live in the workbook's `description` property as JSON
 * (`{"outreachDesk":1,…}`). Files without it (exported from Google Sheets) take the time
 * zone from `opts.timeZone`, the name from the file name.
 */
export { fromExcelDate, toExcelDate } from './xlsx/dates';
export type { XlsxExtras } from './xlsx/meta';
export {
  type ReadXlsxOptions,
  readXlsx,
  readXlsxBuffer,
  readXlsxWithExtras,
  XlsxContentError,
} from './xlsx/reader';
export { writeXlsx, writeXlsxBuffer } from './xlsx/writer';
