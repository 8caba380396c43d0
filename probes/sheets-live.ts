/**
 * Probes of Sheets behaviours recorded on live Apps Script by brucemcpherson/gas-fakes (its
 * tests run against live Apps Script; file:line at commit dedcae38), the rows of
 * ../shared/fidelity/live-behaviours.md.
 */
import type { Probe } from './types';

const GF = 'https://github.com/brucemcpherson/gas-fakes/blob/dedcae38/';

export const SHEETS_LIVE: Probe[] = [
  {
    name: 'numberFormatOfUnformattedCell',
    fact: "An unformatted cell's getNumberFormat() is 0.###############, not General.",
    source: `${GF}notes/oddities.md:364; test/testsheets.js:2051`,
    expected: '0.###############',
    run: (t) => t.sheet().getRange('A1').getNumberFormat(),
  },
  {
    name: 'numberFormatAfterGeneral',
    fact: "After setNumberFormat('general') a cell reports 0.###############, in getNumberFormats too.",
    source: `${GF}test/testsheets.js:2062, 2068, 2134`,
    expected: ['0.###############', [['0.###############', '0.###############']]],
    run: (t) => {
      const r = t.sheet().getRange('A1:B1').setNumberFormat('0.00').setNumberFormat('general');
      return [r.getNumberFormat(), r.getNumberFormats()];
    },
  },
  {
    name: 'setFormulaAdjustsRelativeReferences',
    fact: "setFormula('=A1') on a 2×2 range moves its relative references with each cell.",
    source: `${GF}test/testsheets.js:2184`,
    expected: [
      ['=A1', '=B1'],
      ['=A2', '=B2'],
    ],
    run: (t) => t.sheet().getRange('C51:D52').setFormula('=A1').getFormulas(),
  },
  {
    name: 'setFormulaKeepsAbsoluteReferences',
    fact: 'A $-fixed part of a reference stays as it is when setFormula fills a range.',
    source:
      'https://support.google.com/docs/answer/58196 (absolute references, $); range#setFormula(formula)',
    expected: [['=$A$1+A1', '=$A$1+B1']],
    unconfirmed: 'the peer shows only =A1; $ handling follows the Sheets UI rule for filled formulas',
    run: (t) => t.sheet().getRange('C1:D1').setFormula('=$A$1+A1').getFormulas(),
  },
  {
    name: 'setFormulaNullClears',
    fact: 'setFormula(null) leaves the cell with no formula and no value, as setValue(null) does.',
    source: 'https://developers.google.com/apps-script/reference/spreadsheet/range#setformulaformula',
    expected: ['', ''],
    unconfirmed: 'the reference does not say what null does; the local runtime assumes it clears',
    run: (t) => {
      const r = t.sheet().getRange('A1').setFormula('=1+1');
      r.setFormula(null as unknown as string);
      return [r.getFormula(), r.getDisplayValue()];
    },
  },
  {
    name: 'r1c1SingleCell',
    fact: "getRange('R5C3') reads R1C1 notation: C5.",
    source: `${GF}test/testsheets.js:226-232`,
    expected: ['C5', 5, 3],
    run: (t) => {
      const r = t.sheet().getRange('R5C3');
      return [r.getA1Notation(), r.getRow(), r.getColumn()];
    },
  },
  {
    name: 'r1c1Range',
    fact: "getRange('R2C2:R4C5') is B2:E4, 3 rows by 4 columns.",
    source: `${GF}test/testsheets.js:234-238`,
    expected: ['B2:E4', 3, 4],
    run: (t) => {
      const r = t.sheet().getRange('R2C2:R4C5');
      return [r.getA1Notation(), r.getNumRows(), r.getNumColumns()];
    },
  },
  {
    name: 'r1c1ReversedAndLowerCase',
    fact: 'A reversed R1C1 range is normalised; lower-case r1c1 is read too; RC1 is A1 notation.',
    source: `${GF}test/testsheets.js:240-250`,
    expected: ['B1:E10', 'A1:B2', 'RC1'],
    run: (t) => {
      const sh = t.sheet();
      // Column RC is column 471: widen the sheet so the A1 reading is inside the grid.
      sh.insertColumnsAfter(26, 450);
      return [
        sh.getRange('R10C5:R1C2').getA1Notation(),
        sh.getRange('r1c1:r2c2').getA1Notation(),
        sh.getRange('RC1').getA1Notation(),
      ];
    },
  },
  {
    name: 'r1c1OnTheSpreadsheet',
    fact: 'Spreadsheet.getRange reads R1C1 notation with a sheet name, as Sheet.getRange does.',
    source: `${GF}test/testsheets.js:226-250 (Sheet.getRange); spreadsheet#getRange(String)`,
    expected: ['C5', true],
    unconfirmed: 'the peer probes Sheet.getRange; the Spreadsheet form is assumed to parse the same',
    run: (t) => {
      const sh = t.sheet();
      const r = sh.getParent().getRange(`'${sh.getName().replace(/'/g, "''")}'!R5C3`);
      return [r.getA1Notation(), r.getSheet().getName() === sh.getName()];
    },
  },
  {
    name: 'sheetProtectionRangeHasNoA1',
    fact: "A sheet protection's getRange().getA1Notation() is ''.",
    source: `${GF}test/testsheetspermissions.js:47`,
    expected: '',
    run: (t) => t.sheet().protect().getRange().getA1Notation(),
  },
  {
    name: 'spreadsheetIsADriveFile',
    fact: 'DriveApp.getFileById(spreadsheet id) gives its name and the spreadsheet MIME type.',
    source: `${GF}test/testsheetsvalues.js:580-581`,
    expected: [true, 'application/vnd.google-apps.spreadsheet'],
    run: (t) => {
      const ss = t.sheet().getParent();
      const f = DriveApp.getFileById(ss.getId());
      return [f.getName() === ss.getName(), f.getMimeType()];
    },
  },
  {
    name: 'spreadsheetOwner',
    fact: "getOwner() of a spreadsheet the script made is the script's user.",
    source: `${GF}test/testsheetsvui.js:315`,
    expected: true,
    run: (t) => t.sheet().getParent().getOwner()?.getEmail() === Session.getEffectiveUser().getEmail(),
  },
  {
    name: 'colourNameReadsBackAsHex',
    fact: "setBackground('LIGHTCORAL') reads back as #f08080 (names in any case).",
    source: `${GF}test/testsheetssets.js:330-332`,
    expected: ['#f08080', '#ff0000'],
    run: (t) => {
      const sh = t.sheet();
      return [
        sh.getRange('A1').setBackground('LIGHTCORAL').getBackground(),
        sh.getRange('A2').setBackground('red').getBackground(),
      ];
    },
  },
  {
    name: 'setNoteNotesEveryCell',
    fact: 'setNote on a range notes every cell of it.',
    source: `${GF}test/testsheets.js:784-786`,
    expected: [
      ['n', 'n'],
      ['n', 'n'],
    ],
    run: (t) => t.sheet().getRange('A1:B2').setNote('n').getNotes(),
  },
  {
    name: 'insertSheetBecomesActive',
    fact: 'insertSheet makes the new sheet the active sheet.',
    source: 'https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#insertSheet(String)',
    expected: 'Probe tab',
    run: (t) => {
      const ss = t.sheet().getParent();
      ss.insertSheet('Probe tab');
      return ss.getActiveSheet().getName();
    },
  },
  {
    name: 'stringOfSheetsObjects',
    fact: 'String() of a Range, Sheet, Spreadsheet or Protection is its class name.',
    source: `${GF}test/testsheetsvui.js:204`,
    expected: ['Range', 'Sheet', 'Spreadsheet', 'Protection'],
    run: (t) => {
      const sh = t.sheet();
      const r = sh.getRange('A1');
      return [String(r), String(sh), String(sh.getParent()), String(r.protect())];
    },
  },
  {
    name: 'invalidColourIsAccepted',
    fact: 'setBackground with an unknown colour name does not throw on live Apps Script.',
    source: `${GF}test/testsheetssets.js:333-336 (issuetracker.google.com/issues/428869869)`,
    expected: '(no exception)',
    run: (t) => t.thrown(() => t.sheet().getRange('A1').setBackground('not-a-real-color')),
  },
];
