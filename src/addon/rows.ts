/**
 * Finding the row of the record a form edits, at the moment of the save: by its ID with
 * Sheets' TextFinder on the ID column (gateway.find: no cell of the column is read, so a save
 * costs the same on 300 or 30,000 rows), all rows that carry it (a hand-typed duplicate is
 * refused by name); a row with a blank ID by the row the form was opened from, checked
 * against the ID column.
 */
import { type FieldDef, idField } from '../domain/schema';
import type { SheetGateway } from './gateway';

/** A record the sidebar cannot save as asked (gone, ambiguous ID): nothing was written. */
export class RecordNotFound extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordNotFound';
  }
}

/** A value for a column the sheet does not have (yet) cannot be stored: refused, naming it. */
export function refuseAbsent(gw: SheetGateway, fields: readonly FieldDef[]): void {
  const absent = fields.filter((f) => gw.cols[f.key] === undefined);
  if (absent.length)
    throw new RecordNotFound(
      `Sheet "${gw.def.name}" has no column ${absent.map((f) => `"${f.header}"`).join(', ')}: run "Set up workbook" (or add the header in row 1) to fill it in. Nothing was saved.`,
    );
}

/** The (upper-case, trimmed) ID in a row's values. */
export const idOf = (values: readonly unknown[], gw: SheetGateway) =>
  String(values[gw.cols[idField(gw.def)!.key]!] ?? '')
    .trim()
    .toUpperCase();

/** Where a record stands now: the rows with its ID; for a blank ID, the whole ID column. */
export interface Found {
  rows: number[];
  ids: ReturnType<SheetGateway['ids']> | null;
}

export function lookUp(gw: SheetGateway, id: string): Found {
  return id ? { rows: gw.find(id), ids: null } : { rows: [], ids: gw.ids() };
}

/** The row of the record a form edits, found now by its ID (the form's row only tells duplicates apart). */
export function locateRow(gw: SheetGateway, found: Found, id: string, formRow: number | undefined): number {
  const idHeader = idField(gw.def)!.header;
  if (!id) {
    const ids = found.ids!;
    const r = formRow;
    if (r === undefined || r < ids.firstRow || r > ids.lastRow || ids.ids[r - ids.firstRow] !== '')
      throw new RecordNotFound(
        `The row you opened in ${gw.def.name} (a row with a blank ${idHeader}) is no longer where it was. Nothing was saved: open it again from the search list.`,
      );
    return r;
  }
  const rows = found.rows;
  if (rows.length === 0)
    throw new RecordNotFound(
      `${gw.def.name}: no record with ID ${id} (it may have been deleted). Nothing was saved.`,
    );
  if (rows.length === 1) return rows[0]!;
  if (formRow !== undefined && rows.includes(formRow)) return formRow;
  throw new RecordNotFound(
    `${gw.def.name}: the ID ${id} stands on rows ${rows.join(', ')}. Nothing was saved: open the row you mean from the search list and save it with a new ID.`,
  );
}
