/**
 * A workbook from before issue 13 (no Benefits sheet, no Return By / Returned columns) keeps
 * working — the reminders and the report run, with no benefit or loan items — and Set up
 * workbook brings it up to date: the Benefits sheet is created and the two Ledger columns
 * are added after the last used column, every other cell as it was; a second run changes
 * nothing. The menu offers "Add or edit benefits" and "Generate sponsor feedback".
 */
import { describe, expect, it } from 'vitest';
import type { PreviewResponse } from '../../src/addon/reminders/preview';
import { LocalGoogle } from '../../src/local/backend';
import { LocalProject } from '../../src/local/runtime';
import { buildSample } from '../../src/local/sample';
import { bundleDir } from '../support/bundle';
import { shanghai } from '../unit/report-fixture';

process.env.TZ = 'UTC';
const TODAY = '2026-11-23';
const project = new LocalProject(bundleDir());

function oldWorkbook() {
  const google = new LocalGoogle();
  google.setNow(shanghai(TODAY, 10));
  const ss = buildSample(google, { today: TODAY });
  ss.sheets = ss.sheets.filter((s) => s.name !== 'Benefits');
  const ledger = ss.sheetByName('Ledger')!;
  const at = ledger.cells[0]!.map(String).indexOf('Return By');
  ledger.deleteColumns(at + 1, 2);
  return { google, ss, ledger };
}

describe('bundle: partners on a workbook set up before them', () => {
  it('reminders and the report still run; Set up adds Benefits and the lent-goods columns, touching nothing else', () => {
    const { google, ss, ledger } = oldWorkbook();
    const run = <T>(fn: string, args: unknown[] = []) =>
      project.run<T>(google, fn, args, { spreadsheetId: ss.id }).value;
    const p = run<PreviewResponse>('remindersPreview', [TODAY]);
    expect(p.digests.length).toBeGreaterThan(0);
    expect(p.digests.flatMap((d) => d.groups.map((g) => g.kind))).not.toContain('benefit');
    expect(run<{ id: string } | null>('menuGenerateReport')).not.toBeNull();

    const before = ledger.cells.map((r) => [...r]);
    const width = before[0]!.length;
    run('menuSetUpWorkbook');
    expect(ss.sheetByName('Benefits')!.cells[0]!.slice(0, 8)).toEqual([
      'Benefit ID',
      'Sponsor ID',
      'Event ID',
      'Benefit',
      'Due',
      'Owner',
      'Status',
      'Evidence',
    ]);
    expect(ledger.cells[0]!.slice(width, width + 2)).toEqual(['Return By', 'Returned']);
    expect(ledger.cells.map((r) => r.slice(0, width))).toEqual(before.map((r) => r.slice(0, width)));
    expect(google.ui.at(-1)?.message).toMatch(/Created sheets: Benefits\./);
    expect(google.ui.at(-1)?.message).toMatch(/Ledger!Return By, Ledger!Returned/);
    const rev = ss.revision;
    run('menuSetUpWorkbook');
    expect(ss.revision).toBe(rev);

    project.run(google, 'onOpen', [{ authMode: 'LIMITED' }], { authMode: 'LIMITED', spreadsheetId: ss.id });
    const captions = google.menus
      .get(ss.id)![0]!
      .items.flatMap((i) => (i.kind === 'item' ? [i.caption] : []));
    expect(captions).toContain('Add or edit benefits');
    expect(captions).toContain('Generate sponsor feedback');
  });
});
