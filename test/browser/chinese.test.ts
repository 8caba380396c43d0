/**
 * A Chinese department's day, walked through every page a member reads: the menu, each record
 * form (new and open), the reminders preview, Send reminders now, Start new term, Greetings,
 * sponsor feedback, the report's dialogs and Set up's message. Every word shown must be in
 * Chinese, except what the workbook holds (names, organisations, the sheets' own headers and
 * values), IDs, emails, currency codes and product names (Outreach Desk, Google): the test fails on any other
 * English word and names the page and the words.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLES } from '../../src/domain/schema';
import { type Bench, openBench, waitFor } from './helpers';

let bench: Bench;
const model = () => bench.wb.google.spreadsheets.get(bench.wb.spreadsheetId)!;

beforeAll(async () => {
  bench = await openBench({ locale: 'zh_CN' });
  bench.page.setDefaultTimeout(10_000);
  const settings = model().sheetByName('Settings')!;
  settings.set(settings.cells.findIndex((r) => r[0] === 'Language') + 1, 2, 'zh');
  await bench.page.reload();
  await bench.page.waitForSelector('table.cells');
}, 120_000);
afterAll(async () => {
  await bench?.close();
});

/**
 * Every word the workbook itself holds: the cells of every sheet, and the contract's headers
 * and option values (forms show them beside their Chinese name, `已确认 (Confirmed)`, as the
 * sheet holds them).
 */
function dataWords(): Set<string> {
  const out = new Set<string>();
  for (const def of TABLES)
    for (const f of def.fields)
      for (const s of [f.header, ...(f.options ?? [])])
        for (const w of s.match(/[A-Za-z]+/g) ?? []) out.add(w.toLowerCase());
  for (const sh of model().sheets)
    for (const row of sh.cells)
      for (const v of row)
        for (const w of String(v ?? '').match(/[A-Za-z]+/g) ?? []) out.add(w.toLowerCase());
  return out;
}

/** The English words of `text` that are not data, IDs, emails, currency codes or the product's name. */
function english(text: string, data: Set<string>): string[] {
  const cleaned = text
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, ' ') // emails
    .replace(/https?:\/\/\S+/g, ' ') // links
    .replace(/\b[A-Z]{1,2}-\d{4}\b/g, ' ') // record IDs
    .replace(/\b(CNY|USD|EUR|GBP|HKD|JPY)\b/g, ' ')
    .replace(/Outreach Desk|Google/g, ' '); // product names
  const words = cleaned.match(/[A-Za-z]{2,}/g) ?? [];
  return [...new Set(words.filter((w) => !data.has(w.toLowerCase())))];
}

async function frameText(page: Page, selector: string): Promise<string> {
  const frame = (await (await page.$(selector))!.contentFrame()) as Frame;
  return frame.evaluate(() => {
    const parts = [document.title, document.body.innerText];
    for (const e of Array.from(document.querySelectorAll('[placeholder],[aria-label],[title]')))
      parts.push(
        e.getAttribute('placeholder') ?? '',
        e.getAttribute('aria-label') ?? '',
        e.getAttribute('title') ?? '',
      );
    for (const o of Array.from(document.querySelectorAll('option'))) parts.push(o.textContent ?? '');
    return parts.join('\n');
  });
}

const seen: { where: string; words: string[] }[] = [];
function check(where: string, text: string): void {
  const words = english(text, dataWords());
  if (words.length) {
    seen.push({ where, words });
    if (process.env.OD_DEBUG) console.log(where, '\n', text);
  }
}

async function openMenu(): Promise<string[]> {
  const { page } = bench;
  if (!(await page.locator('#wb-menubar .menu-pop').first().isVisible()))
    await page.click('#wb-menubar .menu-button');
  return page.locator('#wb-menubar .menu-pop button').allTextContents();
}
async function menu(n: number): Promise<void> {
  // A dialog left open by the page before covers the menu, as a modal does.
  if (await bench.page.locator('#wb-dialog').isVisible()) await bench.page.click('#wb-dialog-close');
  await openMenu();
  await bench.page.locator('#wb-menubar .menu-pop button').nth(n).click();
}
const captions: string[] = [];
const item = (start: string) => captions.findIndex((c) => c.startsWith(start));

