/**
 * Shared set-up of the browser tests: the add-on as built for this test run (global-setup),
 * the workbench on a free port with a temp workbook made from the sample, and one headless
 * Chromium.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Dialog, type Page } from 'playwright-core';
import { expect, vi } from 'vitest';
import { startWorkbench, type Workbench } from '../../src/local/workbench/server';
import { bundleDir } from '../support/bundle';

export interface Bench {
  dir: string;
  /** The built add-on the workbench runs (this test run's build). */
  projectDir: string;
  workbookPath: string;
  wb: Workbench;
  browser: Browser;
  page: Page;
  /** Native dialogs (alert/confirm/prompt) any frame opened: there must be none. */
  dialogs: string[];
  close(): Promise<void>;
}

export async function openBench(opts: { locale?: string } = {}): Promise<Bench> {
  const dir = mkdtempSync(join(tmpdir(), 'od-bench-'));
  const projectDir = bundleDir();
  const workbookPath = join(dir, 'workbook.xlsx');
  // OD_WORKBENCH_LOG=<file>: the workbench's log lines (each execution, each save), timed,
  // for a browser test that waited too long.
  const logFile = process.env.OD_WORKBENCH_LOG;
  const log = logFile
    ? (line: string) => appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`)
    : undefined;
  const wb = await startWorkbench({ port: 0, workbookPath, projectDir, ...opts, ...(log ? { log } : {}) });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const dialogs: string[] = [];
  page.on('dialog', (d: Dialog) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(wb.url);
  await page.waitForSelector('table.cells');
  return {
    dir,
    projectDir,
    workbookPath,
    wb,
    browser,
    page,
    dialogs,
    close: async () => {
      await browser.close();
      await wb.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Clicks a menu item by the start of its caption. */
export async function clickMenu(page: Page, captionStart: string): Promise<void> {
  if (!(await page.locator('#wb-menubar .menu-pop').first().isVisible()))
    await page.click('#wb-menubar .menu-button');
  await page.locator('#wb-menubar .menu-pop button', { hasText: captionStart }).first().click();
}

/** The model's values of a sheet's column by header (what the workbook holds). */
export function column(bench: Bench, sheet: string, header: string): unknown[] {
  const model = bench.wb.google.spreadsheets.get(bench.wb.spreadsheetId)!;
  const s = model.sheetByName(sheet)!;
  let col = 0;
  for (let c = 1; c <= s.lastColumn(); c++) if (s.get(1, c) === header) col = c;
  if (!col) throw new Error(`No column ${header} in ${sheet}`);
  const out: unknown[] = [];
  for (let r = 2; r <= s.lastRow(); r++) out.push(s.get(r, col));
  return out;
}

/** A Settings value of the workbook (the row whose Setting is `name`). */
export function setting(bench: Bench, name: string): unknown {
  const names = column(bench, 'Settings', 'Setting');
  return column(bench, 'Settings', 'Value')[names.indexOf(name)];
}

/**
 * expect.poll with room for a loaded machine (the whole suite runs in parallel on 2 cores,
 * on a machine other work shares): an execution that takes 0.3 s alone was seen to take
 * over 15 s there twice (a reminder run, a feedback confirmation), so 30 s — and each
 * browser test may take 60 s (below). A call that never answers still fails, by name.
 */
export const waitFor = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 50 });
vi.setConfig({ testTimeout: 60_000 });
