/**
 * What the record sidebar's pickers and search list need: members by name (stored as their
 * Email), records by name (stored as their ID) for the links the schema declares, and how
 * many records a search matches in all. Reads only the columns it shows.
 */

import { type FieldDef, MEMBERS, type TableName, tableDef } from '../domain/schema';
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

/** Every record matching `query` (any field, case-insensitive), newest IDs first. */
function matching(table: unknown, query: unknown): ListItem[] {
  const def = tableDef(String(table));
  if (!def.idPrefix) throw new Error(`${def.name} has no record form.`);
  const q = String(query ?? '')
    .trim()
    .toLowerCase();
  const out: ListItem[] = [];
  const recs = new AddonContext().table(def.name).records;
  for (let i = recs.length - 1; i >= 0; i--) {
    const r = recs[i]!;
    if (q && !Object.values(r.data).some((v) => cellText(v).toLowerCase().includes(q))) continue;
    out.push({
      id: cellText(r.data.id),
      title: cellText(r.data[def.titleKey]) || '(untitled)',
      subtitle: def.listKeys
        .map((k) => cellText(r.data[k]))
        .filter(Boolean)
        .slice(0, 3)
        .join(' · '),
      row: r.row,
    });
  }
  return out;
}

const limitOf = (limit: unknown) => Math.min(Math.max(Number(limit) || 50, 1), 500);

/** Records matching `query` (any field, case-insensitive), newest IDs first, at most `limit`. */
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
