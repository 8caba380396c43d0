/**
 * The audit log: one row per write in the hidden `_Audit` sheet (who, when, what, which
 * fields), and who last changed a field, for the message of a refused stale edit.
 */
import type { Cell, RecordData } from '../domain/records';
import { AUDIT_LOG } from '../domain/schema';
import type { AddonContext } from './context';
import { appendLogRows, logColumns, openLog } from './gateway';

export const AUDIT = AUDIT_LOG;
export const AUDIT_SHEET = AUDIT.name;

/** A changed field that someone else changed since the form loaded it. */
export interface FieldConflict {
  field: string;
  header: string;
  /** What the member's form loaded. */
  loaded: string;
  /** What the cell holds now. */
  current: string;
  /** Who changed it and when, from the audit log (blank for a change typed in the sheet). */
  by: string;
  at: string;
}

export function summarize(data: RecordData): string {
  const parts = Object.entries(data)
    .filter(([k, v]) => k !== 'id' && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(', ') : String(v)}`);
  const s = parts.join('; ');
  return s.length > 1000 ? `${s.slice(0, 997)}...` : s;
}

/** Longest audit detail kept (a cell holds 50,000 characters; details of many fields stay whole). */
const MAX_DETAILS = 20_000;

/**
 * What an update changed, field by field, before and after: `notes: "old" → "new"`. The
 * values are as the form shows them (formText), so a reader sees what the member saw.
 */
export function describeChanges(changes: readonly { key: string; before: string; after: string }[]): string {
  const s = changes
    .map((c) => `${c.key}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`)
    .join('; ');
  return s.length > MAX_DETAILS ? `${s.slice(0, MAX_DETAILS - 3)}...` : s;
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
  fields: readonly string[] = [],
): void {
  appendAudits(ctx, who, action, sheetName, [{ id, row, details }], fields);
}

/** Audit rows of several records written together (a series of meetings), in one write. */
export function appendAudits(
  ctx: AddonContext,
  who: string,
  action: string,
  sheetName: string,
  entries: readonly { id: string; row: number; details: string }[],
  fields: readonly string[] = [],
): void {
  appendAuditEntries(ctx, who, auditEntries(action, sheetName, fields, entries));
}

/** Audit entries of one action on records of one sheet. */
export function auditEntries(
  action: string,
  sheetName: string,
  fields: readonly string[],
  entries: readonly { id: string; row: number; details: string }[],
): AuditEntry[] {
  return entries.map((e) => ({ ...e, action, sheetName, fields }));
}

/** One audit row of a write, for `appendAuditEntries`. */
export interface AuditEntry {
  action: string;
  sheetName: string;
  id: string;
  row: number;
  details: string;
  fields: readonly string[];
}

/**
 * Audit rows of several writes (a meeting and the Last Contacted it moved) in one write to
 * the log: one appendRow for one row, one setValues for more.
 */
export function appendAuditEntries(ctx: AddonContext, who: string, entries: readonly AuditEntry[]): void {
  if (!entries.length) return;
  // The last row is read once, by openLog, for the header check and the append alike.
  const { sheet, lastRow } = openLog(ctx.ss, AUDIT);
  const now = new Date();
  // Texts are written with a leading apostrophe so nothing a member typed becomes a formula.
  const rows: Cell[][] = entries.map((e) => [
    now,
    `'${who}`,
    e.action,
    e.sheetName,
    `'${e.id}`,
    e.row,
    `'${e.details}`,
    `'${e.fields.join(',')}`,
  ]);
  appendLogRows(sheet, AUDIT, rows, lastRow);
}

/** How far back the audit log is searched for who changed a field (rows from the end). */
const AUDIT_LOOKBACK = 500;

/** Fills in who last changed each conflicting field, from the end of the audit log. */
export function fillWhoChanged(
  ctx: AddonContext,
  sheetName: string,
  id: string,
  conflicts: FieldConflict[],
): void {
  const sheet = ctx.ss.getSheetByName(AUDIT.name);
  if (!sheet) return;
  const last = sheet.getLastRow();
  if (last < 2) return;
  const width = sheet.getLastColumn();
  const header = sheet.getRange(1, 1, 1, width).getValues()[0]!;
  const c = logColumns(header, AUDIT);
  const from = Math.max(2, last - AUDIT_LOOKBACK + 1);
  const rows = sheet.getRange(from, 1, last - from + 1, width).getValues();
  const want = id.trim().toUpperCase();
  for (const conflict of conflicts) {
    for (let i = rows.length - 1; i >= 0; i--) {
      const r = rows[i]!;
      if (String(r[c.Sheet!]) !== sheetName || String(r[c['Record ID']!]).trim().toUpperCase() !== want)
        continue;
      const fields = c.Fields! >= 0 ? String(r[c.Fields!] ?? '').split(',') : [];
      const details = String(r[c.Details!] ?? '');
      if (
        !fields.includes(conflict.field) &&
        !details.split('; ').some((p) => p.startsWith(`${conflict.field}=`))
      )
        continue;
      conflict.by = String(r[c.Who!] ?? '');
      const when = r[c.When!];
      conflict.at =
        when instanceof Date || Object.prototype.toString.call(when) === '[object Date]'
          ? Utilities.formatDate(when as Date, ctx.timeZone, 'yyyy-MM-dd HH:mm')
          : String(when ?? '');
      break;
    }
  }
}
