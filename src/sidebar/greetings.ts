/**
 * The Greetings sidebar: the member's holiday greetings with the message filled in, a
 * Copy button (clipboard, for WeChat or SMS), "Email it" with a confirmation step (one
 * email from the member's account), and "Mark sent". Everything from the workbook is
 * shown with textContent (or a textarea's value), never innerHTML.
 * https://developers.google.com/apps-script/guides/html/reference/run
 */
import type { GreetingItem, GreetingResult, GreetingsSidebarApi, GreetingsView } from '../addon/api';
import { $, el, serverApi } from './shared/page';

const server = serverApi<GreetingsSidebarApi>();
let view: GreetingsView | null = null;

const t = (key: string, params: Record<string, string | number> = {}): string =>
  (view?.text[`greet.ui.${key}`] ?? key).replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

function status(text: string, error = false): void {
  $('gr-status').className = error ? 'status error' : 'status';
  $('gr-status').textContent = text;
}

/** Copies with the Clipboard API, else the textarea's selection (older browsers). */
async function copy(area: HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(area.value);
    return true;
  } catch {
    area.focus();
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

function card(g: GreetingItem): HTMLElement {
  const box = el('section', {
    class: 'greeting',
    'data-key': g.key,
    'data-contact': g.contactId,
    'data-day': g.day,
  });
  box.append(el('div', { class: 'who' }, g.organization ? `${g.name} · ${g.organization}` : g.name));
  box.append(
    el(
      'div',
      { class: 'meta' },
      [g.email, g.language === 'zh' ? '中文' : 'English'].filter(Boolean).join(' · '),
    ),
  );
  const area = el('textarea', { 'aria-label': g.name, readonly: 'readonly' });
  area.value = g.message;
  box.append(area);
  const note = el('p', { class: 'note', role: 'status' });
  const actions = el('div', { class: 'actions' });
  const copyBtn = el('button', { type: 'button', class: 'copy' }, t('copy'));
  copyBtn.addEventListener('click', async () => {
    const ok = await copy(area);
    note.className = ok ? 'note' : 'note error';
    note.textContent = ok ? t('copied') : t('copyFailed');
  });
  actions.append(copyBtn);
  const buttons = (disabled: boolean) => {
    for (const b of Array.from(box.querySelectorAll('button'))) b.disabled = disabled;
  };
  const done = (r: GreetingResult) => {
    note.className = r.ok ? 'note' : 'note error';
    note.textContent = r.message;
    box.classList.toggle('sent', r.ok);
    buttons(r.ok);
  };
  const run = async (fn: () => Promise<GreetingResult>) => {
    buttons(true);
    try {
      done(await fn());
    } catch (e) {
      note.className = 'note error';
      note.textContent = e instanceof Error ? e.message : String(e);
      buttons(false);
    }
  };
  if (g.email) {
    const mail = el('button', { type: 'button', class: 'email' }, t('email'));
    mail.addEventListener('click', () => {
      if (box.querySelector('.confirm')) return;
      const ask = el('div', { class: 'confirm' });
      ask.append(el('div', {}, t('confirmEmail', { email: g.email, quota: view?.quota ?? 0 })));
      const yes = el('button', { type: 'button', class: 'primary send' }, t('send'));
      const no = el('button', { type: 'button', class: 'cancel' }, t('cancel'));
      yes.addEventListener('click', () => {
        ask.remove();
        void run(() => server.call('greetingsEmail', g.key));
      });
      no.addEventListener('click', () => ask.remove());
      ask.append(yes, no);
      box.insertBefore(ask, note);
    });
    actions.append(mail);
  }
  const mark = el('button', { type: 'button', class: 'primary mark' }, t('markSent'));
  mark.addEventListener('click', () => void run(() => server.call('greetingsMarkSent', g.key)));
  actions.append(mark);
  box.append(actions, note);
  return box;
}

function render(v: GreetingsView): void {
  view = v;
  document.documentElement.lang = v.lang;
  $('gr-title').textContent = t('title');
  $('gr-quota').textContent = v.items.some((g) => g.email) ? t('quota', { n: v.quota }) : '';
  status(v.items.length ? t('count', { n: v.items.length, today: v.today }) : t('none'));
  const list = $('gr-list');
  list.replaceChildren();
  let holiday = '';
  for (const g of v.items) {
    const h = `${g.day}|${g.holiday}`;
    if (h !== holiday) list.append(el('h2', {}, t('holiday', { holiday: g.holiday, day: g.day })));
    holiday = h;
    list.append(card(g));
  }
}

async function load(showLoading = true): Promise<void> {
  if (showLoading) status(view ? t('loading') : 'Loading…');
  try {
    render(await server.call('greetingsList'));
  } catch (e) {
    status(e instanceof Error ? e.message : String(e), true);
  }
}

void load();
