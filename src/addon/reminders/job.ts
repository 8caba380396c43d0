/**
 * The daily reminder job (runReminders): plans what is due today (in the spreadsheet's time
 * zone) and mails one digest per member who has something due and was not mailed today.
 * At most once: each member's `_Reminders` row is appended as Sending and flushed before
 * the email goes (under the document lock, after catching up with rows another run wrote),
 * and the rows of the emails that went are confirmed Sent together at the end, so a rerun —
 * or a run killed half-way, or a second run at the same moment — mails nobody twice and
 * resumes with whoever was not mailed. The lock is held only for those log writes, never
 * while mail goes, so record saves wait at most one short write.
 *
 * Within Google's 6-minute execution limit: the run watches its own clock (usedMs) and stops
 * before STOP_AFTER_MS (leaving room for the slowest email seen so far); whoever is left is
 * mailed by a one-off follow-up trigger a minute later (resume.ts), which builds on the same
 * log, or, when none can be created, by the next run (the hourly trigger's, trigger.ts). When MailApp's remaining daily quota is short, it mails as many as it
 * allows in the order of `sendOrder` (members deferred by an earlier run first, the
 * longest-waiting first; then by role: the Minister and the Treasurer, the Vice Minister,
 * officers; then by row) and logs the rest as deferred: they are mailed first on the next run.
 *
 * Service calls do not grow with the number of rows: one read per sheet, then a fixed
 * number of calls per email sent (the log row, a flush, sendEmail) and one write per run
 * of confirmed rows.
 */
import type { Day } from '../../domain/dates';
import { renderDigest } from '../../domain/digest';
import { type Cell, isOneEmail } from '../../domain/records';
import { type MemberDigestPlan, type MemberInfo, sendOrder } from '../../domain/reminders';
import { AddonContext } from '../context';
import { withDocumentLock } from '../gateway';
import { scheduleResume } from './followup';
import {
  appendLogRows,
  claimMember,
  confirmSent,
  logRow,
  readLog,
  STATUS_DEFERRED,
  STATUS_NOT_SENT,
  STATUS_SENDING,
} from './log';
import { loadPlan } from './plan';

export const LOCK_WAIT_MS = 20_000;
/**
 * A run stops mailing once this much of its own time has gone (less the slowest email so
 * far): Apps Script ends an execution after 6 minutes
 * (developers.google.com/apps-script/guides/services/quotas#current_limitations), and the
 * run still has to confirm its rows and schedule the follow-up.
 */
export const STOP_AFTER_MS = 270_000;
/** Google's limit on one execution (the quotas page above). */
const EXECUTION_LIMIT_MS = 360_000;

/**
 * How much of the execution's time a run has used (ms): its wall clock since `started`, or,
 * when the host offers what is left of the limit on its own clock (the local runtime, where
 * service calls take no wall time but are estimated: `__executionMsLeft`), what that says
 * has gone, whichever is more. In Google there is no such global and the wall clock counts.
 */
function usedMs(started: number): number {
  const wall = Date.now() - started;
  const left = (globalThis as { __executionMsLeft?: () => number }).__executionMsLeft?.();
  return typeof left === 'number' && Number.isFinite(left) ? Math.max(wall, EXECUTION_LIMIT_MS - left) : wall;
}

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
  /** Left for the follow-up run (the run stopped before Google's time limit). */
  continued?: MemberLine[];
  /**
   * The one-off follow-up trigger that mails `continued` (absent when none could be created,
   * e.g. an add-on already holding its one clock trigger here: the next run mails them).
   */
  resumeId?: string;
  quotaLeft: number;
  /** Set when the run did nothing at all (e.g. a trigger that is no longer the designated one). */
  note?: string;
}

const QUOTA_ERROR = /too many times for one day: email|quota/i;
const ADDRESS_ERROR = /invalid email|no recipient/i;

export function currentUser(): string {
  return (Session.getEffectiveUser().getEmail() || Session.getActiveUser().getEmail() || '').toLowerCase();
}

