/**
 * The header and the sheet tabs: the workbook's name, file and save state, the User selector
 * (this page's user, see core.ts), the clock's time, the dock's counts; tabs of the sheets
 * (hidden ones when asked).
 */
import type { State } from '../api';
import { $, app, el, pageUser, ui } from './core';
import { renderSaveError } from './messages';

export function renderTabs(st: State): void {
  const tabs = $('wb-tabs');
  tabs.replaceChildren();
  const showHidden = $<HTMLInputElement>('wb-show-hidden').checked;
  for (const s of st.sheets) {
    if (s.hidden && !showHidden && s.name !== ui.active) continue;
    const b = el('button', { type: 'button', role: 'tab', 'data-sheet': s.name }, s.name);
    if (s.hidden) b.classList.add('hidden-sheet');
    b.setAttribute('aria-selected', String(s.name === ui.active));
    if (s.name === ui.active) b.classList.add('active');
    b.addEventListener('click', () => void app.openSheet(s.name));
    tabs.appendChild(b);
  }
}

export function renderHeader(st: State): void {
  $('wb-name').textContent = st.spreadsheet.name;
  $('wb-file').textContent =
    `${st.save.file}${st.save.copyOf ? ` (copy of ${st.save.copyOf})` : ''}${st.save.unsaved ? ' · unsaved' : ''} · ${st.spreadsheet.timeZone}`;
  renderSaveError(st.save.error);
  document.title = `${st.spreadsheet.name} · Outreach Desk workbench`;
  const users = $<HTMLSelectElement>('wb-user');
  users.replaceChildren();
  const user = pageUser() ?? st.user;
  const list = [...st.users];
  if (!list.some((u) => u.email === user)) list.unshift({ email: user, name: '', role: '', active: true });
  for (const u of list) {
    const label = `${u.name ? `${u.name} · ` : ''}${u.email}${u.role ? ` (${u.role}${u.active ? '' : ', inactive'})` : ''}`;
    users.appendChild(el('option', { value: u.email }, label));
  }
  users.value = user;
  const clock = $<HTMLInputElement>('wb-clock');
  if (document.activeElement !== clock) clock.value = st.nowLocal;
  $('wb-now').textContent = `now ${st.nowLocal.replace('T', ' ')}`;
  $('wb-count-log').textContent = String(st.executions.length);
  $('wb-count-outbox').textContent = String(st.outbox);
  $('wb-count-documents').textContent = String(st.documents);
  $('wb-count-triggers').textContent = String(st.triggers.length);
}
