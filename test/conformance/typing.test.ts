/**
 * Conformance: a person typing into a cell (src/local/typing.ts) — validation as Sheets
 * enforces it on typed input, then the onEdit simple trigger with the event object Apps
 * Script passes. The project here is a one-file script whose onEdit records its event.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalProject } from '../../src/local/runtime';
import { InputRejected, typeIntoCell, violates } from '../../src/local/typing';
import { run, SS_ID, thrown, workbook } from './fixture';

const dir = mkdtempSync(join(tmpdir(), 'od-typing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(
  join(dir, 'Code.js'),
  `function onEdit(e) {
  PropertiesService.getScriptProperties().setProperty('event', JSON.stringify({
    keys: Object.keys(e).sort(),
    a1: e.range.getSheet().getName() + '!' + e.range.getA1Notation(),
    source: e.source.getId(),
    value: e.value,
    oldValue: e.oldValue,
    hasOldValue: 'oldValue' in e,
    user: e.user.getEmail(),
    authMode: e.authMode,
    limited: e.authMode === ScriptApp.AuthMode.LIMITED,
    triggerUid: e.triggerUid
  }));
}
`,
);
const project = new LocalProject(dir);

function setup() {
  const { google, model } = workbook('Asia/Shanghai');
  const { g } = run(google);
  const sh = g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  const type = (a1: string, text: string | boolean, user = 'ana@example.edu') => {
    const r = sh.getRange(a1);
    return typeIntoCell(google, project, {
      spreadsheetId: SS_ID,
      sheet: 'Sheet1',
      row: r.getRow(),
      col: r.getColumn(),
      text,
      user,
    });
  };
  const event = () => JSON.parse(google.scriptProperties.get('event') ?? 'null');
  return { google, model, g, sh, type, event };
}

describe('typing into a cell', () => {
  // https://developers.google.com/apps-script/guides/triggers/events#edit — the Edit event:
  // authMode (LIMITED), oldValue ("Cell value prior to the edit, if any … undefined if the
  // cell had no previous content"), range, source, triggerUid, user, value.
  it('runs onEdit in AuthMode.LIMITED with the fields of the Edit event', () => {
    const { sh, type, event } = setup();
    sh.getRange('B2').setValue('before');
    const r = type('B2', 'after', 'bob@example.edu');
    expect(r.cell).toBe('B2');
    expect(r.onEdit?.error).toBeNull();
    expect(event()).toMatchObject({
      keys: ['authMode', 'oldValue', 'range', 'source', 'triggerUid', 'user', 'value'],
      a1: 'Sheet1!B2',
      source: SS_ID,
      value: 'after',
      oldValue: 'before',
      user: 'bob@example.edu',
      authMode: 'LIMITED',
      limited: true,
    });
    expect(sh.getRange('B2').getValue()).toBe('after');
  });

  // Same reference: oldValue is undefined when the cell had no previous content.
  it('leaves oldValue out when the cell was empty', () => {
    const { type, event } = setup();
    type('C3', '42');
    expect(event().hasOldValue).toBe(false);
    expect(event().value).toBe('42');
  });

  // Typed input is interpreted as Sheets interprets it (see values.test.ts): a number stays a number.
  it('writes the text as typed input', () => {
    const { sh, type } = setup();
    type('A1', '007');
    type('A2', "'007");
    expect(sh.getRange('A1').getValue()).toBe(7);
    expect(sh.getRange('A2').getValue()).toBe('007');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#setAllowInvalid(Boolean)
  // — "whether to show a warning when input fails data validation or whether to reject the
  // input entirely". Validation applies to what users type, not to what scripts write.
  it('rejects what a strict rule refuses, with Sheets’ message, and nothing runs', () => {
    const { g, sh, type, event } = setup();
    const app = g.SpreadsheetApp;
    sh.getRange('D1:D5').setDataValidation(
      app.newDataValidation().requireValueInList(['Open', 'Won']).setAllowInvalid(false).build(),
    );
    expect(thrown(() => type('D2', 'Maybe'))).toBe(
      'There was a problem: the data you entered in cell D2 violates the data validation rules set on this cell. Input must be an item on the specified list.',
    );
    try {
      type('D2', 'Maybe');
    } catch (e) {
      expect(e).toBeInstanceOf(InputRejected);
    }
    expect(sh.getRange('D2').getValue()).toBe('');
    expect(event()).toBeNull();
    type('D2', 'Won');
    expect(sh.getRange('D2').getValue()).toBe('Won');
    // A lenient rule ("Show a warning") accepts the value; a script's write is never checked.
    sh.getRange('E1').setDataValidation(app.newDataValidation().requireValueInList(['x']).build());
    type('E1', 'y');
    expect(sh.getRange('E1').getValue()).toBe('y');
    sh.getRange('D3').setValue('Scripted');
    expect(sh.getRange('D3').getValue()).toBe('Scripted');
  });

  // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-criteria
  // (the criteria). The messages are those Sheets shows in its "There was a problem" box; the
  // reference does not list them (not checked against live Sheets).
  it('checks each rule as Sheets does', () => {
    const rule = (criteria: string, args: unknown[] = []) => ({
      criteria,
      args,
      allowInvalid: false,
      helpText: '',
    });
    const tz = 'Asia/Shanghai';
    expect(violates(rule('CHECKBOX'), 'yes', tz)).toBe('Input must be a checkbox value (TRUE or FALSE).');
    expect(violates(rule('CHECKBOX'), true, tz)).toBeNull();
    expect(violates(rule('DATE_IS_VALID_DATE'), 'soon', tz)).toBe('Input must be a valid date.');
    expect(violates(rule('DATE_IS_VALID_DATE'), new Date(), tz)).toBeNull();
    expect(violates(rule('NUMBER_GREATER_THAN_OR_EQUAL_TO', [0]), -1, tz)).toBe(
      'Input must be a number greater than or equal to 0.',
    );
    expect(violates(rule('NUMBER_BETWEEN', [1, 5]), 6, tz)).toBe('Input must be between 1 and 5.');
    expect(violates(rule('TEXT_IS_VALID_EMAIL'), 'not-an-email', tz)).toBe(
      'Input must be a valid email address.',
    );
    expect(violates(rule('TEXT_IS_VALID_EMAIL'), 'a@b.org', tz)).toBeNull();
    // An empty cell passes every rule; a lenient rule passes everything.
    expect(violates(rule('CHECKBOX'), '', tz)).toBeNull();
    expect(violates({ ...rule('CHECKBOX'), allowInvalid: true }, 'yes', tz)).toBeNull();
  });
});
