/**
 * A write that fails reaches the member where they saved: the sidebar's reply stands (the
 * record is in the workbook), and both the sidebar frame and the workbench page say
 * "Not saved to <file>: <reason>" until a later change is written.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkbench, type Workbench } from '../../src/local/workbench/server';
import { bundleDir } from '../support/bundle';
import { clickMenu, waitFor } from './helpers';

let dir: string;
let workbookPath: string;
let wb: Workbench;
let browser: Browser;
let page: Page;
let fail = false;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'od-bench-files-'));
  const projectDir = bundleDir();
  workbookPath = join(dir, 'workbook.xlsx');
  wb = await startWorkbench({
    port: 0,
    workbookPath,
    projectDir,
    writeFile: async (path, data) => {
      if (fail) throw Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' });
      writeFileSync(path, data);
    },
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(wb.url);
  await page.waitForSelector('table.cells');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  fail = false;
  await wb?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a workbook file that cannot be written', () => {
  it('is said in the sidebar and on the page, and cleared when a later change is written', async () => {
    expect(existsSync(workbookPath)).toBe(true);
    expect(await page.locator('#wb-save-banner').isVisible()).toBe(false);
    fail = true;
    await clickMenu(page, 'Add or edit sponsors');
    const sb = page.frameLocator('#wb-sidebar-frame');
    await sb.locator('#od-f-organization').waitFor();
    await sb.locator('#od-f-organization').fill('Harbour Books');
    await sb.locator('#od-f-stage').selectOption('Prospect');
    await sb.locator('#od-save').click();

    const expected = `Not saved to ${workbookPath}: permission denied (a read-only file or folder?) (EACCES)`;
    // In the sidebar, beside the add-on's own status.
    await waitFor(() => sb.locator('#od-save-notice').textContent()).toContain(expected);
    // On the page: a banner, and the sidebar's own strip.
    await waitFor(() => page.locator('#wb-save-banner').isVisible()).toBe(true);
    expect(await page.locator('#wb-save-banner').textContent()).toContain(expected);
    expect(await page.locator('#wb-sidebar-save').textContent()).toContain(expected);
    expect(await page.locator('#wb-file').textContent()).toContain('unsaved');
    expect(wb.saveStatus).toMatchObject({ unsaved: true, error: expected });

    // The next change is written, with the earlier one: the notices go.
    fail = false;
    await sb.locator('#od-f-notes').fill('Second try');
    await sb.locator('#od-save').click();
    await waitFor(() => sb.locator('#od-save-notice').count()).toBe(0);
    await waitFor(() => page.locator('#wb-save-banner').isVisible()).toBe(false);
    await waitFor(() => wb.saveStatus.unsaved).toBe(false);
    expect(wb.saveStatus.error).toBeNull();
  });
});
