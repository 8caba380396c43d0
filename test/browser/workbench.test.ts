/**
 * The workbench in a real browser: the sample's sheets and the add-on menu, "Set up
 * workbook" on a set-up workbook, the record sidebar through the google.script.run bridge
 * (hostile text stays text, field errors next to their inputs, edits keep IDs), grid edits
 * that respect dropdowns, and the workbook saved back to the .xlsx.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantOf } from '../../src/domain/dates';
import { startWorkbench } from '../../src/local/workbench/server';
import { readXlsx } from '../../src/local/xlsx';
import { type Bench, clickMenu, column, openBench, waitFor } from './helpers';

let bench: Bench;
beforeAll(async () => {
  bench = await openBench();
}, 60_000);
afterAll(async () => {
  await bench?.close();
});

const sidebar = () => bench.page.frameLocator('#wb-sidebar-frame');

describe('workbench', () => {
  it('shows the sample workbook’s sheets and the add-on menu with the contract captions', async () => {
    const { page } = bench;
    const tabs = await page.locator('#wb-tabs button').allTextContents();
    for (const name of ['Members', 'Sponsors', 'Contacts', 'Meetings', 'Ledger', 'Events', 'Settings']) {
      expect(tabs).toContain(name);
    }
    // The grid shows the first sheet's header row as Sheets would.
    await expect
      .poll(() => page.locator('#wb-grid tr[data-r="1"] td').first().textContent())
      .toBe('Member ID');

    await page.click('#wb-menubar .menu-button');
    expect(await page.locator('#wb-menubar .menu-button').first().textContent()).toBe('Outreach Desk');
    const captions = await page.locator('#wb-menubar .menu-pop button').allTextContents();
    for (const start of [
      'Set up workbook',
      'Add or edit',
      'Generate semester report',
      'Generate contact roster',
      'Generate sponsor feedback',
      'Send reminders now',
      'Install reminders',
    ]) {
      expect(
        captions.some((c) => c.startsWith(start)),
        `menu item starting "${start}"`,
      ).toBe(true);
    }
    await page.keyboard.press('Escape');
    expect(await page.locator('#wb-menubar .menu-pop').first().isVisible()).toBe(false);
  });

  it('"Set up workbook" runs as a new execution and reports that nothing changed', async () => {
    const { page } = bench;
    const before = bench.wb.google.spreadsheets.get(bench.wb.spreadsheetId)!.revision;
    await clickMenu(page, 'Set up workbook');
    await waitFor(() => page.locator('#wb-alert').isVisible()).toBe(true);
    expect(await page.locator('#wb-alert-title').textContent()).toBe('Set up workbook');
    expect(await page.locator('#wb-alert-message').textContent()).toMatch(/nothing was changed/i);
    await page.click('#wb-alert-ok');
    expect(bench.wb.google.spreadsheets.get(bench.wb.spreadsheetId)!.revision).toBe(before);
    // Its execution is listed with its service-call count.
    const row = page.locator('#wb-panel-log tr', { hasText: 'menuSetUpWorkbook' }).first();
    expect(Number(await row.locator('td.calls').textContent())).toBeGreaterThan(0);
  });

  it('creates a sponsor whose text looks like a formula and like HTML: stored and shown literally, nothing runs', async () => {
    const { page } = bench;
    const sponsorsBefore = column(bench, 'Sponsors', 'Sponsor ID').filter(Boolean).length;
    await clickMenu(page, 'Add or edit sponsors');
    await waitFor(() => page.locator('#wb-sidebar').isVisible()).toBe(true);
    const sb = sidebar();
    await sb.locator('#od-f-organization').waitFor();
    expect(await sb.locator('#od-title').textContent()).toBe('New sponsor');
    await sb.locator('#od-f-organization').fill('=HYPERLINK("x")');
    await sb.locator('#od-f-stage').selectOption('Prospect');
    await sb.locator('#od-f-pledged').fill('1200');
    await sb.locator('#od-f-notes').fill('<img src=x onerror=alert(1)>');
    await sb.locator('#od-save').click();
    await waitFor(() => sb.locator('#od-status').textContent()).toMatch(/^Saved new sponsor S-\d{4}/);
    const id = /S-\d{4}/.exec((await sb.locator('#od-status').textContent())!)![0];
    expect(await sb.locator('#od-title').textContent()).toBe(`Edit sponsor ${id}`);

    // The workbook holds the text as values, not as a formula.
    const ids = column(bench, 'Sponsors', 'Sponsor ID');
    expect(ids.filter(Boolean)).toHaveLength(sponsorsBefore + 1);
    const i = ids.indexOf(id);
    expect(column(bench, 'Sponsors', 'Organization')[i]).toBe('=HYPERLINK("x")');
    expect(column(bench, 'Sponsors', 'Notes')[i]).toBe('<img src=x onerror=alert(1)>');
    const model = bench.wb.google.spreadsheets.get(bench.wb.spreadsheetId)!;
    const sheet = model.sheetByName('Sponsors')!;
    expect([...sheet.formulas.keys()].filter((k) => k.startsWith(`${i + 2},`))).toEqual([]);

    // The sidebar list shows it as text.
    const item = sb.locator(`#od-results li[data-id="${id}"]`);
    await item.waitFor();
    expect(await item.locator('.item-title').textContent()).toBe('=HYPERLINK("x")');
    expect(await sb.locator('img').count()).toBe(0);

    // The grid shows it literally.
    await page.click('#wb-tabs button[data-sheet="Sponsors"]');
    const cells = page.locator('#wb-grid td');
    await waitFor(() => cells.filter({ hasText: '=HYPERLINK("x")' }).count()).toBe(1);
    expect(await cells.filter({ hasText: '<img src=x onerror=alert(1)>' }).count()).toBe(1);
    expect(await page.locator('#wb-grid img').count()).toBe(0);
    expect(bench.dialogs).toEqual([]);

    // Saved back to the .xlsx, still as text.
    const back = await readXlsx(bench.workbookPath);
    const s = back.sheetByName('Sponsors')!;
    const row = i + 2;
    const orgCol = [...Array(s.lastColumn()).keys()]
      .map((c) => c + 1)
      .find((c) => s.get(1, c) === 'Organization')!;
    expect(s.get(row, orgCol)).toBe('=HYPERLINK("x")');
    expect(s.formulas.has(`${row},${orgCol}`)).toBe(false);
  });

  it('an invalid Pledged shows its error next to Pledged and saves nothing', async () => {
    const { page } = bench;
    const sb = sidebar();
    const before = column(bench, 'Sponsors', 'Sponsor ID').filter(Boolean).length;
    const rev = bench.wb.google.spreadsheets.get(bench.wb.spreadsheetId)!.revision;
    await sb.locator('#od-new').click();
    expect(await sb.locator('#od-title').textContent()).toBe('New sponsor');
    // A new record's form starts with the schema's defaults.
    expect(await sb.locator('#od-f-stage').inputValue()).toBe('Prospect');
    expect(await sb.locator('#od-f-organization').inputValue()).toBe('');
    await sb.locator('#od-f-organization').fill('Campus Print Shop');
    await sb.locator('#od-f-pledged').fill('abc');
    await sb.locator('#od-save').click();
    const err = sb.locator('.field[data-key="pledged"] .error');
    await waitFor(() => err.textContent()).toMatch(/Pledged.*abc.*not a number/);
    expect(await sb.locator('.field[data-key="organization"] .error').textContent()).toBe('');
    expect(await sb.locator('#od-status').textContent()).toMatch(/Nothing was saved/);
    expect(column(bench, 'Sponsors', 'Sponsor ID').filter(Boolean)).toHaveLength(before);
    expect(bench.wb.google.spreadsheets.get(bench.wb.spreadsheetId)!.revision).toBe(rev);
    // The sidebar's calls are executions too, each with its service-call count.
    await page.click('#wb-panel-log');
    expect(await page.locator('#wb-panel-log tr', { hasText: 'sidebarSave' }).count()).toBeGreaterThanOrEqual(
      2,
    );
  });

  it('editing an existing contact keeps its ID and row', async () => {
    const sb = sidebar();
    await sb.locator('#od-table').selectOption('Contacts');
    await waitFor(() => sb.locator('#od-title').textContent()).toBe('New contact');
    await sb.locator('#od-search').fill('Beijing');
    const first = sb.locator('#od-results li').first();
    await first.waitFor();
    const id = (await first.getAttribute('data-id'))!;
    expect(id).toMatch(/^C-\d{4}$/);
    const ids = column(bench, 'Contacts', 'Contact ID');
    const idx = ids.indexOf(id);
    await first.locator('button').click();
    await waitFor(() => sb.locator('#od-title').textContent()).toBe(`Edit contact ${id}`);
    const name = await sb.locator('#od-f-name').inputValue();
    expect(name).toBe(column(bench, 'Contacts', 'Name')[idx]);
    await sb.locator('#od-f-title').fill('Director of Outreach 外联部部长');
    await sb.locator('#od-save').click();
    await waitFor(() => sb.locator('#od-status').textContent()).toBe(`Saved ${id}.`);
    const after = column(bench, 'Contacts', 'Contact ID');
    expect(after).toEqual(ids);
    expect(column(bench, 'Contacts', 'Title')[idx]).toBe('Director of Outreach 外联部部长');
    expect(column(bench, 'Contacts', 'Name')[idx]).toBe(name);
  });

  it('grid edits respect strict dropdowns and are interpreted like typed input', async () => {
    const { page } = bench;
    await page.click('#wb-tabs button[data-sheet="Sponsors"]');
    const header = await page.locator('#wb-grid tr[data-r="1"] td').allTextContents();
    const stageCol = header.indexOf('Stage') + 1;
    const stageCell = page.locator(`#wb-grid td[data-r="2"][data-c="${stageCol}"]`);
    const before = (await stageCell.textContent())!;
    // Double-clicking a strict dropdown cell offers its values only.
    await stageCell.dblclick();
    const options = await stageCell.locator('select option').allTextContents();
    expect(options).toContain('Negotiating');
    expect(options).toContain('Declined');
    await stageCell.locator('select').selectOption('Negotiating');
    await waitFor(() => stageCell.textContent()).toBe('Negotiating');
    expect(column(bench, 'Sponsors', 'Stage')[0]).toBe('Negotiating');

    // Typing a value that isn't in the list is rejected, as Sheets does.
    await stageCell.click();
    await page.fill('#wb-formula', 'Maybe later');
    await page.press('#wb-formula', 'Enter');
    await waitFor(() => page.locator('#wb-alert').isVisible()).toBe(true);
    expect(await page.locator('#wb-alert-message').textContent()).toMatch(
      /violates the data validation rules/,
    );
    await page.click('#wb-alert-ok');
    expect(column(bench, 'Sponsors', 'Stage')[0]).toBe('Negotiating');
    expect(before).not.toBe('');

    // Free text typed in a plain cell: a leading apostrophe keeps it text; numbers become numbers.
    const notesCol = header.indexOf('Notes') + 1;
    const notes = page.locator(`#wb-grid td[data-r="3"][data-c="${notesCol}"]`);
    await notes.click();
    await page.fill('#wb-formula', "'=1+1");
    await page.press('#wb-formula', 'Enter');
    await waitFor(() => notes.textContent()).toBe('=1+1');
    expect(column(bench, 'Sponsors', 'Notes')[1]).toBe('=1+1');
    expect(bench.dialogs).toEqual([]);
  });

  it('google.script.run in a sidebar: handler chains, user objects, server errors and illegal values', async () => {
    const { page } = bench;
    const frame = page
      .frames()
      .find((f) => f.parentFrame() === page.mainFrame() && f.url() === 'about:srcdoc');
    expect(frame).toBeDefined();
    const out = await frame!.evaluate(async () => {
      const run = (window as any).google.script.run;
      const call = (r: any, fn: string, ...args: unknown[]) =>
        new Promise<{ ok: boolean; value: unknown; user: unknown }>((resolve) => {
          r.withSuccessHandler((value: unknown, user: unknown) => resolve({ ok: true, value, user }))
            .withFailureHandler((e: Error, user: unknown) => resolve({ ok: false, value: e.message, user }))
            [fn](...args);
        });
      const tagged = run.withUserObject({ tag: 7 });
      const form = await call(tagged, 'sidebarForm', 'Events');
      const bad = await call(tagged, 'sidebarForm', 'NoSuchTable');
      const date = await call(run, 'sidebarSearch', new Date(), '', 5);
      return {
        form: { ok: form.ok, table: (form.value as { table: string }).table, user: form.user },
        bad,
        date: { ok: date.ok, value: date.value },
        configuredRunnerHasFunctions: typeof run.withSuccessHandler(() => {}).sidebarForm === 'function',
        unknown: typeof run.noSuchFunction,
      };
    });
    expect(out.form).toEqual({ ok: true, table: 'Events', user: { tag: 7 } });
    expect(out.bad.ok).toBe(false);
    expect(out.bad.value).toMatch(/Unknown table "NoSuchTable"/);
    expect(out.bad.user).toEqual({ tag: 7 });
    expect(out.date.ok).toBe(false);
    expect(out.date.value).toMatch(/illegal value.*Date/);
    expect(out.configuredRunnerHasFunctions).toBe(true);
    expect(out.unknown).toBe('undefined');
  });

  it('executions run as the user chosen in the user selector', async () => {
    const { page } = bench;
    const emails = column(bench, 'Members', 'Email') as string[];
    const roles = column(bench, 'Members', 'Role');
    const email = emails[roles.indexOf('Officer')]!;
    await page.selectOption('#wb-user', email);
    await waitFor(() => page.locator('#wb-toasts').textContent()).toContain(
      `Executions now run as ${email}.`,
    );
    const sb = sidebar();
    await sb.locator('#od-table').selectOption('Events');
    await waitFor(() => sb.locator('#od-title').textContent()).toBe('New event');
    await sb.locator('#od-f-name').fill('Charity run 慈善跑');
    await sb.locator('#od-save').click();
    await waitFor(() => sb.locator('#od-status').textContent()).toMatch(/^Saved new event E-\d{4}/);
    const who = column(bench, '_Audit', 'Who');
    expect(who[who.length - 1]).toBe(email);
    const log = page.locator('#wb-panel-log tr', { hasText: 'sidebarSave' }).first();
    expect(await log.textContent()).toContain(email);
  });

  it('the user is the page’s: another tab acts as the default user, a reload keeps the choice', async () => {
    const { page } = bench;
    const chosen = await page.locator('#wb-user').inputValue();
    expect(chosen).not.toBe(bench.wb.user); // chosen in the test above
    type Report = { kind: string; user: string };
    const lastOpen = async () => {
      const st = (await (await fetch(new URL('/api/state', bench.wb.url))).json()) as {
        executions: Report[];
      };
      return st.executions.filter((x) => x.kind === 'open').at(-1)?.user;
    };
    // Another page (the choice is kept per tab): opening the spreadsheet there runs as the default user.
    const other = await bench.browser.newPage();
    try {
      await other.goto(bench.wb.url);
      await other.waitForSelector('table.cells');
      await waitFor(lastOpen).toBe(bench.wb.user);
      expect(await other.locator('#wb-user').inputValue()).toBe(bench.wb.user);
    } finally {
      await other.close();
    }
    // The first tab still acts as its member, also after a reload.
    await page.reload();
    await page.waitForSelector('table.cells');
    await waitFor(lastOpen).toBe(chosen);
    expect(await page.locator('#wb-user').inputValue()).toBe(chosen);
    expect(bench.dialogs).toEqual([]);
  });

  it('the clock control moves the add-on’s "now" (in the spreadsheet’s time zone)', async () => {
    const { page } = bench;
    await page.fill('#wb-clock', '2027-03-15T09:30');
    await page.click('#wb-clock-set');
    await waitFor(() => page.locator('#wb-now').textContent()).toBe('now 2027-03-15 09:30');
    const tz = bench.wb.google.spreadsheets.get(bench.wb.spreadsheetId)!.timeZone;
    const now = bench.wb.google.now();
    expect(Math.abs(now.getTime() - instantOf('2027-03-15', tz, 9, 30).getTime())).toBeLessThan(60_000);
    await page.click('#wb-clock-real');
    await waitFor(() => Math.abs(bench.wb.google.now().getTime() - Date.now())).toBeLessThan(60_000);
  });
});

describe('workbench server', () => {
  it('refuses requests for other hosts and state changes that are not JSON', async () => {
    const url = new URL(bench.wb.url);
    const rebinding = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path: '/api/state', headers: { Host: 'evil.example:80' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(rebinding).toBe(403);
    const form = await fetch(new URL('/api/reset', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'x=1',
    });
    expect(form.status).toBe(415);
    const unknown = await fetch(new URL('/api/run', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fn: 'eval', args: ['1'] }),
    });
    expect(await unknown.json()).toMatchObject({ ok: false, error: 'Script function not found: eval' });
  });

  it('a restarted workbench reopens the saved .xlsx with its records and document properties', async () => {
    const copy = join(bench.dir, 'restart.xlsx');
    copyFileSync(bench.workbookPath, copy);
    const again = await startWorkbench({
      port: 0,
      workbookPath: copy,
      projectDir: bench.projectDir,
    });
    try {
      const before = bench.wb.google.spreadsheets.get(bench.wb.spreadsheetId)!;
      const after = again.google.spreadsheets.get(again.spreadsheetId)!;
      expect(again.spreadsheetId).toBe(bench.wb.spreadsheetId);
      expect(after.timeZone).toBe(before.timeZone);
      for (const name of ['Sponsors', 'Contacts', 'Events', '_Audit']) {
        const a = before.sheetByName(name)!;
        const b = after.sheetByName(name)!;
        expect(b.lastRow(), name).toBe(a.lastRow());
        expect(b.hidden, name).toBe(a.hidden);
      }
      const orgs = (() => {
        const s = after.sheetByName('Sponsors')!;
        const col = [...Array(s.lastColumn()).keys()]
          .map((c) => c + 1)
          .find((c) => s.get(1, c) === 'Organization')!;
        return [...Array(s.lastRow()).keys()].map((r) => s.get(r + 1, col));
      })();
      expect(orgs).toContain('=HYPERLINK("x")');
      expect([...(again.google.documentProperties.get(again.spreadsheetId) ?? new Map())]).toEqual([
        ...(bench.wb.google.documentProperties.get(bench.wb.spreadsheetId) ?? new Map()),
      ]);
      expect(again.google.documentProperties.get(again.spreadsheetId)?.size ?? 0).toBeGreaterThan(0);
    } finally {
      await again.close();
    }
  });

  it('the built sidebar page is self-contained and never parses data as HTML', () => {
    const html = readFileSync(join(bench.projectDir, 'Sidebar.html'), 'utf8');
    expect(html).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
  });
});
