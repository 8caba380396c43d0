/**
 * The local workbench: the built add-on (appsscript/) running against a workbook kept in an
 * .xlsx file, with a browser page that plays the part of Google Sheets — sheet tabs and a
 * grid, the add-on menu, alerts and toasts, sidebars and dialogs (with a google.script.run
 * bridge), the user and the clock, the mail outbox, generated documents and triggers.
 *
 * Every menu click, sidebar call and trigger run is a new execution of the bundle
 * (LocalProject.run), as in Apps Script, and reports its service-call count. The workbook
 * is written back to the .xlsx after each execution that changed it.
 *
 * The server listens on 127.0.0.1 only, answers only requests addressed to that host, and
 * takes state-changing requests only as JSON POSTs (so other web pages can't drive it).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { dayOf, instantOf, isDate, parseDayText, parseTimeText, wallTime } from '../../domain/dates';
import { parseTable } from '../../domain/records';
import { MEMBERS } from '../../domain/schema';
import { LocalGoogle, type UiEvent } from '../backend';
import { CallCounter } from '../counter';
import { Execution } from '../execution';
import {
  copyPath,
  type FileLock,
  foreignMessage,
  ioReason,
  keepBackup,
  lockWorkbook,
  readWorkbookFile,
  WorkbookFileError,
  writeFileAtomic,
} from '../files';
import { LocalProject } from '../runtime';
import { buildSample } from '../sample';
import {
  type CellValue,
  columnToLetters,
  interpretInput,
  type SpreadsheetModel,
  type ValidationRule,
} from '../services/spreadsheet';
import { runDueTriggers } from '../triggers';
import { writeXlsxBuffer } from '../xlsx';
import { documentDownload, documentHtml, listDocuments, listDocumentsAsync } from './documents';

const here = dirname(fileURLToPath(import.meta.url));

export interface WorkbenchOptions {
  /** Port to listen on; 0 picks a free one. */
  port?: number;
  host?: string;
  /**
   * The .xlsx the workbook is kept in; created from the sample when missing. A file that is
   * not an Outreach Desk workbook is refused (WorkbookFileError) unless `copy` is set.
   */
  workbookPath: string;
  /**
   * Work in a copy, `<name>.outreach.xlsx` next to the file (continued when it exists);
   * the file itself is never written. The copy is written at the first change.
   */
  copy?: boolean;
  /** For tests: replaces the atomic write of the workbook file (to inject failures). */
  writeFile?: (path: string, data: Buffer) => Promise<void>;
  /** The built Apps Script project (appsscript/ after scripts/build.ts). */
  projectDir: string;
  /** Time zone for .xlsx files that don't record one (e.g. exported from Google Sheets). */
  timeZone?: string;
  /** Where to log executions (default: nowhere). */
  log?: (line: string) => void;
}

/** Where the workbook stands on disk. */
export interface SaveStatus {
  /** The file the workbench writes (the copy when working in one). */
  file: string;
  /** The file opened, when the workbench works in a copy of it. */
  copyOf: string | null;
  /** Changes not yet written to `file`. */
  unsaved: boolean;
  /** "Not saved to <file>: <reason>" while the last write failed. */
  error: string | null;
  /** The backup kept before this session's first write. */
  backup: string | null;
}

export interface CloseResult {
  /** Everything is in `file`. */
  saved: boolean;
  file: string;
  error?: string;
  /** Where unsaved changes were written instead, when `file` could not be. */
  rescued?: string;
}

export interface Workbench {
  url: string;
  google: LocalGoogle;
  /** The file written, whether it is behind, and the last write error. */
  readonly saveStatus: SaveStatus;
  /** The active spreadsheet's id. */
  readonly spreadsheetId: string;
  /** The current user executions run as. */
  readonly user: string;
  /** Stops the server, writes what is unsaved (elsewhere if it must) and releases the lock. */
  close(): Promise<CloseResult>;
}

export interface ExecutionReport {
  seq: number;
  fn: string;
  kind: 'menu' | 'run' | 'trigger' | 'open' | 'edit';
  user: string;
  at: string;
  ms: number;
  calls: number;
  byMethod: [string, number][];
  ok: boolean;
  error?: string;
  mails: number;
  saved: boolean;
}

/** What /api/run and /api/menu answer (the page's types too). */
export interface RunReply {
  ok: boolean;
  value?: unknown;
  error?: string;
  report: ExecutionReport;
  ui: { kind: UiEvent['kind']; title: string; message: string; html?: string }[];
  /** The execution's changes are in the workbench but not in the file: "Not saved to …: …". */
  saveError?: string;
}

