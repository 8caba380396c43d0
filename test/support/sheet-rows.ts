/**
 * The tests' own reading of sheet cells, independent of the add-on's parsing: a sheet's rows
 * as objects by header (blank rows left out), and a cell's day in the sample's zone.
 */
import type { SpreadsheetModel } from '../../src/local/model/spreadsheet-model';

/** A date cell's day in Asia/Shanghai (the sample's zone); other cells' first 10 characters. */
export const shDay = (v: unknown) =>
  v instanceof Date || Object.prototype.toString.call(v) === '[object Date]'
    ? new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(v as Date)
    : String(v).slice(0, 10);

/** The sheet's rows below the header, as objects by header; blank rows left out. */
export function rows(ss: SpreadsheetModel, name: string): Record<string, unknown>[] {
  const [head, ...body] = ss.sheetByName(name)!.cells;
  return body
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(head!.map((h, i) => [String(h), r[i] ?? ''])));
}
