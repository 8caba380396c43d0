/**
 * The semester report's partner sections (issue 13), from the BUILT bundle on the sample
 * department: per sponsor, pledged against received in the term (cash; in-kind by quantity
 * and value), the gap and the Promised benefits still owed — every figure computed here
 * straight from the sheet cells — and the lent goods not yet returned.
 */
import { describe, expect, it } from 'vitest';
import { LocalGoogle } from '../../src/local/backend';
import { LocalProject } from '../../src/local/runtime';
import { buildSample } from '../../src/local/sample';
import { documentText, getLocalDocument } from '../../src/local/services/document';
import type { SpreadsheetModel } from '../../src/local/services/spreadsheet';
import { bundleDir } from '../support/bundle';
import { rows, shDay } from '../support/sheet-rows';
import { shanghai, yuan } from '../unit/report-fixture';

process.env.TZ = 'UTC';
const TODAY = '2026-11-23';

const setting = (ss: SpreadsheetModel, name: string) =>
  rows(ss, 'Settings').find((r) => r.Setting === name)!.Value;

function report(change: (ss: SpreadsheetModel) => void = () => {}) {
  const google = new LocalGoogle();
  google.setNow(shanghai(TODAY, 10));
  const ss = buildSample(google, { today: TODAY });
  change(ss);
  // Two loans: one still out and past its Return By, one back.
  const ledger = ss.sheetByName('Ledger')!;
  const head = ledger.cells[0]!.map(String);
  const inKind = rows(ss, 'Ledger')
    .map((r, i) => ({ r, row: i + 2 }))
    .filter((x) => x.r.Type === 'In-kind');
  ledger.set(inKind[0]!.row, head.indexOf('Return By') + 1, shanghai('2026-11-20'));
  ledger.set(inKind[1]!.row, head.indexOf('Return By') + 1, shanghai('2026-11-20'));
  ledger.set(inKind[1]!.row, head.indexOf('Returned') + 1, shanghai('2026-11-19'));
  const project = new LocalProject(bundleDir());
  const r = project.run<{ id: string }>(google, 'menuGenerateReport', [], { spreadsheetId: ss.id });
  const text = documentText(getLocalDocument(google, r.value!.id)!);
  return { ss, lines: text.split('\n'), out: inKind[0]!.r, back: inKind[1]!.r };
}

describe('bundle: the report’s sponsor commitments and lent goods', () => {
  it('states, per sponsor, pledged against received in the term, the gap and the benefits owed', () => {
    const { ss, lines } = report();
    expect(lines).toContain('Sponsor commitments: pledged and received');
    const header = 'Sponsor\tPledged\tCash received\tGap\tIn-kind pledged\tIn-kind received\tBenefits owed';
    const at = lines.indexOf(header);
    expect(at).toBeGreaterThan(0);
    const start = shDay(setting(ss, 'Semester start'));
    const end = shDay(setting(ss, 'Semester end'));
    const ledger = rows(ss, 'Ledger').filter((e) => shDay(e.Date) >= start && shDay(e.Date) <= end);
    const benefits = rows(ss, 'Benefits');
    let withGap = 0;
    let owing = 0;
    const expected: string[] = [];
    for (const s of rows(ss, 'Sponsors')) {
      const mine = ledger.filter((e) => e['Sponsor ID'] === s['Sponsor ID']);
      const cash = mine.filter((e) => e.Type === 'Income').reduce((a, e) => a + Number(e.Amount), 0);
      const kind = mine.filter((e) => e.Type === 'In-kind');
      const qty = kind.reduce((a, e) => a + (Number(e.Quantity) || 0), 0);
      const value = kind.reduce((a, e) => a + Number(e.Amount), 0);
      const owed = benefits
        .filter((b) => b['Sponsor ID'] === s['Sponsor ID'] && b.Status === 'Promised')
        .sort((a, b) => shDay(a.Due).localeCompare(shDay(b.Due)))
        .map((b) => `${b.Benefit} (${shDay(b.Due)})`);
      const pledged = s.Pledged === '' ? null : Number(s.Pledged);
      if (!pledged && !s['In-kind Pledged'] && !cash && !value && !owed.length) continue;
      const gap = pledged === null ? null : Math.max(0, pledged - cash);
      if (gap) withGap++;
      if (owed.length) owing++;
      expected.push(
        [
          s.Organization,
          pledged === null ? '—' : yuan(pledged),
          yuan(cash),
          gap === null ? '—' : yuan(gap),
          s['In-kind Pledged'] || '—',
          `${qty} items · ${yuan(value)}`,
          owed.length ? owed.join('; ') : '—',
        ].join('\t'),
      );
    }
    // The sample has sponsors still short of their pledge and benefits still owed.
    expect(withGap).toBeGreaterThan(0);
    expect(owing).toBeGreaterThan(0);
    expect(lines.slice(at + 1, at + 1 + expected.length)).toEqual(expected);
  });

  it('lists the lent goods still out (overdue marked), not those returned', () => {
    const { lines, out, back } = report();
    const at = lines.indexOf('Lent goods not yet returned');
    expect(at).toBeGreaterThan(0);
    const section = lines.slice(at, at + 5);
    const row = section.find((l) => l.startsWith(`${out['Entry ID']}\t`))!;
    expect(row).toContain(`\t${out.Description}\t${out.Quantity}\t2026-11-20 (overdue)\t`);
    expect(section.some((l) => l.startsWith(`${back['Entry ID']}\t`))).toBe(false);
  });

  it('lists an unreadable Benefits cell under the notes on the data', () => {
    const { lines } = report((ss) => {
      const sh = ss.sheetByName('Benefits')!;
      sh.set(2, sh.cells[0]!.map(String).indexOf('Due') + 1, 'after the final');
    });
    expect(lines.some((l) => /^Benefits\t2\tDue: .*after the final/.test(l))).toBe(true);
  });
});
