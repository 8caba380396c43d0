/**
 * The daily reminder job, its trigger and its preview.
 *
 *  - runReminders: reads each sheet it needs once, plans what is due today (in the
 *    spreadsheet's time zone), and mails one digest per member who has something due and
 *    was not mailed today. Each email is followed at once by a row in the hidden
 *    `_Reminders` log, so a rerun — or a run killed half-way — sends no duplicate and
 *    resumes with whoever was not mailed. When MailApp's remaining daily quota is short,
 *    it mails as many as it allows (the Minister and the Treasurer first, then members
 *    deferred by an earlier run, then the Vice Minister, then officers) and logs the rest
 *    as deferred: they are mailed first on the next run.
 *  - installReminders: exactly one daily time-driven trigger at the `Reminder hour`, in the
 *    spreadsheet's time zone. An installable trigger runs as the member who installed it
 *    and sends from their account, on their quota; that member is recorded in the document
 *    properties and in the Settings row "Reminders run by". A trigger whose owner is no
 *    longer the designated member (someone else installed since) or no longer an active
 *    member does nothing and deletes itself.
 *
 * Service calls do not grow with the number of rows: one read per sheet, then two calls
 * per email sent (sendEmail + the log row).
 */
import { addDays, cellToDay, type Day } from '../domain/dates';
import { type DigestContext, type DigestView, digestView, renderDigest } from '../domain/digest';
import { type Lang, MESSAGES, messages, msg } from '../domain/i18n';
import { type Cell, isOneEmail, normHeader } from '../domain/records';
import {
  type MemberDigestPlan,
  type MemberInfo,
  memberIndex,
  planReminders,
  type ReminderPlan,
  rolePriority,
} from '../domain/reminders';
import { SETTINGS, type TableName } from '../domain/schema';
import { AddonContext, memberLanguages, readAll } from './context';
import { appendLogRows as appendRows, type LogSheetDef, logColumns, logSheet, SheetGateway } from './gateway';

export const REMINDER_HANDLER = 'remindersDaily';
export const REMINDER_LOG: LogSheetDef = {
  name: '_Reminders',
  header: ['Date', 'Member', 'Items', 'Sent At', 'Status', 'Run By'],
};
export const REMINDER_LOG_SHEET = REMINDER_LOG.name;
export const RUN_BY_SETTING = 'Reminders run by';
export const REMINDERS_SIDEBAR_FILE = 'Reminders';

const PROP_OWNER = 'od.reminders.owner';
const PROP_TRIGGER = 'od.reminders.triggerId';
const PROP_HOUR = 'od.reminders.hour';
const PROP_TZ = 'od.reminders.timeZone';
/** User property: JSON map of this user's reminder trigger ids → spreadsheet id. */
const PROP_USER_TRIGGERS = 'od.reminders.triggers';
const LOCK_WAIT_MS = 20_000;

export const STATUS_SENT = 'Sent';
/** Logged (and flushed) before the email goes: a run that stops after it never mails again. */
export const STATUS_SENDING = 'Sending';
export const STATUS_NOT_SENT = 'Not sent';
export const STATUS_DEFERRED = 'Deferred';

export interface MemberLine {
  email: string;
  name: string;
  items: number;
}
export interface SkippedLine extends MemberLine {
  reason: string;
}

export interface RunSummary {
  day: Day;
  runBy: string;
  /** 'trigger' when started by the daily trigger, 'manual' for Send reminders now. */
  mode: 'trigger' | 'manual';
  sent: MemberLine[];
  skipped: SkippedLine[];
  deferred: MemberLine[];
  failed: SkippedLine[];
  quotaLeft: number;
  /** Set when the run did nothing at all (e.g. a trigger that is no longer the designated one). */
  note?: string;
}

interface ReminderTables {
  ctx: AddonContext;
  plan: ReminderPlan;
  digestCtx: DigestContext;
}

const TABLES_READ: readonly TableName[] = ['Members', 'Contacts', 'Sponsors', 'Meetings', 'Events', 'Ledger'];

