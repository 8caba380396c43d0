/**
 * What a member types into a form, validated into field values, and field values into the
 * cells to write (text kept literal, dates as instants in the spreadsheet's zone).
 */
import { instantOf, parseDayText, parseTimeText } from '../dates';
import { type FieldDef, MAX_TEXT, type TableDef } from '../schema';
import { ambiguousSeparators, parseBool, parseNumberText, splitList } from './parse';
import { type Cell, FieldError, type FieldValue, fieldError, type RecordData } from './types';

// ---------------------------------------------------------------------------------------
// Writing: validation of form input, and cell values for setValues.

const EMAIL_RE = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

/** True for exactly one email address (`a@x.edu`); false for a list, a name or a typo without @. */
export const isOneEmail = (s: string): boolean => EMAIL_RE.test(s.trim());

const MONTH_START =
  /^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)\.?(\s|\d|,|-|\/|$)/i;

/**
 * True when Sheets could turn this typed text into something else: a formula (`=` `+` `-`
 * `@`), a number (`007`, `1e5`, `1,200`, `50%`, `$5`, `(5)`), a date or time (`3/15/2026`,
 * `10:30`, `1/2`, `Mar 15`), an error literal (`#N/A`) or a boolean. Deliberately broad —
 * every text starting with a digit, a sign, a point, a bracket or a currency sign counts —
 * because a needless apostrophe changes nothing while a missing one changes the data.
 */
