/**
 * What the record sidebar's pickers need: members by name (stored as their Email) and records
 * by name (stored as their ID) for the links the schema declares; and the row of a record
 * shown in its sheet. The search list is search.ts.
 */

import { type FieldDef, MEMBERS, type TableName, tableDef } from '../domain/schema';
import type { Choice } from './api';
import { AddonContext } from './context';
import { SheetGateway } from './gateway';
import { searchRecords } from './search';

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
  // The newest records whose ID or title holds the text: the search list's way (search.ts),
  // so a picker on 30,000 contacts asks Sheets' TextFinder rather than reading two columns.
  const out: Choice[] = [];
  for (const name of link) {
    if (out.length >= MAX_CHOICES) break;
    if (!ctx.ss.getSheetByName(tableDef(name).name)) continue;
    const page = searchRecords(name, q, MAX_CHOICES - out.length, 'idAndTitle');
    for (const it of page.items) {
      out.push({
        value: it.id.toUpperCase(),
        label: `${it.title === '(untitled)' ? '' : it.title} · ${it.id}`,
      });
    }
  }
  return out;
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
