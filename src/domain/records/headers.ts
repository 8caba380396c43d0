/**
 * Header rows: columns found by header text, never by position; what is missing, what stands
 * twice, and headers that are not on row 1, each named in the message.
 */
import { requiredColumns, type TableDef } from '../schema';
import { SchemaError } from './types';

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
  /**
   * The missing headers every record needs (its ID and required fields): without them the
   * sheet cannot be read or written. Other missing columns read as blank until Set up adds them.
   */
  readonly needed: readonly string[];
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
  const needed: string[] = [];
  const duplicates: { header: string; columns: string[] }[] = [];
  for (const f of def.fields) {
    const at = byText.get(normHeader(f.header));
    if (!at) {
      if (!f.optional) missing.push(f.header);
      if (f.required || f.type === 'id') needed.push(f.header);
    } else {
      cols[f.key] = at[0]!;
      if (at.length > 1) duplicates.push({ header: f.header, columns: at.map(columnLetters) });
    }
  }
  return { cols, missing, needed, duplicates };
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

/** The note for columns of the contract a sheet lacks that records can do without (read as blank). */
export function absentColumnsMessage(table: string, absent: readonly string[]): string {
  return `Sheet "${table}" has no column ${quoteList(absent)} yet: it is read as blank. Run "Set up workbook" to add it.`;
}

/** The message for a header row that is not row 1. */
export function headerRowMessage(table: string, row: number): string {
  return `Sheet "${table}" has its headers on row ${row}, not row 1. Delete the row${row > 2 ? 's' : ''} above the headers (a title can go in a cell note or another sheet) so the headers are on row 1.`;
}
