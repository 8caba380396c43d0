/**
 * Server side of the record sidebar (google.script.run targets). Every function returns
 * plain data; field errors are returned, not thrown, so the form can show each message
 * next to its input. The sidebar renders everything with textContent: no HTML from the
 * workbook is ever executed.
 */

import { fieldLabel, type Lang, msg, tableNoun, templates, valueName } from '../domain/i18n';
import { formText, normHeader } from '../domain/records';
import { RECORD_TABLES, type TableName, tableDef } from '../domain/schema';
import type { FormSpec, RecordSidebarApi, RecordValues, SaveResponse } from './api';
import { AddonContext } from './context';
import { findDuplicates } from './duplicates';
import { headerRow, SheetGateway } from './gateway';
import { linkOf, memberChoices, sidebarChoices, sidebarShowRow } from './pickers';
import { editAction, Refused, requireRole } from './roles';
import { sidebarSearch, sidebarSearchPage } from './search';
import {
  conflictMessage,
  RecordNotFound,
  StaleEdit,
  saveRecord,
  toSaveRequest,
  ValidationFailed,
  WorkbookBusy,
} from './store';

export const SIDEBAR_FILE = 'Sidebar';

function recordTable(name: unknown): TableName {
  const def = tableDef(String(name));
  if (!def.idPrefix) throw new Error(`${def.name} has no record form.`);
  return def.name;
}

/** A value as a script literal safe inside an HTML <script> element. */
const scriptValue = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

export function openRecordSidebar(table: TableName): void {
  const lang = new AddonContext().userLanguage();
  // The page's title, and what to say if its very first call fails because the browser is
  // signed in to several Google accounts, in the member's language (before any call answers).
  const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE)
    .append(
      `<script>window.OD_INITIAL_TABLE=${scriptValue(table)};window.OD_MULTI_ACCOUNT=${scriptValue(msg(lang, 'ui.multiAccount'))};</script>`,
    )
    .setTitle(`Outreach Desk · ${tableNoun(lang, tableDef(table), true)}`);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function sidebarForm(table: unknown): FormSpec {
  const def = tableDef(recordTable(table));
  const ctx = new AddonContext();
  const lang = ctx.userLanguage();
  // Optional columns (Members "Language") are offered only where the sheet has them.
  const present = new Set(headerRow(ctx.sheet(def.name)).map(normHeader));
  return {
    table: def.name,
    tables: RECORD_TABLES.map((d) => ({ name: d.name, many: tableNoun(lang, d, true) })),
    noun: tableNoun(lang, def),
    many: tableNoun(lang, def, true),
    archivable: !!def.archive,
    lang,
    me: (Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || '').toLowerCase(),
    members: memberChoices(ctx),
    text: { ...templates(lang, 'ui.'), ...templates(lang, 'field.') },
    fields: def.fields
      .filter((f) => !f.optional || present.has(normHeader(f.header)))
      .map((f) => ({
        key: f.key,
        header: f.header,
        label: fieldLabel(lang, f),
        type: f.type,
        options: f.options ? [...f.options] : [],
        optionLabels: (f.options ?? []).map((o) => {
          const name = valueName(lang, o, f);
          return name === o ? o : `${name} (${o})`;
        }),
        strictOptions: f.type === 'enum',
        required: !!f.required,
        maxLength: f.maxLength ?? null,
        defaultValue: f.defaultValue ?? null,
        link: linkOf(f),
        multiple: f.type === 'refs' || f.type === 'emails',
      })),
  };
}

/**
 * One record's fields as the form shows them, or null when gone. Found by ID (the header
 * row, the ID column and the one row are read); `row` picks among rows that share an ID or
 * have none, as the search list shows them.
 */
