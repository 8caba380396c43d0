/**
 * The semester report: workbook records + settings + report date → the report's figures
 * and its document model. Pure. Every figure follows shared/spec/workbook.md
 * ("Semester report"); the choices the spec leaves open are written in docs/reports.md and
 * in the note under each section of the document itself.
 */
import { barChartPng, type Rgb } from './chart';
import { addDays, type Day, daysBetween } from './dates';
import type { Block, DocModel } from './docmodel';
import { formatCount, formatMoney, formatPercent, longDay } from './format';
import { type Lang, messages, valueName } from './i18n';
import { dayPart, type FieldValue, type SheetRecord, type TableProblem } from './records';
import { MEETING_TYPES, ROLES, SPONSOR_STAGES, type TableName } from './schema';
import type { Settings } from './settings';

export type WorkbookRecords = Record<Exclude<TableName, 'Settings'>, readonly SheetRecord[]>;

export interface ReportInput {
  records: WorkbookRecords;
  /** Problems of whole sheets (duplicated headers, a title row, repeated IDs), by sheet. */
  sheetProblems?: Partial<Record<string, readonly TableProblem[]>>;
  settings: Settings;
  /** The day the report is made, in the spreadsheet's time zone. */
  reportDate: Day;
  timeZone: string;
}

export class ReportError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReportError';
  }
}

// ---------------------------------------------------------------- field access

export const str = (v: FieldValue | undefined): string =>
  v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v);
export const num = (v: FieldValue | undefined): number | null => (typeof v === 'number' ? v : null);
export const dayOfField = (v: FieldValue | undefined): Day | null =>
  typeof v === 'string' ? dayPart(v) : null;
export const list = (v: FieldValue | undefined): string[] => (Array.isArray(v) ? v : []);
const lower = (s: string) => s.trim().toLowerCase();

/** Member display names by lowercase email. */
export function memberNames(members: readonly SheetRecord[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of members) {
    const e = lower(str(r.data.email));
    if (e && !m.has(e)) m.set(e, str(r.data.name).trim() || e);
  }
  return m;
}

const ROLE_RANK = new Map<string, number>(ROLES.map((r, i) => [r, i]));
const byText = (a: string, b: string) => a.localeCompare(b);

// ---------------------------------------------------------------- figures

export interface MoneyRow {
  label: string;
  cash: number;
  inKind: number;
}

export interface ReportFigures {
  term: { label: string; start: Day; end: Day };
  reportDate: Day;
  cash: number;
  inKind: number;
  expenses: number;
  net: number;
  /** `source`: a Sponsors row, an ID used in the Ledger but not in Sponsors, or entries with no Sponsor ID. */
  sponsors: {
    source: 'sheet' | 'unknown' | 'none';
    id: string;
    name: string;
    stage: string;
    owner: string;
    cash: number;
    inKind: number;
  }[];
  events: {
    source: 'sheet' | 'unknown' | 'none';
    id: string;
    name: string;
    date: Day | null;
    status: string;
    target: number | null;
    raised: number;
    expenses: number;
  }[];
  stages: { stage: string; count: number; pledged: number }[];
  meetingsHeld: number;
  attendance: {
    email: string;
    name: string;
    role: string;
    attended: number;
    excused: number;
    absent: number;
    rate: number | null;
  }[];
  outsideWork: { email: string; name: string; byType: Record<string, number>; total: number }[];
  overdue: {
    owner: string;
    name: string;
    contacts: number;
    overdue: number;
    never: number;
    worst: { name: string; days: number | null } | null;
  }[];
  pending: {
    id: string;
    date: Day | null;
    type: string;
    description: string;
    handledBy: string;
    amount: number;
  }[];
  pendingTotal: number;
  /** Open follow-ups from `followUpCutoff(reportDate, term end)` on, and Done meetings with undated Next Steps. */
  followUps: {
    due: Day | null;
    kind: 'sponsor' | 'meeting' | 'planned';
    what: string;
    next: string;
    owner: string;
  }[];
  raisedByMember: { email: string; name: string; amount: number }[];
  outstanding: {
    visits: { names: string[]; value: number };
    attendance: { names: string[]; value: number };
    raised: { names: string[]; value: number };
  };
  months: { month: string; cash: number; inKind: number }[];
  problems: { sheet: string; row: number; problem: string }[];
}

