/**
 * Probes of Sheets behaviours the add-on relies on, as the conformance tests pin them
 * (test/conformance/sheets.test.ts, values.test.ts), each with Google's reference.
 */
import type { Probe } from './types';

const REF = 'https://developers.google.com/apps-script/reference/spreadsheet/';

export const SHEETS_REFERENCE: Probe[] = [
  {
    name: 'emptySheetExtent',
    fact: 'A new sheet has no last row or column (0) and is 1000 rows by 26 columns.',
    source: `${REF}sheet#getLastRow(); ${REF}spreadsheet#insertSheet()`,
    expected: [0, 0, 1000, 26],
    run: (t) => {
      const sh = t.sheet();
      return [sh.getLastRow(), sh.getLastColumn(), sh.getMaxRows(), sh.getMaxColumns()];
    },
  },
  {
    name: 'dataRangeOfEmptySheet',
    fact: 'getDataRange() of an empty sheet is A1, holding one empty value.',
    source: `${REF}sheet#getDataRange()`,
    expected: ['A1', [['']]],
    run: (t) => {
      const r = t.sheet().getDataRange();
      return [r.getA1Notation(), r.getValues() as string[][]];
    },
  },
  {
    name: 'dataRangeFollowsContent',
    fact: 'getLastRow/getLastColumn/getDataRange follow the last cell with content.',
    source: `${REF}sheet#getLastRow(); ${REF}sheet#getDataRange()`,
    expected: [5, 3, 'A1:C5'],
    run: (t) => {
      const sh = t.sheet();
      sh.getRange('C5').setValue('x');
      sh.getRange('A2').setValue(1);
      return [sh.getLastRow(), sh.getLastColumn(), sh.getDataRange().getA1Notation()];
    },
  },
  {
    name: 'getRangeStartTooSmall',
    fact: 'getRange(0, 1) and getRange(1, 0) throw "too small".',
    source: `${REF}sheet#getRange(Integer,Integer); github.com/googleworkspace/solutions/issues/128`,
    expected: [
      'The starting row of the range is too small.',
      'The starting column of the range is too small.',
    ],
    run: (t) => {
      const sh = t.sheet();
      return [t.thrown(() => sh.getRange(0, 1)), t.thrown(() => sh.getRange(1, 0))];
    },
  },
  {
    name: 'getRangeZeroRows',
    fact: 'A range of zero rows or columns throws "must be at least 1".',
    source: 'https://github.com/Elijas/auto-youtube-subscription-playlist-2/issues/99',
    expected: [
      'The number of rows in the range must be at least 1.',
      'The number of columns in the range must be at least 1.',
    ],
    run: (t) => {
      const sh = t.sheet();
      return [t.thrown(() => sh.getRange(2, 1, 0, 3)), t.thrown(() => sh.getRange(1, 1, 1, 0))];
    },
  },
  {
    name: 'getRangeOutsideTheSheet',
    fact: 'A range past the last row or column throws; Z1000 is the last cell.',
    source: `${REF}sheet#getRange(Integer,Integer,Integer,Integer)`,
    expected: [
      'The coordinates of the range are outside the dimensions of the sheet.',
      'The coordinates of the range are outside the dimensions of the sheet.',
      'Z1000',
    ],
    run: (t) => {
      const sh = t.sheet();
      return [
        t.thrown(() => sh.getRange(1001, 1)),
        t.thrown(() => sh.getRange(1, 27)),
        sh.getRange(1000, 26).getA1Notation(),
      ];
    },
  },
  {
    name: 'a1OpenEndedRanges',
    fact: 'A:A is 1000 rows, 2:2 is 26 columns, A2:C runs to the last row.',
    source: 'https://developers.google.com/sheets/api/guides/concepts#expandable-1',
    expected: [
      [1, 1000, 1],
      [2, 1, 26],
      [2, 999, 3],
    ],
    run: (t) => {
      const sh = t.sheet();
      const dims = (a1: string) => {
        const r = sh.getRange(a1);
        return [r.getRow(), r.getNumRows(), r.getNumColumns()];
      };
      return [dims('A:A'), dims('2:2'), dims('A2:C')];
    },
  },
  {
    name: 'a1NotationRoundTrips',
    fact: 'getA1Notation() gives back the A1 notation a range was got with, without the sheet.',
    source: `${REF}range#getA1Notation()`,
    expected: ['A1', 'B2:D9', 'A:A', '2:2', '3:5', 'A2:C', 'C3:D4'],
    run: (t) => {
      const sh = t.sheet();
      const own = ['A1', 'B2:D9', 'A:A', '2:2', '3:5', 'A2:C'].map((a) => sh.getRange(a).getA1Notation());
      // The first sheet's name follows the account's language (Sheet1, 工作表1…).
      const quoted = `'${sh.getName().replace(/'/g, "''")}'`;
      return [...own, sh.getParent().getRange(`${quoted}!C3:D4`).getA1Notation()];
    },
  },
  {
    name: 'unknownSheetInA1',
    fact: "Spreadsheet.getRange('Nope!A1') throws Range not found.",
    source: `${REF}spreadsheet#getRange(String)`,
    expected: 'Range not found',
    run: (t) => t.thrown(() => t.sheet().getParent().getRange('Nope!A1')),
  },
  {
    name: 'insertSheetNameTaken',
    fact: 'insertSheet with a name already used (in any case) throws.',
    source: 'https://github.com/socialpoint-labs/sheetfu/pull/26',
    expected: [
      'A sheet with the name "Contacts" already exists. Please enter another name.',
      'A sheet with the name "contacts" already exists. Please enter another name.',
    ],
    run: (t) => {
      const ss = t.sheet().getParent();
      ss.insertSheet('Contacts');
      return [t.thrown(() => ss.insertSheet('Contacts')), t.thrown(() => ss.insertSheet('contacts'))];
    },
  },
  {
    name: 'getSheetByNameMissing',
    fact: 'getSheetByName returns null for a sheet that does not exist.',
    source: `${REF}spreadsheet#getSheetByName(String)`,
    expected: null,
    run: (t) => t.sheet().getParent().getSheetByName('Nope') as null,
  },
  {
    name: 'deleteTheOnlySheet',
    fact: 'Deleting the only sheet throws.',
    source: `${REF}spreadsheet#deleteSheet(Sheet)`,
    expected: "You can't remove all the sheets in a document.",
    run: (t) => {
      const sh = t.sheet();
      return t.thrown(() => sh.getParent().deleteSheet(sh));
    },
  },
  {
    name: 'getCellOutsideTheRange',
    fact: 'getCell is relative to the range and refuses cells outside it.',
    source: `${REF}range#getCell(Integer,Integer)`,
    expected: ['C3', 'Cell reference out of range'],
    run: (t) => {
      const r = t.sheet().getRange('B2:C3');
      return [r.getCell(2, 2).getA1Notation(), t.thrown(() => r.getCell(3, 1))];
    },
  },
  {
    name: 'emptyCellsAreEmptyStrings',
    fact: "getValues gives '' for empty cells and is two-dimensional even for one cell.",
    source: `${REF}range#getValues()`,
    expected: [
      [
        ['', 'x'],
        ['', ''],
      ],
      [['']],
    ],
    run: (t) => {
      const sh = t.sheet();
      sh.getRange('B1').setValue('x');
      return [sh.getRange('A1:B2').getValues() as string[][], sh.getRange('D4').getValues() as string[][]];
    },
  },
  {
    name: 'typedInputFromSetValues',
    fact: "Strings are read as typed: '123' a number, 'TRUE' a boolean, '1,234', '50%', an apostrophe keeps text.",
    source: 'https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption (USER_ENTERED)',
    expected: [[123, true, 1234, 0.5, '=1+1', 'abc']],
    run: (t) => {
      const r = t.sheet().getRange('A1:F1');
      r.setValues([['123', 'TRUE', '1,234', '50%', "'=1+1", 'abc']]);
      return r.getValues() as (number | boolean | string)[][];
    },
  },
  {
    name: 'formulaFromSetValue',
    fact: "setValue('=1+1') makes a formula; a leading apostrophe keeps it text.",
    source: `${REF}range#setValue(Object)`,
    expected: ['=1+1', ''],
    run: (t) => {
      const sh = t.sheet();
      sh.getRange('A1').setValue('=1+1');
      sh.getRange('A2').setValue("'=1+1");
      return [sh.getRange('A1').getFormula(), sh.getRange('A2').getFormula()];
    },
  },
  {
    name: 'plainTextFormatKeepsStrings',
    fact: "In a cell formatted '@' a string stays the string it was.",
    source: 'https://developers.google.com/sheets/api/guides/formats',
    expected: [['007', '1,234']],
    run: (t) => {
      const r = t.sheet().getRange('A1:B1').setNumberFormat('@');
      r.setValues([['007', '1,234']]);
      return r.getValues() as string[][];
    },
  },
  {
    name: 'setValuesShapeMismatch',
    fact: 'setValues with the wrong number of rows or columns throws, naming both counts.',
    source: `${REF}range#setValues(Object)`,
    expected: [
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    ],
    run: (t) => {
      const sh = t.sheet();
      return [
        t.thrown(() => sh.getRange('A1:B2').setValues([['a', 'b']])),
        t.thrown(() => sh.getRange('A1:B1').setValues([['a', 'b', 'c']])),
      ];
    },
  },
  {
    name: 'cellOverFiftyThousandCharacters',
    fact: 'More than 50,000 characters in a cell throws.',
    source: 'https://support.google.com/drive/answer/37603',
    expected: 'Your input contains more than the maximum of 50000 characters in a single cell.',
    run: (t) => t.thrown(() => t.sheet().getRange('A1').setValue('x'.repeat(50_001))),
  },
  {
    name: 'nullClearsACell',
    fact: "Writing null or '' clears a cell and its formula.",
    source: `${REF}range#setValues(Object)`,
    expected: [[['', '']], [['', '']], 0],
    run: (t) => {
      const sh = t.sheet();
      const r = sh.getRange('A1:B1');
      r.setValues([['=1+1', 'x']]);
      r.setValues([[null, '']]);
      return [r.getValues() as string[][], r.getFormulas(), sh.getLastRow()];
    },
  },
  {
    name: 'defaultNoteAndBackground',
    fact: "A fresh cell has no note ('') and a white background (#ffffff).",
    source: `${REF}range#getNote(); ${REF}range#getBackground()`,
    expected: ['', '#ffffff'],
    run: (t) => {
      const r = t.sheet().getRange('A1');
      return [r.getNote(), r.getBackground()];
    },
  },
  {
    name: 'frozenRows',
    fact: 'setFrozenRows is read back by getFrozenRows.',
    source: `${REF}sheet#setFrozenRows(Integer)`,
    expected: [0, 1],
    run: (t) => {
      const sh = t.sheet();
      const before = sh.getFrozenRows();
      sh.setFrozenRows(1);
      return [before, sh.getFrozenRows()];
    },
  },
];
