/**
 * onEdit (simple trigger): members also edit the sheets by hand. When a row of Meetings is
 * edited and the meeting is (now) Done, the sponsors and contacts it was with get their
 * Last Contacted updated — the same rule as saving through the sidebar.
 *
 * A simple trigger has 30 seconds in all and, in AuthMode.NONE, no access to the document:
 * it then does nothing, and it waits for the document lock only briefly (a busy workbook
 * skips the update rather than time out half-way).
 * developers.google.com/apps-script/guides/triggers#restrictions
 */
import { normHeader, parseTable } from '../domain/records';
import { idField, MEETINGS, RECORD_TABLES } from '../domain/schema';
import { appendAudit, describeChanges } from './audit';
import { AddonContext } from './context';
import { EDIT_LOCK_WAIT_MS, headerRow, WorkbookBusy, withDocumentLock } from './gateway';
import { raiseIdMark } from './ids';
import { touchLastContacted } from './store';

/** The edit event's fields the add-on reads (developers.google.com/apps-script/guides/triggers/events#edit). */
interface EditEvent {
  range?: GoogleAppsScript.Spreadsheet.Range;
  user?: { getEmail(): string };
  authMode?: unknown;
  /** A single-cell edit's new value (absent for a paste of many cells). */
  value?: unknown;
  /** A single-cell edit's old value (absent when the cell was empty, or for a paste). */
  oldValue?: unknown;
}

export function handleEdit(e: EditEvent | undefined): void {
  const range = e?.range;
  if (!range) return;
  if (e?.authMode !== undefined && String(e.authMode) === 'NONE') return;
  const sheet = range.getSheet();
  noteTypedIds(sheet, range);
  auditHandEdit(sheet, range, e!);
  if (sheet.getName() !== MEETINGS.name) return;
  const first = Math.max(range.getRow(), 2);
  const last = range.getLastRow();
  if (last < first || last - first > 50) return; // a paste of many rows is not a meeting being logged
  const ctx = new AddonContext(sheet.getParent());
  const header = headerRow(sheet);
  if (header.length === 0) return;
  const rows = sheet.getRange(first, 1, last - first + 1, header.length).getValues();
  let meetings: ReturnType<typeof parseTable>;
  try {
    meetings = parseTable(MEETINGS, [header, ...rows], ctx.timeZone);
  } catch {
    return; // headers not set up: "Set up workbook" reports that; an edit must not fail loudly
  }
  const done = meetings.filter((m) => m.data.status === 'Done');
  if (done.length === 0) return;
  const who = e?.user?.getEmail() || 'onEdit';
  try {
    withDocumentLock(() => {
      for (const m of done) touchLastContacted(ctx, m.data, who);
    }, EDIT_LOCK_WAIT_MS);
  } catch (err) {
    if (!(err instanceof WorkbookBusy)) throw err;
  }
}

/**
 * IDs typed or pasted by hand raise the table's ID high-water mark at once, so an ID that
 * stood in the sheet is never handed out again, even if its row is deleted before anyone
 * saves through the sidebar. Reads only the edited cells of the ID column.
 */
function noteTypedIds(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  range: GoogleAppsScript.Spreadsheet.Range,
): void {
  const def = RECORD_TABLES.find((d) => d.name === sheet.getName());
  if (!def) return;
  const header = headerRow(sheet);
  const col = header.findIndex((h) => normHeader(h) === normHeader(idField(def)!.header)) + 1;
  if (col < range.getColumn() || col > range.getLastColumn() || range.getLastRow() < 2) return;
  const first = Math.max(range.getRow(), 2);
  const ids = sheet
    .getRange(first, col, range.getLastRow() - first + 1, 1)
    .getValues()
    .map((r) => String(r[0] ?? ''));
  raiseIdMark(def, ids);
}

/**
 * A hand edit of a record sheet is recorded in the audit log: for one cell its header and
 * old and new value (as Apps Script gives them), for a paste the range. Who made it is what
 * Apps Script tells a simple trigger (often blank outside the owner's domain).
 */
function auditHandEdit(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  range: GoogleAppsScript.Spreadsheet.Range,
  e: EditEvent,
): void {
  const def = RECORD_TABLES.find((d) => d.name === sheet.getName());
  if (!def || range.getLastRow() < 2) return;
  const header = headerRow(sheet);
  const idCol = header.findIndex((h) => normHeader(h) === normHeader(idField(def)!.header)) + 1;
  const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
  const row = range.getRow();
  const id = single && idCol > 0 ? String(sheet.getRange(row, idCol).getValue() ?? '') : '';
  const edited = String(header[range.getColumn() - 1] ?? '');
  const field = def.fields.find((f) => normHeader(f.header) === normHeader(edited));
  const details = single
    ? describeChanges([
        {
          key: field?.key ?? (edited || range.getA1Notation()),
          before: e.oldValue === undefined ? '' : String(e.oldValue),
          after: e.value === undefined ? '' : String(e.value),
        },
      ])
    : `pasted into ${range.getA1Notation()}`;
  const who = e.user?.getEmail() || '';
  appendAudit(new AddonContext(sheet.getParent()), who, 'hand-edit', def.name, id, row, details, [
    ...(single && field ? [field.key] : []),
  ]);
}
