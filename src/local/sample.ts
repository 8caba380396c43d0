/**
 * The sample department: a realistic External Relations department of a student union,
 * generated deterministically (seeded), set up by the add-on's own "Set up workbook".
 * At scale 1: 14 members, 32 sponsors, 110 contacts, ~60 meetings, ~70 ledger entries,
 * 6 events. `scale` multiplies every table (members included) for the benchmark; `counts`
 * sets a table's size outright (the benchmark's union profile: members do not grow with rows).
 * Dates are placed around `today`, inside a term that contains it.
 */
import { setUpWorkbook } from '../addon/setup';
import { addDays, type Day, dayOf, instantOf } from '../domain/dates';
import { formatId, readHeaders } from '../domain/records';
import { TABLE_BY_NAME, type TableName } from '../domain/schema';
import type { LocalGoogle } from './backend';
import { Execution } from './execution';
import { withGlobals } from './inprocess';
import { SpreadsheetModel } from './model/spreadsheet-model';
import {
  CN_NAMES,
  EVENTS,
  GIVEN,
  MEMBER_NAMES,
  ORGS,
  PINYIN,
  SPONSOR_BASES,
  STAGES_WEIGHTED,
  SURNAMES,
  TITLES,
} from './sample-data';

export interface SampleOptions {
  scale?: number;
  timeZone?: string;
  today?: Day;
  id?: string;
  seed?: number;
  /** Rows per table, overriding `scale` for that table (`meetings`: all meetings in all). */
  counts?: Partial<SampleCounts>;
}

export interface SampleCounts {
  members: number;
  events: number;
  sponsors: number;
  contacts: number;
  meetings: number;
  ledger: number;
}

function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

/** The term containing `today`: autumn Sep 1 – Jan 15, spring Feb 20 – Jul 10. */
export function sampleTerm(today: Day): { label: string; start: Day; end: Day } {
  const y = Number(today.slice(0, 4));
  const md = today.slice(5);
  if (md >= '08-01') return { label: `${y} Autumn`, start: `${y}-09-01`, end: `${y + 1}-01-15` };
  if (md < '02-01') return { label: `${y - 1} Autumn`, start: `${y - 1}-09-01`, end: `${y}-01-15` };
  return { label: `${y} Spring`, start: `${y}-02-20`, end: `${y}-07-10` };
}

/** A sample record: cell values by field key (see the schema). */
type Row = Record<string, unknown>;

