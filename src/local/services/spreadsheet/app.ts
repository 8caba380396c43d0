/**
 * SpreadsheetApp, emulated: the service's entry points (the active spreadsheet, openById,
 * create, getUi, newDataValidation, flush) and its enums.
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app
 *
 * This file also wires the class family together (factory.ts): the classes make one
 * another through it and never import one another, so no two files import each other.
 * Each behaviour the add-on relies on has a conformance test citing the reference.
 */
import { GasError } from '../../errors';
import type { ServiceHost } from '../../host';
import { SpreadsheetModel } from '../../model/spreadsheet-model';
import { wire } from './factory';
import { Protection } from './protection';
import { Range } from './range';
import { Sheet } from './sheet';
import { Spreadsheet } from './spreadsheet';
import { Ui } from './ui';
import { DataValidation, DataValidationBuilder } from './validation';

wire({
  spreadsheet: (x, m) => x.wrap(new Spreadsheet(x, m), 'Spreadsheet'),
  sheet: (x, ss, s) => x.wrap(new Sheet(x, ss, s), 'Sheet'),
  range: (x, ss, s, r, c, nr, nc) => x.wrap(new Range(x, ss, s, r, c, nr, nc), 'Range'),
  protection: (x, ss, p) => x.wrap(new Protection(x, ss, p), 'Protection'),
  dataValidation: (x, rule) => x.wrap(new DataValidation(x, rule), 'DataValidation'),
});

export class LocalSpreadsheetApp {
  readonly DataValidationCriteria = {
    VALUE_IN_LIST: 'VALUE_IN_LIST',
    VALUE_IN_RANGE: 'VALUE_IN_RANGE',
    CHECKBOX: 'CHECKBOX',
    DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
    NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    NUMBER_BETWEEN: 'NUMBER_BETWEEN',
    TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
    CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  };
  readonly ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' };
  readonly Dimension = { ROWS: 'ROWS', COLUMNS: 'COLUMNS' };
  constructor(private readonly x: ServiceHost) {}

  getActiveSpreadsheet(): Spreadsheet | null {
    const id = this.x.spreadsheetId;
    if (!id) return null;
    return this.openById(id);
  }
  getActive(): Spreadsheet | null {
    return this.getActiveSpreadsheet();
  }
  openById(id: string): Spreadsheet {
    const m = this.x.google.spreadsheets.get(id);
    if (!m)
      throw new GasError(
        `Unexpected error while getting the method or property openById on object SpreadsheetApp.`,
      );
    return this.x.wrap(new Spreadsheet(this.x, m), 'Spreadsheet');
  }
  create(name: string, rows = 1000, columns = 26): Spreadsheet {
    const m = new SpreadsheetModel(this.x.google.newId('ss'), name, this.x.google.scriptTimeZone);
    m.owner = this.x.user.toLowerCase() || null; // the creator owns a new spreadsheet
    const s = m.addSheet('Sheet1');
    s.maxRows = rows;
    s.maxColumns = columns;
    this.x.google.spreadsheets.set(m.id, m);
    return this.x.wrap(new Spreadsheet(this.x, m), 'Spreadsheet');
  }
  getUi(): Ui {
    // Time-driven (and other installable) trigger runs have no user interface to show.
    if (this.x.trigger) {
      throw new GasError('Cannot call SpreadsheetApp.getUi() from this context.');
    }
    return this.x.wrap(new Ui(this.x), 'Ui');
  }
  newDataValidation(): DataValidationBuilder {
    return this.x.wrap(new DataValidationBuilder(this.x), 'DataValidationBuilder');
  }
  flush(): void {}
}
