/**
 * Start new term: the writes, each under the document lock only while it writes, through
 * the sheet gateway (header checks, rows found by ID now, only the given cells, literal
 * text). Members may be editing meanwhile, so every row is found by its ID at the moment of
 * writing, and a row to remove is removed only when it still holds exactly what the archive
 * holds for that ID — nothing leaves the live workbook that the archive does not hold.
 */
import { instantOf } from '../../domain/dates';
import { type Cell, literalText, normHeader } from '../../domain/records';
import { CONTACTS, SETTINGS, SPONSORS, tableDef } from '../../domain/schema';
import {
  notesWithPreviousOwner,
  type PlanItem,
  type Reassignment,
  type RemovableTable,
  sameRow,
  type TermInput,
} from '../../domain/term';
import type { AddonContext } from '../context';
import { SheetGateway, withDocumentLock } from '../gateway';

export interface RemoveResult {
  table: RemovableTable;
  removed: number;
  /** IDs kept because their row changed since the archive, or stands twice now. */
  skipped: string[];
  error?: string;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Removes the planned rows of one table, bottom-up, in runs of adjacent rows. Each row is
 * found by ID under the lock and compared with the archive's row of that ID first.
 */
export function removeRows(
  ctx: AddonContext,
  table: RemovableTable,
  items: readonly PlanItem[],
  archived: ReadonlyMap<string, readonly unknown[]>,
): RemoveResult {
  const out: RemoveResult = { table, removed: 0, skipped: [] };
  if (!items.length) return out;
  try {
    withDocumentLock(() => {
      const gw = SheetGateway.open(ctx.ss, tableDef(table));
      const ids = gw.ids();
      if (ids.lastRow < 2) return;
      const width = Math.max(gw.width, gw.sheet.getLastColumn());
      const values = gw.sheet.getRange(2, 1, ids.lastRow - 1, width).getValues();
      const rows: number[] = [];
      for (const item of items) {
        const at = gw.rowsOf(item.id, ids);
        const was = archived.get(item.id);
        if (at.length !== 1 || !was || !sameRow(values[at[0]! - 2]!, was)) out.skipped.push(item.id);
        else rows.push(at[0]!);
      }
      rows.sort((a, b) => b - a);
      for (let i = 0; i < rows.length; ) {
        let j = i;
        while (j + 1 < rows.length && rows[j + 1] === rows[j]! - 1) j++;
        gw.sheet.deleteRows(rows[j]!, j - i + 1);
        out.removed += j - i + 1;
        i = j + 1;
      }
    });
  } catch (e) {
    out.error = errorText(e);
  }
  ctx.invalidate(table);
  return out;
}

/** Empties Pledged and In-kind Pledged of the given sponsors (found by ID now). */
export function clearPledges(ctx: AddonContext, ids: readonly string[]): number {
  if (!ids.length) return 0;
  let n = 0;
  withDocumentLock(() => {
    const gw = SheetGateway.open(ctx.ss, SPONSORS);
    const all = gw.ids();
    const cols = [gw.cols.pledged, gw.cols.inKindPledged].filter((c): c is number => c !== undefined);
    for (const id of ids) {
      const at = gw.rowsOf(id, all);
      if (at.length !== 1) continue;
      gw.writeCells(at[0]!, new Map(cols.map((c) => [c, ''] as [number, Cell])));
      n++;
    }
  });
  ctx.invalidate('Sponsors');
  return n;
}

/**
 * Gives each chosen contact or sponsor to its new owner and adds `Previous owner: …` to its
 * Notes. A record whose Owner changed since the dry run (someone else re-owned it) is left.
 */
export function reown(ctx: AddonContext, assignments: readonly Reassignment[]): number {
  let n = 0;
  for (const def of [SPONSORS, CONTACTS]) {
    const mine = assignments.filter((a) => a.table === def.name);
    if (!mine.length) continue;
    withDocumentLock(() => {
      const gw = SheetGateway.open(ctx.ss, def);
      const all = gw.ids();
      const owner = gw.cols.owner!;
      const notes = gw.cols.notes!;
      for (const a of mine) {
        const at = gw.rowsOf(a.id, all);
        if (at.length !== 1) continue;
        const row = gw.readRow(at[0]!);
        if (
          String(row.values[owner] ?? '')
            .trim()
            .toLowerCase() !== a.owner
        )
          continue;
        const plain = (c: number) => row.formats[c] === '@';
        gw.writeCells(
          at[0]!,
          new Map<number, Cell>([
            [owner, literalText(a.to, plain(owner))],
            [notes, literalText(notesWithPreviousOwner(row.values[notes], a.owner), plain(notes))],
          ]),
        );
        n++;
      }
    });
    ctx.invalidate(def.name as 'Sponsors' | 'Contacts');
  }
  return n;
}

/**
 * Writes the new Term, Semester start and Semester end: only those rows' Value cells (a row
 * missing is appended). Dates are written as dates in the spreadsheet's zone.
 */
export function updateSettings(ctx: AddonContext, input: TermInput): void {
  const tz = ctx.timeZone;
  withDocumentLock(() => {
    const gw = SheetGateway.open(ctx.ss, SETTINGS);
    const names = gw.column('setting');
    const valueCol = gw.cols.value!;
    let lastRow = names.lastRow;
    const wanted: [string, (plain: boolean) => Cell][] = [
      ['Term', (plain) => literalText(input.term, plain)],
      ['Semester start', () => instantOf(input.start, tz)],
      ['Semester end', () => instantOf(input.end, tz)],
    ];
    for (const [name, value] of wanted) {
      const at = names.values.findIndex((v) => normHeader(v) === normHeader(name));
      if (at >= 0) {
        const row = names.firstRow + at;
        const plain = gw.readRow(row).formats[valueCol] === '@';
        gw.writeCells(row, new Map([[valueCol, value(plain)]]));
      } else {
        lastRow = gw.append(
          [
            new Map<number, Cell>([
              [gw.cols.setting!, name],
              [valueCol, value(false)],
            ]),
          ],
          lastRow,
        );
      }
    }
  });
  ctx.invalidate('Settings');
}
