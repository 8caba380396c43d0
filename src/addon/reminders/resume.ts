/**
 * The follow-up trigger's handler (`remindersResume`): runs the reminder job that stopped
 * before Google's time limit (followup.ts schedules it) on its workbook, as the member whose
 * run stopped, then deletes its own trigger whatever happened.
 */
import { AddonContext } from '../context';
import { deleteResumeTrigger, resumeWorkbook } from './followup';
import { type RunSummary, runReminders } from './job';

/** What the follow-up trigger runs: the job on its workbook, then the trigger is deleted. */
export function resumeReminders(e?: { triggerUid?: string }): RunSummary {
  const uid = e?.triggerUid ? String(e.triggerUid) : '';
  try {
    const active = SpreadsheetApp.getActiveSpreadsheet();
    const id = active ? active.getId() : resumeWorkbook(uid);
    if (!id) throw new Error('The follow-up reminder run has no record of its workbook: nothing was sent.');
    const ctx = new AddonContext(active ?? SpreadsheetApp.openById(id));
    return runReminders('trigger', ctx, uid);
  } finally {
    deleteResumeTrigger(uid);
  }
}
