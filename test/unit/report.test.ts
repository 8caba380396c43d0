/**
 * The semester report's figures, checked against what the document says. Expected values
 * are computed here from the fixture's plain facts (filters and sums written out in the
 * test), not with the report's aggregation code.
 */
import { describe, expect, it } from 'vitest';
import { docText } from '../../src/domain/docmodel';
import { parseTable } from '../../src/domain/records';
import { buildReport, ReportError, type WorkbookRecords } from '../../src/domain/report';
import { TABLE_BY_NAME } from '../../src/domain/schema';
import { parseSettings } from '../../src/domain/settings';
import {
  CONTACTS,
  FORMULA_TEXT,
  fixtureSheets,
  HTML_TEXT,
  LEDGER,
  MEETINGS,
  MEMBERS,
  REPORT_DATE,
  SPONSORS,
  TERM,
  TZ,
  yuan,
} from './report-fixture';

process.env.TZ = 'UTC';

function load(language = 'en', edit?: (sheets: Record<string, unknown[][]>) => void) {
  const sheets = fixtureSheets(language);
  edit?.(sheets);
  const rec = (name: keyof WorkbookRecords) => parseTable(TABLE_BY_NAME[name], sheets[name]!, TZ);
  const records: WorkbookRecords = {
    Members: rec('Members'),
    Sponsors: rec('Sponsors'),
    Contacts: rec('Contacts'),
    Meetings: rec('Meetings'),
    Ledger: rec('Ledger'),
    Events: rec('Events'),
  };
  const settings = parseSettings(parseTable(TABLE_BY_NAME.Settings, sheets.Settings!, TZ), TZ);
  return { records, settings };
}

function report(language = 'en', reportDate = REPORT_DATE) {
  const { records, settings } = load(language);
  const { doc, figures } = buildReport({ records, settings, reportDate, timeZone: TZ });
  return { doc, figures, text: docText(doc), lines: docText(doc).split('\n') };
}

// --- the test's own arithmetic over the fixture's facts ---------------------------------
const inTerm = (d: string) => d >= TERM.start && d <= TERM.end;
const amountOf = (a: number | string) => (typeof a === 'number' ? a : null);
const sumLedger = (type: string, pred: (e: (typeof LEDGER)[number]) => boolean = () => true) =>
  LEDGER.filter((e) => e.type === type && inTerm(e.date) && amountOf(e.amount) !== null && pred(e)).reduce(
    (s, e) => s + (e.amount as number),
    0,
  );
const expectedCash = sumLedger('Income');
const expectedInKind = sumLedger('In-kind');
const expectedExpenses = sumLedger('Expense');
const pending = LEDGER.filter((e) => e.status === 'Pending');
const held = MEETINGS.filter((m) => m.type === 'Department Meeting' && m.status === 'Done' && inTerm(m.date));

