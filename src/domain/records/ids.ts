import { idField, type TableDef } from '../schema';

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
