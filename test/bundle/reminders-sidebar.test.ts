/**
 * The built preview sidebar (appsscript/Reminders.html) in Chromium, fed by the bundle's
 * own remindersPreview through a stand-in google.script.run: it lists every member's
 * digest with working row links, shows who runs reminders, and displays workbook text
 * (here a contact named like an HTML tag) as text — nothing from the workbook is executed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_DIR, dueContactFor, MINISTER, put, workbook } from './reminders-fixture';

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});
afterAll(async () => {
  await browser?.close();
});

function page(data: unknown): string {
  const html = readFileSync(join(BUNDLE_DIR, 'Reminders.html'), 'utf8');
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  const stub = `<script>
    window.__calls = [];
    window.google = { script: { run: (function () {
      function runner(ok) {
        return new Proxy({}, { get: function (_, k) {
          if (k === 'withSuccessHandler') return function (f) { return runner(f); };
          if (k === 'withFailureHandler') return function () { return runner(ok); };
          return function () { window.__calls.push([k].concat([].slice.call(arguments))); setTimeout(function () { ok(${json}); }, 0); };
        } });
      }
      return runner(function () {});
    })() } };
  </script>`;
  return html.replace('<head>', `<head>${stub}`);
}

describe('Reminder preview sidebar', () => {
  it('lists tomorrow’s digests with row links and shows workbook text as text', async () => {
    const f = workbook();
    put(f.ss, 'Contacts', [
      { 'Contact ID': 'C-0001', Name: '<img src=x onerror="window.__xss=1">', Owner: 'officer1@x.edu' },
    ]);
    dueContactFor(f.ss, [MINISTER]);
    const data = f.project.run(f.google, 'remindersPreview', [], { spreadsheetId: f.ss.id }).value;
    const html = page(data);
    expect(html).not.toMatch(/innerHTML/);
    const p = await browser.newPage();
    try {
      await p.setContent(html);
      await p.waitForSelector('details.digest');
      const summaries = await p.$$eval('details.digest summary', (els) => els.map((e) => e.textContent));
      expect(summaries).toEqual(['李明 · 1', 'Officer 1 · 1']);
      expect(await p.textContent('#rm-owner')).toMatch(/not installed/);
      expect(await p.inputValue('#rm-day')).toBe('2026-03-16');
      const links = await p.$$eval('details.digest a', (as) =>
        as.map((a) => [a.textContent, (a as HTMLAnchorElement).href]),
      );
      expect(links[1]![0]).toContain('<img src=x onerror="window.__xss=1"> [C-0001]: never contacted');
      expect(links[1]![1]).toMatch(
        /^https:\/\/docs\.google\.com\/spreadsheets\/d\/ss-rem\/edit#gid=\d+&range=A2$/,
      );
      expect(await p.$$('img')).toHaveLength(0);
      expect(await p.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await p.evaluate(() => (window as unknown as { __calls: unknown[] }).__calls)).toEqual([
        ['remindersPreview', ''],
      ]);
    } finally {
      await p.close();
    }
  });
});
