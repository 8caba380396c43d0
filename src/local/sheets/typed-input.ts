/**
 * Typed input: how Sheets stores a value a script writes with setValue(s)/appendRow, read
 * as if a user typed it into the cell ("USER_ENTERED", en_US).
 *
 * Sources: "USER_ENTERED: The values will be parsed as if the user typed them into the UI"
 * (https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption), Range.setValue
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluevalue) and
 * "Date and number formats" (https://developers.google.com/sheets/api/guides/formats: dates and
 * times are serials counting days since December 30, 1899). What the references leave open
 * (the exact formats Sheets picks, two-digit years, accounting negatives, error literals) is
 * listed as assumptions in docs/local-runtime.md ("Values").
 */
import { instantOf, isDate, MONTH_NAMES, parseDayText, parseTimeText, wallTime } from '../../domain/dates';
import { type CellValue, cellKey, type SheetModel, type SpreadsheetModel } from '../model/spreadsheet-model';

const NUMBER_RE = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;
/** en_US grouping (1,234,567.89) and percentages (12.5%), as Sheets reads typed input. */
const GROUPED_RE = /^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const PERCENT_RE = /^[-+]?(\d+(\.\d*)?|\.\d+)%$/;
const TEXT_DATE_RE = /^\d{4}[-/]\d{1,2}[-/]\d{1,2}( \d{1,2}:\d{2}(:\d{2})?)?$/;
/** en_US currency: `$5`, `$1,200.50`, `-$5`, `$-5` (sign before or after the dollar sign). */
const CURRENCY_RE = /^([-+]?)\$([-+]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)$/;
/** A mixed fraction: `1 1/2`, `-2 3/16`. */
const FRACTION_RE = /^([-+]?)(\d+)\s+(\d+)\/(\d+)$/;
/** Error literals Sheets accepts as typed values. */
const ERROR_LITERALS = ['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#ERROR!'];
/** A time of day: `10:30`, `10:30:15`, `9:05 AM`, `10:30 pm`, `9 am`. */
const TIME_RE = /^(\d{1,2})(?::(\d{2})(?::(\d{2}))?)?(?:\s*([ap])\.?m\.?)?$/i;
/** A text ending in a time of day (the part before it may be a date). */
const TRAILING_TIME_RE = /^(.+?)\s+(\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)$/i;
/** en_US numeric dates, month first: `3/15/2026`, `03/15/26`, `3-15-2026`, `3/15`. */
const US_DATE_RE = /^(\d{1,2})([/-])(\d{1,2})(?:\2(\d{4}|\d{2}))?$/;
/** Month name first: `Mar 15, 2026`, `March 15 2026`, `Mar 15`. */
const NAME_MDY_RE = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:(,\s*|\s+)(\d{4}|\d{2}))?$/i;
/** Day first: `15 Mar 2026`, `15-Mar-2026`, `15 Mar`. */
const NAME_DMY_RE = /^(\d{1,2})([ -])([a-z]{3,9})\.?(?:\2(\d{4}|\d{2}))?$/i;

/** Number format Sheets gives a cell when a script writes a Date into an unformatted cell. */
export const DEFAULT_DATE_TIME_FORMAT = 'M/d/yyyy H:mm:ss';
/** Number format of a typed amount in dollars (en_US). */
const CURRENCY_FORMAT = '"$"#,##0.00';

type Interpreted = { value: CellValue; formula?: string; format?: string; error?: boolean };

/** The number a typed text stands for, or null when it is not a number. */
function numberOfText(t: string): number | null {
  if (NUMBER_RE.test(t)) return Number(t);
  if (GROUPED_RE.test(t)) return Number(t.replace(/,/g, ''));
  if (PERCENT_RE.test(t)) return Number(t.slice(0, -1)) / 100;
  return null;
}

/** A typed amount in dollars, or null. */
function currencyOfText(t: string): number | null {
  const m = CURRENCY_RE.exec(t);
  if (!m || (m[1] && m[2])) return null;
  const n = Number(m[3]!.replace(/,/g, ''));
  return m[1] === '-' || m[2] === '-' ? -n : n;
}

/**
 * A number typed in one of the other shapes Sheets reads: currency (`$1,200.50`), a mixed
 * fraction (`1 1/2`), an accounting negative in parentheses (`(5)`, `($5)`).
 */
