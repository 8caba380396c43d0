/**
 * The workbench page (bundled by server.ts): plays Google Sheets around the add-on.
 * All workbook data is put on the page with textContent / DOM properties; add-on HTML
 * (sidebars, dialogs) runs only inside sandboxed iframes, mail HTML and document previews
 * in iframes with scripts disabled. No window.alert/confirm: every message is in-page.
 */

import type { MenuModel } from '../backend';
import type { ExecutionReport, RunReply } from './server';

type UiEvent = RunReply['ui'][number];

interface State {
  spreadsheet: { id: string; name: string; timeZone: string; revision: number };
  workbookPath: string;
  save: {
    file: string;
    copyOf: string | null;
    unsaved: boolean;
    error: string | null;
    backup: string | null;
  };
  sheets: { name: string; hidden: boolean; rows: number }[];
  menus: MenuModel[];
  user: string;
  users: { email: string; name: string; role: string; active: boolean }[];
  now: string;
  nowLocal: string;
  outbox: number;
  documents: number;
  triggers: {
    id: string;
    handler: string;
    owner: string;
    kind: string;
    everyDays: number | null;
    atHour: number | null;
    timeZone: string | null;
  }[];
  executions: ExecutionReport[];
  logs: string[];
}

interface SheetView {
  name: string;
  hidden: boolean;
  frozenRows: number;
  maxRows: number;
  lastRow: number;
  rows: number;
  cols: number;
  letters: string[];
  display: string[][];
  formulas: string[][];
  kinds: string[];
  bold: string[];
  validations: {
    r1: number;
    c1: number;
    r2: number;
    c2: number;
    rule: { criteria: string; values: string[]; strict: boolean } | null;
  }[];
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

class ApiError extends Error {}

async function api<T>(path: string, body?: unknown): Promise<T> {
  const res = await fetch(
    path,
    body === undefined
      ? { cache: 'no-store' }
      : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) },
  );
  const data = (await res.json().catch(() => ({ ok: false, error: `HTTP ${res.status}` }))) as T & {
    error?: string;
  };
  if (!res.ok) throw new ApiError(data.error ?? `HTTP ${res.status}`);
  return data;
}

const ui = {
  state: null as State | null,
  sheet: null as SheetView | null,
  active: '',
  limit: 1000,
  sel: { r: 1, c: 1 },
  editing: null as { r: number; c: number; input: HTMLInputElement | HTMLSelectElement } | null,
  panel: 'log',
  alerts: [] as { title: string; message: string }[],
  openLog: new Set<number>(),
  openMail: new Set<number>(),
  busy: 0,
  /** Revision of the workbook the grid shows (the grid is redrawn only when it changed). */
  shownRevision: -1,
};

// ---------------------------------------------------------------- messages

function toast(title: string, message: string, kind: 'info' | 'error' = 'info'): void {
  const t = el('div', { class: `toast ${kind}`, role: 'status' });
  if (title) t.appendChild(el('strong', {}, title));
  t.appendChild(el('span', {}, message));
  const close = el('button', { type: 'button', class: 'toast-close', 'aria-label': 'Dismiss' }, '✕');
  close.addEventListener('click', () => t.remove());
  t.appendChild(close);
  $('wb-toasts').appendChild(t);
  setTimeout(() => t.remove(), kind === 'error' ? 15_000 : 6_000);
}

function showAlert(title: string, message: string): void {
  ui.alerts.push({ title, message });
  if (ui.alerts.length === 1) renderAlert();
}
function renderAlert(): void {
  const a = ui.alerts[0];
  $('wb-alert').hidden = !a;
  if (!a) return;
  $('wb-alert-title').textContent = a.title || 'Outreach Desk';
  $('wb-alert-message').textContent = a.message;
  $('wb-alert-ok').focus();
}

// ---------------------------------------------------------------- add-on HTML frames

