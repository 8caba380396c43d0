/**
 * Start new term, the pure planning (src/domain/term.ts): what a new term removes, keeps,
 * clears and re-owns, and how an archive read back is compared.
 */
import { describe, expect, it } from 'vitest';
import type { SheetRecord } from '../../src/domain/records';
import {
  activeMembers,
  archiveName,
  compareSnapshots,
  lentOutRows,
  notesWithPreviousOwner,
  orphans,
  planTable,
  planTerm,
  resolveOwners,
  sameRow,
  sponsorsWithPledges,
  type TermRecords,
  validateTermInput,
} from '../../src/domain/term';

let row = 1;
const rec = (data: Record<string, unknown>): SheetRecord => ({
  row: ++row,
  data: data as SheetRecord['data'],
  problems: [],
});
const START = '2027-02-20';

describe('planTable', () => {
  it('removes closed rows dated before the new term, and counts why the others stay', () => {
    const p = planTable(
      'Meetings',
      [
        rec({ id: 'MT-0001', date: '2026-10-01 10:00', status: 'Done', title: 'Visit' }),
        rec({ id: 'MT-0002', date: '2026-10-02', status: 'Cancelled', title: 'Call' }),
        rec({ id: 'MT-0003', date: '2026-10-03', status: 'Planned', title: 'Plan' }),
        rec({ id: 'MT-0004', date: '2027-03-01', status: 'Done', title: 'Next term' }),
        rec({ id: 'MT-0005', date: null, status: 'Done', title: 'No date' }),
        rec({ id: '', date: '2026-10-01', status: 'Done', title: 'No ID' }),
        rec({ id: 'MT-0006', date: '2026-10-01', status: 'Done', title: 'Twice' }),
        rec({ id: 'mt-0006', date: '2026-10-01', status: 'Done', title: 'Twice again' }),
        rec({ id: 'MT-0007', date: '2026-10-01', status: null, title: 'Unreadable status' }),
      ],
      START,
    );
    expect(p.total).toBe(9);
    expect(p.remove).toEqual([
      { id: 'MT-0001', title: 'Visit', date: '2026-10-01', status: 'Done' },
      { id: 'MT-0002', title: 'Call', date: '2026-10-02', status: 'Cancelled' },
    ]);
    expect(p.kept).toEqual({ planned: 2, current: 2, noId: 3 });
  });

  it('keeps ledger entries still Pending and lent goods not yet returned', () => {
    const lent = rec({ id: 'L-0003', date: '2026-09-10', status: 'Settled', description: 'Tents' });
    const p = planTable(
      'Ledger',
      [
        rec({ id: 'L-0001', date: '2026-09-10', status: 'Settled', description: 'Fee' }),
        rec({ id: 'L-0002', date: '2026-09-10', status: 'Pending', description: 'Banner' }),
        lent,
        rec({ id: 'L-0004', date: '2026-09-10', status: 'Filed', description: 'Old' }),
      ],
      START,
      new Set(),
      new Set([lent.row]),
    );
    expect(p.remove.map((i) => i.id)).toEqual(['L-0001', 'L-0004']);
    expect(p.kept).toEqual({ pending: 1, lent: 1 });
  });
});

describe('lentOutRows and sponsorsWithPledges (raw cells, by header text)', () => {
  it('finds loans with a Return By and a blank Returned; none without those columns', () => {
    const values = [
      ['Entry ID', 'Status', 'return by', 'Returned'],
      ['L-1', 'Settled', new Date(), ''],
      ['L-2', 'Settled', new Date(), new Date()],
      ['L-3', 'Settled', '', ''],
      ['L-4', 'Settled', 'soon', ''],
    ];
    expect([...lentOutRows(values)]).toEqual([2, 5]);
    expect(
      lentOutRows([
        ['Entry ID', 'Return By'],
        ['L-1', new Date()],
      ]).size,
    ).toBe(0);
  });

  it('lists sponsors with any pledge cell filled, readable or not', () => {
    const values = [
      ['Sponsor ID', 'Pledged', 'In-kind Pledged'],
      ['s-1', 500, ''],
      ['S-2', '', '20 tents'],
      ['S-3', '', ''],
      ['S-4', 'lots', ''],
    ];
    expect(sponsorsWithPledges(values)).toEqual(['S-1', 'S-2', 'S-4']);
  });
});

const members = [
  rec({ email: 'Min@x.edu', name: 'Min', active: true }),
  rec({ email: 'gone@x.edu', name: 'Gone', active: false }),
  rec({ email: 'new@x.edu', name: 'New', active: true }),
];
const records: TermRecords = {
  Members: members,
  Sponsors: [
    rec({ id: 'S-0001', organization: 'Acme', owner: 'gone@x.edu' }),
    rec({ id: 'S-0002', organization: 'Beta', owner: 'min@x.edu' }),
  ],
  Contacts: [
    rec({ id: 'C-0001', name: 'Wang', organization: 'BNU', owner: 'GONE@x.edu' }),
    rec({ id: 'C-0002', name: 'Li', organization: '', owner: 'left@x.edu' }),
    rec({ id: 'C-0003', name: 'Zhao', organization: '', owner: '' }),
  ],
  Meetings: [],
  Ledger: [
    rec({ id: 'L-0001', date: '2026-09-01', status: 'Settled', eventId: 'E-0001' }),
    rec({ id: 'L-0002', date: '2026-09-01', status: 'Pending', eventId: 'E-0002' }),
  ],
  Events: [
    rec({ id: 'E-0001', date: '2026-10-01', status: 'Done', name: 'Party' }),
    rec({ id: 'E-0002', date: '2026-10-01', status: 'Done', name: 'Final' }),
    rec({ id: 'E-0003', date: '2026-10-01', status: 'Confirmed', name: 'Gala' }),
  ],
};

