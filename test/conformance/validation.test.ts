/**
 * Conformance: data validation rules built with SpreadsheetApp.newDataValidation() and read
 * back from ranges.
 */
import { describe, expect, it } from 'vitest';
import { sheet } from './fixture';

describe('Data validation', () => {
  // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireValueInList(String,Boolean)
  // and https://developers.google.com/apps-script/reference/spreadsheet/data-validation#getCriteriaValues()
  // — VALUE_IN_LIST's criteria values are [list, showDropdown].
  it('requireValueInList keeps the list and the dropdown flag', () => {
    const { sh, g } = sheet();
    const app = g.SpreadsheetApp;
    sh.getRange('A2:A10').setDataValidation(
      app.newDataValidation().requireValueInList(['Open', 'Won']).build(),
    );
    sh.getRange('B2:B10').setDataValidation(
      app.newDataValidation().requireValueInList(['x', 'y'], false).build(),
    );
    const a = sh.getRange('A5').getDataValidation();
    expect(a.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(a.getCriteriaValues()).toEqual([['Open', 'Won'], true]);
    expect(sh.getRange('B3').getDataValidation().getCriteriaValues()).toEqual([['x', 'y'], false]);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireCheckbox()
  it('requireCheckbox is CHECKBOX with no criteria values', () => {
    const { sh, g } = sheet();
    sh.getRange('C2').setDataValidation(g.SpreadsheetApp.newDataValidation().requireCheckbox().build());
    const v = sh.getRange('C2').getDataValidation();
    expect(v.getCriteriaType()).toBe('CHECKBOX');
    expect(v.getCriteriaValues()).toEqual([]);
    // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireCheckbox(Object,Object)
    const yn = g.SpreadsheetApp.newDataValidation().requireCheckbox('Yes', 'No').build();
    expect(yn.getCriteriaValues()).toEqual(['Yes', 'No']);
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setAllowInvalid(Boolean)
  // "The default for a new data validation rule is true."
  it('setAllowInvalid defaults to true and can reject input', () => {
    const { sh, g } = sheet();
    const b = g.SpreadsheetApp.newDataValidation().requireValueInList(['a']);
    expect(b.build().getAllowInvalid()).toBe(true);
    sh.getRange('A1').setDataValidation(b.setAllowInvalid(false).setHelpText('Pick a').build());
    const v = sh.getRange('A1').getDataValidation();
    expect(v.getAllowInvalid()).toBe(false);
    expect(v.getHelpText()).toBe('Pick a');
    // https://developers.google.com/apps-script/reference/spreadsheet/data-validation#getHelpText()
    // "Gets the rule's help text, or null if no help text is set."
    expect(b.setHelpText('').build().getHelpText()).toBeNull();
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/range#getDataValidations()
  // "...a two-dimensional array ... If a cell has no data validation rule, null is returned in
  // the corresponding position."
  it('getDataValidations has the range shape with null where there is no rule', () => {
    const { sh, g } = sheet();
    sh.getRange('B1:B2').setDataValidation(g.SpreadsheetApp.newDataValidation().requireCheckbox().build());
    const grid = sh.getRange('A1:B3').getDataValidations();
    expect(grid.length).toBe(3);
    expect(grid.every((row: unknown[]) => row.length === 2)).toBe(true);
    expect(grid.map((row: any[]) => row.map((v) => v?.getCriteriaType() ?? null))).toEqual([
      [null, 'CHECKBOX'],
      [null, 'CHECKBOX'],
      [null, null],
    ]);
    // https://developers.google.com/apps-script/reference/spreadsheet/range#getDataValidation()
    expect(sh.getRange('A1').getDataValidation()).toBeNull();
  });

  // setDataValidation(null) removes the rule:
  // https://developers.google.com/apps-script/reference/spreadsheet/range#setDataValidation(DataValidation)
  it('setDataValidation(null) clears the rule', () => {
    const { sh, g } = sheet();
    sh.getRange('A1:A5').setDataValidation(g.SpreadsheetApp.newDataValidation().requireCheckbox().build());
    sh.getRange('A1:A5').setDataValidation(null);
    expect(sh.getRange('A3').getDataValidation()).toBeNull();
  });

  // Validation governs what users type: DataValidationBuilder.setAllowInvalid "Sets whether to
  // show a warning when input fails data validation or whether to reject the input entirely"
  // (https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setAllowInvalid(Boolean)).
  // The reference does not say what a script's setValue does with a rejected value; that it is
  // stored regardless is an assumption (docs/local-runtime.md). The add-on validates its own writes.
  it('a rule rejecting invalid input does not stop a script writing a value', () => {
    const { sh, g } = sheet();
    const rule = g.SpreadsheetApp.newDataValidation()
      .requireValueInList(['a', 'b'])
      .setAllowInvalid(false)
      .build();
    sh.getRange('A1').setDataValidation(rule);
    sh.getRange('A1').setValue('zzz');
    expect(sh.getRange('A1').getValue()).toBe('zzz');
  });
});
