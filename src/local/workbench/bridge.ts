/**
 * The google.script.run / google.script.host shim put at the top of every sidebar and
 * dialog (bundled by assets.ts, with the bundle's public functions as __OD_FUNCTIONS__).
 * Runs inside the add-on's sandboxed frame: a call is checked and copied by the rules of
 * src/local/script-run.ts, posted to the workbench page ({odRun}), and its reply ({odReply})
 * calls the success or failure handler, asynchronously, as Apps Script does.
 */
import { callArguments } from '../script-run';

declare const __OD_FUNCTIONS__: string[];

type Handler = ((value: unknown, user: unknown) => void) | null;
interface Pending {
  s: Handler;
  f: Handler;
  u: unknown;
  fn: string;
}

(() => {
  const FUNCTIONS = __OD_FUNCTIONS__;
  let seq = 0;
  const pending: Record<number, Pending> = {};

  function fail(handler: Handler, user: unknown, message: string, fn: string): void {
    const e = new Error(message);
    e.name = 'ScriptError';
    if (handler) handler(e, user);
    else console.error(`google.script.run.${fn} failed: ${message}`);
  }

  // The call's change is in the workbook, but the file could not be written: said here, in
  // the frame, beside the add-on's own status, until a later call writes it.
  function saveNotice(text: string | null | undefined): void {
    let n = document.getElementById('od-save-notice');
    if (!text) {
      if (n) n.remove();
      return;
    }
    if (!n) {
      n = document.createElement('div');
      n.id = 'od-save-notice';
      n.setAttribute('role', 'alert');
      n.style.cssText =
        'position:sticky;top:0;z-index:2147483647;background:#fce8e6;color:#a50e0e;border-bottom:1px solid #f28b82;padding:6px 8px;font:600 12px/1.4 sans-serif';
      const root = document.body || document.documentElement;
      root.insertBefore(n, root.firstChild);
    }
    n.textContent = `${text}. The change is kept in the workbench and written at the next change.`;
  }

  window.addEventListener('message', (ev) => {
    if (ev.source !== window.parent) return;
    const m = ev.data as {
      odReply?: unknown;
      ok?: boolean;
      value?: unknown;
      error?: string;
      saveError?: string;
    };
    if (!m || typeof m.odReply !== 'number') return;
    const p = pending[m.odReply];
    if (!p) return;
    delete pending[m.odReply];
    saveNotice(m.saveError);
    if (m.ok) {
      if (p.s) p.s(m.value, p.u);
    } else fail(p.f, p.u, m.error ?? '', p.fn);
  });

  const isForm = (v: unknown): v is HTMLFormElement =>
    typeof HTMLFormElement !== 'undefined' && v instanceof HTMLFormElement;

  function runner(s: Handler, f: Handler, u: unknown): Record<string, unknown> {
    const r: Record<string, unknown> = {
      withSuccessHandler: (h: Handler) => runner(h, f, u),
      withFailureHandler: (h: Handler) => runner(s, h, u),
      withUserObject: (o: unknown) => runner(s, f, o),
    };
    for (const fn of FUNCTIONS) {
      r[fn] = (...args: unknown[]) => {
        // A form as the only parameter is sent as its fields (name → value), as Apps Script does.
        const sent = callArguments(args, isForm);
        if ('error' in sent) {
          setTimeout(() => fail(f, u, sent.error, fn), 0);
          return;
        }
        const id = ++seq;
        pending[id] = { s, f, u, fn };
        window.parent.postMessage({ odRun: { id, fn, args: sent.args } }, '*');
      };
    }
    return r;
  }

  // Links to Google Docs open the workbench's local copy (there is no network here).
  document.addEventListener(
    'click',
    (ev) => {
      const t = ev.target as Element | null;
      const a = t?.closest ? t.closest('a[href]') : null;
      const href = a ? a.getAttribute('href') || '' : '';
      const prefix = 'https://docs.google.com/document/d/';
      if (href.indexOf(prefix) !== 0) return;
      const id = href.slice(prefix.length).split(/[/?#]/)[0];
      if (!id) return;
      ev.preventDefault();
      window.parent.postMessage({ odOpenDoc: id }, '*');
    },
    true,
  );

  const w = window as unknown as { google?: Record<string, unknown> };
  w.google = w.google || {};
  w.google.script = {
    run: runner(null, null, undefined),
    host: {
      close: () => window.parent.postMessage({ odClose: true }, '*'),
      setHeight: () => {},
      setWidth: () => {},
      editor: { focus: () => window.parent.postMessage({ odFocusEditor: true }, '*') },
      origin: location.origin,
    },
  };
})();
