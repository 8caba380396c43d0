/**
 * The semester report's figures: workbook records + settings + report date → ReportFigures
 * (computeReport). Pure. Every figure follows shared/spec/workbook.md ("Semester report");
 * the choices the spec leaves open are written in docs/reports.md. The document that shows
 * them is laid out in ./document.ts.
 */
import { addDays, type Day, daysBetween } from '../dates';
import { MEETING_TYPES, ROLES, SPONSOR_STAGES, SPONSORS } from '../schema';
import { dayOfField, list, lower, memberNames, num, ReportError, type ReportInput, str } from './input';

const ROLE_RANK = new Map<string, number>(ROLES.map((r, i) => [r, i]));
const byText = (a: string, b: string) => a.localeCompare(b);

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
  // Meetings each member attended, was excused from, was absent from: counted in one pass
  // over the held meetings (a member listed twice in one meeting counts once).
  const tally = new Map<string, Map<string, number>>();
  for (const key of ['attendees', 'excused', 'absent']) {
    const counts = new Map<string, number>();
    for (const h of held) for (const e of new Set(list(h.data[key]))) counts.set(e, (counts.get(e) ?? 0) + 1);
    tally.set(key, counts);
  }
  const attendance = activeMembers
    .map((m) => {
      const email = lower(str(m.data.email));
      const count = (key: string) => tally.get(key)!.get(email) ?? 0;
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
    if (next && next >= cutoff && !SPONSORS.closed!.values.includes(stage)) {
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
