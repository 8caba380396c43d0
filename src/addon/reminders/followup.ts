/**
 * The follow-up run of a reminder job that stopped before Google's 6-minute execution
 * limit (job.ts, STOP_AFTER_MS): a one-off time-driven trigger a minute later
 * (`ClockTriggerBuilder.after`,
 * developers.google.com/apps-script/reference/script/clock-trigger-builder#afterdurationmilliseconds)
 * runs the same job, as the same member, on the same workbook. The job reads the
 * `_Reminders` log first, so everyone mailed before is skipped and the follow-up mails only
 * who was left; if it too runs short of time it schedules the next one. Each follow-up
 * trigger deletes itself when its run ends, whatever happened in it (resume.ts runs it).
 * A follow-up of the hourly trigger's daily run is marked `|daily`: it reports in Settings
 * like that run, and the hourly trigger waits while it is pending (trigger.ts).
 */
export const RESUME_HANDLER = 'remindersResume';
/** How long after a stopped run its follow-up starts. */
export const RESUME_AFTER_MS = 60_000;
/**
 * User property: JSON map of this user's pending follow-up trigger ids → spreadsheet id,
 * followed by `|daily` when it continues the hourly trigger's daily run.
 */
const PROP_RESUMES = 'od.reminders.resumes';
const DAILY = '|daily';
const docOf = (entry: string | undefined) => entry?.split('|')[0];

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

/** This user's follow-up pending for the workbook `ssId`, other than `exceptUid` ('' when none). */
function pendingIn(map: Record<string, string>, ssId: string, exceptUid: string): string {
  const live = new Set(ScriptApp.getProjectTriggers().map((t) => t.getUniqueId()));
  let found = '';
  for (const [uid, entry] of Object.entries(map)) {
    if (!live.has(uid)) delete map[uid];
    else if (!found && docOf(entry) === ssId && uid !== exceptUid) found = uid;
  }
  return found;
}

/** The current user's follow-up trigger pending for this workbook ('' when none). */
export function pendingResume(ssId: string): string {
  return pendingIn(resumeMap().map, ssId, '');
}

/**
 * Schedules the follow-up run for this workbook, unless one is already pending (then it
 * is left to run: one follow-up at a time). Returns the pending trigger's id. `daily`: it
 * continues the hourly trigger's daily run (and reports like it).
 */
export function scheduleResume(ssId: string, exceptUid = '', daily = false): string {
  const { props, map } = resumeMap();
  const pending = pendingIn(map, ssId, exceptUid);
  if (pending) return pending;
  const trigger = ScriptApp.newTrigger(RESUME_HANDLER).timeBased().after(RESUME_AFTER_MS).create();
  const uid = trigger.getUniqueId();
  map[uid] = ssId + (daily ? DAILY : '');
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
  return docOf(resumeMap().map[uid]) ?? '';
}

/** Whether a follow-up trigger continues the hourly trigger's daily run. */
export function resumesDaily(uid: string): boolean {
  return resumeMap().map[uid]?.endsWith(DAILY) ?? false;
}
