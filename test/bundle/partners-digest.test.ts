/**
 * Partners in the daily digests (issue 13), through the built bundle: a Promised benefit
 * reaches its Owner once it is due within 3 days (the day before that window: not yet) and
 * until it is Done; lent goods (an In-kind entry with Return By and no Returned) reach the
 * Handled By member and every Treasurer from the Return By day on (the day before: not yet),
 * and leave once Returned is filled.
 */
process.env.TZ = 'UTC';

import { describe, expect, it } from 'vitest';
import type { PreviewResponse } from '../../src/addon/reminders/preview';
import { fixture, OFFICER, OTHER } from './partners-fixture';
import { MINISTER, rowsOf, TREASURER } from './reminders-fixture';

const preview = (f: ReturnType<typeof fixture>, day: string) =>
  f.project.run<PreviewResponse>(f.google, 'remindersPreview', [day], { spreadsheetId: f.ss.id }).value;

/** The item lines of `email`'s digest on `day` in the group of `kind`. */
function lines(f: ReturnType<typeof fixture>, day: string, email: string, kind: string): string[] {
  const d = preview(f, day).digests.find((x) => x.to === email);
  return d?.groups.find((g) => g.kind === kind)?.items.map((i) => i.text) ?? [];
}

describe('bundle: benefits and lent goods in the digests', () => {
  it('a Promised benefit reaches its Owner 3 days before Due (not 4), and stays until Done', () => {
    const f = fixture();
    expect(lines(f, '2026-05-16', OFFICER, 'benefit')).toEqual([]); // 4 days ahead: not yet
    const in3 = lines(f, '2026-05-17', OFFICER, 'benefit');
    expect(in3).toEqual([
      'Logo on the banner (Campus Telecom) [B-0001]: due 2026-05-20 (in 3 days): deliver it, then mark it Done with its evidence',
    ]);
    expect(lines(f, '2026-05-20', OFFICER, 'benefit')[0]).toContain('due today');
    expect(lines(f, '2026-05-25', OFFICER, 'benefit')[0]).toContain('was due 2026-05-20 (5 days overdue)');
    // The Done one (B-0002, due earlier) is never listed; nobody else gets benefit items.
    expect(
      preview(f, '2026-05-25')
        .digests.filter((d) => d.groups.some((g) => g.kind === 'benefit'))
        .map((d) => d.to),
    ).toEqual([OFFICER]);
  });

  it('lent goods reach the handler and every Treasurer from Return By on (the day before: not yet)', () => {
    const f = fixture();
    for (const who of [OTHER, TREASURER]) expect(lines(f, '2026-05-21', who, 'loan')).toEqual([]);
    const handler = lines(f, '2026-05-22', OTHER, 'loan');
    expect(handler).toEqual([
      'Tents for basketball final (Campus Telecom) [L-0001]: 20 lent, to return today: give them back, then mark them Returned',
    ]);
    expect(lines(f, '2026-05-22', TREASURER, 'loan')).toEqual([`${handler[0]} · as Treasurer`]);
    expect(lines(f, '2026-05-22', MINISTER, 'loan')).toEqual([]);
    // The banners came back (Returned filled): never listed, even past their Return By.
    expect(lines(f, '2026-05-24', OTHER, 'loan')).toHaveLength(1);
    expect(lines(f, '2026-05-24', OTHER, 'loan')[0]).toContain('2 days late');
  });

  it('the due day’s email names them; once Done / Returned they leave the next digest', () => {
    const f = fixture();
    f.google.setNow(new Date('2026-05-22T01:00:00Z'));
    f.project.run(f.google, 'remindersSend', [], { spreadsheetId: f.ss.id });
    const mail = (to: string) => f.google.outbox.find((m) => m.to.includes(to))!;
    expect(mail(OFFICER).body).toContain('Logo on the banner (Campus Telecom) [B-0001]: was due 2026-05-20');
    expect(mail(OTHER).body).toContain('Tents for basketball final (Campus Telecom) [L-0001]');
    expect(mail(TREASURER).body).toContain('Lent goods to give back (1)');

    // Marked Done with evidence, and Returned, by hand in the sheets.
    const benefits = f.ss.sheetByName('Benefits')!;
    const bHeader = benefits.cells[0]!.map(String);
    benefits.set(2, bHeader.indexOf('Status') + 1, 'Done');
    benefits.set(2, bHeader.indexOf('Evidence') + 1, 'https://photos.example.com/banner.jpg');
    const ledger = f.ss.sheetByName('Ledger')!;
    const lHeader = ledger.cells[0]!.map(String);
    ledger.set(2, lHeader.indexOf('Returned') + 1, new Date('2026-05-22T00:00:00Z'));
    expect(rowsOf(ledger)[0]!['Entry ID']).toBe('L-0001');
    expect(lines(f, '2026-05-23', OFFICER, 'benefit')).toEqual([]);
    expect(lines(f, '2026-05-23', OTHER, 'loan')).toEqual([]);
    expect(lines(f, '2026-05-23', TREASURER, 'loan')).toEqual([]);
  });
});
