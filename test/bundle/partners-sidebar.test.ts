/**
 * The record sidebar's partner actions through the built bundle: "Mark done" on a benefit
 * asks for its evidence (refused without a link, naming Evidence; nothing written), then
 * writes Status and Evidence only; the form's own Save is held to the same rule; "Returned"
 * on a lent In-kind entry writes Returned = today only; a sponsor at a glance states
 * pledged against received this term and the benefits owed.
 */
process.env.TZ = 'UTC';

import { describe, expect, it } from 'vitest';
import type { SaveResponse, SponsorGlance } from '../../src/addon/api';
import { fixture, OFFICER, OTHER } from './partners-fixture';
import { MINISTER, put, rowsOf, setSetting, TREASURER } from './reminders-fixture';

type F = ReturnType<typeof fixture>;
const run = <T>(f: F, fn: string, args: unknown[], user = MINISTER) =>
  f.project.run<T>(f.google, fn, args, { spreadsheetId: f.ss.id, user }).value;
const cells = (f: F, sheet: string) => JSON.stringify(f.ss.sheetByName(sheet)!.cells);
const open = (f: F, table: string, id: string) =>
  run<{ id: string; row: number; values: Record<string, string> }>(f, 'sidebarGet', [table, id]);

describe('bundle: the record sidebar’s partner actions', () => {
  it('Mark done is refused without an evidence link (naming Evidence), then writes Status and Evidence', () => {
    const f = fixture();
    const rec = open(f, 'Benefits', 'B-0001');
    const form = { id: rec.id, row: rec.row, base: rec.values };
    const before = cells(f, 'Benefits');
    const blank = run<SaveResponse>(f, 'partnerBenefitDone', [form, ''], OFFICER);
    expect(blank).toEqual({
      ok: false,
      errors: [
        {
          field: 'evidence',
          message:
            'Evidence is needed to mark a benefit Done: paste a link to the proof (a photo of the banner, a post).',
        },
      ],
    });
    const notLink = run<SaveResponse>(f, 'partnerBenefitDone', [form, 'on the banner'], OFFICER);
    expect(notLink.ok).toBe(false);
    expect(!notLink.ok && notLink.errors[0]!.message).toBe(
      'Evidence must be a link (https://…) to the proof, not “on the banner”.',
    );
    expect(cells(f, 'Benefits')).toBe(before);

    const ok = run<SaveResponse>(
      f,
      'partnerBenefitDone',
      [form, 'https://photos.example.com/banner.jpg'],
      OFFICER,
    );
    expect(ok).toMatchObject({ ok: true, id: 'B-0001', written: ['status', 'evidence'] });
    const row = rowsOf(f.ss.sheetByName('Benefits'))[0]!;
    expect(row.Status).toBe('Done');
    expect(row.Evidence).toBe('https://photos.example.com/banner.jpg');
    expect(row.Benefit).toBe('Logo on the banner');
  });

  it('the form’s own Save of Status Done without Evidence is refused the same way', () => {
    const f = fixture();
    const rec = open(f, 'Benefits', 'B-0001');
    const r = run<SaveResponse>(f, 'sidebarSave', [
      'Benefits',
      { id: rec.id, row: rec.row, base: rec.values, changes: { status: 'Done' } },
    ]);
    expect(!r.ok && r.errors.map((e) => e.field)).toEqual(['evidence']);
    const created = run<SaveResponse>(f, 'sidebarSave', [
      'Benefits',
      { changes: { sponsorId: 'S-0001', benefit: 'Mention on stage', status: 'Done', owner: OFFICER } },
    ]);
    expect(!created.ok && created.errors.map((e) => e.field)).toEqual(['evidence']);
    // Giving another member's benefit to someone else: Minister or Vice Minister only.
    const given = run<SaveResponse>(
      f,
      'sidebarSave',
      ['Benefits', { id: rec.id, row: rec.row, base: rec.values, changes: { owner: OTHER } }],
      OTHER,
    );
    expect(!given.ok && given.errors[0]!.message).toMatch(/Minister or Vice Minister/);
    // A new Promised benefit gets the next ID.
    const promised = run<SaveResponse>(f, 'sidebarSave', [
      'Benefits',
      { changes: { sponsorId: 'S-0001', benefit: 'Mention on stage', owner: OFFICER } },
    ]);
    expect(promised).toMatchObject({ ok: true, id: 'B-0003', created: true });
  });

  it('Returned sets Returned = today on the lent entry (a Ledger edit: Treasurer or Minister)', () => {
    const f = fixture();
    f.google.setNow(new Date('2026-05-23T01:00:00Z'));
    const rec = open(f, 'Ledger', 'L-0001');
    const form = { id: rec.id, row: rec.row, base: rec.values };
    const before = cells(f, 'Ledger');
    const refused = run<SaveResponse>(f, 'partnerReturned', [form], OFFICER);
    expect(!refused.ok && refused.errors[0]!.message).toMatch(/Treasurer or Minister/);
    expect(cells(f, 'Ledger')).toBe(before);
    const ok = run<SaveResponse>(f, 'partnerReturned', [form], TREASURER);
    expect(ok).toMatchObject({ ok: true, written: ['returned'] });
    expect(open(f, 'Ledger', 'L-0001').values.returned).toBe('2026-05-23');
  });

  it('a sponsor at a glance: pledged against received this term, the gap, the benefits owed', () => {
    const f = fixture();
    const sh = f.ss.sheetByName('Sponsors')!;
    const head = sh.cells[0]!.map(String);
    sh.set(2, head.indexOf('Pledged') + 1, 5000);
    sh.set(2, head.indexOf('In-kind Pledged') + 1, '20 tents');
    setSetting(f.ss, 'Semester start', '2026-02-20');
    setSetting(f.ss, 'Semester end', '2026-07-10');
    put(f.ss, 'Ledger', [
      {
        'Entry ID': 'L-0003',
        Date: '2026-05-02',
        Type: 'Income',
        'Sponsor ID': 'S-0001',
        Description: 'Sponsorship fee',
        Amount: 1200,
        Status: 'Pending',
      },
      {
        'Entry ID': 'L-0004',
        Date: '2025-12-02',
        Type: 'Income',
        'Sponsor ID': 'S-0001',
        Description: 'Last term',
        Amount: 999,
        Status: 'Filed',
      },
    ]);
    expect(run<SponsorGlance>(f, 'partnerSponsor', ['S-0001'])).toEqual({
      lines: [
        'Cash: ¥1,200.00 received of ¥5,000.00 pledged',
        'Still to come: ¥3,800.00',
        'In-kind: pledged “20 tents”; received 22 items worth ¥2,300.00',
        'Benefits still owed: 1',
      ],
      owed: ['Logo on the banner (2026-05-20)'],
    });
  });
});
