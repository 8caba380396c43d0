/**
 * Roles (the contract's "Roles" table), through the built bundle, as each kind of user: the
 * sample's Minister, Vice Minister, Treasurer, an Officer, an outsider who is not in Members,
 * an inactive member, and a user whose email Apps Script leaves blank.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LocalGoogle } from '../../src/local/backend';
import { LocalProject } from '../../src/local/runtime';
import { buildSample } from '../../src/local/sample';
import { SpreadsheetModel } from '../../src/local/services/spreadsheet';
import { bundleDir } from '../support/bundle';

let project: LocalProject;
beforeAll(() => {
  project = new LocalProject(bundleDir());
});

const MINISTER = 'minister@example.edu';
const VICE = 'chen.jing@example.edu';
const TREASURER = 'wang.fang@example.edu';
const OFFICER = 'zhang.wei@example.edu';
const OUTSIDER = 'someone@else.org';
const INACTIVE = 'guo.qiang@example.edu';

type Save = { ok: boolean; errors?: { field: string; message: string }[]; id?: string };

function sample() {
  const google = new LocalGoogle();
  const ss = buildSample(google, { today: '2026-11-23' });
  const as = (user: string) => ({
    run: <T>(fn: string, ...args: unknown[]) =>
      project.run<T>(google, fn, args, { spreadsheetId: ss.id, user }).value,
    save: (table: string, input: Record<string, unknown>) =>
      project.run<Save>(google, 'sidebarSave', [table, input], { spreadsheetId: ss.id, user }).value,
  });
  const lastAlert = () => google.ui.filter((u) => u.kind === 'alert').at(-1)?.message ?? '';
  return { google, ss, as, lastAlert };
}

const ledgerEntry = {
  date: '2026-11-20',
  type: 'Expense',
  description: 'Banner printing',
  amount: '99999',
  status: 'Settled',
};
const sponsor = { organization: 'Campus Copy Shop', stage: 'Prospect' };

describe('sidebar saves, by role', () => {
  it('Ledger: the Treasurer and the Minister; not the Vice Minister, an Officer or an outsider', () => {
    const { as, ss } = sample();
    const rows = () => ss.sheetByName('Ledger')!.lastRow();
    const before = rows();
    expect(as(TREASURER).save('Ledger', ledgerEntry).ok).toBe(true);
    expect(as(MINISTER).save('Ledger', ledgerEntry).ok).toBe(true);
    for (const who of [VICE, OFFICER]) {
      const r = as(who).save('Ledger', ledgerEntry);
      expect(r.ok, who).toBe(false);
      expect(r.errors![0]!.message).toMatch(
        /^Only Treasurer or Minister may do this; .* Nothing was changed\.$/,
      );
    }
    expect(as(OUTSIDER).save('Ledger', ledgerEntry).errors![0]!.message).toMatch(
      /someone@else.org is not an active member in the Members sheet.*only Treasurer or Minister may do it/,
    );
    expect(rows()).toBe(before + 2);
  });

  it('Members: the Minister and Vice Minister only — an Officer cannot make himself Minister', () => {
    const { as, ss } = sample();
    const members = ss.sheetByName('Members')!;
    const me = members.cells.findIndex((r) => r[2] === OFFICER) + 1;
    const id = String(members.get(me, 1));
    const r = as(OFFICER).save('Members', { id, role: 'Minister' });
    expect(r.ok).toBe(false);
    expect(r.errors![0]!.message).toMatch(
      /Only Minister or Vice Minister may do this; zhang.wei@example.edu is Officer/,
    );
    expect(members.get(me, 5)).toBe('Officer');
    expect(as(VICE).save('Members', { id, group: 'Planning' }).ok).toBe(true);
  });

  it('Sponsors and other records: every active member; not an outsider, an inactive member or a blank email', () => {
    const { as } = sample();
    for (const who of [MINISTER, VICE, TREASURER, OFFICER])
      expect(as(who).save('Sponsors', { ...sponsor, organization: `Copy Shop of ${who}` }).ok, who).toBe(
        true,
      );
    for (const who of [OUTSIDER, INACTIVE]) {
      const r = as(who).save('Sponsors', sponsor);
      expect(r.ok, who).toBe(false);
      expect(r.errors![0]!.message).toMatch(/is not an active member.*only any active member may do it/);
    }
    const blank = as('').save('Sponsors', sponsor);
    expect(blank.errors![0]!.message).toMatch(/cannot tell who you are/);
  });

  it('giving another member’s sponsor to someone else: the Minister or Vice Minister; a member may hand on their own', () => {
    const { as, ss } = sample();
    const sh = ss.sheetByName('Sponsors')!;
    const header = sh.cells[0]!.map(String);
    const ownerCol = header.indexOf('Owner');
    const row = sh.cells.findIndex((r, i) => i > 0 && r[ownerCol] && r[ownerCol] !== OFFICER) + 1;
    const id = String(sh.get(row, 1));
    const owner = String(sh.get(row, ownerCol + 1));
    const r = as(OFFICER).save('Sponsors', { id, owner: OFFICER });
    expect(r.ok).toBe(false);
    expect(r.errors![0]!.message).toMatch(
      new RegExp(
        `Owner: only Minister or Vice Minister may give a record that ${owner.replace('.', '\\.')} owns`,
      ),
    );
    expect(as(VICE).save('Sponsors', { id, owner: OFFICER }).ok).toBe(true);
    // Now the Officer's own: he may hand it on.
    expect(as(OFFICER).save('Sponsors', { id, owner: TREASURER }).ok).toBe(true);
  });
});

describe('menu items, by role', () => {
  it('Set up, Send reminders now, Install reminders, Generate semester report: Minister and Vice Minister', () => {
    const { as, google, lastAlert } = sample();
    for (const fn of [
      'menuSetUpWorkbook',
      'menuSendRemindersNow',
      'menuInstallReminders',
      'menuGenerateReport',
    ]) {
      for (const who of [TREASURER, OFFICER, OUTSIDER]) {
        const mails = google.outbox.length;
        const r = as(who).run(fn);
        expect(r ?? null, `${fn} as ${who}`).toBeNull();
        expect(lastAlert(), `${fn} as ${who}`).toMatch(/Minister or Vice Minister/);
        expect(google.outbox).toHaveLength(mails);
      }
    }
    expect(google.triggers).toEqual([]);
    expect(as(VICE).run<{ id: string } | null>('menuGenerateReport')).toMatchObject({
      id: expect.any(String),
    });
    // The Minister gets the confirm dialog; its Send button (remindersSend) sends.
    expect(as(MINISTER).run('menuSendRemindersNow') ?? null).toBeNull();
    expect(google.ui.at(-1)).toMatchObject({ kind: 'dialog', title: 'Send reminders now' });
    const sent = as(MINISTER).run<{ sent: unknown[] } | null>('remindersSend');
    expect(Array.isArray(sent?.sent)).toBe(true);
  });

  it('Generate contact roster: every active member, not an outsider', () => {
    const { as, lastAlert } = sample();
    expect(as(OFFICER).run('menuGenerateRoster')).toMatchObject({ id: expect.any(String) });
    expect(as(OUTSIDER).run('menuGenerateRoster')).toBeNull();
    expect(lastAlert()).toMatch(/not an active member/);
  });

  it('a new workbook (no active Minister yet): whoever sets it up may, and may add the first members', () => {
    const google = new LocalGoogle();
    const ss = new SpreadsheetModel(google.newId('ss'), 'New', 'Asia/Shanghai');
    ss.addSheet('Sheet1');
    google.spreadsheets.set(ss.id, ss);
    const run = <T>(fn: string, ...args: unknown[]) =>
      project.run<T>(google, fn, args, { spreadsheetId: ss.id, user: 'first@x.edu' }).value;
    run('menuSetUpWorkbook');
    expect(ss.sheetByName('Members')).toBeDefined();
    const r = run<Save>('sidebarSave', 'Members', { name: 'First', email: 'first@x.edu', role: 'Minister' });
    expect(r.ok).toBe(true);
    // From now on the rules apply: a stranger cannot.
    const s = project.run<Save>(google, 'sidebarSave', ['Members', { name: 'Me', email: 'me@x.edu' }], {
      spreadsheetId: ss.id,
      user: 'stranger@x.edu',
    }).value;
    expect(s.ok).toBe(false);
  });

  it('Chinese: a refusal names the roles in the member’s language', () => {
    const { as, ss } = sample();
    const settings = ss.sheetByName('Settings')!;
    settings.set(settings.cells.findIndex((r) => r[0] === 'Language') + 1, 2, 'zh');
    const r = as(OFFICER).save('Ledger', ledgerEntry);
    expect(r.errors![0]!.message).toBe(
      '只有财务或部长可以执行此操作；zhang.wei@example.edu 的职务是干事。没有做任何修改。',
    );
  });
});