describe('owners', () => {
  it('lists contacts and sponsors whose Owner is not an active member (ignoring case; blank is no owner)', () => {
    const active = activeMembers(members);
    expect(active).toEqual([
      { email: 'min@x.edu', name: 'Min' },
      { email: 'new@x.edu', name: 'New' },
    ]);
    expect(orphans(records, active).map((o) => [o.id, o.owner, o.title])).toEqual([
      ['S-0001', 'gone@x.edu', 'Acme'],
      ['C-0001', 'gone@x.edu', 'Wang · BNU'],
      ['C-0002', 'left@x.edu', 'Li'],
    ]);
  });

  it('gives all of a departing member’s to one person, one record to another, and refuses non-members', () => {
    const active = activeMembers(members);
    const lost = orphans(records, active);
    const r = resolveOwners(
      lost,
      { byOwner: { 'GONE@x.edu': 'new@x.edu' }, byRecord: { 'c-0001': 'min@x.edu' } },
      active,
    );
    expect(r.invalid).toEqual([]);
    expect(r.assignments.map((a) => [a.id, a.owner, a.to])).toEqual([
      ['S-0001', 'gone@x.edu', 'new@x.edu'],
      ['C-0001', 'gone@x.edu', 'min@x.edu'],
    ]);
    expect(resolveOwners(lost, { byOwner: { 'left@x.edu': 'gone@x.edu' } }, active).invalid).toEqual([
      'gone@x.edu',
    ]);
  });

  it('keeps the previous owner in Notes on a line of its own', () => {
    expect(notesWithPreviousOwner('', 'a@x.edu')).toBe('Previous owner: a@x.edu');
    expect(notesWithPreviousOwner('Likes tea', 'a@x.edu')).toBe('Likes tea\nPrevious owner: a@x.edu');
  });
});

describe('planTerm', () => {
  it('keeps an event a kept ledger entry links to; keeps every sponsor, contact and member', () => {
    const p = planTerm(records, START, {
      ledger: [['Entry ID']],
      sponsors: [
        ['Sponsor ID', 'Pledged', 'In-kind Pledged'],
        ['S-0001', 100, ''],
      ],
    });
    expect(p.tables.find((t) => t.table === 'Ledger')!.remove.map((i) => i.id)).toEqual(['L-0001']);
    const events = p.tables.find((t) => t.table === 'Events')!;
    expect(events.remove.map((i) => i.id)).toEqual(['E-0001']);
    expect(events.kept).toEqual({ linked: 1, open: 1 });
    expect(p.clearPledges).toEqual([{ id: 'S-0001', title: 'Acme' }]);
    expect(p.departing).toEqual([
      { email: 'gone@x.edu', count: 2 },
      { email: 'left@x.edu', count: 1 },
    ]);
    expect(p.keptAll).toEqual([
      { table: 'Sponsors', count: 2 },
      { table: 'Contacts', count: 3 },
      { table: 'Members', count: 3 },
    ]);
  });
});

describe('input, archive name and checks', () => {
  it('validates the new term', () => {
    const cur = { semesterStart: '2026-09-01' };
    expect(validateTermInput({ term: '2027 Spring', start: START, end: '2027-07-10' }, cur)).toBeNull();
    expect(validateTermInput({ term: ' ', start: START, end: '2027-07-10' }, cur)).toBe('term.badLabel');
    expect(validateTermInput({ term: 'T', start: '2027-02-30', end: '2027-07-10' }, cur)).toBe(
      'term.badDates',
    );
    expect(validateTermInput({ term: 'T', start: START, end: '2027-01-01' }, cur)).toBe(
      'term.endBeforeStart',
    );
    expect(validateTermInput({ term: 'T', start: '2026-09-01', end: '2027-01-01' }, cur)).toBe(
      'term.startTooEarly',
    );
    expect(archiveName('2026 Autumn')).toBe('2026 Autumn archive');
  });

  it('compares every sheet’s row count and IDs with the archive read back', () => {
    const live = [
      { sheet: 'Meetings', rows: 3, ids: ['MT-1', 'MT-2'] },
      { sheet: 'Settings', rows: 9, ids: [] },
    ];
    expect(compareSnapshots(live, live)).toEqual([]);
    expect(compareSnapshots(live, [{ sheet: 'Meetings', rows: 3, ids: ['MT-1', 'MT-3'] }])).toEqual([
      'Meetings: the IDs differ',
      'Settings: missing from the archive',
    ]);
    expect(compareSnapshots(live, [{ ...live[0]!, rows: 2 }, live[1]!])).toEqual([
      'Meetings: 2 rows in the archive, 3 in the workbook',
    ]);
  });

  it('compares rows cell for cell (dates by instant, trailing blanks ignored)', () => {
    const d = new Date('2026-10-01T00:00:00Z');
    expect(sameRow(['a', 1, d], ['a', 1, new Date(d.getTime()), ''])).toBe(true);
    expect(sameRow(['a', 1], ['a', '1'])).toBe(false);
    expect(sameRow(['a', d], ['a', new Date(d.getTime() + 1)])).toBe(false);
  });
});
