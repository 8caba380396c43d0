/**
 * The follow-up trigger's handler (`remindersResume`): runs the reminder job that stopped
 * before Google's time limit (followup.ts schedules it) on its workbook, as the member whose
 * run stopped, then deletes its own trigger whatever happened. A follow-up of the daily run
 * records its outcome in Settings ("Reminders status") and marks the day done once nobody
 * is left (trigger.ts, runDaily).
 */
import { AddonContext } from '../context';
import { deleteResumeTrigger, resumesDaily, resumeWorkbook } from './followup';
import { currentUser, type RunSummary, runReminders } from './job';
import { runDaily } from './trigger';

/** What the follow-up trigger runs: the job on its workbook, then the trigger is deleted. */
export function resumeReminders(e?: { triggerUid?: string }): RunSummary {
  const uid = e?.triggerUid ? String(e.triggerUid) : '';
  try {
    const active = SpreadsheetApp.getActiveSpreadsheet();
    const id = active ? active.getId() : resumeWorkbook(uid);
    if (!id) throw new Error('The follow-up reminder run has no record of its workbook: nothing was sent.');
    const ctx = new AddonContext(active ?? SpreadsheetApp.openById(id));
    // A follow-up of the hourly trigger's daily run reports like it (and is retried the next
    // hour when it fails); one of Send reminders now just mails who is left.
    return resumesDaily(uid) ? runDaily(ctx, currentUser(), uid) : runReminders('manual', ctx, uid);
  } finally {
    deleteResumeTrigger(uid);
  }
}
