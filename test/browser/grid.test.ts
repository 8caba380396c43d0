/**
 * Typing into a grid cell of the workbench and leaving it: Enter, Tab and a click elsewhere
 * all show the new value in the cell (and the workbook holds it). Enter used to reach the
 * grid's own key handler after the edit ended, which reopened the editor on the old value
 * and kept the grid from showing the new one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bench, column, openBench, waitFor } from './helpers';

let bench: Bench;
beforeAll(async () => {
  bench = await openBench();
}, 60_000);
afterAll(async () => {
  await bench?.close();
});

async function notesCell(row: number) {
  const { page } = bench;
  await page.click('#wb-tabs button[data-sheet="Sponsors"]');
  // The grid is redrawn for the tab: wait for it, or a click may land on the old grid.
  await waitFor(() => page.locator('#wb-grid tr[data-r="1"] td').first().textContent()).toBe('Sponsor ID');
  await page.waitForLoadState('networkidle');
  const header = await page.locator('#wb-grid tr[data-r="1"] td').allTextContents();
  const col = header.indexOf('Notes') + 1;
  expect(col).toBeGreaterThan(0);
  return page.locator(`#wb-grid td[data-r="${row}"][data-c="${col}"]`);
}

describe('grid: editing a cell', () => {
  it('Enter after typing shows the new value, not the old one, and moves down', async () => {
    const { page } = bench;
    const cell = await notesCell(2);
    await cell.dblclick();
    const editor = cell.locator('input.cell-editor');
    await editor.waitFor();
    await editor.fill('Typed then Enter');
    await editor.press('Enter');
    await waitFor(() => column(bench, 'Sponsors', 'Notes')[0]).toBe('Typed then Enter');
    await waitFor(() => cell.textContent()).toBe('Typed then Enter');
    // No editor left open on the cell; the selection moved one row down.
    expect(await page.locator('#wb-grid input.cell-editor').count()).toBe(0);
    expect(await page.locator('#wb-cellref').textContent()).toMatch(/3$/);
    expect(await page.locator('#wb-formula').inputValue()).not.toBe('Typed then Enter');
    // Selecting the edited cell again shows the new value in the formula bar too.
    await cell.click();
    expect(await page.locator('#wb-formula').inputValue()).toBe('Typed then Enter');
  });

  it('typing straight into a selected cell and pressing Enter does the same', async () => {
    const { page } = bench;
    const cell = await notesCell(4);
    await cell.click();
    await page.keyboard.type('Quick note');
    await page.keyboard.press('Enter');
    await waitFor(() => column(bench, 'Sponsors', 'Notes')[2]).toBe('Quick note');
    await waitFor(() => cell.textContent()).toBe('Quick note');
    expect(await page.locator('#wb-grid input.cell-editor').count()).toBe(0);
  });

  it('Tab and a click elsewhere show the new value as well', async () => {
    const { page } = bench;
    const tabbed = await notesCell(5);
    await tabbed.dblclick();
    await tabbed.locator('input.cell-editor').fill('Typed then Tab');
    await tabbed.locator('input.cell-editor').press('Tab');
    await waitFor(() => tabbed.textContent()).toBe('Typed then Tab');

    const clicked = await notesCell(6);
    await clicked.dblclick();
    await clicked.locator('input.cell-editor').fill('Typed then click');
    await page.locator('#wb-grid tr[data-r="1"] td').first().click();
    await waitFor(() => clicked.textContent()).toBe('Typed then click');
    expect(column(bench, 'Sponsors', 'Notes')[3]).toBe('Typed then Tab');
    expect(column(bench, 'Sponsors', 'Notes')[4]).toBe('Typed then click');
    expect(bench.dialogs).toEqual([]);
  });
});
