/**
 * The Start new term dialog: the new Term label and semester dates, then the dry run
 * (`termPlan`: what is archived, removed, carried, cleared, who needs a new owner, who sends
 * reminders), then on confirm `termRun` and what it did, with the archive's link. Its texts
 * come from the server in the user's language (`termDialog`). Everything from the workbook
 * is shown with textContent, never innerHTML; links are set only when they point at
 * docs.google.com.
 * https://developers.google.com/apps-script/guides/html/reference/run
 */
import type { TermDialogApi } from '../addon/api';
import type { TermDialogText, TermPlanResponse, TermRunInput, TermRunResponse } from '../addon/term/plan';
import { $, el, fillText, serverApi } from './shared/page';
import { withProgress } from './shared/progress';

const server = serverApi<TermDialogApi>();
const SAFE_LINK = /^https:\/\/docs\.google\.com\//;

let texts: TermDialogText = { lang: 'en', text: {}, tables: {} };
let plan: TermPlanResponse | null = null;

/** A `term.ui.*` template of the user's language, filled in. */
function t(key: string, params: Record<string, string | number> = {}): string {
  const template = texts.text[`term.ui.${key}`] ?? key;
  return fillText(template, params);
}
const tableName = (name: string) => texts.tables[name] ?? name;

function status(text: string, error = false): void {
  const s = $('tm-status');
  s.className = error ? 'status error' : 'status';
  s.textContent = text;
}

function input(): TermRunInput {
  return {
    term: $<HTMLInputElement>('tm-term').value.trim(),
    start: $<HTMLInputElement>('tm-start').value,
    end: $<HTMLInputElement>('tm-end').value,
  };
}

/** A box with a line of text and, when there are items, a list that opens. */
function box(text: string, items: string[] = []): HTMLElement {
  const b = el('div', { class: 'box' });
  if (!items.length) {
    b.textContent = text;
    return b;
  }
  const det = el('details');
  det.append(el('summary', {}, text));
  const ul = el('ul');
  for (const i of items) ul.append(el('li', {}, i));
  det.append(ul);
  b.append(det);
  return b;
}

function memberSelect(p: TermPlanResponse, data: Record<string, string>, blank: string): HTMLSelectElement {
  const s = el('select', data);
  const none = el('option', {}, blank);
  none.value = '';
  s.append(none);
  for (const m of p.active) {
    const o = el('option', {}, `${m.name} <${m.email}>`);
    o.value = m.email;
    s.append(o);
  }
  return s;
}

const selects = (selector: string) => Array.from(document.querySelectorAll<HTMLSelectElement>(selector));

function renderOwners(p: TermPlanResponse): void {
  const owners = $('tm-owners');
  owners.replaceChildren();
  $('tm-owners-title').hidden = p.orphans.length === 0;
  if (!p.orphans.length) return;
  owners.append(el('p', {}, t('orphans', { n: p.orphans.length })));
  for (const d of p.departing) {
    const row = el('div', { class: 'owner-row' });
    const label = t('allOf', { email: d.email, n: d.count });
    row.append(el('span', {}, label));
    const sel = memberSelect(p, { 'data-owner': d.email, 'aria-label': label }, t('keepAll'));
    // Choosing for all of a member's sets each of theirs; each can still be changed below.
    sel.addEventListener('change', () => {
      for (const r of selects(`select[data-from="${CSS.escape(d.email)}"]`)) r.value = sel.value;
    });
    row.append(sel);
    owners.append(row);
  }
  const det = el('details', { class: 'box' });
  det.append(el('summary', {}, t('oneByOne')));
  for (const o of p.orphans) {
    const row = el('div', { class: 'owner-row' });
    const label = `${o.id} · ${o.title} (${o.owner})`;
    row.append(el('span', {}, label));
    row.append(
      memberSelect(p, { 'data-record': o.id, 'data-from': o.owner, 'aria-label': label }, t('keep')),
    );
    det.append(row);
  }
  owners.append(det);
}

function renderSummary(p: TermPlanResponse): void {
  const sum = $('tm-summary');
  sum.replaceChildren();
  const term = p.from.term || t('noTerm');
  sum.append(box(t(p.inFolder ? 'archiveFolder' : 'archive', { name: p.archiveName, term })));
  for (const tp of p.tables) {
    const kept = Object.entries(tp.kept)
      .map(([why, n]) => `${n} ${t(`why.${why}`)}`)
      .join(', ');
    sum.append(
      box(
        t('table', {
          table: tableName(tp.table),
          n: tp.remove.length,
          total: tp.total,
          kept: kept || t('none'),
        }),
        tp.remove.map((i) => `${i.id} · ${i.date ?? ''} · ${i.title} (${i.status})`),
      ),
    );
  }
  sum.append(
    box(t('carried', { list: p.keptAll.map((k) => `${k.count} ${tableName(k.table)}`).join(', ') })),
  );
  sum.append(
    box(
      t('pledges', { n: p.clearPledges.length }),
      p.clearPledges.map((s) => `${s.id} · ${s.title}`),
    ),
  );
  if (p.festivals.length) sum.append(box(t('festivals', { n: p.festivals.length }), p.festivals));
}

