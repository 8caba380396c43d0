/**
 * The record sidebar as a member uses it day to day: pickers for members and linked records,
 * the attendance checklist of a department meeting, the look-alike warning of a new contact,
 * the search list by keyboard, the save message by the Save button, the multi-account
 * message, and Escape. Fields are found by their labels.
 */
import type { Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, dayOf } from '../../src/domain/dates';
import { type Bench, clickMenu, column, openBench, waitFor } from './helpers';

let bench: Bench;
beforeAll(async () => {
  bench = await openBench();
  bench.page.setDefaultTimeout(10_000); // a missing element fails the test by name, not by timeout
  await clickMenu(bench.page, 'Add or edit meetings');
  await bench.page.waitForSelector('#wb-sidebar-frame');
}, 120_000);
afterAll(async () => {
  await bench?.close();
});

const sidebar = () => bench.page.frameLocator('#wb-sidebar-frame');
const model = () => bench.wb.google.spreadsheets.get(bench.wb.spreadsheetId)!;
const sheet = (name: string) => model().sheetByName(name)!;
const cell = (name: string, id: string, header: string) => {
  const s = sheet(name);
  const col = s.cells[0]!.map(String).indexOf(header) + 1;
  const row = s.cells.findIndex((r) => r[0] === id) + 1;
  return s.get(row, col);
};
const split = (v: unknown) =>
  String(v ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

/** The active members as the sidebar lists them (`name · email`). */
function members(): { email: string; label: string; role: string }[] {
  const emails = column(bench, 'Members', 'Email').map(String);
  const names = column(bench, 'Members', 'Name').map(String);
  const roles = column(bench, 'Members', 'Role').map(String);
  const active = column(bench, 'Members', 'Active');
  return emails
    .map((e, i) => ({
      email: e.toLowerCase(),
      label: `${names[i]} · ${e.toLowerCase()}`,
      role: roles[i]!,
      on: active[i],
    }))
    .filter((m) => m.email && m.on === true);
}

/** A form field by its label (a required field's label ends with " *"). */
const field = (label: string) =>
  sidebar().getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`));

async function frame(): Promise<Frame> {
  return (await (await bench.page.$('#wb-sidebar-frame'))!.contentFrame())!;
}

async function switchTo(table: string, title: string): Promise<void> {
  const sb = sidebar();
  await sb.locator('#od-table').selectOption(table);
  await waitFor(() => sb.locator('#od-title').textContent()).toBe(title);
}

async function open(id: string, title: string): Promise<void> {
  const sb = sidebar();
  await sb.locator('#od-search').fill(id);
  await sb.locator(`#od-results li[data-id="${id}"] button`).first().click();
  await waitFor(() => sb.locator('#od-title').textContent()).toBe(title);
}