/** The log status of members left unmailed because the runner's mail quota is used up. */
function deferredStatus(runBy: string): string {
  return `${STATUS_DEFERRED}: mail quota of ${runBy || 'the runner'} used up; mailed first on the next run`;
}

/**
 * Runs the reminder job on the active spreadsheet: mails today's digests not yet sent.
 * Takes the document lock only around each log write (see claimMember), so two runs (the
 * trigger and Send reminders now) never mail the same member twice and record saves are
 * never held up for the length of a mail run. `resumeOf`: the follow-up trigger running it.
 */
export function runReminders(
  mode: 'trigger' | 'manual',
  ctxIn?: AddonContext,
  resumeOf = '',
  /** Told how many digests went of how many to send: before the first, then after each. */
  onMailed?: (done: number, total: number) => void,
): RunSummary {
  const started = Date.now();
  const ctx = ctxIn ?? new AddonContext();
  const runBy = currentUser();
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
  // Who is mailed first when the quota is short (the policy: domain/reminders.ts).
  const order = sendOrder(todo, log.deferredSince);

  // Recipients the runner may still mail today (100/day consumer, 1,500 Workspace):
  // developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota()
  let quota = MailApp.getRemainingDailyQuota();
  const deferredRows: Cell[][] = [];
  // Rows logged Sending whose email went: confirmed Sent together (one write) at the end.
  const sentRows: number[] = [];
  // The slowest email so far (log row, flush, send): a run stops while one more still fits.
  let slowest = 0;
  onMailed?.(0, order.length);
  try {
    for (const [i, d] of order.entries()) {
      if (usedMs(started) + slowest > STOP_AFTER_MS) {
        summary.continued = order.slice(i).map((x) => line(x.member, x.items.length));
        break;
      }
      const mailStarted = usedMs(started);
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
      // withDocumentLock flushes before it releases: the row is stored before mail goes.
      const row = withDocumentLock(
        () =>
          claimMember(
            log,
            logRow(day, d.member.email, d.items.length, STATUS_SENDING, runBy),
            d.member.email,
          ),
        LOCK_WAIT_MS,
      );
      if (row === null) {
        summary.skipped.push({ ...line(d.member, d.items.length), reason: 'already mailed today' });
        continue;
      }
      try {
        MailApp.sendEmail(mail.to, mail.subject, mail.body, { htmlBody: mail.htmlBody, name: mail.name });
      } catch (e) {
        // Errors of Apps Script services are not always instances of this realm's Error.
        const m = (e as { message?: unknown } | null)?.message;
        const msg = typeof m === 'string' ? m : String(e);
        // sendEmail threw: nothing was sent, so the row must not keep the member from a rerun.
        const quotaGone = QUOTA_ERROR.test(msg);
        const status = quotaGone
          ? deferredStatus(runBy)
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
      onMailed?.(summary.sent.length, order.length);
      slowest = Math.max(slowest, usedMs(started) - mailStarted);
    }
  } finally {
    if (sentRows.length) withDocumentLock(() => confirmSent(log, sentRows), LOCK_WAIT_MS);
  }
  if (summary.deferred.length) {
    const left = deferredStatus(runBy);
    for (const m of summary.deferred) {
      if (!deferredRows.some((r) => r[1] === `'${m.email}`))
        deferredRows.push(logRow(day, m.email, m.items, left, runBy));
    }
  }
  if (deferredRows.length) withDocumentLock(() => appendLogRows(log, deferredRows), LOCK_WAIT_MS);
  // A follow-up that could not mail anyone in its time (the reads alone took it) starts no
  // other: the chain ends, and the next hour's run mails whoever is left.
  if (summary.continued?.length && (summary.sent.length > 0 || !resumeOf)) {
    try {
      summary.resumeId = scheduleResume(ctx.ss.getId(), resumeOf, mode === 'trigger');
    } catch {
      // No follow-up (an add-on may hold one clock trigger per user per document, and the
      // hourly one is it): what was sent is logged, and the next run mails who is left.
    }
  }
  summary.quotaLeft = Math.max(0, quota);
  return summary;
}
