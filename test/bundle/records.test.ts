/**
 * The sidebar's server API, through the built bundle: saving records as members do.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dayOf } from '../../src/domain/dates';
import { LocalGoogle } from '../../src/local/backend';
import { Execution } from '../../src/local/execution';
import { LocalProject } from '../../src/local/runtime';
import { buildSample } from '../../src/local/sample';
import { bundleDir } from '../support/bundle';

let project: LocalProject;
beforeAll(() => {
  project = new LocalProject(bundleDir());
});

function setup() {
  const google = new LocalGoogle();
  const ss = buildSample(google, { today: '2026-11-23' });
  const run = <T>(fn: string, ...args: unknown[]) =>
    project.run<T>(google, fn, args, { spreadsheetId: ss.id, user: 'zhang.wei@example.edu' });
  /** As the sample's Treasurer: Ledger entries are the Treasurer's and the Minister's to edit. */
  const treasurer = <T>(fn: string, ...args: unknown[]) =>
    project.run<T>(google, fn, args, { spreadsheetId: ss.id, user: 'wang.fang@example.edu' });
  const sheet = (name: string) => ss.sheetByName(name)!;
  const header = (name: string) => sheet(name).cells[0]!.map(String);
  const cell = (name: string, row: number, h: string) => sheet(name).get(row, header(name).indexOf(h) + 1);
  return { google, ss, run, treasurer, sheet, header, cell };
}

type Save =
  | { ok: true; id: string; row: number }
  | { ok: false; errors: { field: string; message: string }[] };

describe('saving records through the sidebar API', () => {
  it('creates a sponsor with the next ID; formula-like and HTML text are stored literally', () => {
    const { run, cell, sheet } = setup();
    const r = run<Save>('sidebarSave', 'Sponsors', {
      organization: '=HYPERLINK("http://evil","x")',
      stage: 'Prospect',
      owner: 'Zhang.Wei@example.edu',
      notes: '<img src=x onerror=alert(1)>',
      phone: '+86 138 0000 0000',
      inKindPledged: '-20 tents',
      pledged: '1,200',
    }).value;
    expect(r).toMatchObject({ ok: true, id: 'S-0033' });
    const row = (r as { row: number }).row;
    expect(cell('Sponsors', row, 'Organization')).toBe('=HYPERLINK("http://evil","x")');
    expect(sheet('Sponsors').formulas.size).toBe(0);
    expect(cell('Sponsors', row, 'Notes')).toBe('<img src=x onerror=alert(1)>');
    expect(cell('Sponsors', row, 'Phone')).toBe('+86 138 0000 0000');
    expect(cell('Sponsors', row, 'In-kind Pledged')).toBe('-20 tents');
    expect(cell('Sponsors', row, 'Pledged')).toBe(1200);
    expect(cell('Sponsors', row, 'Owner')).toBe('zhang.wei@example.edu');
  });

  it('returns an error naming each bad field and writes nothing', () => {
    const { treasurer, sheet } = setup();
    const before = JSON.stringify(sheet('Ledger').cells);
    const r = treasurer<Save>('sidebarSave', 'Ledger', {
      date: '2026-02-30',
      type: 'Income',
      description: 'Booth fee',
      amount: '-5',
      handledBy: 'not-an-email',
    }).value;
    expect(r.ok).toBe(false);
    const errs = (r as { errors: { field: string; message: string }[] }).errors;
    expect(errs.map((e) => e.field).sort()).toEqual(['amount', 'date', 'handledBy']);
    expect(errs.find((e) => e.field === 'date')!.message).toMatch(/Date.*2026-02-30/);
    expect(errs.find((e) => e.field === 'amount')!.message).toMatch(/Amount must be at least 0/);
    expect(JSON.stringify(sheet('Ledger').cells)).toBe(before);
  });

  it('rejects oversized text, naming the field', () => {
    const { run } = setup();
    const r = run<Save>('sidebarSave', 'Contacts', { name: 'x'.repeat(201) }).value;
    expect(r).toMatchObject({
      ok: false,
      errors: [{ field: 'name', message: expect.stringMatching(/Name is too long/) }],
    });
  });

  it('updates only the fields sent, keeps the ID and users own columns', () => {
    const { run, sheet, header, cell, ss } = setup();
    // A user added their own column and reordered: move "Title" to the end.
    const sh = sheet('Contacts');
    const h = header('Contacts');
    const t = h.indexOf('Title');
    for (const row of sh.cells) {
      const [v] = row.splice(t, 1);
      row.push(v ?? '', row === sh.cells[0] ? 'My column' : 'mine');
    }
    const before = sh.cells[5]!.slice();
    const id = String(cell('Contacts', 6, 'Contact ID'));
    const r = run<Save>('sidebarSave', 'Contacts', { id, phone: '0791-000' }).value;
    expect(r).toMatchObject({ ok: true, id, row: 6 });
    const after = sh.cells[5]!;
    const changed = after
      .map((v, i) => (String(v) === String(before[i]) ? null : header('Contacts')[i]))
      .filter(Boolean);
    expect(changed).toEqual(['Phone']);
    expect(after.at(-1)).toBe('mine');
    expect(ss.sheetByName('_Audit')!.lastRow()).toBe(2);
  });

  it('never reuses an ID, even after the last row is deleted', () => {
    const { run, sheet } = setup();
    const a = run<Save>('sidebarSave', 'Events', { name: 'Charity Run', status: 'Planning' }).value as {
      id: string;
      row: number;
    };
    expect(a.id).toBe('E-0007');
    sheet('Events').deleteRows(a.row, 1);
    const b = run<Save>('sidebarSave', 'Events', { name: 'Charity Run again' }).value as { id: string };
    expect(b.id).toBe('E-0008');
  });

  it('a renamed column is named in the error', () => {
    const { run, sheet, header } = setup();
    const h = header('Sponsors');
    sheet('Sponsors').cells[0]![h.indexOf('Stage')] = 'Pipeline stage';
    expect(() => run('sidebarSave', 'Sponsors', { organization: 'X', stage: 'Prospect' })).toThrow(
      /Sponsors.*missing column "Stage"/,
    );
  });

  it('logging a meeting as Done updates Last Contacted of the sponsors and contacts it was with', () => {
    const { run, cell, ss } = setup();
    const r = run<Save>('sidebarSave', 'Meetings', {
      date: '2026-11-22 15:00',
      type: 'Sponsor Visit',
      title: 'Visit to Xinhua Bookstore',
      with: 's-0004, C-0002',
      owner: 'zhang.wei@example.edu',
      status: 'Done',
      outcome: 'Will sponsor prizes',
    }).value;
    expect(r.ok).toBe(true);
    const day = (v: unknown) => (v instanceof Date ? dayOf(v, ss.timeZone) : v);
    expect(day(cell('Sponsors', 5, 'Last Contacted'))).toBe('2026-11-22');
    expect(day(cell('Contacts', 3, 'Last Contacted'))).toBe('2026-11-22');
    const saved = (r as { row: number }).row;
    expect(day(cell('Meetings', saved, 'Date'))).toBe('2026-11-22');
    expect(cell('Meetings', saved, 'With')).toBe('S-0004, C-0002');
  });

  it('search finds records by what the list shows (here the organization) and the form spec lists every contract header', () => {
    const { run } = setup();
    const hits = run<{ id: string; title: string }[]>('sidebarSearch', 'Sponsors', 'xinhua').value;
    expect(hits.map((h) => h.title)).toContain('Xinhua Bookstore');
    const spec = run<{ fields: { header: string }[] }>('sidebarForm', 'Ledger').value;
    expect(spec.fields.map((f) => f.header)).toContain('Handled By');
    const got = run<{ values: Record<string, string> }>('sidebarGet', 'Sponsors', hits[0]!.id).value;
    expect(got.values.organization).toBe(hits[0]!.title);
  });
});