function openFrame(where: 'sidebar' | 'dialog', title: string, html: string): void {
  const frame = $<HTMLIFrameElement>(`wb-${where}-frame`);
  $(`wb-${where}-title`).textContent = title;
  frame.srcdoc = html;
  $(`wb-${where}`).hidden = false;
}
function closeFrame(where: 'sidebar' | 'dialog'): void {
  $(`wb-${where}`).hidden = true;
  $<HTMLIFrameElement>(`wb-${where}-frame`).srcdoc = '';
}
function frameOf(source: MessageEventSource | null): 'sidebar' | 'dialog' | null {
  if (!source) return null;
  if (source === $<HTMLIFrameElement>('wb-sidebar-frame').contentWindow) return 'sidebar';
  if (source === $<HTMLIFrameElement>('wb-dialog-frame').contentWindow) return 'dialog';
  return null;
}

window.addEventListener('message', (ev) => {
  const where = frameOf(ev.source);
  if (!where) return;
  const m = ev.data as { odRun?: { id: number; fn: string; args: unknown[] }; odClose?: boolean };
  const target = ev.source as Window;
  if (m?.odClose) {
    closeFrame(where);
    return;
  }
  if (typeof (m as { odOpenDoc?: unknown })?.odOpenDoc === 'string') {
    void openDocument((m as { odOpenDoc: string }).odOpenDoc);
    return;
  }
  if (m?.odRun) {
    const { id, fn, args } = m.odRun;
    void (async () => {
      let reply: RunReply;
      try {
        reply = await api<RunReply>('/api/run', { fn, args, source: 'run' });
      } catch (e) {
        target.postMessage({ odReply: id, ok: false, error: (e as Error).message }, '*');
        return;
      }
      // The reply stands (the change is in the workbook); a failed write is said beside it.
      target.postMessage(
        {
          odReply: id,
          ok: reply.ok,
          value: reply.value,
          error: reply.error,
          saveError: reply.saveError ?? null,
        },
        '*',
      );
      renderSaveError(reply.saveError ?? null);
      await afterRun(reply, false);
    })();
  }
});

function handleUi(events: UiEvent[]): void {
  for (const e of events) {
    switch (e.kind) {
      case 'toast':
        toast(e.title, e.message);
        break;
      case 'alert':
      case 'prompt':
        showAlert(e.title, e.message);
        break;
      case 'sidebar':
        openFrame('sidebar', e.title, e.html ?? '');
        break;
      case 'dialog':
        openFrame('dialog', e.title, e.html ?? '');
        break;
    }
  }
}

async function afterRun(reply: RunReply, fromMenu: boolean): Promise<void> {
  handleUi(reply.ui);
  if (!reply.ok && fromMenu) toast(`${reply.report.fn} failed`, reply.error ?? 'Unknown error', 'error');
  await refresh();
}

async function runMenu(fn: string): Promise<void> {
  closeMenus();
  setBusy(true);
  try {
    const reply = await api<RunReply>('/api/run', { fn, args: [], source: 'menu' });
    await afterRun(reply, true);
  } catch (e) {
    toast('Error', (e as Error).message, 'error');
  } finally {
    setBusy(false);
  }
}

function setBusy(on: boolean): void {
  ui.busy += on ? 1 : -1;
  document.body.classList.toggle('busy', ui.busy > 0);
}

// ---------------------------------------------------------------- menus

function closeMenus(): void {
  for (const m of Array.from(document.querySelectorAll('.menu-pop'))) (m as HTMLElement).hidden = true;
}

function menuList(menu: MenuModel): HTMLElement {
  const pop = el('div', { class: 'menu-pop', role: 'menu' });
  pop.hidden = true;
  for (const it of menu.items) {
    if (it.kind === 'separator') pop.appendChild(el('hr'));
    else if (it.kind === 'item') {
      const b = el('button', { type: 'button', role: 'menuitem', 'data-fn': it.functionName }, it.caption);
      b.addEventListener('click', () => void runMenu(it.functionName));
      pop.appendChild(b);
    } else {
      const wrap = el('div', { class: 'submenu' });
      const b = el('button', { type: 'button', role: 'menuitem' }, `${it.menu.caption} ▸`);
      const sub = menuList(it.menu);
      b.addEventListener('click', (e) => {
        e.stopPropagation();
        sub.hidden = !sub.hidden;
      });
      wrap.append(b, sub);
      pop.appendChild(wrap);
    }
  }
  return pop;
}

