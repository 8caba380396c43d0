/**
 * The clock of the local Google as the page shows and moves it: wall-clock times in the
 * spreadsheet's zone, "Set" (jump, nothing runs), "Now" (follow the real time again) and
 * "Advance" (move forward running every daily trigger that falls due, each at its hour).
 */
import { instantOf, parseDayText, parseTimeText, wallTime } from '../../domain/dates';
import type { LocalGoogle } from '../backend';
import type { LocalProject } from '../runtime';
import { runDueTriggers, type TriggerRun } from '../triggers';
import { HttpError } from './http';

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the spreadsheet's wall clock, `YYYY-MM-DD HH:MM:SS`. */
export function localTime(d: Date, timeZone: string): string {
  const w = wallTime(d, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** An instant as a datetime-local input's value, `YYYY-MM-DDTHH:MM`, in the zone. */
export function localMinute(d: Date, timeZone: string): string {
  const w = wallTime(d, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** The instant a request's `local` (`YYYY-MM-DDTHH:MM` in the zone) names; 400 when it names none. */
export function clockTarget(b: { local?: unknown }, timeZone: string): Date {
  const text = String(b.local ?? '');
  const day = parseDayText(text);
  if (!day) throw new HttpError(400, `"${text}" is not a date and time (YYYY-MM-DDTHH:MM).`);
  const t = parseTimeText(text);
  return instantOf(day, timeZone, t?.hour ?? 0, t?.minute ?? 0);
}

/** POST /api/clock: jumps to `local`, or follows the real time again when it is empty. */
export function setClock(google: LocalGoogle, b: { local?: unknown }, timeZone: string) {
  if (b.local === null || b.local === undefined || b.local === '') {
    google.setNow(null);
    google.shiftClockTo(new Date());
    return { ok: true, now: google.now().toISOString() };
  }
  google.shiftClockTo(clockTarget(b, timeZone));
  return { ok: true, now: google.now().toISOString() };
}

/**
 * POST /api/advance: moves the clock forward to `local`, running each daily trigger that
 * falls due on the way; `onRun` gets each run with the number of mails it sent.
 */
export function advanceClock(
  google: LocalGoogle,
  project: LocalProject,
  b: { local?: unknown },
  timeZone: string,
  onRun: (run: TriggerRun, mails: number) => void,
): void {
  const until = clockTarget(b, timeZone);
  if (until.getTime() < google.now().getTime())
    throw new HttpError(400, 'Triggers only run forward: choose a later time, or use Set clock.');
  let mailMark = google.outbox.length;
  runDueTriggers(google, project, until, {
    onRun: (run) => {
      const mails = google.outbox.length - mailMark;
      mailMark = google.outbox.length;
      onRun(run, mails);
    },
  });
}