/** Reads every sheet the plan needs (once each) and plans `day`. */
function loadPlan(ctx: AddonContext, day: Day): ReminderTables {
  const settings = ctx.settings();
  const t = Object.fromEntries(TABLES_READ.map((n) => [n, ctx.table(n)])) as Record<
    (typeof TABLES_READ)[number],
    ReturnType<AddonContext['table']>
  >;
  const plan = planReminders({
    today: day,
    settings,
    members: t.Members.records,
    contacts: t.Contacts.records,
    sponsors: t.Sponsors.records,
    meetings: t.Meetings.records,
    events: t.Events.records,
    ledger: t.Ledger.records,
    languageByEmail: memberLanguages(t.Members.values),
  });
  // Sheet ids for the row links (a fixed number of calls, only when something is due).
  const sheetIds: Partial<Record<TableName, number>> = {};
  if (plan.digests.length) for (const n of TABLES_READ) sheetIds[n] = t[n].sheet.getSheetId();
  const digestCtx: DigestContext = {
    spreadsheetId: plan.digests.length ? ctx.ss.getId() : '',
    sheetIds,
    department: settings.department,
    currency: settings.currency,
    today: day,
  };
  return { ctx, plan, digestCtx };
}

// ---------------------------------------------------------------------------------------
// The reminder log.

interface LogState {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** Members already mailed on `day` (or whose email may have gone: logged Sending). */
  sentToday: Set<string>;
  /** Members logged Sending on `day` and never confirmed: not mailed again, reported. */
  unconfirmed: Set<string>;
  /** Column (1-based) of Status. */
  statusCol: number;
  /** Members deferred by an earlier run and not mailed since → the day first deferred: mailed first. */
  deferredSince: Map<string, string>;
  /** Number of rows in the sheet (header included). */
  rows: number;
}

function readLog(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, day: Day, timeZone: string): LogState {
  const sheet = logSheet(ss, REMINDER_LOG);
  const values = readAll(sheet);
  const cols = logColumns(values[0] ?? [], REMINDER_LOG);
  const [cDate, cMember, cStatus] = [cols.Date!, cols.Member!, cols.Status!];
  const sentToday = new Set<string>();
  const unconfirmed = new Set<string>();
  // Members deferred and not mailed since, with the day they were first deferred.
  const deferredSince = new Map<string, string>();
  if (cDate >= 0 && cMember >= 0 && cStatus >= 0) {
    for (let r = 1; r < values.length; r++) {
      const row = values[r]!;
      const member = String(row[cMember] ?? '')
        .trim()
        .toLowerCase();
      if (!member) continue;
      const status = String(row[cStatus] ?? '').trim();
      const mailed = status === STATUS_SENT || status === STATUS_SENDING;
      const rowDay = cellToDay(row[cDate], timeZone) ?? '';
      if (mailed && rowDay === day) sentToday.add(member);
      if (status === STATUS_SENDING && rowDay === day) unconfirmed.add(member);
      if (mailed) deferredSince.delete(member);
      else if (status.startsWith(STATUS_DEFERRED) && !deferredSince.has(member))
        deferredSince.set(member, rowDay);
    }
  }
  return {
    sheet,
    sentToday,
    unconfirmed,
    deferredSince,
    statusCol: cStatus >= 0 ? cStatus + 1 : REMINDER_LOG.header.indexOf('Status') + 1,
    rows: Math.max(values.length, 1),
  };
}

/** A log row; texts carry a leading apostrophe so nothing becomes a date or a formula. */
function logRow(day: Day, member: string, items: number, status: string, runBy: string): Cell[] {
  return [`'${day}`, `'${member}`, items, new Date(), `'${status}`, `'${runBy}`];
}

function appendLogRows(log: LogState, rows: Cell[][]): void {
  if (!rows.length) return;
  appendRows(log.sheet, REMINDER_LOG, rows);
  log.rows += rows.length;
}

/**
 * Marks the rows of emails that went as Sent: one write per run of adjacent rows (they are
 * adjacent unless a row was updated in between). Rows left Sending after a fault still
 * keep the member from being mailed twice.
 */