export function sheetsWouldConvert(s: string): boolean {
  const t = s.trim();
  if (t === '') return false;
  if (/^[=+\-@'#.(\d¥$€£￥]/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  return MONTH_START.test(t);
}

/**
 * A text cell value that Sheets stores literally. `setValues` interprets strings the way
 * typed input is interpreted (`=1+1` becomes a formula, `2026-03-15` a date, `007` the
 * number 7); a leading apostrophe keeps the text as typed and is not part of the value.
 * In a cell formatted as plain text (`@`) nothing is interpreted, and an apostrophe would
 * stay in the cell: `plainTextCell` says so.
 */
export function literalText(s: string, plainTextCell = false): string {
  if (plainTextCell) return s;
  return sheetsWouldConvert(s) ? `'${s}` : s;
}

function textInput(f: FieldDef, raw: unknown): string {
  if (raw !== null && typeof raw === 'object') throw fieldError(f, 'notText');
  const s = String(raw ?? '')
    .replace(/\r\n?/g, '\n')
    .trim();
  const max = f.maxLength ?? MAX_TEXT;
  if (s.length > max) throw fieldError(f, 'tooLong', { length: s.length, max });
  if (f.type !== 'longtext' && s.includes('\n')) return s.replace(/\n+/g, ' ');
  return s;
}

/** Years before 1000 (`0026-03-15`) are typing slips; Sheets would store them as 1926. */
function checkYear(f: FieldDef, s: string): void {
  const m = /^(\d{1,4})\s*[-/.年]/.exec(s.trim());
  if (m && m[1]!.length === 4 && Number(m[1]) < 1000) throw fieldError(f, 'yearRange', { value: s });
}

export interface ValidateContext {
  timeZone: string;
}

/**
 * Validates one field of form input and returns the normalized field value.
 * Throws FieldError naming the field.
 */
export function validateField(f: FieldDef, raw: unknown, _ctx: ValidateContext): FieldValue {
  const blank = raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
  if (blank) {
    if (f.defaultValue !== undefined) return f.defaultValue;
    if (f.required) throw fieldError(f, 'required');
    if (f.type === 'boolean') return false;
    return f.type === 'refs' || f.type === 'emails' ? [] : null;
  }
  switch (f.type) {
    case 'boolean': {
      const b = parseBool(raw);
      if (b === null) throw fieldError(f, 'notBool');
      return b;
    }
    case 'number':
    case 'integer': {
      const text = typeof raw === 'number' ? '' : textInput(f, raw);
      const n = typeof raw === 'number' ? raw : parseNumberText(text);
      if (n === null && ambiguousSeparators(text)) throw fieldError(f, 'ambiguousNumber', { value: text });
      if (n === null || !Number.isFinite(n)) throw fieldError(f, 'notNumber', { value: String(raw) });
      if (f.type === 'integer' && !Number.isInteger(n)) throw fieldError(f, 'notWhole');
      if (f.min !== undefined && n < f.min) throw fieldError(f, 'min', { min: f.min });
      if (f.max !== undefined && n > f.max) throw fieldError(f, 'max', { max: f.max });
      return n;
    }
    case 'date': {
      const s = textInput(f, raw);
      checkYear(f, s);
      const d = parseDayText(s);
      if (!d) throw fieldError(f, 'notDate', { value: s });
      return d;
    }
    case 'datetime': {
      const s = textInput(f, raw);
      checkYear(f, s);
      const d = parseDayText(s);
      if (!d) throw fieldError(f, 'notDateTime', { value: s });
      const tm = parseTimeText(s);
      if (/\d:\d/.test(s) && !tm) throw fieldError(f, 'badTime', { value: s });
      return tm ? `${d} ${String(tm.hour).padStart(2, '0')}:${String(tm.minute).padStart(2, '0')}` : d;
    }
    case 'enum': {
      const s = textInput(f, raw);
      const hit = f.options?.find((o) => o.toLowerCase() === s.toLowerCase());
      if (!hit) throw fieldError(f, 'oneOf', { options: f.options?.join(', ') ?? '' });
      return hit;
    }
    case 'email': {
      const s = textInput(f, raw).toLowerCase();
      if (!EMAIL_RE.test(s)) throw fieldError(f, 'notEmail', { value: s });
      return s;
    }
    case 'emails': {
      const list = Array.isArray(raw) ? raw.map(String) : splitList(textInput(f, raw));
      const out = list.map((s) => s.trim().toLowerCase()).filter(Boolean);
      const bad = out.find((s) => !EMAIL_RE.test(s));
      if (bad) throw fieldError(f, 'notEmail', { value: bad });
      if (out.join(', ').length > (f.maxLength ?? MAX_TEXT)) throw fieldError(f, 'listTooLong');
      return [...new Set(out)];
    }
    case 'refs':
    case 'ref': {
      const list = Array.isArray(raw) ? raw.map(String) : splitList(textInput(f, raw));
      const out = list.map((s) => s.trim().toUpperCase()).filter(Boolean);
      const bad = out.find((s) => !/^[A-Z]{1,3}-\d{1,7}$/.test(s));
      if (bad) throw fieldError(f, 'notRefId', { value: bad });
      if (f.type === 'ref') {
        if (out.length > 1) throw fieldError(f, 'oneId');
        return out[0] ?? null;
      }
      return out;
    }
    case 'id': {
      const s = textInput(f, raw).toUpperCase();
      if (!/^[A-Z]{1,3}-\d{1,7}$/.test(s)) throw fieldError(f, 'notId', { value: s });
      return s;
    }
    default:
      return textInput(f, raw);
  }
}

/** Validates a whole form submission; collects every field error. */
export function validateRecord(
  def: TableDef,
  input: Readonly<Record<string, unknown>>,
  ctx: ValidateContext,
): { data: RecordData; errors: FieldError[] } {
  const data: RecordData = {};
  const errors: FieldError[] = [];
  const known = new Set(def.fields.map((f) => f.key));
  for (const k of Object.keys(input)) {
    if (!known.has(k)) errors.push(new FieldError(k, 'unknownField', { field: k, table: def.name }));
  }
  for (const f of def.fields) {
    if (f.type === 'id') {
      data[f.key] = input[f.key] ? String(input[f.key]).trim().toUpperCase() : null;
      continue;
    }
    try {
      data[f.key] = validateField(f, input[f.key], ctx);
    } catch (e) {
      if (e instanceof FieldError) errors.push(e);
      else throw e;
    }
  }
  return { data, errors };
}

/**
 * The cell value to write for a field value (dates as Date instants in the sheet's zone).
 * `plainTextCell`: the target cell is formatted as plain text (`@`), where text needs no
 * apostrophe (and would keep one).
 */
export function toCell(f: FieldDef, v: FieldValue, timeZone: string, plainTextCell = false): Cell {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return literalText(v.join(', '), plainTextCell);
  switch (f.type) {
    case 'date':
      return typeof v === 'string' ? instantOf(v, timeZone) : '';
    case 'datetime': {
      if (typeof v !== 'string') return '';
      const tm = parseTimeText(v);
      return instantOf(v.slice(0, 10), timeZone, tm?.hour ?? 0, tm?.minute ?? 0);
    }
    case 'boolean':
      return v === true;
    case 'number':
    case 'integer':
      return typeof v === 'number' ? v : Number(v);
    default:
      return literalText(String(v), plainTextCell);
  }
}
