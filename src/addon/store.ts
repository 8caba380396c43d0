/**
 * Writing records safely while many members work at once. A save takes the document lock,
 * re-reads the sheet it writes (never trusting what the form saw), validates, allocates the
 * ID under the lock, writes the whole row in one setValues call, appends an audit entry and
 * releases the lock. IDs are never reused: a high-water mark per table is kept in the
 * document properties, so deleting the last row never frees its ID.
 */

import { msg } from '../domain/i18n';
import {
  buildRow as buildRowCells,
  dayPart,
  type FieldError,
  mapHeaders,
  nextId,
  parseTable,
  type RecordData,
  toCell,
  validateRecord,
} from '../domain/records';
import { type TableDef, type TableName, tableDef } from '../domain/schema';
import { type AddonContext, readAll } from './context';

export const LOCK_WAIT_MS = 30_000;
export const AUDIT_SHEET = '_Audit';
const AUDIT_HEADER = ['When', 'Who', 'Action', 'Sheet', 'Record ID', 'Row', 'Details'];

export class ValidationFailed extends Error {
  constructor(readonly errors: readonly FieldError[]) {
    super(errors.map((e) => e.message).join(' '));
    this.name = 'ValidationFailed';
  }
}

/** The lock stayed taken: nothing was written; the member can simply try again. */
export class WorkbookBusy extends Error {
  constructor() {
    super(msg('en', 'ui.busy'));
    this.name = 'WorkbookBusy';
  }
}

export interface SaveResult {
  id: string;
  row: number;
  created: boolean;
}

/** Runs `fn` holding the document lock; a busy lock gives a clear, retryable error. */
export function withDocumentLock<T>(fn: () => T): T {
  // getDocumentLock() is null when the script runs without a container document (e.g. a
  // trigger of an add-on); the script lock then serializes every writer of this project.
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new WorkbookBusy();
  }
  try {
    return fn();
  } finally {
    lock.releaseLock();
  }
}

const hwmKey = (def: TableDef) => `od.nextId.${def.name}`;

/**
 * Creates (no `id`) or updates (with `id`) one record. Only the fields present in
 * `input` change on update; other columns of the row (users' own columns) are kept.
 */
export function saveRecord(
  ctx: AddonContext,
  table: TableName,
  input: Record<string, unknown>,
  who: string,
): SaveResult {
  const def = tableDef(table);
  if (!def.idPrefix) throw new Error(`${def.name} is not edited with record forms.`);
  const updating = input.id !== undefined && input.id !== null && String(input.id).trim() !== '';
  const partial: Record<string, unknown> = { ...input };
  delete partial.id;

  return withDocumentLock(() => {
    const sheet = ctx.sheet(def.name);
    const values = readAll(sheet);
    if (values.length === 0)
      throw new Error(`Sheet "${def.name}" has no header row. Run "Set up workbook" first.`);
    const header = values[0]!;
    const cols = mapHeaders(def, header);
    const idCol = cols.id!;

    let rowIndex = -1; // 0-based index into values
    let existing: unknown[] | null = null;
    const id = updating ? String(input.id).trim().toUpperCase() : '';
    if (updating) {
      rowIndex = values.findIndex(
        (r, i) =>
          i > 0 &&
          String(r[idCol] ?? '')
            .trim()
            .toUpperCase() === id,
      );
      if (rowIndex < 0) throw new Error(`${def.name}: no record with ID ${id} (it may have been deleted).`);
      existing = values[rowIndex]!;
    }

    // Validate only what was sent when updating; the whole record when creating.
    const fieldsSent = updating ? def.fields.filter((f) => f.key in partial && f.type !== 'id') : def.fields;
    const sub: TableDef = { ...def, fields: fieldsSent };
    const { data, errors } = validateRecord(sub, partial, { timeZone: ctx.timeZone });
    if (errors.length) throw new ValidationFailed(errors);

    const props = PropertiesService.getDocumentProperties();
    let newId = id;
    let hwm = 0;
    if (!updating) {
      hwm = Number(props?.getProperty(hwmKey(def)) ?? 0) || 0;
      const next = nextId(
        def,
        values.slice(1).map((r) => r[idCol]),
        hwm,
      );
      newId = next.id;
      hwm = next.n;
      data.id = newId;
    }

    const width = Math.max(header.length, 1);
    const row = buildRowCells(def, cols, width, data, existing, ctx.timeZone);
    let sheetRow: number;
    if (updating) {
      sheetRow = rowIndex + 1;
      sheet.getRange(sheetRow, 1, 1, width).setValues([row]);
    } else {
      // appendRow writes after the last row with content (what readAll read up to) and
      // grows the sheet when it is full: one call, whatever the sheet's size.
      sheetRow = values.length + 1;
      sheet.appendRow(row);
    }
    if (!updating) props?.setProperty(hwmKey(def), String(hwm));
    appendAudit(ctx, who, updating ? 'update' : 'create', def.name, newId, sheetRow, summarize(data));
    ctx.invalidate(table);
    if (def.name === 'Meetings') {
      const saved = parseTable(def, [header, row], ctx.timeZone)[0];
      if (saved) touchLastContacted(ctx, saved.data, who);
    }
    return { id: newId, row: sheetRow, created: !updating };
  });
}

