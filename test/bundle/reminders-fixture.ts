/**
 * Small workbooks for the reminder bundle tests: an empty spreadsheet set up by the
 * add-on's own "Set up workbook", then rows written by header text the way a member
 * would type them (dates as real date cells in the spreadsheet's zone).
 */
import { instantOf } from '../../src/domain/dates';
import { LocalGoogle } from '../../src/local/backend';
import { LocalProject } from '../../src/local/runtime';
import { type SheetModel, SpreadsheetModel } from '../../src/local/services/spreadsheet';
import { bundleDir } from '../support/bundle';

export const BUNDLE_DIR = bundleDir();

export const MINISTER = 'minister@x.edu';
export const TREASURER = 'treasurer@x.edu';
export const VICE = 'vice@x.edu';

export function cell(v: unknown, tz: string): string | number | boolean | Date {
  if (typeof v === 'string') {
    const m = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}):(\d{2}))?$/.exec(v);
    if (m) return instantOf(m[1]!, tz, Number(m[2] ?? 0), Number(m[3] ?? 0));
    return v;
  }
  if (v === null || v === undefined) return '';
  return v as number | boolean | Date;
}

/** Appends rows (objects keyed by header text) after the sheet's last row. */
export function put(ss: SpreadsheetModel, sheet: string, rows: Record<string, unknown>[]): void {
  const sh = ss.sheetByName(sheet)!;
  const header = sh.cells[0]!.map(String);
  for (const r of rows) {
    const at = sh.lastRow() + 1;
    if (at > sh.maxRows) sh.maxRows = at;
    for (const [h, v] of Object.entries(r)) {
      const c = header.indexOf(h);
      if (c < 0) throw new Error(`No column "${h}" in ${sheet}`);
      sh.set(at, c + 1, cell(v, ss.timeZone));
    }
  }
}

/** Sets a Settings value (the row is added when missing). */
export function setSetting(ss: SpreadsheetModel, name: string, value: unknown): void {
  const sh = ss.sheetByName('Settings')!;
  for (let r = 2; r <= sh.lastRow(); r++) {
    if (String(sh.get(r, 1)) === name) {
      sh.set(r, 2, cell(value, ss.timeZone));
      return;
    }
  }
  put(ss, 'Settings', [{ Setting: name, Value: value }]);
}

export function getSetting(ss: SpreadsheetModel, name: string): unknown {
  const sh = ss.sheetByName('Settings')!;
  for (let r = 2; r <= sh.lastRow(); r++) if (String(sh.get(r, 1)) === name) return sh.get(r, 2);
  return undefined;
}

/** Rows of a sheet as objects keyed by header text. */
export function rowsOf(sh: SheetModel | undefined): Record<string, unknown>[] {
  if (!sh) return [];
  const header = (sh.cells[0] ?? []).map(String);
  const out: Record<string, unknown>[] = [];
  for (let r = 2; r <= sh.lastRow(); r++) {
    out.push(Object.fromEntries(header.map((h, i) => [h, sh.get(r, i + 1)])));
  }
  return out;
}

export interface Fixture {
  google: LocalGoogle;
  ss: SpreadsheetModel;
  project: LocalProject;
}

/** An empty workbook set up by the add-on, with a department of `officers` officers. */
export function workbook(
  opts: { timeZone?: string; now?: Date; officers?: number; id?: string } = {},
): Fixture {
  const google = new LocalGoogle();
  google.defaultUser = MINISTER;
  google.setNow(opts.now ?? new Date('2026-03-15T01:00:00Z'));
  const ss = new SpreadsheetModel(opts.id ?? 'ss-rem', 'Outreach', opts.timeZone ?? 'Asia/Shanghai');
  ss.addSheet('Sheet1');
  google.spreadsheets.set(ss.id, ss);
  const project = new LocalProject(BUNDLE_DIR);
  project.run(google, 'menuSetUpWorkbook', [], { spreadsheetId: ss.id });
  google.ui.length = 0;
  const members = [
    { Name: '李明', Email: MINISTER, Role: 'Minister', Active: true },
    { Name: 'Vice', Email: VICE, Role: 'Vice Minister', Active: true },
    { Name: '王芳', Email: TREASURER, Role: 'Treasurer', Active: true },
  ];
  for (let i = 1; i <= (opts.officers ?? 3); i++)
    members.push({ Name: `Officer ${i}`, Email: `officer${i}@x.edu`, Role: 'Officer', Active: true });
  put(
    ss,
    'Members',
    members.map((m, i) => ({ 'Member ID': `M-${String(i + 1).padStart(4, '0')}`, ...m })),
  );
  setSetting(ss, 'Department', 'External Relations Department, Student Union');
  return { google, ss, project };
}

/** One never-contacted contact owned by each given member: makes each of them due today. */
export function dueContactFor(ss: SpreadsheetModel, emails: string[]): void {
  const sh = ss.sheetByName('Contacts')!;
  const base = sh.lastRow();
  put(
    ss,
    'Contacts',
    emails.map((e, i) => ({
      'Contact ID': `C-${String(base + i).padStart(4, '0')}`,
      Name: `Partner of ${e}`,
      Owner: e,
    })),
  );
}