describe('semester report: summary figures', () => {
  it('states cash, in-kind, expenses and net of the term, as the document text', () => {
    const { lines } = report();
    // The fixture is built so that boundaries matter: sanity of the test's own arithmetic.
    expect(expectedCash).toBeCloseTo(1000.5 + 2000 + 50 + 10, 6);
    expect(lines).toContain(`Cash received\t${yuan(expectedCash)}`);
    expect(lines).toContain(`In-kind value\t${yuan(expectedInKind)}`);
    expect(lines).toContain(`Expenses\t${yuan(expectedExpenses)}`);
    expect(lines).toContain(`Net (cash received − expenses)\t${yuan(expectedCash - expectedExpenses)}`);
  });

  it('counts entries on the first and last day of the term and none a day outside', () => {
    const { figures } = report();
    const first = LEDGER.find((e) => e.id === 'L-0001')!;
    const last = LEDGER.find((e) => e.id === 'L-0002')!;
    const before = LEDGER.find((e) => e.id === 'L-0003')!;
    const after = LEDGER.find((e) => e.id === 'L-0004')!;
    const typed = LEDGER.find((e) => e.id === 'L-0009')!;
    expect(figures.cash).toBeCloseTo(
      (first.amount as number) + (last.amount as number) + (typed.amount as number) + 50,
      6,
    );
    expect(figures.cash).not.toBeCloseTo(expectedCash + (before.amount as number), 2);
    expect(figures.cash).not.toBeCloseTo(expectedCash + (after.amount as number), 2);
    // Department meetings at 00:00 on the first day and 19:00 on the last count; the day after does not.
    expect(figures.meetingsHeld).toBe(held.length);
    expect(held.map((m) => m.id)).toEqual(['MT-0001', 'MT-0002']);
  });

  it('reads Shanghai-midnight instants as Shanghai days while the machine runs in UTC', () => {
    expect(new Date().getTimezoneOffset()).toBe(0);
    // L-0001 is stored as 2026-08-31T16:00Z: in UTC it would fall the day before the term.
    const { figures } = report();
    expect(figures.sponsors.find((s) => s.id === 'S-0001')!.cash).toBeCloseTo(1000.5, 6);
  });

  it('lists pending entries of any date with their total', () => {
    const { lines } = report();
    const total = pending.reduce((s, e) => s + (amountOf(e.amount) ?? 0), 0);
    expect(lines).toContain(`Pending ledger entries\t${pending.length} · ${yuan(total)}`);
    for (const e of pending) expect(lines.some((l) => l.startsWith(`${e.id}\t${e.date}\t`))).toBe(true);
    expect(lines).toContain(`Total\t\t\t\t\t${yuan(total)}`);
  });
});