function renderMenus(menus: MenuModel[]): void {
  const bar = $('wb-menubar');
  bar.replaceChildren();
  const addon = menus.filter((m) => m.addon);
  const own = menus.filter((m) => !m.addon);
  const top: MenuModel[] = [...own];
  if (addon.length)
    top.push({
      caption: 'Extensions',
      addon: false,
      items: addon.map((m) => ({ kind: 'submenu', menu: m })),
    });
  for (const m of top) {
    const wrap = el('div', { class: 'menu' });
    const b = el('button', { type: 'button', class: 'menu-button', 'aria-haspopup': 'true' }, m.caption);
    const pop = menuList(m);
    b.addEventListener('click', (e) => {
      e.stopPropagation();
      const was = pop.hidden;
      closeMenus();
      pop.hidden = !was;
    });
    wrap.append(b, pop);
    bar.appendChild(wrap);
  }
  if (top.length === 0)
    bar.appendChild(el('span', { class: 'muted' }, '(no add-on menu: onOpen added none)'));
}
document.addEventListener('click', (e) => {
  if (!(e.target as HTMLElement).closest('.menu')) closeMenus();
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') closeMenus();
});

// ---------------------------------------------------------------- grid

function ruleAt(r: number, c: number) {
  const vs = ui.sheet?.validations ?? [];
  for (let i = vs.length - 1; i >= 0; i--) {
    const a = vs[i]!;
    if (r >= a.r1 && r <= a.r2 && c >= a.c1 && c <= a.c2) return a.rule;
  }
  return null;
}

function cellTd(r: number, c: number): HTMLTableCellElement | null {
  return document.querySelector(`#wb-grid td[data-r="${r}"][data-c="${c}"]`);
}

function editText(r: number, c: number): string {
  const s = ui.sheet;
  if (!s) return '';
  return s.formulas[r - 1]?.[c - 1] || s.display[r - 1]?.[c - 1] || '';
}

function select(r: number, c: number): void {
  const s = ui.sheet;
  if (!s) return;
  r = Math.max(1, Math.min(r, s.rows));
  c = Math.max(1, Math.min(c, s.cols));
  cellTd(ui.sel.r, ui.sel.c)?.classList.remove('sel');
  ui.sel = { r, c };
  const td = cellTd(r, c);
  td?.classList.add('sel');
  td?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  $('wb-cellref').textContent = `${s.letters[c - 1]}${r}`;
  $<HTMLInputElement>('wb-formula').value = editText(r, c);
}

function renderGrid(): void {
  const s = ui.sheet;
  const box = $('wb-grid');
  box.replaceChildren();
  if (!s) return;
  const bold = new Set(s.bold);
  const table = el('table', { class: 'cells', 'data-sheet': s.name });
  const thead = el('thead');
  const hr = el('tr');
  hr.appendChild(el('th', { class: 'corner' }));
  for (const l of s.letters) hr.appendChild(el('th', { class: 'colhead', scope: 'col' }, l));
  thead.appendChild(hr);
  table.appendChild(thead);
  const tbody = el('tbody');
  for (let r = 1; r <= s.rows; r++) {
    const tr = el('tr', { 'data-r': String(r) });
    if (r <= s.frozenRows) tr.classList.add('frozen');
    tr.appendChild(el('th', { class: 'rowhead', scope: 'row' }, String(r)));
    const kinds = s.kinds[r - 1] ?? '';
    for (let c = 1; c <= s.cols; c++) {
      const td = el('td', { 'data-r': String(r), 'data-c': String(c) });
      const kind = kinds[c - 1] ?? '_';
      const rule = ruleAt(r, c);
      const text = s.display[r - 1]?.[c - 1] ?? '';
      if (rule?.criteria === 'CHECKBOX' && (kind === 'b' || kind === '_')) {
        const box = el('input', { type: 'checkbox', 'aria-label': `${s.letters[c - 1]}${r}` });
        box.checked = text === 'TRUE';
        box.addEventListener('click', (e) => {
          e.preventDefault();
          select(r, c);
          void commit(r, c, box.checked ? 'TRUE' : 'FALSE');
        });
        td.appendChild(box);
        td.classList.add('check');
      } else {
        td.textContent = text;
        if (kind === 'n' || kind === 'd') td.classList.add('num');
        if (kind === 'b') td.classList.add('bool');
        if (rule?.criteria === 'VALUE_IN_LIST') td.classList.add('dropdown');
      }
      if (bold.has(`${r},${c}`)) td.classList.add('bold');
      if (s.formulas[r - 1]?.[c - 1]) td.classList.add('formula');
      tr.appendChild(td);
    }
    tbody.appendChild(tr);
  }
  table.appendChild(tbody);
  box.appendChild(table);
  // Frozen rows stay under the column letters while scrolling.
  requestAnimationFrame(() => {
    let top = (table.querySelector('thead th') as HTMLElement | null)?.offsetHeight ?? 0;
    for (const tr of Array.from(tbody.querySelectorAll('tr.frozen'))) {
      for (const cell of Array.from((tr as HTMLElement).children))
        (cell as HTMLElement).style.top = `${top}px`;
      top += (tr as HTMLElement).offsetHeight;
    }
  });
  const more = $<HTMLButtonElement>('wb-more');
  more.hidden = s.rows >= s.maxRows || s.rows >= s.lastRow + 20;
  select(Math.min(ui.sel.r, s.rows), Math.min(ui.sel.c, s.cols));
}

