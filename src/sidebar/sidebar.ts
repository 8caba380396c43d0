/**
 * The record sidebar: pick a sheet, search its records, create or edit one with a form
 * built from the server's FormSpec. Every call goes through google.script.run (one
 * execution each); field errors come back as data and are shown next to their inputs.
 * The page is split by job under record/: state and words, controls and pickers, the
 * attendance checklist, the form, the search list, save and archive.
 *
 * Security: everything from the workbook is shown with textContent / DOM properties, never
 * innerHTML, so a cell holding `<img onerror=…>` is displayed, not executed.
 * https://developers.google.com/apps-script/guides/html/reference/run
 */
import type { TableName } from '../domain/schema';
import { onShown, renderForm, resetForm, setStatus } from './record/form';
import { showPartners } from './record/partners';
import { search, wireSearch } from './record/results';
import { archive, save } from './record/save';
import { messageOf, server, state, t } from './record/state';
import { $, closeHost } from './shared/page';

declare global {
  interface Window {
    OD_INITIAL_TABLE?: string;
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

function init(): void {
  onShown.push(showPartners); // sponsors at a glance, benefits' Mark done, lent goods' Returned
  $('od-archive').addEventListener('click', () => void archive());
  wireSearch();
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
  // Escape closes the sidebar (a picker's open list takes its Escape first).
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented) closeHost();
  });
  void loadTable((window.OD_INITIAL_TABLE || 'Sponsors') as TableName);
}

// The server appends `window.OD_INITIAL_TABLE = …` after this page, so start once it's parsed.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
