/**
 * Rows ⇄ records. A sheet is read as a 2-D array (`getValues`), mapped to fields by header
 * text, parsed into typed records; a form's input is validated into cell values ready for
 * one `setValues` call. Pure functions, no Apps Script globals.
 */
import { cellToDay, type Day, instantOf, isDate, parseDayText, parseTimeText, wallTime } from './dates';
import { type Lang, msg } from './i18n';
import { type FieldDef, idField, MAX_TEXT, type TableDef } from './schema';

export type Cell = string | number | boolean | Date;
export type FieldValue = string | number | boolean | null | string[];
export type RecordData = Record<string, FieldValue>;

/** A record read from a sheet, with where it was found. */
export interface SheetRecord {
  /** 1-based sheet row. */
  readonly row: number;
  readonly data: RecordData;
  /** Problems found while parsing (the record is still returned, with the field blank). */
  readonly problems: string[];
}

export class SchemaError extends Error {
  constructor(
    message: string,
    readonly table: string,
    readonly missing: readonly string[],
  ) {
    super(message);
    this.name = 'SchemaError';
  }
}

/**
 * A field error: names the field so forms can show it next to the input. `code` and
 * `params` render it in any language of the catalog (`field.<code>` in i18n.ts); the
 * message is the English one.
 */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(msg('en', `field.${code}`, params));
    this.name = 'FieldError';
  }
  /** The message in `lang`, with the field's header replaced by `label` when given. */
  localized(lang: Lang, label?: string): string {
    return msg(
      lang,
      `field.${this.code}`,
      label === undefined ? this.params : { ...this.params, field: label },
    );
  }
}

const fieldError = (f: FieldDef, code: string, params: Record<string, string | number | undefined> = {}) => {
  const clean: Record<string, string | number> = { field: f.header };
  for (const [k, v] of Object.entries(params)) if (v !== undefined) clean[k] = v;
  return new FieldError(f.key, code, clean);
};

