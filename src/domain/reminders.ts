/**
 * Reminder planning: given the parsed workbook and "today" (a calendar day in the
 * spreadsheet's time zone), what is due for each member — exactly the rules of the
 * "Reminders" section of shared/spec/workbook.md. Pure functions, no Apps Script globals.
 *
 * Rules (each item goes to active members only; a member appears once, with all items):
 *  - contact: Contacts they own whose Last Contacted + cadence (blank cadence = the
 *    `Default cadence (days)` setting) is today or earlier, or never contacted;
 *  - sponsor: Sponsors they own whose Next Follow-up is today or earlier and whose Stage is
 *    not Declined, Dormant or Thanked;
 *  - meeting: Planned meetings dated today or tomorrow, to the owner and each attendee;
 *  - report: Done meetings other than Department Meeting whose Outcome is empty, to the owner;
 *  - feedback: Done events with Income or In-kind ledger entries and no Feedback Sent, to the Lead;
 *  - greeting: a Holiday dated today to 3 days ahead: each contact they own with Greetings TRUE;
 *  - ledger: Pending entries dated 14 or more days before today, to Handled By and every Treasurer;
 *  - benefit, loan (Partners): planned in ./partners/benefits.ts.
 */

import { addDays, type Day, daysBetween } from './dates';
import { partnerItems } from './partners/benefits';
import { type GreetedLog, greetedFor } from './partners/greetings';
import { dayPart, type SheetRecord } from './records';
import { REMINDER_KINDS, type ReminderKind } from './reminder-kinds';
import { SPONSORS, type TableName } from './schema';
import type { Settings } from './settings';

export { REMINDER_KINDS, type ReminderKind } from './reminder-kinds';

/** How many records without an active owner the Minister's digest names (the rest are counted). */
export const ORPHANS_LISTED = 5;

/** A contact or sponsor whose Owner is not an active member (blank, departed or unknown). */
export interface Orphan {
  table: 'Contacts' | 'Sponsors';
  row: number;
  id: string;
  name: string;
  /** The Owner cell as it is ('' when blank). */
  owner: string;
}

/** Contacts and sponsors with no active owner: they drop out of every reminder, so they are flagged. */
export function findOrphans(input: {
  contacts: readonly SheetRecord[];
  sponsors: readonly SheetRecord[];
  activeEmails: ReadonlySet<string>;
}): Orphan[] {
  const out: Orphan[] = [];
  const scan = (table: Orphan['table'], recs: readonly SheetRecord[], nameKey: string) => {
    for (const r of recs) {
      if (r.data.archived) continue;
      if (table === 'Sponsors' && CLOSED_SPONSOR_STAGES.includes(String(r.data.stage ?? ''))) continue;
      const owner = String(r.data.owner ?? '')
        .trim()
        .toLowerCase();
      if (owner && input.activeEmails.has(owner)) continue;
      out.push({
        table,
        row: r.row,
        id: String(r.data.id ?? ''),
        name: String(r.data[nameKey] ?? ''),
        owner,
      });
    }
  };
  scan('Contacts', input.contacts, 'name');
  scan('Sponsors', input.sponsors, 'organization');
  return out;
}

/** Sponsor stages that need no follow-up. */
/** Stages after which a sponsor needs no follow-up (declared in the schema). */
export const CLOSED_SPONSOR_STAGES: readonly string[] = SPONSORS.closed!.values;
/** Days a holiday is announced ahead (today … today + 3). */
export const GREETING_DAYS_AHEAD = 3;
/** Age in days from which a Pending ledger entry is reminded. */
export const PENDING_LEDGER_DAYS = 14;

export type Language = 'en' | 'zh';

export interface DueItem {
  kind: ReminderKind;
  /** Sheet the record lives in, and its 1-based row (for the link). */
  table: TableName;
  row: number;
  id: string;
  /** The record's human name (contact name, organization, meeting title…). */
  name: string;
  /** Organization of a contact, when known. */
  organization?: string;
  /**
   * The day the item is about: contact/sponsor: the day it fell due; meeting: its date;
   * report/feedback: the day it was held; greeting: the holiday; ledger: the entry's date.
   */
  day: Day | null;
  /** Meeting time of day (`HH:MM`), when given. */
  time?: string;
  /** Contacts: never contacted. */
  never?: boolean;
  /** Contacts: the last contact day. */
  lastContacted?: Day | null;
  /** Contacts: the cadence applied (days), and whether it is the default. */
  cadenceDays?: number;
  defaultCadence?: boolean;
  /** Sponsors: stage; meetings: type. */
  stage?: string;
  meetingType?: string;
  /** Meetings: whether this member is the owner or an attendee. Ledger: handler or treasurer. */
  as?: 'owner' | 'attendee' | 'handler' | 'treasurer';
  /** Report items: a visit still Planned after its day (not yet reported or cancelled). */
  overdue?: boolean;
  /** Records without an active owner: the Owner cell; `more`: how many others are not listed. */
  formerOwner?: string;
  more?: number;
  /** Greetings: the holiday's name. */
  holiday?: string;
  /** Greetings: the message ready to send, when filled (domain/partners/greetings.ts). */
  message?: string;
  /** Ledger: amount and type. */
  amount?: number | null;
  entryType?: string;
  /** Lent goods: how many (Quantity). */
  quantity?: number | null;
  /** A problem found in the record that the member should fix (e.g. a date that isn't one). */
  problem?: string;
}

