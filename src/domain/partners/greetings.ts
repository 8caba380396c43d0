/**
 * Holiday greetings ready to send (Partners): for a member, every contact of theirs with
 * Greetings = TRUE, for each Holiday from today to 3 days ahead, with the message filled
 * from the Greeting template in the contact's language (their Contacts `Language`, else
 * the department's). A contact greeted for a holiday (the `_Greetings` log: contact and
 * holiday day, written by Mark sent and Email it) leaves that holiday's list and the digest no
 * longer names it; two holidays a day or two apart are greeted one by one. A contact the log
 * does not know (Last Greeted typed by hand) counts as greeted when Last Greeted is on or
 * after the holiday's window start (the holiday − 3 days).
 */
import { addDays, type Day } from '../dates';
import { festivalNameIn } from '../festivals';
import type { SheetRecord } from '../records';
import type { Holiday } from '../settings';
import { fillTemplate, pickTemplate, type Template } from '../templates';

/** Days before a holiday its greetings are listed (the contract's Reminders rule). */
export const GREETING_WINDOW_DAYS = 3;

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());
export type Language = 'en' | 'zh';
/** A Language cell: `zh…`, `中文` → zh; `en…`, `English` → en; else null (the department's). */
const languageOf = (v: unknown): Language | null => {
  const s = str(v).toLowerCase();
  if (/^zh/.test(s) || s === '中文' || s === 'chinese') return 'zh';
  if (/^en/.test(s) || s === 'english' || s === '英文') return 'en';
  return null;
};

/** The greeting log as read: contact ID (upper case) → the holiday days they were greeted for. */
export type GreetedLog = ReadonlyMap<string, ReadonlySet<Day>>;

/** True when contact `c` needs no greeting for the holiday on `holiday`. */
export function greetedFor(c: SheetRecord, holiday: Day, log?: GreetedLog): boolean {
  const logged = log?.get(str(c.data.id).toUpperCase());
  if (logged) return logged.has(holiday);
  const d = str(c.data.lastGreeted).slice(0, 10);
  return d.length === 10 && d >= addDays(holiday, -GREETING_WINDOW_DAYS);
}

/** Holidays whose greeting window holds `today` (today … today + 3), by day. */
export function holidaysInWindow(holidays: readonly Holiday[], today: Day): Holiday[] {
  const last = addDays(today, GREETING_WINDOW_DAYS);
  return holidays
    .filter((h) => h.day >= today && h.day <= last)
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

export interface Greeting {
  readonly contactId: string;
  /** 1-based Contacts row when read. */
  readonly row: number;
  readonly name: string;
  readonly organization: string;
  readonly email: string;
  readonly holiday: string;
  readonly day: Day;
  readonly language: Language;
  /** Template used (`T-0001`), or '' when there is none of kind Greeting. */
  readonly templateId: string;
  readonly subject: string;
  readonly message: string;
}

export interface GreetingsInput {
  today: Day;
  holidays: readonly Holiday[];
  contacts: readonly SheetRecord[];
  templates: readonly Template[];
  /** The member (lower-case email) whose contacts are listed, and their name for {{Member}}. */
  member: { email: string; name: string };
  department: string;
  /** The department's language (Settings `Language`). */
  language: Language;
  /** Who was greeted for which holiday (the `_Greetings` log), when it exists. */
  greeted?: GreetedLog;
}

/** A short fallback when the workbook has no usable Greeting template. */
const FALLBACK: Record<Language, { subject: string; body: string }> = {
  en: {
    subject: 'Happy {{Holiday}}',
    body: 'Dear {{Name}}, happy {{Holiday}}! — {{Member}}, {{Department}}',
  },
  zh: { subject: '{{Holiday}}快乐', body: '{{Name}}，祝您{{Holiday}}快乐！——{{Department}} {{Member}}' },
};

/**
 * The Contacts fields greetings are made of (greetingsToSend, greetingFor, greetedFor): a
 * list that reads only these columns has all a greeting needs.
 */
export const GREETING_CONTACT_FIELDS: readonly string[] = [
  'id',
  'name',
  'organization',
  'title',
  'email',
  'owner',
  'greetings',
  'archived',
  'lastGreeted',
  'language',
];

/** The greeting for one contact and holiday, filled from the Greeting template in their language. */
export function greetingFor(
  c: SheetRecord,
  h: Holiday,
  ctx: { templates: readonly Template[]; department: string; memberName: string; language: Language },
): Greeting {
  const d = c.data;
  const language = languageOf(d.language) ?? ctx.language;
  const t = pickTemplate(ctx.templates, 'Greeting', language);
  const text = t ?? FALLBACK[language];
  const values = {
    Name: str(d.name),
    Organization: str(d.organization),
    Title: str(d.title),
    Holiday: festivalNameIn(h.name, language), // 春节 in a Chinese message, Spring Festival in English
    Date: h.day,
    Department: ctx.department,
    Member: ctx.memberName,
  };
  return {
    contactId: str(d.id),
    row: c.row,
    name: str(d.name) || str(d.id),
    organization: str(d.organization),
    email: str(d.email),
    holiday: h.name,
    day: h.day,
    language,
    templateId: t?.id ?? '',
    subject: fillTemplate(text.subject, values),
    message: fillTemplate(text.body, values),
  };
}

/**
 * The member's greetings to send today: one per contact and holiday in the window, not yet
 * greeted for it, archived contacts left out; by holiday, then in Contacts order.
 */
export function greetingsToSend(input: GreetingsInput): Greeting[] {
  const out: Greeting[] = [];
  const me = input.member.email.trim().toLowerCase();
  const ctx = { ...input, memberName: input.member.name };
  for (const h of holidaysInWindow(input.holidays, input.today)) {
    for (const c of input.contacts) {
      const d = c.data;
      if (str(d.owner).toLowerCase() !== me || d.greetings !== true || str(d.archived)) continue;
      if (greetedFor(c, h.day, input.greeted)) continue;
      out.push(greetingFor(c, h, ctx));
    }
  }
  return out;
}

/**
 * The digest's greeting lines carry the ready message: each greeting item of the plan gets
 * the message filled for its contact (the member's name from the plan). One pass.
 */
export function attachGreetingMessages(
  digests: readonly {
    member: { name: string };
    items: { kind: string; id: string; day: Day | null; holiday?: string; message?: string }[];
  }[],
  input: {
    contacts: readonly SheetRecord[];
    templates: readonly Template[];
    department: string;
    language: Language;
  },
): void {
  const byId = new Map(input.contacts.map((c) => [str(c.data.id).toUpperCase(), c]));
  for (const d of digests)
    for (const item of d.items) {
      const c = item.kind === 'greeting' && item.day ? byId.get(item.id.toUpperCase()) : undefined;
      if (!c || !item.day) continue;
      try {
        item.message = greetingFor(
          c,
          { day: item.day, name: item.holiday ?? '' },
          { ...input, memberName: d.member.name },
        ).message;
      } catch {
        // a template that cannot be filled: the line points to the sidebar as it is
      }
    }
}
