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
  /** Columns read when rows appended by another run are caught up with. */
  width: number;
  /** Takes log rows into the sets above (rows read at the start, and rows appended since). */
  scan: (rows: readonly (readonly unknown[])[]) => void;
}

export function readLog(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, day: Day, timeZone: string): LogState {
  const sheet = logSheet(ss, REMINDER_LOG);
  const values = readAll(sheet);
  const cols = logColumns(values[0] ?? [], REMINDER_LOG);
  const [cDate, cMember, cStatus] = [cols.Date!, cols.Member!, cols.Status!];
  const state: LogState = {
    sheet,
    sentToday: new Set<string>(),
    unconfirmed: new Set<string>(),
    // Members deferred and not mailed since, with the day they were first deferred.
    deferredSince: new Map<string, string>(),
    statusCol: cStatus >= 0 ? cStatus + 1 : REMINDER_LOG.header.indexOf('Status') + 1,
    rows: Math.max(values.length, 1),
    width: Math.max(values[0]?.length ?? 0, REMINDER_LOG.header.length),
    scan: (rows) => {
      if (cDate < 0 || cMember < 0 || cStatus < 0) return;
      for (const row of rows) {
        const member = String(row[cMember] ?? '')
          .trim()
          .toLowerCase();
        if (!member) continue;
        const status = String(row[cStatus] ?? '').trim();
        const mailed = status === STATUS_SENT || status === STATUS_SENDING;
        const rowDay = cellToDay(row[cDate], timeZone) ?? '';
        if (mailed && rowDay === day) state.sentToday.add(member);
        if (status === STATUS_SENDING && rowDay === day) state.unconfirmed.add(member);
        if (mailed) state.deferredSince.delete(member);
        else if (status.startsWith(STATUS_DEFERRED) && !state.deferredSince.has(member))
          state.deferredSince.set(member, rowDay);
      }
    },
  };
  state.scan(values.slice(1));
  return state;
}

/**
 * Claims one member's digest for today, under the document lock held by the caller: reads
 * the log rows another run appended since this one last looked (none, usually: one
 * getLastRow), and unless one of them says the member was mailed today, appends the
 * member's Sending row. Returns that row, or null when another run got there first. Two
 * runs at once (the trigger and Send reminders now) thus never mail a member twice, and
 * the lock is held for a log write, never while mail goes.
 */
export function claimMember(log: LogState, row: Cell[], member: string): number | null {
  const last = log.sheet.getLastRow();
  if (last > log.rows) {
    log.scan(log.sheet.getRange(log.rows + 1, 1, last - log.rows, log.width).getValues());
    log.rows = last;
  }
  if (log.sentToday.has(member)) return null;
  log.sheet.appendRow(row);
  log.sentToday.add(member);
  return ++log.rows;
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
