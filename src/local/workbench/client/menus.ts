/**
 * The menu bar: the menus onOpen added (a bound script's own menus; add-on menus under
 * "Extensions"), each item a new execution of its function.
 */
import type { MenuModel } from '../../backend';
import type { RunReply } from '../api';
import { $, api, el, setBusy } from './core';
import { afterRun } from './frames';
import { toast } from './messages';

function closeMenus(): void {
  for (const m of Array.from(document.querySelectorAll('.menu-pop'))) (m as HTMLElement).hidden = true;
}

async function runMenu(fn: string, answers: string[] = []): Promise<void> {
  closeMenus();
  setBusy(true);
  try {
    const reply = await api<RunReply>('/api/run', { fn, args: [], source: 'menu', answers });
    await afterRun(reply, true, (next) => void runMenu(fn, next));
  } catch (e) {
    toast('Error', (e as Error).message, 'error');
  } finally {
    setBusy(false);
  }
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

export function renderMenus(menus: MenuModel[]): void {
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
