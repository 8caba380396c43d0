/**
 * Reminder digests: one email per member, items grouped by kind, each with the record's
 * name and a link to its row. Plain-text and HTML bodies (HTML fully escaped), subject
 * with the count, in the member's language, sender name = the Department setting.
 * Pure functions; the words come from the REMINDER_MESSAGES block of the message catalog
 * (src/domain/i18n.ts, English and Simplified Chinese).
 */
import { type Day, daysBetween } from './dates';
import { REMINDER_MESSAGES, type ReminderCatalog, valueName } from './i18n';
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
}

export interface RenderedItem {
  id: string;
  text: string;
  url: string;
}

export interface RenderedGroup {
  kind: ReminderKind;
  title: string;
  items: RenderedItem[];
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

function itemTitle(item: DueItem): string {
  return item.organization ? `${item.name} (${item.organization})` : item.name;
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
  }
}

export function digestView(plan: MemberDigestPlan, ctx: DigestContext): DigestView {
  const lang = plan.member.language;
  const c = DIGEST_CATALOGS[lang];
  const groups: RenderedGroup[] = [];
  for (const kind of REMINDER_KINDS) {
    const items = plan.items.filter((i) => i.kind === kind);
    if (!items.length) continue;
    groups.push({
      kind,
      title: c.group[kind],
      items: items.map((i) => ({
        id: i.id,
        text: `${itemTitle(i)}${i.id ? ` [${i.id}]` : ''}: ${itemDetail(i, c, ctx, lang)}`,
        url: rowLink(ctx.spreadsheetId, ctx.sheetIds[i.table], i.row),
      })),
    });
  }
  const n = plan.items.length;
  return {
    to: plan.member.email,
    name: plan.member.name,
    language: lang,
    senderName: ctx.department,
    subject: c.subject(n, ctx.today),
    greeting: c.greeting(plan.member.name),
    intro: c.intro(n, ctx.today),
    groups,
    footer: c.footer(ctx.department),
    count: n,
  };
}

export function digestText(v: DigestView): string {
  const lines = [v.greeting, '', v.intro, ''];
  for (const g of v.groups) {
    lines.push(`${g.title} (${g.items.length})`);
    for (const i of g.items) {
      lines.push(`- ${i.text}`);
      lines.push(`  ${i.url}`);
    }
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
  ];
  for (const g of v.groups) {
    parts.push(`<h3 style="font-size:15px;margin:16px 0 6px">${e(g.title)} (${g.items.length})</h3>`, '<ul>');
    for (const i of g.items) {
      parts.push(`<li>${e(i.text)} — <a href="${e(i.url)}">${e(c.open)}</a></li>`);
    }
    parts.push('</ul>');
  }
  const footer = v.footer
    .split('\n')
    .map((l) => e(l))
    .join('<br>');
  parts.push(`<p style="color:#5f6368;font-size:12px">${footer}</p>`, '</div>');
  return parts.join('\n');
}

export function renderDigest(plan: MemberDigestPlan, ctx: DigestContext): DigestEmail {
  const v = digestView(plan, ctx);
  return { to: v.to, subject: v.subject, body: digestText(v), htmlBody: digestHtml(v), name: v.senderName };
}
