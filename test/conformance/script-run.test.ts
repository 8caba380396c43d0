/**
 * Conformance: the rules of google.script.run (src/local/script-run.ts), which the
 * workbench's sidebar bridge and bundle tests share.
 * https://developers.google.com/apps-script/guides/html/reference/run — parameters: "Most
 * types are legal, but not Date, Function, or DOM element besides form"; "Legal parameters
 * are JavaScript primitives … as well as JavaScript objects and arrays that are composed of
 * primitives, objects, and arrays. A form element within the page is also legal as a
 * parameter, but it must be the function's only parameter. Requests fail if you attempt to
 * pass a Date, Function, DOM element besides a form, or other prohibited type, including
 * prohibited types inside objects or arrays. Objects that create circular references will
 * also fail, and undefined fields within arrays become null."
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalProject } from '../../src/local/runtime';
import { callArguments, callResult, formFields, scriptRun } from '../../src/local/script-run';
import { SS_ID, workbook } from './fixture';

const dir = mkdtempSync(join(tmpdir(), 'od-script-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(
  join(dir, 'Code.js'),
  `function echo(x) { return { got: x, user: Session.getActiveUser().getEmail() }; }
function today() { return { when: new Date(0) }; }
function nothing() {}
function boom() { SpreadsheetApp.openById('no-such-id'); }
`,
);
const project = new LocalProject(dir);

describe('google.script.run parameters', () => {
  it('primitives, objects and arrays pass, as a copy; undefined in arrays becomes null', () => {
    const arg = { a: 1, b: 'x', c: [true, null, undefined], d: { e: 2 } };
    const r = callArguments([arg, 5]);
    expect(r).toEqual({ args: [{ a: 1, b: 'x', c: [true, null, null], d: { e: 2 } }, 5] });
    expect((r as { args: unknown[] }).args[0]).not.toBe(arg);
  });

  it('a Date, a function, a non-plain object or a circular structure fails, also nested', () => {
    const fail = (args: unknown[]) => (callArguments(args) as { error?: string }).error;
    expect(fail([new Date()])).toBe('Failed due to illegal value: an argument is a Date.');
    expect(fail([{ when: [new Date()] }])).toBe('Failed due to illegal value: an argument is a Date.');
    expect(fail([() => 1])).toBe('Failed due to illegal value: an argument is a function.');
    expect(fail([new Map()])).toBe('Failed due to illegal value: an argument is not a plain object.');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(fail([loop])).toBe('Failed due to illegal value: an argument is a circular reference.');
  });

  it('a form as the only parameter is sent as its fields', () => {
    const form = {
      elements: [
        { name: 'name', disabled: false, type: 'text', value: 'Ana' },
        { name: 'news', disabled: false, type: 'checkbox', checked: false, value: 'on' },
        { name: 'role', disabled: false, type: 'radio', checked: true, value: 'Officer' },
        { name: 'off', disabled: true, type: 'text', value: 'x' },
        { name: '', disabled: false, type: 'submit', value: 'Save' },
      ],
    };
    expect(formFields(form)).toEqual({ name: 'Ana', role: 'Officer' });
    const isForm = (v: unknown): v is typeof form => v === form;
    expect(callArguments([form], isForm)).toEqual({ args: [{ name: 'Ana', role: 'Officer' }] });
  });
});

// Same reference, withSuccessHandler: the server function's return value is passed to the
// handler. Here a return value with a Date or a function fails the call (docs/workbench.md).
describe('google.script.run return values', () => {
  it('reach the success handler as a copy; undefined becomes null; a Date fails', () => {
    expect(callResult('f', undefined)).toEqual({ ok: true, value: null });
    expect(callResult('f', { a: [1, undefined] })).toEqual({ ok: true, value: { a: [1, null] } });
    expect(callResult('f', { when: new Date(0) })).toEqual({
      ok: false,
      error:
        "Failed due to illegal value returned by f: value.when is a Date (google.script.run can't return it).",
    });
  });

  it('scriptRun runs a function as a sidebar call would: FULL, its user, rules both ways', () => {
    const { google } = workbook();
    const opts = { spreadsheetId: SS_ID, user: 'ana@example.edu' };
    expect(scriptRun(project, google, 'echo', [{ n: 1, list: [undefined] }], opts)).toEqual({
      ok: true,
      value: { got: { n: 1, list: [null] }, user: 'ana@example.edu' },
    });
    expect(scriptRun(project, google, 'echo', [new Date()], opts)).toEqual({
      ok: false,
      error: 'Failed due to illegal value: an argument is a Date.',
    });
    expect(scriptRun(project, google, 'nothing', [], opts)).toEqual({ ok: true, value: null });
    expect(scriptRun(project, google, 'today', [], opts)).toMatchObject({ ok: false });
    const boom = scriptRun(project, google, 'boom', [], opts);
    expect(boom.ok).toBe(false);
    expect((boom as { error: string }).error).toMatch(/^Exception: /);
  });
});
