/**
 * The .xlsx workbook store: a SpreadsheetModel written to and read from an Excel file with
 * exceljs, so the workbench keeps its workbook on disk and a workbook can be exchanged with
 * Google Sheets (File ▸ Download ▸ .xlsx / File ▸ Import).
 *
 * What survives a round trip: strings (formula-like text stays text), numbers, booleans,
 * dates, formulas with their cached results, number formats (including '@' plain text),
 * bold, backgrounds, notes, column widths, tab colours, frozen rows/columns, hidden sheets,
 * data validations (lists, checkboxes, dates, numbers, e-mail), named ranges, protections,
 * sheet sizes, and the spreadsheet's id, name, time zone and locale.
 *
 * Dates: a Sheets date is an instant whose wall clock is in the spreadsheet's time zone,
 * while an Excel date is a bare wall clock (exceljs hands it over as a Date whose UTC fields
 * are that wall clock). So a date is written as its wall clock in the spreadsheet's zone and
 * read back as the instant of that wall clock in the zone, whatever the machine's zone.
 *
 * The spreadsheet's own properties live in the workbook's `description` property as JSON
 * (`{"outreachDesk":1,…}`). Files without it (exported from Google Sheets) take the time
 * zone from `opts.timeZone`, the name from the file name.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname, posix } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { isDate, wallTime, zoneOffsetMinutes } from '../domain/dates';
import { TABLES } from '../domain/schema';
import {
  type CellValue,
  columnToLetters,
  type ProtectionModel,
  type SheetModel,
  SpreadsheetModel,
  type ValidationRule,
} from './services/spreadsheet';

export interface ReadXlsxOptions {
  /** Time zone of files that don't record one (e.g. exported from Google Sheets). */
  timeZone?: string;
  /** Spreadsheet id of files that don't record one. */
  id?: string;
  /** Name of files that don't record one (default: the file name without extension). */
  name?: string;
}

interface SheetMeta {
  name: string;
  /** The worksheet's name in the file when Excel's rules forced another (≤31 chars, no []:*?/\\). */
  excelName?: string;
  maxRows: number;
  maxColumns: number;
}

/** Exact validation rules, matched to Excel validations by their Excel form. */
interface RuleMeta {
  sheet: string;
  key: string;
  rule: ValidationRule;
}

interface WorkbookMeta {
  outreachDesk: 1;
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  sheets: SheetMeta[];
  rules: RuleMeta[];
  namedRanges: { name: string; sheet: string; r1: number; c1: number; r2: number; c2: number }[];
  protections: (Omit<ProtectionModel, 'id' | 'sheetId'> & { sheet: string })[];
  /** The script's document properties of this spreadsheet (ID high-water marks…). */
  documentProperties?: Record<string, string>;
  /**
   * 2: date cells without a format were written with the marker formats below (so a
   * `yyyy-mm-dd` a member or Set up chose is kept). Absent in files of earlier versions,
   * where `yyyy-mm-dd` on a date meant "no format".
   */
  formats?: 2;
}

/** Something in an .xlsx the store refuses to read (e.g. merged header cells), said for the user. */
export class XlsxContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxContentError';
  }
}

export interface XlsxExtras {
  /** PropertiesService.getDocumentProperties() of the spreadsheet, kept with the file. */
  documentProperties?: Map<string, string>;
}

const ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#ERROR!']);
/**
 * Number formats written for date cells that had none (Excel needs one to show a date);
 * read back as "no format". They show as `yyyy-mm-dd` (`;@`: text as it is, Excel's own
 * idiom) but are spelled apart from the `yyyy-mm-dd` a member or Set up chooses, so that
 * one survives a round trip.
 */
const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd;@';
const DEFAULT_DATETIME_FORMAT = 'yyyy-mm-dd hh:mm:ss;@';
/** What files of earlier versions (no `formats: 2`) wrote for date cells without a format. */
const OLD_DEFAULT_FORMATS = new Set(['yyyy-mm-dd', 'yyyy-mm-dd hh:mm:ss']);

// ------------------------------------------------------------------------------------
// Dates

