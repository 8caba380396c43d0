/**
 * A person types into a cell, as Sheets handles it:
 *
 *  1. the text is interpreted as typed input (`=…` a formula, `'…` text, numbers, booleans,
 *     dates; a cell formatted `@` keeps text) and checked against the cell's data
 *     validation: a strict rule (list, checkbox, date, number, email) rejects a value that
 *     breaks it with Sheets' message, a lenient one (allowInvalid) accepts it. Validation
 *     applies to what users type, never to what scripts write;
 *  2. the value is written (through the emulated Range, as `setValue` of the text);
 *  3. the onEdit simple trigger runs as a new execution in AuthMode.LIMITED, with the event
 *     object Apps Script passes (https://developers.google.com/apps-script/guides/triggers/events#edit):
 *     `authMode`, `range` (the edited cell), `source` (the spreadsheet), `user`, `value` (the
 *     new value), `oldValue` (left out when the cell was empty), `triggerUid`.
 *
 * Used by the workbench's grid and by tests that edit as a member would.
 */
import { dayOf, isDate } from '../domain/dates';
import type { LocalGoogle } from './backend';
import { Execution } from './execution';
import type { CellValue, ValidationRule } from './model/spreadsheet-model';
import type { LocalProject } from './runtime';
import { failureMessage } from './script-run';
import { activeUserEmail } from './services/misc';
import { columnToLetters } from './sheets/a1';
import { interpretInput } from './sheets/typed-input';

/** Does `value` pass the cell's validation rule? Returns the message Sheets shows when not. */
export function violates(rule: ValidationRule | null, value: CellValue, tz: string): string | null {
  if (!rule || rule.allowInvalid || value === '') return null;
  const text = isDate(value) ? dayOf(value, tz) : String(value);
  switch (rule.criteria) {
    case 'VALUE_IN_LIST': {
      const list = (Array.isArray(rule.args[0]) ? rule.args[0] : []).map(String);
      return list.includes(text) ? null : 'Input must be an item on the specified list.';
    }
    case 'CHECKBOX':
      return typeof value === 'boolean' ? null : 'Input must be a checkbox value (TRUE or FALSE).';
    case 'DATE_IS_VALID_DATE':
      return isDate(value) ? null : 'Input must be a valid date.';
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return typeof value === 'number' && value >= Number(rule.args[0])
        ? null
        : `Input must be a number greater than or equal to ${rule.args[0]}.`;
    case 'NUMBER_BETWEEN':
      return typeof value === 'number' && value >= Number(rule.args[0]) && value <= Number(rule.args[1])
        ? null
        : `Input must be between ${rule.args[0]} and ${rule.args[1]}.`;
    case 'TEXT_IS_VALID_EMAIL':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? null : 'Input must be a valid email address.';
    default:
      return null;
  }
}

/** Typed input that the cell's strict validation rejects; nothing was written. */
export class InputRejected extends Error {
  constructor(
    readonly cell: string,
    readonly problem: string,
  ) {
    super(
      `There was a problem: the data you entered in cell ${cell} violates the data validation rules set on this cell. ${problem}`,
    );
  }
}

/** The event object of an edit of one cell by `user` (what Apps Script passes to onEdit). */
export function editEvent(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  range: GoogleAppsScript.Spreadsheet.Range,
  user: string,
  oldValue: unknown,
) {
  const value = range.getValue();
  return {
    authMode: 'LIMITED',
    range,
    source: ss,
    user: { getEmail: () => user, getUserLoginId: () => user, toString: () => user },
    value: isDate(value) ? value : String(value),
    ...(oldValue !== '' ? { oldValue: isDate(oldValue) ? oldValue : String(oldValue) } : {}),
    triggerUid: '',
  };
}

/** What onEdit did: its service calls (not counting the event's construction) and its failure. */
export interface OnEditRun {
  calls: number;
  byMethod: [string, number][];
  error: string | null;
}

export interface TypedEdit {
  /** The cell in A1 notation, e.g. `C2`. */
  cell: string;
  /** The onEdit run, or null when the project has no onEdit. */
  onEdit: OnEditRun | null;
}

export interface TypeOptions {
  spreadsheetId: string;
  sheet: string;
  row: number;
  col: number;
  /** What the person typed (a checkbox click is `TRUE`/`FALSE`). */
  text: string | boolean;
  user: string;
}

const activeSpreadsheet = (x: Execution) =>
  (x.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp).getActiveSpreadsheet();

/**
 * Types `text` into a cell as `user`: validated, written, then onEdit. Throws InputRejected
 * when the cell's strict validation refuses the value (nothing is written, onEdit does not run).
 */
export function typeIntoCell(google: LocalGoogle, project: LocalProject, o: TypeOptions): TypedEdit {
  const model = google.spreadsheets.get(o.spreadsheetId);
  const s = model?.sheetByName(o.sheet);
  if (!model || !s) throw new Error(`No sheet named "${o.sheet}".`);
  const cell = `${columnToLetters(o.col)}${o.row}`;
  const plain = s.numberFormats.get(`${o.row},${o.col}`) === '@';
  const { value } = interpretInput(o.text, model.timeZone, plain, google.now());
  const problem = violates(s.validationAt(o.row, o.col), value, model.timeZone);
  if (problem) throw new InputRejected(cell, problem);
  // Written as the user would type it: through the emulated Range, so "=…", "'…", numbers
  // and dates are interpreted as Sheets interprets typed input.
  const x = new Execution(google, { spreadsheetId: o.spreadsheetId, user: o.user });
  const range = activeSpreadsheet(x).getSheetByName(s.name)!.getRange(o.row, o.col);
  const oldValue = range.getValue();
  range.setValue(o.text);
  x.end();
  return { cell, onEdit: runOnEdit(google, project, { ...o, sheet: s.name }, oldValue) };
}

/**
 * The onEdit simple trigger, as Sheets runs it after a user edit: a new execution in
 * AuthMode.LIMITED with the edit's event object.
 */
export function runOnEdit(
  google: LocalGoogle,
  project: LocalProject,
  o: Omit<TypeOptions, 'text'>,
  oldValue: unknown,
): OnEditRun | null {
  const x = new Execution(google, {
    projectFiles: project.files,
    scopes: project.scopes,
    spreadsheetId: o.spreadsheetId,
    user: o.user,
    authMode: 'LIMITED',
  });
  try {
    const ctx = project.load(x);
    if (typeof ctx.onEdit !== 'function') return null;
    const ss = activeSpreadsheet(x);
    // e.user is "the active user, if available": blank where Session.getActiveUser() is.
    const who = activeUserEmail(x);
    const event = editEvent(ss, ss.getSheetByName(o.sheet)!.getRange(o.row, o.col), who, oldValue);
    x.counter.reset(); // count what onEdit itself does, not the event's construction
    (ctx.onEdit as (e: unknown) => void)(event);
    return { calls: x.counter.total, byMethod: Object.entries(x.counter.snapshot()), error: null };
  } catch (e) {
    return {
      calls: x.counter.total,
      byMethod: Object.entries(x.counter.snapshot()),
      error: `onEdit: ${failureMessage(e)}`,
    };
  } finally {
    x.end();
  }
}
