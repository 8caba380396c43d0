/**
 * What the semester report is made from: the workbook's records by sheet, the settings and
 * the report date (ReportInput), the error a report cannot be made past (ReportError), and
 * the field access the figures and the roster share. Pure.
 */
import type { Day } from '../dates';
import type { messages } from '../i18n';
import { dayPart, type FieldValue, type SheetRecord, type TableProblem } from '../records';
import type { Settings } from '../settings';

/** The sheets the report reads (a table added to the schema is not one of them until the report reads it). */
export type ReportTable = 'Members' | 'Sponsors' | 'Contacts' | 'Meetings' | 'Ledger' | 'Events';
export type WorkbookRecords = Record<ReportTable, readonly SheetRecord[]>;

export interface ReportInput {
  records: WorkbookRecords;
  /** Benefits rows (issue 13; absent before Set up creates the sheet): benefits owed per sponsor. */
  benefits?: readonly SheetRecord[];
  /** Problems of whole sheets (duplicated headers, a title row, repeated IDs), by sheet. */
  sheetProblems?: Partial<Record<string, readonly TableProblem[]>>;
  settings: Settings;
  /** The day the report is made, in the spreadsheet's time zone. */
  reportDate: Day;
  timeZone: string;
}

/** A key of the message catalog (i18n.ts). */
export type CatalogKey = Parameters<ReturnType<typeof messages>>[0];

export class ReportError extends Error {
  constructor(
    /** The catalog message that says what to fix. */
    readonly key: CatalogKey,
    message: string,
  ) {
    super(message);
    this.name = 'ReportError';
  }
}

// ---------------------------------------------------------------- field access

export const str = (v: FieldValue | undefined): string =>
  v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v);
export const num = (v: FieldValue | undefined): number | null => (typeof v === 'number' ? v : null);
export const dayOfField = (v: FieldValue | undefined): Day | null =>
  typeof v === 'string' ? dayPart(v) : null;
export const list = (v: FieldValue | undefined): string[] => (Array.isArray(v) ? v : []);
export const lower = (s: string) => s.trim().toLowerCase();

/** Member display names by lowercase email. */
export function memberNames(members: readonly SheetRecord[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of members) {
    const e = lower(str(r.data.email));
    if (e && !m.has(e)) m.set(e, str(r.data.name).trim() || e);
  }
  return m;
}
