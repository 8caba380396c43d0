/**
 * Conformance: reading and writing cell values — what Range.getValues/setValues return and
 * store, how strings written by a script are interpreted ("user entered"), display values.
 */
import { describe, expect, it } from 'vitest';
import { isDate, wallTime } from '../../src/domain/dates';
import { interpretInput } from '../../src/local/services/spreadsheet';
import { sheet, thrown } from './fixture';

describe('Range values', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()
  // "Returns a two-dimensional array of values, indexed by row, then by column ... Empty cells
  // are represented by an empty string in the array."
  it('getValues represents empty cells as empty strings', () => {
    const { sh } = sheet();
    sh.getRange('B2').setValue('x');
    expect(sh.getRange('A1:C2').getValues()).toEqual([
      ['', '', ''],
      ['', 'x', ''],
    ]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#getValues()
  // A single cell is still a two-dimensional array: [[value]].
  it('getValues is always two-dimensional, even for one cell', () => {
    const { sh } = sheet();
    sh.getRange(1, 1).setValue(42);
    const v = sh.getRange(1, 1).getValues();
    expect(v).toEqual([[42]]);
    expect(sh.getRange('A1:A3').getValues()).toEqual([[42], [''], ['']]);
    expect(sh.getRange('A1:C1').getValues()).toEqual([[42, '', '']]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#getValue()
  // "The value may be of type Number, Boolean, Date, or String ... Empty cells return an
  // empty string."
  it('getValue of a date cell is a Date, of an empty cell is ""', () => {
    const { sh } = sheet();
    sh.getRange('A1').setValue(new Date('2026-03-15T06:30:00Z'));
    const v = sh.getRange('A1').getValue();
    expect(isDate(v)).toBe(true);
    expect(sh.getRange('A2').getValue()).toBe('');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
  // and https://developers.google.com/apps-script/guides/sheets#dates_and_times : a Date is
  // stored as an instant and shown in the spreadsheet's time zone; the m/mm token is a month,
  // or minutes after h (https://developers.google.com/sheets/api/guides/formats#date_and_time_format_patterns).
  it('a Date written comes back as the same instant and displays in the spreadsheet time zone', () => {
    const { sh } = sheet('Asia/Shanghai');
    const d = new Date('2026-03-15T16:30:00Z'); // 00:30 on 16 March in Shanghai
    const r = sh.getRange('A1');
    r.setValue(d);
    expect((r.getValue() as Date).getTime()).toBe(d.getTime());
    r.setNumberFormat('yyyy-mm-dd hh:mm');
    expect(r.getDisplayValue()).toBe('2026-03-16 00:30');
    r.setNumberFormat('d mmm yyyy');
    expect(r.getDisplayValue()).toBe('16 Mar 2026');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValue(Object)
  // "If it begins with '=' it is interpreted as a formula."
  it("setValue('=1+1') makes a formula, visible in getFormulas", () => {
    const { sh } = sheet();
    sh.getRange('A1').setValue('=1+1');
    sh.getRange('A2').setValue('plain');
    expect(sh.getRange('A1:A2').getFormulas()).toEqual([['=1+1'], ['']]);
  });

  // A leading apostrophe forces text and is not part of the value:
  // https://support.google.com/docs/answer/3094038 (prefix with an apostrophe to keep text).
  it("a leading apostrophe keeps '=1+1 as the text =1+1, not a formula", () => {
    const { sh } = sheet();
    sh.getRange('A1').setValue("'=1+1");
    expect(sh.getRange('A1').getValue()).toBe('=1+1');
    expect(sh.getRange('A1').getFormulas()).toEqual([['']]);
  });

  // Text starting with + or - is read as a formula, as typed into Sheets (CSV/formula
  // injection: https://owasp.org/www-community/attacks/CSV_Injection). Numbers stay numbers.
  it('text starting with + or - becomes a formula unless it is a number', () => {
    const { sh } = sheet();
    sh.getRange('A1:A3').setValues([['+1+1'], ['- note'], ['-5']]);
    expect(sh.getRange('A1:A3').getFormulas()).toEqual([['=+1+1'], ['=- note'], ['']]);
    expect(sh.getRange('A3').getValue()).toBe(-5);
  });

  // Strings written by a script are parsed like typed input (valueInputOption USER_ENTERED):
  // https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption
  it("'123' becomes the number 123, 'TRUE' a boolean, '2026-03-15' a Date", () => {
    const { sh } = sheet('Asia/Shanghai');
    sh.getRange('A1:D1').setValues([['123', 'TRUE', '2026-03-15', '007']]);
    const [[n, b, d, z]] = sh.getRange('A1:D1').getValues();
    expect(n).toBe(123);
    expect(b).toBe(true);
    expect(isDate(d)).toBe(true);
    expect((d as Date).toISOString()).toBe('2026-03-14T16:00:00.000Z'); // midnight in Shanghai
    expect(z).toBe(7); // leading zeros are lost
  });

  // en_US input: thousands separators and percentages are numbers
  // (https://support.google.com/docs/answer/56470 — number formats by locale).
  it("'1,234' becomes 1234 and '50%' becomes 0.5", () => {
    const { sh } = sheet();
    sh.getRange('A1:B1').setValues([['1,234', '50%']]);
    expect(sh.getRange('A1:B1').getValues()).toEqual([[1234, 0.5]]);
  });

  // Plain text format '@' keeps what is written as a string:
  // https://developers.google.com/sheets/api/guides/formats#number_format_tokens ("@" text).
  it("plain-text number format '@' keeps strings as they are", () => {
    const { sh } = sheet();
    const r = sh.getRange('A1:D1');
    r.setNumberFormat('@');
    r.setValues([['007', 'TRUE', '2026-03-15', '=1+1']]);
    expect(r.getValues()).toEqual([['007', 'TRUE', '2026-03-15', '=1+1']]);
    expect(r.getFormulas()).toEqual([['', '', '', '']]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#getDisplayValues()
  // "The values are String objects. The displayed value takes into account date, time and
  // currency formatting ... Empty cells are represented by an empty string."
  it('getDisplayValues are strings, formatted by the number format', () => {
    const { sh } = sheet();
    const r = sh.getRange('A1:E1');
    r.setValues([[1234.5, true, '', 0.1 + 0.2, 3.5]]);
    sh.getRange('E1').setNumberFormat('0.00');
    expect(r.getDisplayValues()).toEqual([['1234.5', 'TRUE', '', '0.3', '3.50']]);
    sh.getRange('A1').setNumberFormat('#,##0');
    expect(sh.getRange('A1').getDisplayValue()).toBe('1,235');
    sh.getRange('A1').setNumberFormat('#,##0.00');
    expect(sh.getRange('A1').getDisplayValue()).toBe('1,234.50');
  });

  // A date typed as text keeps the shape it was typed in; a date written as a Date gets a
  // date-time format (https://developers.google.com/sheets/api/guides/formats#about_date_time_values).
  it('dates display with an automatic format when none is set', () => {
    const { sh } = sheet('Asia/Shanghai');
    sh.getRange('A1').setValue('2026-03-15');
    expect(sh.getRange('A1').getDisplayValue()).toBe('2026-03-15');
    sh.getRange('A2').setValue(new Date('2026-03-15T06:05:09Z'));
    expect(sh.getRange('A2').getDisplayValue()).toBe('3/15/2026 14:05:09');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
  // "Sets a rectangular grid of values (must match dimensions of this range)." Messages as
  // reported, e.g. https://github.com/alpatania/sassafras/issues/8
  it('setValues with the wrong number of rows throws, naming both counts', () => {
    const { sh } = sheet();
    expect(thrown(() => sh.getRange('A1:B3').setValues([[1, 2]]))).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 3.',
    );
  });

  it('setValues with the wrong number of columns throws, naming both counts', () => {
    const { sh } = sheet();
    expect(
      thrown(() =>
        sh.getRange('A1:D2').setValues([
          [1, 2, 3, 4, 5],
          [1, 2, 3, 4, 5],
        ]),
      ),
    ).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 5 but the range has 4.',
    );
  });

  // A cell holds at most 50,000 characters: https://support.google.com/drive/answer/37603
  // ("Google Sheets: ... 50,000 characters in a single cell").
  it('more than 50,000 characters in a cell throws, for setValue and appendRow', () => {
    const { sh } = sheet();
    const big = 'x'.repeat(50_001);
    const msg = 'Your input contains more than the maximum of 50000 characters in a single cell.';
    expect(thrown(() => sh.getRange('A1').setValue(big))).toBe(msg);
    expect(thrown(() => sh.appendRow(['ok', big]))).toBe(msg);
    expect(sh.getLastRow()).toBe(0); // nothing half-written
    sh.getRange('A1').setValue('x'.repeat(50_000));
    expect((sh.getRange('A1').getValue() as string).length).toBe(50_000);
  });

  // null / undefined / '' clear a cell (https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)).
  it('writing null or empty string clears a cell and its formula', () => {
    const { sh } = sheet();
    sh.getRange('A1:B1').setValues([['=1+1', 'x']]);
    sh.getRange('A1:B1').setValues([[null, '']]);
    expect(sh.getRange('A1:B1').getValues()).toEqual([['', '']]);
    expect(sh.getRange('A1:B1').getFormulas()).toEqual([['', '']]);
    expect(sh.getLastRow()).toBe(0);
  });
});

// Strings written by a script are parsed like input typed into Sheets in the en_US locale:
// "USER_ENTERED: The values will be parsed as if the user typed them into the UI"
// (https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption), which is what
// Range.setValue does with a string (https://developers.google.com/apps-script/reference/spreadsheet/range#setvaluevalue).
// Dates and times are serials counted from December 30, 1899, shown through number formats
// (https://developers.google.com/sheets/api/guides/formats). The formats given to an
// unformatted cell are assumptions listed in docs/local-runtime.md ("Values").
describe('Typed input (USER_ENTERED, en_US)', () => {
  const TZ = 'Asia/Shanghai';
  const wall = (d: unknown) => {
    expect(isDate(d)).toBe(true);
    return wallTime(d as Date, TZ);
  };

  // ValueInputOption USER_ENTERED + guides/formats: en_US dates are month first.
  it('US dates 3/15/2026, 03/15/2026, 3-15-2026 (and with a time) become Dates', () => {
    const { sh } = sheet(TZ);
    const r = sh.getRange('A1:E1');
    r.setValues([['3/15/2026', '03/15/2026', '3-15-2026', '3/15/2026 10:30', '3/15/2026 10:30:15 PM']]);
    const [[a, b, c, d, e]] = r.getValues();
    for (const v of [a, b, c]) expect((v as Date).toISOString()).toBe('2026-03-14T16:00:00.000Z');
    expect((d as Date).toISOString()).toBe('2026-03-15T02:30:00.000Z'); // 10:30 in Shanghai
    expect((e as Date).toISOString()).toBe('2026-03-15T14:30:15.000Z');
    expect(r.getDisplayValues()).toEqual([
      ['3/15/2026', '03/15/2026', '3-15-2026', '3/15/2026 10:30:00', '3/15/2026 10:30:15 PM'],
    ]);
    expect(r.getNumberFormats()).toEqual([
      ['M/d/yyyy', 'MM/dd/yyyy', 'M-d-yyyy', 'M/d/yyyy H:mm:ss', 'M/d/yyyy h:mm:ss am/pm'],
    ]);
  });

  // ValueInputOption USER_ENTERED: an impossible day is not a date, so it stays text.
  it('impossible dates such as 2/30/2026 and 13/1/2026 stay text', () => {
    const { sh } = sheet(TZ);
    sh.getRange('A1:C1').setValues([['2/30/2026', '13/1/2026', '2/29/2026']]);
    expect(sh.getRange('A1:C1').getValues()).toEqual([['2/30/2026', '13/1/2026', '2/29/2026']]);
  });

  // ValueInputOption USER_ENTERED: "1/2" typed in en_US is January 2 of the current year.
  it('two-part dates 3/15 and 1/2 are dates in the current year', () => {
    const now = new Date('2027-06-01T00:00:00Z');
    const jan2 = interpretInput('1/2', TZ, false, now);
    expect((jan2.value as Date).toISOString()).toBe('2027-01-01T16:00:00.000Z');
    expect(jan2.format).toBe('M/d');
    expect(interpretInput('2/29', TZ, false, now).value).toBe('2/29'); // 2027 is no leap year
    expect(interpretInput('2/29', TZ, false, new Date('2028-06-01T00:00:00Z')).format).toBe('M/d');
    const { sh } = sheet(TZ);
    sh.getRange('A1:B1').setValues([['3/15', '1/2']]);
    const [[m, j]] = sh.getRange('A1:B1').getValues();
    expect(wall(m)).toMatchObject({ year: wallTime(new Date(), TZ).year, month: 3, day: 15, hour: 0 });
    expect(wall(j)).toMatchObject({ month: 1, day: 2 });
    expect(sh.getRange('A1:B1').getDisplayValues()).toEqual([['3/15', '1/2']]);
  });

  // ValueInputOption USER_ENTERED + guides/formats (mmm / mmmm month names).
  it('month-name dates: Mar 15, 2026 / March 15 2026 / 15 Mar 2026 / 15-Mar-2026 / Mar 15', () => {
    const { sh } = sheet(TZ);
    const r = sh.getRange('A1:E1');
    r.setValues([['Mar 15, 2026', 'March 15 2026', '15 Mar 2026', '15-Mar-2026', 'Mar 15']]);
    const vals = r.getValues()[0];
    for (const v of vals.slice(0, 4)) expect((v as Date).toISOString()).toBe('2026-03-14T16:00:00.000Z');
    expect(wall(vals[4])).toMatchObject({ year: wallTime(new Date(), TZ).year, month: 3, day: 15 });
    expect(r.getDisplayValues()).toEqual([
      ['Mar 15, 2026', 'March 15 2026', '15 Mar 2026', '15-Mar-2026', 'Mar 15'],
    ]);
    expect(r.getNumberFormats()).toEqual([
      ['mmm d, yyyy', 'mmmm d yyyy', 'd mmm yyyy', 'd-mmm-yyyy', 'mmm d'],
    ]);
    const now = new Date('2027-06-01T00:00:00Z');
    expect((interpretInput('Mar 15', TZ, false, now).value as Date).toISOString()).toBe(
      '2027-03-14T16:00:00.000Z',
    );
  });

  // guides/formats: "The fractional portion ... counts the time as a fraction of one day", so
  // a time alone is the serial 0.x — December 30, 1899 at that wall time in the spreadsheet's
  // zone (http://tmdean.blogspot.com/2015/06/ : "Google Sheets stores time internally relative
  // to an epoch of 30 Dec 1899 00:00:00 using the time zone set in the spreadsheet").
  it('times 10:30, 10:30:15, 9:05 AM, 10:30 pm become Dates on 1899-12-30', () => {
    const { sh } = sheet(TZ);
    const r = sh.getRange('A1:D1');
    r.setValues([['10:30', '10:30:15', '9:05 AM', '10:30 pm']]);
    const [[a, b, c, d]] = r.getValues();
    expect(wall(a)).toEqual({ year: 1899, month: 12, day: 30, hour: 10, minute: 30, second: 0 });
    expect(wall(b)).toMatchObject({ day: 30, hour: 10, minute: 30, second: 15 });
    expect(wall(c)).toMatchObject({ day: 30, hour: 9, minute: 5 });
    expect(wall(d)).toMatchObject({ day: 30, hour: 22, minute: 30 });
    expect(r.getNumberFormats()).toEqual([['h:mm', 'h:mm:ss', 'h:mm am/pm', 'h:mm am/pm']]);
    expect(r.getDisplayValues()).toEqual([['10:30', '10:30:15', '9:05 AM', '10:30 PM']]);
    sh.getRange('A2:C2').setValues([['25:00', '10:75', '13:00 PM']]);
    expect(sh.getRange('A2:C2').getValues()).toEqual([['25:00', '10:75', '13:00 PM']]);
  });

  // ValueInputOption USER_ENTERED + guides/formats ("$"#,##0.00 currency pattern): en_US
  // reads a dollar amount as a number; other currency symbols stay text (assumption).
  it('currency $5, $1,200.50, -$5, $-5 becomes a number formatted "$"#,##0.00', () => {
    const { sh } = sheet(TZ);
    const r = sh.getRange('A1:F1');
    r.setValues([['$5', '$1,200.50', '-$5', '$-5', '€5', '5 USD']]);
    expect(r.getValues()).toEqual([[5, 1200.5, -5, -5, '€5', '5 USD']]);
    expect(r.getNumberFormats()[0].slice(0, 4)).toEqual(Array(4).fill('"$"#,##0.00'));
    expect(r.getDisplayValues()[0].slice(0, 4)).toEqual(['$5.00', '$1,200.50', '-$5.00', '-$5.00']);
  });

  // ValueInputOption USER_ENTERED + guides/formats (? digit placeholder, fractions); the
  // accounting negative (5) is an assumption (docs/local-runtime.md).
  it('mixed fractions 1 1/2, accounting negatives (5) and 1.5E+3 become numbers', () => {
    const { sh } = sheet(TZ);
    const r = sh.getRange('A1:F1');
    r.setValues([['1 1/2', '-2 3/4', '(5)', '($1,200.50)', '1.5E+3', '1e5']]);
    expect(r.getValues()).toEqual([[1.5, -2.75, -5, -1200.5, 1500, 100000]]);
    // (5) gets no format: it reports live Apps Script's default (gas-fakes notes/oddities.md:364).
    expect(r.getNumberFormats()[0].slice(0, 4)).toEqual([
      '# ?/?',
      '# ?/?',
      '0.###############',
      '"$"#,##0.00',
    ]);
  });

  // ValueInputOption USER_ENTERED: an error literal typed into a cell is the error value;
  // Range.getValue returns it as its text (assumption: stored without a formula).
  it('error literal #N/A is stored as the error text, without a formula', () => {
    const { sh } = sheet(TZ);
    sh.getRange('A1:B1').setValues([['#N/A', '#DIV/0!']]);
    expect(sh.getRange('A1:B1').getValues()).toEqual([['#N/A', '#DIV/0!']]);
    expect(sh.getRange('A1:B1').getFormulas()).toEqual([['', '']]);
    expect(interpretInput('#N/A', TZ, false)).toEqual({ value: '#N/A', error: true });
  });

  // ValueInputOption USER_ENTERED: plain text stays text; + or - before text is a formula
  // (as in the test above); https://support.google.com/docs/answer/3094038 (apostrophe).
  it('plain text stays text; an apostrophe or the @ format protects every new shape', () => {
    const { sh } = sheet(TZ);
    const texts = ['20 tents', 'hello', 'S-0001', '3-15', 'Room 3 10:30', 'May'];
    sh.getRange(1, 1, 1, texts.length).setValues([texts]);
    expect(sh.getRange(1, 1, 1, texts.length).getValues()).toEqual([texts]);
    sh.getRange('A2').setValue('+86 138 0000 0000');
    expect(sh.getRange('A2').getFormulas()).toEqual([['=+86 138 0000 0000']]);
    const typed = ['3/15/2026', '1/2', 'Mar 15', '10:30', '$5', '1 1/2', '(5)', '#N/A'];
    sh.getRange(3, 1, 1, typed.length).setValues([typed.map((s) => `'${s}`)]);
    expect(sh.getRange(3, 1, 1, typed.length).getValues()).toEqual([typed]);
    const plain = sh.getRange(4, 1, 1, typed.length + 1);
    plain.setNumberFormat('@');
    plain.setValues([[...typed, "'1/2"]]);
    expect(plain.getValues()).toEqual([[...typed, "'1/2"]]);
  });
});
