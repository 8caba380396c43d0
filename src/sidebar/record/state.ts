/**
 * The record sidebar's shared state and words: what is open, the form's controls, and the
 * member's language (every text the page shows is a template of FormSpec.text).
 */
import type { FormField, FormSpec, RecordSidebarApi } from '../../addon/api';
import type { TableName } from '../../domain/schema';
import { fillText, isMultiAccountError, serverApi } from '../shared/page';

export const server = serverApi<RecordSidebarApi>();

export interface Control {
  field: FormField;
  /** The field as text: what a save sends, and what is compared with what was loaded. */
  get(): string;
  set(v: string): void;
  focus(): void;
  error: HTMLElement;
  /** Why the loaded cell is shown as typed (not a valid value of the field). */
  note: HTMLElement;
  wrap: HTMLElement;
}

export const state = {
  table: '' as TableName,
  spec: null as FormSpec | null,
  controls: [] as Control[],
  currentId: '',
  /** The sheet row of the open record (tells apart rows whose ID is blank or repeated). */
  currentRow: 0,
  /** Each field as the form loaded it: sent as `base`, and compared to find what changed. */
  loaded: null as Record<string, string> | null,
  /** The open row's ID also stands on other rows (or is blank): a save gives it a new ID. */
  needsNewId: false,
  /** The last save found look-alikes and the member was told: the next save creates anyway. */
  allowDuplicate: false,
  searchSeq: 0,
  saving: false,
};

/** A message of the member's language (templates come with the FormSpec; `{name}` filled in). */
export function t(key: string, params: Record<string, string | number> = {}): string {
  const template = state.spec?.text[key] ?? key;
  return fillText(template, params);
}

export const tableName = () => state.spec?.many ?? state.table;
export const noun = () => state.spec?.noun ?? state.table;
/** What a table is called (for a save that finishes after the member switched tables). */
export const manyOf = (table: string) => state.spec?.tables.find((x) => x.name === table)?.many ?? table;

/** A number as the member's language writes it (`1,100`). */
export const count = (n: number) => n.toLocaleString(state.spec?.lang === 'zh' ? 'zh-CN' : 'en-US');

/**
 * What a failed call says. Apps Script's multi-account problem (the browser is signed in to
 * several Google accounts and the call ran as another one) is said in the member's words,
 * with what to do, instead of the raw server error.
 */
export function messageOf(e: unknown): string {
  if (isMultiAccountError(e) && state.spec?.text['ui.multiAccount']) return t('ui.multiAccount');
  // Before the form's texts arrive: the sentence the server put in the page.
  const early = (window as { OD_MULTI_ACCOUNT?: string }).OD_MULTI_ACCOUNT;
  if (isMultiAccountError(e) && early) return early;
  return e instanceof Error ? e.message : String(e);
}
