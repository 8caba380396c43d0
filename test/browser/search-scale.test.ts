/**
 * The search list on a department's whole history (issue 11): with 6,000 contacts the
 * sidebar's search asks Sheets' TextFinder, and a member still finds, opens and saves a
 * contact the usual way — the newest first, "50 of at least N" when more match than were
 * counted, an old contact by its ID.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bench, clickMenu, openBench, waitFor } from './helpers';

let bench: Bench;
const ADDED = 6_000;

beforeAll(async () => {
  bench = await openBench();
  bench.page.setDefaultTimeout(10_000);
  // The sample's contacts copied over and over, each with an ID and email of its own.
  const sheet = bench.wb.google.spreadsheets.get(bench.wb.spreadsheetId)!.sheetByName('Contacts')!;
  const header = sheet.cells[0]!.map(String);
  const idCol = header.indexOf('Contact ID') + 1;
  const emailCol = header.indexOf('Email') + 1;
  const nameCol = header.indexOf('Name') + 1;
  const first = sheet.lastRow();
  const base = sheet.cells.slice(1, first).map((r) => [...r]);
  sheet.maxRows = Math.max(sheet.maxRows, first + ADDED + 10);
  for (let k = 0; k < ADDED; k++) {
    const r = first + 1 + k;
    const row = base[k % base.length]!;
    row.forEach((v, i) => {
      sheet.set(r, i + 1, v);
    });
    sheet.set(r, idCol, `C-${String(r - 1).padStart(4, '0')}`);
    sheet.set(r, emailCol, `c${r}@scale.example.org`);
    if (k === 100) sheet.set(r, nameCol, 'Qiu Zhenyu');
  }
  await clickMenu(bench.page, 'Add or edit contacts');
  await bench.page.waitForSelector('#wb-sidebar-frame');
}, 120_000);
afterAll(async () => {
  await bench?.close();
});

const sidebar = () => bench.page.frameLocator('#wb-sidebar-frame');

describe('search on 6,000 contacts', () => {
  it('lists the newest first and says how many match at least', async () => {
    const sb = sidebar();
    await waitFor(() => sb.locator('#od-title').textContent()).toBe('New contact');
    await sb.locator('#od-search').fill('@');
    await waitFor(() => sb.locator('#od-results-note').textContent()).toMatch(
      /^50 of at least [\d,]+ — refine your search$/,
    );
    const last = bench.wb.google.spreadsheets.get(bench.wb.spreadsheetId)!.sheetByName('Contacts')!.lastRow();
    expect(await sb.locator('#od-results li').count()).toBe(50);
    expect(await sb.locator('#od-results li').first().getAttribute('data-id')).toBe(
      `C-${String(last - 1).padStart(4, '0')}`,
    );
  });

  it('finds an old contact by name, opens it and saves a change', async () => {
    const sb = sidebar();
    await sb.locator('#od-search').fill('qiu zhenyu');
    await waitFor(() => sb.locator('#od-results li').count()).toBe(1);
    expect(await sb.locator('#od-results-note').textContent()).toBe('');
    await sb.locator('#od-results li button').first().click();
    await waitFor(() => sb.locator('#od-title').textContent()).toMatch(/^Edit contact C-\d{4}$/);
    await sb.getByLabel(/^Title$/).fill('Liaison officer');
    await sb.getByRole('button', { name: 'Save' }).click();
    await waitFor(() => sb.locator('#od-status').textContent()).toMatch(/^Saved C-\d{4}\./);
    const sheet = bench.wb.google.spreadsheets.get(bench.wb.spreadsheetId)!.sheetByName('Contacts')!;
    const header = sheet.cells[0]!.map(String);
    const row = sheet.cells.findIndex((r) => r[header.indexOf('Name')] === 'Qiu Zhenyu');
    expect(sheet.cells[row]![header.indexOf('Title')]).toBe('Liaison officer');
  });
});
