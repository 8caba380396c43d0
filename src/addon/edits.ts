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
import { parseTable } from '../domain/records';
import { MEETINGS } from '../domain/schema';
import { AddonContext } from './context';
import { EDIT_LOCK_WAIT_MS, headerRow, WorkbookBusy, withDocumentLock } from './gateway';
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
