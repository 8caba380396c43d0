/**
 * How the SpreadsheetApp classes make one another without importing one another: a
 * Sheet's getRange() makes a Range, a Range's getSheet() makes a Sheet, a Protection's
 * getRange() a Range… Each class file asks `make()` for the object it needs; app.ts, which
 * imports every class, supplies the makers once (`wire`) when it is loaded. Every object
 * made is wrapped so its calls are counted under its class name (`x.wrap`).
 */
import type { ServiceHost } from '../../host';
import type {
  ProtectionModel,
  SheetModel,
  SpreadsheetModel,
  ValidationRule,
} from '../../model/spreadsheet-model';
import type { DataValidationApi, ProtectionApi, RangeApi, SheetApi, SpreadsheetApi } from './types';

export interface SpreadsheetMakers {
  spreadsheet(x: ServiceHost, m: SpreadsheetModel): SpreadsheetApi;
  sheet(x: ServiceHost, ss: SpreadsheetModel, s: SheetModel): SheetApi;
  range(
    x: ServiceHost,
    ss: SpreadsheetModel,
    s: SheetModel,
    r: number,
    c: number,
    nr: number,
    nc: number,
  ): RangeApi;
  protection(x: ServiceHost, ss: SpreadsheetModel, p: ProtectionModel): ProtectionApi;
  dataValidation(x: ServiceHost, rule: ValidationRule): DataValidationApi;
}

let makers: SpreadsheetMakers | null = null;

/** Supplies the makers (app.ts, once). */
export function wire(m: SpreadsheetMakers): void {
  makers = m;
}

/** The makers; app.ts must have been loaded (it is whenever SpreadsheetApp is). */
export function make(): SpreadsheetMakers {
  if (!makers) throw new Error('SpreadsheetApp classes are not wired: import services/spreadsheet/app.ts');
  return makers;
}
