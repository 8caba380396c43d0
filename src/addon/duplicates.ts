/**
 * Duplicates at entry: a new sponsor or contact whose name (a contact's with its
 * organization), phone or email matches an existing record's — ignoring case, spaces,
 * punctuation and full-/half-width forms — is shown to the member before it is created.
 * Reads only the compared columns and the ID and title columns.
 */

import { type TableDef, tableDef } from '../domain/schema';
import type { Duplicate } from './api';
import type { AddonContext } from './context';
import { SheetGateway } from './gateway';

/** What is compared per table: a key is one field or several joined (a contact's name + organization). */
const KEYS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  Sponsors: [['organization'], ['phone'], ['email']],
  Contacts: [['name', 'organization'], ['phone'], ['email']],
};

/** `ＡＢＣ  Co.,Ltd` and `abc co ltd` are the same text: NFKC, lower case, letters and digits only. */
export const normalize = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '');

/** Existing records a new one of `table` looks like (at most five). */
export function findDuplicates(
  ctx: AddonContext,
  table: string,
  values: Readonly<Record<string, unknown>>,
): Duplicate[] {
  const keys = KEYS[table];
  if (!keys) return [];
  const def: TableDef = tableDef(table);
  const gw = SheetGateway.open(ctx.ss, def);
  const columns = new Map<string, string[]>();
  const col = (k: string) => {
    let c = columns.get(k);
    if (!c) columns.set(k, (c = gw.cols[k] === undefined ? [] : gw.column(k).values));
    return c;
  };
  const out: Duplicate[] = [];
  const seen = new Set<number>();
  for (const key of keys) {
    const want = normalize(key.map((k) => String(values[k] ?? '')).join(' '));
    if (!want || (key.length > 1 && !normalize(String(values[key[0]!] ?? '')))) continue;
    const have = key.map(col);
    const n = have[0]!.length;
    for (let i = 0; i < n && out.length < 5; i++) {
      if (seen.has(i) || normalize(have.map((c) => c[i] ?? '').join(' ')) !== want) continue;
      seen.add(i);
      out.push({ id: col('id')[i] ?? '', row: i + 2, title: col(def.titleKey)[i] ?? '', field: key[0]! });
    }
  }
  return out;
}
