/**
 * The sidebar's search at union size (issue 11), through the built bundle: above READ_AT_MOST
 * cells in the searched columns it asks Sheets' TextFinder instead of reading them, and
 * still lists the newest matching records first, the same ones a whole read finds, with how
 * many match (exact, or "at least" when not every match was walked) — and reads a page's
 * rows, not the sheet.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LocalGoogle } from '../../src/local/backend';
import { CallCounter } from '../../src/local/counter';
import type { SheetModel } from '../../src/local/model/spreadsheet-model';
import { LocalProject } from '../../src/local/runtime';
import { buildSample } from '../../src/local/sample';
import { bundleDir } from '../support/bundle';

let project: LocalProject;
beforeAll(() => {
  project = new LocalProject(bundleDir());
});

type Page = { items: { id: string; row: number; title: string }[]; total: number; atLeast?: boolean };

const SEARCHED = ['Contact ID', 'Name', 'Organization', 'Title', 'Owner', 'Phone', 'Email'];

function workbook(contacts: number) {
  const google = new LocalGoogle();
  const ss = buildSample(google, { today: '2026-11-23', counts: { contacts, members: 20 } });
  const sheet = ss.sheetByName('Contacts')!;
  const search = (q: string, counter = new CallCounter()) => ({
    page: project.run<Page>(google, 'sidebarSearchPage', ['Contacts', q, 50], {
      spreadsheetId: ss.id,
      user: 'zhang.wei@example.edu',
      counter,
    }).value,
    counter,
  });
  return { google, ss, sheet, search };
}

/** The rows (newest first) whose searched cells hold `q`, ignoring case: what the search must list. */
function oracle(sheet: SheetModel, q: string): number[] {
  const header = sheet.cells[0]!.map(String);
  const cols = SEARCHED.map((h) => header.indexOf(h) + 1);
  const want = q.toLowerCase();
  const rows: number[] = [];
  for (let r = sheet.lastRow(); r >= 2; r--) {
    const texts = cols.map((c) => String(sheet.get(r, c) ?? '').toLowerCase());
    if (texts.every((t) => t === '')) continue;
    if (texts.some((t) => t.includes(want))) rows.push(r);
  }
  return rows;
}

