/**
 * Generated documents and reminders through the workbench: the semester report generated
 * from the menu appears in the Documents panel, its .docx download states the department
 * and the cash received (computed here from the workbook), the HTML preview runs no
 * script; "Send reminders now" opens its confirm dialog, and Send there puts the digests in
 * the Outbox.
 */
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, cellToDay, dayOf } from '../../src/domain/dates';
import { formatMoney } from '../../src/domain/format';
import { type Bench, clickMenu, column, openBench, setting as settingOf, waitFor } from './helpers';

let bench: Bench;
beforeAll(async () => {
  bench = await openBench();
}, 60_000);
afterAll(async () => {
  await bench?.close();
});

const setting = (name: string) => settingOf(bench, name);
/** The hour (0–23) of `at` in `tz`. */
const hourIn = (at: Date, tz: string) =>
  Number(new Intl.DateTimeFormat('en-US', { timeZone: tz, hour: 'numeric', hourCycle: 'h23' }).format(at));

/** Cash received in the term, from the Ledger as the workbook holds it. */
function expectedCash(): number {
  const tz = bench.wb.google.spreadsheets.get(bench.wb.spreadsheetId)!.timeZone;
  const start = cellToDay(setting('Semester start'), tz)!;
  const end = cellToDay(setting('Semester end'), tz)!;
  const types = column(bench, 'Ledger', 'Type');
  const dates = column(bench, 'Ledger', 'Date');
  const amounts = column(bench, 'Ledger', 'Amount');
  let sum = 0;
  types.forEach((t, i) => {
    const d = cellToDay(dates[i], tz);
    if (t === 'Income' && d && d >= start && d <= end) sum += Number(amounts[i]);
  });
  return sum;
}

async function docxText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml = await zip.file('word/document.xml')!.async('string');
  // Paragraph and cell ends become line breaks; runs of a paragraph join.
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'");
}

