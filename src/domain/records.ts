/**
 * Rows ⇄ records. A sheet is read as a 2-D array (`getValues`), mapped to fields by header
 * text (records/headers.ts), parsed into typed records (records/parse.ts); a form's input is
 * validated into cell values (records/input.ts); a cell is shown in a form as text
 * (records/form.ts); IDs are numbered (records/ids.ts). Pure functions, no Apps Script globals.
 */
export * from './records/form';
export * from './records/headers';
export * from './records/ids';
export * from './records/input';
export * from './records/parse';
export * from './records/types';
