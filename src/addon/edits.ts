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
import { AddonContext } from './context';
import { EDIT_LOCK_WAIT_MS, headerRow, WorkbookBusy, withDocumentLock } from './gateway';
import { raiseIdMark } from './ids';
import { touchLastContacted } from './store';

interface EditEvent {
  range?: GoogleAppsScript.Spreadsheet.Range;
  user?: { getEmail(): string };
  authMode?: unknown;
}

export function handleEdit(e: EditEvent | undefined): void {
  const range = e?.range;
  if (!range) return;
  if (e?.authMode !== undefined && String(e.authMode) === 'NONE') return;
  const sheet = range.getSheet();
  noteTypedIds(sheet, range);
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
