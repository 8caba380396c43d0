/**
 * Greetings ready to send, from the BUILT bundle: a Holiday 3 days ahead lists each of the
 * member's greetable contacts once, the message filled in the contact's language; marking
 * one sent sets Last Greeted and the next digest no longer names them for that holiday;
 * "Email it" sends one mail from the member and logs a Meetings row of Type Greeting; a
 * template with an unknown placeholder is refused on save, naming it.
 */
import { describe, expect, it } from 'vitest';
import type { GreetingResult, GreetingsView } from '../../src/addon/api';
import type { PreviewResponse } from '../../src/addon/reminders/preview';
import { cellToDay } from '../../src/domain/dates';
import { type Fixture, put, rowsOf, setSetting, workbook } from './reminders-fixture';

const OFFICER = 'officer1@x.edu';
const HOLIDAY = '2026-03-18'; // today (2026-03-15 in Shanghai) + 3

function fixture(): Fixture {
  const f = workbook();
  setSetting(f.ss, 'Holiday', HOLIDAY);
  const settings = f.ss.sheetByName('Settings')!;
  settings.set(settings.lastRow(), 3, 'Founders Day');
  // The optional Contacts Language column, added by a member.
  const contacts = f.ss.sheetByName('Contacts')!;
  contacts.set(1, contacts.lastColumn() + 1, 'Language');
  put(f.ss, 'Contacts', [
    {
      'Contact ID': 'C-0001',
      Name: 'Wang Fang',
      Organization: 'BNU',
      Email: 'wf@bnu.edu',
      Owner: OFFICER,
      Greetings: true,
    },
    {
      'Contact ID': 'C-0002',
      Name: '张伟',
      Organization: '移动营业厅',
      Owner: OFFICER,
      Greetings: true,
      Language: 'zh',
    },
    { 'Contact ID': 'C-0003', Name: 'Not greeted', Owner: OFFICER, Greetings: false },
    { 'Contact ID': 'C-0004', Name: 'Someone else’s', Owner: 'officer2@x.edu', Greetings: true },
  ]);
  return f;
}

const run = <T>(f: Fixture, fn: string, args: unknown[] = [], user = OFFICER) =>
  f.project.run<T>(f.google, fn, args, { spreadsheetId: f.ss.id, user }).value;

/** The greeting lines of a member's digest on `day`. */
function greetingLines(f: Fixture, day: string, email = OFFICER): string[] {
  const p = run<PreviewResponse>(f, 'remindersPreview', [day], 'minister@x.edu');
  const d = p.digests.find((x) => x.to === email);
  return (d?.groups ?? [])
    .filter((g) => g.title.startsWith('Holiday greetings to send'))
    .flatMap((g) => g.items.map((i) => i.text));
}
const contact = (f: Fixture, id: string) =>
  rowsOf(f.ss.sheetByName('Contacts')).find((r) => r['Contact ID'] === id)!;

