/**
 * "Set up workbook" protects the sheets (the contract's "Roles"), through the built bundle:
 * the runtime then refuses a script's write to Ledger by an Officer as Google does, lets the
 * Treasurer's through, and a role change followed by Set up moves the editors.
 */
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { LocalGoogle } from '../../src/local/backend';
import { Execution } from '../../src/local/execution';
import { LocalProject } from '../../src/local/runtime';
import { buildSample } from '../../src/local/sample';
import { SpreadsheetModel } from '../../src/local/services/spreadsheet';
import { bundleDir } from '../support/bundle';

let project: LocalProject;
beforeAll(() => {
  project = new LocalProject(bundleDir());
});

const MINISTER = 'minister@example.edu'; // the sample's Minister and the workbook's owner
const TREASURER = 'wang.fang@example.edu';
const OFFICER = 'zhang.wei@example.edu';
const VICE = 'chen.jing@example.edu';
const PROTECTED =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function sample() {
  const google = new LocalGoogle();
  const ss = buildSample(google, { today: '2026-11-23' });
  const setUp = (user = MINISTER) =>
    project.run(google, 'menuSetUpWorkbook', [], { spreadsheetId: ss.id, user });
  /** A script of the user's own (code in the bundle's context, as the user): its value or error. */
  const script = (user: string, code: string): { value?: unknown; error?: string } => {
    const x = new Execution(google, { spreadsheetId: ss.id, user, projectFiles: project.files });
    const ctx = project.load(x);
    try {
      return { value: vm.runInContext(code, ctx) };
    } catch (e) {
      return { error: (e as Error).message };
    } finally {
      x.end();
    }
  };
  const editors = (sheet: string) => {
    const id = ss.sheetByName(sheet)!.id;
    return [...(ss.protections.find((p) => p.sheetId === id && p.range === null)?.editors ?? [])].sort();
  };
  return { google, ss, setUp, script, editors };
}

const LEDGER_WRITE = `
  const sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Ledger');
  sh.getRange(2, 6).setValue('Changed by a script');
  sh.getRange(2, 6).getValue();`;

describe('Set up workbook protects the sheets', () => {
  it('Ledger: the Treasurer and the Minister only; Members and Settings: the heads; IDs and logs warn', () => {
    const { ss, editors } = sample();
    expect(editors('Ledger')).toEqual([MINISTER, TREASURER]);
    expect(editors('Members')).toEqual([VICE, MINISTER]);
    expect(editors('Settings')).toEqual([VICE, MINISTER]);
    for (const p of ss.protections) expect(p.description).toMatch(/^Outreach Desk: /);
    const ids = ss.protections.filter((p) => p.range);
    expect(ids).toHaveLength(8); // the ID column of each record sheet (Benefits and Templates included)
    for (const p of ids)
      expect(p).toMatchObject({ warningOnly: true, wholeColumns: true, range: { c1: 1, c2: 1 } });
  });

  it("refuses an Officer's script write to Ledger with Google's message and changes nothing; the Treasurer's goes through", () => {
    const { ss, script } = sample();
    const ledger = ss.sheetByName('Ledger')!;
    const before = JSON.stringify(ledger.cells);
    expect(script(OFFICER, LEDGER_WRITE).error).toBe(PROTECTED);
    expect(
      script(OFFICER, `SpreadsheetApp.getActive().getSheetByName('Ledger').appendRow(['L-9999'])`).error,
    ).toBe(PROTECTED);
    expect(JSON.stringify(ledger.cells)).toBe(before);
    // Reading is never stopped.
    expect(
      script(OFFICER, `SpreadsheetApp.getActive().getSheetByName('Ledger').getRange(1, 1).getValue()`),
    ).toEqual({
      value: 'Entry ID',
    });
    expect(script(TREASURER, LEDGER_WRITE)).toEqual({ value: 'Changed by a script' });
  });

  it('the warning-only ID column does not stop the add-on writing for an Officer', () => {
    const { google, ss } = sample();
    const r = project.run<{ ok: boolean; id?: string }>(
      google,
      'sidebarSave',
      ['Sponsors', { organization: 'Campus Bikes', stage: 'Prospect', owner: OFFICER }],
      { spreadsheetId: ss.id, user: OFFICER },
    ).value;
    expect(r).toMatchObject({ ok: true, id: 'S-0033' });
  });

  it('a second Set up changes nothing', () => {
    const { google, ss, setUp } = sample();
    const rev = ss.revision;
    const before = JSON.stringify(ss.protections);
    setUp();
    expect(ss.revision).toBe(rev);
    expect(JSON.stringify(ss.protections)).toBe(before);
    expect(google.ui.at(-1)?.message).toMatch(/nothing was changed/);
  });

  it('after a role change Set up adds and removes editors to match, and says so', () => {
    const { google, ss, setUp, editors, script } = sample();
    const members = ss.sheetByName('Members')!;
    const col = (h: string) => members.cells[0]!.map(String).indexOf(h) + 1;
    const row = (email: string) => members.cells.findIndex((r) => r[col('Email') - 1] === email) + 1;
    const roleChange = `
      const sh = SpreadsheetApp.getActive().getSheetByName('Members');
      sh.getRange(${row(OFFICER)}, ${col('Role')}).setValue('Treasurer');
      sh.getRange(${row(TREASURER)}, ${col('Role')}).setValue('Officer');`;
    expect(script(OFFICER, roleChange).error).toBe(PROTECTED); // Members is the heads' to edit
    expect(script(MINISTER, roleChange).error).toBeUndefined();
    setUp();
    expect(editors('Ledger')).toEqual([MINISTER, OFFICER]);
    expect(google.ui.at(-1)?.message).toContain(
      `Ledger: editors added ${OFFICER}; editors removed ${TREASURER}.`,
    );
    expect(script(TREASURER, LEDGER_WRITE).error).toBe(PROTECTED);
    expect(script(OFFICER, LEDGER_WRITE).error).toBeUndefined();
    const rev = ss.revision;
    setUp();
    expect(ss.revision).toBe(rev);
  });

  it("leaves members' own protections alone", () => {
    const { ss, setUp, script } = sample();
    const own = `
      const sh = SpreadsheetApp.getActive().getSheetByName('Sponsors');
      sh.getRange('B1:B3').protect().setDescription('Mine').addEditor('${VICE}');`;
    expect(script(MINISTER, own).error).toBeUndefined();
    const mine = JSON.stringify(ss.protections.find((p) => p.description === 'Mine'));
    setUp();
    expect(JSON.stringify(ss.protections.find((p) => p.description === 'Mine'))).toBe(mine);
  });

  it('without an active Minister (a new workbook) locks nobody out and says so', () => {
    const google = new LocalGoogle();
    const ss = new SpreadsheetModel('ss-new', 'Outreach', 'Asia/Shanghai');
    ss.addSheet('Sheet1');
    google.spreadsheets.set(ss.id, ss);
    project.run(google, 'menuSetUpWorkbook', [], { spreadsheetId: ss.id, user: 'someone@example.edu' });
    expect(ss.protections.filter((p) => p.range === null)).toEqual([]);
    expect(ss.protections.filter((p) => p.warningOnly)).toHaveLength(8); // the ID column of each of the 8 record sheets
    expect(google.ui.at(-1)?.message).toMatch(/Ledger, Members, Settings: not protected yet/);
  });
});
