/**
 * The semester report: workbook records + settings + report date → the report's figures
 * (report/figures.ts) and its document model (report/document.ts), from what they are made
 * of (report/input.ts). Pure. This file only gathers their exports, so importers keep one path.
 */
export { buildReport, CHART_PX } from './report/document';
export {
  computeReport,
  followUpCutoff,
  type MoneyRow,
  OUTSIDE_TYPES,
  type ReportFigures,
} from './report/figures';
export {
  dayOfField,
  list,
  memberNames,
  num,
  ReportError,
  type ReportInput,
  str,
  type WorkbookRecords,
} from './report/input';
