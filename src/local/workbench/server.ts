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
 *
 * This file wires the parts: persistence.ts (the workbook file), executions.ts (runs and
 * their reports), routes.ts (HTTP), users.ts, clock.ts, views.ts, assets.ts (the page and
 * the bridge, compiled with esbuild).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LocalGoogle } from '../backend';
import { LocalProject } from '../runtime';
import { failureMessage } from '../script-run';
import { bridgeScript, entryPoints, pageHtml, withBridge } from './assets';
import { Executions } from './executions';
import { HttpError, sendJson } from './http';
import { type CloseResult, type SaveStatus, WorkbookStore } from './persistence';
import { routes } from './routes';

export type { ExecutionReport, RunReply } from './api';
export type { CloseResult, SaveStatus } from './persistence';

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
  /** The users' locale (Session.getActiveUserLocale(): `en` by default, `zh_CN` for Chinese menus). */
  locale?: string;
}

export interface Workbench {
  url: string;
  google: LocalGoogle;
  /** The file written, whether it is behind, and the last write error. */
  readonly saveStatus: SaveStatus;
  /** The active spreadsheet's id. */
  readonly spreadsheetId: string;
  /**
   * The default user: whom executions run as when a request names none (the first active
   * Minister). Each page chooses its own user and sends it with its requests.
   */
  readonly user: string;
  /** Stops the server, writes what is unsaved (elsewhere if it must) and releases the lock. */
  close(): Promise<CloseResult>;
}

export async function startWorkbench(opts: WorkbenchOptions): Promise<Workbench> {
  const log = opts.log ?? (() => {});
  const google = new LocalGoogle();
  const project = new LocalProject(opts.projectDir);
  const functions = entryPoints(opts.projectDir);
  const [page, shim] = await Promise.all([pageHtml(), bridgeScript(functions)]);

  const store = await WorkbookStore.open(google, {
    workbookPath: opts.workbookPath,
    log,
    ...(opts.copy ? { copy: true } : {}),
    ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
    ...(opts.writeFile ? { writeFile: opts.writeFile } : {}),
  });
  // The script project's zone (appsscript.json) is the workbook's here.
  google.scriptTimeZone = store.model.timeZone;

  const executions = new Executions({
    google,
    project,
    functions,
    store,
    withBridge: (html) => withBridge(html, shim),
    log,
    ...(opts.locale ? { locale: opts.locale } : {}),
  });
  let origin = '';
  const api = routes({ google, project, functions, store, executions, page, origin: () => origin });
  await executions.open(api.user);

  const server = createServer((req, res) => {
    api.handle(req, res).catch((e) => {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500) log(`Error: ${e instanceof Error ? e.stack : String(e)}`);
      if (!res.headersSent) sendJson(res, status, { ok: false, error: failureMessage(e) });
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
    store.release();
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  origin = `http://${host}:${port}`;
  store.announce(`${origin}/`);

  let closing: Promise<CloseResult> | null = null;
  async function close(): Promise<CloseResult> {
    await new Promise<void>((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    });
    return store.close();
  }

  return {
    url: `${origin}/`,
    google,
    get spreadsheetId() {
      return store.model.id;
    },
    get user() {
      return api.user;
    },
    get saveStatus() {
      return store.status();
    },
    close: () => {
      closing ??= close();
      return closing;
    },
  };
}
