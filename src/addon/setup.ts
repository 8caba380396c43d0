/**
 * "Set up workbook": creates missing sheets and headers, adds missing columns at the end
 * (never moving or touching users' data), applies dropdown validation to enumerated
 * columns, freezes the header row and seeds Settings. Idempotent: every write is preceded
 * by a read that shows whether it is needed, so a second run writes nothing.
 *
 * Service calls: per sheet a fixed number (header read, frozen rows, one validation read
 * of the header-width row 2, writes only where something differs), whatever the data size.
 */

import { type Lang, msg, tableNoun } from '../domain/i18n';
import {
  duplicateColumnsMessage,
  findHeaderRow,
  headerRowMessage,
  missingColumnsMessage,
  normHeader,
  readHeaders,
} from '../domain/records';
import { type FieldDef, KNOWN_SETTINGS, SETTINGS, TABLES, type TableDef } from '../domain/schema';
import { headerRow, SheetGateway, withDocumentLock } from './gateway';
import { seedIdMark } from './ids';
import { addFestivalHolidays, seedTemplates } from './partners/seed';
import { protectWorkbook } from './protections';

export interface SetupReport {
  createdSheets: string[];
  addedColumns: string[];
  validationsSet: string[];
  frozen: string[];
  seededSettings: string[];
  /** Templates written into a new Templates sheet (the seed, English and Chinese). */
  seededTemplates: number;
  formatted: string[];
  /**
   * What Set up could not repair without risking data, each with how to fix it: a header
   * that stands twice, headers below row 1, a column every record needs that is gone from a
   * sheet holding records (renamed or moved: adding an empty copy would hide its data).
   */
  problems: string[];
  /** Tables whose ID high-water mark was raised to the highest ID in the sheet. */
  idMarks: string[];
  /**
   * Protections set or updated (protections.ts): the sheets only some roles edit, the
   * warning-only ID columns and log sheets; or why the sheet protections wait.
   */
  protections: string[];
  /** Number of cells or properties written; 0 on a workbook already set up. */
  writes: number;
}

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The validation a column should carry, described without Apps Script objects. */
interface WantedRule {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
}

function wantedRule(f: FieldDef): WantedRule | null {
  if (f.type === 'enum' && f.options)
    return { criteria: 'VALUE_IN_LIST', values: [f.options, true], allowInvalid: false };
  if (f.type === 'text' && f.options)
    return { criteria: 'VALUE_IN_LIST', values: [f.options, true], allowInvalid: true };
  if (f.type === 'boolean') return { criteria: 'CHECKBOX', values: [], allowInvalid: false };
  return null;
}

function buildRule(w: WantedRule, f: FieldDef): GoogleAppsScript.Spreadsheet.DataValidation {
  const b = SpreadsheetApp.newDataValidation();
  if (w.criteria === 'CHECKBOX') b.requireCheckbox();
  else b.requireValueInList(w.values[0] as string[], true);
  return b
    .setAllowInvalid(w.allowInvalid)
    .setHelpText(f.options ? `${f.header}: ${f.options.join(', ')}` : `${f.header}: TRUE or FALSE`)
    .build();
}

function sameRule(rule: GoogleAppsScript.Spreadsheet.DataValidation | null, w: WantedRule): boolean {
  if (!rule) return false;
  if (String(rule.getCriteriaType()) !== w.criteria) return false;
  if (rule.getAllowInvalid() !== w.allowInvalid) return false;
  return JSON.stringify(rule.getCriteriaValues()) === JSON.stringify(w.values);
}

/**
 * Sets up every sheet, then Settings, then the protections; `onStep(i)` is told when step
 * `i` of those (`setupSteps`) starts.
 */
export function setUpWorkbook(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  onStep: (i: number) => void = () => {},
): SetupReport {
  const report: SetupReport = {
    createdSheets: [],
    addedColumns: [],
    validationsSet: [],
    frozen: [],
    seededSettings: [],
    seededTemplates: 0,
    formatted: [],
    problems: [],
    idMarks: [],
    protections: [],
    writes: 0,
  };
  withDocumentLock(() => {
    TABLES.forEach((def, i) => {
      onStep(i);
      setUpSheet(ss, def, report);
    });
    onStep(TABLES.length);
    seedSettings(ss, report);
    const templates = seedTemplates(ss);
    const festivals = addFestivalHolidays(ss);
    report.seededTemplates = templates.writes;
    report.seededSettings.push(...festivals.added);
    report.writes += templates.writes + festivals.writes;
    onStep(TABLES.length + 1);
    protectWorkbook(ss, report);
  });
  return report;
}

function setUpSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, def: TableDef, report: SetupReport): void {
  let sheet = ss.getSheetByName(def.name);
  if (!sheet) {
    const active = ss.getActiveSheet();
    sheet = ss.insertSheet(def.name, ss.getNumSheets());
    if (active) active.activate(); // insertSheet activates the new sheet; the member's tab stays
    report.createdSheets.push(def.name);
  }
  const header = headerRow(sheet);
  const lastCol = header.length;
  const h = readHeaders(def, header);
  if (h.duplicates.length) {
    report.problems.push(duplicateColumnsMessage(def.name, h.duplicates));
    return;
  }
  const missing = def.fields.filter((f) => h.missing.includes(f.header));
  if (missing.length && sheet.getLastRow() > 1) {
    const top = sheet.getRange(1, 1, Math.min(10, sheet.getLastRow()), Math.max(1, lastCol)).getValues();
    const at = findHeaderRow(def, top);
    if (at > 0) {
      report.problems.push(headerRowMessage(def.name, at + 1));
      return;
    }
    const needed = missing.filter((f) => f.required || f.type === 'id');
    if (needed.length) {
      report.problems.push(
        `${missingColumnsMessage(
          def.name,
          needed.map((f) => f.header),
        )} Set up workbook adds no empty copy of a column every record needs while the sheet holds records.`,
      );
      return;
    }
  }
  if (missing.length) {
    // Missing columns go after the last used column: users' columns and data never move.
    const start = lastCol + 1;
    const need = start + missing.length - 1;
    if (need > sheet.getMaxColumns())
      sheet.insertColumnsAfter(sheet.getMaxColumns(), need - sheet.getMaxColumns());
    const range = sheet.getRange(1, start, 1, missing.length);
    range.setValues([missing.map((f) => f.header)]);
    range.setFontWeight('bold');
    report.addedColumns.push(...missing.map((f) => `${def.name}!${f.header}`));
    report.writes += missing.length;
    for (let i = 0; i < missing.length; i++) header.push(missing[i]!.header);
  }
  if (sheet.getFrozenRows() !== 1) {
    sheet.setFrozenRows(1);
    report.frozen.push(def.name);
    report.writes++;
  }
  applyValidation(sheet, def, header, report);
  applyFormats(sheet, def, header, report);
  if (def.idPrefix && seedIdMark(SheetGateway.open(ss, def))) report.idMarks.push(def.name);
}

const FORMATS: Partial<Record<FieldDef['type'], string>> = {
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};
/** Plain text: what is typed (or written) stays as typed. */
const PLAIN_TEXT = '@';

/** The number format a field's column gets, if any. */
const formatOf = (f: FieldDef): string | undefined =>
  FORMATS[f.type] ?? (f.plainText ? PLAIN_TEXT : undefined);

/**
 * What an unformatted cell reports: `General` in our runtime and in the Sheets API, and
 * `0.###############` in live Apps Script (brucemcpherson/gas-fakes notes/oddities.md).
 */
const isDefaultFormat = (fmt: string) => fmt === '' || /^general$/i.test(fmt) || fmt === '0.###############';

/**
 * Date columns show calendar days (`2026-03-15`) rather than Sheets' default date-time;
 * columns of codes and phone numbers are plain text. Only columns still in the default
 * format get it: a format a member chose is kept.
 */
function applyFormats(sheet: Sheet, def: TableDef, header: unknown[], report: SetupReport): void {
  const cols = readHeaders(def, header).cols;
  const formatted = def.fields.filter((f) => formatOf(f) && cols[f.key] !== undefined);
  const maxRows = sheet.getMaxRows();
  if (formatted.length === 0 || maxRows < 2) return;
  const current = sheet.getRange(2, 1, 1, header.length).getNumberFormats()[0]!;
  for (const f of formatted) {
    const col = cols[f.key]! + 1;
    if (!isDefaultFormat(String(current[col - 1] ?? ''))) continue;
    sheet.getRange(2, col, maxRows - 1, 1).setNumberFormat(formatOf(f)!);
    report.formatted.push(`${def.name}!${f.header}`);
    report.writes++;
  }
}

function applyValidation(sheet: Sheet, def: TableDef, header: unknown[], report: SetupReport): void {
  const cols = readHeaders(def, header).cols;
  const wanted = def.fields
    .filter((f) => cols[f.key] !== undefined)
    .map((f) => ({ f, w: wantedRule(f), col: cols[f.key]! + 1 }))
    .filter((x): x is { f: FieldDef; w: WantedRule; col: number } => x.w !== null);
  if (wanted.length === 0) return;
  const maxRows = sheet.getMaxRows();
  if (maxRows < 2) return;
  // One read of row 2's rules across the header's width shows which columns need a rule.
  const current = sheet.getRange(2, 1, 1, header.length).getDataValidations()[0]!;
  for (const { f, w, col } of wanted) {
    if (sameRule(current[col - 1] ?? null, w)) continue;
    sheet.getRange(2, col, maxRows - 1, 1).setDataValidation(buildRule(w, f));
    report.validationsSet.push(`${def.name}!${f.header}`);
    report.writes++;
  }
}

function seedSettings(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, report: SetupReport): void {
  const sheet = ss.getSheetByName(SETTINGS.name)!;
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  const values = sheet.getRange(1, 1, Math.max(lastRow, 1), Math.max(lastCol, 1)).getValues();
  const h = readHeaders(SETTINGS, values[0]!);
  if (h.missing.length || h.duplicates.length) return; // reported with the sheet's own problems
  const cols = h.cols;
  const have = new Set(values.slice(1).map((r) => normHeader(r[cols.setting!])));
  const toAdd = KNOWN_SETTINGS.filter((s) => !have.has(normHeader(s.setting)));
  if (toAdd.length === 0) return;
  const width = values[0]!.length;
  const rows = toAdd.map((s) => {
    const row: unknown[] = new Array(width).fill('');
    row[cols.setting!] = s.setting;
    // Values are typed input: a leading apostrophe keeps "30" and "CNY" exactly as written.
    row[cols.value!] = s.value === '' ? '' : `'${s.value}`;
    row[cols.notes!] = s.notes;
    return row;
  });
  const start = lastRow + 1;
  if (start + rows.length - 1 > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length);
  sheet.getRange(start, 1, rows.length, width).setValues(rows);
  report.seededSettings.push(...toAdd.map((s) => s.setting));
  report.writes += rows.length;
}

/** Set up's steps as the progress dialog lists them: each sheet, Settings, the protections. */
export function setupSteps(lang: Lang): string[] {
  return [
    ...TABLES.map((def) => msg(lang, 'job.step.sheet', { name: tableNoun(lang, def, true) })),
    msg(lang, 'job.step.settings'),
    msg(lang, 'job.step.protect'),
  ];
}
