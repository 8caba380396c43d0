/**
 * The operations the benchmark measures: what members do every day (search, open, save a
 * record, log a meeting, edit a Meetings row by hand), what the Minister runs once in a
 * while (reports, the roster, Start new term) and the reminder run. Each names the budget it
 * is held to at union size (scripts/bench/budgets.ts).
 */

import type { LocalGoogle } from '../../src/local/backend';
import type { SpreadsheetModel } from '../../src/local/model/spreadsheet-model';
import { SpreadsheetModel as NewSpreadsheet } from '../../src/local/services/spreadsheet';
import { SEARCH_PAGE } from './budgets';

export const TODAY = '2026-11-23';
export const USER = 'minister@example.edu';

/** What a budget is about: the flatness and time checks group operations by it. */
export type OpKind =
  | 'menu'
  | 'search'
  | 'open'
  | 'save'
  | 'meeting-save'
  | 'edit'
  | 'document'
  | 'reminders'
  /** Issue 13's partner views (a sponsor at a glance, greetings, templates): no issue-11 budget yet. */
  | 'view';

export interface Op {
  name: string;
  fn: string;
  kind: OpKind;
  /**
   * Arguments of the call; `g` are the execution's globals (an onEdit event's range), `run`
   * the run's number (0 is the unmeasured warm-up), so each run can touch other records.
   */
  args?: (g: Record<string, unknown>, ss: SpreadsheetModel, run: number) => unknown[];
  /** One unmeasured run first: what a workbook in use has done once (its _Audit sheet made). */
  warmUp?: boolean;
  /** Runs on a fresh copy of the workbook each time (it changes what a second run would do). */
  fresh?: boolean;
  /** Makes a workbook of its own to run against (not measured); returns its id. */
  workbook?: (google: LocalGoogle) => string;
  authMode?: 'LIMITED' | 'FULL';
  trigger?: boolean;
}

type Api = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

/**
 * The ID in column A of the row halfway down a sheet, `offset` rows further: the record an
 * operation works on is an average one, not one near the top (the tutorial baseline finds
 * rows by scanning from the top; the add-on's cost does not depend on where the row is).
 */
export function middleId(ss: SpreadsheetModel, sheet: string, offset = 0): string {
  const sh = ss.sheetByName(sheet)!;
  return String(sh.get(Math.floor((sh.lastRow() + 1) / 2) + offset, 1));
}

/** A planned sponsor visit marked Done by hand: the cell a member edits, as onEdit gets it. */
function markMeetingDone(g: Record<string, unknown>, ss: SpreadsheetModel): unknown[] {
  const sh = ss.sheetByName('Meetings')!;
  const header = Array.from({ length: sh.lastColumn() }, (_, c) => String(sh.get(1, c + 1)));
  const status = header.indexOf('Status') + 1;
  const withCol = header.indexOf('With') + 1;
  let row = 0;
  for (let r = sh.lastRow(); r >= 2 && !row; r--)
    if (sh.get(r, status) === 'Planned' && String(sh.get(r, withCol)).includes('S-')) row = r;
  if (!row) throw new Error('bench: no planned visit in Meetings to mark Done');
  sh.set(row, status, 'Done');
  const range = (g.SpreadsheetApp as Api)
    .getActiveSpreadsheet()
    .getSheetByName('Meetings')!
    .getRange(row, status);
  return [{ range, value: 'Done', oldValue: 'Planned', authMode: 'LIMITED' }];
}