describe('semester report: tables', () => {
  it('per sponsor: cash and in-kind in the term, stage and owner name', () => {
    const { lines } = report();
    const names = new Map(MEMBERS.map((m) => [m.email, m.name]));
    for (const s of SPONSORS) {
      const cash = sumLedger('Income', (e) => e.sponsor === s.id);
      const inKind = sumLedger('In-kind', (e) => e.sponsor === s.id);
      expect(lines).toContain(`${s.org}\t${s.stage}\t${names.get(s.owner)}\t${yuan(cash)}\t${yuan(inKind)}`);
    }
    // Income without a sponsor has a row of its own, so the column totals the summary.
    expect(lines).toContain(
      `(no sponsor)\t—\t—\t${yuan(sumLedger('Income', (e) => e.sponsor === ''))}\t${yuan(0)}`,
    );
    expect(lines).toContain(`Total\t\t\t${yuan(expectedCash)}\t${yuan(expectedInKind)}`);
  });

  it('per event: target, raised (income + in-kind) and expenses; events outside the term left out', () => {
    const { lines, text } = report();
    const raised = (id: string) =>
      sumLedger('Income', (e) => e.event === id) + sumLedger('In-kind', (e) => e.event === id);
    const e1 = lines.find((l) => l.startsWith('Basketball <i>Final</i>\t'))!;
    expect(e1.split('\t')).toEqual([
      'Basketball <i>Final</i>',
      '2026-10-10',
      'Done',
      yuan(5000),
      yuan(raised('E-0001')),
      yuan(sumLedger('Expense', (e) => e.event === 'E-0001')),
      `${Math.round((raised('E-0001') / 5000) * 100)}%`,
    ]);
    expect(lines.find((l) => l.startsWith('Career lecture\t'))!.split('\t')[4]).toBe(yuan(raised('E-0002')));
    expect(text).not.toContain('Last spring gala');
  });

  it('sponsors per stage, all eight stages listed', () => {
    const { lines } = report();
    for (const st of [
      'Prospect',
      'Contacted',
      'Negotiating',
      'Committed',
      'Delivered',
      'Thanked',
      'Declined',
      'Dormant',
    ]) {
      const n = SPONSORS.filter((s) => s.stage === st).length;
      const pledged = SPONSORS.filter((s) => s.stage === st).reduce((a, s) => a + s.pledged, 0);
      expect(lines).toContain(`${st}\t${n}\t${yuan(pledged)}`);
    }
  });

  it('attendance of active members = meetings attended ÷ meetings held', () => {
    const { lines, text } = report();
    expect(text).toContain(`Department meetings held in the term: ${held.length}.`);
    for (const m of MEMBERS.filter((x) => x.active)) {
      const attended = held.filter((h) => h.attendees.includes(m.email)).length;
      const excused = held.filter((h) => h.excused.includes(m.email)).length;
      const absent = held.filter((h) => h.absent.includes(m.email)).length;
      expect(lines).toContain(
        `${m.name}\t${m.role}\t${attended} / ${held.length}\t${excused}\t${absent}\t${Math.round((attended / held.length) * 100)}%`,
      );
    }
    expect(lines.some((l) => l.startsWith('Old Member\t'))).toBe(false);
  });

  it('outside work: Done meetings of other types in the term, per owner and type', () => {
    const { lines } = report();
    const types = ['Sponsor Visit', 'Inter-school Exchange', 'Call', 'Event Debrief', 'Other', 'Greeting'];
    for (const m of MEMBERS.filter((x) => x.active)) {
      const done = MEETINGS.filter(
        (x) =>
          x.owner === m.email && x.type !== 'Department Meeting' && x.status === 'Done' && inTerm(x.date),
      );
      const counts = types.map((t) => done.filter((x) => x.type === t).length);
      expect(lines).toContain([m.name, ...counts, done.length].join('\t'));
    }
  });

  it('contacts overdue at the report date, per owner (due today counts, tomorrow does not)', () => {
    const { lines } = report();
    const overdue = (c: (typeof CONTACTS)[number]) => {
      if (!c.last) return true;
      const due = new Date(`${c.last}T00:00:00Z`);
      due.setUTCDate(due.getUTCDate() + (typeof c.cadence === 'number' ? c.cadence : 30));
      return due.toISOString().slice(0, 10) <= REPORT_DATE;
    };
    const names = new Map(MEMBERS.map((m) => [m.email, m.name]));
    for (const owner of new Set(CONTACTS.map((c) => c.owner))) {
      const mine = CONTACTS.filter((c) => c.owner === owner);
      const row = lines.find(
        (l) => l.startsWith(`${names.get(owner) ?? owner}\t`) && l.split('\t').length === 5,
      )!;
      expect(row.split('\t').slice(1, 4)).toEqual([
        String(mine.length),
        String(mine.filter(overdue).length),
        String(mine.filter((c) => !c.last).length),
      ]);
    }
    expect(lines).toContain(`Chen Jing\t2\t1\t0\tDue Today (0 days)`);
  });

  it('open follow-ups: from the report date on, undated next steps, not cancelled, not declined', () => {
    const { lines } = report();
    const section = lines.slice(
      lines.findIndex((l) => l.startsWith('9. ')),
      lines.findIndex((l) => l.startsWith('10. ')),
    );
    const rows = section.filter((l) => /^\d{4}-\d{2}-\d{2}\t|^no date\t/.test(l));
    expect(rows).toEqual([
      '2026-12-01\tSponsor\t<b>x</b><script>alert(1)</script>\tCommitted\tZoë Martin',
      '2026-12-05\tFollow-up\tVisit S-0002\tSend contract\tZoë Martin',
      '2026-12-10\tPlanned visit\tPitch to 中国电信\tPitch\t王芳',
      '2027-02-01\tSponsor\t=SUM(A1)\tNegotiating\tChen Jing',
      'no date\tFollow-up\tExchange with BNU\tPlan joint event\tChen Jing',
    ]);
  });

  it('after the term ends, only what lies after the term is handed on', () => {
    const { figures } = report('en', '2027-01-20');
    expect(figures.followUps.map((f) => f.what)).toEqual([FORMULA_TEXT, 'Exchange with BNU']);
  });

  it('outstanding members: most visits, best attendance, most raised (Handled By, else sponsor owner)', () => {
    const { lines } = report();
    expect(lines).toContain('Most visits done\tZoë Martin\t2 done');
    expect(lines).toContain('Best attendance\t李明\t100%');
    // Zoë: L-0005 handled by her + L-0002 (Handled By blank → owner of S-0002).
    const zoe =
      (LEDGER.find((e) => e.id === 'L-0005')!.amount as number) +
      (LEDGER.find((e) => e.id === 'L-0002')!.amount as number);
    expect(lines).toContain(`Most raised\tZoë Martin\t${yuan(zoe)}`);
  });

  it('unreadable cells are listed with sheet and row, and left out of the figures', () => {
    const { lines } = report();
    expect(lines.some((l) => /^Ledger\t\d+\tAmount: "abc" is not a number$/.test(l))).toBe(true);
    const bad = load('en', (s) => {
      s.Settings!.push(['Currency', 'yuan', '']);
    });
    const text = docText(buildReport({ ...bad, reportDate: REPORT_DATE, timeZone: TZ }).doc);
    // Header + 7 settings: the added row is row 9; the report still uses the default currency.
    expect(text).toContain('Settings\t9\tCurrency "yuan" is not an ISO code such as CNY.');
    expect(text).toContain(`Cash received\t${yuan(expectedCash)}`);
  });

  it('a chart image is part of the report, compressed (a few KB, not the 312 KB of stored pixels)', () => {
    const { doc } = report();
    const img = doc.blocks.find((b) => b.kind === 'image');
    expect(img?.kind).toBe('image');
    const png = img?.kind === 'image' ? img.png : new Uint8Array(0);
    expect(png.length).toBeGreaterThan(500);
    expect(png.length).toBeLessThan(20_000);
  });
});

