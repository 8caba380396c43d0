/**
 * Save and Archive. An existing record sends what the form loaded and only what the member
 * changed; a new one sends every field. Field errors come back as data and are shown next to
 * their inputs; look-alikes of a new record are listed under the status, each with Open, and
 * the next Save creates the record anyway.
 */
import type { Duplicate, SaveInput } from '../../addon/api';
import { $, el } from '../shared/page';
import { clearErrors, setStatus, setTitle, showArchive, showRecord, showSave } from './form';
import { openRecord, search } from './results';
import { seriesControl, seriesUntil } from './series';
import { type Control, manyOf, messageOf, noun, server, state, t } from './state';

/** The records a new one looks like, under the status: title, ID and an Open button each. */
function showDuplicates(dups: Duplicate[]): void {
  const ul = $('od-dups');
  ul.replaceChildren();
  for (const d of dups) {
    const li = el('li');
    li.appendChild(el('span', { class: 'item-title' }, d.title));
    li.appendChild(el('span', { class: 'item-id' }, d.id));
    const open = el('button', { type: 'button', class: 'secondary' }, t('ui.openRecord'));
    open.setAttribute('aria-label', t('ui.openRecordId', { id: d.id }));
    open.addEventListener('click', () => void openRecord(d.id, d.row));
    li.appendChild(open);
    ul.appendChild(li);
  }
}

export async function save(ev: Event): Promise<void> {
  ev.preventDefault();
  if (state.saving || !state.spec) return;
  clearErrors();
  const changes: Record<string, string> = {};
  for (const c of state.controls) {
    const v = c.get();
    if (!state.loaded || v !== (state.loaded[c.field.key] ?? '')) changes[c.field.key] = v;
  }
  if (state.loaded && Object.keys(changes).length === 0 && !state.needsNewId) {
    setStatus(t('ui.noChanges'), 'info');
    return;
  }
  const until = seriesUntil();
  const input: SaveInput = state.loaded
    ? { id: state.currentId, row: state.currentRow, base: state.loaded, changes, newId: state.needsNewId }
    : {
        changes,
        ...(state.allowDuplicate ? { allowDuplicate: true } : { checkDuplicates: true }),
        ...(until ? { repeatUntil: until } : {}),
      };
  const button = $<HTMLButtonElement>('od-save');
  state.saving = true;
  button.disabled = true;
  showSave();
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
      state.allowDuplicate = false;
      if (now) showRecord(now);
      else {
        state.currentId = r.id;
        setTitle();
      }
      const more = r.series?.slice(1) ?? [];
      setStatus(
        more.length
          ? t('ui.savedSeries', { id: r.id, n: more.length, ids: more.join(', ') })
          : r.created
            ? t('ui.savedNew', { noun: noun(), id: r.id, row: r.row })
            : t('ui.saved', { id: r.id }),
        'ok',
      );
      void search();
    } else {
      const general: string[] = [];
      let first: Control | undefined;
      for (const err of r.errors) {
        const c = state.controls.find((x) => x.field.key === err.field) ?? seriesControl(err.field);
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
      if (r.duplicates?.length && !state.loaded) {
        state.allowDuplicate = true;
        showDuplicates(r.duplicates);
      }
      first?.focus();
    }
  } catch (e) {
    setStatus(t('ui.nothingSaved', { error: messageOf(e) }), 'error');
  } finally {
    state.saving = false;
    button.disabled = false;
    showSave();
    document.body.classList.remove('busy');
  }
}

/**
 * Archive needs a second click within five seconds (no native dialog: the page's own
 * confirmation), then saves the archive field like any other change of the record.
 */
export async function archive(): Promise<void> {
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