describe('search at union size (TextFinder)', () => {
  const big = () => workbook(6_000); // 6,000 × 7 searched cells: over READ_AT_MOST
  let w: ReturnType<typeof workbook>;
  beforeAll(() => {
    w = big();
  });

  it('lists the newest matches first, the same a whole read finds, and counts them', () => {
    const { sheet, search } = w;
    const owner = String(sheet.get(sheet.lastRow(), sheet.cells[0]!.map(String).indexOf('Owner') + 1));
    const queries = ['wang', 'WANG', '@', 'C-0001', '139', owner, 'partner.example', '单位不存在'];
    for (const q of queries) {
      const want = oracle(sheet, q);
      const { page, counter } = search(q);
      expect(counter.counts.get('TextFinder.findAll'), q).toBeGreaterThan(0);
      expect(counter.cellsRead, q).toBeLessThan(30_000); // the searched columns are 42,000 cells
      const rows = page.items.map((i) => i.row);
      // The newest matches, in order, none skipped; a page shorter than 50 only when the
      // matches are spread so thinly that reading more rows would be slow, and never empty then.
      expect(rows, q).toEqual(want.slice(0, rows.length));
      if (want.length) expect(rows.length, q).toBeGreaterThanOrEqual(Math.min(want.length, 20));
      expect(page.items.map((i) => i.id)).toEqual(
        rows.map((r) => String(sheet.get(r, sheet.cells[0]!.map(String).indexOf('Contact ID') + 1))),
      );
      if (page.atLeast) {
        // "50 of at least N": N is more than the page (so the note shows), never too many.
        expect(page.total, q).toBeLessThanOrEqual(want.length);
        expect(page.total, q).toBeGreaterThan(rows.length);
      } else expect(page.total, q).toBe(want.length);
    }
  });

  it('a search text is taken literally, as typed (no pattern): "c-00.1" finds nothing', () => {
    const { page } = w.search('c-00.1');
    expect(page.items).toEqual([]);
    expect(page.total).toBe(0);
  });

  it('with no search text lists the newest contacts and how many there are', () => {
    const { sheet, search } = w;
    const { page, counter } = search('');
    expect(page.items.map((i) => i.row)).toEqual(oracle(sheet, '').slice(0, 50));
    expect(page.total).toBe(oracle(sheet, '').length);
    expect(counter.cellsRead).toBeLessThan(2_000);
  });

  it('reads a page of rows, not the searched columns: the same cells at 6,000 and 12,000 contacts', () => {
    const cells = (n: number) => workbook(n).search('C-0001').counter.cellsRead;
    const [a, b] = [cells(6_000), cells(12_000)];
    expect(b).toBe(a);
    expect(b).toBeLessThan(200);
  });

  it('thin matches spread over the sheet: every one counted, the newest listed in order', () => {
    const f = workbook(6_000);
    const titleCol = f.sheet.cells[0]!.map(String).indexOf('Title') + 1;
    const marked = Array.from({ length: 30 }, (_, k) => 40 + k * 197);
    for (const r of marked) f.sheet.set(r, titleCol, 'Zqx Liaison');
    const { page } = f.search('zqx');
    expect(page.atLeast).toBeFalsy();
    expect(page.total).toBe(30);
    const rows = page.items.map((i) => i.row);
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows).toEqual([...marked].reverse().slice(0, rows.length));
  });

  it('with no search text: blank IDs and a stray cell far below are no trouble', () => {
    const f = workbook(6_000);
    const header = f.sheet.cells[0]!.map(String);
    const idCol = header.indexOf('Contact ID') + 1;
    const last = f.sheet.lastRow();
    // Ten rows near the bottom lose their ID (typed over); a note far below the table.
    for (let r = last - 9; r <= last; r++) f.sheet.set(r, idCol, '');
    f.sheet.maxRows = Math.max(f.sheet.maxRows, last + 20_000);
    f.sheet.set(last + 20_000, header.indexOf('Notes') + 1, 'stray note');
    const { page, counter } = f.search('');
    // The rows without an ID are listed (the form warns of them), the newest first.
    expect(page.items.map((i) => i.row)).toEqual(oracle(f.sheet, '').slice(0, 50));
    expect(page.items.slice(0, 10).every((i) => i.id === '')).toBe(true);
    // Counted by their IDs: the records in all.
    expect(page.total).toBe(oracle(f.sheet, '').length - 10);
    expect(counter.cellsRead).toBeLessThan(2_000);
    expect(counter.total).toBeLessThan(60);
  });

  it('a link picker (Meetings’ With) finds contacts by ID or name the same way, newest first', () => {
    const big = workbook(12_000); // ID and Name of 12,000 contacts: over READ_AT_MOST
    const { sheet, ss } = big;
    const header = sheet.cells[0]!.map(String);
    const [idCol, nameCol] = [header.indexOf('Contact ID') + 1, header.indexOf('Name') + 1];
    const counter = new CallCounter();
    const choices = project.run<{ value: string; label: string }[]>(
      big.google,
      'sidebarChoices',
      ['Meetings', 'with', 'wang'],
      { spreadsheetId: ss.id, user: 'zhang.wei@example.edu', counter },
    ).value;
    // Sponsors first (their names hold no "wang" here), then the newest contacts named so.
    const want: string[] = [];
    for (let r = sheet.lastRow(); r >= 2 && want.length < 20; r--) {
      const [id, name] = [String(sheet.get(r, idCol)), String(sheet.get(r, nameCol))];
      if (id && (id.toLowerCase().includes('wang') || name.toLowerCase().includes('wang')))
        want.push(`${name} · ${id}`);
    }
    expect(choices.map((c) => c.label)).toEqual(want);
    expect(counter.counts.get('TextFinder.findAll')).toBeGreaterThan(0);
    expect(counter.cellsRead).toBeLessThan(5_000); // the two columns are 24,000 cells
  });

  it('a picker leaves out rows without an ID and still offers 20, and trims the names it shows', () => {
    const big = workbook(12_000);
    const header = big.sheet.cells[0]!.map(String);
    const [idCol, nameCol] = [header.indexOf('Contact ID') + 1, header.indexOf('Name') + 1];
    const last = big.sheet.lastRow();
    // The 30 newest contacts lost their IDs and are all called Wang.
    for (let r = last - 29; r <= last; r++) {
      big.sheet.set(r, idCol, '');
      big.sheet.set(r, nameCol, 'Wang Unnumbered');
    }
    big.sheet.set(last - 40, nameCol, '  Wang Spaced  ');
    const choices = project.run<{ value: string; label: string }[]>(
      big.google,
      'sidebarChoices',
      ['Meetings', 'with', 'wang'],
      { spreadsheetId: big.ss.id, user: 'zhang.wei@example.edu' },
    ).value;
    expect(choices.length).toBe(20);
    expect(choices.every((c) => /^C-\d{4,}$/.test(c.value))).toBe(true);
    expect(choices.some((c) => c.label.includes('Unnumbered'))).toBe(false);
    expect(choices.find((c) => c.label.includes('Spaced'))?.label).toMatch(/^Wang Spaced · C-\d+$/);
  });

  it('an ID typed with an ideographic space (a Chinese input method) is still found by the form', () => {
    const f = workbook(6_000);
    const idCol = f.sheet.cells[0]!.map(String).indexOf('Contact ID') + 1;
    const id = String(f.sheet.get(100, idCol));
    f.sheet.set(100, idCol, `${id}\u3000`);
    const got = project.run<{ id: string; row: number } | null>(f.google, 'sidebarGet', ['Contacts', id], {
      spreadsheetId: f.ss.id,
      user: 'zhang.wei@example.edu',
    }).value;
    expect(got?.row).toBe(100);
  });
});
