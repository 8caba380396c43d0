/**
 * Records are archived, never deleted, from the sidebar: a sponsor becomes Dormant, a
 * contact or event gets today's Archived date, a member Active FALSE. Archived records stay
 * in the sheet and leave reminders and the roster.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LocalGoogle } from '../../src/local/backend';
import { LocalProject } from '../../src/local/runtime';
import { buildSample } from '../../src/local/sample';
import { documentText, getLocalDocument } from '../../src/local/services/document';
import { bundleDir } from '../support/bundle';

let project: LocalProject;
beforeAll(() => {
  project = new LocalProject(bundleDir());
});

type Loaded = { id: string; row: number; values: Record<string, string> };
type Save = { ok: boolean; id?: string; errors?: { message: string }[] };

function sample() {
  const google = new LocalGoogle();
  google.setNow(new Date('2026-11-23T02:00:00Z'));
  const ss = buildSample(google, { today: '2026-11-23' });
  const as = (user: string) => {
    const run = <T>(fn: string, ...args: unknown[]) =>
      project.run<T>(google, fn, args, { spreadsheetId: ss.id, user }).value;
    return {
      run,
      archive: (table: string, id: string) => {
        const form = run<Loaded>('sidebarGet', table, id);
        return run<Save>('sidebarArchive', table, { id: form.id, row: form.row, base: form.values });
      },
    };
  };
  const col = (sheet: string, h: string) => ss.sheetByName(sheet)!.cells[0]!.map(String).indexOf(h) + 1;
  const rowOf = (sheet: string, id: string) => ss.sheetByName(sheet)!.cells.findIndex((r) => r[0] === id) + 1;
  return { google, ss, as, col, rowOf };
}

describe('archive, not delete', () => {
  it('a contact gets today’s Archived date, stays in the sheet, and leaves the roster and the reminders', () => {
    const { google, ss, as, col, rowOf } = sample();
    const minister = as('minister@example.edu');
    const contacts = ss.sheetByName('Contacts')!;
    const rows = contacts.lastRow();
    const name = String(contacts.get(rowOf('Contacts', 'C-0004'), col('Contacts', 'Name')));
    expect(as('zhang.wei@example.edu').archive('Contacts', 'C-0004')).toMatchObject({
      ok: true,
      id: 'C-0004',
    });
    expect(contacts.lastRow()).toBe(rows);
    expect(minister.run<Loaded>('sidebarGet', 'Contacts', 'C-0004').values.archived).toBe('2026-11-23');
    const roster = minister.run<{ id: string }>('menuGenerateRoster');
    const text = documentText(getLocalDocument(google, roster.id)!);
    const others = contacts.cells.slice(1).filter((r) => r[col('Contacts', 'Name') - 1] === name).length;
    expect(text.split(name).length - 1).toBeLessThan(others); // one fewer mention of that name
    const preview = minister.run<{ digests: { items: { title: string }[] }[] }>(
      'remindersPreview',
      '2026-11-24',
    );
    expect(JSON.stringify(preview.digests)).not.toMatch(/C-0004/);
  });

  it('a sponsor becomes Dormant; a member Active FALSE (only the Minister or Vice Minister may)', () => {
    const { ss, as, col, rowOf } = sample();
    expect(as('zhang.wei@example.edu').archive('Sponsors', 'S-0005').ok).toBe(true);
    expect(ss.sheetByName('Sponsors')!.get(rowOf('Sponsors', 'S-0005'), col('Sponsors', 'Stage'))).toBe(
      'Dormant',
    );
    const officer = as('zhang.wei@example.edu').archive('Members', 'M-0010');
    expect(officer.ok).toBe(false);
    expect(officer.errors![0]!.message).toMatch(/Only Minister or Vice Minister/);
    expect(as('chen.jing@example.edu').archive('Members', 'M-0010').ok).toBe(true);
    expect(ss.sheetByName('Members')!.get(rowOf('Members', 'M-0010'), col('Members', 'Active'))).toBe(false);
  });
});

describe('a row deleted by hand', () => {
  it('is noticed from the audit log and listed in the next report, with its last known state', () => {
    const { google, ss, as, rowOf } = sample();
    const minister = as('minister@example.edu');
    const r = minister.run<Save>('sidebarSave', 'Sponsors', {
      organization: 'Gone Bakery',
      stage: 'Prospect',
    });
    expect(r.ok).toBe(true);
    ss.sheetByName('Sponsors')!.deleteRows(rowOf('Sponsors', r.id!), 1);
    const doc = minister.run<{ id: string }>('menuGenerateReport');
    expect(documentText(getLocalDocument(google, doc.id)!)).toMatch(
      new RegExp(
        `${r.id} is no longer in the sheet \\(deleted by hand\\?\\); last known: .*organization=Gone Bakery`,
      ),
    );
  });
});
