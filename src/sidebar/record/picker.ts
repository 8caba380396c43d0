/**
 * A picker for a field that holds a member's Email or record IDs: typing offers choices from
 * `sidebarChoices` (200 ms after the last key) in a small listbox under the input; clicking
 * one, or Up/Down and Enter, puts its value in the input. For a field of several values the
 * last comma-separated part is replaced. Escape closes the list (and only the list).
 */
import type { Choice, FormField } from '../../addon/api';
import { el } from '../shared/page';
import { server, state } from './state';

const DEBOUNCE_MS = 200;

/** The part of the input a choice replaces: all of it, or the last comma-separated part. */
export function queryOf(value: string, multiple: boolean): string {
  return (multiple ? (value.split(',').pop() ?? '') : value).trim();
}

/** The input's value with `choice` picked. */
export function withChoice(value: string, choice: string, multiple: boolean): string {
  if (!multiple) return choice;
  const parts = value
    .split(',')
    .slice(0, -1)
    .map((p) => p.trim())
    .filter(Boolean);
  return [...parts, choice].join(', ');
}

export function attachPicker(f: FormField, input: HTMLInputElement, wrap: HTMLElement): void {
  const list = el('ul', { class: 'picker', role: 'listbox', id: `od-pick-${f.key}`, hidden: '' });
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  wrap.appendChild(list);
  let choices: Choice[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;

  const close = () => {
    seq++;
    clearTimeout(timer);
    list.hidden = true;
    list.replaceChildren();
    choices = [];
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const highlight = (i: number) => {
    active = i;
    Array.from(list.children).forEach((li, j) => {
      li.classList.toggle('active', j === i);
      li.setAttribute('aria-selected', String(j === i));
    });
    const li = list.children[i] as HTMLElement | undefined;
    if (li) {
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const pick = (c: Choice) => {
    input.value = withChoice(input.value, c.value, f.multiple);
    close();
    input.dispatchEvent(new Event('change', { bubbles: true }));
    input.focus();
  };
  const show = (found: Choice[]) => {
    choices = found;
    list.replaceChildren();
    found.forEach((c, i) => {
      const li = el('li', { role: 'option', id: `${list.id}-${i}`, 'aria-selected': 'false' }, c.label);
      li.dataset.value = c.value;
      // mousedown would take the focus from the input (and close the list) before the click.
      li.addEventListener('mousedown', (e) => e.preventDefault());
      li.addEventListener('click', () => pick(c));
      list.appendChild(li);
    });
    list.hidden = found.length === 0;
    input.setAttribute('aria-expanded', String(found.length > 0));
    active = -1;
  };
  const lookUp = async () => {
    const mine = ++seq;
    const query = queryOf(input.value, f.multiple);
    if (!query) return close();
    try {
      const found = await server.call('sidebarChoices', state.table, f.key, query);
      if (mine === seq && document.activeElement === input) show(found);
    } catch {
      if (mine === seq) close(); // a picker that cannot answer leaves the typed text alone
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void lookUp(), DEBOUNCE_MS);
  });
  input.addEventListener('blur', close);
  input.addEventListener('keydown', (e) => {
    if (list.hidden || choices.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = choices.length;
      const down = e.key === 'ArrowDown';
      highlight(active < 0 ? (down ? 0 : n - 1) : (active + (down ? 1 : -1) + n) % n);
    } else if (e.key === 'Enter' && active >= 0) {
      e.preventDefault(); // picks; does not submit the form
      pick(choices[active]!);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation(); // closes the list, not the sidebar
      close();
    }
  });
}
