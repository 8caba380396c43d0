/**
 * The rules of `google.script.run`: what a sidebar or dialog may send to a server function
 * and what comes back
 * (https://developers.google.com/apps-script/guides/html/reference/run):
 *
 *  - Parameters may be primitives (number, boolean, string, null) and objects and arrays made
 *    of them. A Date, a function, a DOM element other than a form, any other non-plain object
 *    and a circular structure fail the request ("illegal value"), also inside objects and
 *    arrays. A form element is legal as the only parameter and is sent as its fields
 *    (name → value). The server receives a copy: undefined fields within arrays become null.
 *  - A return value reaches the success handler as a copy (JSON): `undefined` becomes null,
 *    objects are copied by their own fields. One with a Date or a function inside fails the
 *    call here (see docs/workbench.md, "How google.script.run is bridged").
 *
 * No Node imports: the workbench's bridge (workbench/bridge.ts) is bundled from this file
 * for the browser, and bundle tests call `scriptRun` to run a function as a sidebar would.
 */
import type { LocalGoogle } from './backend';
import type { ExecutionOptions } from './execution';
import type { LocalProject } from './runtime';

/**
 * What makes `v` illegal for google.script.run: where and what, or null when it is legal.
 * `plainOnly` (parameters) refuses objects that are neither arrays nor object literals (a
 * DOM element, a Map, a class instance); a return value's objects are copied by their own
 * fields instead.
 */
export function illegalPart(
  v: unknown,
  plainOnly = true,
  path = 'value',
  seen = new Set<unknown>(),
): { path: string; what: string } | null {
  if (v === null || v === undefined) return null;
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return null;
  if (t === 'function') return { path, what: 'a function' };
  if (isDate(v)) return { path, what: 'a Date' };
  if (t !== 'object') return { path, what: `a ${t}` };
  if (plainOnly && !Array.isArray(v) && !isPlainObject(v)) return { path, what: 'not a plain object' };
  if (seen.has(v)) return { path, what: 'a circular reference' };
  seen.add(v);
  for (const [k, x] of Object.entries(v as object)) {
    const bad = illegalPart(x, plainOnly, `${path}.${k}`, seen);
    if (bad) return bad;
  }
  seen.delete(v);
  return null;
}

/** A Date of any realm (the bundle's own, a frame's). Not domain/dates' isDate: the bridge stays small. */
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/**
 * An object literal's kind (`{…}`, `Object.create(null)`), in any realm: the bundle's
 * return values come from its own vm context, where Object.prototype is another object.
 */
function isPlainObject(v: unknown): boolean {
  if (Object.prototype.toString.call(v) !== '[object Object]') return false;
  const proto = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** The copy a value becomes on its way (JSON): undefined → null, undefined in arrays → null. */
export const transferred = (v: unknown): unknown => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

/** A form control, as far as sending a form needs it (HTMLInputElement, HTMLSelectElement…). */
export interface FormControl {
  name: string;
  disabled: boolean;
  type: string;
  checked?: boolean;
  value: string;
}

/**
 * A form sent as the only parameter: its named, enabled fields, name → value; unchecked
 * checkboxes and radio buttons are left out.
 */
export function formFields(form: { elements: ArrayLike<unknown> }): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const el of Array.from(form.elements) as FormControl[]) {
    if (!el.name || el.disabled) continue;
    if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) continue;
    fields[el.name] = el.value;
  }
  return fields;
}

const noForm = (_v: unknown): _v is { elements: ArrayLike<unknown> } => false;

/**
 * The arguments of a call as the server receives them, or the failure the call ends in.
 * `isForm` tells a form element (the browser's `instanceof HTMLFormElement`).
 */
export function callArguments(
  args: unknown[],
  isForm: (v: unknown) => v is { elements: ArrayLike<unknown> } = noForm,
): { args: unknown[] } | { error: string } {
  const sent = args.length === 1 && isForm(args[0]) ? [formFields(args[0])] : args;
  const bad = illegalPart(sent);
  if (bad) return { error: `Failed due to illegal value: an argument is ${bad.what}.` };
  return { args: transferred(sent) as unknown[] };
}

/** What the success handler receives from `fn`'s return value, or the failure instead. */
export function callResult(
  fn: string,
  value: unknown,
): { ok: true; value: unknown } | { ok: false; error: string } {
  const bad = illegalPart(value, false);
  if (bad)
    return {
      ok: false,
      error: `Failed due to illegal value returned by ${fn}: ${bad.path} is ${bad.what} (google.script.run can't return it).`,
    };
  return { ok: true, value: transferred(value) };
}

/** The message a failure handler's Error carries for an exception: "Exception: …" for service errors. */
export function failureMessage(e: unknown): string {
  if (e && typeof e === 'object' && typeof (e as Error).message === 'string') {
    const err = e as Error;
    return err.name === 'Exception' ? `Exception: ${err.message}` : err.message;
  }
  return String(e);
}

export type ScriptRunReply = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * `google.script.run.fn(...args)` from a sidebar: the arguments checked and copied, `fn` run
 * as a new execution (AuthMode.FULL unless told), its return value checked and copied, an
 * exception as the failure handler would see it.
 */
export function scriptRun(
  project: LocalProject,
  google: LocalGoogle,
  fn: string,
  args: unknown[] = [],
  opts: ExecutionOptions = {},
): ScriptRunReply {
  const sent = callArguments(args);
  if ('error' in sent) return { ok: false, error: sent.error };
  try {
    const r = project.run(google, fn, sent.args, { authMode: 'FULL', ...opts });
    return callResult(fn, r.value);
  } catch (e) {
    return { ok: false, error: failureMessage(e) };
  }
}
