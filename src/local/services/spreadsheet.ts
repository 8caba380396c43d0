/**
 * SpreadsheetApp, emulated: spreadsheets, sheets, ranges and A1 notation, values (with
 * Dates), "user-entered" string interpretation, data validation, frozen rows, protections,
 * named ranges, toasts and the Ui (menus, alerts, sidebars, dialogs).
 *
 * Behaviour follows the Apps Script reference (developers.google.com/apps-script/reference/
 * spreadsheet); each behaviour the add-on relies on has a conformance test citing it.
 */
import {
  instantOf,
  isDate,
  MONTH_NAMES,
  parseDayText,
  parseTimeText,
  WEEKDAY_NAMES,
  wallTime,
} from '../../domain/dates';
import type { MenuItemModel, MenuModel } from '../backend';
import type { Execution } from '../execution';

export type CellValue = string | number | boolean | Date;

/** An Apps Script exception: `Exception: <message>` as Apps Script shows it. */
export class GasError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

// ------------------------------------------------------------------------------------
// Model: the stored state of a spreadsheet, shared by all executions.

export interface ValidationRule {
  criteria: string; // DataValidationCriteria name, e.g. VALUE_IN_LIST
  args: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

interface ValidationArea {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
  rule: ValidationRule | null;
}

export interface ProtectionModel {
  id: number;
  sheetId: number;
  range: { r1: number; c1: number; r2: number; c2: number } | null;
  description: string;
  warningOnly: boolean;
}

export class SheetModel {
  /** Values by 0-based row then column; missing cells are ''. */
  cells: CellValue[][] = [];
  formulas = new Map<string, string>();
  numberFormats = new Map<string, string>();
  fontWeights = new Map<string, string>();
  backgrounds = new Map<string, string>();
  notes = new Map<string, string>();
  validations: ValidationArea[] = [];
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  columnWidths = new Map<number, number>();
  constructor(
    public id: number,
    public name: string,
    public maxRows = 1000,
    public maxColumns = 26,
  ) {}