function confirmSent(log: LogState, rows: readonly number[]): void {
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    const n = j - i + 1;
    log.sheet
      .getRange(rows[i]!, log.statusCol, n, 1)
      .setValues(Array.from({ length: n }, () => [`'${STATUS_SENT}`]));
    i = j + 1;
  }
}

// ---------------------------------------------------------------------------------------
// The job.

const QUOTA_ERROR = /too many times for one day: email|quota/i;
const ADDRESS_ERROR = /invalid email|no recipient/i;

function currentUser(): string {
  return (Session.getEffectiveUser().getEmail() || Session.getActiveUser().getEmail() || '').toLowerCase();
}

/**
 * Runs the reminder job on the active spreadsheet: mails today's digests not yet sent.
 * Holds the script lock for the run, so two runs (the trigger and Send reminders now)
 * never mail the same member twice; record saves use the document lock and are not held up.
 */
export function runReminders(mode: 'trigger' | 'manual', ctxIn?: AddonContext): RunSummary {
  const ctx = ctxIn ?? new AddonContext();
  const runBy = currentUser();
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new Error(
      'Another reminder run is in progress. Nothing was sent by this one: try again in a minute.',
    );
  }
  try {
    const day = ctx.today();
    const { plan, digestCtx } = loadPlan(ctx, day);
    const log = readLog(ctx.ss, day, ctx.timeZone);
    const summary: RunSummary = {
      day,
      runBy,
      mode,
      sent: [],
      skipped: [],
      deferred: [],
      failed: [],
      quotaLeft: 0,
    };
    const line = (m: MemberInfo, items: number): MemberLine => ({ email: m.email, name: m.name, items });
    for (const i of plan.idle) {
      summary.skipped.push({
        ...line(i.member, 0),
        reason: i.reason === 'inactive' ? 'inactive member' : 'nothing due',
      });
    }
    const todo: MemberDigestPlan[] = [];
    for (const d of plan.digests) {
      if (log.unconfirmed.has(d.member.email))
        summary.skipped.push({
          ...line(d.member, d.items.length),
          reason: 'a run stopped while mailing them today: not mailed again, to never mail twice',
        });
      else if (log.sentToday.has(d.member.email))
        summary.skipped.push({ ...line(d.member, d.items.length), reason: 'already mailed today' });
      else todo.push(d);
    }
    // Who is mailed first when the quota is short: members deferred by an earlier run (the
    // longest-waiting first, so nobody waits for ever), then the Minister and the Treasurer,
    // then the Vice Minister, then officers.
    const rank = (d: MemberDigestPlan) =>
      log.deferredSince.has(d.member.email) ? 0 : 1 + rolePriority(d.member.role);
    const since = (d: MemberDigestPlan) => log.deferredSince.get(d.member.email) ?? '';
    todo.sort((a, b) => rank(a) - rank(b) || since(a).localeCompare(since(b)) || a.member.row - b.member.row);

    // Recipients the runner may still mail today (100/day consumer, 1,500 Workspace):
    // developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota()
    let quota = MailApp.getRemainingDailyQuota();
    const deferredRows: Cell[][] = [];
    // Rows logged Sending whose email went: confirmed Sent together (one write) at the end.
    const sentRows: number[] = [];
    try {
      for (const d of todo) {
        if (quota < 1) {
          summary.deferred.push(line(d.member, d.items.length));
          continue;
        }
        if (!isOneEmail(d.member.email)) {
          const reason = `the Members Email cell "${d.member.email}" is not one email address`;
          summary.failed.push({ ...line(d.member, d.items.length), reason });
          deferredRows.push(
            logRow(day, d.member.email, d.items.length, `Failed: ${reason}`.slice(0, 200), runBy),
          );
          continue;
        }
        const mail = renderDigest(d, digestCtx);
        // At most once: the log row is written and flushed before the email goes. A run that
        // stops after this (time-out, fault) never mails this member again today.
        log.sheet.appendRow(logRow(day, d.member.email, d.items.length, STATUS_SENDING, runBy));
        const row = ++log.rows;
        SpreadsheetApp.flush();
        try {
          MailApp.sendEmail(mail.to, mail.subject, mail.body, { htmlBody: mail.htmlBody, name: mail.name });
        } catch (e) {
          // Errors of Apps Script services are not always instances of this realm's Error.
          const m = (e as { message?: unknown } | null)?.message;
          const msg = typeof m === 'string' ? m : String(e);
          // sendEmail threw: nothing was sent, so the row must not keep the member from a rerun.
          const quotaGone = QUOTA_ERROR.test(msg);
          const status = quotaGone
            ? `${STATUS_DEFERRED}: mail quota of ${runBy || 'the runner'} used up; mailed first on the next run`
            : `${ADDRESS_ERROR.test(msg) ? 'Failed' : STATUS_NOT_SENT}: ${msg}`.slice(0, 200);
          log.sheet.getRange(row, log.statusCol).setValue(`'${status}`);
          if (quotaGone) {
            quota = 0;
            summary.deferred.push(line(d.member, d.items.length));
            continue;
          }
          if (ADDRESS_ERROR.test(msg)) {
            summary.failed.push({ ...line(d.member, d.items.length), reason: msg });
            continue;
          }
          throw e; // time-out and the like: what was sent is logged; a rerun resumes.
        }
        sentRows.push(row);
        quota--;
        summary.sent.push(line(d.member, d.items.length));
      }
    } finally {
      confirmSent(log, sentRows);
    }
    if (summary.deferred.length) {
      const left = `${STATUS_DEFERRED}: mail quota of ${runBy || 'the runner'} used up; mailed first on the next run`;
      for (const m of summary.deferred) {
        if (!deferredRows.some((r) => r[1] === `'${m.email}`))
          deferredRows.push(logRow(day, m.email, m.items, left, runBy));
      }
    }
    appendLogRows(log, deferredRows);
    summary.quotaLeft = Math.max(0, quota);
    return summary;
  } finally {
    try {
      SpreadsheetApp.flush(); // the next holder of the lock reads what this run wrote
    } finally {
      lock.releaseLock();
    }
  }
}