describe('the Chinese UI', () => {
  it('the menu is in Chinese', async () => {
    captions.push(...(await openMenu()));
    expect(captions.length).toBeGreaterThan(8);
    // Captions are Chinese with the contract's English words after them, in brackets.
    for (const c of captions) check(`menu: ${c}`, c.replace(/（[^）]*）$/, ''));
    await bench.page.keyboard.press('Escape');
  });

  it('every record form, new and opened, and the partner panels', async () => {
    const { page } = bench;
    await menu(item('添加或编辑'));
    await page.waitForSelector('#wb-sidebar-frame');
    const sb = page.frameLocator('#wb-sidebar-frame');
    await waitFor(() => sb.locator('#od-title').textContent()).toMatch(/^新建/);
    const tables = await sb
      .locator('#od-table option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(tables.length).toBeGreaterThanOrEqual(8);
    for (const table of tables) {
      await sb.locator('#od-table').selectOption(table);
      await waitFor(() => sb.locator('#od-title').textContent()).toMatch(/^新建/);
      check(`${table}: new`, await frameText(page, '#wb-sidebar-frame'));
      const first = sb.locator('#od-results li button').first();
      if (await first.count()) {
        await first.click();
        await waitFor(() => sb.locator('#od-title').textContent()).toMatch(/^编辑/);
        check(`${table}: open`, await frameText(page, '#wb-sidebar-frame'));
      }
    }
  });

  it('the reminders preview, Send reminders now, Start new term, Greetings and feedback', async () => {
    const { page } = bench;
    const pages: [string, string, string][] = [
      ['预览明天的提醒', '#wb-sidebar-frame', 'reminders preview'],
      ['立即发送提醒', '#wb-dialog-frame', 'send reminders'],
      ['开始新学期', '#wb-dialog-frame', 'start new term'],
      ['待发送的节日问候', '#wb-sidebar-frame', 'greetings'],
      ['生成赞助反馈', '#wb-dialog-frame', 'sponsor feedback'],
    ];
    for (const [start, frame, name] of pages) {
      const n = item(start);
      expect(n, `menu item starting "${start}" in ${captions.join(' | ')}`).toBeGreaterThanOrEqual(0);
      await menu(n);
      await page.waitForSelector(frame);
      await page.waitForTimeout(800); // the page asks the server for its texts
      check(name, await frameText(page, frame));
    }
  });

  it('the report: its dialog and the link', async () => {
    const { page } = bench;
    await menu(item('生成学期报告'));
    await waitFor(() => page.locator('#wb-dialog').isVisible()).toBe(true);
    await page.waitForTimeout(300);
    check('report dialog', await frameText(page, '#wb-dialog-frame'));
    check('report dialog title', (await page.locator('#wb-dialog-title').textContent()) ?? '');
  });

  it('a department meeting is taken in Chinese: the checklist’s choices, late included, and the save message', async () => {
    const { page } = bench;
    await menu(item('添加或编辑会议与拜访'));
    const sb = page.frameLocator('#wb-sidebar-frame');
    await waitFor(() => sb.locator('#od-title').textContent()).toBe('新建会议');
    await sb.getByLabel(/^类型 \(Type\)/).selectOption('Department Meeting');
    await sb.getByLabel(/^日期 \(Date\)/).fill('2026-12-02 19:00');
    await sb.getByLabel(/^主题 \(Title\)/).fill('部门例会');
    const first = sb.locator('#od-attendance select').first();
    expect(await first.locator('option').allTextContents()).toEqual([
      '—',
      '出席',
      '出席（迟到）',
      '请假',
      '缺席',
    ]);
    const email = (await first.getAttribute('data-email'))!;
    await first.selectOption('late');
    await sb.getByRole('button', { name: '保存' }).click();
    await waitFor(() => sb.locator('#od-status').textContent()).toMatch(
      /^已新建会议 MT-\d{4}（第 \d+ 行）。$/,
    );
    const id = /MT-\d{4}/.exec((await sb.locator('#od-status').textContent())!)![0];
    const sh = model().sheetByName('Meetings')!;
    const head = sh.cells[0]!.map(String);
    const row = sh.cells.find((r) => r[0] === id)!;
    expect(String(row[head.indexOf('Attendees')])).toContain(email);
    expect(row[head.indexOf('Late')]).toBe(email);
    check('meeting form after saving', await frameText(page, '#wb-sidebar-frame'));
  });

  it('Send reminders now asks first in Chinese and sends only on 发送', async () => {
    const { page } = bench;
    const before = bench.wb.google.outbox.length;
    await menu(item('立即发送提醒'));
    const dlg = page.frameLocator('#wb-dialog-frame');
    await waitFor(() => dlg.locator('#sd-send').isEnabled()).toBe(true);
    expect(await dlg.locator('#sd-send').textContent()).toBe('发送');
    expect(bench.wb.google.outbox.length).toBe(before);
    await dlg.locator('#sd-send').click();
    await waitFor(() => dlg.locator('#sd-summary').textContent()).toMatch(/已发送/);
    expect(bench.wb.google.outbox.length).toBeGreaterThan(before);
    check('send result', await frameText(page, '#wb-dialog-frame'));
  });

  it('no English word outside data, IDs, emails, currency codes and the product name', () => {
    expect(seen).toEqual([]);
  });
});