  get(r: number, c: number): CellValue {
    return this.cells[r - 1]?.[c - 1] ?? '';
  }
  set(r: number, c: number, v: CellValue): void {
    let row = this.cells[r - 1];
    if (!row) {
      for (let i = this.cells.length; i < r; i++) this.cells[i] ??= [];
      row = this.cells[r - 1]!;
    }
    for (let i = row.length; i < c - 1; i++) row[i] = '';
    row[c - 1] = v;
  }
  lastRow(): number {
    for (let r = this.cells.length; r >= 1; r--) {
      const row = this.cells[r - 1];
      if (row?.some((v) => v !== '')) return r;
    }
    return 0;
  }
  lastColumn(): number {
    let max = 0;
    for (const row of this.cells) {
      if (!row) continue;
      for (let c = row.length; c > max; c--) {
        if (row[c - 1] !== '') {
          max = c;
          break;
        }
      }
    }
    return max;
  }
  validationAt(r: number, c: number): ValidationRule | null {
    for (let i = this.validations.length - 1; i >= 0; i--) {
      const a = this.validations[i]!;
      if (r >= a.r1 && r <= a.r2 && c >= a.c1 && c <= a.c2) return a.rule;
    }
    return null;
  }
  setValidation(r1: number, c1: number, r2: number, c2: number, rule: ValidationRule | null): void {
    // Areas wholly covered by the new one are dropped, so repeated runs don't pile up.
    this.validations = this.validations.filter(
      (a) => !(a.r1 >= r1 && a.r2 <= r2 && a.c1 >= c1 && a.c2 <= c2),
    );
    this.validations.push({ r1, c1, r2, c2, rule });
  }
  /**
   * Rows inserted after row `after` take that row's number formats and data validation, as
   * rows inserted in Sheets take the formatting of the row above (assumption, see
   * docs/local-runtime.md).
   */
  insertRows(after: number, n: number): void {
    this.cells.splice(after, 0, ...Array.from({ length: n }, () => [] as CellValue[]));
    this.shiftKeyed((r, c) => (r > after ? [r + n, c] : [r, c]));
    for (const a of this.validations) {
      const covers = a.r1 <= after && a.r2 >= after;
      if (a.r1 > after) a.r1 += n;
      if (a.r2 > after || covers) a.r2 += n;
    }
    if (after >= 1) {
      const above = [...this.numberFormats].filter(([k]) => k.startsWith(`${after},`));
      for (const [k, fmt] of above) {
        const c = k.slice(k.indexOf(',') + 1);
        for (let r = after + 1; r <= after + n; r++) this.numberFormats.set(`${r},${c}`, fmt);
      }
    }
    this.maxRows += n;
  }
  deleteRows(start: number, n: number): void {
    this.cells.splice(start - 1, n);
    this.shiftKeyed((r, c) => (r >= start + n ? [r - n, c] : r >= start ? null : [r, c]));
    const end = start + n - 1;
    // Areas inside the deleted rows go; the others shrink or move up with their rows.
    this.validations = this.validations
      .filter((a) => !(a.r1 >= start && a.r2 <= end))
      .map((a) => {
        const keep = (r: number) => (r < start ? r : r > end ? r - n : start);
        return { ...a, r1: keep(a.r1), r2: a.r2 > end ? a.r2 - n : Math.min(a.r2, start - 1) };
      });
    this.maxRows -= n;
  }
  insertColumns(after: number, n: number): void {
    for (const row of this.cells)
      if (row && row.length > after) row.splice(after, 0, ...Array<CellValue>(n).fill(''));
    this.shiftKeyed((r, c) => (c > after ? [r, c + n] : [r, c]));
    for (const a of this.validations) {
      if (a.c1 > after) a.c1 += n;
      if (a.c2 > after) a.c2 += n;
    }
    this.maxColumns += n;
  }
  deleteColumns(start: number, n: number): void {
    for (const row of this.cells) if (row) row.splice(start - 1, n);
    this.shiftKeyed((r, c) => (c >= start + n ? [r, c - n] : c >= start ? null : [r, c]));
    this.validations = this.validations
      .filter((a) => !(a.c1 >= start && a.c2 < start + n))
      .map((a) => ({
        ...a,
        c1: a.c1 >= start + n ? a.c1 - n : a.c1,
        c2: a.c2 >= start + n ? a.c2 - n : a.c2,
      }));
    this.maxColumns -= n;
  }
  private shiftKeyed(f: (r: number, c: number) => [number, number] | null): void {
    for (const m of [this.formulas, this.numberFormats, this.fontWeights, this.backgrounds, this.notes]) {
      const entries = [...m.entries()];
      m.clear();
      for (const [k, v] of entries) {
        const [r, c] = k.split(',').map(Number) as [number, number];
        const to = f(r, c);
        if (to) (m as Map<string, string>).set(`${to[0]},${to[1]}`, v);
      }
    }
  }
}

export class SpreadsheetModel {
  sheets: SheetModel[] = [];
  namedRanges = new Map<string, { sheetId: number; r1: number; c1: number; r2: number; c2: number }>();
  protections: ProtectionModel[] = [];
  private nextSheetId = 0;
  private nextProtectionId = 1;
  /** Bumped on every change: the workbench and file store use it to know when to save. */
  revision = 0;
  constructor(
    public id: string,
    public name: string,
    public timeZone = 'Asia/Shanghai',
    public locale = 'en_US',
  ) {}
  addSheet(name: string, index?: number): SheetModel {
    const s = new SheetModel(this.nextSheetId++, name);
    if (index === undefined || index >= this.sheets.length) this.sheets.push(s);
    else this.sheets.splice(Math.max(0, index), 0, s);
    return s;
  }
  /** Sheet names are unique ignoring case; an exact match wins. */
  sheetByName(name: string): SheetModel | undefined {
    const lower = name.toLowerCase();
    return (
      this.sheets.find((s) => s.name === name) ?? this.sheets.find((s) => s.name.toLowerCase() === lower)
    );
  }
  newProtectionId(): number {
    return this.nextProtectionId++;
  }
  touch(): void {
    this.revision++;
  }
}

// ------------------------------------------------------------------------------------
// Value interpretation, as when a user types into a cell ("USER_ENTERED").
//
// Sources: "USER_ENTERED: The values will be parsed as if the user typed them into the UI"
// (https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption), Range.setValue
// (https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluevalue) and
// "Date and number formats" (https://developers.google.com/sheets/api/guides/formats: dates and
// times are serials counting days since December 30, 1899). What the references leave open
// (the exact formats Sheets picks, two-digit years, accounting negatives, error literals) is
// listed as assumptions in docs/local-runtime.md ("Values").

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

// ------------------------------------------------------------------------------------
// Display: Sheets number formats (https://developers.google.com/sheets/api/guides/formats).

type DateToken = { kind: 'lit'; text: string } | { kind: 'tok'; ch: string; n: number };

function tokenizeDateFormat(fmt: string): DateToken[] {
  const out: DateToken[] = [];
  let i = 0;
  while (i < fmt.length) {
    const ch = fmt[i]!;
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      out.push({ kind: 'lit', text: fmt.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? fmt.length : end + 1;
    } else if (ch === '\\' && i + 1 < fmt.length) {
      out.push({ kind: 'lit', text: fmt[i + 1]! });
      i += 2;
    } else if (/am\/pm/i.test(fmt.slice(i, i + 5))) {
      out.push({ kind: 'tok', ch: 'ampm', n: 5 });
      i += 5;
    } else if (/a\/p/i.test(fmt.slice(i, i + 3))) {
      out.push({ kind: 'tok', ch: 'ap', n: 3 });
      i += 3;
    } else if (/[dmyhs]/i.test(ch)) {
      let n = 1;
      while (fmt[i + n]?.toLowerCase() === ch.toLowerCase()) n++;
      out.push({ kind: 'tok', ch: ch.toLowerCase(), n });
      i += n;
    } else {
      out.push({ kind: 'lit', text: ch });
      i++;
    }
  }
  return out;
}

/** A Date shown with a Sheets date/time format, in the spreadsheet's time zone. */
export function formatDateCell(d: Date, timeZone: string, fmt: string): string {
  const w = wallTime(d, timeZone);
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const toks = tokenizeDateFormat(fmt);
  const twelve = toks.some((t) => t.kind === 'tok' && (t.ch === 'ampm' || t.ch === 'ap'));
  const pad = (v: number, n: number) => String(v).padStart(Math.min(n, 2), '0');
  const tokAt = (j: number) => (toks[j]?.kind === 'tok' ? (toks[j] as { ch: string }).ch : null);
  // m/mm is minutes right after an hour or right before seconds (literals in between skipped).
  const near = (j: number, step: number, want: string) => {
    for (let k = j + step; k >= 0 && k < toks.length; k += step) {
      const t = tokAt(k);
      if (t) return t === want;
    }
    return false;
  };
  let out = '';
  toks.forEach((t, j) => {
    if (t.kind === 'lit') {
      out += t.text;
      return;
    }
    switch (t.ch) {
      case 'y':
        out += t.n <= 2 ? String(w.year % 100).padStart(2, '0') : String(w.year);
        break;
      case 'd':
        out +=
          t.n >= 4
            ? WEEKDAY_NAMES[weekday]
            : t.n === 3
              ? WEEKDAY_NAMES[weekday]!.slice(0, 3)
              : pad(w.day, t.n);
        break;
      case 'm':
        if (t.n <= 2 && (near(j, -1, 'h') || near(j, 1, 's'))) out += pad(w.minute, t.n);
        else if (t.n >= 5) out += MONTH_NAMES[w.month - 1]![0];
        else if (t.n === 4) out += MONTH_NAMES[w.month - 1];
        else if (t.n === 3) out += MONTH_NAMES[w.month - 1]!.slice(0, 3);
        else out += pad(w.month, t.n);
        break;
      case 'h':
        out += pad(twelve ? w.hour % 12 || 12 : w.hour, t.n);
        break;
      case 's':
        out += pad(w.second, t.n);
        break;
      case 'ampm':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'ap':
        out += w.hour < 12 ? 'a' : 'p';
        break;
    }
  });
  return out;
}

/** A number shown with Sheets' automatic format: integers in full, else 10 significant digits. */
function generalNumber(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  return String(Number(v.toPrecision(10)));
}

/** A number shown with a Sheets number format such as `0.00`, `#,##0`, `0%`, `"¥"#,##0.00`. */
export function formatNumberCell(v: number, fmt: string): string {
  const sections = fmt.split(';');
  let f = sections[0]!;
  let sign = v < 0 ? '-' : '';
  if (v < 0 && sections[1] !== undefined) {
    f = sections[1];
    sign = '';
  }
  let a = Math.abs(v);
  const start = f.search(/[0#?]/);
  if (start < 0) return sign + generalNumber(a);
  let end = start;
  while (end < f.length && /[0#?,.]/.test(f[end]!)) end++;
  const body = f.slice(start, end);
  const lit = (s: string) =>
    s
      .replace(/\[\$([^\]-]*)[^\]]*\]/g, '$1')
      .replace(/"([^"]*)"/g, '$1')
      .replace(/\\(.)/g, '$1');
  const prefix = lit(f.slice(0, start));
  const suffix = lit(f.slice(end));
  if (suffix.includes('%') || prefix.includes('%')) a *= 100;
  const dot = body.indexOf('.');
  const decimals = dot < 0 ? 0 : body.slice(dot + 1).replace(/[^0#?]/g, '').length;
  const minDecimals = dot < 0 ? 0 : body.slice(dot + 1).replace(/[^0]/g, '').length;
  let text = a.toFixed(decimals);
  if (decimals > minDecimals) {
    const [i, d = ''] = text.split('.');
    let dd = d;
    while (dd.length > minDecimals && dd.endsWith('0')) dd = dd.slice(0, -1);
    text = dd ? `${i}.${dd}` : i!;
  }
  const intDigits = (dot < 0 ? body : body.slice(0, dot)).replace(/[^0]/g, '').length;
  let [ip = '', dp] = text.split('.');
  if (ip === '0' && intDigits === 0) ip = '';
  if (body.slice(0, dot < 0 ? undefined : dot).includes(',')) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${prefix}${ip}${dp !== undefined ? `.${dp}` : ''}${suffix}`;
}

/** What a cell shows: getDisplayValue(s). */
export function displayCell(v: CellValue, fmt: string | undefined, timeZone: string): string {
  if (isDate(v)) return formatDateCell(v, timeZone, fmt && fmt !== 'General' ? fmt : 'yyyy-mm-dd');
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    if (!fmt || fmt === 'General' || fmt === '@' || !/[0#?]/.test(fmt)) return generalNumber(v);
    return formatNumberCell(v, fmt);
  }
  return String(v);
}

// ------------------------------------------------------------------------------------
// A1 notation.

export function columnToLetters(c: number): string {
  let s = '';
  while (c > 0) {
    const m = (c - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    c = Math.floor((c - 1) / 26);
  }
  return s;
}

export function lettersToColumn(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

interface A1 {
  sheet?: string;
  r1: number | null;
  c1: number | null;
  r2: number | null;
  c2: number | null;
}

export function parseA1(a1: string): A1 | null {
  let sheet: string | undefined;
  let ref = a1.trim();
  const bang = ref.lastIndexOf('!');
  if (bang >= 0) {
    sheet = ref.slice(0, bang);
    if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    ref = ref.slice(bang + 1);
  }
  const part = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;
  const [a, b] = ref.split(':');
  const m1 = part.exec(a ?? '');
  if (!m1 || (!m1[1] && !m1[2])) return null;
  const p1 = { c: m1[1] ? lettersToColumn(m1[1]) : null, r: m1[2] ? Number(m1[2]) : null };
  let p2 = p1;
  if (b !== undefined) {
    const m2 = part.exec(b);
    if (!m2 || (!m2[1] && !m2[2])) return null;
    p2 = { c: m2[1] ? lettersToColumn(m2[1]) : null, r: m2[2] ? Number(m2[2]) : null };
  }
  if (p1.r === 0 || p2.r === 0) return null;
  return { sheet, r1: p1.r, c1: p1.c, r2: p2.r, c2: p2.c };
}

// ------------------------------------------------------------------------------------
// The API objects.

const key = (r: number, c: number) => `${r},${c}`;

/** Stores one value as Sheets does when a script writes it (see interpretInput). */
function writeCell(ss: SpreadsheetModel, s: SheetModel, r: number, c: number, v: unknown, now: Date): void {
  const k = key(r, c);
  const fmt = s.numberFormats.get(k);
  const { value, formula, format } = interpretInput(v, ss.timeZone, fmt === '@', now);
  s.set(r, c, value);
  if (formula) s.formulas.set(k, formula);
  else s.formulas.delete(k);
  if (format && (fmt === undefined || fmt === 'General')) s.numberFormats.set(k, format);
}

function checkInt(name: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new GasError(`The parameters (${typeof v}) don't match the method signature for ${name}.`);
  }
  return Math.floor(v);
}

export class LocalSpreadsheetApp {
  readonly DataValidationCriteria = {
    VALUE_IN_LIST: 'VALUE_IN_LIST',
    VALUE_IN_RANGE: 'VALUE_IN_RANGE',
    CHECKBOX: 'CHECKBOX',
    DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
    NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    NUMBER_BETWEEN: 'NUMBER_BETWEEN',
    TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
    CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  };
  readonly ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' };
  readonly Dimension = { ROWS: 'ROWS', COLUMNS: 'COLUMNS' };
  constructor(private readonly x: Execution) {}

  getActiveSpreadsheet(): Spreadsheet | null {
    const id = this.x.spreadsheetId;
    if (!id) return null;
    return this.openById(id);
  }
  getActive(): Spreadsheet | null {
    return this.getActiveSpreadsheet();
  }
  openById(id: string): Spreadsheet {
    const m = this.x.google.spreadsheets.get(id);
    if (!m)
      throw new GasError(
        `Unexpected error while getting the method or property openById on object SpreadsheetApp.`,
      );
    return this.x.wrap(new Spreadsheet(this.x, m), 'Spreadsheet');
  }
  create(name: string, rows = 1000, columns = 26): Spreadsheet {
    const m = new SpreadsheetModel(this.x.google.newId('ss'), name, this.x.google.scriptTimeZone);
    const s = m.addSheet('Sheet1');
    s.maxRows = rows;
    s.maxColumns = columns;
    this.x.google.spreadsheets.set(m.id, m);
    return this.x.wrap(new Spreadsheet(this.x, m), 'Spreadsheet');
  }
  getUi(): Ui {
    // Time-driven (and other installable) trigger runs have no user interface to show.
    if (this.x.trigger) {
      throw new GasError('Cannot call SpreadsheetApp.getUi() from this context.');
    }
    return this.x.wrap(new Ui(this.x), 'Ui');
  }
  newDataValidation(): DataValidationBuilder {
    return this.x.wrap(new DataValidationBuilder(this.x), 'DataValidationBuilder');
  }
  flush(): void {}
}

export class Spreadsheet {
  constructor(
    private readonly x: Execution,
    readonly _m: SpreadsheetModel,
  ) {}
  getId(): string {
    return this._m.id;
  }
  getName(): string {
    return this._m.name;
  }
  rename(name: string): void {
    this._m.name = name;
    this._m.touch();
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this._m.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this._m.timeZone;
  }
  setSpreadsheetTimeZone(tz: string): void {
    this._m.timeZone = tz;
    this._m.touch();
  }
  getSpreadsheetLocale(): string {
    return this._m.locale;
  }
  getSheets(): Sheet[] {
    return this._m.sheets.map((s) => this.sheet(s));
  }
  getNumSheets(): number {
    return this._m.sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    const s = this._m.sheetByName(String(name));
    return s ? this.sheet(s) : null;
  }
  getSheetById(id: number): Sheet | null {
    const s = this._m.sheets.find((x) => x.id === id);
    return s ? this.sheet(s) : null;
  }
  getActiveSheet(): Sheet {
    return this.sheet(this._m.sheets[0]!);
  }
  insertSheet(name?: string | number, index?: number): Sheet {
    if (typeof name === 'number') {
      index = name;
      name = undefined;
    }
    const n = name ?? `Sheet${this._m.sheets.length + 1}`;
    if (this._m.sheetByName(n)) {
      throw new GasError(`A sheet with the name "${n}" already exists. Please enter another name.`);
    }
    const s = this._m.addSheet(n, index);
    this._m.touch();
    return this.sheet(s);
  }
  deleteSheet(sheet: Sheet): void {
    if (this._m.sheets.length === 1) {
      throw new GasError("You can't remove all the sheets in a document.");
    }
    this._m.sheets = this._m.sheets.filter((s) => s !== sheet._m);
    this._m.touch();
  }
  getRange(a1: string): Range {
    const p = parseA1(String(a1));
    if (!p) throw new GasError('Range not found');
    const sm = p.sheet ? this._m.sheetByName(p.sheet) : this._m.sheets[0];
    if (!sm) throw new GasError('Range not found');
    return this.sheet(sm)._rangeFromA1(p);
  }
  getRangeByName(name: string): Range | null {
    const n = this._m.namedRanges.get(name);
    if (!n) return null;
    const sm = this._m.sheets.find((s) => s.id === n.sheetId);
    if (!sm) return null;
    return this.x.wrap(new Range(this.x, this._m, sm, n.r1, n.c1, n.r2 - n.r1 + 1, n.c2 - n.c1 + 1), 'Range');
  }
  setNamedRange(name: string, range: Range): void {
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name)) throw new GasError(`Invalid named range name: ${name}`);
    this._m.namedRanges.set(name, {
      sheetId: range._s.id,
      r1: range._r,
      c1: range._c,
      r2: range._r + range._nr - 1,
      c2: range._c + range._nc - 1,
    });
    this._m.touch();
  }
  toast(msg: string, title = '', timeoutSeconds = 5): void {
    void timeoutSeconds;
    this.x.google.ui.push({
      kind: 'toast',
      spreadsheetId: this._m.id,
      title: String(title),
      message: String(msg),
      at: this.x.google.now(),
    });
  }
  getProtections(type: string): Protection[] {
    return this._m.protections
      .filter((p) => (type === 'SHEET' ? p.range === null : p.range !== null))
      .map((p) => this.x.wrap(new Protection(this.x, this._m, p), 'Protection'));
  }
  getOwner(): { getEmail(): string } | null {
    return null;
  }
  private sheet(s: SheetModel): Sheet {
    return this.x.wrap(new Sheet(this.x, this._m, s), 'Sheet');
  }
}

export class Sheet {
  constructor(
    private readonly x: Execution,
    readonly _ss: SpreadsheetModel,
    readonly _m: SheetModel,
  ) {}
  getName(): string {
    return this._m.name;
  }
  setName(name: string): Sheet {
    const lower = String(name).toLowerCase();
    if (this._ss.sheets.some((s) => s !== this._m && s.name.toLowerCase() === lower)) {
      throw new GasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this._m.name = name;
    this._ss.touch();
    return this;
  }
  getSheetId(): number {
    return this._m.id;
  }
  getIndex(): number {
    return this._ss.sheets.indexOf(this._m) + 1;
  }
  getParent(): Spreadsheet {
    return this.x.wrap(new Spreadsheet(this.x, this._ss), 'Spreadsheet');
  }
  getLastRow(): number {
    return this._m.lastRow();
  }
  getLastColumn(): number {
    return this._m.lastColumn();
  }
  getMaxRows(): number {
    return this._m.maxRows;
  }
  getMaxColumns(): number {
    return this._m.maxColumns;
  }
  getFrozenRows(): number {
    return this._m.frozenRows;
  }
  setFrozenRows(n: number): void {
    this._m.frozenRows = checkInt('Sheet.setFrozenRows', n);
    this._ss.touch();
  }
  getFrozenColumns(): number {
    return this._m.frozenColumns;
  }
  setFrozenColumns(n: number): void {
    this._m.frozenColumns = checkInt('Sheet.setFrozenColumns', n);
    this._ss.touch();
  }
  isSheetHidden(): boolean {
    return this._m.hidden;
  }
  hideSheet(): Sheet {
    this._m.hidden = true;
    this._ss.touch();
    return this;
  }
  showSheet(): Sheet {
    this._m.hidden = false;
    this._ss.touch();
    return this;
  }
  setTabColor(color: string | null): Sheet {
    this._m.tabColor = color;
    this._ss.touch();
    return this;
  }
  setColumnWidth(col: number, width: number): Sheet {
    this._m.columnWidths.set(col, width);
    return this;
  }
  /**
   * getRange(row, column, numRows?, numColumns?) or getRange(a1Notation).
   * Errors as Apps Script raises them for the cases the add-on can hit.
   */
  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): Range {
    if (typeof a === 'string') {
      const p = parseA1(a);
      if (!p || (p.sheet && p.sheet !== this._m.name)) throw new GasError('Range not found');
      return this._rangeFromA1(p);
    }
    const row = checkInt('Sheet.getRange', a);
    const col = checkInt('Sheet.getRange', column);
    const nr = numRows === undefined ? 1 : checkInt('Sheet.getRange', numRows);
    const nc = numColumns === undefined ? 1 : checkInt('Sheet.getRange', numColumns);
    if (row < 1) throw new GasError('The starting row of the range is too small.');
    if (col < 1) throw new GasError('The starting column of the range is too small.');
    if (nr < 1) throw new GasError('The number of rows in the range must be at least 1.');
    if (nc < 1) throw new GasError('The number of columns in the range must be at least 1.');
    if (row + nr - 1 > this._m.maxRows || col + nc - 1 > this._m.maxColumns) {
      throw new GasError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this.x.wrap(new Range(this.x, this._ss, this._m, row, col, nr, nc), 'Range');
  }
  _rangeFromA1(p: A1): Range {
    const range = this._rangeFromA1Bounds(p);
    range._open = {
      rowStart: p.r1 === null,
      rowEnd: p.r2 === null,
      cols: p.c1 === null && p.c2 === null,
    };
    return range;
  }
  private _rangeFromA1Bounds(p: A1): Range {
    const r1 = p.r1 ?? 1;
    const c1 = p.c1 ?? 1;
    const r2 = p.r2 ?? this._m.maxRows;
    const c2 = p.c2 ?? this._m.maxColumns;
    const [ra, rb] = r1 <= r2 ? [r1, r2] : [r2, r1];
    const [ca, cb] = c1 <= c2 ? [c1, c2] : [c2, c1];
    if (rb > this._m.maxRows || cb > this._m.maxColumns) throw new GasError('Range not found');
    return this.x.wrap(new Range(this.x, this._ss, this._m, ra, ca, rb - ra + 1, cb - ca + 1), 'Range');
  }
  /** Clears contents and formats of the whole sheet (validation stays, as in Sheets). */
  clear(): Sheet {
    this.getRange(1, 1, this._m.maxRows, this._m.maxColumns).clear();
    return this;
  }
  clearContents(): Sheet {
    this._m.cells = [];
    this._m.formulas.clear();
    this._ss.touch();
    return this;
  }
  getDataRange(): Range {
    const nr = Math.max(1, this._m.lastRow());
    const nc = Math.max(1, this._m.lastColumn());
    return this.x.wrap(new Range(this.x, this._ss, this._m, 1, 1, nr, nc), 'Range');
  }
  appendRow(values: unknown[]): Sheet {
    if (!Array.isArray(values) || values.length === 0) {
      throw new GasError(
        "The parameters (number[]) don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    }
    for (const v of values) this.x.checkCellSize(v);
    this.x.counter.cellsWritten += values.length;
    const r = this._m.lastRow() + 1;
    if (r > this._m.maxRows) this._m.maxRows = r;
    if (values.length > this._m.maxColumns) this._m.maxColumns = values.length;
    values.forEach((v, i) => {
      writeCell(this._ss, this._m, r, i + 1, v, this.x.google.now());
    });
    this._ss.touch();
    return this;
  }
  insertRowsAfter(after: number, n: number): Sheet {
    this._m.insertRows(checkInt('Sheet.insertRowsAfter', after), checkInt('Sheet.insertRowsAfter', n));
    this._ss.touch();
    return this;
  }
  insertRowsBefore(before: number, n: number): Sheet {
    this._m.insertRows(before - 1, n);
    this._ss.touch();
    return this;
  }
  insertColumnsAfter(after: number, n: number): Sheet {
    this._m.insertColumns(after, n);
    this._ss.touch();
    return this;
  }
  deleteRow(row: number): Sheet {
    return this.deleteRows(row, 1);
  }
  deleteRows(start: number, n: number): Sheet {
    if (start < 1 || start + n - 1 > this._m.maxRows) throw new GasError('Those rows are out of bounds.');
    if (this._m.maxRows - n <= this._m.frozenRows) {
      throw new GasError('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this._m.deleteRows(start, n);
    this._ss.touch();
    return this;
  }
  deleteColumns(start: number, n: number): Sheet {
    if (start < 1 || start + n - 1 > this._m.maxColumns)
      throw new GasError('Those columns are out of bounds.');
    this._m.deleteColumns(start, n);
    this._ss.touch();
    return this;
  }
  protect(): Protection {
    const p: ProtectionModel = {
      id: this._ss.newProtectionId(),
      sheetId: this._m.id,
      range: null,
      description: '',
      warningOnly: false,
    };
    this._ss.protections.push(p);
    this._ss.touch();
    return this.x.wrap(new Protection(this.x, this._ss, p), 'Protection');
  }
  getProtections(type: string): Protection[] {
    return this._ss.protections
      .filter((p) => p.sheetId === this._m.id && (type === 'SHEET' ? p.range === null : p.range !== null))
      .map((p) => this.x.wrap(new Protection(this.x, this._ss, p), 'Protection'));
  }
  activate(): Sheet {
    return this;
  }
}

export class Range {
  constructor(
    private readonly x: Execution,
    readonly _ss: SpreadsheetModel,
    readonly _s: SheetModel,
    readonly _r: number,
    readonly _c: number,
    readonly _nr: number,
    readonly _nc: number,
  ) {}
  getRow(): number {
    return this._r;
  }
  getColumn(): number {
    return this._c;
  }
  getLastRow(): number {
    return this._r + this._nr - 1;
  }
  getLastColumn(): number {
    return this._c + this._nc - 1;
  }
  getNumRows(): number {
    return this._nr;
  }
  getNumColumns(): number {
    return this._nc;
  }
  getSheet(): Sheet {
    return this.x.wrap(new Sheet(this.x, this._ss, this._s), 'Sheet');
  }
  /** Set for ranges from open-ended A1 notation (A:A, 2:2, A2:C), which keep that form. */
  _open: { rowStart: boolean; rowEnd: boolean; cols: boolean } | null = null;
  getA1Notation(): string {
    const c1 = columnToLetters(this._c);
    const c2 = columnToLetters(this._c + this._nc - 1);
    const r2 = this._r + this._nr - 1;
    if (this._open?.cols) return `${this._r}:${r2}`;
    if (this._open?.rowStart && this._open.rowEnd) return `${c1}:${c2}`;
    if (this._open?.rowEnd) return `${c1}${this._r}:${c2}`;
    const a = `${columnToLetters(this._c)}${this._r}`;
    if (this._nr === 1 && this._nc === 1) return a;
    return `${a}:${columnToLetters(this._c + this._nc - 1)}${this._r + this._nr - 1}`;
  }
  /** Counts the cells a read moves (every cell of the range, as Sheets sends them all). */
  private read<T>(f: (r: number, c: number) => T): T[][] {
    this.x.counter.cellsRead += this._nr * this._nc;
    return this.grid(f);
  }
  private grid<T>(f: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < this._nr; i++) {
      const row: T[] = [];
      for (let j = 0; j < this._nc; j++) row.push(f(this._r + i, this._c + j));
      out.push(row);
    }
    return out;
  }
  /** Values: numbers, booleans, Dates and strings; empty cells are ''. */
  getValues(): CellValue[][] {
    return this.read((r, c) => {
      const v = this._s.get(r, c);
      return isDate(v) ? new Date(v.getTime()) : v;
    });
  }
  getValue(): CellValue {
    this.x.counter.cellsRead++;
    const v = this._s.get(this._r, this._c);
    return isDate(v) ? new Date(v.getTime()) : v;
  }
  getDisplayValues(): string[][] {
    return this.read((r, c) => this.display(r, c));
  }
  getDisplayValue(): string {
    this.x.counter.cellsRead++;
    return this.display(this._r, this._c);
  }
  private display(r: number, c: number): string {
    return displayCell(this._s.get(r, c), this._s.numberFormats.get(key(r, c)), this._ss.timeZone);
  }
  getFormulas(): string[][] {
    return this.read((r, c) => this._s.formulas.get(key(r, c)) ?? '');
  }
  setValues(values: unknown[][]): Range {
    if (!Array.isArray(values)) {
      throw new GasError(
        "The parameters (String) don't match the method signature for SpreadsheetApp.Range.setValues.",
      );
    }
    if (values.length !== this._nr) {
      throw new GasError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${this._nr}.`,
      );
    }
    for (const row of values) {
      if (!Array.isArray(row) || row.length !== this._nc) {
        throw new GasError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${this._nc}.`,
        );
      }
    }
    for (const row of values) for (const v of row) this.x.checkCellSize(v);
    this.x.counter.cellsWritten += this._nr * this._nc;
    const now = this.x.google.now();
    values.forEach((row, i) => {
      row.forEach((v, j) => {
        writeCell(this._ss, this._s, this._r + i, this._c + j, v, now);
      });
    });
    this._ss.touch();
    return this;
  }
  setValue(v: unknown): Range {
    return this.setValues(this.grid(() => v));
  }
  clearContent(): Range {
    this.grid((r, c) => {
      this._s.set(r, c, '');
      this._s.formulas.delete(key(r, c));
    });
    this._ss.touch();
    return this;
  }
  clear(): Range {
    this.grid((r, c) => {
      const k = key(r, c);
      this._s.set(r, c, '');
      this._s.formulas.delete(k);
      this._s.numberFormats.delete(k);
      this._s.fontWeights.delete(k);
      this._s.backgrounds.delete(k);
    });
    this._ss.touch();
    return this;
  }
  setNumberFormat(fmt: string): Range {
    this.grid((r, c) => this._s.numberFormats.set(key(r, c), String(fmt)));
    this._ss.touch();
    return this;
  }
  getNumberFormats(): string[][] {
    return this.read((r, c) => this._s.numberFormats.get(key(r, c)) ?? 'General');
  }
  getNumberFormat(): string {
    this.x.counter.cellsRead++;
    return this._s.numberFormats.get(key(this._r, this._c)) ?? 'General';
  }
  setFontWeight(w: string | null): Range {
    this.grid((r, c) => (w ? this._s.fontWeights.set(key(r, c), w) : this._s.fontWeights.delete(key(r, c))));
    this._ss.touch();
    return this;
  }
  getFontWeights(): string[][] {
    return this.grid((r, c) => this._s.fontWeights.get(key(r, c)) ?? 'normal');
  }
  setBackground(color: string | null): Range {
    this.grid((r, c) =>
      color ? this._s.backgrounds.set(key(r, c), color) : this._s.backgrounds.delete(key(r, c)),
    );
    this._ss.touch();
    return this;
  }
  getBackgrounds(): string[][] {
    return this.grid((r, c) => this._s.backgrounds.get(key(r, c)) ?? '#ffffff');
  }
  setNote(note: string): Range {
    this._s.notes.set(key(this._r, this._c), String(note));
    this._ss.touch();
    return this;
  }
  getNote(): string {
    return this._s.notes.get(key(this._r, this._c)) ?? '';
  }
  setDataValidation(rule: DataValidation | null): Range {
    this._s.setValidation(
      this._r,
      this._c,
      this._r + this._nr - 1,
      this._c + this._nc - 1,
      rule ? { ...rule._rule, args: [...rule._rule.args] } : null,
    );
    this._ss.touch();
    return this;
  }
  getDataValidation(): DataValidation | null {
    const rule = this._s.validationAt(this._r, this._c);
    return rule ? this.x.wrap(new DataValidation(this.x, rule), 'DataValidation') : null;
  }
  getDataValidations(): (DataValidation | null)[][] {
    return this.grid((r, c) => {
      const rule = this._s.validationAt(r, c);
      return rule ? this.x.wrap(new DataValidation(this.x, rule), 'DataValidation') : null;
    });
  }
  /** Rules per cell (null clears), in the range's shape, as setValues checks it. */
  setDataValidations(rules: (DataValidation | null)[][]): Range {
    this.checkShape(rules);
    rules.forEach((row, i) => {
      row.forEach((rule, j) => {
        const r = this._r + i;
        const c = this._c + j;
        this._s.setValidation(r, c, r, c, rule ? { ...rule._rule, args: [...rule._rule.args] } : null);
      });
    });
    this._ss.touch();
    return this;
  }
  clearDataValidations(): Range {
    return this.setDataValidation(null);
  }
  setNumberFormats(formats: string[][]): Range {
    this.checkShape(formats);
    formats.forEach((row, i) => {
      row.forEach((f, j) => {
        this._s.numberFormats.set(key(this._r + i, this._c + j), String(f));
      });
    });
    this._ss.touch();
    return this;
  }
  getFormula(): string {
    this.x.counter.cellsRead++;
    return this._s.formulas.get(key(this._r, this._c)) ?? '';
  }
  /** The same formula in every cell of the range. */
  setFormula(formula: string): Range {
    return this.setValues(this.grid(() => String(formula)));
  }
  setFormulas(formulas: string[][]): Range {
    this.checkShape(formulas);
    return this.setValues(formulas.map((row) => row.map(String)));
  }
  /** A cell of this range, 1-based relative to its top-left corner. */
  getCell(row: number, column: number): Range {
    if (row < 1 || column < 1 || row > this._nr || column > this._nc) {
      throw new GasError('Cell reference out of range');
    }
    return this.x.wrap(
      new Range(this.x, this._ss, this._s, this._r + row - 1, this._c + column - 1, 1, 1),
      'Range',
    );
  }
  /** True when no cell of the range has a value or a formula. */
  isBlank(): boolean {
    return this.grid((r, c) => this._s.get(r, c) === '' && !this._s.formulas.has(key(r, c))).every((row) =>
      row.every(Boolean),
    );
  }
  private checkShape(values: unknown[][]): void {
    if (!Array.isArray(values) || values.length !== this._nr) {
      throw new GasError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(values) ? values.length : 0} but the range has ${this._nr}.`,
      );
    }
    for (const row of values) {
      if (!Array.isArray(row) || row.length !== this._nc) {
        throw new GasError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${this._nc}.`,
        );
      }
    }
  }
  protect(): Protection {
    const p: ProtectionModel = {
      id: this._ss.newProtectionId(),
      sheetId: this._s.id,
      range: { r1: this._r, c1: this._c, r2: this._r + this._nr - 1, c2: this._c + this._nc - 1 },
      description: '',
      warningOnly: false,
    };
    this._ss.protections.push(p);
    this._ss.touch();
    return this.x.wrap(new Protection(this.x, this._ss, p), 'Protection');
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    return this.getSheet().getRange(
      this._r + rowOffset,
      this._c + columnOffset,
      numRows ?? this._nr,
      numColumns ?? this._nc,
    );
  }
  activate(): Range {
    return this;
  }
}

export class DataValidationBuilder {
  private rule: ValidationRule = { criteria: '', args: [], allowInvalid: true, helpText: '' };
  constructor(private readonly x: Execution) {}
  requireValueInList(values: string[], showDropdown = true): DataValidationBuilder {
    this.rule.criteria = 'VALUE_IN_LIST';
    this.rule.args = [[...values].map(String), showDropdown];
    return this;
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): DataValidationBuilder {
    this.rule.criteria = 'CHECKBOX';
    this.rule.args = [checkedValue, uncheckedValue].filter((v) => v !== undefined);
    return this;
  }
  requireDate(): DataValidationBuilder {
    this.rule.criteria = 'DATE_IS_VALID_DATE';
    this.rule.args = [];
    return this;
  }
  requireNumberGreaterThanOrEqualTo(n: number): DataValidationBuilder {
    this.rule.criteria = 'NUMBER_GREATER_THAN_OR_EQUAL_TO';
    this.rule.args = [n];
    return this;
  }
  requireNumberBetween(a: number, b: number): DataValidationBuilder {
    this.rule.criteria = 'NUMBER_BETWEEN';
    this.rule.args = [a, b];
    return this;
  }
  requireTextIsEmail(): DataValidationBuilder {
    this.rule.criteria = 'TEXT_IS_VALID_EMAIL';
    this.rule.args = [];
    return this;
  }
  setAllowInvalid(allow: boolean): DataValidationBuilder {
    this.rule.allowInvalid = !!allow;
    return this;
  }
  setHelpText(text: string): DataValidationBuilder {
    this.rule.helpText = String(text);
    return this;
  }
  build(): DataValidation {
    if (!this.rule.criteria) throw new GasError('You must specify a criteria for the data validation rule.');
    return this.x.wrap(
      new DataValidation(this.x, { ...this.rule, args: [...this.rule.args] }),
      'DataValidation',
    );
  }
}

export class DataValidation {
  constructor(
    private readonly x: Execution,
    readonly _rule: ValidationRule,
  ) {}
  getCriteriaType(): string {
    return this._rule.criteria;
  }
  getCriteriaValues(): unknown[] {
    return this._rule.args.map((a) => (Array.isArray(a) ? [...a] : a));
  }
  getAllowInvalid(): boolean {
    return this._rule.allowInvalid;
  }
  /** The help text, or null when none is set (as Apps Script returns). */
  getHelpText(): string | null {
    return this._rule.helpText || null;
  }
  copy(): DataValidationBuilder {
    const b = new DataValidationBuilder(this.x);
    (b as any).rule = { ...this._rule, args: [...this._rule.args] };
    return this.x.wrap(b, 'DataValidationBuilder');
  }
}

export class Protection {
  constructor(
    private readonly x: Execution,
    private readonly ss: SpreadsheetModel,
    readonly _p: ProtectionModel,
  ) {}
  getDescription(): string {
    return this._p.description;
  }
  setDescription(d: string): Protection {
    this._p.description = String(d);
    this.ss.touch();
    return this;
  }
  isWarningOnly(): boolean {
    return this._p.warningOnly;
  }
  setWarningOnly(w: boolean): Protection {
    this._p.warningOnly = !!w;
    this.ss.touch();
    return this;
  }
  getRange(): Range {
    const sm = this.ss.sheets.find((s) => s.id === this._p.sheetId)!;
    const r = this._p.range ?? { r1: 1, c1: 1, r2: sm.maxRows, c2: sm.maxColumns };
    return this.x.wrap(new Range(this.x, this.ss, sm, r.r1, r.c1, r.r2 - r.r1 + 1, r.c2 - r.c1 + 1), 'Range');
  }
  remove(): void {
    this.ss.protections = this.ss.protections.filter((p) => p !== this._p);
    this.ss.touch();
  }
}

// ------------------------------------------------------------------------------------
// Ui: menus, alerts, prompts, sidebars and dialogs of the active spreadsheet.

export class Ui {
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' };
  readonly Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' };
  constructor(private readonly x: Execution) {}
  private get ssId(): string {
    return this.x.spreadsheetId ?? '';
  }
  createMenu(caption: string): Menu {
    return this.x.wrap(new Menu(this.x, { caption: String(caption), addon: false, items: [] }), 'Menu');
  }
  createAddonMenu(): Menu {
    return this.x.wrap(new Menu(this.x, { caption: 'Outreach Desk', addon: true, items: [] }), 'Menu');
  }
  alert(a: string, b?: string, c?: string): string {
    const [title, message] = b === undefined || (c === undefined && b in this.ButtonSet) ? ['', a] : [a, b];
    this.x.google.ui.push({
      kind: 'alert',
      spreadsheetId: this.ssId,
      title,
      message,
      at: this.x.google.now(),
    });
    return this.x.google.nextUiResponses.shift()?.button ?? 'OK';
  }
  prompt(a: string, b?: string): { getResponseText(): string; getSelectedButton(): string } {
    this.x.google.ui.push({
      kind: 'prompt',
      spreadsheetId: this.ssId,
      title: b === undefined ? '' : a,
      message: b ?? a,
      at: this.x.google.now(),
    });
    const r = this.x.google.nextUiResponses.shift() ?? { button: 'CANCEL', text: '' };
    return { getResponseText: () => r.text ?? '', getSelectedButton: () => r.button };
  }
  showSidebar(html: { getContent(): string; getTitle(): string }): void {
    this.x.google.ui.push({
      kind: 'sidebar',
      spreadsheetId: this.ssId,
      title: html.getTitle(),
      html: html.getContent(),
      at: this.x.google.now(),
    });
  }
  showModalDialog(html: { getContent(): string }, title: string): void {
    this.x.google.ui.push({
      kind: 'dialog',
      spreadsheetId: this.ssId,
      title: String(title),
      html: html.getContent(),
      at: this.x.google.now(),
    });
  }
  showModelessDialog(html: { getContent(): string }, title: string): void {
    this.showModalDialog(html, title);
  }
}

export class Menu {
  constructor(
    private readonly x: Execution,
    readonly _m: MenuModel,
  ) {}
  addItem(caption: string, functionName: string): Menu {
    this._m.items.push({ kind: 'item', caption: String(caption), functionName: String(functionName) });
    return this;
  }
  addSeparator(): Menu {
    this._m.items.push({ kind: 'separator' });
    return this;
  }
  addSubMenu(menu: Menu): Menu {
    this._m.items.push({ kind: 'submenu', menu: menu._m } as MenuItemModel);
    return this;
  }
  addToUi(): void {
    const id = this.x.spreadsheetId ?? '';
    const list = (this.x.google.menus.get(id) ?? []).filter((m) => m.caption !== this._m.caption);
    list.push(this._m);
    this.x.google.menus.set(id, list);
    this.x.google.ui.push({
      kind: 'menu',
      spreadsheetId: id,
      title: this._m.caption,
      at: this.x.google.now(),
    });
  }
}