export const normHeader = (h: unknown) =>
  String(h ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Column index (0-based) of each field in the header row; throws naming missing columns. */
export function mapHeaders(def: TableDef, header: readonly unknown[]): Record<string, number> {
  const byText = new Map<string, number>();
  header.forEach((h, i) => {
    const k = normHeader(h);
    if (k && !byText.has(k)) byText.set(k, i);
  });
  const cols: Record<string, number> = {};
  const missing: string[] = [];
  for (const f of def.fields) {
    const i = byText.get(normHeader(f.header));
    if (i === undefined) missing.push(f.header);
    else cols[f.key] = i;
  }
  if (missing.length) {
    throw new SchemaError(
      `Sheet "${def.name}" is missing column${missing.length > 1 ? 's' : ''} ${missing
        .map((m) => `"${m}"`)
        .join(
          ', ',
        )}. Rename the header back or run "Set up workbook" to add ${missing.length > 1 ? 'them' : 'it'}.`,
      def.name,
      missing,
    );
  }
  return cols;
}

const isBlankCell = (v: unknown) => v === '' || v === null || v === undefined;

export function splitList(v: unknown): string[] {
  return String(v ?? '')
    .split(/[,;，；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function parseNumberText(s: string): number | null {
  const cleaned = s.replace(/[,\s¥$€£]/g, '').replace(/^(CNY|USD|RMB|EUR)/i, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

function parseBool(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  const s = String(v ?? '')
    .trim()
    .toLowerCase();
  if (['true', 'yes', 'y', '1', '是', '✓'].includes(s)) return true;
  if (['false', 'no', 'n', '0', '否', ''].includes(s)) return false;
  return null;
}

/** Parses one cell read from a sheet into a field value. Never throws: problems are reported. */
export function parseCell(
  f: FieldDef,
  v: unknown,
  timeZone: string,
): { value: FieldValue; problem?: string } {
  if (f.type === 'boolean') {
    const b = parseBool(v);
    return b === null
      ? { value: null, problem: `${f.header}: "${String(v)}" is not TRUE or FALSE` }
      : { value: b };
  }
  if (isBlankCell(v)) return { value: f.type === 'refs' || f.type === 'emails' ? [] : null };
  switch (f.type) {
    case 'date': {
      const d = cellToDay(v, timeZone);
      return d ? { value: d } : { value: null, problem: `${f.header}: "${String(v)}" is not a date` };
    }
    case 'datetime': {
      if (isDate(v)) {
        const w = wallTime(v, timeZone);
        const day = cellToDay(v, timeZone)!;
        return {
          value:
            w.hour || w.minute
              ? `${day} ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`
              : day,
        };
      }
      const s = String(v).trim();
      const d = parseDayText(s);
      if (!d) return { value: null, problem: `${f.header}: "${s}" is not a date` };
      const t = parseTimeText(s);
      return {
        value: t ? `${d} ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}` : d,
      };
    }
    case 'number':
    case 'integer': {
      const n = typeof v === 'number' ? v : parseNumberText(String(v));
      return n === null
        ? { value: null, problem: `${f.header}: "${String(v)}" is not a number` }
        : { value: n };
    }
    case 'refs':
      return { value: splitList(v).map((s) => s.toUpperCase()) };
    case 'emails':
      return { value: splitList(v).map((s) => s.toLowerCase()) };
    case 'email':
      return { value: String(v).trim().toLowerCase() };
    case 'ref':
    case 'id':
      return { value: String(v).trim().toUpperCase() };
    case 'enum': {
      // Typed by hand: `done`, ` Treasurer ` mean the listed value.
      const s = String(v).replace(/\s+/g, ' ').trim();
      const hit = f.options?.find((o) => o.toLowerCase() === s.toLowerCase());
      return hit
        ? { value: hit }
        : { value: s, problem: `${f.header}: "${s}" is not one of ${f.options?.join(', ')}` };
    }
    default:
      return { value: isDate(v) ? String(cellToDay(v, timeZone)) : String(v) };
  }
}

/** Day part of a `datetime` field value (`2026-03-15 14:30` → `2026-03-15`). */
export const dayPart = (v: FieldValue): Day | null =>
  typeof v === 'string' && v.length >= 10 ? v.slice(0, 10) : null;

/**
 * Parses all data rows of a sheet. `values` is what `getValues()` returned for the whole
 * data range, header row first. Blank rows are skipped; row numbers are kept.
 */
export function parseTable(
  def: TableDef,
  values: readonly (readonly unknown[])[],
  timeZone: string,
): SheetRecord[] {
  if (values.length === 0) throw new SchemaError(`Sheet "${def.name}" has no header row.`, def.name, []);
  const cols = mapHeaders(def, values[0]!);
  const out: SheetRecord[] = [];
  for (let r = 1; r < values.length; r++) {
    const row = values[r]!;
    if (row.every(isBlankCell)) continue;
    const data: RecordData = {};
    const problems: string[] = [];
    for (const f of def.fields) {
      const { value, problem } = parseCell(f, row[cols[f.key]!], timeZone);
      data[f.key] = value;
      if (problem) problems.push(problem);
    }
    out.push({ row: r + 1, data, problems });
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Writing: validation of form input, and cell values for setValues.

const EMAIL_RE = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;
const FORMULA_START = /^[=+\-@]/;

/**
 * A text cell value that Sheets stores literally. `setValues` interprets strings the way
 * typed input is interpreted (`=1+1` becomes a formula, `2026-03-15` a date, `007` the
 * number 7); a leading apostrophe keeps the text as typed and is not part of the value.
 */
export function literalText(s: string): string {
  if (s === '') return s;
  if (FORMULA_START.test(s) || /^'/.test(s) || parseNumberText(s) !== null || parseDayText(s) !== null) {
    return `'${s}`;
  }
  if (/^(true|false)$/i.test(s.trim())) return `'${s}`;
  return s;
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
      const n = typeof raw === 'number' ? raw : parseNumberText(textInput(f, raw));
      if (n === null || !Number.isFinite(n)) throw fieldError(f, 'notNumber', { value: String(raw) });
      if (f.type === 'integer' && !Number.isInteger(n)) throw fieldError(f, 'notWhole');
      if (f.min !== undefined && n < f.min) throw fieldError(f, 'min', { min: f.min });
      if (f.max !== undefined && n > f.max) throw fieldError(f, 'max', { max: f.max });
      return n;
    }
    case 'date': {
      const s = textInput(f, raw);
      const d = parseDayText(s);
      if (!d) throw fieldError(f, 'notDate', { value: s });
      return d;
    }
    case 'datetime': {
      const s = textInput(f, raw);
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

/** The cell value to write for a field value (dates as Date instants in the sheet's zone). */
export function toCell(f: FieldDef, v: FieldValue, timeZone: string): Cell {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return literalText(v.join(', '));
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
      return literalText(String(v));
  }
}

/**
 * Builds the full row to write: the record's cells at their header positions, and every
 * other column (users' own columns) kept as it was in `existing`.
 */
export function buildRow(
  def: TableDef,
  cols: Record<string, number>,
  width: number,
  data: RecordData,
  existing: readonly unknown[] | null,
  timeZone: string,
): Cell[] {
  const row: Cell[] = [];
  for (let i = 0; i < width; i++) {
    const v = existing?.[i];
    row.push(v === undefined || v === null ? '' : (v as Cell));
  }
  for (const f of def.fields) {
    if (!(f.key in data)) continue;
    row[cols[f.key]!] = toCell(f, data[f.key]!, timeZone);
  }
  return row;
}

// ---------------------------------------------------------------------------------------
// IDs: `S-0001`, never reused. The next number is one more than the highest ever seen,
// taken from the sheet and from a persisted high-water mark (so deleting the last row
// never frees its ID).

export function idNumber(prefix: string, id: unknown): number | null {
  const m = new RegExp(`^${prefix}-(\\d+)$`, 'i').exec(String(id ?? '').trim());
  return m ? Number(m[1]) : null;
}

export function formatId(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(4, '0')}`;
}

export function nextId(
  def: TableDef,
  existingIds: Iterable<unknown>,
  highWater = 0,
): { id: string; n: number } {
  if (!def.idPrefix || !idField(def)) throw new Error(`${def.name} has no IDs.`);
  let max = highWater;
  for (const v of existingIds) {
    const n = idNumber(def.idPrefix, v);
    if (n !== null && n > max) max = n;
  }
  return { id: formatId(def.idPrefix, max + 1), n: max + 1 };
}
