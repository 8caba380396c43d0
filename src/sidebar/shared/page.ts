/**
 * What every sidebar page needs: calling the server through google.script.run as a
 * Promise, and building DOM with text only (never innerHTML: cells may hold HTML).
 * https://developers.google.com/apps-script/guides/html/reference/run
 */

interface Runner {
  withSuccessHandler(f: (v: any, user?: unknown) => void): Runner;
  withFailureHandler(f: (e: Error, user?: unknown) => void): Runner;
  [fn: string]: any;
}

/** Runs a server function (one Apps Script execution) and resolves with its result. */
export function call<T>(fn: string, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const run = (window as any).google?.script?.run as Runner | undefined;
    if (!run) {
      reject(new Error('google.script.run is not available: open this page from the add-on.'));
      return;
    }
    run
      .withSuccessHandler((v: T) => resolve(v))
      .withFailureHandler((e: Error) => reject(e))
      [fn](...args);
  });
}

type Fn = (...args: never[]) => unknown;

/**
 * The server functions of one page, typed by its API interface (src/addon/api.ts):
 * `serverApi<RecordSidebarApi>().call('sidebarGet', table, id)` checks the name, the
 * arguments and the reply type against what the server declares.
 */
export function serverApi<A extends { [K in keyof A]: Fn }>() {
  return {
    call<K extends keyof A & string>(fn: K, ...args: Parameters<A[K]>): Promise<ReturnType<A[K]>> {
      return call<ReturnType<A[K]>>(fn, ...args);
    },
  };
}

/** An element with attributes and text content. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

export const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** A message template of the server's catalog with its `{name}` parameters filled in. */
export const fillText = (template: string, params: Record<string, string | number> = {}): string =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));

/**
 * Apps Script's known failure when the browser is signed in to several Google accounts: the
 * page's calls run as the default account, and fail with "We're sorry, a server error
 * occurred while reading from storage. Error code PERMISSION_DENIED." or "Authorization is
 * required to perform that action." (https://issuetracker.google.com/issues/69270374).
 */
const MULTI_ACCOUNT =
  /PERMISSION_DENIED|ScriptError: .*authoriz|Authorization is required to perform that action|server error occurred while reading from storage|storage access/i;

/** Whether a failed google.script.run call failed because of several signed-in accounts. */
export function isMultiAccountError(e: unknown): boolean {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return MULTI_ACCOUNT.test(text);
}

/** Closes the sidebar or dialog (`google.script.host.close`), when the page runs in one. */
export function closeHost(): void {
  (window as any).google?.script?.host?.close?.();
}
