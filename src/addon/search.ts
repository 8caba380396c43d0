/**
 * The record sidebar's search list: the records whose ID, title, list or search fields hold
 * the search text (case-insensitive), newest rows first, and how many match in all.
 *
 * Two ways, by the size of what would be read:
 * - **Read** (a department's usual sheets, up to READ_AT_MOST cells in the searched columns):
 *   those columns are read, only they, and matched in the script on the values as the form
 *   shows them (a date as 2026-03-04, an amount as 1200). The count is exact.
 * - **Find** (union size: 30,000 contacts are 210,000 cells, ~7 s of reading): Sheets'
 *   TextFinder searches the columns where the data is, moving no cells; the script learns the
 *   rows of the newest matches only (a `getRow` each, walking back from the bottom) and reads
 *   just those rows. It matches the text the sheet shows (what a member sees and types), and
 *   the count is exact when every match was walked, else "at least". So past READ_AT_MOST an
 *   Amount shown as ¥1,200.00 is found by "1,200", no longer by "1200", and a date by the
 *   way its cell shows it. At union size Contacts, Ledger, Meetings and Sponsors search so.
 * developers.google.com/apps-script/reference/spreadsheet/text-finder
 */

import { isBlankCell, parseCell } from '../domain/records';
import { type FieldDef, idField, type TableDef, tableDef } from '../domain/schema';
import type { ListItem } from './api';
import { AddonContext } from './context';
import { readNearRows, SheetGateway } from './gateway';

/** Cells of the searched columns read whole at most (~0.7 s in Google); above, TextFinder. */
export const READ_AT_MOST = 20_000;
/**
 * What reading the rows of a page of matches may cost, in cells (~0.9 s in Google): matches
 * spread thinly (one row in 200) would take a read each; past this the page is shorter and
 * says how many match, so the member refines the search.
 */
const FOUND_READ_BUDGET = 27_000;

export interface SearchPage {
  items: ListItem[];
  /** Records matching in all; a lower bound when `atLeast`. */
  total: number;
  /** Set when only some matches were counted (TextFinder at union size). */
  atLeast?: boolean;
}

const cellText = (v: unknown): string =>
  Array.isArray(v) ? v.join(', ') : v === null || v === undefined ? '' : String(v);

const limitOf = (limit: unknown) => Math.min(Math.max(Number(limit) || 50, 1), 500);

interface Searched {
  def: TableDef;
  gw: SheetGateway;
  idKey: string;
  /** The fields searched and shown, those the sheet has, in sheet order. */
  fields: FieldDef[];
  /** 1-based column of each field. */
  cols: number[];
  timeZone: string;
  lastRow: number;
  /** A link picker's search: rows without an ID are left out. */
  idsOnly: boolean;
}

function open(table: unknown, only?: 'idAndTitle'): Searched {
  const def = tableDef(String(table));
  const idDef = idField(def);
  if (!def.idPrefix || !idDef) throw new Error(`${def.name} has no record form.`);
  const ctx = new AddonContext();
  const gw = SheetGateway.open(ctx.ss, def);
  const all = [idDef.key, def.titleKey, ...(only ? [] : [...def.listKeys, ...(def.searchKeys ?? [])])];
  const keys = all.filter((k, i, all) => gw.cols[k] !== undefined && all.indexOf(k) === i);
  keys.sort((a, b) => gw.cols[a]! - gw.cols[b]!);
  return {
    def,
    gw,
    idKey: idDef.key,
    fields: keys.map((k) => def.fields.find((f) => f.key === k)!),
    cols: keys.map((k) => gw.cols[k]! + 1),
    timeZone: ctx.timeZone,
    lastRow: gw.sheet.getLastRow(),
    idsOnly: !!only,
  };
}

/** A row's list item from its searched cells (`row[j]` is `s.fields[j]`); null when blank. */
function itemOf(s: Searched, row: readonly unknown[], at: number, q: string): ListItem | null {
  if (row.every(isBlankCell)) return null;
  const text: Record<string, string> = {};
  s.fields.forEach((f, j) => {
    text[f.key] = cellText(parseCell(f, row[j], s.timeZone).value).trim();
  });
  // A picker offers records by ID: a row without one is neither offered nor counted.
  if (s.idsOnly && !text[s.idKey]) return null;
  if (q && !Object.values(text).some((t) => t.toLowerCase().includes(q))) return null;
  return {
    id: text[s.idKey] ?? '',
    title: text[s.def.titleKey] || '(untitled)',
    subtitle: s.def.listKeys
      .map((k) => text[k] ?? '')
      .filter(Boolean)
      .slice(0, 3)
      .join(' · '),
    row: at,
  };
}

/** Read: the searched columns whole, matched here (exact count). */
function byReading(s: Searched, q: string, limit: number): SearchPage {
  const { keys, cells, firstRow } = s.gw.columns(s.fields.map((f) => f.key));
  const fields = keys.map((k) => s.fields.find((f) => f.key === k)!);
  const ordered: Searched = { ...s, fields };
  const items: ListItem[] = [];
  let total = 0;
  for (let i = cells.length - 1; i >= 0; i--) {
    const item = itemOf(ordered, cells[i]!, firstRow + i, q);
    if (!item) continue;
    total++;
    if (items.length < limit) items.push(item);
  }
  return { items, total };
}

/** The searched cells of some rows (descending), near rows read together (readNearRows). */
function readRows(s: Searched, rows: readonly number[], budget?: number): Map<number, unknown[]> {
  const c1 = s.cols[0]!;
  const width = s.cols[s.cols.length - 1]! - c1 + 1;
  const out = new Map<number, unknown[]>();
  for (const [r, cells] of readNearRows(s.gw.sheet, rows, c1, width, budget))
    out.set(
      r,
      s.cols.map((c) => cells[c - c1]),
    );
  return out;
}

