/**
 * "Start new term" from the BUILT bundle on the sample workbook: the dry run, then the run —
 * the archive equals the old workbook cell for cell and sits in the Reports folder, every row
 * removed is in it, every Sponsor, Contact and Member stays, Pending entries and lent goods
 * stay, pledges are cleared, departing owners' records go to the chosen member, the new
 * term's report starts from zero; running it again changes nothing; an Officer is refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TermDialogText, TermPlanResponse, TermRunResponse } from '../../src/addon/term';
import { cellToDay } from '../../src/domain/dates';
import { formatMoney } from '../../src/domain/format';
import { LocalGoogle } from '../../src/local/backend';
import { LocalProject } from '../../src/local/runtime';
import { buildSample } from '../../src/local/sample';
import { createLocalFolder, documentText, getLocalDocument } from '../../src/local/services/document';
import type { SpreadsheetModel } from '../../src/local/services/spreadsheet';
import { bundleDir } from '../support/bundle';

process.env.TZ = 'UTC';
const TODAY = '2026-11-23';
const TZ = 'Asia/Shanghai';
const NEW = { term: '2027 Spring', start: '2027-02-20', end: '2027-07-10' };
let project: LocalProject;

beforeAll(() => {
  project = new LocalProject(bundleDir());
});

type Model = SpreadsheetModel;
const day = (v: unknown) => cellToDay(v, TZ);
const header = (ss: Model, sheet: string) => ss.sheetByName(sheet)!.cells[0]!.map(String);
function rows(ss: Model, sheet: string): Record<string, unknown>[] {
  const [head, ...body] = ss.sheetByName(sheet)!.cells;
  return body
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(head!.map((h, i) => [String(h), r[i] ?? ''])));
}
const ids = (ss: Model, sheet: string, key: string) => rows(ss, sheet).map((r) => String(r[key]));
/** Every sheet's cells as comparable text (dates by instant). */
function cellsOf(ss: Model): Record<string, string[][]> {
  const norm = (v: unknown) => (v instanceof Date ? `D${v.getTime()}` : `${typeof v}:${String(v)}`);
  return Object.fromEntries(
    ss.sheets.map((s) => [
      s.name,
      s.cells.map((r) => {
        const out = r.map(norm);
        while (out.length && out[out.length - 1] === 'string:') out.pop();
        return out;
      }),
    ]),
  );
}
function setCell(
  ss: Model,
  sheet: string,
  match: (r: Record<string, unknown>) => boolean,
  col: string,
  v: unknown,
) {
  const sh = ss.sheetByName(sheet)!;
  const c = header(ss, sheet).indexOf(col);
  const i = rows(ss, sheet).findIndex(match);
  if (i < 0 || c < 0) throw new Error(`No such row or column ${col} in ${sheet}`);
  sh.set(i + 2, c + 1, v as string);
}

function setup() {
  const google = new LocalGoogle();
  google.setNow(new Date(`${TODAY}T02:00:00Z`));
  const ss = buildSample(google, { today: TODAY });
  const folder = createLocalFolder(google, 'Reports');
  if (rows(ss, 'Settings').some((r) => r.Setting === 'Reports folder ID'))
    setCell(ss, 'Settings', (r) => r.Setting === 'Reports folder ID', 'Value', folder);
  else {
    const sh = ss.sheetByName('Settings')!;
    sh.set(sh.lastRow() + 1, 1, 'Reports folder ID');
    sh.set(sh.lastRow(), 2, folder);
  }
  // A departing member: an active Officer who owns contacts becomes inactive.
  const owners = new Set(rows(ss, 'Contacts').map((r) => String(r.Owner)));
  const leaver = rows(ss, 'Members').find(
    (m) => m.Role === 'Officer' && m.Active === true && owners.has(String(m.Email)),
  )!;
  setCell(ss, 'Members', (m) => m.Email === leaver.Email, 'Active', false);
  // Lent goods (the Return By / Returned columns Set up adds): one settled in-kind loan still out.
  expect(header(ss, 'Ledger').slice(-2)).toEqual(['Return By', 'Returned']);
  const lent = rows(ss, 'Ledger').find(
    (r) => r.Type === 'In-kind' && (r.Status === 'Settled' || r.Status === 'Filed'),
  )!;
  setCell(
    ss,
    'Ledger',
    (r) => r['Entry ID'] === lent['Entry ID'],
    'Return By',
    new Date('2026-10-01T00:00:00Z'),
  );
  // Another loan that came back (Returned filled): closed like any settled entry, so it goes.
  const back = rows(ss, 'Ledger').find(
    (r) => r.Type === 'In-kind' && r.Status !== 'Pending' && r['Entry ID'] !== lent['Entry ID'],
  )!;
  const isBack = (r: Record<string, unknown>) => r['Entry ID'] === back['Entry ID'];
  setCell(ss, 'Ledger', isBack, 'Return By', new Date('2026-10-01T00:00:00Z'));
  setCell(ss, 'Ledger', isBack, 'Returned', new Date('2026-09-30T00:00:00Z'));
  const ids = { lentId: String(lent['Entry ID']), returnedId: String(back['Entry ID']) };
  return { google, ss, folder, leaver: String(leaver.Email), ...ids };
}

