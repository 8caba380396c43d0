/**
 * Reminder digests: one email per member, items grouped by kind, each with the record's
 * name and a link to its row. Plain-text and HTML bodies (HTML fully escaped), subject
 * with the count, in the member's language, sender name = the Department setting.
 * Pure functions; the words come from the REMINDER_MESSAGES block of the message catalog
 * (src/domain/i18n.ts, English and Simplified Chinese).
 */
import { type Day, daysBetween } from './dates';
import { messages, REMINDER_MESSAGES, type ReminderCatalog, valueName } from './i18n';
import type { DueItem, Language, MemberDigestPlan, ReminderKind } from './reminders';
import { REMINDER_KINDS } from './reminders';
import type { TableName } from './schema';

export interface DigestContext {
  spreadsheetId: string;
  /** Sheet (tab) ids, for the `#gid=` part of the links. */
  sheetIds: Partial<Record<TableName, number>>;
  /** Department setting: the sender name and signature. */
  department: string;
  currency: string;
  today: Day;
  /** A failed reminder run to tell a member about (the reminders' owner), by lower-case email. */
  failures?: Readonly<Record<string, { at: string; error: string; setting: string }>>;
}

export interface RenderedItem {
  id: string;
  text: string;
  url: string;
}

export interface RenderedGroup {
  kind: ReminderKind;
  title: string;
  /** The items listed: the first `cap` of the kind (DIGEST_LIST_CAP). */
  items: RenderedItem[];
  /** How many of the kind are due (items listed plus those only counted). */
  total: number;
  /** When not all are listed: "and 1,240 more — open the Ledger sheet", linking to that sheet. */
  more?: { text: string; url: string };
}

/** A digest laid out but not yet turned into text or HTML (the preview sidebar shows this). */
export interface DigestView {
  to: string;
  name: string;
  language: Language;
  senderName: string;
  subject: string;
  greeting: string;
  intro: string;
  /** Notices before the items (a failed reminder run, for the member who runs reminders). */
  notices: string[];
  groups: RenderedGroup[];
  footer: string;
  count: number;
}

export interface DigestEmail {
  to: string;
  subject: string;
  body: string;
  htmlBody: string;
  /** Sender name (MailApp `name` option). */
  name: string;
}

export const DIGEST_CATALOGS = REMINDER_MESSAGES;

/**
 * How many items of a kind a digest lists; the rest are counted, with a link to their sheet.
 * Google refuses an email body over 200 KB (developers.google.com/apps-script/guides/services/quotas);
 * a digest stays under DIGEST_MAX_BYTES (plain text + HTML, UTF-8): when a long-named list
 * would pass it, the cap is halved until it fits.
 */
export const DIGEST_LIST_CAP = 25;
export const DIGEST_MAX_BYTES = 100_000;
/** A record name longer than this is shortened in a digest (a cell can hold 50,000 characters). */
const NAME_MAX = 200;

/** Link to a sheet (tab): what "open the sheet" in a capped list opens. */
export function sheetLink(spreadsheetId: string, sheetId: number | undefined): string {
  return `https://docs.google.com/spreadsheets/d/${encodeURIComponent(spreadsheetId)}/edit#gid=${sheetId ?? 0}`;
}