export const OPS: Op[] = [
  { name: 'onOpen (menu)', fn: 'onOpen', kind: 'menu', args: () => [{ authMode: 'LIMITED' }] },
  {
    name: 'Set up workbook (empty)',
    fn: 'menuSetUpWorkbook',
    kind: 'menu',
    workbook: (google) => {
      const ss = new NewSpreadsheet(google.newId('ss'), 'empty', 'Asia/Shanghai');
      ss.addSheet('Sheet1');
      google.spreadsheets.set(ss.id, ss);
      return ss.id;
    },
  },
  { name: 'Set up workbook (again)', fn: 'menuSetUpWorkbook', kind: 'menu' },
  // What the sidebar calls as a member types (a page of 50 and how many match in all).
  {
    name: 'Sidebar: search sponsors',
    fn: 'sidebarSearchPage',
    kind: 'search',
    args: () => ['Sponsors', 'coffee', SEARCH_PAGE],
  },
  {
    name: 'Sidebar: search contacts',
    fn: 'sidebarSearchPage',
    kind: 'search',
    args: () => ['Contacts', 'wang', SEARCH_PAGE],
  },
  // Opening the sidebar: the newest contacts and how many there are.
  {
    name: 'Sidebar: list contacts (no search)',
    fn: 'sidebarSearchPage',
    kind: 'search',
    args: () => ['Contacts', '', SEARCH_PAGE],
  },
  // Every contact matches (all emails hold "@"): the most rows to walk.
  {
    name: 'Sidebar: search contacts, all match',
    fn: 'sidebarSearchPage',
    kind: 'search',
    args: () => ['Contacts', '@', SEARCH_PAGE],
  },
  // One member's contacts (an owner's email): matches spread all over the sheet.
  {
    name: 'Sidebar: search contacts, one owner',
    fn: 'sidebarSearchPage',
    kind: 'search',
    args: (_g, ss) => ['Contacts', ownerOfLastContact(ss), SEARCH_PAGE],
  },
  // A link picker as a member types (Meetings' With: Sponsors and Contacts by ID and name).
  {
    name: 'Sidebar: With picker ("wang")',
    fn: 'sidebarChoices',
    kind: 'search',
    args: () => ['Meetings', 'with', 'wang'],
  },
  // One old contact, at the top of the sheet.
  {
    name: 'Sidebar: search contacts, one match',
    fn: 'sidebarSearchPage',
    kind: 'search',
    args: () => ['Contacts', 'C-0001', SEARCH_PAGE],
  },
  {
    name: 'Sidebar: add contact',
    fn: 'sidebarSave',
    kind: 'save',
    warmUp: true,
    args: () => ['Contacts', { name: 'Bench Person', organization: 'Bench U', owner: USER }],
  },
  {
    name: 'Sidebar: open contact',
    fn: 'sidebarGet',
    kind: 'open',
    args: (_g, ss) => ['Contacts', middleId(ss, 'Contacts')],
  },
  {
    name: 'Sidebar: edit contact (1 field)',
    fn: 'sidebarSave',
    kind: 'save',
    fresh: true,
    args: (_g, ss) => ['Contacts', { id: middleId(ss, 'Contacts'), changes: { phone: '0791-1' } }],
  },
  {
    name: 'Sidebar: meeting Done (2 linked)',
    fn: 'sidebarSave',
    kind: 'meeting-save',
    warmUp: true,
    // Other linked records each run: a sponsor and a contact not yet contacted today.
    args: (_g, ss, run) => [
      'Meetings',
      {
        date: TODAY,
        type: 'Sponsor Visit',
        title: 'Bench visit',
        with: `${middleId(ss, 'Sponsors', run)}, ${middleId(ss, 'Contacts', run)}`,
        status: 'Done',
        outcome: 'ok',
      },
    ],
  },
  {
    name: 'Sidebar: archive contact',
    fn: 'sidebarArchive',
    kind: 'save',
    fresh: true,
    args: (_g, ss) => ['Contacts', { id: middleId(ss, 'Contacts', 2) }],
  },
  {
    name: 'onEdit: Meetings row marked Done',
    fn: 'onEdit',
    kind: 'edit',
    fresh: true,
    authMode: 'LIMITED',
    args: markMeetingDone,
  },
  {
    name: 'Start new term: dry run',
    fn: 'termPlan',
    kind: 'menu',
    args: () => [{ term: '2027 Spring', start: '2027-02-20', end: '2027-07-10' }],
  },
  { name: 'Generate semester report', fn: 'menuGenerateReport', kind: 'document' },
  { name: 'Generate contact roster', fn: 'menuGenerateRoster', kind: 'document' },
  { name: 'Send reminders now', fn: 'remindersSend', kind: 'reminders', fresh: true },
  // Partners (issue 13): measured and printed, with the calls-flat and CPU-growth budgets;
  // they read whole tables (ctx.table) by design so far, so no seconds or cells budget of
  // issue 11 applies (BENCHMARKS.md gives their union figures).
  { name: 'Sidebar: sponsor at a glance', fn: 'partnerSponsor', kind: 'view', args: () => ['S-0001'] },
  { name: 'Generate sponsor feedback: dialog', fn: 'feedbackDialog', kind: 'view' },
  { name: 'Greetings to send (list)', fn: 'greetingsList', kind: 'view' },
  // With a Holiday in two days: the member's contacts are read (the list above reads none).
  {
    name: 'Greetings to send (Holiday near)',
    fn: 'greetingsList',
    kind: 'view',
    args: (_g, ss) => {
      holidaySoon(ss);
      return [];
    },
  },
  { name: 'Templates form: preview data', fn: 'templatePreviewData', kind: 'view' },
];

/** The Owner of the last contact of the sample (a member owns about one contact in 60). */
function ownerOfLastContact(ss: SpreadsheetModel): string {
  const sheet = ss.sheets.find((sh) => sh.name === 'Contacts')!;
  const header = Array.from({ length: sheet.lastColumn() }, (_, i) => String(sheet.get(1, i + 1)));
  return String(sheet.get(sheet.lastRow(), header.indexOf('Owner') + 1));
}

/** A Holiday two days after TODAY in Settings (once): greetings are due for it. */
function holidaySoon(ss: SpreadsheetModel): void {
  const sheet = ss.sheetByName('Settings')!;
  const day = new Date(Date.parse(`${TODAY}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
  for (let r = 1; r <= sheet.lastRow(); r++) if (sheet.get(r, 3) === 'Bench Day') return;
  const r = sheet.lastRow() + 1;
  sheet.set(r, 1, 'Holiday');
  sheet.set(r, 2, day);
  sheet.set(r, 3, 'Bench Day');
}