/** The non-blank cells of one searched column, by Sheets (row by row: see `found`). */
function nonBlank(s: Searched, col: number): GoogleAppsScript.Spreadsheet.Range[] {
  return s.gw.sheet
    .getRange(2, col, s.lastRow - 1, 1)
    .createTextFinder('\\S')
    .useRegularExpression(true)
    .findAll();
}

/**
 * Find, empty search: the newest rows (read from the bottom), counted by their IDs (a row
 * with content and no ID — one the sidebar warns of — is listed but not counted, unless
 * every row was read). Blank rows at the bottom (a stray cell further down) are skipped by
 * asking Sheets where the searched columns' last cell is.
 */
function newest(s: Searched, limit: number): SearchPage {
  const idCol = s.cols[s.fields.findIndex((f) => f.key === s.idKey)]!;
  const ids = nonBlank(s, idCol);
  let chunk = limit + 10;
  let bottom = ids.length ? ids[ids.length - 1]!.getRow() : 1;
  if (s.lastRow - bottom > chunk)
    for (const c of s.cols) {
      if (c === idCol) continue;
      const cells = nonBlank(s, c);
      if (cells.length) bottom = Math.max(bottom, cells[cells.length - 1]!.getRow());
    }
  else bottom = s.lastRow;
  const items: ListItem[] = [];
  let seen = 0;
  while (items.length < limit && bottom >= 2) {
    const top = Math.max(2, bottom - chunk + 1);
    const rows = Array.from({ length: bottom - top + 1 }, (_, k) => bottom - k);
    const cells = readRows(s, rows);
    let any = false;
    for (const r of rows) {
      const item = itemOf(s, cells.get(r)!, r, '');
      if (!item) continue;
      any = true;
      seen++;
      if (items.length < limit) items.push(item);
    }
    if (!any) chunk *= 2; // a blank stretch: read further at a time
    bottom = top - 1;
  }
  if (bottom < 2) return { items, total: seen };
  return { items, total: Math.max(ids.length, seen) };
}

/**
 * Find, a search text: a TextFinder on each searched column. Sheets gives a column's matches
 * from the top down (docs/local-runtime.md: an assumption, the reference does not say), so
 * its newest are at the end; each column is walked back (a getRow each) until its rows fall
 * below the newest `limit + 1` matching rows found so far. One column at a time, not a
 * range of several: in which order a range's columns come is not assumed.
 */
function found(s: Searched, q: string, limit: number): SearchPage {
  const n = s.lastRow - 1;
  const matches = s.cols.map((c) => s.gw.sheet.getRange(2, c, n, 1).createTextFinder(q).findAll());
  let want = limit + 1;
  for (let attempt = 0; ; attempt++) {
    const { rows, newest, complete } = walk(matches, want);
    const cells = readRows(s, newest.slice(0, want - 1), FOUND_READ_BUDGET);
    const shown = newest.filter((r) => cells.has(r));
    // Matched by the text the sheet shows: listed even where the form's text differs (a
    // picker leaves out a row without an ID, and walks further when it had to).
    const items = shown
      .map((r) => itemOf(s, cells.get(r)!, r, '') ?? (s.idsOnly ? null : untitled(r)))
      .filter((x): x is ListItem => x !== null);
    const dropped = shown.length - items.length;
    if (dropped && !complete && attempt < 2) {
      want += 2 * dropped;
      continue;
    }
    if (complete) return { items: items.slice(0, limit), total: rows.size - dropped };
    // Not every match was walked: at least the rows walked, and each column's matches.
    const least = Math.max(rows.size, ...matches.map((m) => m.length)) - dropped;
    return { items: items.slice(0, limit), total: least, atLeast: true };
  }
}

const untitled = (row: number): ListItem => ({ id: '', title: '(untitled)', subtitle: '', row });

/** The newest `want` rows among each column's matches (walked back from the bottom). */
function walk(matches: readonly GoogleAppsScript.Spreadsheet.Range[][], want: number) {
  const rows = new Set<number>();
  let newest: number[] = [];
  let complete = true;
  for (const ranges of matches) {
    for (let k = ranges.length - 1; k >= 0; k--) {
      const row = ranges[k]!.getRow();
      if (newest.length >= want && row < newest[want - 1]!) {
        complete = false;
        break;
      }
      if (rows.has(row)) continue;
      rows.add(row);
      newest = [...newest, row].sort((x, y) => y - x).slice(0, want);
    }
  }
  return { rows, newest, complete };
}

/**
 * Records matching `query`, newest rows first, at most `limit`, and how many match in all;
 * `idAndTitle`: matched on the ID and title only (a link picker's choices).
 */
export function searchRecords(
  table: unknown,
  query: unknown,
  limit: unknown = 50,
  only?: 'idAndTitle',
): SearchPage {
  const q = String(query ?? '')
    .trim()
    .toLowerCase();
  const max = limitOf(limit);
  const s = open(table, only);
  if (s.lastRow < 2) return { items: [], total: 0 };
  if ((s.lastRow - 1) * s.fields.length <= READ_AT_MOST) return byReading(s, q, max);
  return q ? found(s, String(query).trim(), max) : newest(s, max);
}

/** Records matching `query` (ID, title, list and search fields, case-insensitive), newest first, at most `limit`. */
export function sidebarSearch(table: unknown, query: unknown, limit: unknown = 50): ListItem[] {
  return searchRecords(table, query, limit).items;
}

/** A page of search results and how many match in all (`50 of 1,100 — refine your search`). */
export function sidebarSearchPage(table: unknown, query: unknown, limit: unknown = 50): SearchPage {
  return searchRecords(table, query, limit);
}
