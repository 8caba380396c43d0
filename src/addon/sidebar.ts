/**
 * Server side of the record sidebar (google.script.run targets). Every function returns
 * plain data; field errors are returned, not thrown, so the form can show each message
 * next to its input. The sidebar renders everything with textContent: no HTML from the
 * workbook is ever executed.
 */
import { fieldLabel, type Lang, msg, templates, valueName } from '../domain/i18n';
import { type FieldDef, RECORD_TABLES, type TableName, tableDef } from '../domain/schema';
import { AddonContext } from './context';
import { saveRecord, ValidationFailed, WorkbookBusy } from './store';

export const SIDEBAR_FILE = 'Sidebar';

export interface FormField {
  key: string;
  header: string;
  type: FieldDef['type'];
  options: string[];
  strictOptions: boolean;
  required: boolean;
  maxLength: number | null;
  /** What a new record's form starts with (the value a blank field is saved as). */
  defaultValue: string | number | boolean | null;
  /** The field's label in the member's language (`阶段 (Stage)`); the sheet keeps `header`. */
  label: string;
  /** How each option is shown (the option itself is what is saved). */
  optionLabels: string[];
}

export interface FormSpec {
  table: TableName;
  title: string;
  fields: FormField[];
  tables: TableName[];
  lang: Lang;
  /** Message templates the page fills in (`ui.*`, `table.*`, `noun.*`; `{name}` placeholders). */
  text: Record<string, string>;
}

export interface ListItem {
  id: string;
  title: string;
  subtitle: string;
  row: number;
}

export type SaveResponse =
  | { ok: true; id: string; row: number; created: boolean }
  | { ok: false; errors: { field: string; message: string }[] };

function recordTable(name: unknown): TableName {
  const def = tableDef(String(name));
  if (!def.idPrefix) throw new Error(`${def.name} has no record form.`);
  return def.name;
}

export function openRecordSidebar(table: TableName): void {
  const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE)
    .append(`<script>window.OD_INITIAL_TABLE=${JSON.stringify(table)};</script>`)
    .setTitle(`Outreach Desk · ${table}`);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** The language of the member using the sidebar (Members "Language" cell, else Settings). */
function languageOf(ctx: AddonContext): Lang {
  const who = Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail();
  try {
    return ctx.languageFor(who);
  } catch {
    return 'en'; // Settings or Members unreadable: the form still works, in English
  }
}

export function sidebarForm(table: unknown): FormSpec {
  const def = tableDef(recordTable(table));
  const lang = languageOf(new AddonContext());
  return {
    table: def.name,
    title: def.name,
    tables: RECORD_TABLES.map((d) => d.name),
    lang,
    text: { ...templates(lang, 'ui.'), ...templates(lang, 'table.'), ...templates(lang, 'noun.') },
    fields: def.fields.map((f) => ({
      key: f.key,
      header: f.header,
      label: fieldLabel(lang, f.header),
      type: f.type,
      options: f.options ? [...f.options] : [],
      optionLabels: (f.options ?? []).map((o) =>
        lang === 'en' ? o : `${valueName(lang, o)}${valueName(lang, o) === o ? '' : ` (${o})`}`,
      ),
      strictOptions: f.type === 'enum',
      required: !!f.required,
      maxLength: f.maxLength ?? null,
      defaultValue: f.defaultValue ?? null,
    })),
  };
}

const cellText = (v: unknown): string =>
  Array.isArray(v) ? v.join(', ') : v === null || v === undefined ? '' : String(v);

/** Records matching `query` (any field, case-insensitive), newest IDs first, at most `limit`. */
export function sidebarSearch(table: unknown, query: unknown, limit: unknown = 50): ListItem[] {
  const def = tableDef(recordTable(table));
  const ctx = new AddonContext();
  const q = String(query ?? '')
    .trim()
    .toLowerCase();
  const n = Math.min(Math.max(Number(limit) || 50, 1), 500);
  const out: ListItem[] = [];
  const recs = ctx.table(def.name).records;
  for (let i = recs.length - 1; i >= 0 && out.length < n; i--) {
    const r = recs[i]!;
    if (q && !Object.values(r.data).some((v) => cellText(v).toLowerCase().includes(q))) continue;
    const subtitleKeys = ['organization', 'type', 'stage', 'status', 'owner', 'date', 'email'];
    out.push({
      id: cellText(r.data.id),
      title: cellText(r.data[def.titleKey]) || '(untitled)',
      subtitle: subtitleKeys
        .filter((k) => k in r.data && k !== def.titleKey)
        .map((k) => cellText(r.data[k]))
        .filter(Boolean)
        .slice(0, 3)
        .join(' · '),
      row: r.row,
    });
  }
  return out;
}

/** One record's field values as the form shows them (text), or null when gone. */
export function sidebarGet(
  table: unknown,
  id: unknown,
): { id: string; row: number; values: Record<string, string> } | null {
  const def = tableDef(recordTable(table));
  const ctx = new AddonContext();
  const want = String(id ?? '')
    .trim()
    .toUpperCase();
  const rec = ctx.table(def.name).records.find((r) => r.data.id === want);
  if (!rec) return null;
  const values: Record<string, string> = {};
  for (const f of def.fields) {
    const v = rec.data[f.key];
    values[f.key] = f.type === 'boolean' ? (v === true ? 'TRUE' : 'FALSE') : cellText(v);
  }
  return { id: want, row: rec.row, values };
}

export function sidebarSave(table: unknown, input: unknown): SaveResponse {
  const name = recordTable(table);
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, errors: [{ field: '', message: 'Nothing to save: the form sent no fields.' }] };
  }
  const ctx = new AddonContext();
  const who = Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail() || 'unknown';
  try {
    const r = saveRecord(ctx, name, input as Record<string, unknown>, who);
    return { ok: true, ...r };
  } catch (e) {
    if (e instanceof ValidationFailed) {
      const lang = languageOf(ctx);
      const def = tableDef(name);
      const label = (key: string) => {
        const f = def.fields.find((x) => x.key === key);
        return f ? fieldLabel(lang, f.header) : undefined;
      };
      return {
        ok: false,
        errors: e.errors.map((fe) => ({ field: fe.field, message: fe.localized(lang, label(fe.field)) })),
      };
    }
    if (e instanceof WorkbookBusy)
      return { ok: false, errors: [{ field: '', message: msg(languageOf(ctx), 'ui.busy') }] };
    throw e;
  }
}
