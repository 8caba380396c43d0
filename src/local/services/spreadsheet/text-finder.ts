/**
 * TextFinder, emulated for a Range (Range.createTextFinder): finds the cells of the range
 * whose text holds the search string, in Sheets itself — the script receives the matching
 * cells, not the range's values.
 * https://developers.google.com/apps-script/reference/spreadsheet/text-finder
 *
 * - What is searched is each cell's displayed text (gas-fakes
 *   src/services/spreadsheetapp/faketextfinder.js, `__searchTextFromRange`: `getDisplayValues()`
 *   unless matchFormulaText), ignoring case unless `matchCase(true)`; `matchEntireCell(true)`
 *   wants the whole text; `useRegularExpression(true)` reads the string as a regular
 *   expression (anchored at both ends with matchEntireCell, as gas-fakes does).
 * - Matches come row by row, left to right within a row (gas-fakes walks the values the same
 *   way); findAll returns them all, findNext one after another and then null.
 * Not emulated: startFrom, findPrevious, replaceWith/replaceAllWith, ignoreDiacritics.
 */
import type { ServiceHost } from '../../host';
import type { SheetModel, SpreadsheetModel } from '../../model/spreadsheet-model';
import { cellKey } from '../../model/spreadsheet-model';
import { displayCell } from '../../sheets/formats';
import { make } from './factory';
import type { RangeApi } from './types';

export class TextFinder {
  private opts = { matchCase: false, entireCell: false, regex: false, formulas: false };
  private found: RangeApi[] | null = null;
  private next = 0;

  constructor(
    private readonly x: ServiceHost,
    private readonly ss: SpreadsheetModel,
    private readonly s: SheetModel,
    private readonly area: { r: number; c: number; nr: number; nc: number },
    private readonly text: string,
  ) {}

  matchCase(on: boolean): TextFinder {
    this.opts.matchCase = !!on;
    return this.changed();
  }
  matchEntireCell(on: boolean): TextFinder {
    this.opts.entireCell = !!on;
    return this.changed();
  }
  useRegularExpression(on: boolean): TextFinder {
    this.opts.regex = !!on;
    return this.changed();
  }
  matchFormulaText(on: boolean): TextFinder {
    this.opts.formulas = !!on;
    return this.changed();
  }
  findAll(): RangeApi[] {
    return [...this.search()];
  }
  findNext(): RangeApi | null {
    return this.search()[this.next++] ?? null;
  }

  private changed(): TextFinder {
    this.found = null;
    this.next = 0;
    return this;
  }

  private test(): (t: string) => boolean {
    const { matchCase, entireCell, regex } = this.opts;
    if (regex) {
      const pattern = re2Spaces(this.text);
      const src = entireCell ? `^(?:${pattern})$` : pattern;
      const re = new RegExp(src, matchCase ? '' : 'i');
      return (t) => re.test(t);
    }
    const want = matchCase ? this.text : this.text.toLowerCase();
    return (t) => {
      const s = matchCase ? t : t.toLowerCase();
      return entireCell ? s === want : s.includes(want);
    };
  }

  private search(): RangeApi[] {
    if (this.found) return this.found;
    const ok = this.test();
    const { r, c, nr, nc } = this.area;
    const out: RangeApi[] = [];
    const last = Math.min(r + nr - 1, this.s.lastRow());
    for (let i = r; i <= last; i++) {
      for (let j = c; j < c + nc; j++) {
        const v = this.s.get(i, j);
        // Text shows as itself (displayCell ignores a format for it): no format looked up.
        const text = this.opts.formulas
          ? (this.s.formulas.get(cellKey(i, j)) ?? '')
          : typeof v === 'string'
            ? v
            : displayCell(v, this.s.numberFormats.get(cellKey(i, j)), this.ss.timeZone);
        if (text !== '' && ok(text)) out.push(make().range(this.x, this.ss, this.s, i, j, 1, 1));
      }
    }
    this.found = out;
    return out;
  }
}

/**
 * A pattern's `\s` and `\S` as RE2 reads them — ASCII whitespace only, `[\t\n\f\r ]`
 * (github.com/google/re2/wiki/Syntax) — where JavaScript's also take in the no-break and
 * ideographic spaces. That Sheets' TextFinder uses RE2, as REGEXMATCH does, is an assumption
 * (docs/local-runtime.md). Other classes (`\d`, `\w`) are ASCII in both already.
 */
export function re2Spaces(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[i + 1]!;
      if (n === 's') out += inClass ? '\\t\\n\\f\\r ' : '[\\t\\n\\f\\r ]';
      else if (n === 'S' && !inClass) out += '[^\\t\\n\\f\\r ]';
      else out += c + n;
      i++;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return out;
}