/** The sheet row of the sample's first planned sponsor visit. */
const plannedVisitRow = (cells: unknown[][], h: string[]) =>
  cells.findIndex((r) => r[h.indexOf('Status')] === 'Planned' && r[h.indexOf('Type')] === 'Sponsor Visit') +
  1;

describe('hand edits (onEdit)', () => {
  it('marking a meeting Done by hand updates Last Contacted of what it was with', () => {
    const { google, ss, sheet, header, cell } = setup();
    const sh = sheet('Meetings');
    const h = header('Meetings');
    const row = plannedVisitRow(sh.cells, h);
    expect(row).toBeGreaterThan(1);
    const withIds = String(cell('Meetings', row, 'With')).split(', ');
    const sponsorRow = Number(withIds[0]!.slice(2)) + 1;
    sh.set(row, h.indexOf('Date') + 1, new Date('2026-11-22T03:00:00Z'));
    sh.set(row, h.indexOf('Status') + 1, 'Done');
    // The event Apps Script passes to onEdit: e.range is the edited cell.
    const x = new Execution(google, { spreadsheetId: ss.id });
    const range = (x.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
      .getActiveSpreadsheet()
      .getSheetByName('Meetings')!
      .getRange(row, h.indexOf('Status') + 1);
    project.run(google, 'onEdit', [{ range }], { spreadsheetId: ss.id, authMode: 'LIMITED' });
    const v = cell('Sponsors', sponsorRow, 'Last Contacted');
    expect(v instanceof Date ? dayOf(v, ss.timeZone) : v).toBe('2026-11-22');
  });

  // A simple trigger stops after 30 s (developers.google.com/apps-script/guides/triggers#restrictions),
  // here on the estimated clock (a lock wait that times out counts its whole timeout).
  it('a meeting marked Done while the workbook is busy: onEdit gives up inside its 30 seconds', () => {
    const { google, ss, sheet, header, cell } = setup();
    const sh = sheet('Meetings');
    const h = header('Meetings');
    const row = plannedVisitRow(sh.cells, h);
    const sponsorRow =
      Number(
        String(cell('Meetings', row, 'With'))
          .split(', ')[0]!
          .slice(2),
      ) + 1;
    const before = cell('Sponsors', sponsorRow, 'Last Contacted');
    sh.set(row, h.indexOf('Status') + 1, 'Done');
    const x = new Execution(google, { spreadsheetId: ss.id });
    const range = (x.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
      .getActiveSpreadsheet()
      .getSheetByName('Meetings')!
      .getRange(row, h.indexOf('Status') + 1);
    google.documentLock(ss.id).owner = 'a-long-save'; // another execution holds the document lock
    const r = project.run(google, 'onEdit', [{ range }], { spreadsheetId: ss.id, authMode: 'LIMITED' });
    expect(r.calls.estimatedMs).toBeLessThan(30_000);
    expect(cell('Sponsors', sponsorRow, 'Last Contacted')).toEqual(before);
    // In AuthMode.NONE it returns before touching the document.
    const none = project.run(google, 'onEdit', [{ range, authMode: 'NONE' }], {
      spreadsheetId: ss.id,
      authMode: 'LIMITED',
    });
    expect(none.calls.total).toBe(0);
  });

  it('edits elsewhere change no record; the audit log records the hand edit with its old and new value', () => {
    const { google, ss } = setup();
    const x = new Execution(google, { spreadsheetId: ss.id });
    const range = (x.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
      .getActiveSpreadsheet()
      .getSheetByName('Contacts')!
      .getRange(3, 2);
    const records = () =>
      JSON.stringify(['Contacts', 'Sponsors', 'Meetings'].map((n) => ss.sheetByName(n)!.cells));
    const before = records();
    const id = String(ss.sheetByName('Contacts')!.get(3, 1));
    const r = project.run(google, 'onEdit', [{ range, oldValue: 'Old Name', value: 'New Name' }], {
      spreadsheetId: ss.id,
      authMode: 'LIMITED',
    });
    expect(records()).toBe(before);
    const audit = ss.sheetByName('_Audit')!;
    const last = audit.cells[audit.lastRow() - 1]!;
    expect(last.slice(2, 5)).toEqual(['hand-edit', 'Contacts', id]);
    expect(last[6]).toBe('name: "Old Name" → "New Name"');
    expect(r.calls.total).toBeLessThanOrEqual(20); // a fixed number, whatever the sheet's size
  });
});

describe('the sidebar speaks the department language', () => {
  type Spec = {
    many: string;
    lang: string;
    text: Record<string, string>;
    fields: { key: string; label: string; header: string; options: string[]; optionLabels: string[] }[];
  };

  function chinese() {
    const s = setup();
    const settings = s.sheet('Settings');
    const row = settings.cells.findIndex((r) => r[0] === 'Language') + 1;
    settings.set(row, 2, 'zh');
    return s;
  }

  it('with Language = zh: Chinese labels (header kept), option names and page text', () => {
    const { run } = chinese();
    const spec = run<Spec>('sidebarForm', 'Sponsors').value;
    expect(spec.lang).toBe('zh');
    const stage = spec.fields.find((f) => f.key === 'stage')!;
    expect(stage.label).toBe('阶段 (Stage)');
    expect(stage.options[0]).toBe('Prospect');
    expect(stage.optionLabels[0]).toBe('潜在 (Prospect)');
    expect(spec.text['ui.save']).toBe('保存');
    expect(spec.many).toBe('赞助商');
  });

  it('with Language = zh: field errors are in Chinese and name the field', () => {
    const { treasurer } = chinese();
    const r = treasurer<Save>('sidebarSave', 'Ledger', {
      date: '2026-02-30',
      type: 'Income',
      description: 'x',
      amount: '-5',
    }).value as { ok: false; errors: { field: string; message: string }[] };
    expect(r.ok).toBe(false);
    expect(r.errors.find((e) => e.field === 'date')!.message).toBe(
      '日期 (Date)：“2026-02-30”不是有效日期（格式 YYYY-MM-DD）。',
    );
    expect(r.errors.find((e) => e.field === 'amount')!.message).toBe('金额 (Amount)不能小于 0。');
  });

  it('a member whose Members "Language" cell says en keeps English', () => {
    const { run, sheet, header } = chinese();
    const members = sheet('Members');
    const col = header('Members').length + 1;
    members.set(1, col, 'Language');
    const row = members.cells.findIndex((r) => r[2] === 'zhang.wei@example.edu') + 1;
    members.set(row, col, 'en');
    const spec = run<Spec>('sidebarForm', 'Sponsors').value;
    expect(spec.lang).toBe('en');
    expect(spec.fields.find((f) => f.key === 'stage')!.label).toBe('Stage');
  });
});
