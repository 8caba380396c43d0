import { cellToDay, isDate } from '../dates';
import type { FieldDef } from '../schema';
import { isBlankCell, parseCell } from './parse';
import type { FieldValue } from './types';

// ---------------------------------------------------------------------------------------
// A cell as a form shows it. The same function gives what the form loaded and, at save
// time, what the cell holds now: a change by someone else is a difference between the two.

export interface FormText {
  /** The field as text (`2026-03-15`, `TRUE`, `S-0003, C-0012`, or the cell as typed). */
  readonly text: string;
  /** Set when the cell does not hold a valid value of the field: shown as typed, with this note. */
  readonly problem?: string;
}

/** The text a form shows for one cell of a field. */
export function formText(f: FieldDef, cell: unknown, timeZone: string): FormText {
  if (isBlankCell(cell)) return { text: f.type === 'boolean' ? 'FALSE' : '' };
  const { value, problem } = parseCell(f, cell, timeZone);
  if (problem) return { text: isDate(cell) ? String(cellToDay(cell, timeZone)) : String(cell), problem };
  if (f.type === 'boolean') return { text: value === true ? 'TRUE' : 'FALSE' };
  if (Array.isArray(value)) return { text: value.join(', ') };
  return { text: value === null ? '' : String(value) };
}

/** The text a form shows for a validated field value (what a save will leave in the cell). */
export function valueText(f: FieldDef, v: FieldValue): string {
  if (f.type === 'boolean') return v === true ? 'TRUE' : 'FALSE';
  if (Array.isArray(v)) return v.join(', ');
  return v === null || v === undefined ? '' : String(v);
}
