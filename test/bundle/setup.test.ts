/**
 * The built bundle (appsscript/) loaded into the local runtime the way Apps Script loads
 * it, driven through its entry points: onOpen in each auth mode, onInstall, and the menu's
 * functions by the names the menu registered.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLES } from '../../src/domain/schema';
import { LocalGoogle } from '../../src/local/backend';
import { Execution } from '../../src/local/execution';
import { LocalProject } from '../../src/local/runtime';
import { SpreadsheetModel } from '../../src/local/services/spreadsheet';

const dir = join(__dirname, '../../appsscript');
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
      expect(sheet!.cells[0]!.slice(0, def.fields.length)).toEqual(def.fields.map((f) => f.header));
      expect(sheet!.frozenRows).toBe(1);
    }
    expect(first.calls.total).toBeGreaterThan(0);
    const before = snapshot(ss);
    const rev = ss.revision;
    const second = project.run(google, fn, [], { spreadsheetId: ss.id });
    expect(snapshot(ss)).toBe(before);
    expect(ss.revision).toBe(rev);
    expect(second.calls.of('Range.setValues')).toBe(0);
    expect(google.ui.at(-1)?.message).toMatch(/nothing was changed/);
  });
});