/** What google.script.run may carry: no Dates, functions or other objects that aren't plain. */
function illegalValue(v: unknown, path = 'value', seen = new Set<unknown>()): string | null {
  if (v === null || v === undefined) return null;
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'boolean') return null;
  if (t === 'function') return `${path} is a function`;
  if (isDate(v)) return `${path} is a Date`;
  if (t !== 'object') return `${path} is a ${t}`;
  if (seen.has(v)) return `${path} is a circular reference`;
  seen.add(v);
  for (const [k, x] of Object.entries(v as object)) {
    const bad = illegalValue(x, `${path}.${k}`, seen);
    if (bad) return bad;
  }
  seen.delete(v);
  return null;
}

function errorText(e: unknown): string {
  if (e && typeof e === 'object' && typeof (e as Error).message === 'string') {
    const err = e as Error;
    return err.name === 'Exception' ? `Exception: ${err.message}` : err.message;
  }
  return String(e);
}

const jsonSafe = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));

/** Does `value` pass the cell's validation rule? Returns the message Sheets shows when not. */
export function violates(rule: ValidationRule | null, value: CellValue, tz: string): string | null {
  if (!rule || rule.allowInvalid || value === '') return null;
  const text = isDate(value) ? dayOf(value, tz) : String(value);
  switch (rule.criteria) {
    case 'VALUE_IN_LIST': {
      const list = (Array.isArray(rule.args[0]) ? rule.args[0] : []).map(String);
      return list.includes(text) ? null : 'Input must be an item on the specified list.';
    }
    case 'CHECKBOX':
      return typeof value === 'boolean' ? null : 'Input must be a checkbox value (TRUE or FALSE).';
    case 'DATE_IS_VALID_DATE':
      return isDate(value) ? null : 'Input must be a valid date.';
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return typeof value === 'number' && value >= Number(rule.args[0])
        ? null
        : `Input must be a number greater than or equal to ${rule.args[0]}.`;
    case 'NUMBER_BETWEEN':
      return typeof value === 'number' && value >= Number(rule.args[0]) && value <= Number(rule.args[1])
        ? null
        : `Input must be between ${rule.args[0]} and ${rule.args[1]}.`;
    case 'TEXT_IS_VALID_EMAIL':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) ? null : 'Input must be a valid email address.';
    default:
      return null;
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function pageHtml(): Promise<string> {
  const html = readFileSync(join(here, 'page.html'), 'utf8');
  const css = readFileSync(join(here, 'page.css'), 'utf8');
  const js = await esbuild.build({
    entryPoints: [join(here, 'page.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    charset: 'utf8',
    logLevel: 'silent',
  });
  const script = js.outputFiles[0]!.text.replace(/<\/script/gi, '<\\/script');
  return html
    .replace('<!-- STYLE -->', () => `<style>\n${css}</style>`)
    .replace('<!-- SCRIPT -->', () => `<script>\n${script}</script>`);
}

/** Names of the bundle's top-level functions (what google.script.run may call). */
function entryPoints(projectDir: string): string[] {
  const names = new Set<string>();
  for (const f of readdirSync(projectDir)) {
    if (!f.endsWith('.js')) continue;
    for (const m of readFileSync(join(projectDir, f), 'utf8').matchAll(/^function ([A-Za-z_$][\w$]*)\s*\(/gm))
      names.add(m[1]!);
  }
  // Functions whose names end with an underscore are private in Apps Script.
  return [...names].filter((n) => !n.endsWith('_')).sort();
}

/** The google.script.run / google.script.host shim put at the top of every sidebar and dialog. */
export function bridgeScript(functions: string[]): string {
  return `<script>
(function () {
  var FUNCTIONS = ${JSON.stringify(functions)};
  var seq = 0, pending = {};
  function illegal(v, depth) {
    if (v === null || v === undefined) return null;
    var t = typeof v;
    if (t === 'string' || t === 'number' || t === 'boolean') return null;
    if (t === 'function') return 'a function';
    if (v instanceof Date) return 'a Date';
    if (t !== 'object' || depth > 50) return 'a ' + t;
    for (var k in v) { var bad = illegal(v[k], depth + 1); if (bad) return bad; }
    return null;
  }
  function fail(handler, user, message, fn) {
    var e = new Error(message);
    e.name = 'ScriptError';
    if (handler) handler(e, user); else console.error('google.script.run.' + fn + ' failed: ' + message);
  }
  window.addEventListener('message', function (ev) {
    if (ev.source !== window.parent) return;
    var m = ev.data;
    if (!m || typeof m.odReply !== 'number') return;
    var p = pending[m.odReply];
    if (!p) return;
    delete pending[m.odReply];
    saveNotice(m.saveError);
    if (m.ok) { if (p.s) p.s(m.value, p.u); }
    else fail(p.f, p.u, m.error, p.fn);
  });
  // The call's change is in the workbook, but the file could not be written: said here, in
  // the frame, beside the add-on's own status, until a later call writes it.
  function saveNotice(text) {
    var n = document.getElementById('od-save-notice');
    if (!text) { if (n) n.remove(); return; }
    if (!n) {
      n = document.createElement('div');
      n.id = 'od-save-notice';
      n.setAttribute('role', 'alert');
      n.style.cssText = 'position:sticky;top:0;z-index:2147483647;background:#fce8e6;color:#a50e0e;border-bottom:1px solid #f28b82;padding:6px 8px;font:600 12px/1.4 sans-serif';
      (document.body || document.documentElement).insertBefore(n, (document.body || document.documentElement).firstChild);
    }
    n.textContent = text + '. The change is kept in the workbench and written at the next change.';
  }
  function runner(s, f, u) {
    var r = {
      withSuccessHandler: function (h) { return runner(h, f, u); },
      withFailureHandler: function (h) { return runner(s, h, u); },
      withUserObject: function (o) { return runner(s, f, o); }
    };
    FUNCTIONS.forEach(function (fn) {
      r[fn] = function () {
        var args = Array.prototype.slice.call(arguments);
        // A form as the only parameter is sent as its fields (name → value), as Apps Script does.
        if (args.length === 1 && typeof HTMLFormElement !== 'undefined' && args[0] instanceof HTMLFormElement) {
          var fields = {};
          Array.prototype.forEach.call(args[0].elements, function (el) {
            if (!el.name || el.disabled) return;
            if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) return;
            fields[el.name] = el.value;
          });
          args = [fields];
        }
        var bad = illegal(args, 0);
        if (bad) { setTimeout(function () { fail(f, u, 'Failed due to illegal value: an argument is ' + bad + '.', fn); }, 0); return; }
        var id = ++seq;
        pending[id] = { s: s, f: f, u: u, fn: fn };
        window.parent.postMessage({ odRun: { id: id, fn: fn, args: JSON.parse(JSON.stringify(args)) } }, '*');
      };
    });
    return r;
  }
  // Links to Google Docs open the workbench's local copy (there is no network here).
  document.addEventListener('click', function (ev) {
    var a = ev.target && ev.target.closest ? ev.target.closest('a[href]') : null;
    var href = a ? a.getAttribute('href') || '' : '';
    var prefix = 'https://docs.google.com/document/d/';
    if (href.indexOf(prefix) !== 0) return;
    var id = href.slice(prefix.length).split(/[/?#]/)[0];
    if (!id) return;
    ev.preventDefault();
    window.parent.postMessage({ odOpenDoc: id }, '*');
  }, true);
  window.google = window.google || {};
  window.google.script = {
    run: runner(null, null, undefined),
    host: {
      close: function () { window.parent.postMessage({ odClose: true }, '*'); },
      setHeight: function () {}, setWidth: function () {},
      editor: { focus: function () { window.parent.postMessage({ odFocusEditor: true }, '*'); } },
      origin: location.origin
    }
  };
})();
</script>`;
}

/** Puts the bridge first in the page, so the page's own scripts find google.script.run. */
export function withBridge(html: string, functions: string[]): string {
  const shim = bridgeScript(functions);
  const m = /<head[^>]*>/i.exec(html);
  if (m) return html.slice(0, m.index + m[0].length) + shim + html.slice(m.index + m[0].length);
  return shim + html;
}

export async function startWorkbench(opts: WorkbenchOptions): Promise<Workbench> {
  const log = opts.log ?? (() => {});
  const google = new LocalGoogle();
  const project = new LocalProject(opts.projectDir);
  const functions = entryPoints(opts.projectDir);
  const page = await pageHtml();

  // The file the workbench writes: the workbook itself, or its copy. Locked first, so a
  // second workbench on the same file stops before reading it.
  const original = opts.workbookPath;
  const target = opts.copy ? copyPath(original) : original;
  const lock: FileLock = lockWorkbook(target);
  let model: SpreadsheetModel;
  let created = false;
  try {
    const readOpts = {
      name: basename(original, extname(original)),
      ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
    };
    const source = existsSync(target) ? target : original;
    if (existsSync(source)) {
      const read = await readWorkbookFile(source, readOpts);
      if (!read.outreach && !opts.copy) throw new WorkbookFileError(foreignMessage(source, read.model));
      model = read.model;
      google.spreadsheets.set(model.id, model);
      if (read.documentProperties.size) google.documentProperties.set(model.id, read.documentProperties);
      if (opts.copy)
        log(
          source === target
            ? `Working in ${target} (the copy of ${original} made earlier; delete it to start again from ${original}).`
            : `Working in a copy of ${original}: ${target} (written at the first change; ${original} stays as it is).`,
        );
      else if (!read.ownFile)
        log(
          `${original} was not written by Outreach Desk: the first change rewrites it without what the workbench doesn't keep (merges, fonts, borders, filters, conditional formats…). It is kept as a backup first; use --copy to leave it alone.`,
        );
    } else {
      if (opts.copy) throw new WorkbookFileError(`${original} does not exist: there is nothing to copy.`);
      model = buildSample(google, opts.timeZone ? { timeZone: opts.timeZone } : {});
      created = true;
    }
  } catch (e) {
    lock.release();
    throw e;
  }
  // The script project's zone (appsscript.json) is the workbook's here.
  google.scriptTimeZone = model.timeZone;
  const ssId = () => model.id;
  /** An instant as the spreadsheet's wall clock, `YYYY-MM-DD HH:MM:SS`. */
  const localTime = (d: Date) => {
    const w = wallTime(d, model.timeZone);
    const p = (n: number) => String(n).padStart(2, '0');
    return `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}:${p(w.second)}`;
  };
  const propsOf = () => google.documentProperties.get(model.id) ?? new Map<string, string>();
  // What is on disk: the file as read (nothing is written at start), or nothing yet.
  let savedModel: SpreadsheetModel | null = created ? null : model;
  let savedRevision = model.revision;
  let savedProps = JSON.stringify([...propsOf()]);
  let saving: Promise<void> = Promise.resolve();
  let saveError: string | null = null;
  let backedUp = false;
  let backup: string | null = null;
  const write = opts.writeFile ?? writeFileAtomic;
  const unsaved = () =>
    savedModel !== model || savedRevision !== model.revision || savedProps !== JSON.stringify([...propsOf()]);

  /**
   * Writes the workbook when it (or the document properties kept with it) changed since
   * the last write: atomically (a temporary file, flushed, then renamed). Before the first
   * write of the session the file on disk is kept as `<name>.bak.xlsx`. A failed write is
   * remembered (saveError) and tried again at the next save.
   */
  function save(): Promise<boolean> {
    const run = saving.then(async () => {
      const props = propsOf();
      const propsText = JSON.stringify([...props]);
      if (savedModel === model && savedRevision === model.revision && savedProps === propsText) return false;
      const rev = model.revision;
      const current = model;
      try {
        const data = await writeXlsxBuffer(current, { documentProperties: props });
        if (!backedUp) {
          backup = await keepBackup(target);
          backedUp = true;
          if (backup) log(`Kept the previous ${target} as ${backup}.`);
        }
        await write(target, data);
      } catch (e) {
        const first = saveError === null;
        saveError = `Not saved to ${target}: ${ioReason(e)}`;
        if (first) log(`${saveError}. The changes are kept in the workbench; the next change tries again.`);
        throw new Error(saveError);
      }
      if (saveError) log(`Saved to ${target} again.`);
      saveError = null;
      savedModel = current;
      savedRevision = rev;
      savedProps = propsText;
      return true;
    });
    saving = run.then(
      () => {},
      () => {},
    );
    return run;
  }
  /** save() that reports a failure as saveError instead of throwing. */
  const trySave = () => save().catch(() => false);
  // A new workbook (the sample) is written at once: there is nothing there to harm.
  if (created) await trySave();

  // ---------------------------------------------------------------- users and executions
  function members(): { email: string; name: string; role: string; active: boolean }[] {
    const sheet = model.sheetByName(MEMBERS.name);
    if (!sheet) return [];
    const values: CellValue[][] = [];
    for (let r = 1; r <= sheet.lastRow(); r++) {
      const row: CellValue[] = [];
      for (let c = 1; c <= sheet.lastColumn(); c++) row.push(sheet.get(r, c));
      values.push(row);
    }
    try {
      return parseTable(MEMBERS, values, model.timeZone)
        .map((rec) => ({
          email: String(rec.data.email ?? ''),
          name: String(rec.data.name ?? ''),
          role: String(rec.data.role ?? ''),
          active: rec.data.active !== false,
        }))
        .filter((m) => m.email);
    } catch {
      return [];
    }
  }
  const defaultUser = () =>
    members().find((m) => m.role === 'Minister' && m.active)?.email ??
    members()[0]?.email ??
    google.defaultUser;
  let user = defaultUser();

  const executions: ExecutionReport[] = [];
  let execSeq = 0;

  async function execute(
    fn: string,
    args: unknown[],
    kind: ExecutionReport['kind'],
    runOpts: {
      trigger?: boolean;
      user?: string;
      spreadsheetId?: string;
      authMode?: 'NONE' | 'LIMITED' | 'FULL';
    } = {},
  ): Promise<RunReply> {
    const uiStart = google.ui.length;
    const mailStart = google.outbox.length;
    const started = Date.now();
    const asUser = runOpts.user ?? user;
    let ok = true;
    let value: unknown;
    let error: string | undefined;
    // Our own counter, so a run that throws still reports the calls it made.
    const counter = new CallCounter();
    try {
      const r = project.run(google, fn, args, {
        spreadsheetId: runOpts.spreadsheetId ?? ssId(),
        user: asUser,
        authMode: runOpts.authMode ?? 'FULL',
        trigger: runOpts.trigger ?? false,
        counter,
      });
      const bad = kind === 'run' ? illegalValue(r.value) : null;
      if (bad) {
        ok = false;
        error = `Failed due to illegal value returned by ${fn}: ${bad} (google.script.run can't return it).`;
      } else value = kind === 'run' ? jsonSafe(r.value) : null;
    } catch (e) {
      ok = false;
      error = errorText(e);
    }
    const saved = await trySave();
    const report: ExecutionReport = {
      seq: ++execSeq,
      fn,
      kind,
      user: asUser,
      at: localTime(google.now()),
      ms: Date.now() - started,
      calls: counter.total,
      byMethod: Object.entries(counter.snapshot()),
      ok,
      ...(error ? { error } : {}),
      mails: google.outbox.length - mailStart,
      saved,
    };
    executions.push(report);
    if (executions.length > 500) executions.shift();
    log(
      `#${report.seq} ${kind} ${fn} as ${asUser}: ${ok ? 'ok' : `failed (${error})`}, ${report.calls} service calls${report.mails ? `, ${report.mails} mails` : ''}${saved ? ', workbook saved' : ''}`,
    );
    const ui = google.ui
      .slice(uiStart)
      .filter((e) => e.kind !== 'menu')
      .map((e) => ({
        kind: e.kind,
        title: e.title ?? '',
        message: e.message ?? '',
        ...(e.html !== undefined ? { html: withBridge(e.html, functions) } : {}),
      }));
    return { ok, ...(ok ? { value } : { error }), report, ui, ...(saveError ? { saveError } : {}) };
  }

  async function openSpreadsheet(): Promise<RunReply> {
    google.menus.delete(ssId());
    // A bound script's onOpen runs as a simple trigger in AuthMode.LIMITED.
    return execute('onOpen', [{ authMode: 'LIMITED', source: null, user: null }], 'open', {
      authMode: 'LIMITED',
    });
  }
  await openSpreadsheet();

  // ---------------------------------------------------------------- views
  function sheetView(name: string, limit: number) {
    const s = model.sheetByName(name);
    if (!s) throw new HttpError(404, `No sheet named "${name}".`);
    const x = new Execution(google, { spreadsheetId: ssId(), user });
    const api = (x.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
      .getActiveSpreadsheet()
      .getSheetByName(name)!;
    const lastRow = s.lastRow();
    const lastCol = s.lastColumn();
    const rows = Math.min(s.maxRows, Math.max(lastRow + 20, 40), limit);
    const cols = Math.min(s.maxColumns, Math.max(lastCol + 2, 8));
    const range = api.getRange(1, 1, rows, cols);
    const display = range.getDisplayValues();
    const formulas = range.getFormulas();
    const kinds: string[] = [];
    for (let r = 1; r <= rows; r++) {
      let k = '';
      for (let c = 1; c <= cols; c++) {
        const v = s.get(r, c);
        k +=
          v === '' ? '_' : typeof v === 'number' ? 'n' : typeof v === 'boolean' ? 'b' : isDate(v) ? 'd' : 's';
      }
      kinds.push(k);
    }
    x.end();
    // Validation areas clipped to the grid, later ones winning (the client checks the last match).
    const validations = s.validations
      .filter((a) => a.r1 <= rows && a.c1 <= cols)
      .map((a) => ({
        r1: a.r1,
        c1: a.c1,
        r2: Math.min(a.r2, rows),
        c2: Math.min(a.c2, cols),
        rule: a.rule
          ? {
              criteria: a.rule.criteria,
              values: a.rule.criteria === 'VALUE_IN_LIST' ? (a.rule.args[0] as string[]).map(String) : [],
              strict: !a.rule.allowInvalid,
            }
          : null,
      }));
    return {
      name: s.name,
      hidden: s.hidden,
      frozenRows: s.frozenRows,
      frozenColumns: s.frozenColumns,
      maxRows: s.maxRows,
      maxColumns: s.maxColumns,
      lastRow,
      rows,
      cols,
      letters: Array.from({ length: cols }, (_, i) => columnToLetters(i + 1)),
      display,
      formulas,
      kinds,
      bold: [...s.fontWeights].filter(([, w]) => w === 'bold').map(([k]) => k),
      validations,
    };
  }

  function saveStatus(): SaveStatus {
    return {
      file: target,
      copyOf: opts.copy ? original : null,
      unsaved: unsaved(),
      error: saveError,
      backup,
    };
  }

  function state() {
    const now = google.now();
    const w = wallTime(now, model.timeZone);
    const pad = (n: number) => String(n).padStart(2, '0');
    return {
      spreadsheet: { id: model.id, name: model.name, timeZone: model.timeZone, revision: model.revision },
      workbookPath: target,
      save: saveStatus(),
      sheets: model.sheets.map((s) => ({ name: s.name, hidden: s.hidden, rows: s.lastRow() })),
      menus: google.menus.get(ssId()) ?? [],
      user,
      users: members(),
      now: now.toISOString(),
      nowLocal: `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`,
      outbox: google.outbox.length,
      documents: listDocuments(google).length,
      triggers: google.triggers.map((t) => ({
        id: t.id,
        handler: t.handler,
        owner: t.owner,
        kind: t.kind,
        everyDays: t.everyDays ?? null,
        atHour: t.atHour ?? null,
        timeZone: t.timeZone ?? null,
      })),
      executions: executions.slice(-100),
      logs: google.logs.slice(-100),
    };
  }

  async function editCell(b: { sheet?: unknown; row?: unknown; col?: unknown; text?: unknown }) {
    const s = model.sheetByName(String(b.sheet ?? ''));
    if (!s) throw new HttpError(404, `No sheet named "${String(b.sheet)}".`);
    const row = Number(b.row);
    const col = Number(b.col);
    if (
      !Number.isInteger(row) ||
      !Number.isInteger(col) ||
      row < 1 ||
      col < 1 ||
      row > s.maxRows ||
      col > s.maxColumns
    )
      throw new HttpError(400, 'That cell is outside the sheet.');
    const input = typeof b.text === 'boolean' ? b.text : String(b.text ?? '');
    const cell = `${columnToLetters(col)}${row}`;
    const rule = s.validationAt(row, col);
    const plain = s.numberFormats.get(`${row},${col}`) === '@';
    const { value } = interpretInput(input, model.timeZone, plain, google.now());
    const problem = violates(rule, value, model.timeZone);
    if (problem) {
      throw new HttpError(
        422,
        `There was a problem: the data you entered in cell ${cell} violates the data validation rules set on this cell. ${problem}`,
      );
    }
    // Written as the user would type it: through the emulated Range, so "=…", "'…", numbers
    // and dates are interpreted as Sheets interprets typed input.
    const x = new Execution(google, { spreadsheetId: ssId(), user });
    const range = (x.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp)
      .getActiveSpreadsheet()
      .getSheetByName(s.name)!
      .getRange(row, col);
    const oldValue = range.getValue();
    range.setValue(input);
    x.end();
    const edit = fireOnEdit(s.name, row, col, oldValue);
    const saved = await trySave();
    const report: ExecutionReport = {
      seq: ++execSeq,
      fn: `edit ${s.name}!${cell}${edit ? ' → onEdit' : ''}`,
      kind: 'edit',
      user,
      at: localTime(google.now()),
      ms: 0,
      calls: edit?.calls ?? 0,
      byMethod: edit?.byMethod ?? [],
      ok: !edit?.error,
      ...(edit?.error ? { error: edit.error } : {}),
      mails: 0,
      saved,
    };
    executions.push(report);
    log(`#${report.seq} ${report.fn}: ${report.ok ? 'ok' : report.error}, ${report.calls} service calls`);
    return { ok: true, report, ...(saveError ? { saveError } : {}) };
  }

  /**
   * The onEdit simple trigger, as Sheets runs it after a user edit: a new execution in
   * AuthMode.LIMITED with an event whose `range` is the edited cell.
   * https://developers.google.com/apps-script/guides/triggers/events#edit
   */
  function fireOnEdit(sheet: string, row: number, col: number, oldValue: unknown) {
    if (!functions.includes('onEdit')) return null;
    const x = new Execution(google, {
      projectFiles: project.files,
      spreadsheetId: ssId(),
      user,
      authMode: 'LIMITED',
    });
    try {
      const ctx = project.load(x);
      const ss = (
        x.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp
      ).getActiveSpreadsheet();
      const range = ss.getSheetByName(sheet)!.getRange(row, col);
      const value = range.getValue();
      const event = {
        authMode: 'LIMITED',
        range,
        source: ss,
        user: { getEmail: () => user, getUserLoginId: () => user },
        value: isDate(value) ? value : String(value),
        ...(oldValue !== '' ? { oldValue: isDate(oldValue) ? oldValue : String(oldValue) } : {}),
        triggerUid: '',
      };
      x.counter.reset(); // count what onEdit itself does, not the event's construction
      (ctx.onEdit as (e: unknown) => void)(event);
      return { calls: x.counter.total, byMethod: Object.entries(x.counter.snapshot()), error: null };
    } catch (e) {
      return {
        calls: x.counter.total,
        byMethod: Object.entries(x.counter.snapshot()),
        error: `onEdit: ${errorText(e)}`,
      };
    } finally {
      x.end();
    }
  }

  /** Moves the clock to `until`, running each daily trigger that falls due on the way. */
  async function advanceClock(until: Date) {
    const replies: ExecutionReport[] = [];
    let mailMark = google.outbox.length;
    runDueTriggers(google, project, until, {
      onRun: (run) => {
        const mails = google.outbox.length - mailMark;
        mailMark = google.outbox.length;
        const report: ExecutionReport = {
          seq: ++execSeq,
          fn: run.handler,
          kind: 'trigger',
          user: run.owner,
          at: localTime(run.at),
          ms: 0,
          calls: run.calls,
          byMethod: [],
          ok: run.ok,
          ...(run.error ? { error: run.error } : {}),
          mails,
          saved: false,
        };
        executions.push(report);
        replies.push(report);
        log(
          `#${report.seq} trigger ${run.handler} as ${run.owner} at ${report.at}: ${run.ok ? 'ok' : run.error}, ${run.calls} service calls`,
        );
      },
    });
    const saved = await trySave();
    return {
      ok: true,
      now: google.now().toISOString(),
      runs: replies,
      saved,
      ...(saveError ? { saveError } : {}),
    };
  }

  async function reset() {
    const old = ssId();
    google.spreadsheets.delete(old);
    google.documentProperties.delete(old);
    google.menus.delete(old);
    model = buildSample(google, { id: old, timeZone: model.timeZone });
    user = defaultUser();
    const saved = await trySave();
    const open = await openSpreadsheet();
    return { ok: true, saved, report: open.report, ...(saveError ? { saveError } : {}) };
  }

  function clockTarget(b: { local?: unknown }): Date {
    const text = String(b.local ?? '');
    const day = parseDayText(text);
    if (!day) throw new HttpError(400, `"${text}" is not a date and time (YYYY-MM-DDTHH:MM).`);
    const t = parseTimeText(text);
    return instantOf(day, model.timeZone, t?.hour ?? 0, t?.minute ?? 0);
  }

  function setClock(b: { local?: unknown }) {
    if (b.local === null || b.local === undefined || b.local === '') {
      google.setNow(null);
      google.shiftClockTo(new Date());
      return { ok: true, now: google.now().toISOString() };
    }
    google.shiftClockTo(clockTarget(b));
    return { ok: true, now: google.now().toISOString() };
  }

  async function runTrigger(b: { id?: unknown }) {
    const t = google.triggers.find((x) => x.id === String(b.id));
    if (!t) throw new HttpError(404, 'No such trigger (it may have been deleted).');
    const event = { authMode: 'FULL', triggerUid: t.id };
    return execute(t.handler, [event], 'trigger', {
      trigger: true,
      user: t.owner,
      spreadsheetId: t.sourceId ?? ssId(),
    });
  }

  // ---------------------------------------------------------------- HTTP
  let origin = '';
  async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
      throw new HttpError(415, 'Send JSON (Content-Type: application/json).');
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > 5_000_000) throw new HttpError(413, 'Request too large.');
      chunks.push(c as Buffer);
    }
    try {
      const v = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
      return v;
    } catch {
      throw new HttpError(400, 'The request body is not a JSON object.');
    }
  }

  function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra = {}) {
    res.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...extra,
    });
    res.end(body);
  }
  const sendJson = (res: ServerResponse, status: number, v: unknown) =>
    send(res, status, JSON.stringify(v), 'application/json; charset=utf-8');

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (!/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host)) throw new HttpError(403, 'Forbidden host.');
    const url = new URL(req.url ?? '/', origin);
    const p = url.pathname;
    const method = req.method ?? 'GET';
    if (method === 'GET') {
      if (p === '/') {
        return send(res, 200, page, 'text/html; charset=utf-8', {
          'Content-Security-Policy':
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; frame-src 'self' blob: data:; img-src 'self' data:",
        });
      }
      if (p === '/favicon.ico') return send(res, 204, '', 'image/x-icon');
      if (p === '/api/state') return sendJson(res, 200, state());
      if (p === '/api/sheet') {
        const limit = Math.max(10, Math.min(Number(url.searchParams.get('limit')) || 1000, 20_000));
        return sendJson(res, 200, sheetView(url.searchParams.get('name') ?? '', limit));
      }
      if (p === '/api/outbox') {
        return sendJson(
          res,
          200,
          google.outbox.map((m, i) => ({
            i,
            from: m.from,
            senderName: m.senderName,
            to: m.to,
            subject: m.subject,
            body: m.body,
            htmlBody: m.htmlBody ?? null,
            replyTo: m.replyTo ?? null,
            at: localTime(m.at),
          })),
        );
      }
      if (p === '/api/documents') return sendJson(res, 200, await listDocumentsAsync(google));
      const doc = /^\/api\/documents\/([^/]+)\/(html|docx)$/.exec(p);
      if (doc) {
        const id = decodeURIComponent(doc[1]!);
        if (doc[2] === 'html') {
          const html = await documentHtml(google, id);
          if (html === null) throw new HttpError(404, 'No such document.');
          // Shown in a sandboxed frame; no script may run in it even if one slipped through.
          return send(res, 200, html, 'text/html; charset=utf-8', {
            'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
          });
        }
        const file = await documentDownload(google, id);
        if (!file) throw new HttpError(404, 'No such document, or .docx export is not available.');
        return send(res, 200, file.bytes, file.mimeType, {
          'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
        });
      }
      if (p === '/api/workbook.xlsx') {
        // The workbook as it is now (also when the file is behind or not written yet).
        await trySave();
        const bytes = await writeXlsxBuffer(model, { documentProperties: propsOf() });
        return send(res, 200, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', {
          'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(basename(target))}`,
        });
      }
      throw new HttpError(404, 'Not found.');
    }
    if (method !== 'POST') throw new HttpError(405, 'Method not allowed.');
    const b = await readJson(req);
    switch (p) {
      case '/api/run': {
        const fn = String(b.fn ?? '');
        const kind = b.source === 'menu' ? 'menu' : 'run';
        if (!functions.includes(fn)) {
          const reply: RunReply = {
            ok: false,
            error: `Script function not found: ${fn}`,
            report: {
              seq: ++execSeq,
              fn,
              kind,
              user,
              at: localTime(google.now()),
              ms: 0,
              calls: 0,
              byMethod: [],
              ok: false,
              error: `Script function not found: ${fn}`,
              mails: 0,
              saved: false,
            },
            ui: [],
          };
          return sendJson(res, 200, reply);
        }
        const args = Array.isArray(b.args) ? b.args : [];
        return sendJson(res, 200, await execute(fn, args, kind));
      }
      case '/api/cell':
        return sendJson(res, 200, await editCell(b));
      case '/api/user': {
        const email = String(b.email ?? '').trim();
        if (!email) throw new HttpError(400, 'Choose a user.');
        user = email;
        return sendJson(res, 200, { ok: true, user });
      }
      case '/api/clock':
        return sendJson(res, 200, setClock(b));
      case '/api/advance': {
        const until = clockTarget(b);
        if (until.getTime() < google.now().getTime())
          throw new HttpError(400, 'Triggers only run forward: choose a later time, or use Set clock.');
        return sendJson(res, 200, await advanceClock(until));
      }
      case '/api/reset':
        return sendJson(res, 200, await reset());
      case '/api/trigger':
        return sendJson(res, 200, await runTrigger(b));
      case '/api/open':
        return sendJson(res, 200, await openSpreadsheet());
      default:
        throw new HttpError(404, 'Not found.');
    }
  }

  const server = createServer((req, res) => {
    route(req, res).catch((e) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500) log(`Error: ${e instanceof Error ? e.stack : String(e)}`);
      if (!res.headersSent) sendJson(res, status, { ok: false, error: errorText(e) });
      else res.end();
    });
  });
  const host = opts.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 8080, host, () => resolve());
    });
  } catch (e) {
    lock.release();
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  origin = `http://${host}:${port}`;
  lock.update(`${origin}/`);

  let closing: Promise<CloseResult> | null = null;
  async function close(): Promise<CloseResult> {
    await new Promise<void>((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    });
    await saving;
    if (unsaved()) await trySave();
    if (!unsaved()) {
      lock.release();
      return { saved: true, file: target };
    }
    // The file can't be written: the changes go to a file in the temp folder instead.
    const error = saveError ?? `Not saved to ${target}`;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const rescue = join(tmpdir(), `${basename(target, extname(target))}.unsaved-${stamp}.xlsx`);
    let rescued: string | undefined;
    try {
      await writeFile(rescue, await writeXlsxBuffer(model, { documentProperties: propsOf() }));
      rescued = rescue;
    } catch {
      // nowhere to put them
    }
    lock.release();
    return { saved: false, file: target, error, ...(rescued ? { rescued } : {}) };
  }

  return {
    url: `${origin}/`,
    google,
    get spreadsheetId() {
      return ssId();
    },
    get user() {
      return user;
    },
    get saveStatus() {
      return saveStatus();
    },
    close: () => {
      closing ??= close();
      return closing;
    },
  };
}
