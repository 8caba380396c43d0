/**
 * "Editing safely" (shared/spec/workbook.md), through the built bundle: every scenario a
 * member found where a save or a hand edit lost someone's work, now refused or kept.
 * Forms are driven as the sidebar drives them: sidebarGet loads a record, sidebarSave sends
 * what it loaded (`base`) and only the fields the member changed (`changes`).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LocalGoogle } from '../../src/local/backend';
import { CallCounter } from '../../src/local/counter';
import { Execution } from '../../src/local/execution';
import { LocalProject } from '../../src/local/runtime';
import { buildSample } from '../../src/local/sample';
import { documentText, getLocalDocument } from '../../src/local/services/document';
import { bundleDir } from '../support/bundle';

let project: LocalProject;
beforeAll(() => {
  project = new LocalProject(bundleDir());
});

type Loaded = {
  id: string;
  row: number;
  values: Record<string, string>;
  problems: Record<string, string>;
  sameIdRows: number[];
};
type Save =
  | { ok: true; id: string; row: number; written: string[] }
  | { ok: false; conflict?: boolean; errors: { field: string; message: string }[] };

/** The sample's Minister and an Officer (roles matter: only a Treasurer or the Minister edits Ledger). */
const A = 'minister@example.edu';
const B = 'zhang.wei@example.edu';

function setup() {
  const google = new LocalGoogle();
  const ss = buildSample(google, { today: '2026-11-23' });
  const as = (user: string) => ({
    run: <T>(fn: string, ...args: unknown[]) =>
      project.run<T>(google, fn, args, { spreadsheetId: ss.id, user }),
    open: (table: string, id: string, row?: number) =>
      project.run<Loaded | null>(google, 'sidebarGet', [table, id, row], { spreadsheetId: ss.id, user })
        .value!,
    /** Saves what a form loaded as `base`, with only `changes` changed. */
    save: (
      table: string,
      form: Loaded,
      changes: Record<string, unknown>,
      extra: Record<string, unknown> = {},
    ) =>
      project.run<Save>(
        google,
        'sidebarSave',
        [table, { id: form.id, row: form.row, base: form.values, changes, ...extra }],
        { spreadsheetId: ss.id, user },
      ).value,
  });
  const sheet = (name: string) => ss.sheetByName(name)!;
  const header = (name: string) => sheet(name).cells[0]!.map(String);
  const col = (name: string, h: string) => header(name).indexOf(h) + 1;
  const cell = (name: string, row: number, h: string) => sheet(name).get(row, col(name, h));
  const rowOf = (name: string, id: string) => sheet(name).cells.findIndex((r) => r[0] === id) + 1;
  return { google, ss, a: as(A), b: as(B), sheet, header, col, cell, rowOf };
}

const errorsOf = (r: Save) => (r.ok ? [] : r.errors);

