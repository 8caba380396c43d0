/**
 * Executions and their reports, the three ways they happen: a run of a function (menu,
 * google.script.run, onOpen, a trigger's "Run now") as a new execution of the bundle; a
 * cell typed into on the page (validated, written, then onEdit); and the trigger runs of
 * "Advance". Each is logged with its service-call count, mails sent and whether the
 * workbook was saved after it.
 */
import type { LocalGoogle } from '../backend';
import { CallCounter } from '../counter';
import { PROTECTED_MESSAGE } from '../model/spreadsheet-model';
import type { LocalProject } from '../runtime';
import { callResult, failureMessage } from '../script-run';
import type { TriggerRun } from '../triggers';
import { InputRejected, typeIntoCell } from '../typing';
import type { ExecutionReport, RunReply } from './api';
import { localTime } from './clock';
import { HttpError } from './http';
import type { WorkbookStore } from './persistence';

export interface ExecutionsContext {
  google: LocalGoogle;
  project: LocalProject;
  /** What google.script.run may call (the bundle's public top-level functions). */
  functions: string[];
  store: WorkbookStore;
  /** Puts the google.script.run bridge into add-on HTML (a sidebar's or dialog's). */
  withBridge: (html: string) => string;
  log: (line: string) => void;
  /** The users' locale as Session.getActiveUserLocale() gives it (`en`, `zh_CN`…). */
  locale?: string;
}

export interface RunOptions {
  user: string;
  /** Buttons the member already pressed in this function's alerts (a replay with the answer). */
  answers?: string[];
  trigger?: boolean;
  spreadsheetId?: string;
  authMode?: 'NONE' | 'LIMITED' | 'FULL';
}

export class Executions {
  /** The reports, oldest first (the last 500). */
  readonly list: ExecutionReport[] = [];
  private seq = 0;

  constructor(private readonly c: ExecutionsContext) {}

  private get tz(): string {
    return this.c.store.model.timeZone;
  }

  private add(report: ExecutionReport): ExecutionReport {
    this.list.push(report);
    if (this.list.length > 500) this.list.shift();
    return report;
  }

  private saveErrorField() {
    const error = this.c.store.error;
    return error ? { saveError: error } : {};
  }

  /** Runs `fn(...args)` as a new execution; for google.script.run (`run`) with its return rules. */
  async execute(
    fn: string,
    args: unknown[],
    kind: ExecutionReport['kind'],
    o: RunOptions,
  ): Promise<RunReply> {
    const { google, project, store, log } = this.c;
    const uiStart = google.ui.length;
    const mailStart = google.outbox.length;
    const started = Date.now();
    let ok = true;
    let value: unknown;
    let error: string | undefined;
    // Our own counter, so a run that throws still reports the calls it made.
    const counter = new CallCounter();
    google.nextUiResponses = (o.answers ?? []).map((button) => ({ button }));
    try {
      const r = project.run(google, fn, args, {
        spreadsheetId: o.spreadsheetId ?? store.model.id,
        user: o.user,
        authMode: o.authMode ?? 'FULL',
        trigger: o.trigger ?? false,
        counter,
        ...(this.c.locale ? { locale: this.c.locale } : {}),
      });
      const result = kind === 'run' ? callResult(fn, r.value) : { ok: true as const, value: null };
      if (result.ok) value = result.value;
      else {
        ok = false;
        error = result.error;
      }
    } catch (e) {
      ok = false;
      error = failureMessage(e);
    }
    const saved = await store.trySave();
    const report = this.add({
      seq: ++this.seq,
      fn,
      kind,
      user: o.user,
      at: localTime(google.now(), this.tz),
      ms: Date.now() - started,
      calls: counter.total,
      byMethod: Object.entries(counter.snapshot()),
      ok,
      ...(error ? { error } : {}),
      mails: google.outbox.length - mailStart,
      saved,
    });
    log(
      `#${report.seq} ${kind} ${fn} as ${o.user}: ${ok ? 'ok' : `failed (${error})`}, ${report.calls} service calls${report.mails ? `, ${report.mails} mails` : ''}${saved ? ', workbook saved' : ''}`,
    );
    const ui = google.ui
      .slice(uiStart)
      .filter((e) => e.kind !== 'menu')
      .map((e) => ({
        kind: e.kind,
        title: e.title ?? '',
        message: e.message ?? '',
        ...(e.html !== undefined ? { html: this.c.withBridge(e.html) } : {}),
        ...(e.buttons && e.buttons !== 'OK' ? { buttons: e.buttons, answer: e.answer ?? '' } : {}),
      }));
    google.nextUiResponses = [];
    return { ok, ...(ok ? { value } : { error }), report, ui, ...this.saveErrorField() };
  }