export interface MemberInfo {
  email: string;
  name: string;
  role: string;
  active: boolean;
  /** 1-based row in Members (order of listing). */
  row: number;
  language: Language;
}

export interface MemberDigestPlan {
  member: MemberInfo;
  items: DueItem[];
}

export interface IdleMember {
  member: MemberInfo;
  reason: 'inactive' | 'nothing due';
}

export interface ReminderPlan {
  today: Day;
  /** Members with something due, in Members order. */
  digests: MemberDigestPlan[];
  /** Members who get no email, and why. */
  idle: IdleMember[];
}

export interface PlanInput {
  today: Day;
  settings: Pick<Settings, 'defaultCadenceDays' | 'holidays' | 'language'>;
  members: readonly SheetRecord[];
  contacts: readonly SheetRecord[];
  sponsors: readonly SheetRecord[];
  meetings: readonly SheetRecord[];
  events: readonly SheetRecord[];
  ledger: readonly SheetRecord[];
  /** Benefits rows (issue 13); absent before Set up creates the sheet. */
  benefits?: readonly SheetRecord[];
  /** Per-member language override by (lower-case) email, e.g. from a Members "Language" column. */
  languageByEmail?: ReadonlyMap<string, Language>;
  /** Who was greeted for which holiday (the `_Greetings` log), when it exists. */
  greeted?: GreetedLog;
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());
const email = (v: unknown): string => str(v).toLowerCase();
const day = (v: unknown): Day | null => {
  const s = str(v);
  return s.length >= 10 ? s.slice(0, 10) : null;
};
const problemOf = (rec: SheetRecord, header: string): string | undefined =>
  rec.problems.find((p) => p.startsWith(`${header}:`));

/** Parses a language setting or cell: `zh`, `zh-CN`, `中文` → zh; `en…` → en; else null. */
export function parseLanguage(v: unknown): Language | null {
  const s = str(v).toLowerCase();
  if (!s) return null;
  if (/^zh/.test(s) || s === '中文' || s === 'chinese') return 'zh';
  if (/^en/.test(s) || s === 'english' || s === '英文') return 'en';
  return null;
}

/** Members by email (first row wins; emails are compared lower-case). */
export function memberIndex(
  members: readonly SheetRecord[],
  defaultLanguage: Language,
  languageByEmail?: ReadonlyMap<string, Language>,
): Map<string, MemberInfo> {
  const out = new Map<string, MemberInfo>();
  for (const r of members) {
    const e = email(r.data.email);
    if (!e || out.has(e)) continue;
    out.set(e, {
      email: e,
      name: str(r.data.name) || e,
      role: str(r.data.role) || 'Officer',
      active: r.data.active === true,
      row: r.row,
      language: languageByEmail?.get(e) ?? defaultLanguage,
    });
  }
  return out;
}

/** The role part of `sendOrder`: Minister and Treasurer, then Vice Minister, then others. */
export function rolePriority(role: string): number {
  switch (role) {
    case 'Minister':
    case 'Treasurer':
      return 0;
    case 'Vice Minister':
      return 1;
    default:
      return 2;
  }
}

/**
 * Who is mailed first when the runner's mail quota is short: members deferred by an earlier
 * run and not mailed since (the longest-waiting first, so nobody waits for ever), then by
 * role (`rolePriority`: the Minister and the Treasurer, the Vice Minister, officers), then
 * by Members row. `deferredSince`: (lower-case) email → the day first deferred (YYYY-MM-DD).
 * Returns a new array in that order; ties keep their order in `todo`.
 */
export function sendOrder<T extends { member: Pick<MemberInfo, 'email' | 'role' | 'row'> }>(
  todo: readonly T[],
  deferredSince: ReadonlyMap<string, string>,
): T[] {
  const rank = (d: T) => (deferredSince.has(d.member.email) ? 0 : 1 + rolePriority(d.member.role));
  const since = (d: T) => deferredSince.get(d.member.email) ?? '';
  return [...todo].sort(
    (a, b) => rank(a) - rank(b) || since(a).localeCompare(since(b)) || a.member.row - b.member.row,
  );
}