describe('bundle: greetings to send', () => {
  it('lists each greetable contact of the member once, the message in their language', () => {
    const f = fixture();
    const v = run<GreetingsView>(f, 'greetingsList');
    expect(v.items.map((g) => g.contactId)).toEqual(['C-0001', 'C-0002']);
    const [en, zh] = v.items;
    expect(en!.language).toBe('en');
    expect(en!.message).toBe(
      'Dear Wang Fang, on behalf of External Relations Department, Student Union, warm wishes for Founders Day to you and everyone at BNU! Thank you for your support. — Officer 1',
    );
    expect(zh!.language).toBe('zh');
    expect(zh!.message).toContain('尊敬的张伟：值此Founders Day之际');
    expect(zh!.message).toContain('移动营业厅');
    expect(v.text['greet.ui.copy']).toBe('Copy');
    // The digest names both, each line with its ready message (in the contact's language).
    const lines = greetingLines(f, '2026-03-15');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(en!.message);
    expect(lines[1]).toContain(zh!.message);
  });

  it('mark sent: Last Greeted is today, the contact leaves the list and the next digest', () => {
    const f = fixture();
    expect(greetingLines(f, '2026-03-16')).toHaveLength(2);
    const r = run<GreetingResult>(f, 'greetingsMarkSent', [`C-0002|${HOLIDAY}`]);
    expect(r).toMatchObject({ ok: true, message: '张伟: marked sent today.' });
    expect(cellToDay(contact(f, 'C-0002')['Last Greeted'], f.ss.timeZone)).toBe('2026-03-15');
    expect(run<GreetingsView>(f, 'greetingsList').items.map((g) => g.contactId)).toEqual(['C-0001']);
    f.google.setNow(new Date('2026-03-16T01:00:00Z'));
    const next = greetingLines(f, '2026-03-16');
    expect(next).toHaveLength(1);
    expect(next[0]).toContain('Wang Fang');
    // A second click on an item no longer listed writes nothing.
    const again = run<GreetingResult>(f, 'greetingsMarkSent', [`C-0002|${HOLIDAY}`]);
    expect(again.ok).toBe(false);
  });

  it('two holidays two days apart: marking one sent leaves the contact on the other’s list', () => {
    const f = fixture();
    // A second holiday the day before (Founders Day is 2026-03-18): both in the window.
    const settings = f.ss.sheetByName('Settings')!;
    const at = settings.lastRow() + 1;
    settings.set(at, 1, 'Holiday');
    settings.set(at, 2, '2026-03-16');
    settings.set(at, 3, 'Spring Outing');
    const items = () => run<GreetingsView>(f, 'greetingsList').items.map((g) => `${g.contactId} ${g.day}`);
    expect(items()).toEqual([
      'C-0001 2026-03-16',
      'C-0002 2026-03-16',
      'C-0001 2026-03-18',
      'C-0002 2026-03-18',
    ]);
    expect(run<GreetingResult>(f, 'greetingsMarkSent', ['C-0002|2026-03-16']).ok).toBe(true);
    // Last Greeted (today) falls in both windows; the greeting was for the first holiday only.
    expect(items()).toEqual(['C-0001 2026-03-16', 'C-0001 2026-03-18', 'C-0002 2026-03-18']);
    expect(greetingLines(f, '2026-03-15').filter((l) => l.includes('张伟'))).toHaveLength(1);
    expect(run<GreetingResult>(f, 'greetingsMarkSent', ['C-0002|2026-03-18']).ok).toBe(true);
    expect(items()).toEqual(['C-0001 2026-03-16', 'C-0001 2026-03-18']);
    expect(greetingLines(f, '2026-03-15').filter((l) => l.includes('张伟'))).toHaveLength(0);
  });

  it('email it: one mail from the member, logged as a Greeting meeting, Last Greeted set', () => {
    const f = fixture();
    const quota = run<GreetingsView>(f, 'greetingsList').quota;
    const r = run<GreetingResult>(f, 'greetingsEmail', [`C-0001|${HOLIDAY}`]);
    expect(r.ok).toBe(true);
    expect(f.google.outbox).toHaveLength(1);
    const mail = f.google.outbox[0]!;
    expect(mail.from).toBe(OFFICER);
    expect(mail.to).toEqual(['wf@bnu.edu']);
    expect(mail.subject).toBe('Happy Founders Day from External Relations Department, Student Union');
    expect(mail.body).toContain('Dear Wang Fang');
    const logged = rowsOf(f.ss.sheetByName('Meetings')).filter((m) => m.Type === 'Greeting');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      'Meeting ID': r.meetingId,
      With: 'C-0001',
      Owner: OFFICER,
      Status: 'Done',
    });
    expect(cellToDay(contact(f, 'C-0001')['Last Greeted'], f.ss.timeZone)).toBe('2026-03-15');
    const after = run<GreetingsView>(f, 'greetingsList');
    expect(after.quota).toBe(quota - 1);
    expect(after.items.map((g) => g.contactId)).toEqual(['C-0002']);
    // No Email: refused, nothing sent.
    const none = run<GreetingResult>(f, 'greetingsEmail', [`C-0002|${HOLIDAY}`]);
    expect(none).toMatchObject({ ok: false, message: '张伟 has no Email: copy the message instead.' });
    expect(f.google.outbox).toHaveLength(1);
  });

  it('the menu item opens the Greetings sidebar for a member, and tells anyone else who may', () => {
    const f = fixture();
    run(f, 'menuGreetings');
    expect(f.google.ui.at(-1)).toMatchObject({ kind: 'sidebar', title: 'Outreach Desk · Greetings' });
    run(f, 'menuGreetings', [], 'stranger@x.edu');
    expect(f.google.ui.at(-1)).toMatchObject({ kind: 'alert' });
    expect(f.google.ui.at(-1)!.message).toMatch(/active member/);
  });

  it('refuses someone who is not an active member', () => {
    const f = fixture();
    expect(() => run(f, 'greetingsList', [], 'stranger@x.edu')).toThrow(/active member/);
    expect(run<GreetingResult>(f, 'greetingsMarkSent', [`C-0001|${HOLIDAY}`], 'stranger@x.edu').ok).toBe(
      false,
    );
    expect(contact(f, 'C-0001')['Last Greeted']).toBe('');
  });
});

describe('bundle: templates', () => {
  it('refuses a template with an unknown placeholder, naming the field and the placeholder', () => {
    const f = fixture();
    const before = rowsOf(f.ss.sheetByName('Templates')).length;
    const r = run<{ ok: boolean; errors?: { field: string; message: string }[] }>(f, 'sidebarSave', [
      'Templates',
      { changes: { name: 'Mine', kind: 'Greeting', language: 'en', body: 'Hi {{Nmae}}, happy {{Holiday}}' } },
    ]);
    expect(r.ok).toBe(false);
    expect(r.errors![0]!.field).toBe('body');
    expect(r.errors![0]!.message).toMatch(/Body.*\{\{Nmae\}\}/);
    expect(rowsOf(f.ss.sheetByName('Templates')).length).toBe(before);
    const ok = run<{ ok: boolean; id: string }>(f, 'sidebarSave', [
      'Templates',
      { changes: { name: 'Mine', kind: 'Greeting', language: 'en', body: 'Hi {{Name}}' } },
    ]);
    expect(ok).toMatchObject({ ok: true, id: 'T-0009' });
    // Changing its Body to an unknown placeholder is refused too.
    const bad = run<{ ok: boolean; errors?: { message: string }[] }>(f, 'sidebarSave', [
      'Templates',
      { id: 'T-0009', changes: { body: '{{Sponsor}}' } },
    ]);
    expect(bad.ok).toBe(false);
    expect(bad.errors![0]!.message).toContain('{{Sponsor}}');
  });
});