describe('record sidebar: a day of work', () => {
  it('pickers: Owner starts as me; typing offers members and records; picking fills the value', async () => {
    const sb = sidebar();
    await waitFor(() => sb.locator('#od-title').textContent()).toBe('New meeting');
    const me = members().find((m) => m.role === 'Minister')!.email;
    expect(await field('Owner').inputValue()).toBe(me);

    // With: several IDs; the last comma-separated part is what is looked up and replaced.
    const sponsorIds = column(bench, 'Sponsors', 'Sponsor ID').map(String).filter(Boolean);
    const target = sponsorIds[2]!;
    const withBox = field('With');
    await withBox.fill('C-0001, ');
    await withBox.pressSequentially(target, { delay: 20 });
    const options = sb.locator('#od-pick-with li');
    await waitFor(() => options.count()).toBeGreaterThan(0);
    await sb.locator('#od-pick-with li', { hasText: target }).first().click();
    expect(await withBox.inputValue()).toBe(`C-0001, ${target}`);
    expect(await sb.locator('#od-pick-with').isHidden()).toBe(true);

    // Owner: a member found by part of their name, picked with the keyboard.
    const other = members().find((m) => m.email !== me)!;
    const owner = field('Owner');
    await owner.fill('');
    await owner.pressSequentially(other.email.slice(0, 6), { delay: 20 });
    await waitFor(() => sb.locator('#od-pick-owner li').count()).toBeGreaterThan(0);
    // Escape closes the list, not the sidebar.
    await owner.press('Escape');
    expect(await sb.locator('#od-pick-owner').isHidden()).toBe(true);
    expect(await bench.page.locator('#wb-sidebar').isVisible()).toBe(true);
    await owner.pressSequentially(other.email.slice(6, 8), { delay: 20 });
    const first = sb.locator('#od-pick-owner li').first();
    await first.waitFor();
    const value = (await first.getAttribute('data-value'))!;
    await owner.press('ArrowDown');
    await owner.press('Enter');
    expect(await owner.inputValue()).toBe(value);
    expect(members().some((m) => m.email === value)).toBe(true);
    await owner.fill(me);

    // The new meeting saves with what was picked.
    await field('Date').fill('2026-12-05 10:00');
    await field('Type').selectOption('Call');
    await field('Title').fill('Picker call');
    await field('Purpose').fill('Check the pickers');
    await sb.getByRole('button', { name: 'Save' }).click();
    await waitFor(() => sb.locator('#od-status').textContent()).toMatch(/^Saved new meeting MT-\d{4}/);
    const id = /MT-\d{4}/.exec((await sb.locator('#od-status').textContent())!)![0];
    expect(cell('Meetings', id, 'With')).toBe(`C-0001, ${target}`);
    expect(cell('Meetings', id, 'Owner')).toBe(me);
    // The message stands by the Save button, in view without scrolling.
    const inView = await (await frame()).evaluate(() => {
      window.scrollTo(0, 0);
      const s = document.getElementById('od-status')!;
      const r = s.getBoundingClientRect();
      return !!s.closest('.actions') && r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
    });
    expect(inView).toBe(true);
  });

  it('a department meeting is taken with a checklist: one choice per member (late included) fills the lists', async () => {
    const sb = sidebar();
    // A department meeting held already: at least two active members attended.
    const active = new Set(members().map((m) => m.email));
    const ids = column(bench, 'Meetings', 'Meeting ID').map(String);
    const types = column(bench, 'Meetings', 'Type');
    const lists = column(bench, 'Meetings', 'Attendees');
    const mt = ids.find(
      (_id, i) =>
        types[i] === 'Department Meeting' && split(lists[i]).filter((e) => active.has(e)).length >= 2,
    )!;
    await open(mt, `Edit meeting ${mt}`);
    const checklist = sb.locator('#od-attendance');
    expect(await checklist.isVisible()).toBe(true);
    // The three inputs stay (found by label) but are hidden behind the checklist.
    const attendees = field('Attendees');
    expect(await attendees.isHidden()).toBe(true);
    const before = split(cell('Meetings', mt, 'Attendees'));
    expect(await attendees.inputValue()).toBe(String(cell('Meetings', mt, 'Attendees')));
    // Each member's choice comes from the lists.
    const ms = members();
    const excusedBefore = split(cell('Meetings', mt, 'Excused'));
    for (const m of ms.slice(0, 6)) {
      const want = before.includes(m.email)
        ? 'attendees'
        : excusedBefore.includes(m.email)
          ? 'excused'
          : null;
      if (want) expect(await sb.getByLabel(m.label, { exact: true }).inputValue()).toBe(want);
    }
    // A present member is marked excused, another absent.
    const moved = ms.find((m) => before.includes(m.email))!;
    const absentOne = ms.find((m) => m.email !== moved.email && before.includes(m.email))!;
    await sb.getByLabel(moved.label, { exact: true }).selectOption('excused');
    await sb.getByLabel(absentOne.label, { exact: true }).selectOption('absent');
    // A third member came late: present (in Attendees) and in the Late column.
    const lateOne = ms.find((m) => m.email !== moved.email && m.email !== absentOne.email)!;
    const lateSelect = sb.getByLabel(lateOne.label, { exact: true });
    expect(await lateSelect.locator('option').allTextContents()).toEqual([
      '—',
      'present',
      'present, late',
      'excused',
      'absent',
    ]);
    await lateSelect.selectOption('late');
    expect(split(await attendees.inputValue())).not.toContain(moved.email);
    expect(split(await field('Excused').inputValue())).toContain(moved.email);
    await sb.getByRole('button', { name: 'Save' }).click();
    await waitFor(() => sb.locator('#od-status').textContent()).toBe(`Saved ${mt}.`);
    const att = split(cell('Meetings', mt, 'Attendees'));
    const exc = split(cell('Meetings', mt, 'Excused'));
    const abs = split(cell('Meetings', mt, 'Absent'));
    expect(exc).toContain(moved.email);
    expect(abs).toContain(absentOne.email);
    expect(att).not.toContain(moved.email);
    expect(att).not.toContain(absentOne.email);
    expect(att.length + exc.length + abs.length).toBe(new Set([...att, ...exc, ...abs]).size);
    expect(att).toContain(lateOne.email);
    expect(split(cell('Meetings', mt, 'Late'))).toEqual([lateOne.email]);
    expect(await lateSelect.inputValue()).toBe('late');
    // After the save the checklist shows what the sheet holds.
    expect(await sb.getByLabel(moved.label, { exact: true }).inputValue()).toBe('excused');
    // Another type of meeting: the emails are typed again.
    await field('Type').selectOption('Call');
    expect(await checklist.isHidden()).toBe(true);
    expect(await attendees.isVisible()).toBe(true);
  });

  it('a new department meeting repeats every two weeks until a day: one save plans the series', async () => {
    const sb = sidebar();
    await sb.getByRole('button', { name: 'New' }).click();
    await waitFor(() => sb.locator('#od-title').textContent()).toBe('New meeting');
    const repeat = field('Repeat every two weeks until');
    await field('Type').selectOption('Call');
    expect(await repeat.isHidden()).toBe(true);
    await field('Type').selectOption('Department Meeting');
    expect(await repeat.isVisible()).toBe(true);
    await field('Date').fill('2027-03-03 19:00');
    await field('Title').fill('Department meeting');
    await repeat.fill('2027-03-31');
    await sb.getByRole('button', { name: 'Save' }).click();
    await waitFor(() => sb.locator('#od-status').textContent()).toMatch(
      /^Saved MT-\d{4} and planned 2 more, every two weeks: MT-\d{4}, MT-\d{4}\.$/,
    );
    const ids = (await sb.locator('#od-status').textContent())!.match(/MT-\d{4}/g)!;
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(cell('Meetings', id, 'Title')).toBe('Department meeting');
    // The series is a new record's choice: the saved meeting's form no longer offers it.
    expect(await repeat.isHidden()).toBe(true);
  });

  it('a new contact that looks like an existing one is shown with Open; the next Save creates it anyway', async () => {
    const sb = sidebar();
    await switchTo('Contacts', 'New contact');
    const name = String(cell('Contacts', 'C-0003', 'Name'));
    const org = String(cell('Contacts', 'C-0003', 'Organization'));
    const rows = sheet('Contacts').lastRow();
    await field('Name').fill(name);
    await field('Organization').fill(org);
    await sb.getByRole('button', { name: 'Save' }).click();
    await waitFor(() => sb.locator('#od-status').textContent()).toMatch(/save again to create it anyway/);
    const dup = sb.locator('#od-dups li', { hasText: 'C-0003' });
    expect(await dup.textContent()).toContain(name);
    expect(await sb.locator('#od-save').textContent()).toBe('Save anyway');
    expect(sheet('Contacts').lastRow()).toBe(rows);
    // Open shows the existing contact.
    await dup.getByRole('button', { name: 'Open C-0003' }).click();
    await waitFor(() => sb.locator('#od-title').textContent()).toBe('Edit contact C-0003');
    expect(await sb.locator('#od-save').textContent()).toBe('Save');
    // Again, and this time saved anyway.
    await sb.getByRole('button', { name: 'New' }).click();
    await field('Name').fill(name);
    await field('Organization').fill(org);
    await sb.getByRole('button', { name: 'Save' }).click();
    await waitFor(() => sb.locator('#od-save').textContent()).toBe('Save anyway');
    await sb.locator('#od-save').click();
    await waitFor(() => sb.locator('#od-status').textContent()).toMatch(/^Saved new contact C-\d{4}/);
    expect(sheet('Contacts').lastRow()).toBe(rows + 1);
    expect(await sb.locator('#od-dups li').count()).toBe(0);
  });

  it('search says how many match in all, and is walked with the arrow keys', async () => {
    const sb = sidebar();
    const search = sb.locator('#od-search');
    const total = column(bench, 'Contacts', 'Contact ID').filter(Boolean).length;
    expect(total).toBeGreaterThan(50);
    await search.fill('C-');
    await waitFor(() => sb.locator('#od-results-note').textContent()).toBe(
      `50 of ${total.toLocaleString('en-US')} — refine your search`,
    );
    await waitFor(() => sb.locator('#od-results li').count()).toBe(50);
    const second = (await sb.locator('#od-results li').nth(1).getAttribute('data-id'))!;
    await search.press('ArrowDown');
    await search.press('ArrowDown');
    expect(await sb.locator('#od-results li.active').getAttribute('data-id')).toBe(second);
    await search.press('ArrowUp');
    await search.press('ArrowDown');
    await search.press('Enter');
    await waitFor(() => sb.locator('#od-title').textContent()).toBe(`Edit contact ${second}`);
  });

  it('several signed-in Google accounts: the failure says to use one account, not the raw error', async () => {
    const sb = sidebar();
    const f = await frame();
    await f.evaluate(() => {
      const w = window as unknown as { google: { script: { run: unknown } }; odRealRun?: unknown };
      w.odRealRun = w.google.script.run;
      const runner = (fail: ((e: Error) => void) | null): unknown =>
        new Proxy(
          {},
          {
            get: (_t, k) =>
              k === 'withSuccessHandler' || k === 'withUserObject'
                ? () => runner(fail)
                : k === 'withFailureHandler'
                  ? (g: (e: Error) => void) => runner(g)
                  : () =>
                      setTimeout(() => {
                        const e = new Error(
                          "We're sorry, a server error occurred while reading from storage. Error code PERMISSION_DENIED.",
                        );
                        e.name = 'ScriptError';
                        fail?.(e);
                      }, 0),
          },
        );
      w.google.script.run = runner(null);
    });
    await field('Title').fill('Changed title');
    await sb.getByRole('button', { name: 'Save' }).click();
    await waitFor(() => sb.locator('#od-status').textContent()).toMatch(
      /signed in to one Google account only/,
    );
    expect(await sb.locator('#od-status').textContent()).not.toMatch(/PERMISSION_DENIED/);
    await f.evaluate(() => {
      const w = window as unknown as { google: { script: { run: unknown } }; odRealRun?: unknown };
      w.google.script.run = w.odRealRun;
    });
  });

  it('a visit is planned, chased in the owner’s digest once its day has passed, and reported', async () => {
    const sb = sidebar();
    const tz = model().timeZone;
    const today = dayOf(bench.wb.google.now(), tz);
    await switchTo('Meetings', 'New meeting');
    await field('Date').fill(`${today} 10:00`);
    await field('Type').selectOption('Sponsor Visit');
    await field('Title').fill('Visit to ask for tents');
    await sb.getByRole('button', { name: 'Save' }).click();
    // Planning a visit needs its Purpose.
    await waitFor(() => sb.locator('#od-status').textContent()).toMatch(/correct/i);
    expect(await sb.locator('[data-key="purpose"] .error').textContent()).toMatch(
      /Purpose is needed to plan a visit/,
    );
    await field('Purpose').fill('Ask for two tents for the final');
    await sb.getByRole('button', { name: 'Save' }).click();
    await waitFor(() => sb.locator('#od-status').textContent()).toMatch(/^Saved new meeting MT-\d{4}/);
    const id = /MT-\d{4}/.exec((await sb.locator('#od-status').textContent())!)![0];

    // Two days on, the owner's digest chases the report.
    const later = addDays(today, 2);
    const preview = async () => {
      await clickMenu(bench.page, 'Preview tomorrow');
      const pv = sidebar();
      await pv.locator('#rm-day').fill(later);
      await pv.getByRole('button', { name: 'Show' }).click();
      await waitFor(() => pv.locator('#rm-status').textContent()).toMatch(new RegExp(`^${later}:`));
      return (await pv.locator('#rm-digests').textContent()) ?? '';
    };
    expect(await preview()).toContain('Visit to ask for tents');

    // Reported: Done needs its Outcome; then the digest no longer names it.
    await clickMenu(bench.page, 'Add or edit meetings');
    await waitFor(() => sidebar().locator('#od-title').textContent()).toBe('New meeting');
    await open(id, `Edit meeting ${id}`);
    await field('Status').selectOption('Done');
    await sb.getByRole('button', { name: 'Save' }).click();
    await waitFor(() => sb.locator('[data-key="outcome"] .error').textContent()).toMatch(
      /Outcome is needed to mark a visit Done/,
    );
    await field('Outcome').fill('Two tents promised');
    await sb.getByRole('button', { name: 'Save' }).click();
    await waitFor(() => sb.locator('#od-status').textContent()).toBe(`Saved ${id}.`);
    expect(await preview()).not.toContain('Visit to ask for tents');
    await clickMenu(bench.page, 'Add or edit meetings');
    await waitFor(() => sidebar().locator('#od-title').textContent()).toBe('New meeting');
  });

  it('Escape closes the sidebar', async () => {
    const sb = sidebar();
    await sb.locator('#od-search').press('Escape');
    await waitFor(() => bench.page.locator('#wb-sidebar').isHidden()).toBe(true);
    expect(bench.dialogs).toEqual([]);
  });
});