/** The instant as a Date whose UTC fields are its wall clock in `timeZone` (what Excel stores). */
export function toExcelDate(instant: Date, timeZone: string): Date {
  const w = wallTime(instant, timeZone);
  return new Date(
    Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, instant.getUTCMilliseconds()),
  );
}

/** The instant whose wall clock in `timeZone` is the UTC fields of `excel`. */
export function fromExcelDate(excel: Date, timeZone: string): Date {
  const guess = excel.getTime();
  // Excel keeps milliseconds only as a float of days: round to the second like Sheets shows.
  const rounded = Math.round(guess / 1000) * 1000;
  let t = rounded - zoneOffsetMinutes(new Date(rounded), timeZone) * 60_000;
  t = rounded - zoneOffsetMinutes(new Date(t), timeZone) * 60_000;
  return new Date(t);
}

// ------------------------------------------------------------------------------------
// Validation rules ⇄ Excel data validations

type ExcelValidation = ExcelJS.DataValidation;

function quoteList(values: string[]): string {
  return `"${values.map((v) => v.replace(/"/g, '""')).join(',')}"`;
}

function parseList(formula: string): string[] | null {
  const f = formula.trim();
  if (!f.startsWith('"') || !f.endsWith('"')) return null;
  return f
    .slice(1, -1)
    .replace(/""/g, '"')
    .split(',')
    .map((s) => s.trim());
}

function ruleToExcel(rule: ValidationRule): ExcelValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: !rule.allowInvalid,
    errorStyle: rule.allowInvalid ? 'warning' : 'stop',
    ...(rule.helpText ? { showInputMessage: true, prompt: rule.helpText.slice(0, 255) } : {}),
  } as const;
  switch (rule.criteria) {
    case 'VALUE_IN_LIST': {
      const values = (Array.isArray(rule.args[0]) ? rule.args[0] : []).map(String);
      return { ...common, type: 'list', formulae: [quoteList(values)] };
    }
    case 'CHECKBOX':
      return { ...common, type: 'list', formulae: ['"TRUE,FALSE"'] };
    case 'DATE_IS_VALID_DATE':
      return {
        ...common,
        type: 'date',
        operator: 'greaterThan',
        formulae: [new Date(Date.UTC(1900, 0, 1))],
      };
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return { ...common, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [Number(rule.args[0])] };
    case 'NUMBER_BETWEEN':
      return {
        ...common,
        type: 'decimal',
        operator: 'between',
        formulae: [Number(rule.args[0]), Number(rule.args[1])],
      };
    case 'TEXT_IS_VALID_EMAIL':
      return { ...common, type: 'custom', formulae: ['ISNUMBER(SEARCH("@",INDIRECT("RC",FALSE)))'] };
    default:
      return { ...common, type: 'custom', formulae: [String(rule.args[0] ?? 'TRUE')] };
  }
}

/** What identifies an Excel validation's content (to find the exact rule recorded for it). */
function excelKey(v: ExcelValidation): string {
  const formulae = (v.formulae ?? []).map((f: unknown) =>
    isDate(f) ? 'date' : typeof f === 'number' ? String(Number(f.toPrecision(12))) : String(f),
  );
  return `${v.type}|${v.operator ?? ''}|${formulae.join('|')}|${v.showErrorMessage ? 1 : 0}|${v.prompt ?? ''}`;
}

