/**
 * Messages on the page: toasts (Spreadsheet.toast, errors), the in-page alert (Ui.alert and
 * prompt, one at a time) and the banner of a workbook that could not be written. No
 * window.alert/confirm: every message is in-page.
 */
import { $, type AlertChoice, el, ui } from './core';

export function toast(title: string, message: string, kind: 'info' | 'error' = 'info'): void {
  const t = el('div', { class: `toast ${kind}`, role: 'status' });
  if (title) t.appendChild(el('strong', {}, title));
  t.appendChild(el('span', {}, message));
  const close = el('button', { type: 'button', class: 'toast-close', 'aria-label': 'Dismiss' }, '✕');
  close.addEventListener('click', () => t.remove());
  t.appendChild(close);
  $('wb-toasts').appendChild(t);
  setTimeout(() => t.remove(), kind === 'error' ? 15_000 : 6_000);
}

/** Shows an alert; with `choice`, its buttons (Yes/No…) and the answer handed on. */
export function showAlert(title: string, message: string, choice?: AlertChoice): void {
  ui.alerts.push({ title, message, ...(choice ? { choice } : {}) });
  if (ui.alerts.length === 1) renderAlert();
}

function renderAlert(): void {
  const a = ui.alerts[0];
  $('wb-alert').hidden = !a;
  if (!a) return;
  $('wb-alert-title').textContent = a.title || 'Outreach Desk';
  $('wb-alert-message').textContent = a.message;
  const set = a.choice?.buttons ?? 'OK';
  $('wb-alert-ok').textContent = set.startsWith('YES') ? 'Yes' : 'OK';
  $('wb-alert-no').hidden = !set.startsWith('YES');
  $('wb-alert-cancel').hidden = !set.endsWith('CANCEL');
  $('wb-alert-ok').focus();
}

function answer(button: 'ok' | 'no' | 'cancel'): void {
  const a = ui.alerts.shift();
  renderAlert();
  const set = a?.choice?.buttons;
  if (!a?.choice || !set) return;
  a.choice.onAnswer(button === 'ok' ? (set.startsWith('YES') ? 'YES' : 'OK') : button.toUpperCase());
}
$('wb-alert-ok').addEventListener('click', () => answer('ok'));
$('wb-alert-no').addEventListener('click', () => answer('no'));
$('wb-alert-cancel').addEventListener('click', () => answer('cancel'));

/** The banner (page and sidebar) of a workbook that could not be written, or none. */
export function renderSaveError(error: string | null): void {
  const text = error
    ? `${error}. Your changes are kept in the workbench and written at the next change; stopping the workbench says where they are.`
    : '';
  for (const id of ['wb-save-banner', 'wb-sidebar-save']) {
    $(id).textContent = text;
    $(id).hidden = !error;
  }
}
