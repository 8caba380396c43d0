/**
 * "Editing safely" in the record sidebar, used as a member uses it: fields found by their
 * labels, the search list, the Save button. Meanwhile "another member" changes the same
 * record in the workbook (straight in the stored model, as a hand edit would).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bench, clickMenu, openBench, waitFor } from './helpers';

let bench: Bench;
beforeAll(async () => {
  bench = await openBench();
  await clickMenu(bench.page, 'Add or edit contacts');
  await bench.page.waitForSelector('#wb-sidebar-frame');
}, 120_000);
afterAll(async () => {
  await bench?.close();
});

const sidebar = () => bench.page.frameLocator('#wb-sidebar-frame');
const contacts = () => bench.wb.google.spreadsheets.get(bench.wb.spreadsheetId)!.sheetByName('Contacts')!;
const colOf = (h: string) => contacts().cells[0]!.map(String).indexOf(h) + 1;
const rowOf = (id: string) => contacts().cells.findIndex((r) => r[0] === id) + 1;

async function open(id: string): Promise<void> {
  const sb = sidebar();
  await sb.locator('#od-search').fill(id);
  const item = sb.locator(`#od-results li[data-id="${id}"] button`);
  await item.first().click();
  await waitFor(() => sb.locator('#od-title').textContent()).toBe(`Edit contact ${id}`);
}

describe('record sidebar: saving safely while others edit', () => {
  it('a field someone else changed is not overwritten: the message names it and shows its value now', async () => {
    const sb = sidebar();
    await waitFor(() => sb.locator('#od-title').textContent()).toBe('New contact');
    await open('C-0007');
    // Another member changes Notes meanwhile.
    contacts().set(rowOf('C-0007'), colOf('Notes'), 'Changed by another member');
    await sb.getByLabel('Notes').fill('My note');
    await sb.getByRole('button', { name: 'Save' }).click();
    await waitFor(() => sb.locator('#od-status').textContent()).toMatch(/Nothing was saved: someone changed/);
    expect(await sb.locator('#od-err-notes').textContent()).toMatch(/it is now "Changed by another member"/);
    expect(contacts().get(rowOf('C-0007'), colOf('Notes'))).toBe('Changed by another member');
  });

  it('a change to another field is saved and keeps what the other member wrote', async () => {
    const sb = sidebar();
    await open('C-0008');
    contacts().set(rowOf('C-0008'), colOf('Notes'), 'Kept note');
    await sb.getByLabel('Title', { exact: true }).fill('Outreach Minister');
    await sb.getByRole('button', { name: 'Save' }).click();
    await waitFor(() => sb.locator('#od-status').textContent()).toBe('Saved C-0008.');
    const row = rowOf('C-0008');
    expect(contacts().get(row, colOf('Title'))).toBe('Outreach Minister');
    expect(contacts().get(row, colOf('Notes'))).toBe('Kept note');
    // The form now shows what the sheet holds, the other member's note included.
    expect(await sb.getByLabel('Notes').inputValue()).toBe('Kept note');
  });

  it('a date typed by hand that is not a date is shown as typed, noted, and kept when saving another field', async () => {
    const sb = sidebar();
    contacts().set(rowOf('C-0009'), colOf('Last Contacted'), '2026/11/3 morning');
    await open('C-0009');
    expect(await sb.getByLabel('Last Contacted').inputValue()).toBe('2026/11/3 morning');
    expect(await sb.locator('#od-note-lastContacted').textContent()).toMatch(/is not a date.*kept as it is/);
    await sb.getByLabel('Organization').fill('Renamed Org');
    await sb.getByRole('button', { name: 'Save' }).click();
    await waitFor(() => sb.locator('#od-status').textContent()).toBe('Saved C-0009.');
    expect(contacts().get(rowOf('C-0009'), colOf('Last Contacted'))).toBe('2026/11/3 morning');
  });

  it('a long paste is kept whole in the box and refused by name, never cut short', async () => {
    const sb = sidebar();
    await open('C-0010');
    const before = contacts().get(rowOf('C-0010'), colOf('Notes'));
    const long = 'x'.repeat(6000);
    await sb.getByLabel('Notes').fill(long);
    expect((await sb.getByLabel('Notes').inputValue()).length).toBe(6000);
    expect(await sb.locator('#od-err-notes').textContent()).toMatch(
      /too long: 6000 characters, at most 5000/,
    );
    await sb.getByRole('button', { name: 'Save' }).click();
    await waitFor(() => sb.locator('#od-err-notes').textContent()).toMatch(
      /Notes is too long: 6000 characters/,
    );
    expect(contacts().get(rowOf('C-0010'), colOf('Notes'))).toBe(before);
  });

  it('Archive asks for a second click, then archives the open record (it stays in the sheet)', async () => {
    const sb = sidebar();
    await open('C-0011');
    const rows = contacts().lastRow();
    const button = sb.getByRole('button', { name: 'Archive' });
    await button.click();
    await waitFor(() => sb.locator('#od-archive').textContent()).toBe('Click again to archive');
    expect(contacts().get(rowOf('C-0011'), colOf('Archived'))).toBe('');
    await sb.locator('#od-archive').click();
    await waitFor(() => sb.locator('#od-status').textContent()).toMatch(/^Archived C-0011/);
    expect(contacts().get(rowOf('C-0011'), colOf('Archived'))).toBeInstanceOf(Date);
    expect(contacts().lastRow()).toBe(rows);
    expect(await sb.getByLabel('Archived').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('an impossible date typed in a new record is refused next to its field', async () => {
    const sb = sidebar();
    await sb.getByRole('button', { name: 'New' }).click();
    await sb.getByLabel('Name').first().fill('Date Tester');
    await sb.getByLabel('Last Contacted').fill('02/30/2026');
    await sb.getByRole('button', { name: 'Save' }).click();
    await waitFor(() => sb.locator('#od-err-lastContacted').textContent()).toMatch(
      /Last Contacted: "02\/30\/2026" is not a valid date/,
    );
    expect(contacts().cells.some((r) => r.includes('Date Tester'))).toBe(false);
  });
});
