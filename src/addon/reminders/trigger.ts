/**
 * The reminder trigger: exactly one daily time-driven trigger at the `Reminder hour`, in the
 * spreadsheet's time zone (installReminders). An installable trigger runs as the member who
 * installed it and sends from their account, on their quota; that member is recorded in the
 * document properties and in the Settings row "Reminders run by", and another member takes
 * over by installing. A trigger whose owner is no longer the designated member (someone else
 * installed since) or no longer an active member does nothing and deletes itself
 * (remindersFromTrigger); one whose Reminder hour changed moves itself.
 */
import { type Cell, normHeader } from '../../domain/records';
import { memberIndex } from '../../domain/reminders';
import { SETTINGS } from '../../domain/schema';
import { AddonContext } from '../context';
import { SheetGateway } from '../gateway';
import { currentUser, LOCK_WAIT_MS, type RunSummary, runReminders } from './job';
import { appendLogRows, logRow, readLog } from './log';

export const REMINDER_HANDLER = 'remindersDaily';
export const RUN_BY_SETTING = 'Reminders run by';

const PROP_OWNER = 'od.reminders.owner';
const PROP_TRIGGER = 'od.reminders.triggerId';
const PROP_HOUR = 'od.reminders.hour';
const PROP_TZ = 'od.reminders.timeZone';
/** User property: JSON map of this user's reminder trigger ids → spreadsheet id. */
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

/**
 * Deletes the current user's reminder triggers for this spreadsheet (their own only:
 * Apps Script shows and deletes a user's own triggers, never another member's).
 */
function deleteMyReminderTriggers(ssId: string, map: Record<string, string>): number {
  let n = 0;
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() !== REMINDER_HANDLER) continue;
    const id = t.getUniqueId();
    const doc = map[id];
    // A trigger recorded for another spreadsheet (add-on installed in several) is left alone.
    if (doc !== undefined && doc !== ssId) continue;
    ScriptApp.deleteTrigger(t);
    delete map[id];
    n++;
  }
  return n;
}

export interface InstallResult {
  owner: string;
  previousOwner: string | null;
  hour: number;
  timeZone: string;
  replaced: number;
}

/**
 * Installs the daily trigger for the current user, replacing theirs (never two), and
 * records them as the member who runs reminders.
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
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new Error('A reminder run is in progress: try again in a minute.');
  try {
    const { props: userProps, map } = userTriggerMap();
    const ssId = ctx.ss.getId();
    const replaced = deleteMyReminderTriggers(ssId, map);
    // developers.google.com/apps-script/reference/script/clock-trigger-builder: atHour with
    // everyDays, in the spreadsheet's zone (inTimezone); Apps Script fires within ±15 minutes.
    const trigger = ScriptApp.newTrigger(REMINDER_HANDLER)
      .timeBased()
      .everyDays(1)
      .atHour(settings.reminderHour)
      .inTimezone(tz)
      .create();
    const id = trigger.getUniqueId();
    map[id] = ssId;
    userProps.setProperty(PROP_USER_TRIGGERS, JSON.stringify(map));
    PropertiesService.getDocumentProperties()?.setProperties({
      [PROP_OWNER]: me,
      [PROP_TRIGGER]: id,
      [PROP_HOUR]: String(settings.reminderHour),
      [PROP_TZ]: tz,
    });
    writeRunBySetting(ctx, me, settings.reminderHour, tz);
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

/**
 * The Settings row "Reminders run by" shows who owns the trigger: its Value and Notes cells
 * are written (the row found by its Setting text now, or appended); nothing else of the sheet.
 */
function writeRunBySetting(ctx: AddonContext, owner: string, hour: number, tz: string): void {
  const gw = SheetGateway.open(ctx.ss, SETTINGS);
  const names = gw.column('setting');
  const notes = `Daily at ${hh(hour)} (${tz}), sent from this member's account. Set by "Install reminders": another member takes over by running it.`;
  const at = names.values.findIndex((v) => normHeader(v) === normHeader(RUN_BY_SETTING));
  const cells = new Map<number, Cell>([
    [gw.cols.value!, `'${owner}`],
    [gw.cols.notes!, `'${notes}`],
  ]);
  if (at >= 0) gw.writeCells(names.firstRow + at, cells);
  else gw.append([cells.set(gw.cols.setting!, RUN_BY_SETTING)], names.lastRow);
  ctx.invalidate('Settings');
}

export interface TriggerEvent {
  triggerUid?: string;
  authMode?: unknown;
}

/**
 * What the daily trigger runs. It does nothing (and removes itself) unless it is the
 * trigger of the designated member, who must still be an active member. When the
 * Reminder hour setting changed since it was installed, it moves itself to the new hour.
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
    removeThisTrigger(uid, ctx.ss.getId());
    return empty(`Trigger of ${me} did nothing and was removed: ${stale}.`);
  }
  const member = memberIndex(ctx.table('Members').records, 'en').get(me);
  if (!member?.active || !SENDERS.includes(member.role)) {
    const note = member?.active
      ? `Reminders were not sent: ${me} installed them but is no longer the Minister or Vice Minister. The Minister or Vice Minister should run "Install reminders" to take over.`
      : `Reminders were not sent: ${me} installed them but is no longer an active member. The Minister or Vice Minister should run "Install reminders" to take over.`;
    const log = readLog(ctx.ss, ctx.today(), ctx.timeZone);
    appendLogRows(log, [logRow(ctx.today(), '', 0, `Skipped: ${note}`, me)]);
    removeThisTrigger(uid, ctx.ss.getId());
    return empty(note);
  }
  const summary = runReminders('trigger', ctx);
  // Follow a changed Reminder hour (or spreadsheet time zone): move this trigger.
  const hour = ctx.settings().reminderHour;
  if (owner && (hour !== owner.hour || ctx.timeZone !== owner.timeZone)) installReminders(ctx);
  return summary;
}

/**
 * The workbook of a trigger run: the active spreadsheet (a script bound to the workbook),
 * else the spreadsheet recorded for this trigger id when it was installed (opened by id).
 */
function triggerSpreadsheet(uid: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const active = SpreadsheetApp.getActiveSpreadsheet();
  if (active) return active;
  const id = uid ? userTriggerMap().map[uid] : undefined;
  if (!id)
    throw new Error(
      'The reminder trigger ran without its workbook and has no record of it: run "Install reminders" again from the workbook.',
    );
  return SpreadsheetApp.openById(id);
}

function removeThisTrigger(uid: string, ssId: string): void {
  if (!uid) return;
  const { props, map } = userTriggerMap();
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getUniqueId() === uid) ScriptApp.deleteTrigger(t);
  }
  if (map[uid] !== undefined) {
    delete map[uid];
    props.setProperty(PROP_USER_TRIGGERS, JSON.stringify(map));
  }
  void ssId;
}