function startEdit(r: number, c: number, initial?: string): void {
  const td = cellTd(r, c);
  const s = ui.sheet;
  if (!td || !s) return;
  const rule = ruleAt(r, c);
  if (rule?.criteria === 'CHECKBOX') {
    void commit(r, c, s.display[r - 1]?.[c - 1] === 'TRUE' ? 'FALSE' : 'TRUE');
    return;
  }
  let input: HTMLInputElement | HTMLSelectElement;
  const current = editText(r, c);
  if (rule?.criteria === 'VALUE_IN_LIST' && rule.strict && initial === undefined) {
    // A strict dropdown: only its values (or blank) can be chosen.
    const sel = el('select', { class: 'cell-editor', 'aria-label': 'Choose a value' });
    sel.appendChild(el('option', { value: '' }, ''));
    for (const v of rule.values) sel.appendChild(el('option', { value: v }, v));
    if (current && !rule.values.includes(current)) sel.appendChild(el('option', { value: current }, current));
    sel.value = current;
    sel.addEventListener('change', () => void finishEdit(true));
    input = sel;
  } else {
    const inp = el('input', { class: 'cell-editor', 'aria-label': 'Edit cell', spellcheck: 'false' });
    inp.value = initial ?? current;
    if (rule?.criteria === 'VALUE_IN_LIST') {
      const list = el('datalist', { id: 'wb-cell-options' });
      for (const v of rule.values) list.appendChild(el('option', { value: v }));
      td.appendChild(list);
      inp.setAttribute('list', 'wb-cell-options');
    }
    input = inp;
  }
  input.addEventListener('keydown', (e) => {
    const k = (e as KeyboardEvent).key;
    if (k === 'Enter') {
      e.preventDefault();
      void finishEdit(true, 1);
    } else if (k === 'Escape') {
      e.preventDefault();
      void finishEdit(false);
    } else if (k === 'Tab') {
      e.preventDefault();
      void finishEdit(true, 0, 1);
    }
  });
  input.addEventListener('blur', () => void finishEdit(true));
  td.classList.add('editing');
  td.replaceChildren(input);
  ui.editing = { r, c, input };
  input.focus();
}

async function finishEdit(save: boolean, dr = 0, dc = 0): Promise<void> {
  const ed = ui.editing;
  if (!ed) return;
  ui.editing = null;
  const value = ed.input.value;
  const changed = value !== editText(ed.r, ed.c);
  if (save && changed) await commit(ed.r, ed.c, value);
  else renderGrid();
  select(ed.r + dr, ed.c + dc);
  $('wb-grid').focus();
}

async function commit(r: number, c: number, text: string): Promise<void> {
  if (!ui.sheet) return;
  try {
    await api('/api/cell', { sheet: ui.sheet.name, row: r, col: c, text });
  } catch (e) {
    showAlert('There was a problem', (e as Error).message);
  }
  await refresh(true);
}

