import { idField, type TableDef } from '../schema';

// ---------------------------------------------------------------------------------------
// IDs: `S-0001`, never reused. The next number is one more than the highest ever seen,
// taken from the sheet and from a persisted high-water mark (so deleting the last row
// never frees its ID).

export function idNumber(prefix: string, id: unknown): number | null {
  const m = new RegExp(`^${prefix}-(\\d+)$`, 'i').exec(String(id ?? '').trim());
  return m ? Number(m[1]) : null;
}

/**
 * A regular expression matching, as a whole cell, the IDs of `prefix` whose number is above
 * `n` (`C-0112`, `c-112`, `C-1000`…; leading zeros and surrounding spaces allowed), so one
 * TextFinder search tells whether any ID in a column is above the mark. Built digit by digit:
 * a longer number, or one of the same length that is greater at its first differing digit.
 */
/**
 * Spaces around a typed ID, in a TextFinder pattern: Sheets' regular expressions are RE2's,
 * whose `\s` is ASCII whitespace only (github.com/google/re2/wiki/Syntax), so the
 * no-break space and the ideographic space a Chinese input method types (U+3000) are named;
 * `String.trim`, which reads IDs everywhere else, takes them off too.
 */
export const ID_SPACES = '[\\s\u00a0\u3000]*';

export function idsAboveRegex(prefix: string, n: number): string {
  const s = String(Math.max(0, Math.floor(n)));
  const parts = [`[1-9]\\d{${s.length},}`];
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    if (d === 9) continue;
    const rest = s.length - i - 1;
    const lowest = i === 0 ? Math.max(d + 1, 1) : d + 1;
    parts.push(`${s.slice(0, i)}[${lowest}-9]${rest ? `\\d{${rest}}` : ''}`);
  }
  return `${ID_SPACES}${prefix}-0*(?:${parts.join('|')})${ID_SPACES}`;
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