describe('semester report: text and language', () => {
  it('formula-like and HTML-like text appears literally', () => {
    const { text } = report();
    expect(text).toContain(FORMULA_TEXT);
    expect(text).toContain(HTML_TEXT);
    expect(text).toContain('Basketball <i>Final</i>');
  });

  it('title names the department and the term; term dates and report date are stated', () => {
    const { doc, text } = report();
    expect(doc.name).toBe('Semester report — External Relations Department — 2026 Autumn');
    expect(text).toContain('Term 2026 Autumn: 1 September 2026 to 15 January 2027');
    expect(text).toContain('Report date: 23 November 2026.');
  });

  it('in Chinese when Settings say Language zh', () => {
    const { lines, doc } = report('zh');
    expect(doc.title).toBe('2026 Autumn 学期工作报告');
    expect(lines).toContain(`现金收入\t${yuan(expectedCash)}`);
    expect(lines).toContain(`${HTML_TEXT}\t已承诺\tZoë Martin\t${yuan(2000)}\t${yuan(750.25)}`);
  });

  it('other currencies use their symbol or code', () => {
    const { records, settings } = load();
    const usd = buildReport({
      records,
      settings: { ...settings, currency: 'USD' },
      reportDate: REPORT_DATE,
      timeZone: TZ,
    });
    expect(docText(usd.doc)).toContain('Cash received\t$3,060.50');
    const chf = buildReport({
      records,
      settings: { ...settings, currency: 'CHF' },
      reportDate: REPORT_DATE,
      timeZone: TZ,
    });
    expect(docText(chf.doc)).toContain('Cash received\tCHF 3,060.50');
  });

  it('refuses clearly when the term dates are missing or reversed', () => {
    const { records, settings } = load();
    expect(() =>
      buildReport({
        records,
        settings: { ...settings, semesterEnd: null },
        reportDate: REPORT_DATE,
        timeZone: TZ,
      }),
    ).toThrow(ReportError);
    expect(() =>
      buildReport({
        records,
        settings: { ...settings, semesterStart: '2027-02-01' },
        reportDate: REPORT_DATE,
        timeZone: TZ,
      }),
    ).toThrow(/before "Semester start"/);
  });

  it('a missing column is a clear error naming it', () => {
    expect(() =>
      load('en', (s) => {
        s.Ledger![0]![0] = 'Amt';
      }),
    ).toThrow(/"Amount"/);
  });
});