const run = <T>(google: LocalGoogle, ss: Model, fn: string, args: unknown[] = [], user?: string) =>
  project.run<T>(google, fn, args, { spreadsheetId: ss.id, ...(user ? { user } : {}) }).value;

describe('bundle: Start new term', () => {
  it('shows a dry run, then archives, checks, removes, clears and re-owns; again changes nothing', () => {
    const { google, ss, folder, leaver, lentId, returnedId } = setup();
    const before = cellsOf(ss);
    const oldRows = Object.fromEntries(['Meetings', 'Ledger', 'Events'].map((s) => [s, rows(ss, s)]));

    const plan = run<TermPlanResponse>(google, ss, 'termPlan', [NEW]);
    expect(plan.error).toBeNull();
    expect(plan.archiveName).toBe('2026 Autumn archive');
    expect(plan.tables.map((t) => t.table)).toEqual(['Meetings', 'Ledger', 'Events']);
    expect(plan.tables.every((t) => t.remove.length > 0)).toBe(true);
    expect(plan.tables.find((t) => t.table === 'Ledger')!.remove.map((i) => i.id)).not.toContain(lentId);
    expect(plan.departing.map((d) => d.email)).toEqual([leaver]);
    expect(plan.orphans.length).toBeGreaterThan(0);
    expect(plan.clearPledges.length).toBeGreaterThan(0);
    expect(cellsOf(ss)).toEqual(before); // the dry run writes nothing

    const res = run<TermRunResponse>(google, ss, 'termRun', [
      { ...NEW, byOwner: { [leaver]: 'minister@example.edu' }, takeOverReminders: true },
      'term-dialog-token',
    ]);
    expect(res.ok).toBe(true);
    expect(res.archive!.name).toBe('2026 Autumn archive');
    // The dialog's progress record: every step reached, in order, and done.
    expect(run(google, ss, 'jobStatus', ['term-dialog-token'])).toMatchObject({
      title: 'Starting the new term',
      steps: [
        'Archiving the workbook as “2026 Autumn archive”…',
        'Checking the archive…',
        'Writing the semester report and the contact roster…',
        'Removing closed records…',
        'Giving contacts and sponsors to their new owners…',
        'Updating Term and semester dates…',
      ],
      at: 6,
      state: 'done',
    });

    // The archive: the old workbook cell for cell, in the Reports folder, with its documents.
    const archiveId = /\/d\/([^/]+)\//.exec(res.archive!.url)![1]!;
    const archive = google.spreadsheets.get(archiveId)!;
    expect(archive.name).toBe('2026 Autumn archive');
    expect(cellsOf(archive)).toEqual(before);
    expect(google.files.get(archiveId)!.parents).toEqual([folder]);
    for (const d of [res.report!, res.roster!]) {
      const id = /\/d\/([^/]+)\//.exec(d.url)![1]!;
      expect(google.files.get(id)!.parents).toEqual([folder]);
    }

    // Removed rows: only closed ones dated before the new term, all in the archive.
    for (const [sheet, old] of Object.entries(oldRows)) {
      const key = header(ss, sheet)[0]!;
      const live = new Set(ids(ss, sheet, key));
      const removed = old.filter((r) => !live.has(String(r[key])));
      expect(removed.length, sheet).toBeGreaterThan(0);
      const archived = new Set(ids(archive, sheet, key));
      for (const r of removed) {
        expect(archived.has(String(r[key]))).toBe(true);
        expect(['Done', 'Cancelled', 'Settled', 'Filed']).toContain(r.Status);
        expect(day(r.Date)! < NEW.start).toBe(true);
      }
    }
    const liveLedger = rows(ss, 'Ledger');
    expect(liveLedger.map((r) => r['Entry ID'])).toContain(lentId); // lent goods not yet returned stay
    expect(liveLedger.map((r) => r['Entry ID'])).not.toContain(returnedId); // returned ones go
    const pending = oldRows.Ledger!.filter((r) => r.Status === 'Pending').map((r) => r['Entry ID']);
    expect(pending.length).toBeGreaterThan(0);
    expect(liveLedger.map((r) => r['Entry ID'])).toEqual(expect.arrayContaining(pending));
    expect(rows(ss, 'Meetings').filter((r) => r.Status === 'Planned').length).toBe(
      oldRows.Meetings!.filter((r) => r.Status === 'Planned').length,
    );

    // Every Sponsor, Contact and Member stays; pledges cleared; no inactive owner left.
    for (const [sheet, key] of [
      ['Sponsors', 'Sponsor ID'],
      ['Contacts', 'Contact ID'],
      ['Members', 'Member ID'],
    ] as const)
      expect(ids(ss, sheet, key)).toEqual(ids(archive, sheet, key));
    expect(rows(ss, 'Sponsors').every((r) => r.Pledged === '' && r['In-kind Pledged'] === '')).toBe(true);
    const active = new Set(
      rows(ss, 'Members')
        .filter((m) => m.Active === true)
        .map((m) => String(m.Email)),
    );
    for (const sheet of ['Contacts', 'Sponsors'])
      for (const r of rows(ss, sheet)) expect(r.Owner === '' || active.has(String(r.Owner))).toBe(true);
    const moved = rows(ss, 'Contacts').filter((r) => String(r.Notes).includes(`Previous owner: ${leaver}`));
    expect(moved.length).toBeGreaterThan(0);
    expect(moved.every((r) => r.Owner === 'minister@example.edu')).toBe(true);

    // Settings: the new term; reminders now from the Minister's account.
    const setting = (n: string) => rows(ss, 'Settings').find((r) => r.Setting === n)!.Value;
    expect(setting('Term')).toBe(NEW.term);
    expect(day(setting('Semester start'))).toBe(NEW.start);
    expect(day(setting('Semester end'))).toBe(NEW.end);
    expect(google.triggers.filter((t) => t.handler === 'remindersDaily').map((t) => t.owner)).toEqual([
      'minister@example.edu',
    ]);

    // The new term's report starts from zero.
    const doc = run<{ id: string }>(google, ss, 'menuGenerateReport');
    const text = documentText(getLocalDocument(google, doc.id)!);
    const currency = String(setting('Currency') || 'CNY');
    expect(text).toContain(formatMoney(0, currency));
    expect(
      liveLedger.filter((r) => r.Type === 'Income' && day(r.Date)! >= NEW.start && day(r.Date)! <= NEW.end),
    ).toEqual([]);

    // Again for the same term: nothing changes, and it says so.
    const after = cellsOf(ss);
    const spreadsheets = google.spreadsheets.size;
    const again = run<TermRunResponse>(google, ss, 'termRun', [NEW]);
    expect(again.already).toBe(true);
    expect(again.archive!.url).toBe(res.archive!.url);
    expect(again.steps[0]).toMatch(/already been started/);
    expect(cellsOf(ss)).toEqual(after);
    expect(google.spreadsheets.size).toBe(spreadsheets);
    expect(run<TermPlanResponse>(google, ss, 'termPlan', [NEW]).already).not.toBeNull();
  });

  it('refuses an Officer, with a message naming who may', () => {
    const { google, ss } = setup();
    const officer = String(rows(ss, 'Members').find((m) => m.Role === 'Officer' && m.Active === true)!.Email);
    const before = cellsOf(ss);
    expect(() => run(google, ss, 'termRun', [NEW], officer)).toThrow(/Minister or Vice Minister/);
    expect(() => run(google, ss, 'termPlan', [NEW], officer)).toThrow(/Minister or Vice Minister/);
    run(google, ss, 'menuStartNewTerm', [], officer);
    const alert = google.ui.filter((e) => e.kind === 'alert').at(-1)!;
    expect(alert.title).toBe('Start new term');
    expect(alert.message).toMatch(/Minister or Vice Minister/);
    expect(google.ui.some((e) => e.kind === 'dialog')).toBe(false);
    expect(cellsOf(ss)).toEqual(before);
    expect(google.spreadsheets.size).toBe(1);
  });

  it('stops before changing anything when the archive read back does not match', () => {
    const { google, ss } = setup();
    const before = cellsOf(ss);
    // A copy that lost a row (a failed or partial copy): the check must catch it.
    const set = google.spreadsheets.set.bind(google.spreadsheets);
    google.spreadsheets.set = (id: string, m: Model) => {
      if (id !== ss.id && m.sheetByName('Meetings')) m.sheetByName('Meetings')!.deleteRows(2, 1);
      return set(id, m);
    };
    const res = run<TermRunResponse>(google, ss, 'termRun', [NEW]);
    google.spreadsheets.set = set;
    expect(res.ok).toBe(false);
    expect(res.steps.join('\n')).toMatch(/does not match the workbook.*Meetings: \d+ rows in the archive/s);
    expect(cellsOf(ss)).toEqual(before);
  });

  it('tells a Vice Minister who may not edit the protected Ledger so, before archiving anything', () => {
    const { google, ss } = setup();
    const vice = String(rows(ss, 'Members').find((m) => m.Role === 'Vice Minister')!.Email);
    const before = cellsOf(ss);
    const plan = run<TermPlanResponse>(google, ss, 'termPlan', [NEW], vice);
    expect(plan.error).toMatch(/You may not edit Ledger \(protected sheets\)/);
    const res = run<TermRunResponse>(google, ss, 'termRun', [NEW], vice);
    expect(res.ok).toBe(false);
    expect(res.steps).toEqual([plan.error]);
    expect(google.spreadsheets.size).toBe(1);
    expect(cellsOf(ss)).toEqual(before);
  });

  it('speaks the department’s language: the dialog’s texts and the run’s steps in Chinese', () => {
    const { google, ss } = setup();
    setCell(ss, 'Settings', (r) => r.Setting === 'Language', 'Value', 'zh');
    const ui = run<TermDialogText>(google, ss, 'termDialog');
    expect(ui.lang).toBe('zh');
    expect(ui.text['term.ui.run']).toBe('开始新学期');
    expect(ui.tables.Meetings).toBe('会议与拜访');
    const res = run<TermRunResponse>(google, ss, 'termRun', [NEW]);
    expect(res.ok).toBe(true);
    expect(res.steps[0]).toBe('已存档为“2026 Autumn archive”。');
  });

  it('opens the dialog for the Minister; a new term that does not start after this one is refused', () => {
    const { google, ss } = setup();
    run(google, ss, 'menuStartNewTerm');
    const dialog = google.ui.filter((e) => e.kind === 'dialog').at(-1)!;
    expect(dialog.title).toBe('Start new term');
    expect(dialog.html).toContain('tm-form');
    const plan = run<TermPlanResponse>(google, ss, 'termPlan', [{ ...NEW, start: '2026-08-01' }]);
    expect(plan.error).toMatch(/must start after/);
    const res = run<TermRunResponse>(google, ss, 'termRun', [{ ...NEW, end: '2027-01-01' }]);
    expect(res.ok).toBe(false);
    expect(res.steps[0]).toMatch(/before Semester start/);
    expect(google.spreadsheets.size).toBe(1);
  });
});
