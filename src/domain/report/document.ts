/**
 * The semester report's document: lays out the figures of ./figures.ts as a DocModel
 * (buildReport) — the sections, their tables and the note under each that says how its
 * figures are counted, in the department's language. Pure.
 */
import { barChartPng, type Rgb } from '../chart';
import type { Block, DocModel } from '../docmodel';
import { formatCount, formatMoney, formatPercent, longDay } from '../format';
import { type Lang, messages, valueName } from '../i18n';
import { commitmentBlocks, loanBlocks } from './commitments';
import { computeReport, followUpCutoff, OUTSIDE_TYPES, type ReportFigures } from './figures';
import { type CatalogKey, memberNames, type ReportInput } from './input';

type ColumnOf<K> = K extends `report.col.${infer C}` ? C : never;
/** The `<key>` of the catalog's `report.col.<key>` captions (any text while catalog keys are plain strings). */
type ColumnKey = string extends CatalogKey ? string : ColumnOf<CatalogKey>;

const CASH_BLUE: Rgb = [31, 78, 121];
const IN_KIND_BLUE: Rgb = [143, 183, 222];
/** The chart's size in pixels as drawn, and as shown in the document (half: crisp on screens). */
export const CHART_PX = { width: 1200, height: 520 };
const MAX_PROBLEM_ROWS = 30;
/**
 * Rows a list that grows with the workbook shows (sponsors, pending entries, follow-ups); the
 * rest are counted in a last row naming their sheet, and totals still count every entry —
 * so the report stays far under the ~1.02 million characters a Google Doc holds
 * (support.google.com/drive/answer/37603) at union size.
 */
export const REPORT_LIST_CAP = 200;

