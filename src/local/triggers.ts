/**
 * Firing time-driven triggers in the local runtime. Apps Script runs an installable
 * trigger as the user who installed it (their authorization, their quotas) with the
 * spreadsheet the script is bound to as the active one, and passes an event object with
 * `triggerUid` (developers.google.com/apps-script/guides/triggers/events#time-driven-events).
 *
 * `runDueTriggers(google, project, until)` moves the clock from where it is to `until`,
 * running each daily trigger at its hour (in the trigger's time zone) on every day in
 * between, in time order, each as its owner. Triggers created or deleted by a run are
 * taken into account for the rest of the way. Apps Script fires within ±15 minutes of the
 * hour; here a trigger fires exactly at its hour (and `nearMinute` when given). A one-off
 * trigger (`after(ms)`, `at(date)`) fires once, at its instant.
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

/** The first time `t` fires strictly after `after` (ms), or null when it never does. */
export function nextFireTime(t: TriggerModel, after: number): Date | null {
  if (t.kind !== 'CLOCK') return null;
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
  const minute = (t as ClockTriggerModel).nearMinute ?? 0;
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
