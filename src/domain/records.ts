/**
 * Rows ⇄ records. A sheet is read as a 2-D array (`getValues`), mapped to fields by header
 * text, parsed into typed records; a form's input is validated into cell values ready for
 * one `setValues` call. Pure functions, no Apps Script globals.
 */
import { cellToDay, type Day, instantOf, isDate, parseDayText, parseTimeText, wallTime } from './dates';
import { type Lang, type MessageKey, msg } from './i18n';

/** The codes of field errors: the `field.*` keys of the message catalog. */
export type FieldCode = MessageKey extends infer K ? (K extends `field.${infer C}` ? C : never) : never;

import { type FieldDef, idField, MAX_TEXT, requiredColumns, type TableDef } from './schema';

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
    readonly code: FieldCode,
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

const fieldError = (
  f: FieldDef,
  code: FieldCode,
  params: Record<string, string | number | undefined> = {},
) => {
  const clean: Record<string, string | number> = { field: f.header };
  for (const [k, v] of Object.entries(params)) if (v !== undefined) clean[k] = v;
  return new FieldError(f.key, code, clean);
};

export const normHeader = (h: unknown) =>
  String(h ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** A1-style column letters of a 0-based column index (`0` → `A`). */
export function columnLetters(i: number): string {
  let s = '';
  for (let c = i + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** What a header row says about a table's columns: where each field is, and what is wrong. */
export interface HeaderMap {
  /** 0-based column of each field found (the first one when a header stands twice). */
  readonly cols: Record<string, number>;
  /** Headers of the contract not found. */
  readonly missing: readonly string[];
  /** Headers of the contract that stand more than once, with their columns (`Amount`: D, K). */
  readonly duplicates: readonly { header: string; columns: string[] }[];
}

/** Reads a header row without judging it (documents list what is wrong; saves refuse it). */
export function readHeaders(def: TableDef, header: readonly unknown[]): HeaderMap {
  const byText = new Map<string, number[]>();
  header.forEach((h, i) => {
    const k = normHeader(h);
    if (!k) return;
    const at = byText.get(k);
    if (at) at.push(i);
    else byText.set(k, [i]);
  });
  const cols: Record<string, number> = {};
  const missing: string[] = [];
  const duplicates: { header: string; columns: string[] }[] = [];
  for (const f of def.fields) {
    const at = byText.get(normHeader(f.header));
    if (!at) {
      if (!f.optional) missing.push(f.header);
    } else {
      cols[f.key] = at[0]!;
      if (at.length > 1) duplicates.push({ header: f.header, columns: at.map(columnLetters) });
    }
  }
  return { cols, missing, duplicates };
}

const quoteList = (xs: readonly string[]) => xs.map((m) => `"${m}"`).join(', ');

/** The message for columns of the contract a sheet does not have (no advice to add a copy). */
export function missingColumnsMessage(table: string, missing: readonly string[]): string {
  const one = missing.length === 1;
  return `Sheet "${table}" is missing column${one ? '' : 's'} ${quoteList(missing)}. If ${one ? 'it was' : 'they were'} renamed, rename the header${one ? '' : 's'} in row 1 back to ${quoteList(missing)}; if ${one ? 'it was' : 'they were'} deleted, insert a column headed ${quoteList(missing)}. Nothing was read or written.`;
}

/** The message for a header that stands twice: which column is meant cannot be known. */
export function duplicateColumnsMessage(
  table: string,
  duplicates: readonly { header: string; columns: string[] }[],
): string {
  return duplicates
    .map(
      (d) =>
        `Sheet "${table}" has the header "${d.header}" in ${d.columns.length} columns (${d.columns.join(', ')}): rename or remove all but one.`,
    )
    .join(' ');
}

/**
 * Column index (0-based) of each field in the header row; throws a SchemaError naming the
 * missing columns, or the headers that stand twice (which one holds the data is unknown).
 */
export function mapHeaders(def: TableDef, header: readonly unknown[]): Record<string, number> {
  const h = readHeaders(def, header);
  if (h.missing.length)
    throw new SchemaError(missingColumnsMessage(def.name, h.missing), def.name, h.missing);
  if (h.duplicates.length)
    throw new SchemaError(duplicateColumnsMessage(def.name, h.duplicates), def.name, []);
  return h.cols;
}

/**
 * The row (0-based) of `values` that holds the table's headers: row 1 normally; a later one
 * when a member inserted a title row above the headers. -1 when no row of the first ten
 * carries at least half of the contract's headers.
 */
export function findHeaderRow(def: TableDef, values: readonly (readonly unknown[])[]): number {
  const wanted = new Set(requiredColumns(def).map((f) => normHeader(f.header)));
  const need = Math.max(1, Math.ceil(wanted.size / 2));
  for (let r = 0; r < Math.min(values.length, 10); r++) {
    const hits = new Set((values[r] ?? []).map(normHeader).filter((k) => wanted.has(k)));
    if (hits.size >= need) return r;
  }
  return -1;
}

/** The message for a header row that is not row 1. */
export function headerRowMessage(table: string, row: number): string {
  return `Sheet "${table}" has its headers on row ${row}, not row 1. Delete the row${row > 2 ? 's' : ''} above the headers (a title can go in a cell note or another sheet) so the headers are on row 1.`;
}

const isBlankCell = (v: unknown) => v === '' || v === null || v === undefined;

export function splitList(v: unknown): string[] {
  return String(v ?? '')
    .split(/[,;，；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * An amount typed as text, by one rule: optional sign and currency (`¥`, `$`, `€`, `£`, `CNY`…),
 * digits with an optional decimal point, and commas only as thousands separators in groups
 * of three (`1,200`, `1,234,567.89`). Anything else — `12,50`, `1,2,3`, `1.200,50` — is not
 * read as a number: guessing which separator was meant would store a wrong amount.
 */
export function parseNumberText(text: string): number | null {
  const s = text
    .trim()
    .replace(/^([-+]?)\s*(?:[¥$€£￥]|CNY|USD|RMB|EUR|GBP)\s*/i, '$1')
    .replace(/\s*(?:元|CNY|USD|RMB|EUR|GBP)$/i, '');
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return finite(Number(s));
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) return finite(Number(s.replace(/,/g, '')));
  return null;
}
const finite = (n: number) => (Number.isFinite(n) ? n : null);

/** True when a text has a comma that is not a thousands separator (`12,50`): ambiguous. */
const ambiguousSeparators = (s: string) => /\d,\d/.test(s) && parseNumberText(s) === null;

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

/** A problem of a whole sheet or of one of its rows, for the documents' "Notes on the data". */
export interface TableProblem {
  /** 1-based sheet row; 1 for the header row. */
  readonly row: number;
  readonly problem: string;
}

export interface ParsedSheet {
  readonly records: SheetRecord[];
  /** Header problems (duplicated headers, header row not row 1) and duplicate IDs. */
  readonly problems: TableProblem[];
  /** 0-based index in `values` of the header row (0 unless a title row was inserted). */
  readonly headerIndex: number;
}

/**
 * Parses all data rows of a sheet as the documents read it: `values` is what `getValues()`
 * returned for the whole data range. Blank rows are skipped; row numbers are kept. What the
 * add-on cannot read is reported, never silently counted: cells that do not parse (with
 * the field left blank), blank required fields, numbers below the field's minimum (not
 * counted), blank or repeated IDs, a header that stands twice (its first column is read),
 * and headers that are not on row 1 (read from where they are). Missing columns throw.
 */
export function parseSheet(
  def: TableDef,
  values: readonly (readonly unknown[])[],
  timeZone: string,
): ParsedSheet {
  if (values.length === 0) throw new SchemaError(`Sheet "${def.name}" has no header row.`, def.name, []);
  const problems: TableProblem[] = [];
  let h = 0;
  if (readHeaders(def, values[0]!).missing.length) {
    const found = findHeaderRow(def, values);
    if (found > 0) {
      h = found;
      problems.push({ row: 1, problem: headerRowMessage(def.name, found + 1) });
    }
  }
  const head = readHeaders(def, values[h]!);
  if (head.missing.length)
    throw new SchemaError(missingColumnsMessage(def.name, head.missing), def.name, head.missing);
  if (head.duplicates.length)
    problems.push({
      row: h + 1,
      problem: `${duplicateColumnsMessage(def.name, head.duplicates)} The first column of each is read.`,
    });
  const cols = head.cols;
  const idDef = idField(def);
  const idRows = new Map<string, number[]>();
  const out: SheetRecord[] = [];
  for (let r = h + 1; r < values.length; r++) {
    const row = values[r]!;
    if (row.every(isBlankCell)) continue;
    const data: RecordData = {};
    const rowProblems: string[] = [];
    for (const f of def.fields) {
      if (cols[f.key] === undefined) continue; // an optional column the sheet does not have
      const cell = row[cols[f.key]!];
      const { value, problem } = parseCell(f, cell, timeZone);
      data[f.key] = value;
      if (problem) rowProblems.push(problem);
      else if (f.type === 'id') continue;
      else if (f.required && f.type === 'number' && isBlankCell(cell))
        rowProblems.push(`${f.header} is blank (not counted)`);
      else if (typeof value === 'number' && f.min !== undefined && value < f.min) {
        rowProblems.push(`${f.header}: ${value} is below ${f.min} (not counted)`);
        data[f.key] = null;
      }
    }
    if (idDef) {
      const id = String(data[idDef.key] ?? '');
      if (!id) rowProblems.push(`${idDef.header} is blank`);
      else idRows.set(id, [...(idRows.get(id) ?? []), r + 1]);
    }
    out.push({ row: r + 1, data, problems: rowProblems });
  }
  for (const [id, rows] of idRows) {
    if (rows.length > 1)
      problems.push({
        row: rows[1]!,
        problem: `${idDef!.header} ${id} stands on rows ${rows.join(', ')}: give all but one a new ID.`,
      });
  }
  return { records: out, problems, headerIndex: h };
}

/** The records of a sheet (see parseSheet). */
export function parseTable(
  def: TableDef,
  values: readonly (readonly unknown[])[],
  timeZone: string,
): SheetRecord[] {
  return parseSheet(def, values, timeZone).records;
}

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

// ---------------------------------------------------------------------------------------
// A cell as a form shows it. The same function gives what the form loaded and, at save
// time, what the cell holds now: a change by someone else is a difference between the two.

export interface FormText {
  /** The field as text (`2026-03-15`, `TRUE`, `S-0003, C-0012`, or the cell as typed). */
  readonly text: string;
  /** Set when the cell does not hold a valid value of the field: shown as typed, with this note. */
  readonly problem?: string;
}

/** The text a form shows for one cell of a field. */
export function formText(f: FieldDef, cell: unknown, timeZone: string): FormText {
  if (isBlankCell(cell)) return { text: f.type === 'boolean' ? 'FALSE' : '' };
  const { value, problem } = parseCell(f, cell, timeZone);
  if (problem) return { text: isDate(cell) ? String(cellToDay(cell, timeZone)) : String(cell), problem };
  if (f.type === 'boolean') return { text: value === true ? 'TRUE' : 'FALSE' };
  if (Array.isArray(value)) return { text: value.join(', ') };
  return { text: value === null ? '' : String(value) };
}

/** The text a form shows for a validated field value (what a save will leave in the cell). */
export function valueText(f: FieldDef, v: FieldValue): string {
  if (f.type === 'boolean') return v === true ? 'TRUE' : 'FALSE';
  if (Array.isArray(v)) return v.join(', ');
  return v === null || v === undefined ? '' : String(v);
}
