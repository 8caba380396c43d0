/**
 * Relative references of a formula moved by rows and columns, as Sheets does when one formula
 * is set on a range of several cells: `setFormula('=A1')` on B1:C2 writes `=A1`, `=B1`, `=A2`,
 * `=B2` (gas-fakes test/testsheets.js:2184, run on live Apps Script;
 * https://developers.google.com/apps-script/reference/spreadsheet/range#setformulaformula).
 *
 * A reference is letters then digits (`A1`, `$A1`, `A$1`, `$A$1`) outside a string literal, not
 * part of a longer name and not a function name; `$` keeps its part fixed. Whole-column and
 * whole-row references (`A:A`, `2:2`) and R1C1 formulas are left as they are (assumption).
 */
import { columnToLetters, lettersToColumn } from './a1';

const TOKEN = /("(?:[^"]|"")*")|('(?:[^']|'')*'!)|(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![\w(.])/g;

export function shiftFormula(formula: string, rows: number, cols: number): string {
  if ((!rows && !cols) || !formula.startsWith('=')) return formula;
  return formula.replace(TOKEN, (whole, str, sheet, colAbs, letters, rowAbs, digits, at, all) => {
    if (str || sheet) return whole;
    const before = (all as string)[(at as number) - 1] ?? '';
    if (/[\w.$]/.test(before)) return whole;
    const c = colAbs ? lettersToColumn(letters) : lettersToColumn(letters) + cols;
    const r = rowAbs ? Number(digits) : Number(digits) + rows;
    if (c < 1 || r < 1) return '#REF!';
    return `${colAbs}${colAbs ? letters.toUpperCase() : columnToLetters(c)}${rowAbs}${r}`;
  });
}
