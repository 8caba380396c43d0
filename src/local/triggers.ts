/**
 * Firing time-driven triggers in the local runtime. Apps Script runs an installable
 * trigger as the user who installed it (their authorization, their quotas) with the
 * spreadsheet the script is bound to as the active one, and passes an event object with
 * `triggerUid` (developers.google.com/apps-script/guides/triggers/events#time-driven-events).
 *
 * `runDueTriggers(google, project, until)` moves the clock from where it is to `until`,
 * running each daily trigger at its hour (in the trigger's time zone) on every day in
 * between, in time order, each as its owner. Triggers created or deleted by a run are
 * taken into account for the rest of the way. Apps Script picks the minute within the hour
 * and keeps it ("if you create a recurring 9 a.m. trigger, Apps Script chooses a time between
 * 9 a.m. and 10 a.m., then keeps that timing consistent from day to day":
 * developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers); here
 * that minute is a hash of the trigger's owner, handler, document and creation time, so a
 * test is reproducible (`nearMinute` when given). `everyHours(n)` triggers fire every n
 * hours at their minute.
 * A one-off trigger (`after(ms)`, `at(date)`) fires once, at its instant.
 */
import { addDays, type Day, dayOf, instantOf } from '../domain/dates';
import type { LocalGoogle, TriggerModel } from './backend';
import type { LocalProject, RunResult } from './runtime';
import type { ClockTriggerModel } from './services/script';

export interface TriggerRun {
  triggerId: string;
  handler: string;
  owner: string;
  at: Date;
  ok: boolean;
  value?: unknown;
  error?: string;
  calls: number;
}

/** The instant each trigger last fired (or was considered), per local Google. */
const lastFired = new WeakMap<LocalGoogle, Map<string, number>>();
function firedMap(google: LocalGoogle): Map<string, number> {
  let m = lastFired.get(google);
  if (!m) lastFired.set(google, (m = new Map()));
  return m;
}

/** The minute within the hour at which `t` fires: its nearMinute, else a stable pseudo-random one. */
export function fireMinute(t: TriggerModel): number {
  const near = (t as ClockTriggerModel).nearMinute;
  if (near !== undefined) return near;
  const key = `${t.owner}|${t.handler}|${t.sourceId ?? ''}|${t.createdAt.getTime()}`;
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619) >>> 0;
  return h % 60;
}

const HOUR_MS = 3600_000;

/** The first time `t` fires strictly after `after` (ms), or null when it never does. */
export function nextFireTime(t: TriggerModel, after: number): Date | null {
  if (t.kind !== 'CLOCK') return null;
  if (t.everyHours) {
    // Every n hours from the hour it was created in, at its minute.
    const every = t.everyHours * HOUR_MS;
    const base = Math.floor(t.createdAt.getTime() / HOUR_MS) * HOUR_MS + fireMinute(t) * 60_000;
    const from = Math.max(after, t.createdAt.getTime());
    let at = base + Math.max(0, Math.floor((from - base) / every)) * every;
    while (at <= from) at += every;
    return new Date(at);
  }
  // A one-off trigger (after/at) fires once, at its instant; it stays listed until deleted.
  const once = (t as ClockTriggerModel).once;
  if (once !== undefined) return once > after ? new Date(once) : null;
  const tz = t.timeZone ?? 'UTC';
  const every = Math.max(1, t.everyDays ?? 1);
  const created = t.createdAt;
  const hour =
    t.atHour ??
    Number(
      new Intl.DateTimeFormat('en-US', { timeZone: tz, hour: 'numeric', hourCycle: 'h23' }).format(created),
    );
  const minute = fireMinute(t);
  const first: Day = dayOf(created, tz);
  // Walk the trigger's days (every `every` days from the day it was created).
  const startAt = Math.max(after, created.getTime());
  let d: Day = first;
  const startDay = dayOf(new Date(startAt), tz);
  if (startDay > first) {
    const gap = Math.round((Date.parse(startDay) - Date.parse(first)) / 86_400_000);
    d = addDays(first, Math.floor(gap / every) * every);
  }
  for (let i = 0; i < 4; i++, d = addDays(d, every)) {
    const at = instantOf(d, tz, hour, minute);
    if (at.getTime() > startAt) return at;
  }
  return null;
}

/** Time-driven event object, as Apps Script passes it (fields in UTC). */
export function clockEvent(t: TriggerModel, at: Date): Record<string, unknown> {
  const weekOfYear = (() => {
    const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
    const dayNum = d.getUTCDay() || 7;
    d.setUTCDate(d.getUTCDate() + 4 - dayNum);
    const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
    return Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  })();
  return {
    authMode: 'FULL',
    triggerUid: t.id,
    year: at.getUTCFullYear(),
    month: at.getUTCMonth() + 1,
    'day-of-month': at.getUTCDate(),
    'day-of-week': at.getUTCDay() || 7,
    'week-of-year': weekOfYear,
    hour: at.getUTCHours(),
    minute: at.getUTCMinutes(),
    second: at.getUTCSeconds(),
    timezone: 'UTC',
  };
}

export interface RunDueOptions {
  /** Called after each run (the workbench shows it). */
  onRun?: (run: TriggerRun, result: RunResult | null) => void;
  /** Stop after this many runs (a guard; default 10,000). */
  maxRuns?: number;
}

/**
 * Runs every clock trigger due from the current clock up to `until`, each as its owner,
 * and leaves the clock at `until` (fixed if it was fixed, running otherwise).
 * A run that throws is recorded (Apps Script would email its owner a failure notice).
 */
export function runDueTriggers(
  google: LocalGoogle,
  project: LocalProject,
  until: Date,
  opts: RunDueOptions = {},
): TriggerRun[] {
  const fired = firedMap(google);
  const start = google.now().getTime();
  const wasFixed = isFixed(google);
  const runs: TriggerRun[] = [];
  const max = opts.maxRuns ?? 10_000;
  const end = until.getTime();
  while (runs.length < max) {
    let best: { t: TriggerModel; at: Date } | null = null;
    for (const t of google.triggers) {
      if (t.kind !== 'CLOCK') continue;
      const after = Math.max(fired.get(t.id) ?? t.createdAt.getTime(), start);
      const at = nextFireTime(t, after);
      if (!at || at.getTime() > end) continue;
      if (!best || at.getTime() < best.at.getTime()) best = { t, at };
    }
    if (!best) break;
    const { t, at } = best;
    fired.set(t.id, at.getTime());
    google.setNow(at);
    const run: TriggerRun = { triggerId: t.id, handler: t.handler, owner: t.owner, at, ok: true, calls: 0 };
    let result: RunResult | null = null;
    try {
      result = project.run(google, t.handler, [clockEvent(t, at)], {
        user: t.owner,
        authMode: 'FULL',
        trigger: true,
        spreadsheetId: t.sourceId ?? null,
      });
      run.value = result.value;
      run.calls = result.calls.total;
    } catch (e) {
      run.ok = false;
      // Errors may come from the project's vm realm: read the message, not instanceof.
      const m = (e as { message?: unknown } | null)?.message;
      run.error = typeof m === 'string' ? m : String(e);
    }
    runs.push(run);
    opts.onRun?.(run, result);
  }
  if (wasFixed) google.setNow(until);
  else google.shiftClockTo(until);
  return runs;
}

function isFixed(google: LocalGoogle): boolean {
  return (google as unknown as { fixedNow: number | null }).fixedNow !== null;
}
