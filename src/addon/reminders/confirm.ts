/**
 * Send reminders now, confirmed first: the menu item opens the `Send` dialog, which shows
 * what a run would do today — how many digests go to whom, who is skipped and why, the
 * runner's mail quota left and who it would not cover — without sending or writing
 * anything (`remindersConfirm`); its Send button runs the reminder job (`remindersSend`,
 * the same `runReminders('manual')` as before) and the dialog shows what it did. Both
 * server functions check the role again: google.script.run can be called without the menu.
 * https://developers.google.com/apps-script/reference/base/ui#showModalDialog(Object,String)
 * https://developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota()
 */
import type { Day } from '../../domain/dates';
import { type Lang, MESSAGES, messages, msg, templates } from '../../domain/i18n';
import { type MemberDigestPlan, sendOrder } from '../../domain/reminders';
import { AddonContext } from '../context';
import { Progress, progressToken } from '../progress';
import { requireRole } from '../roles';
import { currentUser, type MemberLine, type RunSummary, runReminders } from './job';
import { REMINDER_LOG_SHEET, readLog } from './log';
import { loadPlan } from './plan';

export const SEND_DIALOG_FILE = 'Send';

/** Text of the Send reminders now summary, one line a kind of outcome. */
export function summaryText(s: RunSummary, lang: Lang = 'en'): string {
  const t = messages(lang);
  const lines: string[] = [];
  if (s.note) lines.push(s.note);
  const who = (l: MemberLine) => `${l.name} <${l.email}> (${l.items})`;
  lines.push(
    s.sent.length
      ? t(s.sent.length === 1 ? 'remind.sentOne' : 'remind.sent', {
          n: s.sent.length,
          day: s.day,
          list: s.sent.map(who).join(', '),
        })
      : t('remind.noneSent', { day: s.day }),
  );
  if (s.deferred.length)
    lines.push(t('remind.deferred', { runBy: s.runBy, list: s.deferred.map(who).join(', ') }));
  if (s.continued?.length)
    lines.push(
      t(s.resumeId ? 'remind.continued' : 'remind.continuedLater', {
        n: s.continued.length,
        list: s.continued.map(who).join(', '),
      }),
    );
  if (s.failed.length)
    lines.push(t('remind.failed', { list: s.failed.map((f) => `${f.email}: ${f.reason}`).join('; ') }));
  for (const [reason, names] of groupByReason(s.skipped, lang))
    lines.push(t('remind.skipped', { reason, list: names.join(', ') }));
  lines.push(t('remind.quota', { runBy: s.runBy, n: s.quotaLeft }));
  return lines.join('\n');
}

/** A skip reason in `lang`; a reason without a catalog entry is shown as it is. */
function reasonText(reason: string, lang: Lang): string {
  const reasons: Readonly<Record<string, string | undefined>> = MESSAGES[lang];
  return reasons[`remind.reason.${reason}`] ?? reason;
}

function groupByReason(
  skipped: readonly { name: string; reason: string }[],
  lang: Lang,
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const k of skipped) {
    const r = reasonText(k.reason, lang);
    groups.set(r, [...(groups.get(r) ?? []), k.name]);
  }
  return groups;
}

/** What the dialog shows before sending. */
export interface SendConfirmView {
  lang: Lang;
  /** The dialog's templates (`send.ui.*`) in the user's language. */
  text: Record<string, string>;
  day: Day;
  /** Whose account and quota the mail would go from. */
  runBy: string;
  quotaLeft: number;
  /** Who would get a digest, in the order they are mailed; `overQuota`: deferred to the next run. */
  to: { name: string; email: string; items: number; overQuota: boolean }[];
  /** Who gets nothing, by reason (in the user's language). */
  skipped: { reason: string; names: string[] }[];
  skippedCount: number;
}

/** What Send did: the run's summary, and its lines in the user's language. */
export interface SendResult extends RunSummary {
  lines: string[];
}

/**
 * What Send would do today, as the reminder job decides it (the same plan, log and send
 * order), without sending or writing anything: the log is only read when it exists.
 */
export function confirmReminders(): SendConfirmView {
  const ctx = new AddonContext();
  const lang = ctx.userLanguage();
  requireRole(ctx, 'sendReminders', lang);
  const day = ctx.today();
  const { plan } = loadPlan(ctx, day);
  const log = ctx.ss.getSheetByName(REMINDER_LOG_SHEET) ? readLog(ctx.ss, day, ctx.timeZone) : null;
  const skipped: { name: string; reason: string }[] = plan.idle.map((i) => ({
    name: i.member.name,
    reason: i.reason === 'inactive' ? 'inactive member' : 'nothing due',
  }));
  const todo: MemberDigestPlan[] = [];
  for (const d of plan.digests) {
    if (log?.unconfirmed.has(d.member.email))
      skipped.push({
        name: d.member.name,
        reason: 'a run stopped while mailing them today: not mailed again, to never mail twice',
      });
    else if (log?.sentToday.has(d.member.email))
      skipped.push({ name: d.member.name, reason: 'already mailed today' });
    else todo.push(d);
  }
  const quotaLeft = MailApp.getRemainingDailyQuota();
  const to = sendOrder(todo, log?.deferredSince ?? new Map()).map((d, i) => ({
    name: d.member.name,
    email: d.member.email,
    items: d.items.length,
    overQuota: i >= quotaLeft,
  }));
  return {
    lang,
    text: { ...templates(lang, 'send.ui.'), 'remind.sendTitle': msg(lang, 'remind.sendTitle') },
    day,
    runBy: currentUser(),
    quotaLeft: Math.max(0, quotaLeft),
    to,
    skipped: [...groupByReason(skipped, lang)].map(([reason, names]) => ({ reason, names })),
    skippedCount: skipped.length,
  };
}

/** Sends today's digests (the reminder job, from the account of whoever clicks Send). */
export function sendFromDialog(token?: unknown): SendResult {
  const ctx = new AddonContext();
  const lang = ctx.userLanguage();
  requireRole(ctx, 'sendReminders', lang);
  // The dialog asks how far the run is while it waits (each mail, every fifth recorded).
  const id = progressToken(token);
  const p = id
    ? new Progress(lang, 'job.title.send', [msg(lang, 'job.step.read'), msg(lang, 'job.step.mail')], id)
    : null;
  const s = runReminders('manual', ctx, '', (n, total) => {
    if (p && (n % 5 === 0 || n === total)) p.step(1, msg(lang, 'job.ui.of', { n, total }));
  });
  p?.done();
  return { ...s, lines: summaryText(s, lang).split('\n') };
}

/** Opens the confirm dialog (the caller has checked the role). */
export function openSendDialog(): void {
  const ctx = new AddonContext();
  const html = HtmlService.createHtmlOutputFromFile(SEND_DIALOG_FILE).setWidth(520).setHeight(480);
  SpreadsheetApp.getUi().showModalDialog(html, msg(ctx.userLanguage(), 'send.ui.title'));
}
