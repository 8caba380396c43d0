/**
 * Reading cells into field values: what a sheet holds, typed by hand or by the add-on, parsed
 * without ever throwing; what cannot be read is reported, never counted as zero or blank.
 */
import { cellToDay, type Day, isDate, parseDayText, parseTimeText, wallTime } from '../dates';
import { type FieldDef, idField, type TableDef } from '../schema';
import {
  absentColumnsMessage,
  duplicateColumnsMessage,
  findHeaderRow,
  headerRowMessage,
  missingColumnsMessage,
  readHeaders,
} from './headers';
import { type FieldValue, type RecordData, SchemaError, type SheetRecord } from './types';

export const isBlankCell = (v: unknown) => v === '' || v === null || v === undefined;

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
export const ambiguousSeparators = (s: string) => /\d,\d/.test(s) && parseNumberText(s) === null;

export function parseBool(v: unknown): boolean | null {
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
  if (head.needed.length)
    throw new SchemaError(missingColumnsMessage(def.name, head.needed), def.name, head.needed);
  const absent = head.missing.filter((m) => !head.needed.includes(m));
  if (absent.length) problems.push({ row: h + 1, problem: absentColumnsMessage(def.name, absent) });
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
