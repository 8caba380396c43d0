/**
 * The Send reminders now dialog: what a run would do today (`remindersConfirm`: how many
 * digests go to whom, who is skipped and why, the mail quota left), sent only on Send
 * (`remindersSend`), then what the run did — sent, skipped, deferred and failed counts, the
 * details folded. Cancel closes the dialog. Its texts come from the server in the user's
 * language; everything from the workbook is shown with textContent, never innerHTML.
 * https://developers.google.com/apps-script/guides/html/reference/run
 * https://developers.google.com/apps-script/guides/html/reference/host#close()
 */
import type { SendDialogApi } from '../addon/api';
import type { SendConfirmView, SendResult } from '../addon/reminders/confirm';
import { $, el, fillText, serverApi } from './shared/page';
import { withProgress } from './shared/progress';

const server = serverApi<SendDialogApi>();

let text: Record<string, string> = {};

/** A `send.ui.*` template of the user's language, filled in. */
function t(key: string, params: Record<string, string | number> = {}): string {
  const template = text[`send.ui.${key}`] ?? key;
  return fillText(template, params);
}

function status(message: string, error = false): void {
  const s = $('sd-status');
  s.className = error ? 'status error' : 'status';
  s.textContent = message;
  s.hidden = message === '';
}

/** The page's fixed texts in the user's language (elements marked data-t="key"). */
function applyTexts(v: SendConfirmView): void {
  text = v.text;
  document.documentElement.lang = v.lang === 'zh' ? 'zh-CN' : 'en';
  for (const e of Array.from(document.querySelectorAll<HTMLElement>('[data-t]'))) {
    const s = text[e.dataset.t!];
    if (s) e.textContent = s;
  }
}

function renderPlan(v: SendConfirmView): void {
  applyTexts(v);
  status('');
  const n = v.to.length;
  $('sd-count').textContent =
    n === 0 ? t('noneToSend', { day: v.day }) : t(n === 1 ? 'willSendOne' : 'willSend', { n, day: v.day });
  const to = $('sd-to');
  to.replaceChildren();
  for (const m of v.to) {
    const line = t(m.items === 1 ? 'memberOne' : 'member', { name: m.name, items: m.items });
    const li = el('li', { title: m.email }, m.overQuota ? `${line} — ${t('overQuota')}` : line);
    if (m.overQuota) li.className = 'over';
    to.append(li);
  }
  $('sd-skipped-title').textContent = v.skippedCount ? t('skipped', { n: v.skippedCount }) : t('noneSkipped');
  const list = $('sd-skipped-list');
  list.replaceChildren();
  for (const s of v.skipped)
    list.append(el('li', {}, t('skippedReason', { reason: s.reason, list: s.names.join(', ') })));
  $('sd-skipped').hidden = false;
  $('sd-quota').textContent = t('quota', { runBy: v.runBy, n: v.quotaLeft });
  $('sd-plan').hidden = false;
  $<HTMLButtonElement>('sd-send').disabled = false;
}

function renderResult(r: SendResult): void {
  status('');
  $('sd-plan').hidden = true;
  $('sd-summary').textContent = t('done', {
    sent: r.sent.length,
    skipped: r.skipped.length,
    deferred: r.deferred.length,
    failed: r.failed.length,
  });
  const ul = $('sd-lines');
  ul.replaceChildren();
  for (const line of r.lines) ul.append(el('li', {}, line));
  $('sd-result').hidden = false;
  // Sent: the dialog is there to read, not to send again by accident.
  $('sd-send').hidden = true;
  $('sd-cancel').textContent = t('close');
}

function close(): void {
  (window as unknown as { google?: { script?: { host?: { close(): void } } } }).google?.script?.host?.close();
}

$('sd-send').addEventListener('click', () => {
  $<HTMLButtonElement>('sd-send').disabled = true;
  status(t('sending'));
  withProgress(
    (token) => server.call('remindersSend', token),
    (line) => status(`${t('sending')} ${line}`),
  ).then(renderResult, (e: Error) => {
    $<HTMLButtonElement>('sd-send').disabled = false;
    status(e.message, true);
  });
});
$('sd-cancel').addEventListener('click', close);

server.call('remindersConfirm').then(renderPlan, (e: Error) => status(e.message, true));
