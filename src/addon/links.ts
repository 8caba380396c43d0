/**
 * Links between records, checked when a form saves them: an ID in a `ref`/`refs` field must
 * be a record of the table(s) the schema names (a Ledger Event ID `S-0001` is a sponsor's,
 * not an event's), an owner, lead or attendee must be a member's Email, and a `unique` field
 * (Members' Email) may not repeat another record's value. Each table is opened once per save;
 * linked IDs are found by TextFinder (a few) or one read of the ID column, Emails by that column.
 */
import { FieldError, type FieldValue } from '../domain/records';
import { type FieldDef, idField, type TableDef, type TableName, tableDef } from '../domain/schema';
import type { AddonContext } from './context';
import { SheetGateway } from './gateway';

const asList = (v: FieldValue): string[] =>
  Array.isArray(v) ? v : v === null || v === '' || typeof v !== 'string' ? [] : [v];

/** The field errors of the links in `values` (fields the member set, with validated values). */
export function checkLinks(
  ctx: AddonContext,
  def: TableDef,
  values: ReadonlyMap<FieldDef, FieldValue>,
  ownId = '',
  open: (t: TableName) => SheetGateway = (t) => SheetGateway.open(ctx.ss, tableDef(t)),
): FieldError[] {
  const errors: FieldError[] = [];
  // Every ID the fields link to, by table: each table is opened once, its rows found by ID
  // (a TextFinder each for a few IDs, one read of its ID column for more: gateway.rowsFor).
  const wanted = new Map<TableName, string[]>();
  for (const [f, v] of values) {
    if (f.type !== 'ref' && f.type !== 'refs') continue;
    for (const t of f.refTable === undefined ? [] : ([] as TableName[]).concat(f.refTable))
      wanted.set(t, [...(wanted.get(t) ?? []), ...asList(v)]);
  }
  const finders = new Map<TableName, (id: string) => number[]>();
  const exists = (t: TableName, id: string) => {
    let rowsOf = finders.get(t);
    if (!rowsOf) {
      const mine = (wanted.get(t) ?? []).filter((x) => x.startsWith(`${tableDef(t).idPrefix}-`));
      rowsOf = open(t).rowsFor(mine);
      finders.set(t, rowsOf);
    }
    return rowsOf(id).length > 0;
  };
  let members: Set<string> | null = null;
  const memberEmails = () => {
    members ??= new Set(
      SheetGateway.open(ctx.ss, tableDef('Members'))
        .column('email')
        .values.map((e) => e.toLowerCase())
        .filter(Boolean),
    );
    return members;
  };
  const err = (
    f: FieldDef,
    code: ConstructorParameters<typeof FieldError>[1],
    params: Record<string, string>,
  ) => errors.push(new FieldError(f.key, code, { field: f.header, ...params }));

  for (const [f, v] of values) {
    const list = asList(v);
    if (!list.length) continue;
    const targets = f.refTable === undefined ? [] : ([] as TableName[]).concat(f.refTable);
    if (f.type === 'ref' || f.type === 'refs') {
      for (const id of list) {
        const t = targets.find((name) => id.startsWith(`${tableDef(name).idPrefix}-`));
        if (!t) err(f, 'wrongTable', { value: id, tables: targets.join(' / ') });
        else if (!exists(t, id)) err(f, 'noSuchRecord', { value: id, table: t });
      }
    } else if (targets.includes('Members') && (f.type === 'email' || f.type === 'emails')) {
      for (const e of list) if (!memberEmails().has(e.toLowerCase())) err(f, 'notMember', { value: e });
    }
    if (f.unique) {
      const gw = SheetGateway.open(ctx.ss, def);
      const col = gw.column(f.key);
      const idCol = gw.column(idField(def)!.key);
      const want = list[0]!.toLowerCase();
      const at = col.values.findIndex(
        (x, i) => x.toLowerCase() === want && idCol.values[i]!.toUpperCase() !== ownId.toUpperCase(),
      );
      if (at >= 0) err(f, 'duplicateValue', { value: list[0]!, id: idCol.values[at] || `row ${at + 2}` });
    }
  }
  return errors;
}
