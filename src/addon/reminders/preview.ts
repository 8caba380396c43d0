/**
 * The reminder preview: the digests every member would get on a day (default: tomorrow),
 * without sending or writing anything — the API of the Reminders sidebar, and opening it.
 */
import { addDays, cellToDay, type Day } from '../../domain/dates';
import { type DigestView, digestView } from '../../domain/digest';
import { type Lang, type MessageKey, msg, templates, valueName } from '../../domain/i18n';
import { AddonContext } from '../context';
import { REMINDER_LOG_SHEET, readLog } from './log';
import { loadPlan } from './plan';
import { reminderOwner } from './trigger';

export const REMINDERS_SIDEBAR_FILE = 'Reminders';

export interface PreviewResponse {
  day: Day;
  today: Day;
  owner: { email: string; hour: number; timeZone: string } | null;
  reminderHour: number;
  timeZone: string;
  /** The user's language, and the sidebar's words in it (`preview.ui.*`). */
  lang: Lang;
  text: Record<string, string>;
  digests: (DigestView & { role: string; mailedToday: boolean })[];
  idle: { email: string; name: string; reason: string }[];
}

/** The digests every member would get on `day` (default: tomorrow), without sending anything. */
export function previewReminders(dayArg?: unknown): PreviewResponse {
  const ctx = new AddonContext();
  const lang = ctx.userLanguage();
  const today = ctx.today();
  let day = addDays(today, 1);
  if (dayArg !== undefined && dayArg !== null && String(dayArg).trim() !== '') {
    const d = cellToDay(String(dayArg), ctx.timeZone);
    if (!d) throw new Error(msg(lang, 'preview.ui.notDate', { value: String(dayArg) }));
    day = d;
  }
  const { plan, digestCtx } = loadPlan(ctx, day);
  // Read-only: the log is only read when it exists (the preview writes nothing).
  const sentToday =
    day === today && ctx.ss.getSheetByName(REMINDER_LOG_SHEET)
      ? readLog(ctx.ss, day, ctx.timeZone).sentToday
      : new Set<string>();
  const owner = reminderOwner();
  return {
    day,
    today,
    owner: owner ? { email: owner.email, hour: owner.hour, timeZone: owner.timeZone } : null,
    reminderHour: ctx.settings().reminderHour,
    timeZone: ctx.timeZone,
    lang,
    text: templates(lang, 'preview.ui.'),
    digests: plan.digests.map((d) => ({
      ...digestView(d, digestCtx),
      role: valueName(lang, d.member.role),
      mailedToday: sentToday.has(d.member.email),
    })),
    idle: plan.idle.map((i) => ({
      email: i.member.email,
      name: i.member.name,
      reason: msg(
        lang,
        `remind.reason.${i.reason === 'inactive' ? 'inactive member' : 'nothing due'}` as MessageKey,
      ),
    })),
  };
}

export function openRemindersSidebar(): void {
  const lang = new AddonContext().userLanguage();
  const html = HtmlService.createHtmlOutputFromFile(REMINDERS_SIDEBAR_FILE).setTitle(
    `Outreach Desk · ${msg(lang, 'preview.ui.title')}`,
  );
  SpreadsheetApp.getUi().showSidebar(html);
}
