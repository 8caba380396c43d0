/**
 * Does a workbook keep the product contract? Every sheet of the schema present, every
 * contract header in its row 1 (any order, extra columns allowed), the header row frozen.
 * Pure: used by the live smoke test (scripts/smoke.ts, Sheets API) and by local tests.
 */
import { normHeader } from './records';
import { requiredColumns, TABLES } from './schema';

export interface SheetShape {
  title: string;
  frozenRows: number;
  header: readonly unknown[];
}

export function contractProblems(sheets: readonly SheetShape[]): string[] {
  const problems: string[] = [];
  for (const def of TABLES) {
    const sheet = sheets.find((s) => s.title === def.name);
    if (!sheet) {
      problems.push(`Sheet "${def.name}" is missing.`);
      continue;
    }
    const have = new Set(sheet.header.map(normHeader));
    const missing = requiredColumns(def)
      .filter((f) => !have.has(normHeader(f.header)))
      .map((f) => `"${f.header}"`);
    if (missing.length) problems.push(`Sheet "${def.name}" lacks ${missing.join(', ')} in row 1.`);
    if (sheet.frozenRows < 1) problems.push(`Sheet "${def.name}": the header row is not frozen.`);
  }
  return problems;
}
