/**
 * The sheet protections "Set up workbook" keeps (the contract's "Roles"): Ledger editable by
 * the Treasurers and the Minister, Members and Settings by the Minister and Vice Minister
 * (the roles of `ALLOWED` in roles.ts, read from the active Members rows), plus the
 * spreadsheet's owner, whom no protection can shut out; the ID column of every record sheet
 * and the add-on's own log sheets carry warning-only protections, because the add-on writes
 * there on the member's behalf and a script runs as its user.
 *
 * Set up finds its own protections by their description (`Outreach Desk:` …) and never
 * touches anyone else's. A run changes editors only where the roles changed; on a workbook
 * already protected it writes nothing. While Members lists no active Minister (a new
 * workbook) the sheet protections wait, so nobody is locked out.
 *
 * Apps Script rules followed (developers.google.com/apps-script/reference/spreadsheet/protection):
 * Sheet.protect() returns the sheet's existing protection; a new protection stops nobody
 * until its editors are set; neither the owner nor the user running the script can be
 * removed; only a user who may edit a protection may read or change its editors.
 */
import { columnLetters, readHeaders } from '../domain/records';
import {
  AUDIT_LOG,
  GREETING_LOG,
  idField,
  RECORD_TABLES,
  REMINDER_LOG,
  type TableDef,
  type TableName,
} from '../domain/schema';
import { AddonContext } from './context';
import { headerRow } from './gateway';
import { type Action, ALLOWED, activeUserEmail, type Member, type Role, readMembers } from './roles';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

/** Every description Set up gives starts with this: how it knows its own protections. */
export const PROTECTION_PREFIX = 'Outreach Desk:';

/** What protectWorkbook reports into (the SetupReport's fields). */
export interface ProtectionReport {
  protections: string[];
  writes: number;
}

/** The sheets only some roles may edit, with the action whose roles they are. */
const LOCKED: readonly { sheet: TableName; action: Action }[] = [
  { sheet: 'Ledger', action: 'editLedger' },
  { sheet: 'Members', action: 'editMembers' },
  { sheet: 'Settings', action: 'editSettings' },
];

const lockedDescription = (sheet: string, roles: readonly Role[]) =>
  `${PROTECTION_PREFIX} ${sheet} is edited by ${roles.join(' and ')} only (Set up workbook keeps the editors).`;
const idDescription = (sheet: string) =>
  `${PROTECTION_PREFIX} ${sheet} IDs are handed out by the add-on (warning only).`;
const logDescription = (sheet: string) =>
  `${PROTECTION_PREFIX} ${sheet} is written by the add-on (warning only).`;

const ours = (p: Protection) => p.getDescription().startsWith(PROTECTION_PREFIX);

export function protectWorkbook(ss: Spreadsheet, report: ProtectionReport): void {
  for (const def of RECORD_TABLES) {
    const sheet = ss.getSheetByName(def.name);
    if (sheet) warnIdColumn(sheet, def, report);
  }
  for (const log of [AUDIT_LOG, REMINDER_LOG, GREETING_LOG]) {
    const sheet = ss.getSheetByName(log.name);
    if (sheet) warnSheet(sheet, report);
  }
  let members: Member[] = [];
  try {
    members = readMembers(new AddonContext(ss));
  } catch {
    // Members unreadable (its problems are reported with the sheet): treated as no Minister
  }
  if (!members.some((m) => m.active && m.role === 'Minister')) {
    report.protections.push(
      `${LOCKED.map((l) => l.sheet).join(', ')}: not protected yet, as Members lists no active Minister; run Set up workbook again once it does.`,
    );
    return;
  }
  const owner = ss.getOwner()?.getEmail().toLowerCase() ?? '';
  const me = activeUserEmail();
  for (const { sheet: name, action } of LOCKED) {
    const sheet = ss.getSheetByName(name);
    const roles = ALLOWED[action];
    if (!sheet || roles === 'active') continue;
    const wanted = new Set(
      members
        .filter((m) => m.active && m.role && roles.includes(m.role) && /^[^\s@]+@[^\s@]+$/.test(m.email))
        .map((m) => m.email),
    );
    if (owner) wanted.add(owner);
    lockSheet(sheet, lockedDescription(name, roles), wanted, { owner, me }, report);
  }
}

