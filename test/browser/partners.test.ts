/**
 * Partners in the workbench (issue 13), used as a member uses them: in the record sidebar a
 * Promised benefit is marked done — refused without its evidence link, then saved with it;
 * "Generate sponsor feedback" opens its dialog, makes one Doc per sponsor that gave to a
 * Done event (progress, then the links), one of them opens, and "I sent them" fills the
 * event's Feedback Sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantOf } from '../../src/domain/dates';
import { type Bench, clickMenu, column, openBench, waitFor } from './helpers';

let bench: Bench;
beforeAll(async () => {
  bench = await openBench();
}, 60_000);
afterAll(async () => {
  await bench?.close();
});

const model = () => bench.wb.google.spreadsheets.get(bench.wb.spreadsheetId)!;

describe('partners in the workbench', () => {
  it('marks a benefit done with its evidence (refused without it)', async () => {
    const { page } = bench;
    const ids = column(bench, 'Benefits', 'Benefit ID');
    const statuses = column(bench, 'Benefits', 'Status');
    const id = String(ids[statuses.indexOf('Promised')]);
    expect(id).toMatch(/^B-\d{4}$/);
    await clickMenu(page, 'Add or edit benefits');
    const sb = page.frameLocator('#wb-sidebar-frame');
    await waitFor(() => sb.locator('#od-title').textContent()).toBe('New benefit');
    await sb.locator('#od-search').fill(id);
    await sb.locator(`#od-results li[data-id="${id}"] button`).first().click();
    await waitFor(() => sb.locator('#od-title').textContent()).toBe(`Edit benefit ${id}`);

    await sb.getByRole('button', { name: 'Mark done' }).click();
    await waitFor(() => sb.locator('#od-partners .error').textContent()).toMatch(
      /^Evidence is needed to mark a benefit Done/,
    );
    const row = ids.indexOf(id) + 2;
    const header = model().sheetByName('Benefits')!.cells[0]!.map(String);
    const cell = (h: string) =>
      model()
        .sheetByName('Benefits')!
        .get(row, header.indexOf(h) + 1);
    expect(cell('Status')).toBe('Promised');

    await sb.getByLabel('Evidence link').fill('https://photos.example.org/banner-final.jpg');
    await sb.getByRole('button', { name: 'Mark done' }).click();
    await waitFor(() => sb.locator('#od-status').textContent()).toBe('Marked Done with its evidence.');
    expect(cell('Status')).toBe('Done');
    expect(cell('Evidence')).toBe('https://photos.example.org/banner-final.jpg');
    // The form shows the record as saved; the Mark done panel is gone (it is Done).
    expect(await sb.getByLabel('Status').inputValue()).toBe('Done');
    expect(await sb.locator('#od-partners').isHidden()).toBe(true);
  });

  it('generates a feedback pack for a Done event, opens one of its Docs, and confirms it was sent', async () => {
    const { page } = bench;
    await page.click('#wb-sidebar-close').catch(() => undefined);
    await clickMenu(page, 'Generate sponsor feedback');
    await waitFor(() => page.locator('#wb-dialog').isVisible()).toBe(true);
    const dlg = page.frameLocator('#wb-dialog-frame');
    const select = dlg.locator('#fb-event');
    await waitFor(() => select.isEnabled()).toBe(true);
    // A Done event with more than one giving sponsor.
    const options = await select
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    let chosen = '';
    for (const v of options) {
      await select.selectOption(v);
      const givers = await dlg.locator('#fb-givers').textContent();
      if ((givers ?? '').split(', ').length > 1 && (await dlg.locator('#fb-make').isEnabled())) {
        chosen = v;
        break;
      }
    }
    expect(chosen).toMatch(/^E-\d{4}$/);
    const n = String(await dlg.locator('#fb-givers').textContent())
      .split(' · ')[0]!
      .split(', ').length;
    await dlg.locator('#fb-make').click();
    await waitFor(() => dlg.locator('#fb-status').textContent()).toMatch(/documents ready/);
    expect(await dlg.locator('#fb-docs a').count()).toBe(n);
    const first = String(await dlg.locator('#fb-docs a').first().textContent());
    expect(first).toMatch(/^Sponsor feedback — /);

    await dlg.locator('#fb-docs a').first().click();
    await waitFor(() => page.locator('#wb-viewer').isVisible()).toBe(true);
    expect(await page.locator('#wb-viewer-title').textContent()).toContain(first);
    await page.click('#wb-viewer-close');

    await dlg.locator('#fb-confirm').click();
    await waitFor(() => dlg.locator('#fb-status').textContent()).toMatch(
      /^Feedback Sent is now \d{4}-\d{2}-\d{2}/,
    );
    const ids = column(bench, 'Events', 'Event ID');
    const sent = column(bench, 'Events', 'Feedback Sent')[ids.indexOf(chosen)];
    expect(sent).toBeInstanceOf(Date);
    await page.click('#wb-dialog-close');
  });

  it('shows a sponsor’s pledged and received at a glance, and marks lent goods returned', async () => {
    const { page } = bench;
    await clickMenu(page, 'Add or edit sponsors');
    const sb = page.frameLocator('#wb-sidebar-frame');
    await waitFor(() => sb.locator('#od-title').textContent()).toBe('New sponsor');
    const pledged = column(bench, 'Sponsors', 'Pledged');
    const sid = String(column(bench, 'Sponsors', 'Sponsor ID')[pledged.findIndex((p) => Number(p) > 0)]);
    await sb.locator('#od-search').fill(sid);
    await sb.locator(`#od-results li[data-id="${sid}"] button`).first().click();
    await waitFor(() => sb.locator('#od-partners h3').textContent()).toBe('Pledged and received this term');
    expect(await sb.locator('#od-partners li').first().textContent()).toMatch(
      /^Cash: ¥[\d,.]+ received of ¥[\d,.]+ pledged$/,
    );

    // An In-kind entry lent until yesterday: the Ledger form offers Returned.
    const ledger = model().sheetByName('Ledger')!;
    const head = ledger.cells[0]!.map(String);
    const row = column(bench, 'Ledger', 'Type').indexOf('In-kind') + 2;
    const id = String(ledger.get(row, 1));
    ledger.set(row, head.indexOf('Return By') + 1, instantOf('2026-01-01', model().timeZone));
    await sb.locator('#od-table').selectOption('Ledger');
    await waitFor(() => sb.locator('#od-title').textContent()).toBe('New ledger entry');
    await sb.locator('#od-search').fill(id);
    await sb.locator(`#od-results li[data-id="${id}"] button`).first().click();
    await sb.getByRole('button', { name: 'Returned' }).click();
    await waitFor(() => sb.locator('#od-status').textContent()).toMatch(
      /^Marked returned on \d{4}-\d{2}-\d{2}\.$/,
    );
    expect(ledger.get(row, head.indexOf('Returned') + 1)).toBeInstanceOf(Date);
    expect(await sb.locator('#od-partners').isHidden()).toBe(true);
  });
});
