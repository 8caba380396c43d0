/**
 * The search list: one page of the records matching the search box (`sidebarSearchPage`),
 * with how many match in all when there are more; Up/Down in the search box move through the
 * list and Enter opens the highlighted record.
 */
import type { ListItem } from '../../addon/api';
import { $, el } from '../shared/page';
import { markSelected, setStatus, showRecord } from './form';
import { count, messageOf, server, state, t, tableName } from './state';

const PAGE = 50;
let active = -1;

function items(): HTMLLIElement[] {
  return Array.from($('od-results').querySelectorAll('li'));
}

/** Highlights the `i`-th result (−1: none), as the search box's active descendant. */
function highlight(i: number): void {
  const lis = items();
  active = i;
  const input = $<HTMLInputElement>('od-search');
  lis.forEach((li, j) => {
    li.classList.toggle('active', j === i);
    li.setAttribute('aria-selected', String(j === i));
  });
  const li = lis[i];
  if (li) {
    input.setAttribute('aria-activedescendant', li.id);
    li.scrollIntoView({ block: 'nearest' });
  } else input.removeAttribute('aria-activedescendant');
}

function renderResults(list: ListItem[], total: number, query: string, atLeast = false): void {
  const ul = $('od-results');
  ul.replaceChildren();
  list.forEach((it, i) => {
    const li = el('li', { 'data-id': it.id, 'data-row': String(it.row), id: `od-res-${i}`, role: 'option' });
    const b = el('button', { type: 'button', class: 'item' });
    b.appendChild(el('span', { class: 'item-title' }, it.title));
    b.appendChild(el('span', { class: 'item-id' }, it.id));
    if (it.subtitle) b.appendChild(el('span', { class: 'item-sub' }, it.subtitle));
    b.addEventListener('click', () => void openRecord(it.id, it.row));
    li.appendChild(b);
    ul.appendChild(li);
  });
  highlight(-1);
  $('od-results-note').textContent = list.length
    ? total > list.length
      ? t(atLeast ? 'ui.shownOfAtLeast' : 'ui.shownOfTotal', {
          shown: count(list.length),
          total: count(total),
        })
      : ''
    : query
      ? t('ui.noMatch', { table: tableName(), query })
      : t('ui.noneYet', { table: tableName() });
  markSelected();
}

export async function search(): Promise<void> {
  const seq = ++state.searchSeq;
  const query = $<HTMLInputElement>('od-search').value.trim();
  try {
    const page = await server.call('sidebarSearchPage', state.table, query, PAGE);
    if (seq === state.searchSeq) renderResults(page.items, page.total, query, page.atLeast);
  } catch (e) {
    if (seq === state.searchSeq)
      $('od-results-note').textContent = t('ui.searchFailed', { error: messageOf(e) });
  }
}

export async function openRecord(id: string, row?: number): Promise<void> {
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
    // A link from the record to its row in the sheet.
    const show = el('button', { type: 'button', class: 'link', id: 'od-show-row' }, t('ui.showRow'));
    show.addEventListener('click', () => {
      void server.call('sidebarShowRow', state.table, rec.id, rec.row).catch(() => 0);
    });
    $('od-status').append(' ', show);
  } catch (e) {
    setStatus(t('ui.couldNotOpen', { id, error: messageOf(e) }), 'error');
  }
}

/** The search box: typing searches (250 ms after the last key); Up/Down/Enter walk the list. */
export function wireSearch(): void {
  const input = $<HTMLInputElement>('od-search');
  // The list is the search box's popup: Up/Down move its active option (aria-activedescendant).
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'true');
  input.setAttribute('aria-controls', 'od-results');
  $('od-results').setAttribute('role', 'listbox');
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(), 250);
  });
  input.addEventListener('keydown', (e) => {
    const n = items().length;
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && n) {
      e.preventDefault();
      const down = e.key === 'ArrowDown';
      highlight(active < 0 ? (down ? 0 : n - 1) : (active + (down ? 1 : -1) + n) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const li = items()[active];
      if (li)
        void openRecord(li.getAttribute('data-id') ?? '', Number(li.getAttribute('data-row')) || undefined);
      else {
        clearTimeout(timer);
        void search();
      }
    }
  });
}