function formattedNumberOfText(t: string): { n: number; format?: string } | null {
  const cur = currencyOfText(t);
  if (cur !== null) return { n: cur, format: CURRENCY_FORMAT };
  const f = FRACTION_RE.exec(t);
  if (f) {
    const num = Number(f[3]);
    const den = Number(f[4]);
    if (den === 0 || num >= den) return null;
    const v = Number(f[2]) + num / den;
    const q = '?'.repeat(f[4]!.length);
    return { n: f[1] === '-' ? -v : v, format: `# ${q}/${q}` };
  }
  if (t.length > 2 && t.startsWith('(') && t.endsWith(')')) {
    const inner = t.slice(1, -1);
    if (/^[-+]/.test(inner)) return null;
    const plain = numberOfText(inner);
    if (plain !== null) return { n: -plain };
    const c = currencyOfText(inner);
    if (c !== null) return { n: -c, format: CURRENCY_FORMAT };
  }
  return null;
}

interface TypedTime {
  hour: number;
  minute: number;
  second: number;
  /** The number format for the shape it was typed in. */
  format: string;
}

/** A time of day typed as text (`10:30`, `10:30:15`, `9:05 AM`), or null. */
function timeOfText(t: string): TypedTime | null {
  const m = TIME_RE.exec(t);
  if (!m || (m[2] === undefined && !m[4])) return null;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  const second = Number(m[3] ?? 0);
  if (minute > 59 || second > 59) return null;
  const ampm = m[4]?.toLowerCase();
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm === 'p' ? 12 : 0);
  } else if (hour > 23) return null;
  const secs = m[3] !== undefined;
  return { hour, minute, second, format: `h:mm${secs ? ':ss' : ''}${ampm ? ' am/pm' : ''}` };
}

interface TypedDate {
  year: number;
  month: number;
  day: number;
  format: string;
}

/** Two-digit years: 00–29 are 2000–2029, 30–99 are 1930–1999 (assumption). */
function fullYear(y: string): number {
  const n = Number(y);
  return y.length > 2 ? n : n < 30 ? 2000 + n : 1900 + n;
}

function monthOfName(name: string): { month: number; full: boolean } | null {
  const lower = name.toLowerCase();
  const i = MONTH_NAMES.findIndex((m) => m.toLowerCase() === lower || m.slice(0, 3).toLowerCase() === lower);
  if (i >= 0) return { month: i + 1, full: lower.length > 3 };
  return lower === 'sept' ? { month: 9, full: false } : null;
}

const validDay = (y: number, mo: number, d: number) =>
  mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();

/** An en_US date typed as text (month first, or with a month name), or null. */
function usDateOfText(t: string, currentYear: number): TypedDate | null {
  let m = US_DATE_RE.exec(t);
  if (m) {
    const sep = m[2]!;
    if (sep === '-' && m[4] === undefined) return null; // `3-15` is not read as a date
    const year = m[4] === undefined ? currentYear : fullYear(m[4]);
    const month = Number(m[1]);
    const day = Number(m[3]);
    if (!validDay(year, month, day)) return null;
    const padded = m[1]!.startsWith('0') || m[3]!.startsWith('0');
    const [mm, dd] = padded ? ['MM', 'dd'] : ['M', 'd'];
    const yy = m[4] === undefined ? '' : `${sep}${m[4].length > 2 ? 'yyyy' : 'yy'}`;
    return { year, month, day, format: `${mm}${sep}${dd}${yy}` };
  }
  m = NAME_MDY_RE.exec(t);
  if (m) {
    const mo = monthOfName(m[1]!);
    if (!mo) return null;
    const year = m[4] === undefined ? currentYear : fullYear(m[4]);
    const day = Number(m[2]);
    if (!validDay(year, mo.month, day)) return null;
    const sep = m[3]?.startsWith(',') ? ', ' : ' ';
    const yy = m[4] === undefined ? '' : `${sep}${m[4].length > 2 ? 'yyyy' : 'yy'}`;
    const fmt = `${mo.full ? 'mmmm' : 'mmm'} ${m[2]!.startsWith('0') ? 'dd' : 'd'}${yy}`;
    return { year, month: mo.month, day, format: fmt };
  }
  m = NAME_DMY_RE.exec(t);
  if (m) {
    const mo = monthOfName(m[3]!);
    if (!mo) return null;
    const year = m[4] === undefined ? currentYear : fullYear(m[4]);
    const day = Number(m[1]);
    if (!validDay(year, mo.month, day)) return null;
    const sep = m[2]!;
    const yy = m[4] === undefined ? '' : `${sep}${m[4].length > 2 ? 'yyyy' : 'yy'}`;
    const fmt = `${m[1]!.startsWith('0') ? 'dd' : 'd'}${sep}${mo.full ? 'mmmm' : 'mmm'}${yy}`;
    return { year, month: mo.month, day, format: fmt };
  }
  return null;
}

