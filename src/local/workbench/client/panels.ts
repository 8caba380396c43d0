/**
 * The dock: the Executions panel (each execution with its service-call count, click for the
 * per-method breakdown; Logger output below), the Triggers panel (Run now), and switching
 * between those, the Outbox and the Documents.
 */
import type { RunReply, State } from '../api';
import { $, api, el, ui } from './core';
import { renderDocuments } from './documents';
import { afterRun } from './frames';
import { toast } from './messages';
import { renderOutbox } from './outbox';

export function renderLog(st: State): void {
  const p = $('wb-panel-log');
  p.replaceChildren();
  if (st.executions.length === 0) p.appendChild(el('p', { class: 'muted' }, 'No executions yet.'));
  const table = el('table', { class: 'list' });
  const head = el('tr');
  for (const h of ['#', 'When', 'Kind', 'Function', 'User', 'Service calls', 'Result'])
    head.appendChild(el('th', {}, h));
  table.appendChild(head);
  for (const x of [...st.executions].reverse()) {
    const tr = el('tr', { class: x.ok ? 'ok' : 'failed', 'data-seq': String(x.seq) });
    tr.append(
      el('td', {}, String(x.seq)),
      el('td', {}, x.at),
      el('td', {}, x.kind),
      el('td', { class: 'fn' }, x.fn),
      el('td', {}, x.user),
      el('td', { class: 'calls list-num' }, String(x.calls)),
      el(
        'td',
        {},
        x.ok
          ? `ok${x.mails ? ` · ${x.mails} mail${x.mails > 1 ? 's' : ''}` : ''}${x.saved ? ' · saved' : ''}`
          : (x.error ?? 'failed'),
      ),
    );
    tr.addEventListener('click', () => {
      if (ui.openLog.has(x.seq)) ui.openLog.delete(x.seq);
      else ui.openLog.add(x.seq);
      renderLog(st);
    });
    table.appendChild(tr);
    if (ui.openLog.has(x.seq) && x.byMethod.length) {
      const d = el('tr', { class: 'detail' });
      const td = el('td', { colspan: '7' });
      td.textContent = x.byMethod.map(([m, n]) => `${m} ×${n}`).join(' · ');
      d.appendChild(td);
      table.appendChild(d);
    }
  }
  p.appendChild(table);
  if (st.logs.length) {
    p.appendChild(el('h3', {}, 'Logger'));
    p.appendChild(el('pre', { class: 'logs' }, st.logs.join('\n')));
  }
}

export function renderTriggers(st: State): void {
  const p = $('wb-panel-triggers');
  p.replaceChildren();
  if (st.triggers.length === 0) {
    p.appendChild(el('p', { class: 'muted' }, 'No installed triggers.'));
    return;
  }
  const table = el('table', { class: 'list' });
  const head = el('tr');
  for (const h of ['Handler', 'Owner', 'Kind', 'Schedule', '']) head.appendChild(el('th', {}, h));
  table.appendChild(head);
  for (const t of st.triggers) {
    const tr = el('tr');
    const run = el('button', { type: 'button' }, 'Run now');
    run.addEventListener('click', async () => {
      try {
        const reply = await api<RunReply>('/api/trigger', { id: t.id });
        await afterRun(reply, true);
      } catch (e) {
        toast('Error', (e as Error).message, 'error');
      }
    });
    const schedule =
      t.kind === 'CLOCK' && t.once
        ? `once, at ${t.once}`
        : t.kind === 'CLOCK'
          ? `every ${t.everyDays ?? 1} day(s)${t.atHour !== null ? ` at ${t.atHour}:00` : ''}${t.timeZone ? ` ${t.timeZone}` : ''}`
          : '';
    const actions = el('td');
    actions.appendChild(run);
    tr.append(
      el('td', {}, t.handler),
      el('td', {}, t.owner),
      el('td', {}, t.kind),
      el('td', {}, schedule),
      actions,
    );
    table.appendChild(tr);
  }
  p.appendChild(table);
}

function showPanel(name: string): void {
  ui.panel = name;
  for (const b of Array.from(document.querySelectorAll('.dock-tabs button'))) {
    (b as HTMLElement).classList.toggle('active', (b as HTMLElement).dataset.panel === name);
  }
  for (const n of ['log', 'outbox', 'documents', 'triggers']) $(`wb-panel-${n}`).hidden = n !== name;
  void refreshPanel();
}

export async function refreshPanel(): Promise<void> {
  try {
    if (ui.panel === 'outbox') await renderOutbox();
    if (ui.panel === 'documents') await renderDocuments();
  } catch (e) {
    toast('Error', (e as Error).message, 'error');
  }
}

for (const b of Array.from(document.querySelectorAll('.dock-tabs button'))) {
  b.addEventListener('click', () => showPanel((b as HTMLElement).dataset.panel ?? 'log'));
}
