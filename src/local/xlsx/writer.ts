/**
 * Writing the .xlsx store: a SpreadsheetModel as an Excel workbook — every cell with a
 * value or a property (formulas with their cached results, number formats, bold,
 * backgrounds, notes), column widths, tab colours, frozen panes, hidden sheets, data
 * validations, and the store's JSON (meta.ts) in the workbook's description.
 */
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { isDate, wallTime } from '../../domain/dates';
import type { CellValue, SpreadsheetModel } from '../model/spreadsheet-model';
import { columnToLetters } from '../sheets/a1';
import { toExcelDate } from './dates';
import { DEFAULT_DATE_FORMAT, DEFAULT_DATETIME_FORMAT, k, type WorkbookMeta, type XlsxExtras } from './meta';
import { excelKey, flattenValidations, ruleToExcel } from './validations';

const ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#ERROR!']);

/**
 * Characters XML 1.0 cannot carry (C0 controls other than tab, newline and carriage
 * return) are dropped: Sheets doesn't keep them either, and one would corrupt the file.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const xmlSafe = (s: string) => s.replace(XML_INVALID, '');

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
      ...(p.wholeColumns ? { wholeColumns: true } : {}),
      ...(p.editors ? { editors: [...p.editors] } : {}),
      ...(p.domainEdit ? { domainEdit: true } : {}),
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
