/**
 * The kinds of item a reminder digest lists, in the order a digest lists them: declared once
 * for the planner (reminders.ts) and the catalog's group titles (i18n.ts).
 */
export const REMINDER_KINDS = [
  'meeting',
  'report',
  'contact',
  'sponsor',
  'feedback',
  'greeting',
  'ledger',
  'orphan',
  'benefit',
  'loan',
] as const;

export type ReminderKind = (typeof REMINDER_KINDS)[number];
