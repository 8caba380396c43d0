/**
 * SpreadsheetApp, emulated — the names this module has always exported, re-exported from
 * the files that now hold them (see docs/local-runtime.md, "Layout"), for the code that
 * still imports it (xlsx.ts, files.ts, the workbench, tests, scripts). The runtime's own
 * files import those files directly, never this barrel, so it is part of no import cycle.
 */
export { GasError } from '../errors';
export {
  type CellValue,
  type ProtectionModel,
  SheetModel,
  SpreadsheetModel,
  type ValidationRule,
} from '../model/spreadsheet-model';
export { columnToLetters, lettersToColumn, parseA1 } from '../sheets/a1';
export { displayCell, formatDateCell, formatNumberCell } from '../sheets/formats';
export { DEFAULT_DATE_TIME_FORMAT, interpretInput } from '../sheets/typed-input';
export { LocalSpreadsheetApp } from './spreadsheet/app';
export { Protection } from './spreadsheet/protection';
export { Range } from './spreadsheet/range';
export { Sheet } from './spreadsheet/sheet';
export { Spreadsheet } from './spreadsheet/spreadsheet';
export { Menu, Ui } from './spreadsheet/ui';
export { DataValidation, DataValidationBuilder } from './spreadsheet/validation';
