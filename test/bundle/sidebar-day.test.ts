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

  it('a search says how many match in all', () => {
    const { run } = sample();
    const page = run<{ items: unknown[]; total: number }>('sidebarSearchPage', 'Contacts', '', 50);
    expect(page.items).toHaveLength(50);
    expect(page.total).toBe(110);
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
