/**
 * Validation rules ⇄ Excel data validations: a rule's Excel form (lists, checkboxes, dates,
 * numbers, e-mail, custom formulas) and back, the key that finds the exact rule recorded
 * for an Excel validation, a sheet's areas as the non-overlapping column runs Excel wants,
 * and the areas of a read file from exceljs's cell-by-cell model.
 */
import type ExcelJS from 'exceljs';
import { isDate } from '../../domain/dates';
import type { SheetModel, ValidationRule } from '../model/spreadsheet-model';
import { lettersToColumn } from '../sheets/a1';

export type ExcelValidation = ExcelJS.DataValidation;

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

export function ruleToExcel(rule: ValidationRule): ExcelValidation {
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
export function excelKey(v: ExcelValidation): string {
  const formulae = (v.formulae ?? []).map((f: unknown) =>
    isDate(f) ? 'date' : typeof f === 'number' ? String(Number(f.toPrecision(12))) : String(f),
  );
  return `${v.type}|${v.operator ?? ''}|${formulae.join('|')}|${v.showErrorMessage ? 1 : 0}|${v.prompt ?? ''}`;
}

export function excelToRule(v: ExcelValidation): ValidationRule | null {
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
export function flattenValidations(
  s: SheetModel,
): { c: number; r1: number; r2: number; rule: ValidationRule }[] {
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

/**
 * The validation areas of a read worksheet. exceljs expands each Excel area to its cells
 * (sharing one object per area); they are grouped back by object into column runs, then
 * adjacent columns with the same rows are merged into one area. `ruleOf` gives each
 * validation's rule (null: not representable, skipped); every area gets its own copy.
 */
export function validationAreas(
  dvModel: Record<string, ExcelValidation | undefined>,
  ruleOf: (v: ExcelValidation) => ValidationRule | null,
): SheetModel['validations'] {
  const out: SheetModel['validations'] = [];
  const byObject = new Map<ExcelValidation, Map<number, number[]>>();
  for (const [addr, v] of Object.entries(dvModel)) {
    if (!v) continue;
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(addr);
    if (!m) continue;
    const c = lettersToColumn(m[1]!);
    let cols = byObject.get(v);
    if (!cols) byObject.set(v, (cols = new Map()));
    let rows = cols.get(c);
    if (!rows) cols.set(c, (rows = []));
    rows.push(Number(m[2]));
  }
  for (const [v, cols] of byObject) {
    const rule = ruleOf(v);
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
      out.push({
        ...a,
        rule: { ...rule, args: rule.args.map((x) => (Array.isArray(x) ? [...x] : x)) },
      });
    }
  }
  return out;
}