/** A sheet protection whose editors are `wanted` (plus who cannot be removed). */
function lockSheet(
  sheet: Sheet,
  description: string,
  wanted: ReadonlySet<string>,
  who: { owner: string; me: string },
  report: ProtectionReport,
): void {
  const name = sheet.getName();
  const had = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  if (had && !ours(had)) {
    report.protections.push(`${name}: has a sheet protection of its own, left as it is.`);
    return;
  }
  if (had && !had.canEdit()) {
    report.protections.push(`${name}: only its editors can change its protection; left as it is.`);
    return;
  }
  const warnOnly = had?.isWarningOnly() ?? false;
  const current = had && !warnOnly ? had.getEditors().map((u) => u.getEmail().toLowerCase()) : [];
  const add = [...wanted].filter((e) => !current.includes(e));
  const kept = new Set([who.owner, who.me]);
  const remove = current.filter((e) => !wanted.has(e) && !kept.has(e));
  const describedAs = had?.getDescription() ?? description;
  if (had && !warnOnly && !add.length && !remove.length && describedAs === description) return;
  const p = had ?? sheet.protect().setDescription(description);
  if (describedAs !== description) p.setDescription(description);
  if (warnOnly) p.setWarningOnly(false);
  if (add.length) p.addEditors(add);
  if (remove.length) p.removeEditors(remove);
  const changes = had
    ? [
        add.length ? `editors added ${add.join(', ')}` : '',
        remove.length ? `editors removed ${remove.join(', ')}` : '',
      ]
        .filter(Boolean)
        .join('; ') || 'description updated'
    : `protected; editors ${[...wanted].join(', ')}`;
  report.protections.push(`${name}: ${changes}.`);
  report.writes++;
  if (who.me && !wanted.has(who.me) && (!had || current.includes(who.me)))
    report.protections.push(
      `${name}: you stay an editor (Apps Script never removes the user who runs Set up); the next Set up by a Minister removes you.`,
    );
}

/** A warning-only protection of the sheet's ID column (whole column, found by its header). */
function warnIdColumn(sheet: Sheet, def: TableDef, report: ProtectionReport): void {
  const id = idField(def);
  const h = readHeaders(def, headerRow(sheet));
  const col = id ? h.cols[id.key] : undefined;
  if (!id || col === undefined || h.duplicates.length) return;
  const description = idDescription(def.name);
  const mine = sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .find((p) => p.getDescription() === description);
  const column = sheet.getRange(`${columnLetters(col)}:${columnLetters(col)}`);
  if (!mine) {
    column.protect().setDescription(description).setWarningOnly(true);
    report.protections.push(`${def.name}!${id.header}: warning-only protection.`);
  } else {
    const at = mine.getRange();
    const moved = at.getColumn() !== col + 1 || at.getNumColumns() !== 1;
    if (!moved && mine.isWarningOnly()) return;
    if (moved) mine.setRange(column);
    if (!mine.isWarningOnly()) mine.setWarningOnly(true);
    report.protections.push(`${def.name}!${id.header}: warning-only protection moved to its column.`);
  }
  report.writes++;
}

/** A warning-only protection of one of the add-on's own sheets. */
function warnSheet(sheet: Sheet, report: ProtectionReport): void {
  const had = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
  if (had && (!ours(had) || had.isWarningOnly())) return;
  const p = had ?? sheet.protect();
  p.setDescription(logDescription(sheet.getName())).setWarningOnly(true);
  report.protections.push(`${sheet.getName()}: warning-only protection.`);
  report.writes++;
}
