/**
 * Many members save at once. Each save below is its own execution of the built bundle in
 * its own worker thread; every service call is a round trip to the one shared local
 * Google, so executions interleave between calls as they do in Apps Script.
 */
import { describe, expect, it } from 'vitest';
import { parseTable } from '../../src/domain/records';
import { CONTACTS, MEMBERS } from '../../src/domain/schema';
import { LocalGoogle } from '../../src/local/backend';
import { runParallel } from '../../src/local/rpc';
import { buildSample } from '../../src/local/sample';
import { bundleDir } from '../support/bundle';

const dir = bundleDir();
/** Text fields of a contact that twelve members edit at once, one each. */
const EDITED = ['title', 'organization', 'otherHandle', 'notes', 'phone', 'name'] as const;

function contacts(google: LocalGoogle, id: string) {
  const ss = google.spreadsheets.get(id)!;
  const sh = ss.sheetByName('Contacts')!;
  return parseTable(CONTACTS, sh.cells, ss.timeZone);
}

function activeMembers(google: LocalGoogle, id: string): string[] {
  const ss = google.spreadsheets.get(id)!;
  return parseTable(MEMBERS, ss.sheetByName('Members')!.cells, ss.timeZone)
    .filter((m) => m.data.active === true)
    .map((m) => String(m.data.email));
}

describe('parallel saves', () => {
  it('the harness really interleaves: an unlocked read-then-append loses writes', async () => {
    // Control experiment: without the lock, two executions read the same last row and
    // write over each other. If this ever stopped happening the harness would prove nothing.
    const google = new LocalGoogle();
    const ss = buildSample(google, { today: '2026-11-23' });
    // Each execution reads the last row, then waits at a barrier until all have read, then
    // writes: a deterministic lost update, independent of how the machine schedules threads.
    const n = 6;
    const naive = (i: number) => `(function(){
      var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Contacts');
      var last = sh.getLastRow();
      var props = PropertiesService.getScriptProperties();
      props.setProperty('arrived-${i}', '1');
      var until = Date.now() + 10000;
      while (props.getKeys().filter(function (k) { return k.indexOf('arrived-') === 0; }).length < ${n} && Date.now() < until) {
        Utilities.sleep(2);
      }
      sh.getRange(last + 1, 1, 1, 2).setValues([['C-9${String(i).padStart(3, '0')}', 'Naive ${i}']]);
    })()`;
    const before = contacts(google, ss.id).length;
    const res = await runParallel(
      google,
      dir,
      Array.from({ length: n }, (_, i) => ({ fn: '', code: naive(i), options: { spreadsheetId: ss.id } })),
    );
    expect(res.every((r) => r.ok)).toBe(true);
    expect(contacts(google, ss.id).length - before).toBe(1);
  });

  it('24 saves from 8 members at once, 20 times over: all land, distinct consecutive IDs, no harness error', async () => {
    for (let round = 0; round < 20; round++) {
      const google = new LocalGoogle();
      const ss = buildSample(google, { today: '2026-11-23' });
      const before = contacts(google, ss.id);
      // Eight of the sample's active members (only members may change records).
      const members = activeMembers(google, ss.id).slice(0, 8);
      expect(members).toHaveLength(8);
      const maxBefore = Math.max(...before.map((r) => Number(String(r.data.id).slice(2))));
      // Half create contacts; half change one field each of an existing contact, as a form
      // opened before the others' saves would (only that field is sent).
      const runs = Array.from({ length: 24 }, (_, i) => ({
        fn: 'sidebarSave',
        args:
          i % 2 === 0
            ? [
                'Contacts',
                {
                  name: `Parallel ${i}`,
                  organization: 'Load Test U',
                  orgType: 'Other',
                  owner: 'wang.fang@example.edu',
                },
              ]
            : [
                'Contacts',
                {
                  id: (i - 1) / 2 < 6 ? 'C-0001' : 'C-0002',
                  changes: { [EDITED[((i - 1) / 2) % 6]!]: `edit ${i}` },
                },
              ],
        options: { spreadsheetId: ss.id, user: members[i % members.length]! },
      }));
      const res = await runParallel(google, dir, runs);
      for (const r of res) expect(r.error ?? '', `round ${round}`).toBe('');
      for (const r of res) expect((r.value as { ok: boolean }).ok, `round ${round}`).toBe(true);
      const after = contacts(google, ss.id);
      expect(after.length).toBe(before.length + 12);
      const added = after.filter((r) => String(r.data.name).startsWith('Parallel '));
      expect(new Set(added.map((r) => r.data.name)).size).toBe(12);
      const ids = added.map((r) => Number(String(r.data.id).slice(2))).sort((a, b) => a - b);
      expect(ids).toEqual(Array.from({ length: 12 }, (_, i) => maxBefore + 1 + i));
      // Every save returned the ID that is now in the sheet, and each wrote an audit row.
      const returned = res
        .filter((_, i) => i % 2 === 0)
        .map((r) => (r.value as { id: string }).id)
        .sort();
      expect(returned).toEqual(added.map((r) => String(r.data.id)).sort());
      // The twelve field edits of C-0001 and C-0002 all landed: none wrote over another.
      const c1 = after.find((r) => r.data.id === 'C-0001')!;
      const c2 = after.find((r) => r.data.id === 'C-0002')!;
      EDITED.forEach((k, j) => {
        expect(c1.data[k], `round ${round} ${k}`).toBe(`edit ${2 * j + 1}`);
        expect(c2.data[k], `round ${round} ${k}`).toBe(`edit ${2 * (j + 6) + 1}`);
      });
      const audit = ss.sheetByName('_Audit')!;
      expect(audit.lastRow() - 1).toBe(24);
    }
  }, 120_000);
});
