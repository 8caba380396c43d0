/**
 * The follow-up run of a reminder job that stopped before Google's 6-minute execution
 * limit (job.ts, STOP_AFTER_MS): a one-off time-driven trigger a minute later
 * (`ClockTriggerBuilder.after`,
 * developers.google.com/apps-script/reference/script/clock-trigger-builder#afterdurationmilliseconds)
 * runs the same job, as the same member, on the same workbook. The job reads the
 * `_Reminders` log first, so everyone mailed before is skipped and the follow-up mails only
 * who was left; if it too runs short of time it schedules the next one. Each follow-up
 * trigger deletes itself when its run ends, whatever happened in it (resume.ts runs it).
 */
export const RESUME_HANDLER = 'remindersResume';
/** How long after a stopped run its follow-up starts. */
export const RESUME_AFTER_MS = 60_000;
/** User property: JSON map of this user's pending follow-up trigger ids → spreadsheet id. */
const PROP_RESUMES = 'od.reminders.resumes';

function resumeMap(): { props: GoogleAppsScript.Properties.Properties; map: Record<string, string> } {
  const props = PropertiesService.getUserProperties();
  let map: Record<string, string> = {};
  try {
    map = JSON.parse(props.getProperty(PROP_RESUMES) ?? '{}') as Record<string, string>;
  } catch {
    map = {};
  }
  return { props, map };
}

/**
 * Schedules the follow-up run for this workbook, unless one is already pending (then it
 * is left to run: one follow-up at a time). Returns the pending trigger's id.
 */
export function scheduleResume(ssId: string, exceptUid = ''): string {
  const { props, map } = resumeMap();
  const live = new Set(ScriptApp.getProjectTriggers().map((t) => t.getUniqueId()));
  for (const [uid, doc] of Object.entries(map)) {
    if (!live.has(uid)) delete map[uid];
    else if (doc === ssId && uid !== exceptUid) return uid;
  }
  const trigger = ScriptApp.newTrigger(RESUME_HANDLER).timeBased().after(RESUME_AFTER_MS).create();
  const uid = trigger.getUniqueId();
  map[uid] = ssId;
  props.setProperty(PROP_RESUMES, JSON.stringify(map));
  return uid;
}

export function deleteResumeTrigger(uid: string): void {
  if (!uid) return;
  for (const t of ScriptApp.getProjectTriggers()) if (t.getUniqueId() === uid) ScriptApp.deleteTrigger(t);
  const { props, map } = resumeMap();
  if (map[uid] !== undefined) {
    delete map[uid];
    props.setProperty(PROP_RESUMES, JSON.stringify(map));
  }
}

/** The workbook recorded for a follow-up trigger ('' when none). */
export function resumeWorkbook(uid: string): string {
  return resumeMap().map[uid] ?? '';
}
