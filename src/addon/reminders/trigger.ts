/**
 * The reminder trigger: one hourly time-driven trigger per member who runs reminders
 * (installReminders). Each hour the handler looks at the clock itself: from the `Reminder
 * hour` (in the spreadsheet's time zone) it runs the job once a day, so a changed hour or
 * time zone needs no new trigger, and a run that failed is retried the next hour. The
 * trigger is never deleted before its successor exists: Install reminders creates first and
 * removes the old one after (an add-on, allowed one clock trigger per user per document,
 * deletes first only when the create is refused for that reason). An installable trigger
 * runs as the member who installed it and sends from their account, on their quota; that
 * member is recorded in the document properties and in the Settings row "Reminders run by",
 * and another member takes over by installing. A trigger whose owner is no longer the
 * designated member does nothing and deletes itself (remindersFromTrigger). Nobody is
 * emailed when an add-on's trigger fails, so each run reports in the Settings row
 * "Reminders status" and a failure is told in the owner's next digest (status.ts).
 */
import { memberIndex } from '../../domain/reminders';
import { AddonContext } from '../context';
import { WorkbookBusy, withDocumentLock } from '../gateway';
import { pendingResume } from './followup';
import { currentUser, LOCK_WAIT_MS, type RunSummary, runReminders } from './job';
import { appendLogRows, logRow, readLog } from './log';
import {
  lastRunDay,
  pendingFailure,
  recordFailure,
  recordSuccess,
  STATUS_SETTING,
  writeSettingRow,
} from './status';

export const REMINDER_HANDLER = 'remindersDaily';
export const RUN_BY_SETTING = 'Reminders run by';

const PROP_OWNER = 'od.reminders.owner';
const PROP_TRIGGER = 'od.reminders.triggerId';
const PROP_HOUR = 'od.reminders.hour';
const PROP_TZ = 'od.reminders.timeZone';
/**
 * User property: JSON map of this user's reminder trigger ids → spreadsheet id, followed by
 * `|hourly` for the hourly design (an entry without it is a daily trigger of the old one).
 */
const PROP_USER_TRIGGERS = 'od.reminders.triggers';

export interface ReminderOwner {
  email: string;
  hour: number;
  timeZone: string;
  triggerId: string;
}

/** Who may send the department's reminders from their account (the contract's Roles). */
const SENDERS: readonly string[] = ['Minister', 'Vice Minister'];

/**
 * Who runs reminders: recorded in the document properties by Install reminders (null when
 * nobody is, or when there are no document properties).
 */
export function reminderOwner(): ReminderOwner | null {
  // Without document properties (an add-on's trigger with no active document) nobody else's
  // claim can be checked. The Settings row "Reminders run by" only shows who it is: a name
  // typed there by hand must never stop the trigger of the member who installed it.
  const props = PropertiesService.getDocumentProperties();
  if (!props) return null;
  const all = props.getProperties();
  const email = all[PROP_OWNER];
  if (!email) return null;
  return {
    email,
    hour: Number(all[PROP_HOUR] ?? 8),
    timeZone: all[PROP_TZ] ?? '',
    triggerId: all[PROP_TRIGGER] ?? '',
  };
}

function userTriggerMap(): { props: GoogleAppsScript.Properties.Properties; map: Record<string, string> } {
  const props = PropertiesService.getUserProperties();
  let map: Record<string, string> = {};
  try {
    map = JSON.parse(props.getProperty(PROP_USER_TRIGGERS) ?? '{}') as Record<string, string>;
  } catch {
    map = {};
  }
  return { props, map };
}

/** The user map's record of an hourly trigger (older daily ones hold the spreadsheet id alone). */
const HOURLY = '|hourly';
const docOf = (entry: string | undefined) => entry?.split('|')[0];

/**
 * The current user's reminder triggers for this spreadsheet (their own only: Apps Script
 * shows and deletes a user's own triggers, never another member's). A trigger recorded for
 * another spreadsheet (the add-on used in several) is not among them.
 */
function myReminderTriggers(ssId: string, map: Record<string, string>): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getProjectTriggers().filter((t) => {
    if (t.getHandlerFunction() !== REMINDER_HANDLER) return false;
    const doc = docOf(map[t.getUniqueId()]);
    return doc === undefined || doc === ssId;
  });
}

function deleteTriggers(ts: GoogleAppsScript.Script.Trigger[], map: Record<string, string>): void {
  for (const t of ts) {
    ScriptApp.deleteTrigger(t);
    delete map[t.getUniqueId()];
  }
}

// developers.google.com/apps-script/reference/script/clock-trigger-builder#everyHours(Integer);
// an add-on's time-driven trigger may run at most hourly (…/add-ons/concepts/editor-triggers).
const createHourly = () => ScriptApp.newTrigger(REMINDER_HANDLER).timeBased().everyHours(1).create();

