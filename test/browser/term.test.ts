/**
 * "Start new term" through the workbench: the Minister opens it from the menu, types the
 * new term, sees the dry run in the dialog, confirms, and gets the archive's link; the
 * workbook's Term setting is the new one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bench, clickMenu, column, openBench, setting as settingOf, waitFor } from './helpers';

let bench: Bench;
beforeAll(async () => {
  bench = await openBench();
}, 60_000);
afterAll(async () => {
  await bench?.close();
});

const setting = (name: string) => settingOf(bench, name);

describe('Start new term in the workbench', () => {
  it('shows the dry run, then the archive link', async () => {
    const { page } = bench;
    const oldTerm = String(setting('Term'));
    const meetings = column(bench, 'Meetings', 'Meeting ID').filter((v) => v !== '').length;
    const year = Number(oldTerm.slice(0, 4)) + 1;
    await clickMenu(page, 'Start new term');
    await waitFor(() => page.locator('#wb-dialog').isVisible()).toBe(true);
    const dlg = page.frameLocator('#wb-dialog-frame');
    await dlg.locator('#tm-term').fill(`${year} Spring`);
    await dlg.locator('#tm-start').fill(`${year}-02-20`);
    await dlg.locator('#tm-end').fill(`${year}-07-10`);
    await dlg.locator('#tm-plan').click();
    await waitFor(() => dlg.locator('#tm-dryrun').isVisible()).toBe(true);
    const summary = await dlg.locator('#tm-summary').textContent();
    expect(summary).toContain(`“${oldTerm} archive”`);
    expect(summary).toMatch(new RegExp(`Meetings and visits: \\d+ of ${meetings} rows removed`));
    expect(summary).toMatch(/Pledged and In-kind Pledged of \d+ sponsors/);
    expect(await dlg.locator('#tm-reminders').textContent()).toMatch(/Reminders/);
    // Nothing changed yet.
    expect(setting('Term')).toBe(oldTerm);

    await dlg.locator('#tm-run').click();
    await waitFor(() => dlg.locator('#tm-result').isVisible()).toBe(true);
    const link = dlg.locator('#tm-links a').first();
    expect(await link.textContent()).toContain(`${oldTerm} archive`);
    expect(await link.getAttribute('href')).toMatch(
      /^https:\/\/docs\.google\.com\/spreadsheets\/d\/[^/]+\/edit$/,
    );
    expect(await dlg.locator('#tm-steps').textContent()).toContain(`Term is now “${year} Spring”`);
    expect(setting('Term')).toBe(`${year} Spring`);
    expect(column(bench, 'Meetings', 'Meeting ID').filter((v) => v !== '').length).toBeLessThan(meetings);
    expect(bench.dialogs).toEqual([]);
  });
});
