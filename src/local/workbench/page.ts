/**
 * The workbench page (bundled by assets.ts): plays Google Sheets around the add-on.
 * All workbook data is put on the page with textContent / DOM properties; add-on HTML
 * (sidebars, dialogs) runs only inside sandboxed iframes, mail HTML and document previews
 * in iframes with scripts disabled. No window.alert/confirm: every message is in-page.
 *
 * The parts are in client/: core (DOM, API, state), messages, frames (sidebars, dialogs and
 * the parent side of google.script.run), menus, grid, header (and tabs), panels (executions,
 * triggers), outbox, documents, controls (user, clock, reset). This file loads the state and
 * the sheet, and opens the spreadsheet.
 */
import type { SheetView, State } from './api';
import { api, app, ui } from './client/core';
import { renderGrid } from './client/grid';
import { renderHeader, renderTabs } from './client/header';
import { renderMenus } from './client/menus';
import { toast } from './client/messages';
import { refreshPanel, renderLog, renderTriggers } from './client/panels';
import './client/controls';

async function openSheet(name: string): Promise<void> {
  if (name !== ui.active) {
    ui.active = name;
    ui.limit = 1000;
    ui.sel = { r: 1, c: 1 };
  }
  ui.sheet = await api<SheetView>(`/api/sheet?name=${encodeURIComponent(name)}&limit=${ui.limit}`);
  renderGrid();
  if (ui.state) renderTabs(ui.state);
}

async function refresh(force = false): Promise<void> {
  const st = await api<State>('/api/state');
  ui.state = st;
  renderHeader(st);
  renderMenus(st.menus);
  renderLog(st);
  renderTriggers(st);
  const names = st.sheets.map((s) => s.name);
  if (!names.includes(ui.active)) ui.active = st.sheets.find((s) => !s.hidden)?.name ?? names[0] ?? '';
  renderTabs(st);
  const stale = force || st.spreadsheet.revision !== ui.shownRevision || ui.sheet?.name !== ui.active;
  if (ui.active && !ui.editing && stale) {
    await openSheet(ui.active);
    ui.shownRevision = st.spreadsheet.revision;
  }
  await refreshPanel();
}

app.refresh = refresh;
app.openSheet = openSheet;

// Loading the page is opening the spreadsheet: onOpen runs and builds the menu, as in Sheets.
void api('/api/open', {})
  .catch((e) => toast('Error', (e as Error).message, 'error'))
  .then(() => refresh())
  .catch((e) => toast('Error', (e as Error).message, 'error'));