// Focusable, so arrow keys and typing reach the grid (set here: the markup stays plain).
$('wb-grid').tabIndex = 0;
$('wb-grid').addEventListener('click', (e) => {
  const td = (e.target as HTMLElement).closest('td');
  if (!td || td.classList.contains('editing')) return;
  select(Number(td.dataset.r), Number(td.dataset.c));
});
$('wb-grid').addEventListener('dblclick', (e) => {
  const td = (e.target as HTMLElement).closest('td');
  if (!td || td.classList.contains('editing')) return;
  startEdit(Number(td.dataset.r), Number(td.dataset.c));
});
$('wb-grid').addEventListener('keydown', (e) => {
  if (ui.editing) return;
  const { r, c } = ui.sel;
  const moves: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
    Tab: [0, 1],
  };
  const mv = moves[e.key];
  if (mv) {
    e.preventDefault();
    select(r + mv[0], c + mv[1]);
  } else if (e.key === 'Enter' || e.key === 'F2') {
    e.preventDefault();
    startEdit(r, c);
  } else if (e.key === 'Delete' || e.key === 'Backspace') {
    e.preventDefault();
    if (editText(r, c) !== '') void commit(r, c, '');
  } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
    e.preventDefault();
    startEdit(r, c, e.key);
  }
});
$('wb-formula').addEventListener('keydown', (e) => {
  if (e.key === 'Enter') {
    e.preventDefault();
    const v = $<HTMLInputElement>('wb-formula').value;
    if (v !== editText(ui.sel.r, ui.sel.c)) void commit(ui.sel.r, ui.sel.c, v);
  } else if (e.key === 'Escape') {
    $<HTMLInputElement>('wb-formula').value = editText(ui.sel.r, ui.sel.c);
  }
});

// ---------------------------------------------------------------- tabs, header, panels

function renderTabs(st: State): void {
  const tabs = $('wb-tabs');
  tabs.replaceChildren();
  const showHidden = $<HTMLInputElement>('wb-show-hidden').checked;
  for (const s of st.sheets) {
    if (s.hidden && !showHidden && s.name !== ui.active) continue;
    const b = el('button', { type: 'button', role: 'tab', 'data-sheet': s.name }, s.name);
    if (s.hidden) b.classList.add('hidden-sheet');
    b.setAttribute('aria-selected', String(s.name === ui.active));
    if (s.name === ui.active) b.classList.add('active');
    b.addEventListener('click', () => void openSheet(s.name));
    tabs.appendChild(b);
  }
}

/** The banner (page and sidebar) of a workbook that could not be written, or none. */
function renderSaveError(error: string | null): void {
  const text = error
    ? `${error}. Your changes are kept in the workbench and written at the next change; stopping the workbench says where they are.`
    : '';
  for (const id of ['wb-save-banner', 'wb-sidebar-save']) {
    $(id).textContent = text;
    $(id).hidden = !error;
  }
}

function renderHeader(st: State): void {
  $('wb-name').textContent = st.spreadsheet.name;
  $('wb-file').textContent =
    `${st.save.file}${st.save.copyOf ? ` (copy of ${st.save.copyOf})` : ''}${st.save.unsaved ? ' · unsaved' : ''} · ${st.spreadsheet.timeZone}`;
  renderSaveError(st.save.error);
  document.title = `${st.spreadsheet.name} · Outreach Desk workbench`;
  const users = $<HTMLSelectElement>('wb-user');
  users.replaceChildren();
  const list = [...st.users];
  if (!list.some((u) => u.email === st.user))
    list.unshift({ email: st.user, name: '', role: '', active: true });
  for (const u of list) {
    const label = `${u.name ? `${u.name} · ` : ''}${u.email}${u.role ? ` (${u.role}${u.active ? '' : ', inactive'})` : ''}`;
    users.appendChild(el('option', { value: u.email }, label));
  }
  users.value = st.user;
  const clock = $<HTMLInputElement>('wb-clock');
  if (document.activeElement !== clock) clock.value = st.nowLocal;
  $('wb-now').textContent = `now ${st.nowLocal.replace('T', ' ')}`;
  $('wb-count-log').textContent = String(st.executions.length);
  $('wb-count-outbox').textContent = String(st.outbox);
  $('wb-count-documents').textContent = String(st.documents);
  $('wb-count-triggers').textContent = String(st.triggers.length);
}

