/**
 * Shared set-up for the conformance suite: a local Google with one spreadsheet, and
 * executions over it whose globals are what the add-on's code sees.
 */
import { LocalGoogle } from '../../src/local/backend';
import { Execution, type ExecutionOptions } from '../../src/local/execution';
import { SpreadsheetModel } from '../../src/local/services/spreadsheet';

export const SS_ID = 'ss-conformance';

export function workbook(timeZone = 'Asia/Shanghai'): { google: LocalGoogle; model: SpreadsheetModel } {
  const google = new LocalGoogle();
  const model = new SpreadsheetModel(SS_ID, 'Conformance', timeZone);
  model.addSheet('Sheet1');
  google.spreadsheets.set(SS_ID, model);
  return { google, model };
}

/** A new execution over `google` with the active spreadsheet; `g` is its globals. */
export function run(google: LocalGoogle, opts: ExecutionOptions = {}): { x: Execution; g: any } {
  const x = new Execution(google, { spreadsheetId: SS_ID, ...opts });
  return { x, g: x.globals as any };
}

/** The first sheet of the active spreadsheet, in a fresh workbook. */
export function sheet(timeZone?: string): { google: LocalGoogle; x: Execution; g: any; sh: any } {
  const { google } = workbook(timeZone);
  const { x, g } = run(google);
  const sh = g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  return { google, x, g, sh };
}

/** The message of what `f` throws (fails the test if it doesn't throw). */
export function thrown(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected an exception, none was thrown');
}
