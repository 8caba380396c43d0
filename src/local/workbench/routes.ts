/**
 * The workbench's routes: the page, its JSON API and the downloads. Requests whose Host is
 * not the loopback address are refused; state changes are JSON POSTs only (http.ts). Each
 * request that runs an execution names its page's user (users.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename } from 'node:path';
import type { LocalGoogle } from '../backend';
import type { LocalProject } from '../runtime';
import { buildSample } from '../sample';
import type { ExecutionReport } from './api';
import { advanceClock, localTime, setClock } from './clock';
import { documentDownload, documentHtml, listDocumentsAsync } from './documents';
import type { Executions } from './executions';
import { HttpError, readJson, send, sendJson } from './http';
import type { WorkbookStore } from './persistence';
import { defaultUser, requestUser } from './users';
import { sheetView, stateView } from './views';

export interface RoutesContext {
  google: LocalGoogle;
  project: LocalProject;
  functions: string[];
  store: WorkbookStore;
  executions: Executions;
  /** The page's HTML. */
  page: string;
  /** `http://host:port`, known once listening. */
  origin: () => string;
}

const PAGE_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; frame-src 'self' blob: data:; img-src 'self' data:";

export function routes(c: RoutesContext) {
  const { google, project, functions, store, executions } = c;
  // Whom executions run as when a request names nobody; set at start and by a reset.
  let fallbackUser = defaultUser(store.model, google.defaultUser);

  async function reset() {
    const old = store.model.id;
    google.spreadsheets.delete(old);
    google.documentProperties.delete(old);
    google.menus.delete(old);
    store.model = buildSample(google, { id: old, timeZone: store.model.timeZone });
    fallbackUser = defaultUser(store.model, google.defaultUser);
    const saved = await store.trySave();
    const open = await executions.open(fallbackUser);
    return { ok: true, saved, report: open.report, ...(store.error ? { saveError: store.error } : {}) };
  }

  async function advance(b: { local?: unknown }) {
    const runs: ExecutionReport[] = [];
    advanceClock(google, project, b, store.model.timeZone, (run, mails) =>
      runs.push(executions.triggerRan(run, mails)),
    );
    const saved = await store.trySave();
    return {
      ok: true,
      now: google.now().toISOString(),
      runs,
      saved,
      ...(store.error ? { saveError: store.error } : {}),
    };
  }

  async function get(p: string, url: URL, res: ServerResponse): Promise<void> {
    if (p === '/')
      return send(res, 200, c.page, 'text/html; charset=utf-8', { 'Content-Security-Policy': PAGE_CSP });
    if (p === '/favicon.ico') return send(res, 204, '', 'image/x-icon');
    if (p === '/api/state') return sendJson(res, 200, stateView(google, store, executions, fallbackUser));
    if (p === '/api/sheet') {
      const limit = Math.max(10, Math.min(Number(url.searchParams.get('limit')) || 1000, 20_000));
      return sendJson(res, 200, sheetView(google, store, url.searchParams.get('name') ?? '', limit));
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
          at: localTime(m.at, store.model.timeZone),
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
      await store.trySave();
      const bytes = await store.bytes();
      return send(res, 200, bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', {
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(basename(store.target))}`,
      });
    }
    throw new HttpError(404, 'Not found.');
  }

  async function post(p: string, b: Record<string, unknown>): Promise<unknown> {
    const user = requestUser(b, fallbackUser);
    switch (p) {
      case '/api/run': {
        const fn = String(b.fn ?? '');
        const kind = b.source === 'menu' ? 'menu' : 'run';
        if (!functions.includes(fn)) return executions.notFound(fn, kind, user);
        const args = Array.isArray(b.args) ? b.args : [];
        const answers = Array.isArray(b.answers) ? b.answers.map(String).slice(0, 10) : [];
        return executions.execute(fn, args, kind, { user, answers });
      }
      case '/api/cell':
        return executions.edit(b, user);
      case '/api/clock':
        return setClock(google, b, store.model.timeZone);
      case '/api/advance':
        return advance(b);
      case '/api/reset':
        return reset();
      case '/api/trigger':
        return executions.runTrigger(b);
      case '/api/open':
        return executions.open(user);
      default:
        throw new HttpError(404, 'Not found.');
    }
  }

  return {
    /** The default user (who a request that names none acts as). */
    get user(): string {
      return fallbackUser;
    },
    async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
      const host = req.headers.host ?? '';
      if (!/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host))
        throw new HttpError(403, 'Forbidden host.');
      const url = new URL(req.url ?? '/', c.origin());
      const method = req.method ?? 'GET';
      if (method === 'GET') return get(url.pathname, url, res);
      if (method !== 'POST') throw new HttpError(405, 'Method not allowed.');
      const b = await readJson(req);
      return sendJson(res, 200, await post(url.pathname, b));
    },
  };
}