describe('two members edit the same record', () => {
  it('a stale form changing only Owner keeps the date and note another member saved meanwhile', () => {
    const { a, b, cell, rowOf } = setup();
    const formA = a.open('Contacts', 'C-0005');
    const formB = b.open('Contacts', 'C-0005');
    expect(b.save('Contacts', formB, { lastContacted: '2026-11-20', notes: 'Met at the fair' }).ok).toBe(
      true,
    );
    const r = a.save('Contacts', formA, { owner: 'wang.fang@example.edu' });
    expect(r).toMatchObject({ ok: true, written: ['owner'] });
    const row = rowOf('Contacts', 'C-0005');
    expect(cell('Contacts', row, 'Owner')).toBe('wang.fang@example.edu');
    expect(cell('Contacts', row, 'Notes')).toBe('Met at the fair');
    expect(cell('Contacts', row, 'Last Contacted')).toBeInstanceOf(Date);
    expect(b.open('Contacts', 'C-0005').values.lastContacted).toBe('2026-11-20');
  });

  it('a stale change of the same field is refused, naming the field, its value now, who and when', () => {
    const { a, b, sheet, cell, rowOf } = setup();
    const formA = a.open('Contacts', 'C-0005');
    const formB = b.open('Contacts', 'C-0005');
    expect(b.save('Contacts', formB, { notes: 'B was here' }).ok).toBe(true);
    const before = JSON.stringify(sheet('Contacts').cells);
    const r = a.save('Contacts', formA, { notes: 'A overwrites' });
    expect(r.ok).toBe(false);
    expect(r).toMatchObject({ conflict: true });
    const [e] = errorsOf(r);
    expect(e!.field).toBe('notes');
    expect(e!.message).toMatch(/Notes was changed by zhang\.wei@example\.edu at 2026-\d\d-\d\d \d\d:\d\d/);
    expect(e!.message).toMatch(/it is now "B was here"/);
    expect(JSON.stringify(sheet('Contacts').cells)).toBe(before);
    expect(cell('Contacts', rowOf('Contacts', 'C-0005'), 'Notes')).toBe('B was here');
  });

  it("the add-on's own update survives too: a visit marks Last Contacted, a sponsor form opened before keeps it", () => {
    const { a, b, cell, rowOf } = setup();
    const sponsor = a.open('Sponsors', 'S-0003');
    const visit = b.run<Save>('sidebarSave', 'Meetings', {
      date: '2026-11-22 15:00',
      type: 'Sponsor Visit',
      title: 'Tents for the final',
      with: 'S-0003',
      owner: A,
      status: 'Done',
      outcome: 'Two tents promised',
    }).value;
    expect(visit.ok).toBe(true);
    expect(a.open('Sponsors', 'S-0003').values.lastContacted).toBe('2026-11-22');
    expect(a.save('Sponsors', sponsor, { notes: 'Call back in December' }).ok).toBe(true);
    const row = rowOf('Sponsors', 'S-0003');
    expect(a.open('Sponsors', 'S-0003').values.lastContacted).toBe('2026-11-22');
    expect(cell('Sponsors', row, 'Notes')).toBe('Call back in December');
  });

  it('a sort between opening the form and saving it writes the right record', () => {
    const { a, sheet, cell, rowOf } = setup();
    const form = a.open('Sponsors', 'S-0004');
    const sh = sheet('Sponsors');
    const before = JSON.stringify(sh.cells);
    // A member sorts the sheet Z→A by hand.
    const [head, ...rows] = sh.cells;
    sh.cells = [head!, ...rows.reverse()];
    const other = sh.cells[form.row - 1]![0];
    expect(other).not.toBe('S-0004');
    expect(a.save('Sponsors', form, { notes: 'sorted meanwhile' }).ok).toBe(true);
    expect(cell('Sponsors', rowOf('Sponsors', 'S-0004'), 'Notes')).toBe('sorted meanwhile');
    expect(cell('Sponsors', form.row, 'Notes')).not.toBe('sorted meanwhile');
    // Every other record is exactly as it was.
    const others = (cells: unknown[][]) =>
      cells
        .filter((r) => r[0] !== 'S-0004')
        .map((r) => JSON.stringify(r))
        .sort();
    expect(others(sh.cells)).toEqual(others(JSON.parse(before) as unknown[][]));
  });

  it('a sort inside the save, between finding the row and reading it, still writes the right record', () => {
    const { google, ss, a, sheet, cell, rowOf } = setup();
    const form = a.open('Sponsors', 'S-0004');
    const sh = sheet('Sponsors');
    const counter = new CallCounter();
    let sorted = false;
    let getValues = 0;
    counter.onCall = (name) => {
      // The save's reads: header row, ID column, then the row: sort just before the row read.
      if (name === 'Range.getValues' && ++getValues === 3 && !sorted) {
        sorted = true;
        const [head, ...rows] = sh.cells;
        sh.cells = [head!, ...rows.reverse()];
      }
    };
    const r = project.run<Save>(
      google,
      'sidebarSave',
      ['Sponsors', { id: form.id, row: form.row, base: form.values, changes: { notes: 'moved under me' } }],
      { spreadsheetId: ss.id, user: A, counter },
    ).value;
    expect(sorted).toBe(true);
    expect(r.ok).toBe(true);
    expect(cell('Sponsors', rowOf('Sponsors', 'S-0004'), 'Notes')).toBe('moved under me');
    expect(sh.cells.filter((x) => x[0] !== 'S-0004' && x.includes('moved under me'))).toEqual([]);
  });
});

