/**
 * Reminder digests: one email per member, items grouped by kind, each with the record's
 * name and a link to its row. Plain-text and HTML bodies (HTML fully escaped), subject
 * with the count, in the member's language, sender name = the Department setting.
 * Pure functions; the message catalog (English, Simplified Chinese) is kept here.
 */
import { type Day, daysBetween } from './dates';
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

interface Catalog {
  subject(n: number, today: Day): string;
  greeting(name: string): string;
  intro(n: number, today: Day): string;
  footer(department: string): string;
  open: string;
  group: Record<ReminderKind, string>;
  contactNever: string;
  contactDue(last: Day, due: Day, cadence: number, isDefault: boolean, late: number): string;
  contactProblem(problem: string): string;
  sponsorDue(due: Day, stage: string | undefined, late: number): string;
  meetingWhen(
    isToday: boolean,
    time: string | undefined,
    type: string | undefined,
    asAttendee: boolean,
  ): string;
  report(day: Day | null, type: string | undefined): string;
  feedback(day: Day | null): string;
  greetingFor(holiday: string, day: Day, inDays: number): string;
  ledger(amount: string, day: Day, age: number, asTreasurer: boolean): string;
}

const EN: Catalog = {
  subject: (n, today) => `Outreach reminders for ${today}: ${n} ${n === 1 ? 'item' : 'items'} due`,
  greeting: (name) => `Hello ${name},`,
  intro: (n, today) =>
    `Here ${n === 1 ? 'is the 1 item' : `are the ${n} items`} due for you on ${today}. Each link opens the record's row in the outreach workbook.`,
  footer: (d) =>
    `— ${d}\nYou get this daily digest because these records name you in the outreach workbook. Update the row (e.g. Last Contacted, Next Follow-up, Outcome) and the reminder stops.`,
  open: 'Open',
  group: {
    meeting: 'Meetings and visits today and tomorrow',
    report: 'Visit reports to write (Outcome is empty)',
    contact: 'Contacts to get in touch with',
    sponsor: 'Sponsors to follow up',
    feedback: 'Sponsors to give feedback after events',
    greeting: 'Holiday greetings to send',
    ledger: 'Ledger entries pending 14 days or more',
  },
  contactNever: 'never contacted',
  contactDue: (last, due, cadence, isDefault, late) =>
    `last contacted ${last}, every ${cadence} days${isDefault ? ' (default)' : ''}: due ${late === 0 ? 'today' : `since ${due} (${late} ${late === 1 ? 'day' : 'days'} ago)`}`,
  contactProblem: (p) => `check the row: ${p}`,
  sponsorDue: (due, stage, late) =>
    `follow-up ${late === 0 ? 'due today' : `was due ${due}`}${stage ? ` · stage ${stage}` : ''}`,
  meetingWhen: (isToday, time, type, asAttendee) =>
    `${isToday ? 'today' : 'tomorrow'}${time ? ` at ${time}` : ''}${type ? ` · ${type}` : ''}${asAttendee ? ' · you attend' : ' · you organise'}`,
  report: (day, type) => `${type ?? 'meeting'} held${day ? ` ${day}` : ''}: write the Outcome`,
  feedback: (day) =>
    `event held${day ? ` ${day}` : ''} with sponsorship received: send feedback, then fill Feedback Sent`,
  greetingFor: (holiday, day, inDays) =>
    `${holiday} ${inDays === 0 ? 'is today' : `on ${day} (in ${inDays} ${inDays === 1 ? 'day' : 'days'})`}`,
  ledger: (amount, day, age, asTreasurer) =>
    `${amount}, dated ${day}, pending for ${age} days${asTreasurer ? ' · to settle as Treasurer' : ''}`,
};

const ZH: Catalog = {
  subject: (n, today) => `外联提醒（${today}）：${n} 项待办`,
  greeting: (name) => `${name}，你好：`,
  intro: (n, today) => `以下是你在 ${today} 的 ${n} 项待办事项。每个链接都会打开外联工作簿中对应的行。`,
  footer: (d) =>
    `—— ${d}\n你收到这封每日提醒，是因为外联工作簿中的这些记录与你有关。更新对应的行（如“Last Contacted”“Next Follow-up”“Outcome”）后提醒即会停止。`,
  open: '打开',
  group: {
    meeting: '今明两天的会议与拜访',
    report: '待写的拜访报告（Outcome 为空）',
    contact: '该联系的联系人',
    sponsor: '待跟进的赞助商',
    feedback: '活动结束后待向赞助商反馈',
    greeting: '待发送的节日问候',
    ledger: '待结算超过 14 天的账目',
  },
  contactNever: '从未联系',
  contactDue: (last, due, cadence, isDefault, late) =>
    `上次联系 ${last}，每 ${cadence} 天${isDefault ? '（默认）' : ''}：${late === 0 ? '今天到期' : `自 ${due} 起到期（已过 ${late} 天）`}`,
  contactProblem: (p) => `请检查该行：${p}`,
  sponsorDue: (due, stage, late) =>
    `${late === 0 ? '今天应跟进' : `应于 ${due} 跟进`}${stage ? ` · 阶段 ${stage}` : ''}`,
  meetingWhen: (isToday, time, type, asAttendee) =>
    `${isToday ? '今天' : '明天'}${time ? ` ${time}` : ''}${type ? ` · ${type}` : ''}${asAttendee ? ' · 你参加' : ' · 你负责组织'}`,
  report: (day, type) => `${type ?? '会议'}${day ? `已于 ${day} 举行` : '已举行'}：请填写 Outcome`,
  feedback: (day) =>
    `活动${day ? `已于 ${day} 举行` : '已举行'}并收到赞助：请向赞助商反馈，然后填写 Feedback Sent`,
  greetingFor: (holiday, day, inDays) =>
    `${holiday}${inDays === 0 ? '就在今天' : `在 ${day}（还有 ${inDays} 天）`}`,
  ledger: (amount, day, age, asTreasurer) =>
    `${amount}，日期 ${day}，已待结算 ${age} 天${asTreasurer ? ' · 财务需跟进' : ''}`,
};

export const DIGEST_CATALOGS: Readonly<Record<Language, Catalog>> = { en: EN, zh: ZH };

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

function itemDetail(item: DueItem, c: Catalog, ctx: DigestContext, lang: Language): string {
  const today = ctx.today;
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
      return c.sponsorDue(item.day ?? today, item.stage, item.day ? daysBetween(item.day, today) : 0);
    case 'meeting':
      return c.meetingWhen(item.day === today, item.time, item.meetingType, item.as === 'attendee');
    case 'report':
      return c.report(item.day, item.meetingType);
    case 'feedback':
      return c.feedback(item.day);
    case 'greeting':
      return c.greetingFor(
        item.holiday ?? '',
        item.day ?? today,
        item.day ? daysBetween(today, item.day) : 0,
      );
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