  /** POST /api/run of a function the bundle doesn't have (or keeps private). */
  notFound(fn: string, kind: 'menu' | 'run', user: string): RunReply {
    return {
      ok: false,
      error: `Script function not found: ${fn}`,
      report: {
        seq: ++this.seq,
        fn,
        kind,
        user,
        at: localTime(this.c.google.now(), this.tz),
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
  }

  /** Opening the spreadsheet: a bound script's onOpen runs as a simple trigger in AuthMode.LIMITED. */
  open(user: string): Promise<RunReply> {
    this.c.google.menus.delete(this.c.store.model.id);
    return this.execute('onOpen', [{ authMode: 'LIMITED', source: null, user: null }], 'open', {
      authMode: 'LIMITED',
      user,
    });
  }

  /** POST /api/trigger: an installed trigger run now, as its owner, with a trigger event. */
  runTrigger(b: { id?: unknown }): Promise<RunReply> {
    const t = this.c.google.triggers.find((x) => x.id === String(b.id));
    if (!t) throw new HttpError(404, 'No such trigger (it may have been deleted).');
    const event = { authMode: 'FULL', triggerUid: t.id };
    return this.execute(t.handler, [event], 'trigger', {
      trigger: true,
      user: t.owner,
      spreadsheetId: t.sourceId ?? this.c.store.model.id,
    });
  }

  /** POST /api/cell: `user` types `text` into a cell (src/local/typing.ts), then the workbook is saved. */
  async edit(b: { sheet?: unknown; row?: unknown; col?: unknown; text?: unknown }, user: string) {
    const { google, project, store, log } = this.c;
    const s = store.model.sheetByName(String(b.sheet ?? ''));
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
    const text = typeof b.text === 'boolean' ? b.text : String(b.text ?? '');
    let typed: ReturnType<typeof typeIntoCell>;
    try {
      typed = typeIntoCell(google, project, {
        spreadsheetId: store.model.id,
        sheet: s.name,
        row,
        col,
        text,
        user,
      });
    } catch (e) {
      if (e instanceof InputRejected) throw new HttpError(422, e.message);
      // A protected cell refuses a person who is not an editor, as Sheets does: said, not a 500.
      if (e instanceof Error && e.message === PROTECTED_MESSAGE) throw new HttpError(422, e.message);
      throw e;
    }
    const edit = typed.onEdit;
    const saved = await store.trySave();
    const report = this.add({
      seq: ++this.seq,
      fn: `edit ${s.name}!${typed.cell}${edit ? ' → onEdit' : ''}`,
      kind: 'edit',
      user,
      at: localTime(google.now(), this.tz),
      ms: 0,
      calls: edit?.calls ?? 0,
      byMethod: edit?.byMethod ?? [],
      ok: !edit?.error,
      ...(edit?.error ? { error: edit.error } : {}),
      mails: 0,
      saved,
    });
    log(`#${report.seq} ${report.fn}: ${report.ok ? 'ok' : report.error}, ${report.calls} service calls`);
    return { ok: true, report, ...this.saveErrorField() };
  }

  /** A daily trigger that "Advance" ran (src/local/triggers.ts), with the mails it sent. */
  triggerRan(run: TriggerRun, mails: number): ExecutionReport {
    const report = this.add({
      seq: ++this.seq,
      fn: run.handler,
      kind: 'trigger',
      user: run.owner,
      at: localTime(run.at, this.tz),
      ms: 0,
      calls: run.calls,
      byMethod: [],
      ok: run.ok,
      ...(run.error ? { error: run.error } : {}),
      mails,
      saved: false,
    });
    this.c.log(
      `#${report.seq} trigger ${run.handler} as ${run.owner} at ${report.at}: ${run.ok ? 'ok' : run.error}, ${run.calls} service calls`,
    );
    return report;
  }
}
