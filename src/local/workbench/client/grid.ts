/**
 * The grid: the active sheet as Sheets displays it (frozen rows kept in view, checkboxes,
 * dropdown marks), the selection, the formula bar and editing a cell. An edit is sent as
 * the text typed (POST /api/cell): the server validates it and runs onEdit
 * (src/local/typing.ts); a strict dropdown offers only its values.
 */
import { $, api, app, el, ui } from './core';
import { showAlert } from './messages';

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

export function renderGrid(): void {
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
    // The editor's keys are its own: an Enter that bubbled up to the grid (where editing has
    // just ended) would reopen the editor on the cell with the old value, and that editor
    // would keep the grid from showing the new one.
    if (k === 'Enter' || k === 'Escape' || k === 'Tab') e.stopPropagation();
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
  await app.refresh(true);
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
  if (ui.editing || (e.target as HTMLElement | null)?.classList?.contains('cell-editor')) return;
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
