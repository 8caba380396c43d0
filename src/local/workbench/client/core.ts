/**
 * What every part of the page uses: DOM helpers (all workbook data goes in as text), the
 * JSON API (each POST carries this page's user), the page's state, and the two actions other
 * parts call back into (set by page.ts, so no part imports the page).
 */
import type { SheetView, State } from '../api';

export const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

export const ui = {
  state: null as State | null,
  sheet: null as SheetView | null,
  active: '',
  limit: 1000,
  sel: { r: 1, c: 1 },
  editing: null as { r: number; c: number; input: HTMLInputElement | HTMLSelectElement } | null,
  panel: 'log',
  alerts: [] as { title: string; message: string; choice?: AlertChoice }[],
  openLog: new Set<number>(),
  openMail: new Set<number>(),
  busy: 0,
  /** Revision of the workbook the grid shows (the grid is redrawn only when it changed). */
  shownRevision: -1,
};

// ---------------------------------------------------------------- the page's user

const USER_KEY = 'od-workbench-user';
/** The choice when the browser keeps no sessionStorage. */
let memoryUser: string | null = null;

/** The user this page acts as: its own choice (kept for the tab), else the workbench's default. */
export function pageUser(): string | undefined {
  let chosen: string | null = memoryUser;
  try {
    chosen = sessionStorage.getItem(USER_KEY);
  } catch {
    // no storage: the choice in memory
  }
  return chosen ?? ui.state?.user;
}

/** Chooses whom this page's executions run as (null: the default user again). */
export function chooseUser(email: string | null): void {
  memoryUser = email;
  try {
    if (email) sessionStorage.setItem(USER_KEY, email);
    else sessionStorage.removeItem(USER_KEY);
  } catch {
    // no storage: the choice lasts until the page is reloaded
  }
}

// ---------------------------------------------------------------- the API

class ApiError extends Error {}

/** GET `path`, or POST `body` (with this page's user) as JSON; a non-2xx answer throws its error. */
export async function api<T>(path: string, body?: Record<string, unknown>): Promise<T> {
  const user = pageUser();
  const res = await fetch(
    path,
    body === undefined
      ? { cache: 'no-store' }
      : {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(user ? { ...body, user } : body),
        },
  );
  const data = (await res.json().catch(() => ({ ok: false, error: `HTTP ${res.status}` }))) as T & {
    error?: string;
  };
  if (!res.ok) throw new ApiError(data.error ?? `HTTP ${res.status}`);
  return data;
}

export function setBusy(on: boolean): void {
  ui.busy += on ? 1 : -1;
  document.body.classList.toggle('busy', ui.busy > 0);
}

/** Actions of page.ts that the parts call. */
export const app = {
  /** Reloads the state, and the grid when the workbook changed (always when `force`). */
  refresh: (_force?: boolean): Promise<void> => Promise.resolve(),
  /** Shows a sheet in the grid. */
  openSheet: (_name: string): Promise<void> => Promise.resolve(),
};

/** An alert that asks (Yes/No, OK/Cancel): its ButtonSet and what to do with the answer. */
export interface AlertChoice {
  buttons: string;
  onAnswer(button: string): void;
}
