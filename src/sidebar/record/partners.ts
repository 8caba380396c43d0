/**
 * The record sidebar's partner panel (issue 13), under the form of an open record:
 *  - Sponsors: pledged against received this term, the gap, the benefits still owed;
 *  - Benefits (Promised): "Mark done" with the evidence link (refused without one);
 *  - Ledger In-kind entries lent (a Return By) and not yet back: "Returned" (Returned = today).
 * The actions save only their fields, from what the form loaded (a stale form is refused);
 * the record is then shown again as saved.
 */
import type { PartnersSidebarApi, RecordValues, SaveResponse } from '../../addon/api';
import { $, el, serverApi } from '../shared/page';
import { setStatus, showRecord } from './form';
import { messageOf, server as records, state, t } from './state';

const server = serverApi<PartnersSidebarApi>();
let seq = 0;

function panel(): HTMLElement {
  return $('od-partners');
}

function hide(): void {
  panel().replaceChildren();
  panel().hidden = true;
}

/** Runs a partner action on the open record, then shows the record as saved. */
async function act(
  button: HTMLButtonElement,
  run: () => Promise<SaveResponse>,
  done: (r: RecordValues) => string,
) {
  const table = state.table;
  const error = panel().querySelector<HTMLElement>('.error');
  button.disabled = true;
  try {
    const r = await run();
    if (state.table !== table) return;
    if (!r.ok) {
      const text = r.errors.map((e) => e.message).join(' ');
      if (error) error.textContent = text;
      setStatus(text, 'error');
      return;
    }
    const now = await records.call('sidebarGet', table, r.id, r.row).catch(() => null);
    if (now) showRecord(now);
    setStatus(now ? done(now) : '', 'ok');
  } catch (e) {
    if (error) error.textContent = messageOf(e);
  } finally {
    button.disabled = false;
  }
}

const base = () => ({ id: state.currentId, row: state.currentRow, base: state.loaded ?? {} });

function benefitPanel(): void {
  const box = panel();
  const label = el('label', { for: 'od-evidence' }, t('ui.partners.evidence'));
  const input = el('input', {
    id: 'od-evidence',
    type: 'url',
    placeholder: 'https://…',
    autocomplete: 'off',
  });
  const button = el(
    'button',
    { type: 'button', id: 'od-mark-done', class: 'primary' },
    t('ui.partners.markDone'),
  );
  button.addEventListener('click', () => {
    void act(
      button,
      () => server.call('partnerBenefitDone', base(), input.value),
      () => t('ui.partners.done'),
    );
  });
  const row = el('div', { class: 'row' });
  row.append(input, button);
  box.append(label, row, el('p', { class: 'error', role: 'alert' }));
  box.hidden = false;
}

function loanPanel(returnBy: string): void {
  const box = panel();
  box.append(el('p', {}, t('ui.partners.lent', { date: returnBy })));
  const button = el('button', { type: 'button', id: 'od-returned' }, t('ui.partners.returned'));
  button.addEventListener('click', () => {
    void act(
      button,
      () => server.call('partnerReturned', base()),
      (now) => t('ui.partners.returnedDone', { date: now.values.returned ?? '' }),
    );
  });
  box.append(button, el('p', { class: 'error', role: 'alert' }));
  box.hidden = false;
}

async function sponsorPanel(id: string): Promise<void> {
  const mine = ++seq;
  try {
    const glance = await server.call('partnerSponsor', id);
    if (mine !== seq || !glance || state.currentId !== id) return;
    const box = panel();
    box.replaceChildren(el('h3', {}, t('ui.partners.commitments')));
    const ul = el('ul');
    for (const line of glance.lines) ul.append(el('li', {}, line));
    box.append(ul);
    if (glance.owed.length) {
      const owed = el('ul', { class: 'owed' });
      for (const b of glance.owed) owed.append(el('li', {}, b));
      box.append(owed);
    }
    box.hidden = false;
  } catch {
    // The glance is extra: the form works without it.
  }
}

/** Shows the panel for the record the form now shows (null: a new record — no panel). */
export function showPartners(rec: RecordValues | null): void {
  seq++;
  hide();
  if (!rec?.id) return;
  const v = rec.values;
  if (state.table === 'Sponsors') void sponsorPanel(rec.id);
  else if (state.table === 'Benefits' && v.status === 'Promised') benefitPanel();
  else if (state.table === 'Ledger' && v.type === 'In-kind' && v.returnBy && !v.returned)
    loanPanel(v.returnBy);
}