/**
 * A new hourly trigger, created before the old ones go. Only an add-on, whose create is
 * refused while its old clock trigger exists (one per user per document:
 * developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions), deletes
 * the old ones first and tries once more.
 */
function replaceTriggers(old: GoogleAppsScript.Script.Trigger[], map: Record<string, string>) {
  try {
    const t = createHourly();
    deleteTriggers(old, map);
    return t;
  } catch (e) {
    const addOn = String(ScriptApp.getInstallationSource()) !== String(ScriptApp.InstallationSource.NONE);
    if (!old.length || !addOn) throw e;
    deleteTriggers(old, map);
    return createHourly();
  }
}

export interface InstallResult {
  owner: string;
  previousOwner: string | null;
  hour: number;
  timeZone: string;
  replaced: number;
}

/**
 * Installs the hourly trigger for the current user (keeping theirs when it is one, replacing
 * an old daily one: never two), and records them as the member who runs reminders. A create
 * that fails is recorded in "Reminders status" and reported.
 */
export function installReminders(ctxIn?: AddonContext): InstallResult {
  const ctx = ctxIn ?? new AddonContext();
  const me = currentUser();
  if (!me) throw new Error('Cannot tell who you are: open the workbook signed in to your Google account.');
  const members = memberIndex(ctx.table('Members').records, 'en');
  const m = members.get(me);
  if (!m?.active) {
    throw new Error(
      `Reminders are sent from the account of the member who installs them, and ${me} is not an active member in the Members sheet. Add yourself there (Active = TRUE) first.`,
    );
  }
  const settings = ctx.settings();
  const tz = ctx.timeZone;
  const previous = reminderOwner();
  // This workbook's lock, not the script lock every department's installation shares.
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS))
    throw new Error('The workbook is busy (another member is saving or installing): try again in a minute.');
  try {
    const { props: userProps, map } = userTriggerMap();
    const ssId = ctx.ss.getId();
    const mine = myReminderTriggers(ssId, map);
    // An hourly trigger of this member already serves this workbook: keep it.
    let id = mine.map((t) => t.getUniqueId()).find((i) => map[i] === ssId + HOURLY);
    let replaced = 0;
    if (!id) {
      try {
        id = replaceTriggers(mine, map).getUniqueId();
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        userProps.setProperty(PROP_USER_TRIGGERS, JSON.stringify(map));
        recordFailure(
          ctx,
          error,
          'The reminder trigger could not be created: run "Install reminders" again.',
        );
        throw new Error(
          `The reminder trigger could not be created (${error}). Run "Install reminders" again.`,
        );
      }
      replaced = mine.length;
      map[id] = ssId + HOURLY;
      userProps.setProperty(PROP_USER_TRIGGERS, JSON.stringify(map));
    }
    PropertiesService.getDocumentProperties()?.setProperties({
      [PROP_OWNER]: me,
      [PROP_TRIGGER]: id,
      [PROP_HOUR]: String(settings.reminderHour),
      [PROP_TZ]: tz,
    });
    writeRunBySetting(ctx, me, tz);
    return {
      owner: me,
      previousOwner: previous?.email ?? null,
      hour: settings.reminderHour,
      timeZone: tz,
      replaced,
    };
  } finally {
    try {
      SpreadsheetApp.flush(); // the next holder of the lock reads what this run wrote
    } finally {
      lock.releaseLock();
    }
  }
}

export const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

/** The Settings row "Reminders run by" shows who owns the trigger (its Value and Notes cells). */
function writeRunBySetting(ctx: AddonContext, owner: string, tz: string): void {
  writeSettingRow(
    ctx,
    RUN_BY_SETTING,
    owner,
    `Daily at the Reminder hour (${tz}), sent from this member's account. Set by "Install reminders": another member takes over by running it.`,
  );
}

/** The hour (0–23) of `now` in `timeZone`. */
function hourIn(timeZone: string, now: Date = new Date()): number {
  const h = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' }).format(now);
  return Number(h) % 24;
}

export interface TriggerEvent {
  triggerUid?: string;
  authMode?: unknown;
}

/**
 * What the hourly trigger runs. It does nothing (and removes itself) unless it is the
 * trigger of the designated member, who must still be an active Minister or Vice Minister.
 * Before the Reminder hour, or once today's run went through, it returns at once; from the
 * hour on it runs the job, recording the outcome in Settings ("Reminders status"). A run
 * that throws is recorded there and told in the owner's next digest, then retried the next
 * hour; it is rethrown so Apps Script's execution log shows it too.
 */
