/**
 * The built bundle (appsscript/) loaded into the local runtime the way Apps Script loads
 * it, driven through its entry points: onOpen in each auth mode, onInstall, and the menu's
 * functions by the names the menu registered.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { requiredColumns, TABLES } from '../../src/domain/schema';
import { LocalGoogle } from '../../src/local/backend';
import { Execution } from '../../src/local/execution';
import { LocalProject } from '../../src/local/runtime';
import { SpreadsheetModel } from '../../src/local/services/spreadsheet';
import { bundleDir } from '../support/bundle';
import { progressOf } from '../support/progress';

const dir = bundleDir();
let project: LocalProject;
beforeAll(() => {
  project = new LocalProject(dir);
});

function emptyWorkbook(tz = 'Asia/Shanghai') {
  const google = new LocalGoogle();
  const ss = new SpreadsheetModel('ss-test', 'Outreach', tz);
  ss.addSheet('Sheet1');
  google.spreadsheets.set(ss.id, ss);
  return { google, ss };
}

function snapshot(ss: SpreadsheetModel) {
  return JSON.stringify(
    ss.sheets.map((s) => ({
      name: s.name,
      cells: s.cells,
      frozen: s.frozenRows,
      v: s.validations,
      hidden: s.hidden,
    })),
  );
}

describe('bundle: onOpen and Set up workbook', () => {
  it('onOpen adds the menu in every auth mode, with the contract captions', () => {
    for (const authMode of ['NONE', 'LIMITED', 'FULL'] as const) {
      const { google, ss } = emptyWorkbook();
      project.run(google, 'onOpen', [{ authMode }], { authMode, spreadsheetId: ss.id });
      const menus = google.menus.get(ss.id)!;
      expect(menus).toHaveLength(1);
      const captions = menus[0]!.items.flatMap((i) => (i.kind === 'item' ? [i.caption] : []));
      expect(captions[0]).toMatch(/^Set up workbook/);
      expect(captions.some((c) => c.startsWith('Add or edit'))).toBe(true);
      // In AuthMode.NONE an add-on gets the add-on menu; a bound script a named menu.
      expect(menus[0]!.addon).toBe(authMode === 'NONE');
    }
  });

  it('onInstall adds the add-on menu; installed add-ons use it in every mode', () => {
    const { google, ss } = emptyWorkbook();
    google.installedAsAddon = true;
    project.run(google, 'onInstall', [{ authMode: 'FULL' }], { spreadsheetId: ss.id });
    expect(google.menus.get(ss.id)![0]!.addon).toBe(true);
  });

  it('every menu item runs a function the bundle defines', () => {
    const { google, ss } = emptyWorkbook();
    project.run(google, 'onOpen', [{ authMode: 'FULL' }], { spreadsheetId: ss.id });
    const ctx = project.load(new Execution(google, { spreadsheetId: ss.id }));
    for (const item of google.menus.get(ss.id)![0]!.items) {
      if (item.kind === 'item') expect(typeof ctx[item.functionName], item.functionName).toBe('function');
    }
  });

  it('Set up workbook creates every sheet and header of the contract, and a second run changes no cell', () => {
    const { google, ss } = emptyWorkbook();
    project.run(google, 'onOpen', [{ authMode: 'FULL' }], { spreadsheetId: ss.id });
    const menu = google.menus.get(ss.id)![0]!;
    const setup = menu.items.find((i) => i.kind === 'item' && i.caption.startsWith('Set up workbook'));
    expect(setup?.kind).toBe('item');
    const fn = setup!.kind === 'item' ? setup!.functionName : '';
    const first = project.run(google, fn, [], { spreadsheetId: ss.id });
    for (const def of TABLES) {
      const sheet = ss.sheetByName(def.name);
      expect(sheet, def.name).toBeDefined();
      // Every column of the contract; optional ones (Members "Language") only when members add them.
      const columns = requiredColumns(def);
      expect(sheet!.cells[0]!.slice(0, columns.length)).toEqual(columns.map((f) => f.header));
      expect(sheet!.frozenRows).toBe(1);
    }
    expect(first.calls.total).toBeGreaterThan(0);
    // Date columns show calendar days; a Date written there displays as 2026-03-15.
    const ledger = ss.sheetByName('Ledger')!;
    expect(ledger.numberFormats.get('2,2')).toBe('yyyy-mm-dd');
    expect(ss.sheetByName('Meetings')!.numberFormats.get('5,2')).toBe('yyyy-mm-dd hh:mm');
    // Codes and phone numbers are plain text, so 007 or +86 typed by hand stays as typed.
    const contacts = ss.sheetByName('Contacts')!;
    const col = (h: string) => contacts.cells[0]!.map(String).indexOf(h) + 1;
    for (const h of ['Contact ID', 'Phone', 'Other Handle', 'Sponsor ID'])
      expect(contacts.numberFormats.get(`2,${col(h)}`), h).toBe('@');
    expect(contacts.numberFormats.get(`2,${col('Name')}`)).toBeUndefined();
    const before = snapshot(ss);
    const rev = ss.revision;
    const second = project.run(google, fn, [], { spreadsheetId: ss.id });
    expect(snapshot(ss)).toBe(before);
    expect(ss.revision).toBe(rev);
    expect(second.calls.of('Range.setValues')).toBe(0);
    expect(google.ui.at(-1)?.message).toMatch(/nothing was changed/);
  });
});

describe('bundle: Set up workbook repairs a workbook members have changed', () => {
  it('keeps reordered and extra columns and their data, adds what is missing at the end, restores dropdowns', async () => {
    const { buildSample } = await import('../../src/local/sample');
    const google = new LocalGoogle();
    const ss = buildSample(google, { today: '2026-11-23' });
    const sh = ss.sheetByName('Sponsors')!;
    // A member moved "Stage" to the front, deleted "Notes", added their own column, and
    // cleared the Stage dropdown.
    const h = () => sh.cells[0]!.map(String);
    const stage = h().indexOf('Stage');
    for (const row of sh.cells) row.unshift(row.splice(stage, 1)[0] ?? '');
    const notes = h().indexOf('Notes');
    sh.deleteColumns(notes + 1, 1);
    const own = h().length + 1;
    sh.set(1, own, 'Gift ideas');
    sh.set(2, own, 'mooncakes');
    sh.setValidation(2, 1, sh.maxRows, 1, null);
    const before = sh.cells.map((r) => r.slice(0, own));

    const run = project.run(google, 'menuSetUpWorkbook', [], { spreadsheetId: ss.id });
    expect(run.calls.total).toBeGreaterThan(0);
    expect(h().slice(0, own)).toEqual(before[0]!.map(String));
    expect(h()[own]).toBe('Notes');
    expect(sh.cells.slice(1).map((r) => r.slice(0, own))).toEqual(before.slice(1));
    expect(sh.validationAt(5, 1)?.criteria).toBe('VALUE_IN_LIST');
    expect((sh.validationAt(5, 1)!.args[0] as string[])[0]).toBe('Prospect');
    expect(google.ui.at(-1)?.message).toMatch(/Added columns: Sponsors!Notes/);

    const rev = ss.revision;
    project.run(google, 'menuSetUpWorkbook', [], { spreadsheetId: ss.id });
    expect(ss.revision).toBe(rev);
  });

  it('creates only the sheets that are missing and seeds only missing settings', async () => {
    const { buildSample } = await import('../../src/local/sample');
    const google = new LocalGoogle();
    const ss = buildSample(google, { today: '2026-11-23' });
    ss.sheets = ss.sheets.filter((s) => s.name !== 'Events');
    const settings = ss.sheetByName('Settings')!;
    const currencyRow = settings.cells.findIndex((r) => r[0] === 'Currency');
    settings.cells.splice(currencyRow, 1);
    const term = settings.cells.find((r) => r[0] === 'Term')![1];
    project.run(google, 'menuSetUpWorkbook', [], { spreadsheetId: ss.id });
    expect(ss.sheetByName('Events')!.cells[0]![0]).toBe('Event ID');
    expect(settings.cells.find((r) => r[0] === 'Currency')![1]).toBe('CNY');
    expect(settings.cells.find((r) => r[0] === 'Term')![1]).toBe(term);
    expect(google.ui.at(-1)?.message).toMatch(/Created sheets: Events\./);
  });

  it('reports in Chinese when the department works in Chinese', async () => {
    const { buildSample } = await import('../../src/local/sample');
    const google = new LocalGoogle();
    const ss = buildSample(google, { today: '2026-11-23' });
    const settings = ss.sheetByName('Settings')!;
    settings.set(settings.cells.findIndex((r) => r[0] === 'Language') + 1, 2, '中文');
    // (A Chinese department's blank Festival calendar means CN: Set up would add festivals.)
    settings.set(settings.cells.findIndex((r) => r[0] === 'Festival calendar') + 1, 2, 'none');
    project.run(google, 'menuSetUpWorkbook', [], { spreadsheetId: ss.id });
    expect(google.ui.at(-1)).toMatchObject({ kind: 'alert', message: '一切就绪：没有任何改动。' });
    // Progress while it works: each sheet, Settings, the protections, in Chinese.
    const { title, status } = progressOf(google, project, ss.id);
    expect(title).toBe('正在设置工作簿');
    expect(status.steps[0]).toBe('工作表“成员”：表头、下拉列表、格式');
    expect(status.steps.slice(-2)).toEqual(['设置', '按职务保护工作表']);
    expect(status).toMatchObject({ state: 'done', at: status.steps.length });
  });
});

describe('bundle: reminder menus speak the department language', () => {
  it('Send reminders now summarises in Chinese when Settings say 中文', async () => {
    const { buildSample } = await import('../../src/local/sample');
    const google = new LocalGoogle();
    google.setNow(new Date('2026-11-23T02:00:00Z'));
    const ss = buildSample(google, { today: '2026-11-23' });
    const settings = ss.sheetByName('Settings')!;
    settings.set(settings.cells.findIndex((r) => r[0] === 'Language') + 1, 2, '中文');
    project.run(google, 'menuSendRemindersNow', [], { spreadsheetId: ss.id });
    expect(google.ui.at(-1)).toMatchObject({ kind: 'dialog', title: '立即发送提醒' });
    const r = project.run<{ lines: string[] }>(google, 'remindersSend', [], { spreadsheetId: ss.id }).value;
    expect(r.lines[0]).toMatch(/^已发送 2026-11-23 的提醒 \d+ 封：/);
    expect(r.lines.join('\n')).toMatch(/今日剩余邮件配额/);
  });
});
