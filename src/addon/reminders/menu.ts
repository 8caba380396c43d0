/**
 * The reminder menu items and entry points (exported from main.ts): Send reminders now (its
 * confirm dialog and the dialog's server functions: confirm.ts), Install reminders with its
 * alert, Preview tomorrow's reminders, the daily trigger's handler and the preview
 * sidebar's google.script.run target.
 */

import { type Lang, messages } from '../../domain/i18n';
import type { RemindersSidebarApi, SendDialogApi } from '../api';
import { requireConsent } from '../consent';
import { AddonContext } from '../context';
import { menuAllowed } from '../roles';
import {
  confirmReminders,
  openSendDialog,
  type SendConfirmView,
  type SendResult,
  sendFromDialog,
} from './confirm';
import type { RunSummary } from './job';
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

export { summaryText } from './confirm';

/**
 * Menu: Send reminders now — the role check first, then a dialog that shows what would be
 * sent today and sends only when the member presses Send (`remindersSend`).
 */
export function menuSendRemindersNow(): null {
  if (!menuAllowed('sendReminders')) return null;
  requireConsent('sendReminders');
  openSendDialog();
  return null;
}

/** google.script.run target of the Send dialog: what Send would do today, nothing sent. */
export function remindersConfirm(): SendConfirmView {
  return confirmReminders();
}

/** google.script.run target of the Send dialog's Send button: the job, now, and its summary. */
export function remindersSend(token?: string): SendResult {
  return sendFromDialog(token);
}

/** The Send dialog's functions, checked against the API its page calls. */
export const SEND_DIALOG: SendDialogApi = { remindersConfirm, remindersSend };

/** Menu: Install reminders — one hourly trigger that sends once a day from the Reminder hour, from your account. */
export function menuInstallReminders(): InstallResult | null {
  if (!menuAllowed('installReminders')) return null;
  requireConsent('installReminders');
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

/** The hourly time-driven trigger's handler (the name kept from the daily design, so installed triggers still find it). */
export function remindersDaily(e?: TriggerEvent): RunSummary {
  return remindersFromTrigger(e);
}

/** google.script.run target of the preview sidebar. */
export function remindersPreview(day?: unknown): PreviewResponse {
  return previewReminders(day);
}

/** The preview sidebar's function, checked against the API its page calls. */
export const REMINDERS_SIDEBAR: RemindersSidebarApi = { remindersPreview };
