/**
 * The record sidebar: pick a sheet, search its records, create or edit one with a form
 * built from the server's FormSpec. Every call goes through google.script.run (one
 * execution each); field errors come back as data and are shown next to their inputs.
 *
 * Security: everything from the workbook is shown with textContent / DOM properties, never
 * innerHTML, so a cell holding `<img onerror=…>` is displayed, not executed.
 * https://developers.google.com/apps-script/guides/html/reference/run
 */
import type { FormField, FormSpec, ListItem, RecordSidebarApi, RecordValues, SaveInput } from '../addon/api';
import type { TableName } from '../domain/schema';
import { $, el, serverApi } from './shared/page';

const server = serverApi<RecordSidebarApi>();

declare global {
  interface Window {
    OD_INITIAL_TABLE?: string;
  }
}

/** A message of the member's language (templates come with the FormSpec; `{name}` filled in). */
function t(key: string, params: Record<string, string | number> = {}): string {
  const template = state.spec?.text[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
const tableName = () => state.spec?.many ?? state.table;
const noun = () => state.spec?.noun ?? state.table;
/** What a table is called (for a save that finishes after the member switched tables). */
const manyOf = (table: string) => state.spec?.tables.find((x) => x.name === table)?.many ?? table;

interface Control {
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

const state = {
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
  searchSeq: 0,
  saving: false,
};

function errorId(key: string): string {
  return `od-err-${key}`;
}

/**
 * A text box for every field but enumerations and checkboxes: dates are typed as
 * `yyyy-mm-dd` (the sheet's own format) and anything else reaches the server, which names
 * what is wrong. No `maxlength`: a browser would cut a pasted text short without a word; the
 * length is checked as the member types, and by the server.
 */
function buildControl(f: FormField): Control {
  const wrap = el('div', { class: `field field-${f.type}`, 'data-key': f.key });
  const inputId = `od-f-${f.key}`;
  const error = el('p', { class: 'error', id: errorId(f.key), role: 'alert' });
  const note = el('p', { class: 'note cell-note', id: `od-note-${f.key}` });
  const label = el('label', { for: inputId }, f.label);
  if (f.required) label.appendChild(el('span', { class: 'req', 'aria-hidden': 'true' }, ' *'));
  const describe = (input: HTMLElement) => {
    input.setAttribute('aria-describedby', `${errorId(f.key)} od-note-${f.key}`);
    input.setAttribute('name', f.key);
    input.id = inputId;
    if (f.required) input.setAttribute('aria-required', 'true');
  };
  const watchLength = (input: HTMLInputElement | HTMLTextAreaElement) => {
    if (!f.maxLength) return;
    const max = f.maxLength;
    input.addEventListener('input', () => {
      const n = input.value.length;
      error.textContent = n > max ? t('field.tooLong', { field: f.label, length: n, max }) : '';
      wrap.classList.toggle('invalid', n > max);
    });
  };

  let ctl: Pick<Control, 'get' | 'set' | 'focus'>;
  switch (f.type) {
    case 'boolean': {
      // A checkbox; a cell that holds neither TRUE nor FALSE is shown as typed in a text box.
      const input = el('input', { type: 'checkbox' });
      describe(input);
      const raw = el('input', { type: 'text', class: 'raw', 'aria-label': f.label, hidden: '' });
      const row = el('label', { class: 'check', for: inputId });
      row.append(input, document.createTextNode(` ${f.label}`));
      wrap.append(row, raw);
      ctl = {
        get: () => (raw.hidden ? (input.checked ? 'TRUE' : 'FALSE') : raw.value),
        set: (v) => {
          const known = /^(true|false|)$/i.test(v.trim());
          raw.hidden = known;
          input.hidden = !known;
          raw.value = known ? '' : v;
          input.checked = /^true$/i.test(v.trim());
        },
        focus: () => (raw.hidden ? input : raw).focus(),
      };
      break;
    }
    case 'longtext': {
      const input = el('textarea', { rows: '3' });
      describe(input);
      watchLength(input);
      wrap.append(label, input);
      ctl = { get: () => input.value, set: (v) => (input.value = v), focus: () => input.focus() };
      break;
    }
    case 'enum': {
      const input = el('select');
      describe(input);
      input.appendChild(el('option', { value: '' }, f.required ? t('ui.choose') : '—'));
      f.options.forEach((o, i) => {
        input.appendChild(el('option', { value: o }, f.optionLabels[i] ?? o));
      });
      wrap.append(label, input);
      ctl = {
        get: () => input.value,
        set: (v) => {
          for (const o of Array.from(input.querySelectorAll('option.unknown'))) o.remove();
          // A value the sheet holds that isn't an option is shown as it is (saving reports it).
          if (v && !Array.from(input.options).some((o) => o.value === v)) {
            input.appendChild(el('option', { value: v, class: 'unknown' }, v));
          }
          input.value = v;
        },
        focus: () => input.focus(),
      };
      break;
    }
    default: {
      const input = el('input', { type: 'text', autocomplete: 'off' });
      describe(input);
      watchLength(input);
      // Numbers are typed as text so "abc" reaches the server and gets a clear message
      // (an <input type=number> would silently turn it into an empty value).
      if (f.type === 'number') input.inputMode = 'decimal';
      if (f.type === 'integer') input.inputMode = 'numeric';
      if (f.type === 'email') input.inputMode = 'email';
      if (f.type === 'date') input.placeholder = 'yyyy-mm-dd';
      if (f.type === 'datetime') input.placeholder = 'yyyy-mm-dd hh:mm';
      if (f.type === 'emails' || f.type === 'refs') input.placeholder = 'comma-separated';
      if (f.type === 'ref') input.placeholder = 'e.g. S-0001';
      wrap.append(label, input);
      if (f.options.length) {
        const list = el('datalist', { id: `od-dl-${f.key}` });
        for (const o of f.options) list.appendChild(el('option', { value: o }));
        input.setAttribute('list', list.id);
        wrap.appendChild(list);
      }
      ctl = { get: () => input.value, set: (v) => (input.value = v), focus: () => input.focus() };
    }
  }
  wrap.append(note, error);
  return { field: f, error, note, wrap, ...ctl };
}

function setStatus(text: string, kind: 'ok' | 'error' | 'info' = 'info'): void {
  const s = $('od-status');
  s.textContent = text;
  s.className = `status ${kind}`;
}

function clearErrors(): void {
  for (const c of state.controls) {
    c.error.textContent = '';
    c.wrap.classList.remove('invalid');
  }
}

/** "Archive" is offered for an open record of a table whose records are archived. */
function showArchive(): void {
  const b = $<HTMLButtonElement>('od-archive');
  b.hidden = !(state.spec?.archivable && state.loaded && state.currentId);
  b.textContent = t('ui.archive');
  b.dataset.armed = '';
}

function setTitle(): void {
  showArchive();
  $('od-title').textContent = state.currentId
    ? t('ui.titleEdit', { noun: noun(), id: state.currentId })
    : t('ui.titleNew', { noun: noun() });
}

/** A field's default as the form shows it (checkbox: TRUE/FALSE). */
function defaultText(f: FormField): string {
  const d = f.defaultValue;
  if (d === null || d === undefined) return '';
  if (typeof d === 'boolean') return d ? 'TRUE' : 'FALSE';
  return String(d);
}

function resetForm(): void {
  state.currentId = '';
  state.currentRow = 0;
  state.loaded = null;
  state.needsNewId = false;
  for (const c of state.controls) {
    c.set(defaultText(c.field));
    c.note.textContent = '';
  }
  clearErrors();
  setTitle();
  markSelected();
}

function renderForm(spec: FormSpec): void {
  state.spec = spec;
  const tables = $<HTMLSelectElement>('od-table');
  if (tables.options.length === 0) {
    for (const { name, many } of spec.tables) tables.appendChild(el('option', { value: name }, many));
  }
  // The page's own words, in the member's language.
  document.documentElement.lang = spec.lang === 'zh' ? 'zh-CN' : 'en';
  $('od-new').textContent = t('ui.new');
  $<HTMLInputElement>('od-search').placeholder = t('ui.search');
  if (!state.saving) $('od-save').textContent = t('ui.save');
  tables.value = spec.table;
  const box = $('od-fields');
  box.replaceChildren();
  state.controls = spec.fields.filter((f) => f.type !== 'id').map(buildControl);
  for (const c of state.controls) box.appendChild(c.wrap);
  $<HTMLButtonElement>('od-save').disabled = false;
  resetForm();
}

function markSelected(): void {
  for (const li of Array.from($('od-results').querySelectorAll('li'))) {
    li.classList.toggle(
      'selected',
      !!state.loaded &&
        li.getAttribute('data-id') === state.currentId &&
        li.getAttribute('data-row') === String(state.currentRow),
    );
  }
}

function renderResults(items: ListItem[], query: string): void {
  const ul = $('od-results');
  ul.replaceChildren();
  for (const it of items) {
    const li = el('li', { 'data-id': it.id, 'data-row': String(it.row) });
    const b = el('button', { type: 'button', class: 'item' });
    b.appendChild(el('span', { class: 'item-title' }, it.title));
    b.appendChild(el('span', { class: 'item-id' }, it.id));
    if (it.subtitle) b.appendChild(el('span', { class: 'item-sub' }, it.subtitle));
    b.addEventListener('click', () => void openRecord(it.id, it.row));
    li.appendChild(b);
    ul.appendChild(li);
  }
  const note = $('od-results-note');
  note.textContent = items.length
    ? ''
    : query
      ? t('ui.noMatch', { table: tableName(), query })
      : t('ui.noneYet', { table: tableName() });
  markSelected();
}

async function search(): Promise<void> {
  const seq = ++state.searchSeq;
  const query = $<HTMLInputElement>('od-search').value.trim();
  try {
    const items = await server.call('sidebarSearch', state.table, query, 50);
    if (seq === state.searchSeq) renderResults(items, query);
  } catch (e) {
    if (seq === state.searchSeq)
      $('od-results-note').textContent = t('ui.searchFailed', { error: messageOf(e) });
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Fills the form with a record as loaded; it becomes the base that changes are measured from. */
function showRecord(rec: RecordValues): void {
  clearErrors();
  state.currentId = rec.id;
  state.currentRow = rec.row;
  state.loaded = { ...rec.values };
  state.needsNewId = !rec.id || rec.sameIdRows.length > 0;
  for (const c of state.controls) {
    c.set(rec.values[c.field.key] ?? '');
    const problem = rec.problems[c.field.key];
    c.note.textContent = problem ? t('ui.cellAsTyped', { problem }) : '';
  }
  setTitle();
  markSelected();
}

async function openRecord(id: string, row?: number): Promise<void> {
  setStatus(t('ui.opening', { id: id || t('ui.rowN', { row: row ?? '' }) }));
  try {
    const rec = await server.call('sidebarGet', state.table, id, row);
    if (!rec) {
      setStatus(t('ui.gone', { id, table: tableName() }), 'error');
      void search();
      return;
    }
    showRecord(rec);
    const warn = !rec.id
      ? t('ui.blankId', { row: rec.row })
      : rec.sameIdRows.length
        ? t('ui.sameId', { id: rec.id, rows: rec.sameIdRows.join(', ') })
        : '';
    setStatus(warn || t('ui.row', { row: rec.row }), warn ? 'error' : 'info');
  } catch (e) {
    setStatus(t('ui.couldNotOpen', { id, error: messageOf(e) }), 'error');
  }
}

async function loadTable(table: TableName): Promise<void> {
  state.table = table;
  setStatus('');
  $('od-title').textContent = state.spec ? t('ui.loading') : 'Loading…';
  $<HTMLButtonElement>('od-save').disabled = true;
  try {
    const spec = await server.call('sidebarForm', table);
    if (state.table !== table) return;
    renderForm(spec);
    await search();
  } catch (e) {
    $('od-title').textContent = table;
    setStatus(messageOf(e), 'error');
  }
}

async function save(ev: Event): Promise<void> {
  ev.preventDefault();
  if (state.saving || !state.spec) return;
  clearErrors();
  // An existing record sends only what the member changed, with what the form loaded; a new
  // one sends every field.
  const changes: Record<string, string> = {};
  for (const c of state.controls) {
    const v = c.get();
    if (!state.loaded || v !== (state.loaded[c.field.key] ?? '')) changes[c.field.key] = v;
  }
  if (state.loaded && Object.keys(changes).length === 0 && !state.needsNewId) {
    setStatus(t('ui.noChanges'), 'info');
    return;
  }
  const input: SaveInput = state.loaded
    ? {
        id: state.currentId,
        row: state.currentRow,
        base: state.loaded,
        changes,
        newId: state.needsNewId,
      }
    : { changes };
  const button = $<HTMLButtonElement>('od-save');
  state.saving = true;
  button.disabled = true;
  button.textContent = t('ui.saving');
  document.body.classList.add('busy');
  setStatus(t('ui.saving'));
  try {
    const table = state.table;
    const r = await server.call('sidebarSave', table, input);
    if (state.table !== table) {
      // The user switched sheets meanwhile: report, but don't touch the new form.
      setStatus(
        r.ok
          ? t('ui.savedIn', { id: r.id, table: manyOf(table) })
          : t('ui.nothingSavedIn', { table: manyOf(table) }),
        r.ok ? 'ok' : 'error',
      );
      return;
    }
    if (r.ok) {
      // What the sheet holds now becomes the form's base (the server normalised the values).
      const now = await server.call('sidebarGet', table, r.id, r.row).catch(() => null);
      if (state.table !== table) return;
      if (now) showRecord(now);
      else {
        state.currentId = r.id;
        setTitle();
      }
      setStatus(
        r.created ? t('ui.savedNew', { noun: noun(), id: r.id, row: r.row }) : t('ui.saved', { id: r.id }),
        'ok',
      );
      void search();
    } else {
      const general: string[] = [];
      let first: Control | undefined;
      for (const err of r.errors) {
        const c = state.controls.find((x) => x.field.key === err.field);
        if (c) {
          c.error.textContent = c.error.textContent ? `${c.error.textContent} ${err.message}` : err.message;
          c.wrap.classList.add('invalid');
          first ??= c;
        } else general.push(err.message);
      }
      setStatus(
        general.length ? general.join(' ') : r.conflict ? t('ui.conflict') : t('ui.correctFields'),
        'error',
      );
      first?.focus();
    }
  } catch (e) {
    setStatus(t('ui.nothingSaved', { error: messageOf(e) }), 'error');
  } finally {
    state.saving = false;
    button.disabled = false;
    button.textContent = t('ui.save');
    document.body.classList.remove('busy');
  }
}

/**
 * Archive needs a second click within five seconds (no native dialog: the page's own
 * confirmation), then saves the archive field like any other change of the record.
 */
async function archive(): Promise<void> {
  const b = $<HTMLButtonElement>('od-archive');
  if (!state.loaded || state.saving) return;
  if (b.dataset.armed !== '1') {
    b.dataset.armed = '1';
    b.textContent = t('ui.archiveConfirm');
    setTimeout(() => {
      if (b.dataset.armed === '1') showArchive();
    }, 5000);
    return;
  }
  const table = state.table;
  const id = state.currentId;
  state.saving = true;
  b.disabled = true;
  try {
    const r = await server.call('sidebarArchive', table, { id, row: state.currentRow, base: state.loaded });
    if (state.table !== table) return;
    if (r.ok) {
      const now = await server.call('sidebarGet', table, r.id, r.row).catch(() => null);
      if (now) showRecord(now);
      setStatus(t('ui.archived', { id: r.id }), 'ok');
      void search();
    } else setStatus(r.errors.map((e) => e.message).join(' '), 'error');
  } catch (e) {
    setStatus(t('ui.nothingSaved', { error: messageOf(e) }), 'error');
  } finally {
    state.saving = false;
    b.disabled = false;
    showArchive();
  }
}

function init(): void {
  $('od-archive').addEventListener('click', () => void archive());
  let timer: ReturnType<typeof setTimeout> | undefined;
  $<HTMLInputElement>('od-search').addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), 250);
  });
  $('od-table').addEventListener(
    'change',
    (e) => void loadTable((e.target as HTMLSelectElement).value as TableName),
  );
  $('od-new').addEventListener('click', () => {
    resetForm();
    setStatus('');
    state.controls[0]?.focus();
  });
  $('od-form').addEventListener('submit', (e) => void save(e));
  void loadTable((window.OD_INITIAL_TABLE || 'Sponsors') as TableName);
}

// The server appends `window.OD_INITIAL_TABLE = …` after this page, so start once it's parsed.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