/** The instant of a wall-clock time (to the second) in a time zone, also for historic offsets. */
function zonedInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  timeZone: string,
): Date {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  const offset = (t: number) => {
    const w = wallTime(new Date(t), timeZone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(t / 1000) * 1000;
  };
  // Two passes settle the offset across DST changes.
  let t = guess - offset(guess);
  t = guess - offset(t);
  return new Date(t);
}

/**
 * A date and/or time typed in an en_US shape: `3/15/2026`, `Mar 15, 2026`, `15-Mar-2026`,
 * `3/15` (current year), each with an optional time, or a time alone (`10:30`, `9:05 AM`),
 * which Sheets stores as a time serial: December 30, 1899 at that wall time.
 */
function dateTimeOfText(t: string, timeZone: string, now: Date): Interpreted | null {
  const currentYear = wallTime(now, timeZone).year;
  const time = timeOfText(t);
  if (time) {
    return {
      value: zonedInstant(1899, 12, 30, time.hour, time.minute, time.second, timeZone),
      format: time.format,
    };
  }
  let date = usDateOfText(t, currentYear);
  let at: TypedTime | null = null;
  if (!date) {
    const m = TRAILING_TIME_RE.exec(t);
    if (!m) return null;
    at = timeOfText(m[2]!);
    date = at && usDateOfText(m[1]!, currentYear);
    if (!date || !at) return null;
  }
  const timeFormat = at ? (/am\/pm/.test(at.format) ? ' h:mm:ss am/pm' : ' H:mm:ss') : '';
  return {
    value: zonedInstant(
      date.year,
      date.month,
      date.day,
      at?.hour ?? 0,
      at?.minute ?? 0,
      at?.second ?? 0,
      timeZone,
    ),
    format: date.format + timeFormat,
  };
}

/**
 * How Sheets stores a string written with setValue(s): a leading apostrophe forces text
 * (and is not stored), `=` starts a formula, so does `+` or `-` before anything that is not
 * a number; numbers (also `1,234`, `50%`, `1.5E+3`, `$1,200.50`, `1 1/2`, `(5)`), booleans,
 * error literals (`#N/A`), dates (`2026-03-15`, `3/15/2026`, `Mar 15, 2026`, `3/15`, with an
 * optional time) and times (`10:30`, `9:05 AM`) are recognised; a cell formatted as plain text
 * (`@`) keeps the string as it is. `format` is the number format Sheets gives an unformatted
 * cell for the value; `error` marks an error literal (stored as its text, without a formula).
 * `now` is the clock for dates typed without a year (the current year in `timeZone`).
 */
export function interpretInput(
  v: unknown,
  timeZone: string,
  plainText: boolean,
  now: Date = new Date(),
): Interpreted {
  if (v === null || v === undefined) return { value: '' };
  if (isDate(v)) return { value: new Date(v.getTime()), format: DEFAULT_DATE_TIME_FORMAT };
  if (typeof v === 'number') return { value: Number.isFinite(v) ? v : '#NUM!' };
  if (typeof v === 'boolean') return { value: v };
  if (typeof v !== 'string') return { value: String(v) };
  if (plainText) return { value: v };
  if (v.startsWith("'")) return { value: v.slice(1) };
  if (v.startsWith('=') && v.length > 1) return { value: '#NAME?', formula: v };
  const t = v.trim();
  const n = numberOfText(t);
  if (n !== null) return { value: n };
  const fn = formattedNumberOfText(t);
  if (fn) return fn.format ? { value: fn.n, format: fn.format } : { value: fn.n };
  if ((v.startsWith('+') || v.startsWith('-')) && t.length > 1) return { value: '#ERROR!', formula: `=${v}` };
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true' };
  const err = ERROR_LITERALS.find((e) => e === t.toUpperCase());
  if (err) return { value: err, error: true };
  const day = parseDayText(t);
  if (day && TEXT_DATE_RE.test(t)) {
    const tm = parseTimeText(t);
    const sep = t.includes('/') ? '/' : '-';
    const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
    const sec = Number(/:\d{2}:(\d{2})$/.exec(t)?.[1] ?? 0);
    return {
      value: tm ? zonedInstant(y, mo, d, tm.hour, tm.minute, sec, timeZone) : instantOf(day, timeZone),
      format: `yyyy${sep}mm${sep}dd${tm ? ' h:mm:ss' : ''}`,
    };
  }
  return dateTimeOfText(t, timeZone, now) ?? { value: v };
}

/** Stores one value as Sheets does when a script writes it (see interpretInput). */
export function writeCell(
  ss: SpreadsheetModel,
  s: SheetModel,
  r: number,
  c: number,
  v: unknown,
  now: Date,
): void {
  const k = cellKey(r, c);
  const fmt = s.numberFormats.get(k);
  const { value, formula, format } = interpretInput(v, ss.timeZone, fmt === '@', now);
  s.set(r, c, value);
  if (formula) s.formulas.set(k, formula);
  else s.formulas.delete(k);
  if (format && (fmt === undefined || fmt === 'General')) s.numberFormats.set(k, format);
}