export function buildReport(input: ReportInput): { figures: ReportFigures; doc: DocModel } {
  const f = computeReport(input);
  const lang: Lang = input.settings.language;
  const t = messages(lang);
  const cur = input.settings.currency;
  const money = (n: number) => formatMoney(n, cur);
  const v = (s: string) => (s ? valueName(lang, s) : t('doc.dash'));
  const names = memberNames(input.records.Members);
  const who = (email: string) => (email ? (names.get(email) ?? email) : t('doc.dash'));
  const dash = t('doc.dash');
  const dep = input.settings.department;
  const term = f.term.label || `${f.term.start} – ${f.term.end}`;
  const blocks: Block[] = [];
  const h = (text: string) => blocks.push({ kind: 'heading', level: 1, text });
  const note = (text: string) => blocks.push({ kind: 'paragraph', text, style: 'note' });
  /** A table whose header cells are the captions `report.col.<key>` of `cols`. */
  /** The first REPORT_LIST_CAP rows, then "… and N more — see the <sheet> sheet" in the first cell. */
  const capped = (rows: string[][], sheet: string, width: number): string[][] =>
    rows.length <= REPORT_LIST_CAP
      ? rows
      : [
          ...rows.slice(0, REPORT_LIST_CAP),
          [
            t('report.listMore', { n: formatCount(rows.length - REPORT_LIST_CAP), sheet }),
            ...Array(width - 1).fill(''),
          ],
        ];
  const table = (
    cols: readonly ColumnKey[],
    rows: string[][],
    layout: { widths: number[]; numeric: boolean[]; totalRow?: true },
  ): Block => ({
    kind: 'table',
    header: cols.map((c) => t(`report.col.${c}`)),
    rows,
    ...(layout.totalRow ? { totalRow: true } : {}),
    widths: layout.widths,
    numeric: layout.numeric,
  });

  blocks.push({
    kind: 'paragraph',
    text: t('doc.term', { term, start: longDay(f.term.start, lang), end: longDay(f.term.end, lang) }),
    style: 'lead',
  });
  blocks.push({
    kind: 'paragraph',
    text: t('report.reportDate', {
      date: longDay(f.reportDate, lang),
      currency: cur,
      timeZone: input.timeZone,
    }),
    style: 'note',
  });

  // 1. Summary
  h(t('report.summary'));
  const outsideTotal = f.outsideWork.reduce((s, w) => s + w.total, 0);
  blocks.push({
    kind: 'table',
    header: [t('report.summary.figure'), t('report.summary.value')],
    rows: [
      [t('report.summary.cash'), money(f.cash)],
      [t('report.summary.inKind'), money(f.inKind)],
      [t('report.summary.expenses'), money(f.expenses)],
      [t('report.summary.net'), money(f.net)],
      [t('report.summary.pending'), `${formatCount(f.pending.length)} · ${money(f.pendingTotal)}`],
      [t('report.summary.meetings'), formatCount(f.meetingsHeld)],
      [t('report.summary.visits'), formatCount(outsideTotal)],
    ],
    widths: [3, 2],
    numeric: [false, true],
  });
  note(t('report.summary.note', { start: f.term.start, end: f.term.end }));

  blocks.push({ kind: 'heading', level: 2, text: t('report.chart.heading') });
  blocks.push({
    kind: 'image',
    png: barChartPng({
      ...CHART_PX,
      categories: f.months.map((m) => m.month),
      series: [
        { values: f.months.map((m) => m.cash), color: CASH_BLUE },
        { values: f.months.map((m) => m.inKind), color: IN_KIND_BLUE },
      ],
    }),
    width: CHART_PX.width / 2,
    height: CHART_PX.height / 2,
    alt: t('report.chart.alt'),
  });
  note(t('report.chart.caption'));

  // 2. Sponsors
  h(t('report.sponsors'));
  note(t('report.sponsors.note'));
  const sponsorRows = capped(
    f.sponsors.map((s) => [
      s.source === 'none'
        ? t('doc.noSponsor')
        : s.source === 'unknown'
          ? t('doc.unknownRecord', { id: s.id })
          : s.name,
      s.stage ? v(s.stage) : dash,
      who(s.owner),
      money(s.cash),
      money(s.inKind),
    ]),
    'Sponsors',
    5,
  );
  sponsorRows.push([
    t('doc.total'),
    '',
    '',
    money(f.sponsors.reduce((a, s) => a + s.cash, 0)),
    money(f.sponsors.reduce((a, s) => a + s.inKind, 0)),
  ]);
  blocks.push(
    table(['sponsor', 'stage', 'owner', 'cash', 'inKind'], sponsorRows, {
      widths: [4, 2, 2.2, 2, 2],
      numeric: [false, false, false, true, true],
      totalRow: true,
    }),
  );
  blocks.push(...commitmentBlocks(input, money)); // pledged against received (report/commitments.ts)

  // 3. Events
  h(t('report.events'));
  note(t('report.events.note'));
  const eventRows = f.events.map((e) => [
    e.source === 'none'
      ? t('doc.noEvent')
      : e.source === 'unknown'
        ? t('doc.unknownRecord', { id: e.id })
        : e.name,
    e.date ?? dash,
    e.status ? v(e.status) : dash,
    e.target === null ? dash : money(e.target),
    money(e.raised),
    money(e.expenses),
    e.target ? formatPercent(e.raised / e.target) : dash,
  ]);
  const tTarget = f.events.reduce((a, e) => a + (e.target ?? 0), 0);
  const tRaised = f.events.reduce((a, e) => a + e.raised, 0);
  eventRows.push([
    t('doc.total'),
    '',
    '',
    money(tTarget),
    money(tRaised),
    money(f.events.reduce((a, e) => a + e.expenses, 0)),
    tTarget ? formatPercent(tRaised / tTarget) : dash,
  ]);
  blocks.push(
    table(['event', 'date', 'status', 'target', 'raised', 'expenses', 'ofTarget'], eventRows, {
      widths: [3.6, 1.9, 1.5, 1.8, 1.8, 1.8, 1.3],
      numeric: [false, false, false, true, true, true, true],
      totalRow: true,
    }),
  );

  // 4. Pipeline
  h(t('report.pipeline'));
  note(t('report.pipeline.note'));
  const stageRows = f.stages.map((s) => [
    s.stage ? v(s.stage) : dash,
    formatCount(s.count),
    money(s.pledged),
  ]);
  stageRows.push([
    t('doc.total'),
    formatCount(f.stages.reduce((a, s) => a + s.count, 0)),
    money(f.stages.reduce((a, s) => a + s.pledged, 0)),
  ]);
  blocks.push(
    table(['stage', 'sponsors', 'pledged'], stageRows, {
      widths: [3, 2, 2],
      numeric: [false, true, true],
      totalRow: true,
    }),
  );

  // 5. Meetings and attendance
  h(t('report.meetings'));
  blocks.push({ kind: 'paragraph', text: t('report.meetings.held', { n: f.meetingsHeld }), style: 'lead' });
  note(t('report.meetings.note'));
  const attendanceRows = f.attendance.map((a) => [
    a.name,
    v(a.role),
    `${a.attended} / ${f.meetingsHeld}`,
    String(a.excused),
    String(a.absent),
    a.rate === null ? dash : formatPercent(a.rate),
  ]);
  blocks.push(
    table(['member', 'role', 'attended', 'excused', 'absent', 'attendance'], attendanceRows, {
      widths: [3, 2, 1.6, 1.4, 1.4, 1.6],
      numeric: [false, false, true, true, true, true],
    }),
  );

  // 6. Outside work
  h(t('report.outside'));
  note(t('report.outside.note'));
  const workRows = f.outsideWork.map((w) => [
    w.name,
    ...OUTSIDE_TYPES.map((ty) => String(w.byType[ty] ?? 0)),
    String(w.total),
  ]);
  workRows.push([
    t('doc.total'),
    ...OUTSIDE_TYPES.map((ty) => String(f.outsideWork.reduce((a, w) => a + (w.byType[ty] ?? 0), 0))),
    String(outsideTotal),
  ]);
  blocks.push({
    kind: 'table',
    header: [t('report.col.member'), ...OUTSIDE_TYPES.map((ty) => v(ty)), t('report.col.totalDone')],
    rows: workRows,
    totalRow: true,
    widths: [3, 1.5, 1.7, 1.2, 1.5, 1.2, 1.2],
    numeric: [false, true, true, true, true, true, true],
  });

  // 7. Overdue contacts
  h(t('report.overdue', { date: f.reportDate }));
  note(t('report.overdue.note', { days: input.settings.defaultCadenceDays }));
  const overdueRows = f.overdue.map((o) => [
    who(o.owner),
    String(o.contacts),
    String(o.overdue),
    String(o.never),
    o.worst === null
      ? dash
      : o.worst.days === null
        ? t('report.overdue.never', { name: o.worst.name })
        : t('report.overdue.days', { name: o.worst.name, days: o.worst.days }),
  ]);
  overdueRows.push([
    t('doc.total'),
    String(f.overdue.reduce((a, o) => a + o.contacts, 0)),
    String(f.overdue.reduce((a, o) => a + o.overdue, 0)),
    String(f.overdue.reduce((a, o) => a + o.never, 0)),
    '',
  ]);
  blocks.push(
    table(['owner', 'contacts', 'overdue', 'never', 'mostOverdue'], overdueRows, {
      widths: [2.6, 1.4, 1.4, 1.8, 3.6],
      numeric: [false, true, true, true, false],
      totalRow: true,
    }),
  );

  // 8. Pending ledger entries
  h(t('report.pending'));
  note(t('report.pending.note', { total: money(f.pendingTotal) }));
  if (f.pending.length) {
    const rows = capped(
      f.pending.map((e) => [
        e.id || dash,
        e.date ?? dash,
        v(e.type),
        e.description,
        who(e.handledBy),
        money(e.amount),
      ]),
      'Ledger',
      6,
    );
    rows.push([t('doc.total'), '', '', '', '', money(f.pendingTotal)]);
    blocks.push(
      table(['entry', 'date', 'type', 'description', 'handledBy', 'amount'], rows, {
        widths: [1.3, 1.9, 1.4, 3.8, 2.2, 1.8],
        numeric: [false, false, false, false, false, true],
        totalRow: true,
      }),
    );
  } else blocks.push({ kind: 'paragraph', text: t('doc.none') });
  blocks.push(...loanBlocks(input)); // lent goods still out (report/commitments.ts)

  // 9. Follow-ups
  h(t('report.followups'));
  note(t('report.followups.note', { from: followUpCutoff(f.reportDate, f.term.end) }));
  if (f.followUps.length) {
    const rows = capped(
      f.followUps.map((x) => [
        x.due ?? t('report.followups.noDate'),
        t(`report.followups.${x.kind}`),
        x.what,
        x.kind === 'sponsor' ? v(x.next) : x.next || dash,
        who(x.owner),
      ]),
      t('report.followups.sheets'),
      5,
    );
    blocks.push(
      table(['due', 'type', 'what', 'nextStep', 'owner'], rows, {
        widths: [1.8, 1.7, 3.6, 3.7, 2],
        numeric: [false, false, false, false, false],
      }),
    );
  } else blocks.push({ kind: 'paragraph', text: t('doc.none') });

  // 10. Outstanding members
  h(t('report.outstanding'));
  note(t('report.outstanding.note'));
  const o = f.outstanding;
  const names3 = (n: string[]) => (n.length ? n.join(', ') : t('report.award.nobody'));
  const awardRows = [
    [
      t('report.award.visits'),
      names3(o.visits.names),
      o.visits.names.length ? t('report.award.visitsN', { n: o.visits.value }) : dash,
    ],
    [
      t('report.award.attendance'),
      names3(o.attendance.names),
      o.attendance.names.length ? formatPercent(o.attendance.value) : dash,
    ],
    [t('report.award.raised'), names3(o.raised.names), o.raised.names.length ? money(o.raised.value) : dash],
  ];
  blocks.push(
    table(['award', 'members', 'figure'], awardRows, { widths: [2, 4, 2], numeric: [false, false, true] }),
  );

  // Data problems, if any.
  if (f.problems.length) {
    h(t('report.problems'));
    note(t('report.problems.note'));
    const rows = f.problems.slice(0, MAX_PROBLEM_ROWS).map((p) => [p.sheet, String(p.row), p.problem]);
    if (f.problems.length > MAX_PROBLEM_ROWS)
      rows.push(['', '', t('report.problems.more', { n: f.problems.length - MAX_PROBLEM_ROWS })]);
    blocks.push(
      table(['sheet', 'row', 'problem'], rows, { widths: [1.5, 0.8, 7], numeric: [false, true, false] }),
    );
  }

  const doc: DocModel = {
    name: t('report.name', { department: dep, term }),
    title: t('report.title', { term }),
    subtitle: dep,
    pageHeader: t('report.pageHeader', { department: dep, term }),
    language: lang,
    blocks,
  };
  return { figures: f, doc };
}
