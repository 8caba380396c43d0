/**
 * Reading the .xlsx store: an Excel workbook (ours, exported from Google Sheets, or from
 * another writer such as LibreOffice or openpyxl) as a SpreadsheetModel and the document
 * properties kept with it. Values with formulas and their cached results (=TRUE()/=FALSE()
 * as booleans), number formats of cells, rows and columns (empty rows too), bold,
 * backgrounds, notes (notes.ts), validations, frozen panes, hidden sheets, tab colours;
 * merged cells in a contract sheet's header rows are refused (XlsxContentError).
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import { isDate } from '../../domain/dates';
import { TABLES } from '../../domain/schema';
import { type CellValue, SpreadsheetModel } from '../model/spreadsheet-model';
import { columnToLetters, lettersToColumn } from '../sheets/a1';
import { fromExcelDate } from './dates';
import { DEFAULT_DATE_FORMAT, DEFAULT_DATETIME_FORMAT, k, OLD_DEFAULT_FORMATS, parseMeta } from './meta';
import { takeNotes } from './notes';
import { type ExcelValidation, excelKey, excelToRule, validationAreas } from './validations';

export interface ReadXlsxOptions {
  /** Time zone of files that don't record one (e.g. exported from Google Sheets). */
  timeZone?: string;
  /** Spreadsheet id of files that don't record one. */
  id?: string;
  /** Name of files that don't record one (default: the file name without extension). */
  name?: string;
}

/** Something in an .xlsx the store refuses to read (e.g. merged header cells), said for the user. */
export class XlsxContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XlsxContentError';
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
      s.notes.set(k(Number(m[2]), lettersToColumn(m[1]!)), text);
    }

    // Validations: the exact rule recorded for each, else the rule its Excel form says.
    const dvModel = ((ws as any).dataValidations?.model ?? {}) as Record<string, ExcelValidation | undefined>;
    const ruleOf = (v: ExcelValidation) =>
      meta?.rules.find((x) => x.sheet === sheetName && x.key === excelKey(v))?.rule ?? excelToRule(v);
    for (const a of validationAreas(dvModel, ruleOf)) s.validations.push(a);
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
        ...(p.wholeColumns ? { wholeColumns: true } : {}),
        ...(Array.isArray(p.editors) ? { editors: p.editors.map(String) } : {}),
        ...(p.domainEdit ? { domainEdit: true } : {}),
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
