/**
 * Record IDs: the next one is above the table's high-water mark (kept in the document
 * properties) and above every ID in the sheet, so no ID is ever handed out twice — not
 * after a row is deleted, nor after an ID was typed by hand. The mark is raised whenever
 * IDs are seen: by saves, by Set up and by onEdit.
 */
import { formatId, nextId } from '../domain/records';
import type { TableDef } from '../domain/schema';
import type { SheetGateway } from './gateway';

const hwmKey = (def: TableDef) => `od.nextId.${def.name}`;

/**
 * The ID allocator of one table: the next number is above the persisted high-water mark
 * and above every ID in the sheet (IDs typed by hand included). The mark is raised to the
 * sheet's highest ID whenever it is seen, so a row deleted later never frees its ID.
 */
export class IdAllocator {
  private readonly props = PropertiesService.getDocumentProperties();
  private mark: number;
  private readonly stored: number;
  constructor(
    readonly def: TableDef,
    ids: readonly string[],
    stored: number | null = null,
  ) {
    this.stored = stored ?? storedMark(this.props, def);
    this.mark = nextId(def, ids, this.stored).n - 1; // the highest of the mark and the sheet
  }
  next(): string {
    return formatId(this.def.idPrefix!, ++this.mark);
  }
  /** Persists the mark when it moved (one property write, only then); true when it did. */
  save(): boolean {
    if (this.mark <= this.stored || !this.props) return false;
    this.props.setProperty(hwmKey(this.def), String(this.mark));
    return true;
  }
}

const storedMark = (props: GoogleAppsScript.Properties.Properties | null, def: TableDef) =>
  Number(props?.getProperty(hwmKey(def)) ?? 0) || 0;

/**
 * The allocator for new records of `gw`'s sheet: above the mark and above every ID in the
 * sheet. With a mark stored, one TextFinder search tells whether the sheet holds an ID above
 * it (typed or pasted where no onEdit saw it); when none does, the mark alone decides and no
 * cell of the ID column is read. Otherwise (no mark yet, or an ID above it) the ID column is
 * read once, which raises the mark.
 */
export function allocatorFor(gw: SheetGateway, lastRow: number): IdAllocator {
  const stored = storedMark(PropertiesService.getDocumentProperties(), gw.def);
  if (stored > 0 && !gw.hasIdAbove(stored, lastRow)) return new IdAllocator(gw.def, [], stored);
  return new IdAllocator(gw.def, gw.ids().ids, stored);
}

/** Raises a table's ID mark to the highest of `ids` (IDs typed by hand, seen by onEdit). */
export function raiseIdMark(def: TableDef, ids: readonly string[]): boolean {
  return new IdAllocator(def, ids).save();
}

/** Raises a table's ID mark to the highest ID in its sheet (Set up seeds it this way). */
export function seedIdMark(gw: SheetGateway): boolean {
  return new IdAllocator(gw.def, gw.ids().ids).save();
}
