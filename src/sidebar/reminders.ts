/**
 * The reminder preview sidebar (for the Minister): the digests every member would get on a
 * day — tomorrow by default — without sending anything, and who runs the daily reminders.
 * Everything from the workbook is shown with textContent, never innerHTML; links are set
 * only when they point at docs.google.com.
 * https://developers.google.com/apps-script/guides/html/reference/run
 */
import type { RemindersSidebarApi } from '../addon/api';
import type { PreviewResponse } from '../addon/reminders';
import { $, el, fillText, serverApi } from './shared/page';

const server = serverApi<RemindersSidebarApi>();

const SAFE_LINK = /^https:\/\/docs\.google\.com\//;

/** The sidebar's words in the user's language (from the last answer; English before it). */
let text: Record<string, string> = {};
function t(key: string, params: Record<string, string | number> = {}): string {
  const template = text[`preview.ui.${key}`] ?? key;
  return fillText(template, params);
}

/** `asked`: the day field's value when the request went; a day typed since is left as typed. */
function render(p: PreviewResponse, asked: string): void {
  text = p.text;
  document.documentElement.lang = p.lang === 'zh' ? 'zh-CN' : 'en';
  for (const e of Array.from(document.querySelectorAll<HTMLElement>('[data-t]'))) {
    const s = text[e.dataset.t!];
    if (s) e.textContent = s;
  }
  const owner = $('rm-owner');
  owner.className = p.owner ? 'owner' : 'owner warn';
  owner.textContent = p.owner
    ? t('owner', {
        hour: String(p.reminderHour).padStart(2, '0'),
        zone: p.owner.timeZone,
        email: p.owner.email,
      })
    : t('none');
  const day = $<HTMLInputElement>('rm-day');
  if (day.value === asked) day.value = p.day;

  const n = p.digests.length;
  const items = p.digests.reduce((a, d) => a + d.count, 0);
  $('rm-status').className = 'status';
  $('rm-status').textContent = t(n === 1 ? 'summaryOne' : 'summary', {
    day: p.day === p.today ? t('today') : p.day,
    n,
    items,
  });

  const box = $('rm-digests');
  box.replaceChildren();
  for (const d of p.digests) {
    const det = el('details', { class: 'digest' });
    const sum = el('summary', {}, `${d.name} · ${d.count}`);
    if (d.mailedToday) sum.append(el('span', { class: 'badge' }, t('mailed')));
    det.append(sum);
    det.append(
      el('div', { class: 'meta' }, `${d.to} · ${d.role} · ${t(d.language === 'zh' ? 'lang.zh' : 'lang.en')}`),
    );
    det.append(el('div', { class: 'subject' }, d.subject));
    for (const g of d.groups) {
      det.append(el('h2', {}, `${g.title} (${g.total})`));
      const ul = el('ul');
      for (const i of g.items) {
        const li = el('li');
        if (SAFE_LINK.test(i.url)) {
          const a = el('a', {}, i.text);
          a.href = i.url;
          a.target = '_blank';
          a.rel = 'noopener';
          li.append(a);
        } else li.textContent = i.text;
        ul.append(li);
      }
      if (g.more) {
        const li = el('li');
        if (SAFE_LINK.test(g.more.url)) {
          const a = el('a', {}, g.more.text);
          a.href = g.more.url;
          a.target = '_blank';
          a.rel = 'noopener';
          li.append(a);
        } else li.textContent = g.more.text;
        ul.append(li);
      }
      det.append(ul);
    }
    box.append(det);
  }
  const idle = $('rm-idle');
  idle.replaceChildren();
  for (const i of p.idle) idle.append(el('li', {}, `${i.name} (${i.email}): ${i.reason}`));
  $('rm-idle-title').hidden = p.idle.length === 0;
}

/** Each request's number: an answer to an older request (the first load arriving after the
 * member already asked for another day) is dropped, never shown over the newer one. */
let latest = 0;

async function load(day?: string): Promise<void> {
  const mine = ++latest;
  $('rm-status').className = 'status';
  $('rm-status').textContent = text['preview.ui.loading'] ?? 'Loading…';
  const asked = $<HTMLInputElement>('rm-day').value;
  try {
    const answer = await server.call('remindersPreview', day ?? '');
    if (mine === latest) render(answer, asked);
  } catch (e) {
    if (mine !== latest) return;
    $('rm-status').className = 'status error';
    $('rm-status').textContent = e instanceof Error ? e.message : String(e);
  }
}

$('rm-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  void load($<HTMLInputElement>('rm-day').value);
});
void load();