/** Outside-work meeting types, in the order of the report's columns. */
export const OUTSIDE_TYPES = MEETING_TYPES.filter((t) => t !== 'Department Meeting');

export function computeReport(input: ReportInput): ReportFigures {
  const { records, settings, reportDate } = input;
  const start = settings.semesterStart;
  const end = settings.semesterEnd;
  if (!start || !end)
    throw new ReportError(
      'ui.termMissing',
      'Set "Semester start" and "Semester end" in the Settings sheet before generating the semester report.',
    );
  if (end < start)
    throw new ReportError(
      'ui.termReversed',
      `In Settings, "Semester end" (${end}) is before "Semester start" (${start}).`,
    );
  const inTerm = (d: Day | null) => d !== null && d >= start && d <= end;
  const names = memberNames(records.Members);
  const nameOf = (email: string) => (email ? (names.get(lower(email)) ?? email) : '');

  // Ledger in the term.
  let cash = 0;
  let inKind = 0;
  let expenses = 0;
  const bySponsor = new Map<string, { cash: number; inKind: number }>();
  const byEvent = new Map<string, { raised: number; expenses: number }>();
  const byMonth = new Map<string, { cash: number; inKind: number }>();
  const raisedBy = new Map<string, number>();
  const sponsorOwner = new Map<string, string>();
  for (const s of records.Sponsors) sponsorOwner.set(str(s.data.id), lower(str(s.data.owner)));
  for (const e of records.Ledger) {
    const d = dayOfField(e.data.date);
    const amount = num(e.data.amount);
    if (!inTerm(d) || amount === null) continue;
    const type = str(e.data.type);
    const sid = str(e.data.sponsorId);
    const eid = str(e.data.eventId);
    const sp = bySponsor.get(sid) ?? { cash: 0, inKind: 0 };
    const ev = byEvent.get(eid) ?? { raised: 0, expenses: 0 };
    const mo = byMonth.get(d!.slice(0, 7)) ?? { cash: 0, inKind: 0 };
    if (type === 'Income' || type === 'In-kind') {
      if (type === 'Income') {
        cash += amount;
        sp.cash += amount;
        mo.cash += amount;
      } else {
        inKind += amount;
        sp.inKind += amount;
        mo.inKind += amount;
      }
      ev.raised += amount;
      const who = lower(str(e.data.handledBy)) || sponsorOwner.get(sid) || '';
      if (who) raisedBy.set(who, (raisedBy.get(who) ?? 0) + amount);
    } else if (type === 'Expense') {
      expenses += amount;
      ev.expenses += amount;
    } else continue;
    bySponsor.set(sid, sp);
    byEvent.set(eid, ev);
    byMonth.set(d!.slice(0, 7), mo);
  }

  // Sponsors.
  const sponsors: ReportFigures['sponsors'] = [];
  const seenSponsors = new Set<string>();
  for (const s of records.Sponsors) {
    const id = str(s.data.id);
    const got = (id && !seenSponsors.has(id) && bySponsor.get(id)) || { cash: 0, inKind: 0 };
    if (id) seenSponsors.add(id);
    sponsors.push({
      source: 'sheet',
      id,
      name: str(s.data.organization) || id,
      stage: str(s.data.stage),
      owner: lower(str(s.data.owner)),
      cash: got.cash,
      inKind: got.inKind,
    });
  }
  for (const [id, got] of bySponsor) {
    if (seenSponsors.has(id) || (got.cash === 0 && got.inKind === 0)) continue;
    sponsors.push({
      source: id ? 'unknown' : 'none',
      id,
      name: id,
      stage: '',
      owner: '',
      cash: got.cash,
      inKind: got.inKind,
    });
  }
  sponsors.sort(
    (a, b) =>
      Number(a.source === 'none') - Number(b.source === 'none') ||
      b.cash + b.inKind - (a.cash + a.inKind) ||
      byText(a.name, b.name),
  );

  // Events: dated in the term, or with ledger entries in the term.
  const events: ReportFigures['events'] = [];
  const seenEvents = new Set<string>();
  for (const ev of records.Events) {
    const id = str(ev.data.id);
    const date = dayOfField(ev.data.date);
    const got = id && !seenEvents.has(id) ? byEvent.get(id) : undefined;
    if (id) seenEvents.add(id);
    if (!inTerm(date) && !got) continue;
    events.push({
      source: 'sheet',
      id,
      name: str(ev.data.name) || id,
      date,
      status: str(ev.data.status),
      target: num(ev.data.sponsorshipTarget),
      raised: got?.raised ?? 0,
      expenses: got?.expenses ?? 0,
    });
  }
  for (const [id, got] of byEvent) {
    if (seenEvents.has(id) || (got.raised === 0 && got.expenses === 0)) continue;
    events.push({
      source: id ? 'unknown' : 'none',
      id,
      name: id,
      date: null,
      status: '',
      target: null,
      raised: got.raised,
      expenses: got.expenses,
    });
  }
  events.sort(
    (a, b) =>
      Number(a.source === 'none') - Number(b.source === 'none') ||
      (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
      byText(a.name, b.name),
  );

  // Pipeline.
  const stageMap = new Map<string, { count: number; pledged: number }>();
  for (const st of SPONSOR_STAGES) stageMap.set(st, { count: 0, pledged: 0 });
  for (const s of records.Sponsors) {
    const st = str(s.data.stage);
    const e = stageMap.get(st) ?? { count: 0, pledged: 0 };
    e.count++;
    e.pledged += num(s.data.pledged) ?? 0;
    stageMap.set(st, e);
  }
  const stages = [...stageMap].map(([stage, v]) => ({ stage, ...v }));

  // Department meetings and attendance.
  const held = records.Meetings.filter(
    (m) =>
      str(m.data.type) === 'Department Meeting' &&
      str(m.data.status) === 'Done' &&
      inTerm(dayOfField(m.data.date)),
  );
  const activeMembers = records.Members.filter((m) => m.data.active === true && str(m.data.email));
  const attendance = activeMembers
    .map((m) => {
      const email = lower(str(m.data.email));
      const count = (key: string) => held.filter((h) => list(h.data[key]).includes(email)).length;
      const attended = count('attendees');
      return {
        email,
        name: nameOf(email),
        role: str(m.data.role),
        attended,
        excused: count('excused'),
        absent: count('absent'),
        rate: held.length ? attended / held.length : null,
      };
    })
    .sort((a, b) => (ROLE_RANK.get(a.role) ?? 9) - (ROLE_RANK.get(b.role) ?? 9) || byText(a.name, b.name));

  // Outside work.
  const work = new Map<string, Record<string, number>>();
  for (const m of activeMembers) work.set(lower(str(m.data.email)), {});
  for (const m of records.Meetings) {
    const type = str(m.data.type);
    if (type === 'Department Meeting' || str(m.data.status) !== 'Done' || !inTerm(dayOfField(m.data.date)))
      continue;
    const owner = lower(str(m.data.owner));
    if (!owner) continue;
    const row = work.get(owner) ?? {};
    const col = (OUTSIDE_TYPES as readonly string[]).includes(type) ? type : 'Other';
    row[col] = (row[col] ?? 0) + 1;
    work.set(owner, row);
  }
  const outsideWork = [...work]
    .map(([email, byType]) => ({
      email,
      name: nameOf(email),
      byType,
      total: Object.values(byType).reduce((a, b) => a + b, 0),
    }))
    .sort((a, b) => b.total - a.total || byText(a.name, b.name));

  // Contacts overdue at the report date.
  const owners = new Map<string, ReportFigures['overdue'][number]>();
  const worstDays = new Map<string, number>();
  for (const c of records.Contacts) {
    const owner = lower(str(c.data.owner));
    const o = owners.get(owner) ?? {
      owner,
      name: nameOf(owner),
      contacts: 0,
      overdue: 0,
      never: 0,
      worst: null,
    };
    owners.set(owner, o);
    o.contacts++;
    const last = dayOfField(c.data.lastContacted);
    const cadence = num(c.data.cadenceDays) ?? settings.defaultCadenceDays;
    const cname = str(c.data.name) || str(c.data.id);
    if (last === null) {
      o.overdue++;
      o.never++;
      if (!o.worst || o.worst.days !== null) o.worst = { name: cname, days: null };
      continue;
    }
    const due = addDays(last, cadence);
    if (due <= reportDate) {
      o.overdue++;
      const days = daysBetween(due, reportDate);
      if (o.worst?.days !== null && days > (worstDays.get(owner) ?? -1)) {
        worstDays.set(owner, days);
        o.worst = { name: cname, days };
      }
    }
  }
  const overdue = [...owners.values()].sort(
    (a, b) =>
      b.overdue - a.overdue || Number(a.owner === '') - Number(b.owner === '') || byText(a.name, b.name),
  );

  // Pending ledger entries (any date).
  const pending = records.Ledger.filter((e) => str(e.data.status) === 'Pending')
    .map((e) => ({
      id: str(e.data.id),
      date: dayOfField(e.data.date),
      type: str(e.data.type),
      description: str(e.data.description),
      handledBy: lower(str(e.data.handledBy)),
      amount: num(e.data.amount) ?? 0,
    }))
    .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.id.localeCompare(b.id));
  const pendingTotal = pending.reduce((s, e) => s + e.amount, 0);

  // Open follow-ups handed on: everything scheduled from the cut-off day on, where the
  // cut-off is the report date, or the day after the term when the report is made later.
  const cutoff = followUpCutoff(reportDate, end);
  const followUps: ReportFigures['followUps'] = [];
  for (const s of records.Sponsors) {
    const stage = str(s.data.stage);
    const next = dayOfField(s.data.nextFollowUp);
    if (next && next >= cutoff && !CLOSED_STAGES.includes(stage)) {
      followUps.push({
        due: next,
        kind: 'sponsor',
        what: str(s.data.organization) || str(s.data.id),
        next: stage,
        owner: lower(str(s.data.owner)),
      });
    }
  }
  for (const m of records.Meetings) {
    const status = str(m.data.status);
    if (status === 'Cancelled') continue;
    const fu = dayOfField(m.data.followUpDate);
    const steps = str(m.data.nextSteps).trim();
    const date = dayOfField(m.data.date);
    const what = str(m.data.title) || str(m.data.id);
    const owner = lower(str(m.data.owner));
    if ((fu && fu >= cutoff) || (!fu && steps && status === 'Done')) {
      followUps.push({ due: fu, kind: 'meeting', what, next: steps, owner });
    } else if (status === 'Planned' && date && date >= cutoff && str(m.data.type) !== 'Department Meeting') {
      followUps.push({ due: date, kind: 'planned', what, next: str(m.data.purpose).trim(), owner });
    }
  }
  followUps.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || byText(a.what, b.what));

  // Outstanding members.
  const best = <T>(xs: T[], value: (x: T) => number | null, name: (x: T) => string) => {
    let top = 0;
    for (const x of xs) top = Math.max(top, value(x) ?? 0);
    return {
      names: top > 0 ? xs.filter((x) => value(x) === top).map(name) : [],
      value: top,
    };
  };
  const raisedByMember = [...raisedBy]
    .map(([email, amount]) => ({ email, name: nameOf(email), amount }))
    .sort((a, b) => b.amount - a.amount || byText(a.name, b.name));
  const outstanding = {
    visits: best(
      outsideWork,
      (x) => x.total,
      (x) => x.name,
    ),
    attendance: best(
      attendance,
      (x) => x.rate,
      (x) => x.name,
    ),
    raised: best(
      raisedByMember.map((r) => ({ ...r, amount: Math.round(r.amount * 100) / 100 })),
      (x) => x.amount,
      (x) => x.name,
    ),
  };

  // Months of the term.
  const months: ReportFigures['months'] = [];
  for (let m = start.slice(0, 7); m <= end.slice(0, 7); m = nextMonth(m)) {
    const v = byMonth.get(m) ?? { cash: 0, inKind: 0 };
    months.push({ month: m, ...v });
  }

  // Rows that could not be read completely.
  const problems: ReportFigures['problems'] = [];
  for (const [sheet, list] of Object.entries(input.sheetProblems ?? {}))
    for (const p of list ?? []) problems.push({ sheet, row: p.row, problem: p.problem });
  for (const [sheet, recs] of Object.entries(records)) {
    for (const r of recs) for (const p of r.problems) problems.push({ sheet, row: r.row, problem: p });
  }
  for (const p of settings.problems) {
    const m = /^Settings row (\d+): (.*)$/.exec(p);
    problems.push({ sheet: 'Settings', row: m ? Number(m[1]) : 0, problem: m ? m[2]! : p });
  }

  return {
    term: { label: settings.term, start, end },
    reportDate,
    cash,
    inKind,
    expenses,
    net: cash - expenses,
    sponsors,
    events,
    stages,
    meetingsHeld: held.length,
    attendance,
    outsideWork,
    overdue,
    pending,
    pendingTotal,
    followUps,
    raisedByMember,
    outstanding,
    months,
    problems,
  };
}