function renderLog(st: State): void {
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

interface Mail {
  i: number;
  from: string;
  senderName: string;
  to: string[];
  subject: string;
  body: string;
  htmlBody: string | null;
  replyTo: string | null;
  at: string;
}

async function renderOutbox(): Promise<void> {
  const mails = await api<Mail[]>('/api/outbox');
  const p = $('wb-panel-outbox');
  p.replaceChildren();
  if (mails.length === 0) {
    p.appendChild(el('p', { class: 'muted' }, 'No mail sent yet.'));
    return;
  }
  for (const m of [...mails].reverse()) {
    const item = el('article', { class: 'mail', 'data-i': String(m.i) });
    const head = el('button', { type: 'button', class: 'mail-head' });
    head.append(
      el('span', { class: 'mail-subject' }, m.subject),
      el('span', { class: 'mail-to' }, `to ${m.to.join(', ')}`),
      el('span', { class: 'muted' }, `${m.senderName ? `${m.senderName} · ` : ''}${m.at.slice(0, 16)}`),
    );
    head.addEventListener('click', () => {
      if (ui.openMail.has(m.i)) ui.openMail.delete(m.i);
      else ui.openMail.add(m.i);
      void renderOutbox();
    });
    item.appendChild(head);
    if (ui.openMail.has(m.i)) {
      const body = el('div', { class: 'mail-body' });
      if (m.replyTo) body.appendChild(el('p', { class: 'muted' }, `Reply-To: ${m.replyTo}`));
      body.appendChild(el('pre', { class: 'mail-text' }, m.body));
      if (m.htmlBody !== null) {
        body.appendChild(el('p', { class: 'muted' }, 'HTML body (scripts disabled):'));
        const f = el('iframe', { class: 'mail-html', sandbox: '', title: `HTML body of ${m.subject}` });
        f.srcdoc = m.htmlBody;
        body.appendChild(f);
      }
      item.appendChild(body);
    }
    p.appendChild(item);
  }
}

interface DocInfo {
  id: string;
  name: string;
  createdAt: string | null;
  owner: string | null;
  preview: boolean;
  docx: boolean;
}

function showDocument(d: DocInfo): void {
  $('wb-viewer-title').textContent = d.name;
  $('wb-viewer-meta').textContent = '';
  const meta = $('wb-viewer-meta');
  if (d.docx) {
    meta.appendChild(
      el(
        'a',
        {
          href: `/api/documents/${encodeURIComponent(d.id)}/docx`,
          class: 'doc-docx',
          download: `${d.name}.docx`,
        },
        'Download .docx',
      ),
    );
  }
  $<HTMLIFrameElement>('wb-viewer-frame').src = `/api/documents/${encodeURIComponent(d.id)}/html`;
  $('wb-viewer').hidden = false;
}

/** A link to a Google Doc in add-on HTML opens the local copy instead. */
async function openDocument(id: string): Promise<void> {
  const docs = await api<DocInfo[]>('/api/documents');
  const d = docs.find((x) => x.id === id);
  if (d) showDocument(d);
  else toast('Error', `No document ${id} in this workbench.`, 'error');
}

async function renderDocuments(): Promise<void> {
  const docs = await api<DocInfo[]>('/api/documents');
  const p = $('wb-panel-documents');
  p.replaceChildren();
  if (docs.length === 0) {
    p.appendChild(el('p', { class: 'muted' }, 'No documents generated yet.'));
    return;
  }
  const table = el('table', { class: 'list' });
  const head = el('tr');
  for (const h of ['Name', 'Created', 'Owner', '']) head.appendChild(el('th', {}, h));
  table.appendChild(head);
  for (const d of [...docs].reverse()) {
    const tr = el('tr', { 'data-doc': d.id });
    const actions = el('td', { class: 'list-actions' });
    const preview = el('button', { type: 'button', class: 'doc-preview' }, 'Preview');
    preview.addEventListener('click', () => showDocument(d));
    actions.appendChild(preview);
    if (d.docx) {
      const a = el(
        'a',
        {
          href: `/api/documents/${encodeURIComponent(d.id)}/docx`,
          class: 'doc-docx',
          download: `${d.name}.docx`,
        },
        'Download .docx',
      );
      actions.appendChild(a);
    }
    tr.append(
      el('td', { class: 'doc-name' }, d.name),
      el('td', {}, d.createdAt ? d.createdAt.replace('T', ' ').slice(0, 16) : ''),
      el('td', {}, d.owner ?? ''),
      actions,
    );
    table.appendChild(tr);
  }
  p.appendChild(table);
}

function renderTriggers(st: State): void {
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
      t.kind === 'CLOCK'
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

async function refreshPanel(): Promise<void> {
  try {
    if (ui.panel === 'outbox') await renderOutbox();
    if (ui.panel === 'documents') await renderDocuments();
  } catch (e) {
    toast('Error', (e as Error).message, 'error');
  }
}

// ---------------------------------------------------------------- loading

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

// ---------------------------------------------------------------- controls

$('wb-alert-ok').addEventListener('click', () => {
  ui.alerts.shift();
  renderAlert();
});
$('wb-sidebar-close').addEventListener('click', () => closeFrame('sidebar'));
$('wb-dialog-close').addEventListener('click', () => closeFrame('dialog'));
$('wb-viewer-close').addEventListener('click', () => {
  $('wb-viewer').hidden = true;
  $<HTMLIFrameElement>('wb-viewer-frame').src = 'about:blank';
});
for (const b of Array.from(document.querySelectorAll('.dock-tabs button'))) {
  b.addEventListener('click', () => showPanel((b as HTMLElement).dataset.panel ?? 'log'));
}
$('wb-show-hidden').addEventListener('change', () => ui.state && renderTabs(ui.state));
$('wb-more').addEventListener('click', () => {
  ui.limit += 1000;
  void openSheet(ui.active);
});
$('wb-user').addEventListener('change', async () => {
  try {
    await api('/api/user', { email: $<HTMLSelectElement>('wb-user').value });
    toast('', `Executions now run as ${$<HTMLSelectElement>('wb-user').value}.`);
  } catch (e) {
    toast('Error', (e as Error).message, 'error');
  }
  await refresh();
});
async function clock(path: string, local: string | null): Promise<void> {
  try {
    const r = await api<{ now: string; runs?: ExecutionReport[] }>(path, { local });
    if (r.runs) toast('Clock advanced', `${r.runs.length} trigger run(s).`);
  } catch (e) {
    toast('Error', (e as Error).message, 'error');
  }
  await refresh();
}
$('wb-clock-set').addEventListener(
  'click',
  () => void clock('/api/clock', $<HTMLInputElement>('wb-clock').value),
);
$('wb-clock-advance').addEventListener(
  'click',
  () => void clock('/api/advance', $<HTMLInputElement>('wb-clock').value),
);
$('wb-clock-real').addEventListener('click', () => void clock('/api/clock', null));
let resetArmed: ReturnType<typeof setTimeout> | null = null;
$('wb-reset').addEventListener('click', async () => {
  const b = $<HTMLButtonElement>('wb-reset');
  if (!resetArmed) {
    b.textContent = 'Click again to replace the workbook';
    resetArmed = setTimeout(() => {
      resetArmed = null;
      b.textContent = 'Reset to sample';
    }, 4000);
    return;
  }
  clearTimeout(resetArmed);
  resetArmed = null;
  b.textContent = 'Reset to sample';
  try {
    await api('/api/reset', {});
    closeFrame('sidebar');
    toast('', 'The workbook was replaced by the sample.');
  } catch (e) {
    toast('Error', (e as Error).message, 'error');
  }
  await refresh(true);
});

// Loading the page is opening the spreadsheet: onOpen runs and builds the menu, as in Sheets.
void api('/api/open', {})
  .catch((e) => toast('Error', (e as Error).message, 'error'))
  .then(() => refresh())
  .catch((e) => toast('Error', (e as Error).message, 'error'));
