/**
 * The Generate sponsor feedback dialog: pick a Done event (`feedbackDialog`), make one Doc
 * per sponsor that gave to it — one call each (`feedbackMake`), so the dialog says which it
 * is making — listed with their links; "I sent them" sets the event's Feedback Sent
 * (`feedbackConfirm`). Texts come from the server in the user's language; everything from
 * the workbook is shown with textContent, never innerHTML.
 * https://developers.google.com/apps-script/guides/html/reference/run
 */
import type { FeedbackDialogApi, FeedbackDialogView, FeedbackEvent } from '../addon/api';
import { $, closeHost, el, fillText, serverApi } from './shared/page';

const server = serverApi<FeedbackDialogApi>();
let view: FeedbackDialogView | null = null;

function t(key: string, params: Record<string, string | number> = {}): string {
  const template = view?.text[`feedback.ui.${key}`] ?? key;
  return fillText(template, params);
}

function status(message: string, error = false): void {
  const s = $('fb-status');
  s.className = error ? 'status error' : 'status';
  s.textContent = message;
  s.hidden = message === '';
}

const picked = (): FeedbackEvent | undefined =>
  view?.events.find((e) => e.id === $<HTMLSelectElement>('fb-event').value);

function showEvent(): void {
  const ev = picked();
  $('fb-docs').replaceChildren();
  $('fb-confirm').hidden = true;
  const make = $<HTMLButtonElement>('fb-make');
  if (!ev) {
    $('fb-givers').textContent = '';
    make.disabled = true;
    return;
  }
  $('fb-givers').textContent = ev.givers.length
    ? `${ev.givers.map((g) => g.name).join(', ')}${ev.feedbackSent ? ` · ${t('sent', { date: ev.feedbackSent })}` : ''}`
    : t('noGivers');
  make.disabled = !ev.mayMake || ev.givers.length === 0;
  status(ev.mayMake ? '' : t('refused', { lead: ev.lead || '—' }));
}

function render(v: FeedbackDialogView): void {
  view = v;
  document.documentElement.lang = v.lang === 'zh' ? 'zh-CN' : 'en';
  for (const e of Array.from(document.querySelectorAll<HTMLElement>('[data-t]'))) {
    const s = v.text[e.dataset.t!];
    if (s) e.textContent = s;
  }
  const select = $<HTMLSelectElement>('fb-event');
  select.replaceChildren();
  for (const e of v.events) select.append(el('option', { value: e.id }, `${e.name} · ${e.date} [${e.id}]`));
  select.disabled = v.events.length === 0;
  showEvent();
  if (!v.events.length) status(t('none'));
}

async function make(): Promise<void> {
  const ev = picked();
  if (!ev) return;
  const button = $<HTMLButtonElement>('fb-make');
  button.disabled = true;
  const list = $('fb-docs');
  list.replaceChildren();
  const bar = $<HTMLProgressElement>('fb-progress');
  bar.max = ev.givers.length;
  bar.value = 0;
  bar.hidden = false;
  let made = 0;
  for (const [i, g] of ev.givers.entries()) {
    status(t('progress', { done: i + 1, n: ev.givers.length, sponsor: g.name }));
    try {
      const doc = await server.call('feedbackMake', ev.id, g.id);
      const li = el('li');
      li.append(el('a', { href: doc.url, target: '_blank', rel: 'noopener' }, doc.name));
      if (doc.folderError) li.append(` — ${doc.folderError}`);
      list.append(li);
      made++;
    } catch (e) {
      list.append(el('li', { class: 'error' }, `${g.name}: ${e instanceof Error ? e.message : String(e)}`));
    }
    bar.value = i + 1;
  }
  bar.hidden = true;
  status(t('made', { n: made }));
  button.disabled = false;
  $('fb-confirm').hidden = made === 0;
}

async function confirmSent(): Promise<void> {
  const ev = picked();
  if (!ev) return;
  const button = $<HTMLButtonElement>('fb-confirm');
  button.disabled = true;
  try {
    const r = await server.call('feedbackConfirm', ev.id, ev.feedbackSent);
    ev.feedbackSent = r.date;
    status(t('confirmed', { date: r.date, event: ev.name }));
    button.hidden = true;
  } catch (e) {
    status(e instanceof Error ? e.message : String(e), true);
  } finally {
    button.disabled = false;
  }
}

$('fb-event').addEventListener('change', showEvent);
$('fb-make').addEventListener('click', () => void make());
$('fb-confirm').addEventListener('click', () => void confirmSent());
$('fb-close').addEventListener('click', closeHost);
server.call('feedbackDialog').then(render, (e: Error) => status(e.message, true));