describe('the audit log', () => {
  it('records who changed which record, and each changed field before and after', () => {
    const { a, ss } = setup();
    const form = a.open('Contacts', 'C-0003');
    expect(a.save('Contacts', form, { notes: 'Met twice', title: 'Director' }).ok).toBe(true);
    const audit = ss.sheetByName('_Audit')!;
    const last = audit.cells[audit.lastRow() - 1]!;
    expect(last.slice(1, 5)).toEqual([A, 'update', 'Contacts', 'C-0003']);
    expect(last[6]).toBe(`notes: "" → "Met twice"; title: ${JSON.stringify(form.values.title)} → "Director"`);
    expect(last[7]).toBe('notes,title');
  });
});

describe('cells the form did not change are never written', () => {
  it("a formula and text '007' in a member's own column survive an edit of the row", () => {
    const { a, sheet, col, header, rowOf } = setup();
    const sh = sheet('Sponsors');
    const own = header('Sponsors').length + 1;
    sh.set(1, own, 'Rank');
    sh.set(1, own + 1, 'Code');
    const row = rowOf('Sponsors', 'S-0006');
    sh.set(row, own, 2);
    sh.formulas.set(`${row},${own}`, '=1+1');
    sh.set(row, own + 1, '007'); // typed as '007: text
    const form = a.open('Sponsors', 'S-0006');
    expect(a.save('Sponsors', form, { stage: 'Negotiating' }).ok).toBe(true);
    expect(sh.get(row, col('Sponsors', 'Stage'))).toBe('Negotiating');
    expect(sh.formulas.get(`${row},${own}`)).toBe('=1+1');
    expect(sh.get(row, own + 1)).toBe('007');
  });

  it('cells the add-on cannot read are shown as typed, with a note, and kept when another field is saved', () => {
    const { a, sheet, col, rowOf } = setup();
    const sp = sheet('Sponsors');
    const row = rowOf('Sponsors', 'S-0007');
    sp.set(row, col('Sponsors', 'Last Contacted'), '2026/11/3 morning');
    sp.set(row, col('Sponsors', 'Pledged'), 'about 5000, TBC');
    const form = a.open('Sponsors', 'S-0007');
    expect(form.values.lastContacted).toBe('2026/11/3 morning');
    expect(form.values.pledged).toBe('about 5000, TBC');
    expect(form.problems.lastContacted).toMatch(/Last Contacted: "2026\/11\/3 morning" is not a date/);
    expect(form.problems.pledged).toMatch(/not a number/);
    expect(a.save('Sponsors', form, { notes: 'only the note' }).ok).toBe(true);
    expect(sp.get(row, col('Sponsors', 'Last Contacted'))).toBe('2026/11/3 morning');
    expect(sp.get(row, col('Sponsors', 'Pledged'))).toBe('about 5000, TBC');

    // A member whose Active cell says "active" keeps it: they are not switched off.
    const m = sheet('Members');
    const mRow = 3;
    const id = String(m.get(mRow, 1));
    m.set(mRow, col('Members', 'Active'), 'active');
    const member = a.open('Members', id);
    expect(member.values.active).toBe('active');
    expect(a.save('Members', member, { phone: '13800001111' }).ok).toBe(true);
    expect(m.get(mRow, col('Members', 'Active'))).toBe('active');
  });
});

