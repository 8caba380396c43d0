/**
 * What the record sidebar's pickers and search list need: members by name (stored as their
 * Email), records by name (stored as their ID) for the links the schema declares, and how
 * many records a search matches in all. Reads only the columns it searches and shows.
 */

import { isBlankCell, parseCell } from '../domain/records';
import { type FieldDef, idField, MEMBERS, type TableName, tableDef } from '../domain/schema';
import type { Choice, ListItem } from './api';
import { AddonContext } from './context';
import { SheetGateway } from './gateway';

const MAX_CHOICES = 20;

/** A field's picker: a member's Email, or IDs of the tables it links to. */
export function linkOf(f: FieldDef): 'member' | TableName[] | null {
  if (!f.refTable) return null;
  const tables = ([] as TableName[]).concat(f.refTable);
  if ((f.type === 'email' || f.type === 'emails') && tables.includes('Members')) return 'member';
  return f.type === 'ref' || f.type === 'refs' ? tables : null;
}

/** The active members as choices (`李明 · minister@example.edu`), in sheet order. */
export function memberChoices(ctx: AddonContext): Choice[] {
  if (!ctx.ss.getSheetByName(MEMBERS.name)) return [];
  const gw = SheetGateway.open(ctx.ss, MEMBERS);
  const emails = gw.column('email').values;
  const names = gw.column('name').values;
  const active =
    gw.cols.active === undefined || emails.length === 0
      ? emails.map(() => true)
      : gw.sheet
          .getRange(2, gw.cols.active + 1, emails.length, 1)
          .getValues()
          .map((r) => r[0] === true || /^(true|yes|1|是|✓)$/i.test(String(r[0] ?? '').trim()));
  return emails
    .map((e, i) => ({
      value: e.toLowerCase(),
      label: names[i] ? `${names[i]} · ${e.toLowerCase()}` : e,
      on: active[i],
    }))
    .filter((c) => c.value && c.on)
    .map(({ value, label }) => ({ value, label }));
}

const matches = (q: string, ...texts: string[]) => !q || texts.some((t) => t.toLowerCase().includes(q));

/** Choices for the picker of `field` of `table`, matching `query`. */
export function sidebarChoices(table: unknown, field: unknown, query: unknown): Choice[] {
  const def = tableDef(String(table));
  const f = def.fields.find((x) => x.key === String(field));
  if (!f) return [];
  const link = linkOf(f);
  const q = String(query ?? '')
    .trim()
    .toLowerCase();
  const ctx = new AddonContext();
  if (link === 'member')
    return memberChoices(ctx)
      .filter((c) => matches(q, c.label))
      .slice(0, MAX_CHOICES);
  if (!link) return [];
  const out: Choice[] = [];
  for (const name of link) {
    const target = tableDef(name);
    if (!ctx.ss.getSheetByName(target.name)) continue;
    const gw = SheetGateway.open(ctx.ss, target);
    const ids = gw.ids().ids;
    const titles = gw.column(target.titleKey).values;
    for (let i = ids.length - 1; i >= 0 && out.length < MAX_CHOICES; i--) {
      if (ids[i] && matches(q, ids[i]!, titles[i] ?? ''))
        out.push({ value: ids[i]!, label: `${titles[i]} · ${ids[i]}` });
    }
  }
  return out;
}

const cellText = (v: unknown): string =>
  Array.isArray(v) ? v.join(', ') : v === null || v === undefined ? '' : String(v);

/**
 * Every record whose ID, title or list fields (what the search list shows) hold `query`
 * (case-insensitive), newest IDs first. Reads those columns only, never the whole sheet: at
 * union size a search of Contacts reads 5 of its 17 columns.
 */
function matching(table: unknown, query: unknown): ListItem[] {
  const def = tableDef(String(table));
  const idDef = idField(def);
  if (!def.idPrefix || !idDef) throw new Error(`${def.name} has no record form.`);
  const q = String(query ?? '')
    .trim()
    .toLowerCase();
  const ctx = new AddonContext();
  const gw = SheetGateway.open(ctx.ss, def);
  const { keys, cells, firstRow } = gw.columns([
    idDef.key,
    def.titleKey,
    ...def.listKeys,
    ...(def.searchKeys ?? []),
  ]);
  const fields = keys.map((k) => def.fields.find((f) => f.key === k)!);
  const tz = ctx.timeZone;
  const out: ListItem[] = [];
  for (let i = cells.length - 1; i >= 0; i--) {
    const row = cells[i]!;
    if (row.every(isBlankCell)) continue;
    const text: Record<string, string> = {};
    fields.forEach((f, j) => {
      text[f.key] = cellText(parseCell(f, row[j], tz).value);
    });
    if (q && !Object.values(text).some((t) => t.toLowerCase().includes(q))) continue;
    out.push({
      id: text[idDef.key] ?? '',
      title: text[def.titleKey] || '(untitled)',
      subtitle: def.listKeys
        .map((k) => text[k] ?? '')
        .filter(Boolean)
        .slice(0, 3)
        .join(' · '),
      row: firstRow + i,
    });
  }
  return out;
}

const limitOf = (limit: unknown) => Math.min(Math.max(Number(limit) || 50, 1), 500);

/** Records matching `query` (ID, title, list and search fields, case-insensitive), newest IDs first, at most `limit`. */
export function sidebarSearch(table: unknown, query: unknown, limit: unknown = 50): ListItem[] {
  return matching(table, query).slice(0, limitOf(limit));
}

/** A page of search results and how many match in all (`50 of 1,100 — refine your search`). */
export function sidebarSearchPage(
  table: unknown,
  query: unknown,
  limit: unknown = 50,
): { items: ListItem[]; total: number } {
  const all = matching(table, query);
  return { items: all.slice(0, limitOf(limit)), total: all.length };
}

/**
 * Selects a record's row in its sheet (the sheet becomes the active one), found by its ID
 * now — sorting since the record was opened does not matter. Returns the row, or 0 when gone.
 */
export function sidebarShowRow(table: unknown, id: unknown, row?: unknown): number {
  const def = tableDef(String(table));
  const ctx = new AddonContext();
  const gw = SheetGateway.open(ctx.ss, def);
  const at = gw.rowOfRecord(id, row).row;
  if (!at) return 0;
  gw.sheet.activate();
  gw.sheet.getRange(at, 1, 1, Math.max(1, gw.width)).activate();
  return at;
}
