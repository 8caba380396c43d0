/**
 * The partner views at union size (issue 11), through the built bundle: a sponsor at a glance
 * finds the sponsor's own Ledger and Benefits rows by TextFinder instead of reading the
 * sheets (the same figures, whatever the Ledger's size); a Sponsor ID typed in another case
 * or with spaces still counts; the feedback dialog reads the Ledger columns it needs only;
 * the greetings list reads no contact when no Holiday is near.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SponsorGlance } from '../../src/addon/api';
import { LocalGoogle } from '../../src/local/backend';
import { CallCounter } from '../../src/local/counter';
import type { SpreadsheetModel } from '../../src/local/model/spreadsheet-model';
import { LocalProject } from '../../src/local/runtime';
import { buildSample } from '../../src/local/sample';
import { bundleDir } from '../support/bundle';

let project: LocalProject;
beforeAll(() => {
  project = new LocalProject(bundleDir());
});

const MINISTER = 'zhang.wei@example.edu';

function workbook(scale: number) {
  const google = new LocalGoogle();
  google.setNow(new Date('2026-11-23T02:00:00Z'));
  const ss = buildSample(google, {
    today: '2026-11-23',
    counts: { ledger: 1_000 * scale, sponsors: 80 * scale, contacts: 500 * scale, members: 20 },
  });
  const run = <T>(fn: string, ...args: unknown[]) => {
    const counter = new CallCounter();
    const value = project.run<T>(google, fn, args, { spreadsheetId: ss.id, user: MINISTER, counter }).value;
    return { value, counter };
  };
  return { google, ss, run };
}

const col = (ss: SpreadsheetModel, sheet: string, header: string) =>
  ss.sheetByName(sheet)!.cells[0]!.map(String).indexOf(header) + 1;

describe('partner views at scale', () => {
  it('a sponsor at a glance reads the sponsor’s rows, not the Ledger: the same cells at 8,000 and 16,000 rows', () => {
    const read = (scale: number) => {
      const w = workbook(scale);
      const glance = w.run<SponsorGlance>('partnerSponsor', 'S-0001');
      expect(glance.value?.lines.length).toBeGreaterThan(0);
      return glance.counter.cellsRead;
    };
    const [a, b] = [read(8), read(16)];
    expect(b).toBeLessThan(3_000); // the Ledger alone is 16,000 × 14 cells
    expect(Math.abs(b - a)).toBeLessThan(500);
  });

  it('counts a Ledger row whose Sponsor ID was typed in lower case with spaces', () => {
    const w = workbook(1);
    const ledger = w.ss.sheetByName('Ledger')!;
    const sc = col(w.ss, 'Ledger', 'Sponsor ID');
    // A sponsor with Ledger rows.
    let sid = '';
    for (let r = 2; r <= ledger.lastRow() && !sid; r++) sid = String(ledger.get(r, sc) ?? '').trim();
    expect(sid).toMatch(/^S-\d+$/);
    const before = w.run<SponsorGlance>('partnerSponsor', sid).value;
    let changed = 0;
    for (let r = 2; r <= ledger.lastRow(); r++)
      if (String(ledger.get(r, sc)).toUpperCase() === sid) {
        ledger.set(r, sc, ` ${sid.toLowerCase()} `);
        changed++;
      }
    expect(changed).toBeGreaterThan(0);
    expect(w.run<SponsorGlance>('partnerSponsor', sid).value).toEqual(before);
    // And an ID that is a pattern is taken literally: "S-000." names no sponsor.
    expect(w.run<SponsorGlance | null>('partnerSponsor', 'S-000.').value).toBeNull();
  });

  it('the feedback dialog reads 3 of the Ledger’s columns, not its every cell', () => {
    const w = workbook(8);
    const { counter } = w.run('feedbackDialog');
    const ledgerCells = 8_000 * w.ss.sheetByName('Ledger')!.cells[0]!.length;
    expect(counter.cellsRead).toBeLessThan(3 * 8_000 + 0.1 * ledgerCells);
  });

  it('the greetings list reads no contact when no Holiday is near', () => {
    const w = workbook(8); // 2026-11-23: the sample's next Holiday is Christmas
    const { value, counter } = w.run<{ items: unknown[] }>('greetingsList');
    expect(value.items).toEqual([]);
    expect(counter.cellsRead).toBeLessThan(4_000 * 2); // Contacts alone are 4,000 × 16
  });

  it('a title row above the Ledger header, or a header typed twice, still shows the figures (read whole then)', () => {
    const w = workbook(1);
    const sid = firstSponsorInLedger(w.ss);
    const before = w.run<SponsorGlance>('partnerSponsor', sid).value;
    const ledger = w.ss.sheetByName('Ledger')!;
    // A second "Notes" column at the end.
    ledger.set(1, ledger.lastColumn() + 1, 'Notes');
    expect(w.run<SponsorGlance>('partnerSponsor', sid).value).toEqual(before);
    // A title row typed above the header.
    ledger.insertRows(0, 1);
    ledger.set(1, 1, 'Ledger 2026');
    expect(w.run<SponsorGlance>('partnerSponsor', sid).value).toEqual(before);
    expect(() => w.run('feedbackDialog')).not.toThrow();
  });

  it('a missing Ledger is said, never counted as nothing received', () => {
    const w = workbook(1);
    const sid = firstSponsorInLedger(w.ss);
    w.ss.sheets = w.ss.sheets.filter((sh) => sh.name !== 'Ledger');
    expect(() => w.run('partnerSponsor', sid)).toThrow(/Sheet "Ledger" is missing/);
    // Benefits may be missing (before Set up adds it): the figures show without it.
    const v = workbook(1);
    v.ss.sheets = v.ss.sheets.filter((sh) => sh.name !== 'Benefits');
    expect(
      v.run<SponsorGlance>('partnerSponsor', firstSponsorInLedger(v.ss)).value?.lines.length,
    ).toBeGreaterThan(0);
  });
});

/** A sponsor with Ledger rows. */
function firstSponsorInLedger(ss: SpreadsheetModel): string {
  const ledger = ss.sheetByName('Ledger')!;
  const sc = col(ss, 'Ledger', 'Sponsor ID');
  for (let r = 2; r <= ledger.lastRow(); r++) {
    const v = String(ledger.get(r, sc) ?? '').trim();
    if (v) return v;
  }
  throw new Error('no sponsor in the Ledger');
}
