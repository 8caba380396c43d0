/**
 * Entry points of the add-on. Every function exported here becomes a top-level global
 * function of the Apps Script bundle (scripts/build.ts writes one delegating stub per
 * export), so Apps Script can call it from the menu, a trigger or google.script.run.
 */
import { type Lang, messages } from '../domain/i18n';
import type { TableName } from '../domain/schema';
import { AddonContext } from './context';
import { handleEdit } from './edits';
import { buildMenu, EDIT_TABLES, editFunction } from './menu';
import { withProgress } from './progress';
import { menuAllowed } from './roles';
import { setUpWorkbook, setupSteps } from './setup';
import { openRecordSidebar } from './sidebar';

export { menuGenerateReport, menuGenerateRoster } from './documents';
export { sidebarChoices, sidebarShowRow } from './pickers';
export { jobStatus } from './progress';
export { sidebarSearch, sidebarSearchPage } from './search';
export { sidebarArchive, sidebarForm, sidebarGet, sidebarSave } from './sidebar';

type OpenEvent = { authMode?: GoogleAppsScript.Script.AuthMode | string } | undefined;

/** Simple trigger: adds the menu. In AuthMode.NONE only the Ui may be touched. */
export function onOpen(e?: OpenEvent): void {
  buildMenu(SpreadsheetApp.getUi(), runsAsAddon(e), userLocale());
}

/** The user's locale (`zh_CN`), or null where Apps Script does not give it (AuthMode.NONE). */
function userLocale(): string | null {
  try {
    return Session.getActiveUserLocale() || null;
  } catch {
    return null;
  }
}

/**
 * An installed add-on gets the add-on menu (Extensions ▸ Outreach Desk); a script bound to
 * the workbook gets its own named menu. Bound scripts never open in AuthMode.NONE; for the
 * other modes ScriptApp.getInstallationSource() tells an add-on install from a bound script.
 */
function runsAsAddon(e: OpenEvent): boolean {
  if (e?.authMode !== undefined && String(e.authMode) === String(ScriptApp.AuthMode.NONE)) return true;
  try {
    return String(ScriptApp.getInstallationSource()) !== String(ScriptApp.InstallationSource.NONE);
  } catch {
    return false;
  }
}

/** Simple trigger: hand edits of Meetings marked Done update Last Contacted. */
export function onEdit(e?: Parameters<typeof handleEdit>[0]): void {
  handleEdit(e);
}

/** Runs when the add-on is installed from the store or a test deployment. */
export function onInstall(e?: OpenEvent): void {
  onOpen(e);
}

export function menuSetUpWorkbook(): void {
  if (!menuAllowed('setup')) return;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const before = lang(ss);
  const r = withProgress(before, 'job.title.setup', setupSteps(before), (p) =>
    setUpWorkbook(ss, (i) => p.step(i)),
  );
  const t = messages(lang(ss)); // Settings exist now: their Language decides
  const lines: string[] = [];
  if (r.createdSheets.length) lines.push(t('setup.created', { list: r.createdSheets.join(', ') }));
  if (r.addedColumns.length) lines.push(t('setup.added', { list: r.addedColumns.join(', ') }));
  if (r.validationsSet.length) lines.push(t('setup.dropdowns', { n: r.validationsSet.length }));
  if (r.formatted.length) lines.push(t('setup.formats', { n: r.formatted.length }));
  if (r.seededSettings.length) lines.push(t('setup.settings', { list: r.seededSettings.join(', ') }));
  if (r.seededTemplates) lines.push(t('setup.templates', { n: r.seededTemplates }));
  if (r.problems.length) lines.push(t('setup.problems', { list: r.problems.join('\n') }));
  if (r.protections.length) lines.push(t('setup.protections', { list: r.protections.join('\n') }));
  // Only a note on protections (why they wait) and nothing written: nothing was changed.
  if (lines.length === 0 || (r.writes === 0 && lines.length === 1 && r.protections.length))
    lines.unshift(t('setup.nothing'));
  SpreadsheetApp.getUi().alert(t('setup.title'), lines.join('\n'), SpreadsheetApp.getUi().ButtonSet.OK);
}

/** The department's language from Settings; English when there is no Settings sheet yet. */
function lang(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Lang {
  try {
    return new AddonContext(ss).settings().language;
  } catch {
    return 'en';
  }
}

const edit = (t: TableName) => () => {
  new AddonContext().sheet(t); // fails clearly when the sheet is missing
  openRecordSidebar(t);
};
/**
 * The "Add or edit …" entry points, one per table of EDIT_TABLES (menuEditSponsors, …):
 * the build writes a top-level function for each, as for the named exports.
 */
export const __editors: Readonly<Record<string, () => void>> = Object.fromEntries(
  EDIT_TABLES.map((t) => [editFunction(t), edit(t)]),
);

// Partners (issue 13): the record sidebar's partner panel, and Generate sponsor feedback.
export { feedbackConfirm, feedbackDialog, feedbackMake, menuGenerateFeedback } from './feedback';
export { MENU_ITEMS as __menuItems, TRIGGER_FUNCTIONS as __triggerFunctions } from './menu';
export { partnerBenefitDone, partnerReturned, partnerSponsor } from './partners';
// Partners: greetings ready to send (menu item and the Greetings sidebar's API).
export { greetingsEmail, greetingsList, greetingsMarkSent, menuGreetings } from './partners/greetings';
export { templatePreviewData } from './partners/templates';
// Reminders (issue 4): menu items, the daily trigger's handler, the preview sidebar's API.
export {
  menuInstallReminders,
  menuPreviewReminders,
  menuSendRemindersNow,
  remindersDaily,
  remindersPreview,
} from './reminders';
// Send reminders now: the confirm dialog's google.script.run targets.
export { remindersConfirm, remindersSend } from './reminders/menu';
// The follow-up of a reminder run that stopped before the 6-minute limit (a one-off trigger).
export { resumeReminders as remindersResume } from './reminders/resume';

// Start new term (hand-over): the menu item and the dialog's google.script.run targets.
export { menuStartNewTerm, termDialog, termPlan, termRun } from './term';
