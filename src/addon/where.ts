/**
 * Reading part of a table, for views a member waits on (the sponsor at a glance, the
 * feedback dialog, the greetings list, the template preview) — never the whole sheet when
 * the view needs less of it:
 * - `recordsWhere`: the records whose column holds one of a few values (a sponsor's Ledger
 *   rows), found by Sheets' TextFinder on that column and read row by row (near rows in one
 *   read), whatever the sheet's size;
 * - `columnRecords`: the records with only some of their fields, read a column each.
 * Records are parsed as `ctx.table` parses them (parseSheet), with their sheet rows.
 * developers.google.com/apps-script/reference/spreadsheet/text-finder
 */
import { ID_SPACES, parseSheet, SchemaError, type SheetRecord } from '../domain/records';
import { type TableName, tableDef } from '../domain/schema';
import type { AddonContext } from './context';
import { readNearRows, regexLiteral, SheetGateway } from './gateway';

/**
 * The sheet of `table`, opened for a part read; null when the view should do without it:
 * an `optional` sheet that is missing (Benefits before Set up added it). A required sheet
 * that is missing throws the message `ctx.table` gives. A sheet SheetGateway refuses (a
 * title row above the header, a header typed twice) is read whole by `ctx.table` instead,
 * which reads past those and notes them, as these views always did: slower, never refused.
 */
function openPart(ctx: AddonContext, table: TableName, optional: boolean): SheetGateway | 'whole' | null {
  const def = tableDef(table);
  if (!ctx.ss.getSheetByName(def.name)) {
    if (optional) return null;
    ctx.sheet(def.name); // throws: Sheet "…" is missing. Run "Set up workbook" …
  }
  try {
    return SheetGateway.open(ctx.ss, def);
  } catch (e) {
    if (e instanceof SchemaError) return 'whole';
    throw e;
  }
}

const sameId = (v: unknown, want: ReadonlySet<string>) =>
  want.has(
    String(v ?? '')
      .trim()
      .toUpperCase(),
  );

/**
 * The records of `table` whose `key` column holds one of `values` (the whole cell, ignoring
 * case and spaces around it): one TextFinder search, a getRow per match, then the matching
 * rows read (rows close together in one read). [] when the column is missing, or the sheet
 * when `optional`.
 */
export function recordsWhere(
  ctx: AddonContext,
  table: TableName,
  key: string,
  values: readonly string[],
  opts: { optional?: boolean } = {},
): SheetRecord[] {
  const want = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
  const gw = openPart(ctx, table, !!opts.optional);
  if (!gw) return [];
  if (gw === 'whole') {
    const ids = new Set(want.map((v) => v.toUpperCase()));
    return ctx.table(table).records.filter((r) => sameId(r.data[key], ids));
  }
  if (!want.length) return [];
  const col = gw.cols[key];
  const lastRow = gw.sheet.getLastRow();
  if (col === undefined || lastRow < 2) return [];
  const rows = gw.sheet
    .getRange(2, col + 1, lastRow - 1, 1)
    .createTextFinder(`${ID_SPACES}(?:${want.map(regexLiteral).join('|')})${ID_SPACES}`)
    .useRegularExpression(true)
    .matchEntireCell(true)
    .findAll()
    .map((r) => r.getRow());
  return readRecords(
    ctx,
    gw,
    [...new Set(rows)].sort((a, b) => a - b),
  );
}

/** The records on some sheet rows (ascending), near rows read together (readNearRows). */
function readRecords(ctx: AddonContext, gw: SheetGateway, rows: readonly number[]): SheetRecord[] {
  if (!rows.length) return [];
  const cells = readNearRows(gw.sheet, [...rows].reverse(), 1, Math.max(1, gw.width));
  const values = rows.map((r) => cells.get(r)!);
  // parseSheet numbers rows from the header (row 1): map them back to the sheet's rows.
  const parsed = parseSheet(gw.def, [[...gw.header], ...values], ctx.timeZone);
  return parsed.records.map((r) => ({ ...r, row: rows[r.row - 2]! }));
}

/**
 * The records of `table` with only the fields `keys` (the others absent), reading those
 * columns and no other: at union size a view that needs 3 of Ledger's 14 columns reads 3.
 * (A sheet SheetGateway refuses is read whole, as `openPart` says.)
 */
export function columnRecords(
  ctx: AddonContext,
  table: TableName,
  keys: readonly string[],
  opts: { optional?: boolean } = {},
): SheetRecord[] {
  const gw = openPart(ctx, table, !!opts.optional);
  if (!gw) return [];
  if (gw === 'whole') return ctx.table(table).records;
  const def = tableDef(table);
  const { keys: present, cells } = gw.columns(keys);
  // A narrow table of just those columns, parsed as the sheet would be.
  const fields = def.fields.filter((f) => present.includes(f.key));
  const narrow = { ...def, fields: fields.map((f) => ({ ...f, required: false })) };
  const header = present.map((k) => gw.header[gw.cols[k]!]);
  const parsed = parseSheet(narrow, [header, ...cells], ctx.timeZone);
  return parsed.records;
}
