/**
 * Who executions run as: the members of the workbook (the Members sheet's Email column),
 * the default user (the first active Minister), and the user a request names. The choice
 * is the page's: each page sends its user with every request that runs an execution, so
 * two tabs can act as two members; a request that names none runs as the default user.
 */
import { parseTable } from '../../domain/records';
import { MEMBERS } from '../../domain/schema';
import type { CellValue, SpreadsheetModel } from '../model/spreadsheet-model';
import type { Member } from './api';

/** The members listed in the workbook's Members sheet (none when it can't be read). */
export function members(model: SpreadsheetModel): Member[] {
  const sheet = model.sheetByName(MEMBERS.name);
  if (!sheet) return [];
  const values: CellValue[][] = [];
  for (let r = 1; r <= sheet.lastRow(); r++) {
    const row: CellValue[] = [];
    for (let c = 1; c <= sheet.lastColumn(); c++) row.push(sheet.get(r, c));
    values.push(row);
  }
  try {
    return parseTable(MEMBERS, values, model.timeZone)
      .map((rec) => ({
        email: String(rec.data.email ?? ''),
        name: String(rec.data.name ?? ''),
        role: String(rec.data.role ?? ''),
        active: rec.data.active !== false,
      }))
      .filter((m) => m.email);
  } catch {
    return [];
  }
}

/** The first active Minister, else the first member, else `fallback`. */
export function defaultUser(model: SpreadsheetModel, fallback: string): string {
  const list = members(model);
  return list.find((m) => m.role === 'Minister' && m.active)?.email ?? list[0]?.email ?? fallback;
}

/** The user a request acts as: its `user` field, or `fallback` when it names none. */
export function requestUser(body: { user?: unknown }, fallback: string): string {
  const email = typeof body.user === 'string' ? body.user.trim() : '';
  return email || fallback;
}