export function buildSample(google: LocalGoogle, opts: SampleOptions = {}): SpreadsheetModel {
  const scale = Math.max(1, Math.floor(opts.scale ?? 1));
  const tz = opts.timeZone ?? 'Asia/Shanghai';
  const today = opts.today ?? dayOf(google.now(), tz);
  const r = rng(opts.seed ?? 20260901);
  const sizes = opts.counts ?? {};
  const nMembers = sizes.members ?? MEMBER_NAMES.length * scale;
  const memberGroups = Math.ceil(nMembers / MEMBER_NAMES.length);
  const nEvents = sizes.events ?? EVENTS.length * scale;
  const term = sampleTerm(today);
  const ss = new SpreadsheetModel(opts.id ?? google.newId('ss'), 'Outreach Desk — sample department', tz);
  ss.addSheet('Sheet1');
  google.spreadsheets.set(ss.id, ss);

  const x = new Execution(google, { spreadsheetId: ss.id, user: google.defaultUser });
  withGlobals(x, () => {
    const api = SpreadsheetApp.getActiveSpreadsheet();
    setUpWorkbook(api);
    api.deleteSheet(api.getSheetByName('Sheet1')!);
  });

  const d = (day: Day | null, hour = 0) => (day ? instantOf(day, tz, hour) : '');
  const termDays = Math.max(1, (Date.parse(term.end) - Date.parse(term.start)) / 86_400_000);
  const inTermBefore = (maxDay: Day) => {
    const span = Math.max(1, Math.min(termDays, (Date.parse(maxDay) - Date.parse(term.start)) / 86_400_000));
    return addDays(term.start, r.int(0, span));
  };

  // Members ------------------------------------------------------------------------
  const members: { email: string; role: string; active: boolean }[] = [];
  const memberRows: Row[] = [];
  for (let s = 0; s < memberGroups; s++) {
    MEMBER_NAMES.forEach(([name, role], i) => {
      const n = s * MEMBER_NAMES.length + i + 1;
      if (n > nMembers) return;
      const local =
        PINYIN[name] ??
        name
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase()
          .replace(/[^a-z]+/g, '.');
      const email = `${local}${s ? s : ''}@example.edu`;
      const roleHere = s === 0 ? role : 'Officer';
      const active = !(i === 12 && s === 0) && r.chance(0.97);
      members.push({ email, role: roleHere, active });
      memberRows.push({
        id: formatId('M', n),
        name: s ? `${name} ${s + 1}` : name,
        email: email,
        phone: `138${String(10000000 + n * 7919).slice(-8)}`,
        role: roleHere,
        group: roleHere === 'Officer' ? r.pick(['Planning', 'Outreach', 'Etiquette']) : '',
        active: active,
        joined: d(addDays(term.start, -r.int(30, 400))),
        notes: i === 12 && s === 0 ? 'Studying abroad this term' : '',
      });
    });
  }
  if (!members.some((m) => m.email === google.defaultUser)) {
    members[0]!.email = google.defaultUser;
    memberRows[0]!.email = google.defaultUser;
  }
  const active = members.filter((m) => m.active);
  const owner = () => r.pick(active).email;

  // Events -------------------------------------------------------------------------
  const eventRows: Row[] = [];
  const events: { id: string; day: Day; status: string; lead: string }[] = [];
  for (let s = 0; s < Math.ceil(nEvents / EVENTS.length); s++) {
    EVENTS.forEach(([name, budget, target], i) => {
      const n = s * EVENTS.length + i + 1;
      if (n > nEvents) return;
      const day = addDays(term.start, Math.round(((i + 0.5) / EVENTS.length) * termDays));
      const status =
        day < today ? (r.chance(0.9) ? 'Done' : 'Cancelled') : r.chance(0.5) ? 'Confirmed' : 'Planning';
      const lead = owner();
      const feedback = status === 'Done' && r.chance(0.5) ? addDays(day, r.int(3, 10)) : null;
      events.push({ id: formatId('E', n), day, status, lead });
      eventRows.push({
        id: formatId('E', n),
        name: s ? `${name} (${s + 1})` : name,
        date: d(day),
        lead: lead,
        budget: budget,
        sponsorshipTarget: target,
        status: status,
        feedbackSent: d(feedback && feedback < today ? feedback : null),
        notes: '',
      });
    });
  }

  // Sponsors -----------------------------------------------------------------------
  const sponsorRows: Row[] = [];
  const sponsors: { id: string; owner: string; stage: string }[] = [];
  const nSponsors = sizes.sponsors ?? 32 * scale;
  for (let i = 0; i < nSponsors; i++) {
    const [base, category] = SPONSOR_BASES[i % SPONSOR_BASES.length]!;
    const round = Math.floor(i / SPONSOR_BASES.length);
    const id = formatId('S', i + 1);
    const stage = r.pick(STAGES_WEIGHTED);
    const o = owner();
    sponsors.push({ id, owner: o, stage });
    const pledged = ['Committed', 'Delivered', 'Thanked'].includes(stage) ? r.int(5, 60) * 100 : 0;
    sponsorRows.push({
      id: id,
      organization: round ? `${base} #${round + 1}` : base,
      category: category,
      stage: stage,
      owner: o,
      phone: `0791-${String(8000000 + i * 37).slice(-7)}`,
      email: `contact${i + 1}@merchant.example.com`,
      address: `${r.int(1, 300)} Xuefu Road, Nanchang`,
      pledged: pledged || '',
      inKindPledged:
        category === 'Telecom' || category === 'Retail'
          ? r.pick(['', '20 tents', '2 banners', '10 tents, 2 banners'])
          : '',
      lastContacted: d(r.chance(0.8) ? inTermBefore(today) : null),
      nextFollowUp: d(stage === 'Declined' || stage === 'Dormant' ? null : addDays(today, r.int(-10, 25))),
      notes: '',
    });
  }

  // Contacts -----------------------------------------------------------------------
  const contactRows: Row[] = [];
  const nContacts = sizes.contacts ?? 110 * scale;
  for (let i = 0; i < nContacts; i++) {
    const [org, orgType] = r.chance(0.25)
      ? [SPONSOR_BASES[i % SPONSOR_BASES.length]![0], 'Business']
      : ORGS[i % ORGS.length]!;
    const name = r.chance(0.5) ? r.pick(CN_NAMES) : `${r.pick(SURNAMES)} ${r.pick(GIVEN)}`;
    const sponsorLink = orgType === 'Business' ? sponsors[i % sponsors.length]!.id : '';
    contactRows.push({
      id: formatId('C', i + 1),
      name: name,
      organization: org,
      title: r.pick(TITLES),
      orgType: orgType,
      sponsorId: sponsorLink,
      phone: `139${String(20000000 + i * 4231).slice(-8)}`,
      email: `c${i + 1}@partner.example.org`,
      otherHandle: r.chance(0.4) ? `WeChat: od_${i + 1}` : '',
      owner: owner(),
      cadenceDays: r.chance(0.4) ? r.pick([14, 21, 45, 60]) : '',
      lastContacted: d(r.chance(0.85) ? addDays(today, -r.int(0, 70)) : null),
      greetings: r.chance(0.5),
      notes: '',
    });
  }

  // Meetings -----------------------------------------------------------------------
  const meetingRows: Row[] = [];
  let m = 0;
  for (let s = 0; s < memberGroups; s++) {
    for (let day = addDays(term.start, 3); day <= term.end; day = addDays(day, 14)) {
      const done = day < today;
      const att: string[] = [];
      const exc: string[] = [];
      const abs: string[] = [];
      for (const mem of active.slice(s * MEMBER_NAMES.length, (s + 1) * MEMBER_NAMES.length)) {
        const p = r.next();
        if (!done) continue;
        if (p < 0.8) att.push(mem.email);
        else if (p < 0.92) exc.push(mem.email);
        else abs.push(mem.email);
      }
      m++;
      meetingRows.push({
        id: formatId('MT', m),
        date: d(day, 19),
        type: 'Department Meeting',
        title: `Department meeting ${day}`,
        with: '',
        owner: members[0]!.email,
        attendees: att.join(', '),
        excused: exc.join(', '),
        absent: abs.join(', '),
        status: done ? 'Done' : 'Planned',
        purpose: 'Review sponsorship progress; assign visits',
        outcome: done ? 'Progress reviewed; visits assigned' : '',
        nextSteps: '',
        followUpDate: '',
      });
    }
  }
  const nVisits = sizes.meetings === undefined ? 40 * scale : Math.max(0, sizes.meetings - m);
  for (let i = 0; i < nVisits; i++) {
    const sp = sponsors[i % sponsors.length]!;
    const type = r.pick([
      'Sponsor Visit',
      'Sponsor Visit',
      'Call',
      'Inter-school Exchange',
      'Event Debrief',
      'Other',
    ]);
    const day = addDays(today, r.int(-60, 10));
    const done = day < today ? r.chance(0.9) : false;
    const cancelled = !done && day < today;
    m++;
    const contactRef = formatId('C', (i % nContacts) + 1);
    meetingRows.push({
      id: formatId('MT', m),
      date: d(day, r.int(9, 17)),
      type: type,
      title: type === 'Inter-school Exchange' ? 'Exchange with brother university' : `${type}: ${sp.id}`,
      with: type === 'Inter-school Exchange' ? contactRef : `${sp.id}, ${contactRef}`,
      owner: sp.owner,
      attendees: sp.owner,
      excused: '',
      absent: '',
      status: done ? 'Done' : cancelled ? 'Cancelled' : 'Planned',
      purpose: 'Present sponsorship plan and benefits',
      outcome: done && r.chance(0.8) ? 'Agreed to discuss with head office; positive' : '',
      nextSteps: done ? 'Send written proposal' : '',
      followUpDate: d(done ? addDays(day, r.int(3, 30)) : null),
    });
  }

  // Ledger -------------------------------------------------------------------------
  const ledgerRows: Row[] = [];
  const givers = sponsors.filter((x) => ['Committed', 'Delivered', 'Thanked'].includes(x.stage));
  if (givers.length === 0) givers.push(sponsors[0]!);
  const nLedger = sizes.ledger ?? 70 * scale;
  for (let i = 0; i < nLedger; i++) {
    const type = r.pick(['Income', 'Income', 'Income', 'In-kind', 'In-kind', 'Expense', 'Expense']);
    const ev = r.chance(0.8) ? r.pick(events) : null;
    // Money and goods come from sponsors that committed (or have since been thanked).
    const sp = type === 'Expense' ? null : r.pick(givers);
    const day = inTermBefore(today);
    const old = Date.parse(today) - Date.parse(day) > 20 * 86_400_000;
    const status = old ? r.pick(['Settled', 'Filed', 'Filed', 'Pending']) : r.pick(['Pending', 'Settled']);
    const desc =
      type === 'Expense'
        ? r.pick(['Banner printing', 'Water and snacks', 'Venue decoration', 'Transport for visit', 'Prizes'])
        : type === 'In-kind'
          ? r.pick([
              'Tents for basketball final',
              'Drinks for volunteers',
              'Printed posters',
              'Prize vouchers',
            ])
          : r.pick(['Sponsorship fee', 'Title sponsorship', 'Booth fee']);
    const treasurer = members.find((x) => x.role === 'Treasurer')!.email;
    ledgerRows.push({
      id: formatId('L', i + 1),
      date: d(day),
      type: type,
      eventId: ev?.id ?? '',
      sponsorId: sp?.id ?? '',
      description: desc,
      quantity: type === 'In-kind' ? r.int(2, 30) : '',
      amount:
        type === 'Expense' ? r.int(2, 40) * 50 : type === 'In-kind' ? r.int(2, 30) * 50 : r.int(4, 80) * 50,
      handledBy: type === 'Expense' ? treasurer : (sp?.owner ?? owner()),
      receipt: status === 'Pending' ? '' : `REC-${2000 + i}`,
      status: status,
      notes: '',
    });
  }

  // Benefits (issue 13) ---------------------------------------------------------------
  // What the sponsors who gave to each event were promised in return: delivered (with
  // evidence) for Done events, still promised for the others. Derived from the rows above
  // without drawing from the random sequence, so every other sample row stays as it was.
  const benefitRows: Row[] = [];
  const PROMISES = ['Logo on the event banner', 'Mention on stage', 'Booth at the event'];
  for (const ev of events) {
    if (ev.status === 'Cancelled') continue;
    const givers = [
      ...new Set(
        ledgerRows
          .filter((l) => l.eventId === ev.id && l.sponsorId && l.type !== 'Expense')
          .map((l) => String(l.sponsorId)),
      ),
    ].slice(0, 2);
    givers.forEach((sid, i) => {
      const done = ev.status === 'Done';
      const n = benefitRows.length + 1;
      benefitRows.push({
        id: formatId('B', n),
        sponsorId: sid,
        eventId: ev.id,
        benefit: PROMISES[(n - 1) % PROMISES.length],
        due: d(ev.day),
        owner: sponsors.find((x) => x.id === sid)?.owner ?? ev.lead,
        status: done && i === 0 ? 'Done' : 'Promised',
        evidence: done && i === 0 ? `https://photos.example.org/${ev.id}/${sid}.jpg` : '',
      });
    });
  }

  // Settings -----------------------------------------------------------------------
  const year = Number(term.start.slice(0, 4));
  const settings: [string, unknown, string][] = [
    ['Department', 'External Relations Department, Student Union of Nanchang Institute of Technology', ''],
    ['Term', term.label, ''],
    // Dates typed as text, as a member types them: Sheets makes them dates shown as typed.
    ['Semester start', term.start, ''],
    ['Semester end', term.end, ''],
    ['Currency', 'CNY', ''],
    ['Default cadence (days)', 30, ''],
    ['Reminder hour', 8, ''],
    ['Holiday', `${year}-10-01`, 'National Day'],
    ['Holiday', `${year}-12-25`, 'Christmas'],
    ['Holiday', `${year + 1}-01-01`, "New Year's Day"],
    ['Holiday', `${year + 1}-05-04`, 'Youth Day'],
  ];

  const x2 = new Execution(google, { spreadsheetId: ss.id, user: google.defaultUser });
  withGlobals(x2, () => {
    const api = SpreadsheetApp.getActiveSpreadsheet();
    // Rows are objects by field key, written by header: a column added to the schema (or
    // one a member moved) needs no change here.
    const write = (name: TableName, rows: Row[]) => {
      if (!rows.length) return;
      const sheet = api.getSheetByName(name)!;
      const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!;
      const { cols } = readHeaders(TABLE_BY_NAME[name], header);
      const cells = rows.map((row) => {
        const out: unknown[] = new Array(header.length).fill('');
        for (const [key, v] of Object.entries(row)) {
          if (cols[key] === undefined) throw new Error(`sample: ${name} has no field "${key}"`);
          out[cols[key]!] = v ?? '';
        }
        return out;
      });
      const need = rows.length + 1;
      if (need > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), need - sheet.getMaxRows());
      sheet.getRange(2, 1, rows.length, header.length).setValues(cells);
    };
    write('Members', memberRows);
    write('Sponsors', sponsorRows);
    write('Contacts', contactRows);
    write('Meetings', meetingRows);
    write('Ledger', ledgerRows);
    write('Events', eventRows);
    write('Benefits', benefitRows);
    // Settings: overwrite the seeded defaults' values by name, append holidays.
    const sh = api.getSheetByName('Settings')!;
    const vals = sh.getRange(1, 1, sh.getLastRow(), 3).getValues();
    const rows = vals.slice(1).map((row) => [...row]);
    for (const [k, v, notes] of settings) {
      const at = k === 'Holiday' ? -1 : rows.findIndex((row) => row[0] === k);
      if (at >= 0) rows[at]![1] = v;
      else rows.push([k, v, notes]);
    }
    sh.getRange(2, 1, rows.length, 3).setValues(rows);
    // As a department's workbook would be: Set up seen its records (the ID high-water marks).
    setUpWorkbook(api);
  });
  ss.touch();
  return ss;
}