/** Link to a record's row: opens the sheet (tab) with the row's first cell selected. */
export function rowLink(spreadsheetId: string, sheetId: number | undefined, row: number): string {
  const id = encodeURIComponent(spreadsheetId);
  const gid = sheetId ?? 0;
  return `https://docs.google.com/spreadsheets/d/${id}/edit#gid=${gid}&range=A${row}`;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export function escapeHtml(s: string): string {
  return String(s).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

function formatAmount(amount: number | null | undefined, currency: string, lang: Language): string {
  if (amount === null || amount === undefined) return lang === 'zh' ? '金额未填' : 'no amount';
  const n = amount.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return `${currency} ${n}`;
}

const clip = (t: string) => (t.length > NAME_MAX ? `${t.slice(0, NAME_MAX - 1)}…` : t);

function itemTitle(item: DueItem): string {
  return item.organization ? `${clip(item.name)} (${clip(item.organization)})` : clip(item.name);
}

function itemDetail(item: DueItem, c: ReminderCatalog, ctx: DigestContext, lang: Language): string {
  const today = ctx.today;
  // Dropdown values (stage, meeting type) in the member's language.
  const v = (x: string | undefined) => (x ? valueName(lang, x) : undefined);
  switch (item.kind) {
    case 'contact':
      if (item.problem) return c.contactProblem(item.problem);
      if (item.never || !item.lastContacted || !item.day) return c.contactNever;
      return c.contactDue(
        item.lastContacted,
        item.day,
        item.cadenceDays ?? 0,
        !!item.defaultCadence,
        daysBetween(item.day, today),
      );
    case 'sponsor':
      return c.sponsorDue(item.day ?? today, v(item.stage), item.day ? daysBetween(item.day, today) : 0);
    case 'meeting':
      return c.meetingWhen(item.day === today, item.time, v(item.meetingType), item.as === 'attendee');
    case 'report':
      return item.overdue
        ? c.visitOverdue(item.day ?? today, v(item.meetingType))
        : c.report(item.day, v(item.meetingType));
    case 'feedback':
      return c.feedback(item.day);
    case 'greeting':
      return `${c.greetingFor(
        item.holiday ?? '',
        item.day ?? today,
        item.day ? daysBetween(today, item.day) : 0,
      )}${item.message ? ` · ${item.message}` : ''}`;
    case 'orphan':
      return c.orphan(item.formerOwner ?? '', item.more ?? 0);
    case 'ledger':
      return c.ledger(
        formatAmount(item.amount, ctx.currency, lang),
        item.day ?? today,
        item.day ? daysBetween(item.day, today) : 0,
        item.as === 'treasurer',
      );
    case 'benefit':
      return c.benefit(item.day ?? today, item.day ? daysBetween(item.day, today) : 0);
    case 'loan':
      return c.loan(
        item.day ?? today,
        item.day ? daysBetween(item.day, today) : 0,
        item.quantity ?? null,
        item.as === 'treasurer',
      );
  }
}

/** A digest laid out, each kind's list capped at `cap` items (the rest counted, with a link). */
export function digestView(plan: MemberDigestPlan, ctx: DigestContext, cap = DIGEST_LIST_CAP): DigestView {
  const lang = plan.member.language;
  const c = DIGEST_CATALOGS[lang];
  const byKind = new Map<ReminderKind, DueItem[]>();
  for (const i of plan.items) {
    let list = byKind.get(i.kind);
    if (!list) byKind.set(i.kind, (list = []));
    list.push(i);
  }
  const groups: RenderedGroup[] = [];
  for (const kind of REMINDER_KINDS) {
    const items = byKind.get(kind);
    if (!items?.length) continue;
    const shown = items.slice(0, cap);
    const group: RenderedGroup = {
      kind,
      title: c.group[kind],
      total: items.length,
      items: shown.map((i) => ({
        id: i.id,
        text: `${itemTitle(i)}${i.id ? ` [${i.id}]` : ''}: ${itemDetail(i, c, ctx, lang)}`,
        url: rowLink(ctx.spreadsheetId, ctx.sheetIds[i.table], i.row),
      })),
    };
    if (items.length > shown.length) {
      const table = items[shown.length]!.table;
      group.more = {
        text: c.more(items.length - shown.length, table),
        url: sheetLink(ctx.spreadsheetId, ctx.sheetIds[table]),
      };
    }
    groups.push(group);
  }
  const n = plan.items.length;
  const failure = ctx.failures?.[plan.member.email.toLowerCase()];
  const notices = failure ? [messages(lang)('remind.runFailedNotice', failure)] : [];
  return {
    to: plan.member.email,
    name: plan.member.name,
    language: lang,
    senderName: ctx.department,
    subject: c.subject(n, ctx.today),
    greeting: c.greeting(plan.member.name),
    intro: c.intro(n, ctx.today),
    notices,
    groups,
    footer: c.footer(ctx.department),
    count: n,
  };
}

export function digestText(v: DigestView): string {
  const lines = [v.greeting, '', v.intro, ''];
  for (const notice of v.notices ?? []) lines.push(notice, '');
  for (const g of v.groups) {
    lines.push(`${g.title} (${g.total})`);
    for (const i of g.items) {
      lines.push(`- ${i.text}`);
      lines.push(`  ${i.url}`);
    }
    if (g.more) lines.push(`- ${g.more.text}`, `  ${g.more.url}`);
    lines.push('');
  }
  lines.push(v.footer);
  return lines.join('\n');
}

export function digestHtml(v: DigestView): string {
  const c = DIGEST_CATALOGS[v.language];
  const e = escapeHtml;
  const parts = [
    `<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.45;color:#202124">`,
    `<p>${e(v.greeting)}</p>`,
    `<p>${e(v.intro)}</p>`,
    ...(v.notices ?? []).map((n) => `<p style="color:#b3261e">${e(n)}</p>`),
  ];
  for (const g of v.groups) {
    parts.push(`<h3 style="font-size:15px;margin:16px 0 6px">${e(g.title)} (${g.total})</h3>`, '<ul>');
    for (const i of g.items) {
      parts.push(`<li>${e(i.text)} — <a href="${e(i.url)}">${e(c.open)}</a></li>`);
    }
    if (g.more) parts.push(`<li><a href="${e(g.more.url)}">${e(g.more.text)}</a></li>`);
    parts.push('</ul>');
  }
  const footer = v.footer
    .split('\n')
    .map((l) => e(l))
    .join('<br>');
  parts.push(`<p style="color:#5f6368;font-size:12px">${footer}</p>`, '</div>');
  return parts.join('\n');
}

/** Bytes of a rendered digest (plain text and HTML, UTF-8): what counts against MailApp's limit. */
export function digestBytes(mail: Pick<DigestEmail, 'subject' | 'body' | 'htmlBody'>): number {
  return utf8Length(mail.subject) + utf8Length(mail.body) + utf8Length(mail.htmlBody);
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4; // a surrogate pair: one 4-byte character
      i++;
    } else n += 3;
  }
  return n;
}

/** The digest email, under DIGEST_MAX_BYTES: each kind's list capped, the cap halved while it is too big. */
export function renderDigest(plan: MemberDigestPlan, ctx: DigestContext): DigestEmail {
  for (let cap = DIGEST_LIST_CAP; ; cap = Math.floor(cap / 2)) {
    const v = digestView(plan, ctx, cap);
    const mail = {
      to: v.to,
      subject: v.subject,
      body: digestText(v),
      htmlBody: digestHtml(v),
      name: v.senderName,
    };
    if (cap <= 1 || digestBytes(mail) <= DIGEST_MAX_BYTES) return mail;
  }
}
