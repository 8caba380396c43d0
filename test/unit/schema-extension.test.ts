/**
 * The schema is the one source of truth: a field added to a table's definition — here a
 * `Instagram` column on Sponsors, in a copy of the schema — reaches Set up, the sidebar form
 * in both languages, validation, saving and the sample workbook with no other source edit.
 * The add-on's source runs in this process against the local runtime (withGlobals), with
 * the schema module replaced by the extended copy.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/domain/schema', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/domain/schema')>();
  const instagram = {
    header: 'Instagram',
    key: 'instagram',
    type: 'text' as const,
    label: { en: 'Instagram', zh: 'Instagram 账号' },
    maxLength: 300,
  };
  const SPONSORS = { ...m.SPONSORS, fields: [...m.SPONSORS.fields, instagram] };
  const swap = <T extends { name: string }>(d: T) => (d.name === 'Sponsors' ? (SPONSORS as unknown as T) : d);
  const TABLES = m.TABLES.map(swap);
  const TABLE_BY_NAME = { ...m.TABLE_BY_NAME, Sponsors: SPONSORS };
  return {
    ...m,
    SPONSORS,
    TABLES,
    TABLE_BY_NAME,
    RECORD_TABLES: m.RECORD_TABLES.map(swap),
    tableDef: (name: string) => {
      const def = (TABLE_BY_NAME as Record<string, unknown>)[name];
      if (!def) throw new Error(`Unknown table "${name}".`);
      return def;
    },
  };
});

const { setUpWorkbook } = await import('../../src/addon/setup');
const { sidebarForm, sidebarGet, sidebarSave } = await import('../../src/addon/sidebar');
const { LocalGoogle } = await import('../../src/local/backend');
const { Execution } = await import('../../src/local/execution');
const { withGlobals } = await import('../../src/local/inprocess');
const { buildSample } = await import('../../src/local/sample');

function sample() {
  const google = new LocalGoogle();
  const ss = buildSample(google, { today: '2026-11-23' });
  const as = <T>(fn: () => T) =>
    withGlobals(new Execution(google, { spreadsheetId: ss.id, user: 'zhang.wei@example.edu' }), fn);
  const header = () => ss.sheetByName('Sponsors')!.cells[0]!.map(String);
  return { google, ss, as, header };
}

describe('a field added to the schema, and nothing else', () => {
  it('the sample workbook has its column (rows are written by header)', () => {
    const { header } = sample();
    expect(header()).toContain('Instagram');
  });

  it('Set up adds its column to a workbook that holds records, after the last column', () => {
    const { ss, as, header } = sample();
    const sh = ss.sheetByName('Sponsors')!;
    sh.deleteColumns(header().indexOf('Instagram') + 1, 1);
    expect(header()).not.toContain('Instagram');
    const width = header().length;
    const report = as(() => setUpWorkbook(SpreadsheetApp.getActiveSpreadsheet()));
    expect(report.addedColumns).toEqual(['Sponsors!Instagram']);
    expect(header()[width]).toBe('Instagram');
  });

  it('the sidebar form shows it, labelled in English and in Chinese', () => {
    const { ss, as } = sample();
    const en = as(() => sidebarForm('Sponsors'));
    expect(en.fields.find((f) => f.key === 'instagram')).toMatchObject({
      label: 'Instagram',
      maxLength: 300,
    });
    const settings = ss.sheetByName('Settings')!;
    settings.set(settings.cells.findIndex((r) => r[0] === 'Language') + 1, 2, 'zh');
    const zh = as(() => sidebarForm('Sponsors'));
    expect(zh.fields.find((f) => f.key === 'instagram')!.label).toBe('Instagram 账号 (Instagram)');
  });

  it('a save validates it by its declaration and writes it under its header', () => {
    const { ss, as, header } = sample();
    const tooLong = as(() =>
      sidebarSave('Sponsors', { changes: { organization: 'X', instagram: 'w'.repeat(301) } }),
    );
    expect(tooLong).toMatchObject({
      ok: false,
      errors: [{ field: 'instagram', message: /Instagram is too long/ }],
    });
    const r = as(() =>
      sidebarSave('Sponsors', { changes: { organization: 'Web Shop', instagram: 'shop.example.com' } }),
    );
    expect(r.ok).toBe(true);
    const row = (r as { row: number }).row;
    expect(ss.sheetByName('Sponsors')!.get(row, header().indexOf('Instagram') + 1)).toBe('shop.example.com');
    const loaded = as(() => sidebarGet('Sponsors', (r as { id: string }).id));
    expect(loaded!.values.instagram).toBe('shop.example.com');
  });
});