export function planReminders(all: PlanInput): ReminderPlan {
  // Archived contacts and events are history: they leave the reminders.
  const live = (rs: readonly SheetRecord[]) => rs.filter((r) => !r.data.archived);
  const input: PlanInput = { ...all, contacts: live(all.contacts), events: live(all.events) };
  const { today, settings } = input;
  const tomorrow = addDays(today, 1);
  const members = memberIndex(input.members, settings.language, input.languageByEmail);
  const items = new Map<string, DueItem[]>();
  // One item per record, kind and member (an owner who also attends is told once): a Set of
  // keys per member keeps `add` constant-time (a Treasurer can be owed 40,000 ledger items).
  const seen = new Map<string, Set<string>>();
  const add = (to: string, item: DueItem) => {
    const m = members.get(to);
    if (!m?.active) return;
    let keys = seen.get(to);
    if (!keys) seen.set(to, (keys = new Set()));
    const key = `${item.kind}|${item.table}|${item.row}`;
    if (keys.has(key)) return;
    keys.add(key);
    let list = items.get(to);
    if (!list) items.set(to, (list = []));
    list.push(item);
  };

  // Contacts due for a keep-in-touch.
  for (const c of input.contacts) {
    const owner = email(c.data.owner);
    if (!owner) continue;
    const cadenceCell = c.data.cadenceDays;
    const defaultCadence = typeof cadenceCell !== 'number' || !(cadenceCell > 0);
    const cadence = defaultCadence ? settings.defaultCadenceDays : Math.round(cadenceCell as number);
    const last = day(c.data.lastContacted);
    const problem = problemOf(c, 'Last Contacted');
    const base: DueItem = {
      kind: 'contact',
      table: 'Contacts',
      row: c.row,
      id: str(c.data.id),
      name: str(c.data.name) || str(c.data.id),
      organization: str(c.data.organization) || undefined,
      day: null,
      lastContacted: last,
      cadenceDays: cadence,
      defaultCadence,
    };
    if (!last) {
      add(owner, { ...base, never: !problem, problem });
      continue;
    }
    const due = addDays(last, cadence);
    if (due <= today) add(owner, { ...base, day: due });
  }

  // Sponsors whose follow-up day has come.
  for (const s of input.sponsors) {
    const owner = email(s.data.owner);
    const next = day(s.data.nextFollowUp);
    const stage = str(s.data.stage);
    if (!owner || !next || next > today || CLOSED_SPONSOR_STAGES.includes(stage)) continue;
    add(owner, {
      kind: 'sponsor',
      table: 'Sponsors',
      row: s.row,
      id: str(s.data.id),
      name: str(s.data.organization) || str(s.data.id),
      day: next,
      stage: stage || undefined,
    });
  }

  // Meetings: planned for today or tomorrow; visit reports owed.
  for (const m of input.meetings) {
    const status = str(m.data.status);
    const type = str(m.data.type);
    const when = dayPart(m.data.date ?? null);
    const time =
      typeof m.data.date === 'string' && m.data.date.length > 10 ? m.data.date.slice(11) : undefined;
    const base = {
      table: 'Meetings' as const,
      row: m.row,
      id: str(m.data.id),
      name: str(m.data.title) || str(m.data.id),
      day: when,
      time,
      meetingType: type || undefined,
    };
    const owner = email(m.data.owner);
    if (status === 'Planned' && when && (when === today || when === tomorrow)) {
      if (owner) add(owner, { ...base, kind: 'meeting', as: 'owner' });
      const attendees = Array.isArray(m.data.attendees) ? m.data.attendees : [];
      for (const a of attendees) {
        const e = email(a);
        if (e && e !== owner) add(e, { ...base, kind: 'meeting', as: 'attendee' });
      }
    }
    if (status === 'Done' && type !== 'Department Meeting' && !str(m.data.outcome) && owner) {
      add(owner, { ...base, kind: 'report' });
    }
    // A visit still Planned after its day: chased until it is reported (Done) or Cancelled.
    if (status === 'Planned' && type !== 'Department Meeting' && when && when < today && owner) {
      add(owner, { ...base, kind: 'report', overdue: true });
    }
  }

  // Events that received money or goods and whose sponsors have not had feedback.
  const eventsWithIncome = new Set<string>();
  for (const l of input.ledger) {
    const t = str(l.data.type);
    const ev = str(l.data.eventId).toUpperCase();
    if (ev && (t === 'Income' || t === 'In-kind')) eventsWithIncome.add(ev);
  }
  for (const ev of input.events) {
    const id = str(ev.data.id).toUpperCase();
    const lead = email(ev.data.lead);
    if (str(ev.data.status) !== 'Done' || !lead || !id || !eventsWithIncome.has(id)) continue;
    // Any text typed in Feedback Sent (even one that isn't a date) means it was given.
    if (str(ev.data.feedbackSent) || problemOf(ev, 'Feedback Sent')) continue;
    add(lead, {
      kind: 'feedback',
      table: 'Events',
      row: ev.row,
      id,
      name: str(ev.data.name) || id,
      day: day(ev.data.date),
    });
  }

  // Holiday greetings: holidays from today to 3 days ahead.
  const last = addDays(today, GREETING_DAYS_AHEAD);
  const holidays = settings.holidays
    .filter((h) => h.day >= today && h.day <= last)
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  if (holidays.length) {
    for (const c of input.contacts) {
      const owner = email(c.data.owner);
      if (!owner || c.data.greetings !== true) continue;
      for (const h of holidays) {
        if (greetedFor(c, h.day, input.greeted)) continue; // marked sent: not named again
        add(owner, {
          kind: 'greeting',
          table: 'Contacts',
          row: c.row,
          id: str(c.data.id),
          name: str(c.data.name) || str(c.data.id),
          organization: str(c.data.organization) || undefined,
          day: h.day,
          holiday: h.name,
        });
      }
    }
  }

  // Ledger entries pending for 14 days or more: to the handler and every Treasurer.
  const treasurers = [...members.values()].filter((m) => m.active && m.role === 'Treasurer');
  for (const l of input.ledger) {
    if (str(l.data.status) !== 'Pending') continue;
    const d = day(l.data.date);
    if (!d || daysBetween(d, today) < PENDING_LEDGER_DAYS) continue;
    const base = {
      kind: 'ledger' as const,
      table: 'Ledger' as const,
      row: l.row,
      id: str(l.data.id),
      name: str(l.data.description) || str(l.data.id),
      day: d,
      amount: typeof l.data.amount === 'number' ? l.data.amount : null,
      entryType: str(l.data.type) || undefined,
    };
    const handler = email(l.data.handledBy);
    if (handler) add(handler, { ...base, as: 'handler' });
    for (const t of treasurers) if (t.email !== handler) add(t.email, { ...base, as: 'treasurer' });
  }
  // Partners: promised benefits due or overdue, lent goods not returned (src/domain/partners).
  const partners = { today, benefits: input.benefits ?? [], ledger: input.ledger, sponsors: input.sponsors };
  for (const p of partnerItems({ ...partners, treasurers: treasurers.map((t) => t.email) }))
    add(p.to, p.item);

  // Contacts and sponsors with no active owner: named in every active Minister's digest.
  const active = new Set([...members.values()].filter((m) => m.active).map((m) => m.email));
  const orphans = findOrphans({ contacts: input.contacts, sponsors: input.sponsors, activeEmails: active });
  if (orphans.length) {
    for (const m of members.values()) {
      if (!m.active || m.role !== 'Minister') continue;
      orphans.slice(0, ORPHANS_LISTED).forEach((o, i) => {
        add(m.email, {
          kind: 'orphan',
          table: o.table,
          row: o.row,
          id: o.id,
          name: o.name || o.id,
          day: null,
          formerOwner: o.owner,
          more: i === ORPHANS_LISTED - 1 ? orphans.length - ORPHANS_LISTED : 0,
        });
      });
    }
  }

  const digests: MemberDigestPlan[] = [];
  const idle: IdleMember[] = [];
  const ordered = [...members.values()].sort((a, b) => a.row - b.row);
  for (const m of ordered) {
    if (!m.active) {
      idle.push({ member: m, reason: 'inactive' });
      continue;
    }
    const list = items.get(m.email);
    if (!list || list.length === 0) {
      idle.push({ member: m, reason: 'nothing due' });
      continue;
    }
    list.sort(compareItems);
    digests.push({ member: m, items: list });
  }
  return { today, digests, idle };
}

const KIND_RANK = new Map(REMINDER_KINDS.map((k, i) => [k, i]));

function compareItems(a: DueItem, b: DueItem): number {
  const k = KIND_RANK.get(a.kind)! - KIND_RANK.get(b.kind)!;
  if (k) return k;
  // Oldest first (never-contacted contacts first of all); then by sheet row.
  const da = a.day ?? '';
  const db = b.day ?? '';
  if (da !== db) return da < db ? -1 : 1;
  if ((a.time ?? '') !== (b.time ?? '')) return (a.time ?? '') < (b.time ?? '') ? -1 : 1;
  return a.row - b.row;
}