function render(p: TermPlanResponse): void {
  plan = p;
  $('tm-result').hidden = true;
  if (p.error || p.already) {
    $('tm-dryrun').hidden = true;
    status(p.error ?? p.already!.message, Boolean(p.error));
    if (p.already?.archiveUrl)
      showLinks([{ text: t('openArchive', { name: p.archiveName }), url: p.already.archiveUrl }]);
    return;
  }
  status(
    t('fromTo', {
      from: p.from.term || t('noTerm'),
      fromStart: p.from.start,
      fromEnd: p.from.end,
      to: p.to.term,
      toStart: p.to.start,
      toEnd: p.to.end,
    }),
  );
  renderSummary(p);
  renderOwners(p);
  const owner = p.reminders.owner;
  $('tm-reminders').textContent = owner ? t('remindersBy', { email: owner }) : t('remindersNone');
  $('tm-takeover-label').hidden = owner === p.reminders.you;
  $('tm-takeover-text').textContent = t('takeOver', { email: p.reminders.you });
  $<HTMLInputElement>('tm-takeover').checked = false;
  $('tm-dryrun').hidden = false;
  $<HTMLButtonElement>('tm-run').disabled = false;
}

function choices(): Pick<TermRunInput, 'byOwner' | 'byRecord'> {
  const byOwner: Record<string, string> = {};
  const byRecord: Record<string, string> = {};
  for (const s of selects('select[data-owner]')) if (s.value) byOwner[s.dataset.owner!] = s.value;
  for (const s of selects('select[data-record]')) if (s.value) byRecord[s.dataset.record!] = s.value;
  return { byOwner, byRecord };
}

function showLinks(links: { text: string; url: string }[]): void {
  const box = $('tm-links');
  box.replaceChildren();
  for (const l of links) {
    if (!SAFE_LINK.test(l.url)) continue;
    const a = el('a', { class: 'doc-link' }, l.text);
    a.href = l.url;
    a.target = '_blank';
    a.rel = 'noopener';
    box.append(a);
  }
  $('tm-result').hidden = links.length === 0;
}

function renderResult(r: TermRunResponse): void {
  $('tm-dryrun').hidden = true;
  // Done (or already done): the form stays to read, not to run again by accident.
  if (r.ok)
    for (const e of Array.from(
      $('tm-form').querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button'),
    ))
      e.disabled = true;
  status(r.ok ? t(r.already ? 'unchanged' : 'started') : t('stopped'), !r.ok);
  const ul = $('tm-steps');
  ul.replaceChildren();
  for (const s of r.steps) ul.append(el('li', {}, s));
  const links: { text: string; url: string }[] = [];
  if (r.archive) links.push({ text: t('openArchive', { name: r.archive.name }), url: r.archive.url });
  for (const d of [r.report, r.roster]) if (d) links.push({ text: t('open', { name: d.name }), url: d.url });
  showLinks(links);
  $('tm-result').hidden = false;
}

/** The page's fixed texts in the user's language (elements marked data-t="key"). */
function applyTexts(x: TermDialogText): void {
  texts = x;
  document.documentElement.lang = x.lang === 'zh' ? 'zh-CN' : 'en';
  for (const e of Array.from(document.querySelectorAll<HTMLElement>('[data-t]'))) {
    const text = x.text[e.dataset.t!];
    if (text) e.textContent = text;
  }
  $<HTMLButtonElement>('tm-plan').disabled = false;
}

$('tm-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  status(t('reading'));
  $('tm-dryrun').hidden = true;
  server.call('termPlan', input()).then(render, (e: Error) => status(e.message, true));
});

$('tm-run').addEventListener('click', () => {
  if (!plan) return;
  $<HTMLButtonElement>('tm-run').disabled = true;
  status(t('running'));
  const run: TermRunInput = {
    ...plan.to,
    ...choices(),
    takeOverReminders: $<HTMLInputElement>('tm-takeover').checked,
  };
  withProgress(
    (token) => server.call('termRun', run, token),
    (line) => status(line),
  ).then(renderResult, (e: Error) => {
    $<HTMLButtonElement>('tm-run').disabled = false;
    status(e.message, true);
  });
});

server.call('termDialog').then(applyTexts, (e: Error) => status(e.message, true));