function excelToRule(v: ExcelValidation): ValidationRule | null {
  const allowInvalid = !v.showErrorMessage || v.errorStyle === 'warning' || v.errorStyle === 'information';
  const helpText = v.prompt ?? '';
  const f = v.formulae ?? [];
  switch (v.type) {
    case 'list': {
      const values = parseList(String(f[0] ?? ''));
      if (!values) return null; // a list from a range: not representable here
      if (
        values.length === 2 &&
        values[0]!.toUpperCase() === 'TRUE' &&
        values[1]!.toUpperCase() === 'FALSE'
      ) {
        return { criteria: 'CHECKBOX', args: [], allowInvalid, helpText };
      }
      return { criteria: 'VALUE_IN_LIST', args: [values, true], allowInvalid, helpText };
    }
    case 'date':
      return { criteria: 'DATE_IS_VALID_DATE', args: [], allowInvalid, helpText };
    case 'decimal':
    case 'whole':
      if (v.operator === 'between')
        return { criteria: 'NUMBER_BETWEEN', args: [Number(f[0]), Number(f[1])], allowInvalid, helpText };
      if (v.operator === 'greaterThanOrEqual')
        return { criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO', args: [Number(f[0])], allowInvalid, helpText };
      return null;
    case 'custom':
      if (/SEARCH\("@"/i.test(String(f[0] ?? '')))
        return { criteria: 'TEXT_IS_VALID_EMAIL', args: [], allowInvalid, helpText };
      return { criteria: 'CUSTOM_FORMULA', args: [`=${String(f[0] ?? '')}`], allowInvalid, helpText };
    default:
      return null;
  }
}

/**
 * The sheet's validation areas flattened into non-overlapping column runs (later areas win,
 * a null rule clears), as Excel wants them.
 */
function flattenValidations(s: SheetModel): { c: number; r1: number; r2: number; rule: ValidationRule }[] {
  const out: { c: number; r1: number; r2: number; rule: ValidationRule }[] = [];
  if (s.validations.length === 0) return out;
  const cols = new Set<number>();
  for (const a of s.validations) for (let c = a.c1; c <= a.c2; c++) cols.add(c);
  for (const c of [...cols].sort((a, b) => a - b)) {
    const areas = s.validations.filter((a) => c >= a.c1 && c <= a.c2);
    const cuts = [...new Set(areas.flatMap((a) => [a.r1, a.r2 + 1]))].sort((a, b) => a - b);
    let prev: { c: number; r1: number; r2: number; rule: ValidationRule } | null = null;
    for (let i = 0; i + 1 < cuts.length; i++) {
      const r1 = cuts[i]!;
      const r2 = cuts[i + 1]! - 1;
      let rule: ValidationRule | null = null;
      for (let j = areas.length - 1; j >= 0; j--) {
        const a = areas[j]!;
        if (r1 >= a.r1 && r1 <= a.r2) {
          rule = a.rule;
          break;
        }
      }
      if (!rule) {
        prev = null;
        continue;
      }
      if (prev && prev.rule === rule && prev.r2 === r1 - 1) prev.r2 = r2;
      else out.push((prev = { c, r1, r2, rule }));
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------
// Write

/**
 * Characters XML 1.0 cannot carry (C0 controls other than tab, newline and carriage
 * return) are dropped: Sheets doesn't keep them either, and one would corrupt the file.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const xmlSafe = (s: string) => s.replace(XML_INVALID, '');

const k = (r: number, c: number) => `${r},${c}`;

function argb(color: string): string | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  return m ? `FF${m[1]!.toUpperCase()}` : null;
}

/**
 * A worksheet name Excel accepts for a Sheets name: at most 31 characters, none of
 * []:*?/\, not starting or ending with an apostrophe, unique (case-insensitively).
 */
function excelSheetName(name: string, used: Set<string>): string {
  let base = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '') || 'Sheet';
  base = base.slice(0, 31);
  let out = base;
  for (let i = 2; used.has(out.toLowerCase()); i++) out = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
  used.add(out.toLowerCase());
  return out;
}

export async function writeXlsxBuffer(model: SpreadsheetModel, extras: XlsxExtras = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.title = model.name;
  wb.creator = 'Outreach Desk';
  const sheetName = (id: number) => model.sheets.find((s) => s.id === id)?.name ?? '';
  const meta: WorkbookMeta = {
    outreachDesk: 1,
    id: model.id,
    name: model.name,
    timeZone: model.timeZone,
    locale: model.locale,
    sheets: [],
    rules: [],
    formats: 2,
    namedRanges: [...model.namedRanges].map(([name, n]) => ({
      name,
      sheet: sheetName(n.sheetId),
      r1: n.r1,
      c1: n.c1,
      r2: n.r2,
      c2: n.c2,
    })),
    protections: model.protections.map((p) => ({
      sheet: sheetName(p.sheetId),
      range: p.range,
      description: p.description,
      warningOnly: p.warningOnly,
    })),
    ...(extras.documentProperties?.size
      ? { documentProperties: Object.fromEntries(extras.documentProperties) }
      : {}),
  };

  const used = new Set<string>();
  for (const s of model.sheets) {
    const excelName = excelSheetName(s.name, used);
    meta.sheets.push({
      name: s.name,
      ...(excelName !== s.name ? { excelName } : {}),
      maxRows: s.maxRows,
      maxColumns: s.maxColumns,
    });
    const ws = wb.addWorksheet(excelName, {
      state: s.hidden ? 'hidden' : 'visible',
      ...(s.tabColor && argb(s.tabColor) ? { properties: { tabColor: { argb: argb(s.tabColor)! } } } : {}),
      views:
        s.frozenRows || s.frozenColumns
          ? [{ state: 'frozen', xSplit: s.frozenColumns, ySplit: s.frozenRows }]
          : [{ state: 'normal' }],
    });
    for (const [c, px] of s.columnWidths) ws.getColumn(c).width = Math.round((px / 7) * 100) / 100;

    // Every cell that has a value or a property.
    const touched = new Set<string>();
    s.cells.forEach((row, i) => {
      row?.forEach((v, j) => {
        if (v !== '') touched.add(k(i + 1, j + 1));
      });
    });
    for (const m of [s.formulas, s.numberFormats, s.fontWeights, s.backgrounds, s.notes])
      for (const key of m.keys()) touched.add(key);

    for (const key of touched) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      const cell = ws.getCell(r, c);
      const v = s.get(r, c);
      const formula = s.formulas.get(key);
      const fmt = s.numberFormats.get(key);
      const excelValue = (x: CellValue): ExcelJS.CellValue =>
        isDate(x)
          ? Number.isNaN(x.getTime())
            ? null
            : toExcelDate(x, model.timeZone)
          : x === ''
            ? null
            : typeof x === 'string'
              ? xmlSafe(x)
              : x;
      if (formula) {
        const result =
          typeof v === 'string' && ERRORS.has(v)
            ? ({ error: v } as ExcelJS.CellErrorValue)
            : (excelValue(v) ?? undefined);
        cell.value = { formula: formula.replace(/^=/, ''), result } as ExcelJS.CellFormulaValue;
      } else {
        cell.value = excelValue(v);
      }
      if (fmt) cell.numFmt = fmt;
      else if (isDate(v) && !Number.isNaN(v.getTime())) {
        const w = wallTime(v, model.timeZone);
        cell.numFmt = w.hour || w.minute || w.second ? DEFAULT_DATETIME_FORMAT : DEFAULT_DATE_FORMAT;
      }
      if (s.fontWeights.get(key) === 'bold') cell.font = { bold: true };
      const bg = s.backgrounds.get(key);
      const bgArgb = bg ? argb(bg) : null;
      if (bgArgb && bgArgb !== 'FFFFFFFF')
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: bgArgb } };
      const note = s.notes.get(key);
      if (note) cell.note = xmlSafe(note);
    }

    for (const run of flattenValidations(s)) {
      const ev = ruleToExcel(run.rule);
      const col = columnToLetters(run.c);
      const addr = run.r1 === run.r2 ? `${col}${run.r1}` : `${col}${run.r1}:${col}${run.r2}`;
      (ws as any).dataValidations.add(addr, ev);
      const key = excelKey(ev);
      if (!meta.rules.some((m) => m.sheet === s.name && m.key === key))
        meta.rules.push({ sheet: s.name, key, rule: run.rule });
    }
  }
  wb.description = JSON.stringify(meta);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

export async function writeXlsx(
  model: SpreadsheetModel,
  path: string,
  extras: XlsxExtras = {},
): Promise<void> {
  await writeFile(path, await writeXlsxBuffer(model, extras));
}

// ------------------------------------------------------------------------------------
// Read

function parseMeta(text: string | undefined): WorkbookMeta | null {
  if (!text) return null;
  try {
    const m = JSON.parse(text);
    return m && m.outreachDesk === 1 ? (m as WorkbookMeta) : null;
  } catch {
    return null;
  }
}

interface MergeModel {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function plainValue(v: unknown, timeZone: string): CellValue {
  if (v === null || v === undefined) return '';
  if (isDate(v)) return fromExcelDate(v, timeZone);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
    if (typeof o.error === 'string') return o.error;
    if ('text' in o) return plainValue(o.text, timeZone);
    if ('result' in o) return plainValue(o.result, timeZone);
  }
  return String(v);
}

export async function readXlsxBuffer(
  data: Buffer | ArrayBuffer | Uint8Array,
  opts: ReadXlsxOptions = {},
): Promise<SpreadsheetModel> {
  return (await readXlsxWithExtras(data, opts)).model;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function xmlText(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(
          e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)),
        )
      : (XML_ENTITIES[e] ?? m),
  );
}
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`).exec(tag);
  return m ? xmlText(m[1]!) : undefined;
};
interface Rel {
  tag: string;
  id: string;
  type: string;
  target: string;
}
const relsOf = (xml: string): Rel[] =>
  [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    tag: m[0],
    id: attr(m[0], 'Id') ?? '',
    type: attr(m[0], 'Type') ?? '',
    target: attr(m[0], 'Target') ?? '',
  }));
/** A relationship's target as a part name in the zip, from the folder of its source part. */
const partOf = (dir: string, target: string) =>
  target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(dir, target));
const relsPath = (part: string) => posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);

/**
 * Before exceljs reads a file: the notes (comments) of every sheet are read here, from
 * wherever the writer put them, and their parts are unlinked from the sheets. exceljs only
 * finds comments at `xl/commentsN.xml` and crashes on others (openpyxl's `xl/comments/…`,
 * absolute targets), so every writer's notes are read the same way.
 */
async function takeNotes(
  data: Buffer | ArrayBuffer | Uint8Array,
): Promise<{ data: Buffer | ArrayBuffer | Uint8Array; notes: Map<string, Map<string, string>> }> {
  const notes = new Map<string, Map<string, string>>();
  const zip = await JSZip.loadAsync(data);
  const rootRels = relsOf((await zip.file('_rels/.rels')?.async('string')) ?? '');
  const wbTarget = rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const wbPart = partOf('', wbTarget);
  const wbXml = await zip.file(wbPart)?.async('string');
  if (!wbXml) return { data, notes };
  const wbRels = relsOf((await zip.file(relsPath(wbPart))?.async('string')) ?? '');
  let changed = false;
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = /\s[\w]+:id="([^"]*)"/.exec(m[0])?.[1];
    const rel = wbRels.find((r) => r.id === rid);
    if (!name || !rel) continue;
    const sheetPart = partOf(posix.dirname(wbPart), rel.target);
    const rp = relsPath(sheetPart);
    const relsXml = await zip.file(rp)?.async('string');
    if (!relsXml) continue;
    const rels = relsOf(relsXml);
    const comments = rels.filter((r) => r.type.endsWith('/comments'));
    if (comments.length === 0) continue;
    const map = new Map<string, string>();
    for (const c of comments) {
      const xml = (await zip.file(partOf(posix.dirname(sheetPart), c.target))?.async('string')) ?? '';
      for (const cm of xml.matchAll(/<(?:\w+:)?comment\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?comment>/g)) {
        const ref = attr(cm[1]!, 'ref');
        const text = /<(?:\w+:)?text\b[^>]*>([\s\S]*?)<\/(?:\w+:)?text>/.exec(cm[2]!)?.[1] ?? '';
        const plain = [...text.matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g)]
          .map((t) => xmlText(t[1]!))
          .join('');
        if (ref && plain) map.set(ref.replace(/\$/g, '').toUpperCase(), plain);
      }
    }
    notes.set(name, map);
    // Unlink the comments and their drawing, so exceljs doesn't look for them.
    let out = relsXml;
    for (const r of rels)
      if (r.type.endsWith('/comments') || r.type.endsWith('/vmlDrawing')) out = out.replace(r.tag, '');
    zip.file(rp, out);
    const sheetXml = await zip.file(sheetPart)?.async('string');
    if (sheetXml) zip.file(sheetPart, sheetXml.replace(/<(?:\w+:)?legacyDrawing\b[^>]*\/>/g, ''));
    changed = true;
  }
  if (!changed) return { data, notes };
  return { data: await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }), notes };
}

const HEADER_TABLES = new Set<string>(TABLES.map((t) => t.name));

/** The workbook and what the file keeps beside it (document properties). */
export async function readXlsxWithExtras(
  input: Buffer | ArrayBuffer | Uint8Array,
  opts: ReadXlsxOptions = {},
): Promise<{ model: SpreadsheetModel; documentProperties: Map<string, string>; ownFile: boolean }> {
  const { data, notes } = await takeNotes(input);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as any);
  const meta = parseMeta(wb.description);
  const defaultFormats =
    meta?.formats === 2
      ? new Set([DEFAULT_DATE_FORMAT, DEFAULT_DATETIME_FORMAT])
      : meta
        ? OLD_DEFAULT_FORMATS
        : new Set<string>();
  const mergedHeaders: string[] = [];
  const model = new SpreadsheetModel(
    meta?.id ?? opts.id ?? 'xlsx',
    meta?.name ?? opts.name ?? (wb.title || 'Workbook'),
    meta?.timeZone ?? opts.timeZone ?? 'Asia/Shanghai',
    meta?.locale ?? 'en_US',
  );
  const tz = model.timeZone;

  wb.eachSheet((ws) => {
    const sm = meta?.sheets.find((x) => (x.excelName ?? x.name) === ws.name);
    const sheetName = sm?.name ?? ws.name;
    const s = model.addSheet(sheetName);
    s.maxRows = Math.max(sm?.maxRows ?? 1000, ws.rowCount);
    s.maxColumns = Math.max(sm?.maxColumns ?? 26, ws.columnCount);
    s.hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
    const tab = ws.properties.tabColor?.argb;
    if (tab) s.tabColor = `#${tab.slice(-6).toLowerCase()}`;
    const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    if (view?.state === 'frozen') {
      s.frozenRows = view.ySplit ?? 0;
      s.frozenColumns = view.xSplit ?? 0;
    }
    (ws.columns ?? []).forEach((col, i) => {
      // Widths the file sets explicitly (exceljs leaves the others undefined).
      if (col?.width) s.columnWidths.set(i + 1, Math.round(col.width * 7));
    });

    // Merged cells: only the first cell keeps the text (exceljs copies it into every part).
    // A merge in a contract sheet's header row would make duplicate headers: refused.
    const merges = Object.values(((ws as any)._merges ?? {}) as Record<string, { model: MergeModel }>).map(
      (m) => m.model,
    );
    const headerRows = Math.max(1, s.frozenRows);
    if (HEADER_TABLES.has(sheetName))
      for (const m of merges)
        if (m.top <= headerRows)
          mergedHeaders.push(
            `${sheetName}!${columnToLetters(m.left)}${m.top}:${columnToLetters(m.right)}${m.bottom}`,
          );

    // Every row, the empty ones too: formats of rows below the data are kept.
    const isFormat = (fmt: string | undefined): fmt is string => !!fmt && fmt !== 'General';
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const key = k(r, c);
        let value: CellValue;
        if (cell.type === ExcelJS.ValueType.Merge) {
          value = '';
        } else if (cell.type === ExcelJS.ValueType.Formula) {
          const f = cell.formula;
          if (f && /^\s*(TRUE|FALSE)\s*\(\s*\)\s*$/i.test(f)) {
            // LibreOffice writes booleans as =TRUE() / =FALSE().
            value = /TRUE/i.test(f);
          } else {
            value = plainValue(cell.result, tz);
            if (f) s.formulas.set(key, `=${f}`);
          }
        } else {
          value = plainValue(cell.value, tz);
        }
        if (value !== '') s.set(r, c, value);
        const fmt = cell.numFmt;
        if (isFormat(fmt) && !(isDate(value) && defaultFormats.has(fmt))) s.numberFormats.set(key, fmt);
        if (cell.font?.bold) s.fontWeights.set(key, 'bold');
        const fill = cell.fill as ExcelJS.FillPattern | undefined;
        const fg = fill?.type === 'pattern' && fill.pattern === 'solid' ? fill.fgColor?.argb : undefined;
        if (fg) s.backgrounds.set(key, `#${fg.slice(-6).toLowerCase()}`);
      });
    });
    // Formats set on whole rows or columns, for the cells that have none of their own.
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const fmt = (row as any).style?.numFmt as string | undefined;
      if (!isFormat(fmt)) return;
      for (let c = 1; c <= s.maxColumns; c++)
        if (!s.numberFormats.has(k(r, c))) s.numberFormats.set(k(r, c), fmt);
    });
    (ws.columns ?? []).forEach((col, i) => {
      const fmt = (col as any)?.style?.numFmt as string | undefined;
      if (!isFormat(fmt)) return;
      for (let r = 1; r <= s.maxRows; r++)
        if (!s.numberFormats.has(k(r, i + 1))) s.numberFormats.set(k(r, i + 1), fmt);
    });
    for (const [ref, text] of notes.get(ws.name) ?? []) {
      const m = /^([A-Z]+)(\d+)$/.exec(ref);
      if (!m) continue;
      const c = m[1]!.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      s.notes.set(k(Number(m[2]), c), text);
    }

    // Validations: exceljs expands each Excel area to its cells (sharing one object).
    const dvModel = ((ws as any).dataValidations?.model ?? {}) as Record<string, ExcelValidation | undefined>;
    const byObject = new Map<ExcelValidation, Map<number, number[]>>();
    for (const [addr, v] of Object.entries(dvModel)) {
      if (!v) continue;
      const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(addr);
      if (!m) continue;
      const c = m[1]!.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      let cols = byObject.get(v);
      if (!cols) byObject.set(v, (cols = new Map()));
      let rows = cols.get(c);
      if (!rows) cols.set(c, (rows = []));
      rows.push(Number(m[2]));
    }
    for (const [v, cols] of byObject) {
      const exact = meta?.rules.find((x) => x.sheet === sheetName && x.key === excelKey(v))?.rule;
      const rule = exact ?? excelToRule(v);
      if (!rule) continue;
      // Column runs, then adjacent columns with the same rows merged into one area.
      const runs: { c1: number; c2: number; r1: number; r2: number }[] = [];
      for (const [c, rows] of [...cols].sort((a, b) => a[0] - b[0])) {
        rows.sort((a, b) => a - b);
        let start = rows[0]!;
        for (let i = 1; i <= rows.length; i++) {
          if (i < rows.length && rows[i] === rows[i - 1]! + 1) continue;
          const r2 = rows[i - 1]!;
          const prev = runs.find((x) => x.c2 === c - 1 && x.r1 === start && x.r2 === r2);
          if (prev) prev.c2 = c;
          else runs.push({ c1: c, c2: c, r1: start, r2 });
          if (i < rows.length) start = rows[i]!;
        }
      }
      for (const a of runs) {
        s.validations.push({
          ...a,
          rule: { ...rule, args: rule.args.map((x) => (Array.isArray(x) ? [...x] : x)) },
        });
      }
    }
  });

  if (mergedHeaders.length) {
    throw new XlsxContentError(
      `merged cells in header rows: ${mergedHeaders.join(', ')}. Outreach Desk finds each column by its header text, so a merged header would be read as copies of one header. Unmerge them (Google Sheets: Format ▸ Merge cells ▸ Unmerge; Excel: Home ▸ Merge & Center; LibreOffice: Format ▸ Merge and Unmerge Cells ▸ Split Cells), give each column its own header, and open the file again.`,
    );
  }
  if (model.sheets.length === 0) model.addSheet('Sheet1');
  if (meta) {
    const idOf = (name: string) => model.sheetByName(name)?.id;
    for (const n of meta.namedRanges) {
      const sheetId = idOf(n.sheet);
      if (sheetId !== undefined)
        model.namedRanges.set(n.name, { sheetId, r1: n.r1, c1: n.c1, r2: n.r2, c2: n.c2 });
    }
    for (const p of meta.protections) {
      const sheetId = idOf(p.sheet);
      if (sheetId === undefined) continue;
      model.protections.push({
        id: model.newProtectionId(),
        sheetId,
        range: p.range,
        description: p.description,
        warningOnly: p.warningOnly,
      });
    }
  }
  const props = new Map<string, string>();
  for (const [k, v] of Object.entries(meta?.documentProperties ?? {}))
    if (typeof v === 'string') props.set(k, v);
  return { model, documentProperties: props, ownFile: meta !== null };
}

export async function readXlsx(path: string, opts: ReadXlsxOptions = {}): Promise<SpreadsheetModel> {
  const data = await readFile(path);
  return readXlsxBuffer(data, { name: basename(path, extname(path)), ...opts });
}