// ---------------------------------------------------------------------------------------
// The trigger.

export interface ReminderOwner {
  email: string;
  hour: number;
  timeZone: string;
  triggerId: string;
}

/**
 * Who runs reminders: recorded in the document properties by Install reminders. When a
 * trigger runs without document properties (an add-on's time-driven trigger has no active
 * document), the Settings row "Reminders run by" — written at the same time — is read instead.
 */
export function reminderOwner(ctx?: AddonContext): ReminderOwner | null {
  const props = PropertiesService.getDocumentProperties();
  if (!props) {
    if (!ctx) return null;
    const st = ctx.settings();
    const key = Object.keys(st.other).find((k) => normHeader(k) === normHeader(RUN_BY_SETTING));
    const email = key ? st.other[key]!.trim().toLowerCase() : '';
    return email ? { email, hour: st.reminderHour, timeZone: ctx.timeZone, triggerId: '' } : null;
  }
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

const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;

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
  else gw.append(cells.set(gw.cols.setting!, RUN_BY_SETTING), names.lastRow);
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
  const owner = reminderOwner(ctx);
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
  if (!owner) stale = 'no member is recorded as running reminders';
  else if (owner.email !== me) stale = `reminders are now run by ${owner.email}`;
  else if (uid && owner.triggerId && uid !== owner.triggerId) stale = 'a newer trigger replaced this one';
  if (stale) {
    removeThisTrigger(uid, ctx.ss.getId());
    return empty(`Trigger of ${me} did nothing and was removed: ${stale}.`);
  }
  const member = memberIndex(ctx.table('Members').records, 'en').get(me);
  if (!member?.active) {
    const note = `Reminders were not sent: ${me} installed them but is no longer an active member. Another member should run "Install reminders" to take over.`;
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

// ---------------------------------------------------------------------------------------
// Preview (sidebar): the digests of a day, without sending.

export interface PreviewResponse {
  day: Day;
  today: Day;
  owner: { email: string; hour: number; timeZone: string } | null;
  reminderHour: number;
  timeZone: string;
  digests: (DigestView & { role: string; mailedToday: boolean })[];
  idle: { email: string; name: string; reason: string }[];
}

/** The digests every member would get on `day` (default: tomorrow), without sending anything. */
export function previewReminders(dayArg?: unknown): PreviewResponse {
  const ctx = new AddonContext();
  const today = ctx.today();
  let day = addDays(today, 1);
  if (dayArg !== undefined && dayArg !== null && String(dayArg).trim() !== '') {
    const d = cellToDay(String(dayArg), ctx.timeZone);
    if (!d) throw new Error(`"${String(dayArg)}" is not a date: use YYYY-MM-DD.`);
    day = d;
  }
  const { plan, digestCtx } = loadPlan(ctx, day);
  // Read-only: the log is only read when it exists (the preview writes nothing).
  const sentToday =
    day === today && ctx.ss.getSheetByName(REMINDER_LOG_SHEET)
      ? readLog(ctx.ss, day, ctx.timeZone).sentToday
      : new Set<string>();
  const owner = reminderOwner();
  return {
    day,
    today,
    owner: owner ? { email: owner.email, hour: owner.hour, timeZone: owner.timeZone } : null,
    reminderHour: ctx.settings().reminderHour,
    timeZone: ctx.timeZone,
    digests: plan.digests.map((d) => ({
      ...digestView(d, digestCtx),
      role: d.member.role,
      mailedToday: sentToday.has(d.member.email),
    })),
    idle: plan.idle.map((i) => ({
      email: i.member.email,
      name: i.member.name,
      reason: i.reason === 'inactive' ? 'inactive member' : 'nothing due',
    })),
  };
}

export function openRemindersSidebar(): void {
  const html =
    HtmlService.createHtmlOutputFromFile(REMINDERS_SIDEBAR_FILE).setTitle('Outreach Desk · Reminders');
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Text of the Send reminders now summary. */
export function summaryText(s: RunSummary, lang: Lang = 'en'): string {
  const t = messages(lang);
  const lines: string[] = [];
  if (s.note) lines.push(s.note);
  const who = (l: MemberLine) => `${l.name} <${l.email}> (${l.items})`;
  lines.push(
    s.sent.length
      ? t(s.sent.length === 1 ? 'remind.sentOne' : 'remind.sent', {
          n: s.sent.length,
          day: s.day,
          list: s.sent.map(who).join(', '),
        })
      : t('remind.noneSent', { day: s.day }),
  );
  if (s.deferred.length)
    lines.push(t('remind.deferred', { runBy: s.runBy, list: s.deferred.map(who).join(', ') }));
  if (s.failed.length)
    lines.push(t('remind.failed', { list: s.failed.map((f) => `${f.email}: ${f.reason}`).join('; ') }));
  const groups = new Map<string, string[]>();
  for (const k of s.skipped) {
    const list = groups.get(k.reason) ?? [];
    list.push(k.name);
    groups.set(k.reason, list);
  }
  const reasonText = (r: string) => MESSAGES[lang][`remind.reason.${r}`] ?? r;
  for (const [reason, names] of groups)
    lines.push(t('remind.skipped', { reason: reasonText(reason), list: names.join(', ') }));
  lines.push(t('remind.quota', { runBy: s.runBy, n: s.quotaLeft }));
  return lines.join('\n');
}

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

/** Menu: Send reminders now — the same job as the daily trigger, on demand, with a summary. */
export function menuSendRemindersNow(): RunSummary {
  const ui = SpreadsheetApp.getUi();
  const s = runReminders('manual');
  const lang = clickerLanguage();
  ui.alert(msg(lang, 'remind.sendTitle'), summaryText(s, lang), ui.ButtonSet.OK);
  return s;
}

/** Menu: Install reminders — one daily trigger at the Reminder hour, run from your account. */
export function menuInstallReminders(): InstallResult {
  const ui = SpreadsheetApp.getUi();
  const r = installReminders();
  const t = messages(clickerLanguage());
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

/** The daily time-driven trigger's handler. */
export function remindersDaily(e?: TriggerEvent): RunSummary {
  return remindersFromTrigger(e);
}

/** google.script.run target of the preview sidebar. */
export function remindersPreview(day?: unknown): PreviewResponse {
  return previewReminders(day);
}