/** Stages after which a sponsor needs no follow-up. */
const CLOSED_STAGES = ['Declined', 'Dormant', 'Thanked'];

/** First day whose follow-ups count as open: the report date, at the latest the day after the term. */
export function followUpCutoff(reportDate: Day, termEnd: Day): Day {
  const after = addDays(termEnd, 1);
  return reportDate < after ? reportDate : after;
}

function nextMonth(m: string): string {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- document

const CASH_BLUE: Rgb = [31, 78, 121];
const IN_KIND_BLUE: Rgb = [143, 183, 222];
/** The chart's size in pixels as drawn, and as shown in the document (half: crisp on screens). */
export const CHART_PX = { width: 1200, height: 520 };
const MAX_PROBLEM_ROWS = 30;

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
        { label: 'Cash', values: f.months.map((m) => m.cash), color: CASH_BLUE },
        { label: 'In-kind', values: f.months.map((m) => m.inKind), color: IN_KIND_BLUE },
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
  const sponsorRows = f.sponsors.map((s) => [
    s.source === 'none'
      ? t('doc.noSponsor')
      : s.source === 'unknown'
        ? t('doc.unknownRecord', { id: s.id })
        : s.name,
    s.stage ? v(s.stage) : dash,
    who(s.owner),
    money(s.cash),
    money(s.inKind),
  ]);
  sponsorRows.push([
    t('doc.total'),
    '',
    '',
    money(f.sponsors.reduce((a, s) => a + s.cash, 0)),
    money(f.sponsors.reduce((a, s) => a + s.inKind, 0)),
  ]);
  blocks.push({
    kind: 'table',
    header: [
      t('report.col.sponsor'),
      t('report.col.stage'),
      t('report.col.owner'),
      t('report.col.cash'),
      t('report.col.inKind'),
    ],
    rows: sponsorRows,
    totalRow: true,
    widths: [4, 2, 2.2, 2, 2],
    numeric: [false, false, false, true, true],
  });

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
  blocks.push({
    kind: 'table',
    header: [
      t('report.col.event'),
      t('report.col.date'),
      t('report.col.status'),
      t('report.col.target'),
      t('report.col.raised'),
      t('report.col.expenses'),
      t('report.col.ofTarget'),
    ],
    rows: eventRows,
    totalRow: true,
    widths: [3.6, 1.9, 1.5, 1.8, 1.8, 1.8, 1.3],
    numeric: [false, false, false, true, true, true, true],
  });

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
  blocks.push({
    kind: 'table',
    header: [t('report.col.stage'), t('report.col.sponsors'), t('report.col.pledged')],
    rows: stageRows,
    totalRow: true,
    widths: [3, 2, 2],
    numeric: [false, true, true],
  });

  // 5. Meetings and attendance
  h(t('report.meetings'));
  blocks.push({ kind: 'paragraph', text: t('report.meetings.held', { n: f.meetingsHeld }), style: 'lead' });
  note(t('report.meetings.note'));
  blocks.push({
    kind: 'table',
    header: [
      t('report.col.member'),
      t('report.col.role'),
      t('report.col.attended'),
      t('report.col.excused'),
      t('report.col.absent'),
      t('report.col.attendance'),
    ],
    rows: f.attendance.map((a) => [
      a.name,
      v(a.role),
      `${a.attended} / ${f.meetingsHeld}`,
      String(a.excused),
      String(a.absent),
      a.rate === null ? dash : formatPercent(a.rate),
    ]),
    widths: [3, 2, 1.6, 1.4, 1.4, 1.6],
    numeric: [false, false, true, true, true, true],
  });

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
  blocks.push({
    kind: 'table',
    header: [
      t('report.col.owner'),
      t('report.col.contacts'),
      t('report.col.overdue'),
      t('report.col.never'),
      t('report.col.mostOverdue'),
    ],
    rows: overdueRows,
    totalRow: true,
    widths: [2.6, 1.4, 1.4, 1.8, 3.6],
    numeric: [false, true, true, true, false],
  });

  // 8. Pending ledger entries
  h(t('report.pending'));
  note(t('report.pending.note', { total: money(f.pendingTotal) }));
  if (f.pending.length) {
    const rows = f.pending.map((e) => [
      e.id || dash,
      e.date ?? dash,
      v(e.type),
      e.description,
      who(e.handledBy),
      money(e.amount),
    ]);
    rows.push([t('doc.total'), '', '', '', '', money(f.pendingTotal)]);
    blocks.push({
      kind: 'table',
      header: [
        t('report.col.entry'),
        t('report.col.date'),
        t('report.col.type'),
        t('report.col.description'),
        t('report.col.handledBy'),
        t('report.col.amount'),
      ],
      rows,
      totalRow: true,
      widths: [1.3, 1.9, 1.4, 3.8, 2.2, 1.8],
      numeric: [false, false, false, false, false, true],
    });
  } else blocks.push({ kind: 'paragraph', text: t('doc.none') });

  // 9. Follow-ups
  h(t('report.followups'));
  note(t('report.followups.note', { from: followUpCutoff(f.reportDate, f.term.end) }));
  if (f.followUps.length) {
    blocks.push({
      kind: 'table',
      header: [
        t('report.col.due'),
        t('report.col.type'),
        t('report.col.what'),
        t('report.col.nextStep'),
        t('report.col.owner'),
      ],
      rows: f.followUps.map((x) => [
        x.due ?? t('report.followups.noDate'),
        t(`report.followups.${x.kind}`),
        x.what,
        x.kind === 'sponsor' ? v(x.next) : x.next || dash,
        who(x.owner),
      ]),
      widths: [1.8, 1.7, 3.6, 3.7, 2],
      numeric: [false, false, false, false, false],
    });
  } else blocks.push({ kind: 'paragraph', text: t('doc.none') });

  // 10. Outstanding members
  h(t('report.outstanding'));
  note(t('report.outstanding.note'));
  const o = f.outstanding;
  const names3 = (n: string[]) => (n.length ? n.join(', ') : t('report.award.nobody'));
  blocks.push({
    kind: 'table',
    header: [t('report.col.award'), t('report.col.members'), t('report.col.figure')],
    rows: [
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
      [
        t('report.award.raised'),
        names3(o.raised.names),
        o.raised.names.length ? money(o.raised.value) : dash,
      ],
    ],
    widths: [2, 4, 2],
    numeric: [false, false, true],
  });

  // Data problems, if any.
  if (f.problems.length) {
    h(t('report.problems'));
    note(t('report.problems.note'));
    const rows = f.problems.slice(0, MAX_PROBLEM_ROWS).map((p) => [p.sheet, String(p.row), p.problem]);
    if (f.problems.length > MAX_PROBLEM_ROWS)
      rows.push(['', '', t('report.problems.more', { n: f.problems.length - MAX_PROBLEM_ROWS })]);
    blocks.push({
      kind: 'table',
      header: [t('report.col.sheet'), t('report.col.row'), t('report.col.problem')],
      rows,
      widths: [1.5, 0.8, 7],
      numeric: [false, true, false],
    });
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