export function sidebarGet(table: unknown, id: unknown, row?: unknown): RecordValues | null {
  const def = tableDef(recordTable(table));
  const ctx = new AddonContext();
  const gw = SheetGateway.open(ctx.ss, def);
  const want = String(id ?? '')
    .trim()
    .toUpperCase();
  const { row: at, others } = gw.rowOfRecord(want, row);
  if (!at) return null;
  const { values: cells } = gw.readRow(at);
  const values: Record<string, string> = {};
  const problems: Record<string, string> = {};
  for (const f of def.fields) {
    const t = formText(f, cells[gw.cols[f.key]!], ctx.timeZone);
    values[f.key] = t.text;
    if (t.problem) problems[f.key] = t.problem;
  }
  return { id: want, row: at, values, problems, sameIdRows: others };
}

export function sidebarSave(table: unknown, input: unknown): SaveResponse {
  const name = recordTable(table);
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, errors: [{ field: '', message: 'Nothing to save: the form sent no fields.' }] };
  }
  const ctx = new AddonContext();
  const who = Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || 'unknown';
  const def = tableDef(name);
  let memo: Lang | undefined;
  const language = () => (memo ??= ctx.userLanguage()); // read only when a message needs it
  try {
    requireRole(ctx, editAction(name), language);
    const request = toSaveRequest(input as Record<string, unknown>);
    const creating = !request.id?.trim() && request.row === undefined;
    const flags = input as { allowDuplicate?: unknown; checkDuplicates?: unknown };
    if (creating && flags.checkDuplicates === true && flags.allowDuplicate !== true) {
      const duplicates = findDuplicates(ctx, name, request.changes);
      if (duplicates.length)
        return {
          ok: false,
          duplicates,
          errors: [{ field: '', message: msg(language(), 'ui.duplicate', { n: duplicates.length }) }],
        };
    }
    const r = saveRecord(ctx, name, request, who, language);
    return { ok: true, ...r };
  } catch (e) {
    const lang = language();
    const label = (key: string) => {
      if (key === 'repeatUntil') return msg(lang, 'ui.repeatUntil');
      const f = def.fields.find((x) => x.key === key);
      return f ? fieldLabel(lang, f) : undefined;
    };
    if (e instanceof ValidationFailed) {
      return {
        ok: false,
        errors: e.errors.map((fe) => ({ field: fe.field, message: fe.localized(lang, label(fe.field)) })),
      };
    }
    if (e instanceof StaleEdit) {
      return {
        ok: false,
        conflict: true,
        errors: e.conflicts.map((c) => ({
          field: c.field,
          message: conflictMessage(c, lang, label(c.field) ?? c.header),
        })),
      };
    }
    if (e instanceof WorkbookBusy)
      return { ok: false, errors: [{ field: '', message: msg(lang, 'ui.busy') }] };
    if (e instanceof RecordNotFound || e instanceof Refused)
      return { ok: false, errors: [{ field: '', message: e.message }] };
    throw e; // a sheet's headers are wrong (SchemaError names them): the page shows the message
  }
}

/**
 * Archives a record instead of deleting it (the schema says how: Sponsors' Stage becomes
 * Dormant, a contact or event gets today's Archived date, a member Active FALSE). It is a
 * save of that one field, with the same checks: roles, a stale form refused, nothing else
 * written. Archived records leave reminders and the roster and stay in the sheet.
 */
export function sidebarArchive(table: unknown, input: unknown): SaveResponse {
  const def = tableDef(recordTable(table));
  const a = def.archive;
  if (!a) return { ok: false, errors: [{ field: '', message: `${def.name} records are not archived.` }] };
  const form = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const value = a.value === 'today' ? new AddonContext().today() : a.value;
  return sidebarSave(def.name, { ...form, changes: { [a.key]: value } });
}

/** The record sidebar's functions, checked against the API the page calls. */
export const RECORD_SIDEBAR: RecordSidebarApi = {
  sidebarForm,
  sidebarSearch,
  sidebarSearchPage,
  sidebarChoices,
  sidebarShowRow,
  sidebarGet,
  sidebarSave,
  sidebarArchive,
};
