/**
 * Calendar days. Inside the domain every date is a `Day`: the string `YYYY-MM-DD` of a
 * calendar day in the spreadsheet's time zone. Conversion from and to instants (`Date`)
 * happens only here, with the spreadsheet's IANA time zone given explicitly, so the
 * result never depends on the time zone of the machine that runs the code.
 */

export type Day = string; // 'YYYY-MM-DD'

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True for a Date from any realm (Apps Script values, vm contexts, this module). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export function isValidDay(s: string): boolean {
  const m = DAY_RE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Day number since 1970-01-01 (UTC arithmetic, no time zone involved). */
export function dayToOrdinal(day: Day): number {
  const m = DAY_RE.exec(day);
  if (!m) throw new Error(`Not a calendar day: "${day}"`);
  return Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY);
}

export function ordinalToDay(n: number): Day {
  const d = new Date(n * MS_PER_DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDays(day: Day, n: number): Day {
  return ordinalToDay(dayToOrdinal(day) + n);
}

/** Whole days from `a` to `b` (b - a). */
export function daysBetween(a: Day, b: Day): number {
  return dayToOrdinal(b) - dayToOrdinal(a);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const HOUR_MS = 3_600_000;
/** Per zone: UTC hour (ms / HOUR_MS) → the zone's offset (ms) for the whole hour, or NaN when it changes inside it. */
const hourOffsets = new Map<string, Map<number, number>>();
const HOUR_OFFSETS_KEPT = 20_000;
/** Before year 1000 (refused as dates anyway) Date.UTC would misread two-digit years: Intl only. */
const FAST_FROM_MS = Date.UTC(1000, 0, 1);

/**
 * The wall-clock time of an instant in a time zone. `Intl.DateTimeFormat.formatToParts` is
 * slow (every date cell of a union-size workbook goes through here), so the zone's offset is
 * found once per UTC hour and cached: when it is the same at the hour's first and last
 * millisecond it holds for the whole hour (no zone changes its offset twice within an hour),
 * and the wall time is plain UTC arithmetic; an hour with a transition in it asks Intl for
 * every instant.
 */
export function wallTime(instant: Date, timeZone: string): WallTime {
  const ms = instant.getTime();
  if (!Number.isFinite(ms) || ms < FAST_FROM_MS) return wallTimeIntl(instant, timeZone);
  let zone = hourOffsets.get(timeZone);
  if (!zone) hourOffsets.set(timeZone, (zone = new Map()));
  const hour = Math.floor(ms / HOUR_MS);
  let offset = zone.get(hour);
  if (offset === undefined) {
    const a = offsetMs(hour * HOUR_MS, timeZone);
    const b = offsetMs(hour * HOUR_MS + HOUR_MS - 1000, timeZone);
    offset = a === b ? a : Number.NaN;
    if (zone.size >= HOUR_OFFSETS_KEPT) zone.clear();
    zone.set(hour, offset);
  }
  if (Number.isNaN(offset)) return wallTimeIntl(instant, timeZone);
  const d = new Date(ms + offset);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** The zone's offset from UTC (ms, to the second) at a whole-second instant. */
function offsetMs(ms: number, timeZone: string): number {
  const w = wallTimeIntl(new Date(ms), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - ms;
}

function wallTimeIntl(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Offset of the time zone from UTC at an instant, in minutes (Asia/Shanghai: +480). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const w = wallTime(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const ms = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((asUtc - ms) / 60_000);
}

/** The calendar day an instant falls on in the time zone. */
export function dayOf(instant: Date, timeZone: string): Day {
  const w = wallTime(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The instant of a wall-clock time in the time zone (first occurrence when ambiguous). */
export function instantOf(day: Day, timeZone: string, hour = 0, minute = 0): Date {
  const m = DAY_RE.exec(day);
  if (!m) throw new Error(`Not a calendar day: "${day}"`);
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hour, minute);
  // Two passes settle the offset across DST changes.
  let t = guess - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000;
  t = guess - zoneOffsetMinutes(new Date(t), timeZone) * 60_000;
  return new Date(t);
}

/** English month and weekday names (documents, Utilities.formatDate, Sheets date formats). */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;
const MONTHS = MONTH_NAMES.map((m) => m.slice(0, 3).toLowerCase());

/**
 * Reads a day typed as text: `2026-03-15`, `2026/3/15`, `2026.3.15`, `2026年3月15日`,
 * optionally followed by a time of day. Returns null when it is not a valid calendar day.
 */
export function parseDayText(text: string): Day | null {
  const s = text.trim();
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(
    s,
  );
  if (m) {
    const day = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
    return isValidDay(day) ? day : null;
  }
  m = /^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})$/.exec(s);
  if (m) {
    const mo = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
    const day = `${m[3]}-${pad(mo)}-${pad(Number(m[1]))}`;
    return mo > 0 && isValidDay(day) ? day : null;
  }
  return null;
}

/** The time of day of a text such as `2026-03-15 14:30`, or null. */
export function parseTimeText(text: string): { hour: number; minute: number } | null {
  const m = /(?:^|[ T])(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(text.trim());
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  return hour < 24 && minute < 60 ? { hour, minute } : null;
}

/** A cell's value as a calendar day: a Date (in the spreadsheet's zone) or a date-like text. */
export function cellToDay(v: unknown, timeZone: string): Day | null {
  if (isDate(v)) return Number.isNaN(v.getTime()) ? null : dayOf(v, timeZone);
  if (typeof v === 'string') return v.trim() === '' ? null : parseDayText(v);
  return null;
}

export function todayIn(timeZone: string, now: Date = new Date()): Day {
  return dayOf(now, timeZone);
}
