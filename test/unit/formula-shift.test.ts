/**
 * The local runtime's formula filling (src/local/sheets/formula-shift.ts): what setFormula on
 * a range writes in each cell. The =A1 case is live behaviour (gas-fakes test/testsheets.js:2184,
 * probe setFormulaAdjustsRelativeReferences); the rest are the assumptions listed in
 * docs/local-runtime.md.
 */
import { describe, expect, it } from 'vitest';
import { shiftFormula } from '../../src/local/sheets/formula-shift';

describe('shiftFormula', () => {
  it('moves relative references by the cell offset and keeps $-fixed parts', () => {
    expect(shiftFormula('=A1', 0, 1)).toBe('=B1');
    expect(shiftFormula('=A1', 1, 1)).toBe('=B2');
    expect(shiftFormula('=SUM(A1:B2)*$C$1', 1, 0)).toBe('=SUM(A2:B3)*$C$1');
    expect(shiftFormula('=A$1+$A1', 2, 2)).toBe('=C$1+$A3');
    expect(shiftFormula('=Z1', 0, 1)).toBe('=AA1');
  });

  it('leaves text, function names and the top-left cell alone', () => {
    expect(shiftFormula('=A1&"A1"', 1, 0)).toBe('=A2&"A1"');
    expect(shiftFormula('=LOG10(A1)', 1, 0)).toBe('=LOG10(A2)');
    expect(shiftFormula("='Q1 A1'!A1", 0, 1)).toBe("='Q1 A1'!B1");
    expect(shiftFormula('=Sheet1!A1+TODAY()', 0, 1)).toBe('=Sheet1!B1+TODAY()');
    expect(shiftFormula('=A1', 0, 0)).toBe('=A1');
    expect(shiftFormula('A1', 1, 1)).toBe('A1'); // not a formula
  });

  it('a reference moved off the sheet is #REF!', () => {
    expect(shiftFormula('=A1', -1, 0)).toBe('=#REF!');
  });
});