/**
 * A meeting logged as Done updates `Last Contacted` of every sponsor and contact it was
 * with (`With`), when the meeting is later than what the record says. One read per sheet,
 * one write per record that changes: bounded by the IDs in `With`, not by the sheet size.
 */
export function touchLastContacted(ctx: AddonContext, meeting: RecordData, who: string): void {
  const day = dayPart(meeting.date ?? null);
  if (meeting.status !== 'Done' || !day) return;
  const refs = new Set((Array.isArray(meeting.with) ? meeting.with : []).map((s) => s.toUpperCase()));
  if (refs.size === 0) return;
  for (const name of ['Sponsors', 'Contacts'] as const) {
    const def = tableDef(name);
    const mine = [...refs].filter((id) => id.startsWith(`${def.idPrefix}-`));
    if (mine.length === 0) continue;
    const snap = ctx.table(name, true);
    const col = mapHeaders(def, snap.values[0]!).lastContacted! + 1;
    const field = def.fields.find((f) => f.key === 'lastContacted')!;
    for (const rec of snap.records) {
      if (!refs.has(String(rec.data.id))) continue;
      const current = rec.data.lastContacted;
      if (typeof current === 'string' && current >= day) continue;
      snap.sheet.getRange(rec.row, col).setValue(toCell(field, day, ctx.timeZone));
      appendAudit(
        ctx,
        who,
        'last-contacted',
        name,
        String(rec.data.id),
        rec.row,
        `lastContacted=${day} (meeting ${meeting.id})`,
      );
    }
    ctx.invalidate(name);
  }
}

function summarize(data: RecordData): string {
  const parts = Object.entries(data)
    .filter(([k, v]) => k !== 'id' && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(', ') : String(v)}`);
  const s = parts.join('; ');
  return s.length > 1000 ? `${s.slice(0, 997)}...` : s;
}

/** One audit row per write, in a hidden sheet created on first use. */
export function appendAudit(
  ctx: AddonContext,
  who: string,
  action: string,
  sheetName: string,
  id: string,
  row: number,
  details: string,
): void {
  let audit = ctx.ss.getSheetByName(AUDIT_SHEET);
  if (!audit) {
    audit = ctx.ss.insertSheet(AUDIT_SHEET);
    audit.getRange(1, 1, 1, AUDIT_HEADER.length).setValues([AUDIT_HEADER]);
    audit.setFrozenRows(1);
    audit.hideSheet();
  }
  // Texts are written with a leading apostrophe so nothing a member typed becomes a formula.
  audit.appendRow([new Date(), `'${who}`, action, sheetName, id, row, `'${details}`]);
}
