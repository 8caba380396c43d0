/**
 * Reminders, one job a file (src/addon/reminders/): the job (job.ts), what is due on a day
 * (plan.ts), the `_Reminders` log (log.ts), the daily trigger and take-over (trigger.ts),
 * the preview sidebar's API (preview.ts), the menu items and entry points (menu.ts). The
 * send-order policy is a decision and lives in src/domain/reminders.ts (`sendOrder`).
 * This file only gathers their exports, so importers keep one path.
 */
export { type MemberLine, type RunSummary, runReminders, type SkippedLine } from './reminders/job';
export {
  REMINDER_LOG,
  REMINDER_LOG_SHEET,
  STATUS_DEFERRED,
  STATUS_NOT_SENT,
  STATUS_SENDING,
  STATUS_SENT,
} from './reminders/log';
export {
  menuInstallReminders,
  menuPreviewReminders,
  menuSendRemindersNow,
  remindersDaily,
  remindersPreview,
  summaryText,
} from './reminders/menu';
export {
  openRemindersSidebar,
  type PreviewResponse,
  previewReminders,
  REMINDERS_SIDEBAR_FILE,
} from './reminders/preview';
export {
  type InstallResult,
  installReminders,
  REMINDER_HANDLER,
  type ReminderOwner,
  RUN_BY_SETTING,
  reminderOwner,
  remindersFromTrigger,
  type TriggerEvent,
} from './reminders/trigger';