describe('documents and mail in the workbench', () => {
  it('generates the semester report from the menu; the .docx states the department and the cash received', async () => {
    const { page } = bench;
    await clickMenu(page, 'Generate semester report');
    await waitFor(() => page.locator('#wb-count-documents').textContent()).toBe('1');
    // The add-on's link dialog opens in a sandboxed frame.
    await waitFor(() => page.locator('#wb-dialog').isVisible()).toBe(true);
    // Its link to the Google Doc opens the local copy.
    await page
      .frameLocator('#wb-dialog-frame')
      .locator('a[href*="docs.google.com/document/d/"]')
      .first()
      .click();
    await waitFor(() => page.locator('#wb-viewer').isVisible()).toBe(true);
    expect(await page.locator('#wb-viewer-title').textContent()).toMatch(/Semester report/);
    await page.click('#wb-viewer-close');
    await page.click('#wb-dialog-close');

    await page.click('.dock-tabs button[data-panel="documents"]');
    const row = page.locator('#wb-panel-documents tr[data-doc]').first();
    await row.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), row.locator('a.doc-docx').click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = `${bench.dir}/report.docx`;
    await download.saveAs(file);
    const text = await docxText(file);

    const department = String(setting('Department'));
    expect(department.length).toBeGreaterThan(3);
    expect(text).toContain(department);
    expect(text).toMatch(/cash/i);
    const cash = expectedCash();
    expect(cash).toBeGreaterThan(0);
    expect(text).toContain(formatMoney(cash, String(setting('Currency') || 'CNY')));

    // The HTML preview shows the same document, with scripts disabled.
    await row.locator('button.doc-preview').click();
    const preview = page.frameLocator('#wb-viewer-frame');
    await waitFor(() => preview.locator('body').textContent()).toContain(department);
    expect(await page.locator('#wb-viewer-frame').getAttribute('sandbox')).toBe('');
    await page.click('#wb-viewer-close');
    expect(bench.dialogs).toEqual([]);
  });

  it('"Send reminders now" asks first; Send in its dialog sends digests that appear in the Outbox', async () => {
    const { page } = bench;
    expect(bench.wb.google.outbox).toHaveLength(0);
    await clickMenu(page, 'Send reminders now');
    await waitFor(() => page.locator('#wb-dialog').isVisible()).toBe(true);
    const dlg = page.frameLocator('#wb-dialog-frame');
    // What would be sent, before anything is: names, skipped, quota.
    await waitFor(() => dlg.locator('#sd-plan').isVisible()).toBe(true);
    expect(await dlg.locator('#sd-count').textContent()).toMatch(/^\d+ digests would go out today/);
    const names = await dlg.locator('#sd-to li').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(await dlg.locator('#sd-skipped summary').textContent()).toMatch(/\d+ skipped/);
    expect(await dlg.locator('#sd-quota').textContent()).toMatch(/^Mail quota left today for .+: \d+\.$/);
    expect(bench.wb.google.outbox).toHaveLength(0);

    await dlg.locator('#sd-send').click();
    await waitFor(() => dlg.locator('#sd-result').isVisible()).toBe(true);
    const sent = bench.wb.google.outbox;
    expect(sent).toHaveLength(names.length);
    expect(await dlg.locator('#sd-summary').textContent()).toMatch(
      new RegExp(`^Sent ${sent.length} · skipped \\d+ · deferred 0 · failed 0$`),
    );
    // The details are folded until opened.
    expect(await dlg.locator('#sd-details').getAttribute('open')).toBeNull();
    expect(await dlg.locator('#sd-lines li').first().textContent()).toMatch(/^Sent \d+ digests for /);
    expect(await dlg.locator('#sd-send').isVisible()).toBe(false);
    await dlg.locator('#sd-cancel').click(); // now "Close": google.script.host.close()
    await waitFor(() => page.locator('#wb-dialog').isVisible()).toBe(false);
    expect(sent.length).toBeGreaterThan(0);
    await waitFor(() => page.locator('#wb-count-outbox').textContent()).toBe(String(sent.length));

    await page.click('.dock-tabs button[data-panel="outbox"]');
    const mails = page.locator('#wb-panel-outbox article.mail');
    await waitFor(() => mails.count()).toBe(sent.length);
    const last = sent[sent.length - 1]!;
    const first = mails.first();
    expect(await first.locator('.mail-subject').textContent()).toBe(last.subject);
    expect(await first.locator('.mail-to').textContent()).toBe(`to ${last.to.join(', ')}`);
    await first.locator('.mail-head').click();
    await expect
      .poll(() =>
        page.locator('#wb-panel-outbox article.mail').first().locator('pre.mail-text').textContent(),
      )
      .toBe(last.body);
    if (last.htmlBody) {
      const frame = page.locator('#wb-panel-outbox article.mail').first().locator('iframe.mail-html');
      expect(await frame.getAttribute('sandbox')).toBe('');
    }
    // The execution is logged with its mail count.
    const logRow = page.locator('#wb-panel-log tr', { hasText: 'remindersSend' }).first();
    await page.click('.dock-tabs button[data-panel="log"]');
    expect(await logRow.textContent()).toMatch(new RegExp(`${sent.length} mails?`));
    expect(bench.dialogs).toEqual([]);
  });

  it('"Install reminders" adds an hourly trigger; advancing the clock a day runs the job once a day from the Reminder hour, as its owner', async () => {
    const { page } = bench;
    await clickMenu(page, 'Install reminders');
    await waitFor(() => page.locator('#wb-alert').isVisible()).toBe(true);
    expect(await page.locator('#wb-alert-title').textContent()).toBe('Install reminders');
    await page.click('#wb-alert-ok');
    await waitFor(() => page.locator('#wb-count-triggers').textContent()).toBe('1');
    const trigger = bench.wb.google.triggers[0]!;
    expect(trigger.handler).toBe('remindersDaily');
    expect(trigger.everyHours).toBe(1);
    expect(trigger.owner).toBe(bench.wb.user);

    // Tomorrow at 08:59, in the spreadsheet's zone: the hourly trigger has fired within the
    // Reminder hour (8, the sample's) whatever minute of the hour it fires at (0–59).
    const tz = bench.wb.google.spreadsheets.get(bench.wb.spreadsheetId)!.timeZone;
    const tomorrow = addDays(dayOf(bench.wb.google.now(), tz), 1);
    const mailsBefore = bench.wb.google.outbox.length;
    await page.fill('#wb-clock', `${tomorrow}T08:59`);
    await page.click('#wb-clock-advance');
    await waitFor(() => page.locator('#wb-now').textContent()).toBe(`now ${tomorrow} 08:59`);
    await page.click('.dock-tabs button[data-panel="log"]');
    // The latest run (the log lists the newest first): tomorrow's, from the Reminder hour on.
    const run = page.locator('#wb-panel-log tr', { hasText: 'remindersDaily' }).first();
    await run.waitFor();
    expect(await run.locator('td').nth(2).textContent()).toBe('trigger');
    expect(await run.textContent()).toContain(trigger.owner);
    expect(await run.textContent()).toContain(`${tomorrow} 08:`);
    expect(await run.getAttribute('class')).toBe('ok');
    // That run sent tomorrow's digests, each member once; the hours before sent nothing.
    const sent = bench.wb.google.outbox.slice(mailsBefore).filter((m) => dayOf(m.at, tz) === tomorrow);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((m) => hourIn(m.at, tz) === 8)).toBe(true);
    expect(new Set(sent.map((m) => m.to.join())).size).toBe(sent.length);
    expect(await run.textContent()).toMatch(new RegExp(`${sent.length} mails?`));
    expect(bench.dialogs).toEqual([]);
  });

  it('taking the reminders over asks Yes or No in the workbench too: No changes nothing, Yes takes them over', async () => {
    const { page } = bench;
    const owner = bench.wb.google.triggers[0]!.owner; // installed by the test before
    const members = bench.wb.google.spreadsheets.get(bench.wb.spreadsheetId)!.sheetByName('Members')!;
    const head = members.cells[0]!.map(String);
    const vice = members.cells.find(
      (r) => r[head.indexOf('Role')] === 'Vice Minister' && r[head.indexOf('Active')] === true,
    )!;
    const email = String(vice[head.indexOf('Email')]).toLowerCase();
    await page.selectOption('#wb-user', email);
    await clickMenu(page, 'Install reminders');
    await waitFor(() => page.locator('#wb-alert').isVisible()).toBe(true);
    expect(await page.locator('#wb-alert-message').textContent()).toContain(owner);
    expect(await page.locator('#wb-alert-ok').textContent()).toBe('Yes');
    await page.click('#wb-alert-no');
    await waitFor(() => page.locator('#wb-alert-message').textContent()).toBe(
      `Nothing changed: reminders are still sent by ${owner}.`,
    );
    await page.click('#wb-alert-ok');
    expect(bench.wb.google.triggers.map((t) => t.owner)).toEqual([owner]);

    await clickMenu(page, 'Install reminders');
    await waitFor(() => page.locator('#wb-alert-no').isVisible()).toBe(true);
    await page.click('#wb-alert-ok'); // Yes
    // Their own trigger now, and the Settings row names them (a trigger of another user cannot
    // be deleted by this one; the old one finds it is not the designated one and does nothing).
    await waitFor(() => bench.wb.google.triggers.map((t) => t.owner)).toContain(email);
    expect(String(settingOf(bench, 'Reminders run by')).toLowerCase()).toBe(email);
    await waitFor(() => page.locator('#wb-alert-message').textContent()).toContain(email);
    await page.click('#wb-alert-ok');
    expect(bench.dialogs).toEqual([]);
  });
});
