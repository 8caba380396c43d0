/**
 * The Greetings sidebar in the workbench, as a member uses it before a holiday: open it
 * from the menu, copy a greeting (the clipboard holds the filled message), mark it sent
 * (the contact's Last Greeted becomes today and the list no longer holds them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, cellToDay, instantOf, todayIn } from '../../src/domain/dates';
import { type Bench, clickMenu, openBench, waitFor } from './helpers';

let bench: Bench;
const model = () => bench.wb.google.spreadsheets.get(bench.wb.spreadsheetId)!;
const sheet = (name: string) => model().sheetByName(name)!;
const col = (name: string, header: string) => sheet(name).cells[0]!.map(String).indexOf(header) + 1;
let me = '';
const greeted: { id: string; name: string }[] = [];
let today = '';

beforeAll(async () => {
  bench = await openBench();
  bench.page.setDefaultTimeout(10_000);
  await bench.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const ss = model();
  me = bench.wb.user.toLowerCase();
  today = todayIn(ss.timeZone, bench.wb.google.now());
  // A holiday 3 days ahead; two of the member's contacts to greet, every other one not.
  const st = sheet('Settings');
  const at = st.lastRow() + 1;
  st.set(at, 1, 'Holiday');
  st.set(at, 2, instantOf(addDays(today, 3), ss.timeZone));
  st.set(at, 3, 'Founders Day');
  const c = sheet('Contacts');
  const [owner, greet, name, id, archived] = ['Owner', 'Greetings', 'Name', 'Contact ID', 'Archived'].map(
    (h) => col('Contacts', h),
  );
  for (let r = 2; r <= c.lastRow(); r++) {
    const mine = String(c.get(r, owner!)).toLowerCase() === me && c.get(r, archived!) === '';
    const pick = mine && greeted.length < 2;
    c.set(r, greet!, pick);
    if (pick) greeted.push({ id: String(c.get(r, id!)), name: String(c.get(r, name!)) });
  }
  if (greeted.length < 2) throw new Error('the sample gives the Minister fewer than 2 contacts');
  await clickMenu(bench.page, 'Greetings to send');
  await bench.page.waitForSelector('#wb-sidebar-frame');
}, 120_000);
afterAll(async () => {
  await bench?.close();
});

const sidebar = () => bench.page.frameLocator('#wb-sidebar-frame');

describe('Greetings sidebar', () => {
  it('lists the member’s contacts to greet, copies one, marks one sent', async () => {
    const sb = sidebar();
    // (Other holidays of the sample may fall in the window too: only this one's cards count.)
    const cards = () => sidebar().locator(`section.greeting[data-day="${addDays(today, 3)}"]`);
    await waitFor(() => cards().count()).toBe(2);
    expect(await sb.locator('h2', { hasText: 'Founders Day' }).textContent()).toBe(
      `Founders Day · ${addDays(today, 3)}`,
    );
    const first = cards().and(sb.locator(`[data-contact="${greeted[0]!.id}"]`));
    const message = await first.locator('textarea').inputValue();
    expect(message).toContain(`Dear ${greeted[0]!.name},`);
    expect(message).toContain('Founders Day');

    await first.getByRole('button', { name: 'Copy' }).click();
    await waitFor(() => first.locator('.note').textContent()).toMatch(/^Copied/);
    expect(await bench.page.evaluate(() => navigator.clipboard.readText())).toBe(message);

    await first.getByRole('button', { name: 'Mark sent' }).click();
    await waitFor(() => first.locator('.note').textContent()).toBe(`${greeted[0]!.name}: marked sent today.`);
    const c = sheet('Contacts');
    const row = c.cells.findIndex((r) => r[0] === greeted[0]!.id) + 1;
    expect(cellToDay(c.get(row, col('Contacts', 'Last Greeted')), model().timeZone)).toBe(today);
    expect(await first.getByRole('button', { name: 'Mark sent' }).isDisabled()).toBe(true);

    // Opened again, the list holds only the other contact.
    await clickMenu(bench.page, 'Greetings to send');
    await waitFor(() => cards().count()).toBe(1);
    expect(await cards().getAttribute('data-contact')).toBe(greeted[1]!.id);
    expect(bench.dialogs).toEqual([]);
  });
});

describe('Templates form: live preview', () => {
  it('fills the template for a chosen contact as the member types, and names an unknown placeholder', async () => {
    await clickMenu(bench.page, 'Add or edit templates');
    const sb = sidebar();
    await waitFor(() => sb.locator('#od-title').textContent()).toBe('New template');
    await sb.locator('#od-search').fill('T-0001');
    await sb.locator('#od-results li[data-id="T-0001"] button').first().click();
    await waitFor(() => sb.locator('#od-title').textContent()).toMatch(/T-0001/);
    await waitFor(() => sb.locator('#od-preview-with option').count()).toBeGreaterThan(1);
    await sb.locator('#od-preview-with').selectOption(greeted[1]!.id);
    await waitFor(() => sb.locator('#od-preview-text').textContent()).toContain(`Dear ${greeted[1]!.name},`);
    const body = sb.getByLabel(/^Body/);
    await body.fill('Hello {{Name}} and {{Nmae}}');
    await waitFor(() => sb.locator('#od-preview-note').textContent()).toMatch(
      /^Unknown placeholder \{\{Nmae\}\}/,
    );
    await body.fill('Hello {{Name}}!');
    await waitFor(() => sb.locator('#od-preview-text').textContent()).toContain(`Hello ${greeted[1]!.name}!`);
    expect(bench.dialogs).toEqual([]);
  });
});