describe('IDs are never reused', () => {
  it('after the last sponsor is deleted by hand, a new one gets a new ID and not its ledger income', () => {
    const { a, sheet } = setup();
    const sh = sheet('Sponsors');
    const last = sh.lastRow();
    expect(sh.get(last, 1)).toBe('S-0032');
    sh.deleteRows(last, 1);
    const r = a.run<Save>('sidebarSave', 'Sponsors', { organization: 'New Shop', stage: 'Prospect' }).value;
    expect(r).toMatchObject({ ok: true, id: 'S-0033' });
  });

  it('an ID typed by hand (seen by onEdit) is never handed out, even once its row is gone', () => {
    const { google, ss, a, sheet } = setup();
    const sh = sheet('Events');
    const at = sh.lastRow() + 1;
    sh.set(at, 1, 'E-0050');
    sh.set(at, 2, 'Typed by hand');
    // The event Apps Script passes to onEdit: e.range is the edited cell.
    const x = new Execution(google, { spreadsheetId: ss.id });
    const range = (x.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
      .getActiveSpreadsheet()
      .getSheetByName('Events')!
      .getRange(at, 1);
    project.run(google, 'onEdit', [{ range }], { spreadsheetId: ss.id, authMode: 'LIMITED' });
    sh.deleteRows(at, 1);
    const r = a.run<Save>('sidebarSave', 'Events', { name: 'After the typed one' }).value;
    expect(r).toMatchObject({ ok: true, id: 'E-0051' });
  });

  it('with the mark set, an ID typed where onEdit did not see it still puts the next ID above it', () => {
    const { a, sheet } = setup();
    const sh = sheet('Events');
    const first = a.run<Save>('sidebarSave', 'Events', { name: 'Seeds the mark' }).value;
    expect(first).toMatchObject({ ok: true });
    const n = Number((first as { id: string }).id.slice(2));
    const id = (k: number) => `E-${String(k).padStart(4, '0')}`;
    // A plain create: one TextFinder search finds no ID above the mark, no ID cell is read.
    const plain = a.run<Save>('sidebarSave', 'Events', { name: 'Plain' });
    expect(plain.value).toMatchObject({ ok: true, id: id(n + 1) });
    expect(plain.calls.counts.get('TextFinder.findNext')).toBe(1);
    // Typed (in lower case, with spaces) into an existing row, far above the mark, no onEdit.
    sh.set(3, 1, ` ${id(n + 50).toLowerCase()} `);
    const r = a.run<Save>('sidebarSave', 'Events', { name: 'After the typed one' });
    expect(r.value).toMatchObject({ ok: true, id: id(n + 51) });
    // Only then is the ID column read (to find the highest ID).
    expect(r.calls.cellsRead).toBeGreaterThan(plain.calls.cellsRead);
    // And the mark rose with it: the next create is above again without reading the column.
    const after = a.run<Save>('sidebarSave', 'Events', { name: 'Next' });
    expect(after.value).toMatchObject({ ok: true, id: id(n + 52) });
  });

  it('a hand-typed duplicate ID is reported, and that row can be opened and given a new ID', () => {
    const { a, sheet, cell } = setup();
    const sh = sheet('Sponsors');
    sh.set(10, 1, 'S-0003'); // row 10 held S-0009
    const list = a.run<{ id: string; row: number }[]>('sidebarSearch', 'Sponsors', 'S-0003', 50).value;
    expect(
      list
        .filter((x) => x.id === 'S-0003')
        .map((x) => x.row)
        .sort((x, y) => x - y),
    ).toEqual([4, 10]);
    const form = a.open('Sponsors', 'S-0003', 10);
    expect(form.row).toBe(10);
    expect(form.sameIdRows).toEqual([4]);
    // Without picking the row, a save cannot know which one is meant: refused, nothing written.
    const blind = a.run<Save>('sidebarSave', 'Sponsors', { id: 'S-0003', notes: 'which one?' }).value;
    expect(errorsOf(blind)[0]!.message).toMatch(/S-0003 stands on rows 4, 10/);
    const r = a.save('Sponsors', form, { notes: 'repaired' }, { newId: true });
    expect(r).toMatchObject({ ok: true, id: 'S-0033', row: 10 });
    expect(cell('Sponsors', 10, 'Sponsor ID')).toBe('S-0033');
    expect(cell('Sponsors', 4, 'Sponsor ID')).toBe('S-0003');
  });

  it('a row with a blank ID can be opened from the list and saved with a new ID', () => {
    const { a, sheet, cell } = setup();
    sheet('Sponsors').set(12, 1, '');
    const list = a.run<{ id: string; row: number }[]>('sidebarSearch', 'Sponsors', '', 500).value;
    const blank = list.find((x) => x.id === '')!;
    expect(blank.row).toBe(12);
    const form = a.open('Sponsors', '', 12);
    expect(form.row).toBe(12);
    const r = a.save('Sponsors', form, { notes: 'has an ID now' });
    expect(r).toMatchObject({ ok: true, id: 'S-0033', row: 12 });
    expect(cell('Sponsors', 12, 'Sponsor ID')).toBe('S-0033');
  });
});

describe('headers members changed', () => {
  it('a duplicated Amount header is refused by name; the report lists it under Notes on the data', () => {
    const { google, a, sheet, header } = setup();
    const sh = sheet('Ledger');
    const extra = header('Ledger').length + 1;
    sh.set(1, extra, 'Amount');
    expect(() =>
      a.run('sidebarSave', 'Ledger', { date: '2026-11-20', type: 'Income', description: 'x', amount: '5' }),
    ).toThrow(/Ledger" has the header "Amount" in 2 columns \(H, [A-Z]+\)/);
    // Negative and blank amounts typed by hand are listed too, never counted as zero.
    const amount = header('Ledger').indexOf('Amount') + 1;
    sh.set(3, amount, -40);
    sh.set(4, amount, '');
    sh.set(5, 1, sh.get(6, 1)); // a duplicate ID
    const doc = a.run<{ id: string }>('menuGenerateReport').value;
    const text = documentText(getLocalDocument(google, doc.id)!);
    expect(text).toMatch(/Notes on the data/);
    expect(text).toMatch(/has the header "Amount" in 2 columns/);
    expect(text).toMatch(/Amount: -40 is below 0 \(not counted\)/);
    expect(text).toMatch(/Amount is blank \(not counted\)/);
    expect(text).toMatch(new RegExp(`Entry ID ${String(sh.get(6, 1))} stands on rows 5, 6`));
  });

  it('renamed Amount + Set up: no empty copy is added; Set up says which header and how to fix it', () => {
    const { google, ss, a, sheet, header } = setup();
    const sh = sheet('Ledger');
    const at = header('Ledger').indexOf('Amount') + 1;
    sh.set(1, at, 'Amount (CNY)');
    const width = header('Ledger').length;
    project.run(google, 'menuSetUpWorkbook', [], { spreadsheetId: ss.id, user: A });
    expect(header('Ledger')).toHaveLength(width);
    expect(header('Ledger').filter((h) => h === 'Amount')).toEqual([]);
    const alert = google.ui.at(-1)!.message;
    expect(alert).toMatch(/Sheet "Ledger" is missing column "Amount"/);
    expect(alert).toMatch(/rename the header in row 1 back to "Amount"/);
    // The report does not show ¥0.00: it names the column instead.
    expect(() => a.run('menuGenerateReport')).toThrow(/Ledger" is missing column "Amount"/);
  });

  it('a title row above the headers: Set up adds nothing and says so; saves refuse, so no ID can collide', () => {
    const { google, ss, a, sheet, header } = setup();
    const sh = sheet('Sponsors');
    const width = header('Sponsors').length;
    const headers = header('Sponsors');
    sh.insertRows(0, 1);
    sh.set(1, 1, 'Sponsors of 2026 Autumn');
    project.run(google, 'menuSetUpWorkbook', [], { spreadsheetId: ss.id, user: A });
    expect(sh.cells[0]!.map(String)).toEqual(['Sponsors of 2026 Autumn']);
    expect(sh.cells[1]!.map(String)).toEqual(headers);
    expect(sh.lastColumn()).toBe(width);
    expect(google.ui.at(-1)!.message).toMatch(/Sponsors" has its headers on row 2, not row 1/);
    expect(() => a.run('sidebarSave', 'Sponsors', { organization: 'X', stage: 'Prospect' })).toThrow(
      /headers on row 2/,
    );
  });
});

describe('a column the sheet does not have yet', () => {
  it('(one records can do without) reads as blank with a note, saves go on, a value for it is refused', () => {
    const { google, a, sheet, header } = setup();
    const sh = sheet('Sponsors');
    sh.deleteColumns(header('Sponsors').indexOf('In-kind Pledged') + 1, 1);
    const r = a.run<Save>('sidebarSave', 'Sponsors', {
      organization: 'Still works',
      stage: 'Prospect',
    }).value;
    expect(r.ok).toBe(true);
    const bad = a.run<Save>('sidebarSave', 'Sponsors', {
      organization: 'Tents',
      stage: 'Prospect',
      inKindPledged: '20 tents',
    }).value;
    expect(errorsOf(bad)[0]!.message).toMatch(
      /Sponsors" has no column "In-kind Pledged": run "Set up workbook"/,
    );
    const doc = a.run<{ id: string }>('menuGenerateReport').value;
    expect(documentText(getLocalDocument(google, doc.id)!)).toMatch(
      /Sponsors" has no column "In-kind Pledged" yet: it is read as blank/,
    );
  });
});

describe('bad input is refused by name and nothing is cut short', () => {
  it('a 60,000-character note is refused (never cut to 5,000)', () => {
    const { a, sheet } = setup();
    const before = JSON.stringify(sheet('Contacts').cells);
    const form = a.open('Contacts', 'C-0002');
    const r = a.save('Contacts', form, { notes: 'x'.repeat(60_000) });
    expect(errorsOf(r)).toEqual([
      { field: 'notes', message: 'Notes is too long: 60000 characters, at most 5000.' },
    ]);
    expect(JSON.stringify(sheet('Contacts').cells)).toBe(before);
  });

  it('impossible dates, years before 1000 and ambiguous amounts are refused, naming field and value', () => {
    const { a } = setup();
    const r = a.run<Save>('sidebarSave', 'Ledger', {
      date: '02/30/2026',
      type: 'Income',
      description: 'Booth',
      amount: '12,50',
    }).value;
    const byField = Object.fromEntries(errorsOf(r).map((e) => [e.field, e.message]));
    expect(byField.date).toMatch(/Date: "02\/30\/2026" is not a valid date/);
    expect(byField.amount).toMatch(/Amount: "12,50" is not a number: a comma separates thousands only/);
    const y = a.run<Save>('sidebarSave', 'Ledger', {
      date: '0026-03-15',
      type: 'Income',
      description: 'Booth',
      amount: '1,2,3',
    }).value;
    const byField2 = Object.fromEntries(errorsOf(y).map((e) => [e.field, e.message]));
    expect(byField2.date).toMatch(/Date: "0026-03-15" has a year before 1000/);
    expect(byField2.amount).toMatch(/"1,2,3" is not a number/);
    const ok = a.run<Save>('sidebarSave', 'Ledger', {
      date: '2026-03-15',
      type: 'Income',
      description: 'Booth',
      amount: '¥1,250.50',
    }).value;
    expect(ok.ok).toBe(true);
  });

  it('text Sheets would convert is stored as typed in text fields', () => {
    const { a, cell } = setup();
    const typed = [
      '50%',
      '007',
      '3/15/2026',
      '10:30',
      '1/2',
      '+86 138 0000 0000',
      '=1+1',
      '@home',
      'TRUE',
      '1e5',
    ];
    for (const text of typed) {
      const r = a.run<Save>('sidebarSave', 'Contacts', {
        name: `Literal ${text}`,
        title: text,
        otherHandle: text,
      }).value;
      expect(r.ok, text).toBe(true);
      const row = (r as { row: number }).row;
      expect(cell('Contacts', row, 'Title'), text).toBe(text);
      expect(cell('Contacts', row, 'Other Handle'), text).toBe(text);
    }
  });
});

describe('links are checked', () => {
  it('an Owner who is not a member, or an ID that does not exist or is of another table, is refused by name', () => {
    const { a, sheet } = setup();
    const before = JSON.stringify(sheet('Contacts').cells);
    const r = a.run<Save>('sidebarSave', 'Contacts', {
      name: 'Linked',
      owner: 'nobody@example.edu',
      sponsorId: 'S-0999',
    }).value;
    const byField = Object.fromEntries(errorsOf(r).map((e) => [e.field, e.message]));
    expect(byField.owner).toMatch(/Owner: "nobody@example.edu" is not a member/);
    expect(byField.sponsorId).toMatch(/Sponsor ID: there is no Sponsors record "S-0999"/);
    expect(JSON.stringify(sheet('Contacts').cells)).toBe(before);
    const ledger = a.run<Save>('sidebarSave', 'Ledger', {
      date: '2026-11-20',
      type: 'Income',
      description: 'Booth',
      amount: '100',
      eventId: 'S-0001',
    }).value;
    expect(errorsOf(ledger)).toEqual([
      { field: 'eventId', message: 'Event ID: "S-0001" is not an ID of Events.' },
    ]);
    const meeting = a.run<Save>('sidebarSave', 'Meetings', {
      date: '2026-11-20',
      type: 'Department Meeting',
      title: 'Weekly',
      attendees: 'zhang.wei@example.edu, he.na@exmaple.edu',
    }).value;
    expect(errorsOf(meeting)[0]!.message).toMatch(/Attendees: "he.na@exmaple.edu" is not a member/);
  });

  it('a second member with the same Email (in any case) is refused', () => {
    const { a } = setup();
    const r = a.run<Save>('sidebarSave', 'Members', {
      name: 'Copy',
      email: 'Minister@Example.edu',
      role: 'Officer',
    }).value;
    expect(errorsOf(r)).toEqual([
      { field: 'email', message: 'Email: "minister@example.edu" is already used by M-0001.' },
    ]);
    // The member's own record keeps its Email when saved again.
    const own = a.open('Members', 'M-0001');
    expect(a.save('Members', own, { phone: '13800000000' }).ok).toBe(true);
  });
});

describe('a member Email cell holding several addresses', () => {
  it('is skipped by reminders and reported, never mailed as a list', () => {
    const { google, ss, sheet, col } = setup();
    const m = sheet('Members');
    const row = 4;
    const listed = `${String(m.get(row, col('Members', 'Email')))}, other@example.edu`;
    m.set(row, col('Members', 'Email'), listed);
    const r = project.run<{ failed: { email: string; reason: string }[] }>(google, 'remindersSend', [], {
      spreadsheetId: ss.id,
    }).value;
    expect(google.outbox.some((mail) => mail.to.some((t) => t.includes(',')) || mail.to.length > 1)).toBe(
      false,
    );
    expect(google.outbox.some((mail) => mail.to.includes('other@example.edu'))).toBe(false);
    expect(r.failed).toEqual([
      expect.objectContaining({ email: listed, reason: expect.stringMatching(/is not one email address/) }),
    ]);
  });
});

describe('what a save costs', () => {
  it('reads the header and the one row — not the ID column, not the whole sheet — at 1× and 10×', () => {
    for (const scale of [1, 10]) {
      const google = new LocalGoogle();
      const ss = buildSample(google, { today: '2026-11-23', scale });
      const sh = ss.sheetByName('Contacts')!;
      const rows = sh.lastRow();
      const width = sh.lastColumn();
      const r = project.run<Save>(
        google,
        'sidebarSave',
        ['Contacts', { id: 'C-0005', changes: { phone: '1' } }],
        {
          spreadsheetId: ss.id,
          user: A,
        },
      );
      expect(r.value.ok).toBe(true);
      // Contacts: header + the row (values and formats), its row found by TextFinder on the ID
      // column (no cell of it read); Members (the role check): header + Email, Role and Active.
      const m = ss.sheetByName('Members')!;
      const members = m.lastColumn() + 3 * (m.lastRow() - 1);
      expect(r.calls.cellsRead, `scale ${scale}`).toBe(width + 2 * width + members);
      expect(r.calls.counts.get('TextFinder.findAll'), `scale ${scale}`).toBe(1);
      expect(r.calls.cellsWritten, `scale ${scale}`).toBeLessThan(20); // the cell + the audit row
      expect(r.calls.cellsRead).toBeLessThan(rows * width);
    }
  });
});
