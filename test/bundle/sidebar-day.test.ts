/**
 * The record sidebar's day-to-day help, through the built bundle: duplicates at entry,
 * pickers built from the schema's links, and how many records a search matches.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LocalGoogle } from '../../src/local/backend';
import { LocalProject } from '../../src/local/runtime';
import { buildSample } from '../../src/local/sample';
import { bundleDir } from '../support/bundle';

let project: LocalProject;
beforeAll(() => {
  project = new LocalProject(bundleDir());
});

function sample() {
  const google = new LocalGoogle();
  const ss = buildSample(google, { today: '2026-11-23' });
  const run = <T>(fn: string, ...args: unknown[]) =>
    project.run<T>(google, fn, args, { spreadsheetId: ss.id, user: 'zhang.wei@example.edu' }).value;
  return { ss, run };
}

type Save = { ok: boolean; id?: string; duplicates?: { id: string; field: string; title: string }[] };

describe('duplicates at entry', () => {
  it('a new sponsor named like an existing one (any case, spacing, width) is shown the existing one first', () => {
    const { ss, run } = sample();
    const existing = String(ss.sheetByName('Sponsors')!.get(2, 2)); // S-0001's Organization
    const typed = `  ${existing.toUpperCase().replace(/ /g, '  ')} `;
    const rows = ss.sheetByName('Sponsors')!.lastRow();
    const r = run<Save>('sidebarSave', 'Sponsors', {
      organization: typed,
      stage: 'Prospect',
      checkDuplicates: true,
    });
    expect(r.ok).toBe(false);
    expect(r.duplicates).toEqual([{ id: 'S-0001', row: 2, title: existing, field: 'organization' }]);
    expect(ss.sheetByName('Sponsors')!.lastRow()).toBe(rows);
    const again = run<Save>('sidebarSave', 'Sponsors', {
      organization: typed,
      stage: 'Prospect',
      checkDuplicates: true,
      allowDuplicate: true,
    });
    expect(again.ok).toBe(true);
    // A script's call (no checkDuplicates) creates as asked: parallel or imported records.
    const scripted = run<Save>('sidebarSave', 'Sponsors', { organization: typed, stage: 'Prospect' });
    expect(scripted.ok).toBe(true);
  });

  it('a new contact with the phone of an existing one, full-width digits included', () => {
    const { ss, run } = sample();
    const sh = ss.sheetByName('Contacts')!;
    const phone = String(sh.get(2, sh.cells[0]!.map(String).indexOf('Phone') + 1));
    const wide = phone.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const r = run<Save>('sidebarSave', 'Contacts', {
      name: 'Someone New',
      phone: wide,
      checkDuplicates: true,
    });
    expect(r.duplicates?.[0]).toMatchObject({ id: 'C-0001', field: 'phone' });
  });
});

describe('pickers and search', () => {
  it('members are picked by name and stored as Email; sponsors by name and stored as ID', () => {
    const { run } = sample();
    const owners = run<{ value: string; label: string }[]>('sidebarChoices', 'Contacts', 'owner', 'wang');
    expect(owners).toContainEqual({ value: 'wang.fang@example.edu', label: '王芳 · wang.fang@example.edu' });
    const sponsors = run<{ value: string; label: string }[]>(
      'sidebarChoices',
      'Contacts',
      'sponsorId',
      'unicom',
    );
    expect(sponsors.length).toBeGreaterThan(0);
    expect(sponsors.every((c) => /^S-\d{4}$/.test(c.value) && /Unicom/.test(c.label))).toBe(true);
    const spec = run<{ fields: { key: string; link: unknown }[]; me: string }>('sidebarForm', 'Meetings');
    expect(spec.me).toBe('zhang.wei@example.edu');
    expect(spec.fields.find((f) => f.key === 'with')!.link).toEqual(['Sponsors', 'Contacts']);
    expect(spec.fields.find((f) => f.key === 'attendees')!.link).toBe('member');
  });

  it('a contact is found by part of its phone number or email, as members look people up', () => {
    const { ss, run } = sample();
    const sh = ss.sheetByName('Contacts')!;
    const head = sh.cells[0]!.map(String);
    const row = sh.cells.find((r) => String(r[head.indexOf('Phone')] ?? '').replace(/\D/g, '').length >= 7)!;
    const id = String(row[0]);
    const digits = String(row[head.indexOf('Phone')]).replace(/\D/g, '');
    const byPhone = run<{ id: string }[]>(
      'sidebarSearch',
      'Contacts',
      String(row[head.indexOf('Phone')]).slice(-6),
      500,
    );
    expect(byPhone.map((r) => r.id)).toContain(id);
    expect(digits.length).toBeGreaterThan(6);
    const email = String(row[head.indexOf('Email')]);
    if (email) {
      const byEmail = run<{ id: string }[]>(
        'sidebarSearch',
        'Contacts',
        email.split('@')[0]!.toUpperCase(),
        500,
      );
      expect(byEmail.map((r) => r.id)).toContain(id);
    }
  });

  it('a search says how many match in all', () => {
    const { run } = sample();
    const page = run<{ items: unknown[]; total: number }>('sidebarSearchPage', 'Contacts', '', 50);
    expect(page.items).toHaveLength(50);
    expect(page.total).toBe(110);
  });

  it('a search matches what the list shows, the phone and the email, and reads those columns only', () => {
    const google = new LocalGoogle();
    const ss = buildSample(google, { today: '2026-11-23' });
    const sh = ss.sheetByName('Contacts')!;
    const header = sh.cells[0]!.map(String);
    const row = 40;
    const org = String(sh.get(row, header.indexOf('Organization') + 1));
    sh.set(row, header.indexOf('Notes') + 1, 'zebra-notes-only');
    const search = (q: string) =>
      project.run<{ id: string; row: number; subtitle: string }[]>(
        google,
        'sidebarSearch',
        ['Contacts', q, 500],
        {
          spreadsheetId: ss.id,
          user: 'zhang.wei@example.edu',
        },
      );
    const byOrg = search(org.toUpperCase());
    expect(byOrg.value.map((h) => h.row)).toContain(row);
    expect(byOrg.value.every((h) => h.subtitle.toLowerCase().includes(org.toLowerCase()))).toBe(true);
    // Notes are not searched (nor read).
    expect(search('zebra-notes-only').value).toEqual([]);
    // The header, then the ID, Name, list columns (Organization, Title, Owner) and the search
    // columns (Phone, Email): 7 of its columns.
    const rows = sh.lastRow() - 1;
    expect(byOrg.calls.cellsRead).toBe(header.length + 7 * rows);
    expect(byOrg.calls.cellsRead).toBeLessThan((rows * header.length) / 2);
  });
});

describe('meetings: attendance and the plan-then-report flow of visits', () => {
  type Errors = { ok: boolean; errors?: { field: string; message: string }[] };
  it('a member in two of Attendees, Excused and Absent is refused by name', () => {
    const { run } = sample();
    const r = run<Errors>('sidebarSave', 'Meetings', {
      date: '2026-11-20 19:00',
      type: 'Department Meeting',
      title: 'Weekly',
      attendees: 'zhang.wei@example.edu, he.na@example.edu',
      absent: 'Zhang.Wei@example.edu',
      status: 'Done',
    });
    expect(r.errors).toEqual([
      {
        field: 'absent',
        message:
          'Absent: zhang.wei@example.edu is already in Attendees: a member is present, excused or absent, one of them.',
      },
    ]);
  });

  it('a visit is planned with a Purpose and marked Done with an Outcome', () => {
    const { run } = sample();
    const visit = {
      date: '2026-11-25 10:00',
      type: 'Sponsor Visit',
      title: 'Tents',
      with: 'S-0002',
      status: 'Planned',
    };
    expect(run<Errors>('sidebarSave', 'Meetings', visit).errors?.[0]?.field).toBe('purpose');
    const planned = run<Errors & { id: string }>('sidebarSave', 'Meetings', {
      ...visit,
      purpose: 'Ask for tents',
    });
    expect(planned.ok).toBe(true);
    const done = run<Errors>('sidebarSave', 'Meetings', { id: planned.id, status: 'Done' });
    expect(done.errors?.[0]).toMatchObject({
      field: 'outcome',
      message: /Outcome is needed to mark a visit Done/,
    });
    expect(
      run<Errors>('sidebarSave', 'Meetings', { id: planned.id, status: 'Done', outcome: 'Two tents' }).ok,
    ).toBe(true);
  });
});

describe('meetings: late arrivals and a fortnightly series', () => {
  type Saved = { ok: boolean; id: string; series?: string[]; errors?: { field: string; message: string }[] };
  const meeting = {
    date: '2026-12-02 19:00',
    type: 'Department Meeting',
    title: 'Fortnightly meeting',
    status: 'Planned',
    purpose: 'Plan the New Year party',
  };
  const rowsOf = (ss: ReturnType<typeof sample>['ss']) => {
    const cells = ss.sheetByName('Meetings')!.cells;
    const col = (h: string) => cells[0]!.map(String).indexOf(h);
    return { cells, col };
  };

  it('a member marked late is one who was present: Late outside Attendees is refused by name', () => {
    const { ss, run } = sample();
    const held = { ...meeting, date: '2026-11-20 19:00', status: 'Done' };
    const refused = run<Saved>('sidebarSave', 'Meetings', {
      ...held,
      attendees: 'he.na@example.edu',
      late: 'zhang.wei@example.edu',
    });
    expect(refused.errors).toEqual([
      {
        field: 'late',
        message: 'Late: zhang.wei@example.edu is not in Attendees: a member who came late was present.',
      },
    ]);
    const ok = run<Saved>('sidebarSave', 'Meetings', {
      ...held,
      attendees: 'he.na@example.edu, zhang.wei@example.edu',
      late: 'zhang.wei@example.edu',
    });
    expect(ok.ok).toBe(true);
    const { cells, col } = rowsOf(ss);
    const row = cells.find((r) => r[0] === ok.id)!;
    expect(row[col('Late')]).toBe('zhang.wei@example.edu');
    expect(String(row[col('Attendees')])).toContain('zhang.wei@example.edu');
  });

  it('"repeat every two weeks until" plans one meeting per fortnight, same time, in one save', () => {
    const { ss, run } = sample();
    const before = ss.sheetByName('Meetings')!.lastRow();
    const auditBefore = ss.sheetByName('_Audit')?.lastRow() ?? 1;
    const r = run<Saved>('sidebarSave', 'Meetings', { changes: meeting, repeatUntil: '2027-01-13' });
    expect(r.ok).toBe(true);
    // 2 Dec, 16 Dec, 30 Dec, 13 Jan: the last falls on the day asked.
    expect(r.series).toHaveLength(4);
    expect(r.series![0]).toBe(r.id);
    const n = (id: string) => Number(id.slice(3));
    expect(r.series!.map(n)).toEqual([0, 1, 2, 3].map((i) => n(r.id) + i));
    expect(ss.sheetByName('Meetings')!.lastRow()).toBe(before + 4);
    const { cells, col } = rowsOf(ss);
    const rows = r.series!.map((id) => cells.find((x) => x[0] === id)!);
    const t0 = (rows[0]![col('Date')] as Date).getTime();
    rows.forEach((row, i) => {
      expect((row[col('Date')] as Date).getTime() - t0).toBe(i * 14 * 86_400_000);
      expect(row[col('Status')]).toBe('Planned');
      expect(row[col('Title')]).toBe('Fortnightly meeting');
      expect(row[col('Purpose')]).toBe('Plan the New Year party');
      expect(row[col('Attendees')]).toBe('');
    });
    // One audit row per meeting created.
    const audit = ss.sheetByName('_Audit')!;
    expect(audit.lastRow() - auditBefore).toBe(4);
  });

  it('a series is refused by name for a visit, a Done meeting, a day before the first, or over a year', () => {
    const { ss, run } = sample();
    const before = ss.sheetByName('Meetings')!.lastRow();
    const err = (changes: Record<string, string>, until: string) =>
      run<Saved>('sidebarSave', 'Meetings', { changes: { ...meeting, ...changes }, repeatUntil: until })
        .errors;
    expect(err({ type: 'Sponsor Visit', with: 'S-0002' }, '2027-01-13')).toEqual([
      { field: 'repeatUntil', message: 'Repeat every two weeks until repeats department meetings only.' },
    ]);
    expect(err({ status: 'Done' }, '2027-01-13')?.[0]?.field).toBe('repeatUntil');
    expect(err({}, '2026-11-30')).toEqual([
      {
        field: 'repeatUntil',
        message: 'Repeat every two weeks until: 2026-11-30 is before the first meeting (2026-12-02).',
      },
    ]);
    expect(err({}, '2028-12-31')?.[0]?.message).toMatch(/would plan 55 meetings; at most 27/);
    expect(err({}, '2027-02-30')?.[0]?.field).toBe('repeatUntil');
    expect(ss.sheetByName('Meetings')!.lastRow()).toBe(before);
  });
});

describe('menu captions in the user’s language', () => {
  it('Chinese for a zh locale (also in AuthMode.NONE), English for others, both when no locale is given', () => {
    const google = new LocalGoogle();
    const ss = buildSample(google, { today: '2026-11-23' });
    const captions = (opts: Record<string, unknown>) => {
      google.menus.delete(ss.id);
      project.run(google, 'onOpen', [{ authMode: opts.authMode ?? 'LIMITED' }], {
        spreadsheetId: ss.id,
        ...opts,
      });
      return google.menus.get(ss.id)![0]!.items.flatMap((i) => ('caption' in i ? [i.caption] : []));
    };
    expect(captions({ locale: 'zh_CN' })[0]).toBe('设置工作簿（Set up workbook）');
    expect(captions({ locale: 'en_US' })[0]).toBe('Set up workbook');
    expect(captions({ authMode: 'NONE', locale: 'zh_TW' })[0]).toBe('设置工作簿（Set up workbook）');
    expect(captions({ locale: '' })[0]).toBe('Set up workbook · 设置工作簿');
  });
});

describe('the sidebar page before its first answer', () => {
  it('carries its title and the multi-account explanation in the member’s language', () => {
    const google = new LocalGoogle();
    const ss = buildSample(google, { today: '2026-11-23' });
    const settings = ss.sheetByName('Settings')!;
    settings.set(settings.cells.findIndex((r) => r[0] === 'Language') + 1, 2, 'zh');
    project.run(google, 'menuEditSponsors', [], { spreadsheetId: ss.id });
    const sidebar = google.ui.filter((u) => u.kind === 'sidebar').at(-1)!;
    expect(sidebar.title).toBe('Outreach Desk · 赞助商');
    const m = /window\.OD_MULTI_ACCOUNT=("[^"]*")/.exec(String(sidebar.html));
    expect(JSON.parse(m![1]!)).toMatch(/Google 账号/);
  });
});

describe('from a record to its row', () => {
  it('Show in the sheet selects the row the record is on now, found by its ID', () => {
    const { ss, run } = sample();
    const sh = ss.sheetByName('Contacts')!;
    const [head, ...rows] = sh.cells;
    sh.cells = [head!, ...rows.reverse()]; // sorted by hand since it was opened at row 6
    const at = run<number>('sidebarShowRow', 'Contacts', 'C-0005', 6);
    expect(sh.get(at, 1)).toBe('C-0005');
    expect(at).not.toBe(6);
    expect(run<number>('sidebarShowRow', 'Contacts', 'C-9999')).toBe(0);
  });
});

describe('the member’s tab stays where it was', () => {
  it('when the first save creates the hidden audit log (insertSheet would activate it)', () => {
    const { ss, run } = sample();
    ss.sheets = ss.sheets.filter((s) => s.name !== '_Audit');
    ss.activeSheetId = ss.sheetByName('Contacts')!.id;
    expect(run<{ ok: boolean }>('sidebarSave', 'Contacts', { name: 'Tab Test' }).ok).toBe(true);
    expect(ss.sheetByName('_Audit')).toBeDefined();
    expect(ss.activeSheetId).toBe(ss.sheetByName('Contacts')!.id);
  });
});