export function remindersFromTrigger(e?: TriggerEvent): RunSummary {
  const uid = e?.triggerUid ? String(e.triggerUid) : '';
  const ctx = new AddonContext(triggerSpreadsheet(uid));
  const me = currentUser();
  const docProps = PropertiesService.getDocumentProperties() !== null;
  const owner = reminderOwner();
  const empty = (note: string): RunSummary => ({
    day: ctx.today(),
    runBy: me,
    mode: 'trigger',
    sent: [],
    skipped: [],
    deferred: [],
    failed: [],
    quotaLeft: 0,
    note,
  });

  let stale = '';
  // Without document properties this trigger is trusted as the installer's own (it was found
  // through the installer's user properties); only the roles below can stop it.
  if (!docProps) stale = '';
  else if (!owner) stale = 'no member is recorded as running reminders';
  else if (owner.email !== me) stale = `reminders are now run by ${owner.email}`;
  else if (uid && owner.triggerId && uid !== owner.triggerId) stale = 'a newer trigger replaced this one';
  if (stale) {
    removeThisTrigger(uid);
    return empty(`Trigger of ${me} did nothing and was removed: ${stale}.`);
  }
  const today = ctx.today();
  const hour = ctx.settings().reminderHour;
  if (hourIn(ctx.timeZone) < hour) return empty(`Not yet: reminders go from ${hh(hour)} (${ctx.timeZone}).`);
  if (lastRunDay() === today) return empty(`Today's reminders already ran.`);
  // Today's run stopped before the time limit and its follow-up is mailing who is left.
  if (pendingResume(ctx.ss.getId()))
    return empty('A follow-up run is mailing the rest of today’s reminders.');
  const member = memberIndex(ctx.table('Members').records, 'en').get(me);
  if (!member?.active || !SENDERS.includes(member.role)) {
    const note = member?.active
      ? `Reminders were not sent: ${me} installed them but is no longer the Minister or Vice Minister. The Minister or Vice Minister should run "Install reminders" to take over.`
      : `Reminders were not sent: ${me} installed them but is no longer an active member. The Minister or Vice Minister should run "Install reminders" to take over.`;
    const log = readLog(ctx.ss, today, ctx.timeZone);
    appendLogRows(log, [logRow(today, '', 0, `Skipped: ${note}`, me)]);
    removeThisTrigger(uid);
    return empty(note);
  }
  return runDaily(ctx, me);
}

/**
 * The daily run (the hourly trigger's, or a follow-up continuing it: `resumeOf`), reported in
 * Settings ("Reminders status"). Today is done once nobody is left; a run that stopped
 * before the time limit leaves that to its follow-up, or, when none could be created, to
 * the next hour's run. A run that throws, or that ran out of time before mailing anyone, is
 * recorded as failed and retried the next hour.
 */
export function runDaily(ctx: AddonContext, me: string, resumeOf = ''): RunSummary {
  const today = ctx.today();
  const failure = pendingFailure();
  if (failure) ctx.digestFailures = { [me]: { ...failure, setting: STATUS_SETTING } };
  let summary: RunSummary;
  try {
    summary = runReminders('trigger', ctx, resumeOf);
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    report(() => recordFailure(ctx, error, 'Retried at the next hour.'));
    throw err;
  }
  const told = !!failure && summary.sent.some((m) => m.email.toLowerCase() === me);
  const left = summary.continued?.length ?? 0;
  let text = `${summary.sent.length} sent, ${summary.deferred.length} deferred, ${summary.failed.length} failed (run by ${me}).`;
  if (left && !summary.sent.length && !summary.resumeId) {
    const error = `The run reached Google's 6-minute limit before mailing anyone (${left} left).`;
    report(() => recordFailure(ctx, error, 'Retried at the next hour.'));
    return summary;
  }
  if (left)
    text += summary.resumeId
      ? ` Stopped before Google's 6-minute limit: a follow-up run a minute later mails the ${left} left.`
      : ` Stopped before Google's 6-minute limit: the next hour's run mails the ${left} left.`;
  report(() => recordSuccess(ctx, left ? '' : today, text, told));
  return summary;
}

/**
 * The status writes, under this workbook's lock (flushed before it is released); a workbook
 * that stays busy skips them rather than fail a run that went through.
 */
function report(write: () => void): void {
  try {
    withDocumentLock(write);
  } catch (e) {
    if (!(e instanceof WorkbookBusy)) throw e;
  }
}

/**
 * The workbook of a trigger run: the active spreadsheet (a script bound to the workbook),
 * else the spreadsheet recorded for this trigger id when it was installed (opened by id).
 */
function triggerSpreadsheet(uid: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  const id = uid ? docOf(userTriggerMap().map[uid]) : undefined;
  if (!id)
    throw new Error(
      'The reminder trigger ran without its workbook and has no record of it: run "Install reminders" again from the workbook.',
    );
  return SpreadsheetApp.openById(id);
}

function removeThisTrigger(uid: string): void {
  if (!uid) return;
  const { props, map } = userTriggerMap();
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getUniqueId() === uid) ScriptApp.deleteTrigger(t);
  }
  if (map[uid] !== undefined) {
    delete map[uid];
    props.setProperty(PROP_USER_TRIGGERS, JSON.stringify(map));
  }
}
