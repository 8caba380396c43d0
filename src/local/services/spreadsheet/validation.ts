/**
 * Data validation: DataValidationBuilder (SpreadsheetApp.newDataValidation()) and the
 * DataValidation rules it builds, which Range.setDataValidation(s) stores.
 * https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder
 * https://developers.google.com/apps-script/reference/spreadsheet/data-validation
 */
import { GasError } from '../../errors';
import type { ServiceHost } from '../../host';
import type { ValidationRule } from '../../model/spreadsheet-model';
import type { DataValidationApi, DataValidationBuilderApi } from './types';

export class DataValidationBuilder implements DataValidationBuilderApi {
  private rule: ValidationRule = { criteria: '', args: [], allowInvalid: true, helpText: '' };
  constructor(private readonly x: ServiceHost) {}
  requireValueInList(values: string[], showDropdown = true): DataValidationBuilder {
    this.rule.criteria = 'VALUE_IN_LIST';
    this.rule.args = [[...values].map(String), showDropdown];
    return this;
  }
  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): DataValidationBuilder {
    this.rule.criteria = 'CHECKBOX';
    this.rule.args = [checkedValue, uncheckedValue].filter((v) => v !== undefined);
    return this;
  }
  requireDate(): DataValidationBuilder {
    this.rule.criteria = 'DATE_IS_VALID_DATE';
    this.rule.args = [];
    return this;
  }
  requireNumberGreaterThanOrEqualTo(n: number): DataValidationBuilder {
    this.rule.criteria = 'NUMBER_GREATER_THAN_OR_EQUAL_TO';
    this.rule.args = [n];
    return this;
  }
  requireNumberBetween(a: number, b: number): DataValidationBuilder {
    this.rule.criteria = 'NUMBER_BETWEEN';
    this.rule.args = [a, b];
    return this;
  }
  requireTextIsEmail(): DataValidationBuilder {
    this.rule.criteria = 'TEXT_IS_VALID_EMAIL';
    this.rule.args = [];
    return this;
  }
  setAllowInvalid(allow: boolean): DataValidationBuilder {
    this.rule.allowInvalid = !!allow;
    return this;
  }
  setHelpText(text: string): DataValidationBuilder {
    this.rule.helpText = String(text);
    return this;
  }
  build(): DataValidation {
    if (!this.rule.criteria) throw new GasError('You must specify a criteria for the data validation rule.');
    return this.x.wrap(
      new DataValidation(this.x, { ...this.rule, args: [...this.rule.args] }),
      'DataValidation',
    );
  }
}

export class DataValidation implements DataValidationApi {
  constructor(
    private readonly x: ServiceHost,
    readonly _rule: ValidationRule,
  ) {}
  getCriteriaType(): string {
    return this._rule.criteria;
  }
  getCriteriaValues(): unknown[] {
    return this._rule.args.map((a) => (Array.isArray(a) ? [...a] : a));
  }
  getAllowInvalid(): boolean {
    return this._rule.allowInvalid;
  }
  /** The help text, or null when none is set (as Apps Script returns). */
  getHelpText(): string | null {
    return this._rule.helpText || null;
  }
  copy(): DataValidationBuilder {
    const b = new DataValidationBuilder(this.x);
    (b as any).rule = { ...this._rule, args: [...this._rule.args] };
    return this.x.wrap(b, 'DataValidationBuilder');
  }
}
