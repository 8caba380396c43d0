/**
 * The form's state on the page: the status by the Save button, the title, a new record's
 * defaults, and a record as loaded (it becomes the base that changes are measured from).
 */
import type { FormField, FormSpec, RecordValues } from '../../addon/api';
import { $, el } from '../shared/page';
import { buildAttendance, syncAttendance } from './attendance';
import { buildControl } from './controls';
import { buildTemplatePreview, syncTemplatePreview } from './preview';
import { buildSeries, seriesControl, syncSeries } from './series';
import { noun, state, t } from './state';

/** Called when the form shows a record (or, with null, is reset): table panels hook in here (record/partners.ts). */
export const onShown: ((rec: RecordValues | null) => void)[] = [];

export function setStatus(text: string, kind: 'ok' | 'error' | 'info' = 'info'): void {
  const s = $('od-status');
  s.textContent = text;
  s.className = `status ${kind}`;
  $('od-dups').replaceChildren();
}

export function clearErrors(): void {
  const series = seriesControl('repeatUntil');
  for (const c of series ? [...state.controls, series] : state.controls) {
    c.error.textContent = '';
    c.wrap.classList.remove('invalid');
  }
}

/** The Save button says what the next click does (save, or create a look-alike anyway). */
export function showSave(): void {
  const b = $<HTMLButtonElement>('od-save');
  b.textContent = state.saving ? t('ui.saving') : state.allowDuplicate ? t('ui.saveAnyway') : t('ui.save');
}

/** "Archive" is offered for an open record of a table whose records are archived. */
export function showArchive(): void {
  const b = $<HTMLButtonElement>('od-archive');
  b.hidden = !(state.spec?.archivable && state.loaded && state.currentId);
  b.textContent = t('ui.archive');
  b.dataset.armed = '';
}

export function setTitle(): void {
  showArchive();
  $('od-title').textContent = state.currentId
    ? t('ui.titleEdit', { noun: noun(), id: state.currentId })
    : t('ui.titleNew', { noun: noun() });
}

/** A field's default as the form shows it (checkbox: TRUE/FALSE); a member field: the member. */
function defaultText(f: FormField): string {
  const d = f.defaultValue;
  if ((d === null || d === undefined || d === '') && f.link === 'member' && !f.multiple)
    return state.spec?.me ?? '';
  if (d === null || d === undefined) return '';
  if (typeof d === 'boolean') return d ? 'TRUE' : 'FALSE';
  return String(d);
}

export function markSelected(): void {
  for (const li of Array.from($('od-results').querySelectorAll('li'))) {
    li.classList.toggle(
      'selected',
      !!state.loaded &&
        li.getAttribute('data-id') === state.currentId &&
        li.getAttribute('data-row') === String(state.currentRow),
    );
  }
}

export function resetForm(): void {
  state.currentId = '';
  state.currentRow = 0;
  state.loaded = null;
  state.needsNewId = false;
  state.allowDuplicate = false;
  for (const c of state.controls) {
    c.set(defaultText(c.field));
    c.note.textContent = '';
  }
  syncAttendance();
  syncSeries();
  syncTemplatePreview();
  clearErrors();
  setTitle();
  showSave();
  markSelected();
  for (const f of onShown) f(null);
}

export function renderForm(spec: FormSpec): void {
  state.spec = spec;
  const tables = $<HTMLSelectElement>('od-table');
  if (tables.options.length === 0) {
    for (const { name, many } of spec.tables) tables.appendChild(el('option', { value: name }, many));
  }
  // The page's own words, in the member's language.
  document.documentElement.lang = spec.lang === 'zh' ? 'zh-CN' : 'en';
  $('od-new').textContent = t('ui.new');
  $<HTMLInputElement>('od-search').placeholder = t('ui.search');
  $('od-table-label').textContent = t('ui.sheet');
  tables.setAttribute('aria-label', t('ui.sheet'));
  $('od-search-label').textContent = t('ui.searchLabel');
  $('od-results').setAttribute('aria-label', t('ui.records'));
  tables.value = spec.table;
  const box = $('od-fields');
  box.replaceChildren();
  state.controls = spec.fields.filter((f) => f.type !== 'id').map(buildControl);
  for (const c of state.controls) box.appendChild(c.wrap);
  buildAttendance(state.controls);
  buildSeries(state.controls);
  buildTemplatePreview(state.controls);
  $<HTMLButtonElement>('od-save').disabled = false;
  resetForm();
}

/** Fills the form with a record as loaded; it becomes the base that changes are measured from. */
export function showRecord(rec: RecordValues): void {
  clearErrors();
  state.currentId = rec.id;
  state.currentRow = rec.row;
  state.loaded = { ...rec.values };
  state.needsNewId = !rec.id || rec.sameIdRows.length > 0;
  state.allowDuplicate = false;
  for (const c of state.controls) {
    c.set(rec.values[c.field.key] ?? '');
    const problem = rec.problems[c.field.key];
    c.note.textContent = problem ? t('ui.cellAsTyped', { problem }) : '';
  }
  syncAttendance();
  syncSeries();
  syncTemplatePreview();
  setTitle();
  showSave();
  markSelected();
  for (const f of onShown) f(rec);
}
