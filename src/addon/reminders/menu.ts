/**
 * The reminder menu items and entry points (exported from main.ts): Send reminders now with
 * its summary alert, Install reminders with its alert, Preview tomorrow's reminders, the
 * daily trigger's handler and the preview sidebar's google.script.run target.
 */

import { type Lang, MESSAGES, messages, msg } from '../../domain/i18n';
import type { RemindersSidebarApi } from '../api';
import { AddonContext } from '../context';
import { menuAllowed } from '../roles';
import { type MemberLine, type RunSummary, runReminders } from './job';
import { openRemindersSidebar, type PreviewResponse, previewReminders } from './preview';
import {
  hh,
  type InstallResult,
  installReminders,
  RUN_BY_SETTING,
  reminderOwner,
  remindersFromTrigger,
  type TriggerEvent,
} from './trigger';

/** Text of the Send reminders now summary. */
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
  if (s.failed.length)
    lines.push(t('remind.failed', { list: s.failed.map((f) => `${f.email}: ${f.reason}`).join('; ') }));
  const groups = new Map<string, string[]>();
  for (const k of s.skipped) {
    const list = groups.get(k.reason) ?? [];
    list.push(k.name);
    groups.set(k.reason, list);
  }
  // A reason without a catalog entry is shown as it is.
  const reasons: Readonly<Record<string, string | undefined>> = MESSAGES[lang];
  const reasonText = (r: string) => reasons[`remind.reason.${r}`] ?? r;
  for (const [reason, names] of groups)
    lines.push(t('remind.skipped', { reason: reasonText(reason), list: names.join(', ') }));
  lines.push(t('remind.quota', { runBy: s.runBy, n: s.quotaLeft }));
  return lines.join('\n');
}

/** The language of whoever clicked the menu. */
function clickerLanguage(): Lang {
  try {
    return new AddonContext().languageFor(
      Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail(),
    );
  } catch {
    return 'en';
  }
}

// ---------------------------------------------------------------------------------------
// Entry points (exported from main.ts).

/** Menu: Send reminders now — the same job as the daily trigger, on demand, with a summary. */
export function menuSendRemindersNow(): RunSummary | null {
  if (!menuAllowed('sendReminders')) return null;
  const ui = SpreadsheetApp.getUi();
  const s = runReminders('manual');
  const lang = clickerLanguage();
  ui.alert(msg(lang, 'remind.sendTitle'), summaryText(s, lang), ui.ButtonSet.OK);
  return s;
}

/** Menu: Install reminders — one daily trigger at the Reminder hour, run from your account. */
export function menuInstallReminders(): InstallResult | null {
  if (!menuAllowed('installReminders')) return null;
  const ui = SpreadsheetApp.getUi();
  const t = messages(clickerLanguage());
  // Taking the reminders over from another member is offered and confirmed, never silent:
  // mail would leave from this account and quota from now on.
  const previous = reminderOwner();
  const me = (Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail()).toLowerCase();
  if (previous && previous.email !== me) {
    const answer = ui.alert(
      t('remind.installTitle'),
      t('remind.takeOverAsk', { owner: previous.email }),
      ui.ButtonSet.YES_NO,
    );
    if (String(answer) !== String(ui.Button.YES)) {
      ui.alert(t('remind.installTitle'), t('remind.takeOverNo', { owner: previous.email }), ui.ButtonSet.OK);
      return null;
    }
  }
  const r = installReminders();
  const lines = [t('remind.installed', { hour: hh(r.hour), timeZone: r.timeZone, owner: r.owner })];
  if (r.previousOwner && r.previousOwner !== r.owner)
    lines.push(t('remind.tookOver', { previous: r.previousOwner }));
  else if (r.replaced) lines.push(t('remind.replaced'));
  lines.push(t('remind.runBy', { setting: RUN_BY_SETTING }));
  ui.alert(t('remind.installTitle'), lines.join('\n'), ui.ButtonSet.OK);
  return r;
}

/** Menu: Preview tomorrow's reminders (sidebar). */
export function menuPreviewReminders(): void {
  new AddonContext().sheet('Members'); // fails clearly when the workbook is not set up
  openRemindersSidebar();
}

/** The daily time-driven trigger's handler. */
export function remindersDaily(e?: TriggerEvent): RunSummary {
  return remindersFromTrigger(e);
}

/** google.script.run target of the preview sidebar. */
export function remindersPreview(day?: unknown): PreviewResponse {
  return previewReminders(day);
}

/** The preview sidebar's function, checked against the API its page calls. */
export const REMINDERS_SIDEBAR: RemindersSidebarApi = { remindersPreview };
