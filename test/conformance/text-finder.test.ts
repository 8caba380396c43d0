/**
 * Range.createTextFinder and TextFinder, as the add-on uses them to find a record's row by its
 * ID without reading the ID column.
 * https://developers.google.com/apps-script/reference/spreadsheet/range#createTextFinder(String)
 * https://developers.google.com/apps-script/reference/spreadsheet/text-finder
 * The search runs on displayed text, case-insensitively by default, row by row: gas-fakes
 * src/services/spreadsheetapp/faketextfinder.js (`__searchTextFromRange`).
 */
import { describe, expect, it } from 'vitest';
import { sheet } from './fixture';

function ids() {
  const s = sheet();
  s.sh.getRange(1, 1, 6, 2).setValues([
    ['ID', 'Name'],
    ['C-0001', 'Wang Fang'],
    ['C-0010', 'Li Wang'],
    ['c-0001', 'typed in lower case'],
    ['C-00011', 'longer'],
    ['', 'c-0001 in a name'],
  ]);
  s.x.counter.reset();
  return s;
}

describe('TextFinder', () => {
  it('matchEntireCell finds the cells whose whole text is the string, ignoring case, top to bottom', () => {
    const { sh } = ids();
    const col = sh.getRange(2, 1, 5, 1);
    const hits = col.createTextFinder('C-0001').matchEntireCell(true).findAll();
    expect(hits.map((r: any) => r.getA1Notation())).toEqual(['A2', 'A4']);
    // matchCase(true): the lower-case one is another text.
    const exact = col.createTextFinder('C-0001').matchEntireCell(true).matchCase(true).findAll();
    expect(exact.map((r: any) => r.getRow())).toEqual([2]);
    // Without matchEntireCell a part of the text matches (C-0001 is in C-00011).
    expect(
      col
        .createTextFinder('C-0001')
        .findAll()
        .map((r: any) => r.getRow()),
    ).toEqual([2, 4, 5]);
  });

  it('searches only its range, row by row and left to right; findNext walks the matches, then null', () => {
    const { sh } = ids();
    const f = sh.getRange(2, 1, 5, 2).createTextFinder('wang');
    expect(f.findAll().map((r: any) => r.getA1Notation())).toEqual(['B2', 'B3']);
    expect(f.findNext().getA1Notation()).toBe('B2');
    expect(f.findNext().getA1Notation()).toBe('B3');
    expect(f.findNext()).toBeNull();
    expect(sh.getRange(2, 1, 5, 1).createTextFinder('wang').findAll()).toEqual([]);
  });

  // RE2's \s is ASCII whitespace ([\t\n\f\r ]), not JavaScript's, which also takes the
  // no-break and the ideographic space (U+3000): github.com/google/re2/wiki/Syntax. That
  // Sheets' TextFinder reads patterns as RE2, as REGEXMATCH does, is an assumption
  // (docs/local-runtime.md); the add-on's ID patterns name those spaces (ID_SPACES).
  it("a pattern's \\s is RE2's ASCII whitespace: an ideographic or no-break space is not one", () => {
    const s = sheet();
    s.sh.getRange(1, 1, 4, 1).setValues([['ID'], ['C-0001 '], ['C-0001\u3000'], ['\u00a0C-0001']]);
    const col = s.sh.getRange(2, 1, 3, 1);
    const find = (p: string) =>
      col
        .createTextFinder(p)
        .useRegularExpression(true)
        .matchEntireCell(true)
        .findAll()
        .map((r: any) => r.getRow());
    expect(find('\\s*C-0001\\s*')).toEqual([2]);
    expect(find('[\\s\u00a0\u3000]*C-0001[\\s\u00a0\u3000]*')).toEqual([2, 3, 4]);
    expect(find('C-0001\\S')).toEqual([3]);
  });

  it('reads the string as a regular expression when asked (anchored with matchEntireCell)', () => {
    const { sh } = ids();
    const col = sh.getRange(2, 1, 5, 1);
    const hits = col
      .createTextFinder('\\s*C-0001\\s*')
      .useRegularExpression(true)
      .matchEntireCell(true)
      .findAll();
    expect(hits.map((r: any) => r.getRow())).toEqual([2, 4]);
  });

  it('moves no cell values to the script: one round trip, whatever the range holds', () => {
    const { sh, x } = ids();
    sh.getRange(2, 1, 5, 1).createTextFinder('C-0010').matchEntireCell(true).findAll();
    expect(x.counter.cellsRead).toBe(0);
    expect(x.counter.counts.get('TextFinder.findAll')).toBe(1);
  });
});
