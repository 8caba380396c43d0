/**
 * The reminder log: the hidden `_Reminders` sheet, one row per digest (Sending → Sent, or
 * Deferred / Failed / Not sent / Skipped with the reason). Read once per run to learn who was
 * mailed today, whose row was left Sending by a run that stopped, and who is still waiting
 * after being deferred; rows are appended and confirmed here.
 */
import { cellToDay, type Day } from '../../domain/dates';
import type { Cell } from '../../domain/records';
import { REMINDER_LOG } from '../../domain/schema';
import { readAll } from '../context';
import { appendLogRows as appendRows, logColumns, logSheet } from '../gateway';

export { REMINDER_LOG };
export const REMINDER_LOG_SHEET = REMINDER_LOG.name;

export const STATUS_SENT = 'Sent';
/** Logged (and flushed) before the email goes: a run that stops after it never mails again. */
export const STATUS_SENDING = 'Sending';
export const STATUS_NOT_SENT = 'Not sent';
export const STATUS_DEFERRED = 'Deferred';

export interface LogState {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** Members already mailed on `day` (or whose email may have gone: logged Sending). */
  sentToday: Set<string>;
  /** Members logged Sending on `day` and never confirmed: not mailed again, reported. */
  unconfirmed: Set<string>;
  /** Column (1-based) of Status. */
  statusCol: number;
  /** Members deferred by an earlier run and not mailed since → the day first deferred: mailed first. */
  deferredSince: Map<string, string>;
  /** Number of rows in the sheet (header included). */
  rows: number;
}

export function readLog(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, day: Day, timeZone: string): LogState {
  const sheet = logSheet(ss, REMINDER_LOG);
  const values = readAll(sheet);
  const cols = logColumns(values[0] ?? [], REMINDER_LOG);
  const [cDate, cMember, cStatus] = [cols.Date!, cols.Member!, cols.Status!];
  const sentToday = new Set<string>();
  const unconfirmed = new Set<string>();
  // Members deferred and not mailed since, with the day they were first deferred.
  const deferredSince = new Map<string, string>();
  if (cDate >= 0 && cMember >= 0 && cStatus >= 0) {
    for (let r = 1; r < values.length; r++) {
      const row = values[r]!;
      const member = String(row[cMember] ?? '')
        .trim()
        .toLowerCase();
      if (!member) continue;
      const status = String(row[cStatus] ?? '').trim();
      const mailed = status === STATUS_SENT || status === STATUS_SENDING;
      const rowDay = cellToDay(row[cDate], timeZone) ?? '';
      if (mailed && rowDay === day) sentToday.add(member);
      if (status === STATUS_SENDING && rowDay === day) unconfirmed.add(member);
      if (mailed) deferredSince.delete(member);
      else if (status.startsWith(STATUS_DEFERRED) && !deferredSince.has(member))
        deferredSince.set(member, rowDay);
    }
  }
  return {
    sheet,
    sentToday,
    unconfirmed,
    deferredSince,
    statusCol: cStatus >= 0 ? cStatus + 1 : REMINDER_LOG.header.indexOf('Status') + 1,
    rows: Math.max(values.length, 1),
  };
}

/** A log row; texts carry a leading apostrophe so nothing becomes a date or a formula. */
export function logRow(day: Day, member: string, items: number, status: string, runBy: string): Cell[] {
  return [`'${day}`, `'${member}`, items, new Date(), `'${status}`, `'${runBy}`];
}

export function appendLogRows(log: LogState, rows: Cell[][]): void {
  if (!rows.length) return;
  appendRows(log.sheet, REMINDER_LOG, rows);
  log.rows += rows.length;
}

/**
 * Marks the rows of emails that went as Sent: one write per run of adjacent rows (they are
 * adjacent unless a row was updated in between). Rows left Sending after a fault still
 * keep the member from being mailed twice.
 */
export function confirmSent(log: LogState, rows: readonly number[]): void {
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    const n = j - i + 1;
    log.sheet
      .getRange(rows[i]!, log.statusCol, n, 1)
      .setValues(Array.from({ length: n }, () => [`'${STATUS_SENT}`]));
    i = j + 1;
  }
}
