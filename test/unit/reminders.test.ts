/**
 * Reminder planning (src/domain/reminders.ts): every rule of the "Reminders" section of
 * shared/spec/workbook.md, with its edges, on a fixed "today".
 */
import { describe, expect, it } from 'vitest';
import { addDays, instantOf } from '../../src/domain/dates';
import { parseTable, type SheetRecord } from '../../src/domain/records';
import { type PlanInput, planReminders, type ReminderPlan } from '../../src/domain/reminders';
import { TABLE_BY_NAME, type TableDef } from '../../src/domain/schema';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';

const TZ = 'Asia/Shanghai';
const TODAY = '2026-03-15';
const ago = (n: number) => addDays(TODAY, -n);
const ahead = (n: number) => addDays(TODAY, n);

/** Rows given by header text, as a sheet holds them (dates as Date cells in the sheet's zone). */
function records(def: TableDef, rows: Record<string, unknown>[]): SheetRecord[] {
  const header = def.fields.map((f) => f.header);
  const values = [
    header,
    ...rows.map((r) =>
      header.map((h) => {
        const v = r[h];
        if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return instantOf(v, TZ);
        return v ?? '';
      }),
    ),
  ];
  return parseTable(def, values, TZ);
}

const MEMBERS = [
  { Name: 'Li Ming', Email: 'minister@x.edu', Role: 'Minister', Active: true },
  { Name: '王芳', Email: 'treasurer@x.edu', Role: 'Treasurer', Active: true },
  { Name: 'Zhang Wei', Email: 'officer@x.edu', Role: 'Officer', Active: true },
  { Name: 'Zoë', Email: 'zoe@x.edu', Role: 'Officer', Active: true },
  { Name: 'Gone', Email: 'gone@x.edu', Role: 'Officer', Active: false },
  { Name: 'Old Treasurer', Email: 'oldtreasurer@x.edu', Role: 'Treasurer', Active: false },
].map((m, i) => ({ 'Member ID': `M-000${i + 1}`, ...m }));

function plan(
  t: Partial<Record<'Contacts' | 'Sponsors' | 'Meetings' | 'Events' | 'Ledger', Record<string, unknown>[]>>,
  settings: Partial<PlanInput['settings']> = {},
  today = TODAY,
): ReminderPlan {
  return planReminders({
    today,
    settings: { ...DEFAULT_SETTINGS, ...settings },
    members: records(TABLE_BY_NAME.Members, MEMBERS),
    contacts: records(TABLE_BY_NAME.Contacts, t.Contacts ?? []),
    sponsors: records(TABLE_BY_NAME.Sponsors, t.Sponsors ?? []),
    meetings: records(TABLE_BY_NAME.Meetings, t.Meetings ?? []),
    events: records(TABLE_BY_NAME.Events, t.Events ?? []),
    ledger: records(TABLE_BY_NAME.Ledger, t.Ledger ?? []),
  });
}

/**
 * The record ids due per member, e.g. { 'officer@x.edu': ['contact:C-0001'] }, leaving out
 * the Minister's list of records with no active owner (tested on its own below).
 */
function due(p: ReminderPlan): Record<string, string[]> {
  return Object.fromEntries(
    p.digests
      .map(
        (d) =>
          [
            d.member.email,
            d.items.filter((i) => i.kind !== 'orphan').map((i) => `${i.kind}:${i.id}`),
          ] as const,
      )
      .filter(([, items]) => items.length > 0),
  );
}

describe('contacts: Last Contacted + cadence is today or earlier, or never contacted', () => {
  const contact = (id: string, last: string | '', cadence: number | '', owner = 'officer@x.edu') => ({
    'Contact ID': id,
    Name: `Contact ${id}`,
    Owner: owner,
    'Last Contacted': last,
    'Cadence (days)': cadence,
  });

  it('is due exactly on the day Last Contacted + cadence, not the day before', () => {
    const p = plan({
      Contacts: [
        contact('C-0001', ago(14), 14), // due today
        contact('C-0002', ago(13), 14), // due tomorrow
        contact('C-0003', ago(40), 14), // overdue
      ],
    });
    expect(due(p)).toEqual({ 'officer@x.edu': ['contact:C-0003', 'contact:C-0001'] });
    const item = p.digests[0]!.items.find((i) => i.id === 'C-0001')!;
    expect(item.day).toBe(TODAY);
    expect(item.cadenceDays).toBe(14);
  });

  it('a blank cadence uses the Default cadence (days) setting', () => {
    const rows = [contact('C-0001', ago(10), ''), contact('C-0002', ago(9), '')];
    expect(due(plan({ Contacts: rows }, { defaultCadenceDays: 10 }))).toEqual({
      'officer@x.edu': ['contact:C-0001'],
    });
    expect(due(plan({ Contacts: rows }, { defaultCadenceDays: 30 }))).toEqual({});
    const item = plan({ Contacts: rows }, { defaultCadenceDays: 10 }).digests[0]!.items[0]!;
    expect(item.defaultCadence).toBe(true);
    expect(item.cadenceDays).toBe(10);
  });

  it('a contact never contacted is due', () => {
    const p = plan({ Contacts: [contact('C-0001', '', 30)] });
    expect(due(p)).toEqual({ 'officer@x.edu': ['contact:C-0001'] });
    expect(p.digests[0]!.items[0]!.never).toBe(true);
  });

  it('a Last Contacted typed as text counts the same as a date cell', () => {
    const rows = [{ ...contact('C-0001', '', 7), 'Last Contacted': `'${ago(7)}` }];
    rows[0]!['Last Contacted'] = ago(7).replace(/-/g, '/'); // "2026/03/08" typed as text
    expect(due(plan({ Contacts: rows }))).toEqual({ 'officer@x.edu': ['contact:C-0001'] });
  });

  it('inactive owners, unknown owners and ownerless contacts get nothing', () => {
    const p = plan({
      Contacts: [
        contact('C-0001', '', 30, 'gone@x.edu'),
        contact('C-0002', '', 30, 'stranger@x.edu'),
        contact('C-0003', '', 30, ''),
      ],
    });
    expect(due(p)).toEqual({});
    expect(p.idle.find((i) => i.member.email === 'gone@x.edu')?.reason).toBe('inactive');
    // They are not lost: the Minister's digest names them, with who owned them.
    const minister = p.digests.find((d) => d.member.email === 'minister@x.edu')!;
    expect(minister.items.map((i) => [i.kind, i.id, i.formerOwner])).toEqual([
      ['orphan', 'C-0001', 'gone@x.edu'],
      ['orphan', 'C-0002', 'stranger@x.edu'],
      ['orphan', 'C-0003', ''],
    ]);
  });

  it('the Minister is told the first five records with no active owner and how many more', () => {
    const p = plan({
      Contacts: Array.from({ length: 8 }, (_, i) => contact(`C-000${i + 1}`, '', 30, 'gone@x.edu')),
    });
    const items = p.digests.find((d) => d.member.email === 'minister@x.edu')!.items;
    expect(items.map((i) => i.id)).toEqual(['C-0001', 'C-0002', 'C-0003', 'C-0004', 'C-0005']);
    expect(items.at(-1)!.more).toBe(3);
  });

  it('owner emails match whatever their case', () => {
    expect(due(plan({ Contacts: [contact('C-0001', '', 30, 'Officer@X.edu')] }))).toEqual({
      'officer@x.edu': ['contact:C-0001'],
    });
  });
});

describe('sponsors: Next Follow-up today or earlier, Stage not Declined/Dormant/Thanked', () => {
  const sponsor = (id: string, next: string, stage: string, owner = 'zoe@x.edu') => ({
    'Sponsor ID': id,
    Organization: `Org ${id}`,
    Stage: stage,
    Owner: owner,
    'Next Follow-up': next,
  });
  it('follows the day and the stage', () => {
    const p = plan({
      Sponsors: [
        sponsor('S-0001', TODAY, 'Contacted'),
        sponsor('S-0002', ago(5), 'Negotiating'),
        sponsor('S-0003', ahead(1), 'Contacted'),
        sponsor('S-0004', ago(1), 'Declined'),
        sponsor('S-0005', ago(1), 'Dormant'),
        sponsor('S-0006', ago(1), 'Thanked'),
        sponsor('S-0007', '', 'Prospect'),
        sponsor('S-0008', ago(1), 'Committed', 'gone@x.edu'),
        sponsor('S-0009', ago(2), 'Delivered'),
      ],
    });
    expect(due(p)).toEqual({ 'zoe@x.edu': ['sponsor:S-0002', 'sponsor:S-0009', 'sponsor:S-0001'] });
  });
});

describe('meetings', () => {
  const meeting = (id: string, date: string, status: string, extra: Record<string, unknown> = {}) => ({
    'Meeting ID': id,
    Date: date,
    Type: 'Sponsor Visit',
    Title: `Meeting ${id}`,
    Owner: 'officer@x.edu',
    Status: status,
    ...extra,
  });

  it('Planned meetings today and tomorrow go to the owner and each attendee', () => {
    const p = plan({
      Meetings: [
        meeting('MT-0001', TODAY, 'Planned', {
          Attendees: 'zoe@x.edu, officer@x.edu, gone@x.edu, guest@else.org',
        }),
        meeting('MT-0002', `${ahead(1)} 14:30`, 'Planned', { Attendees: 'minister@x.edu' }),
        meeting('MT-0003', ahead(2), 'Planned', { Attendees: 'zoe@x.edu' }),
        meeting('MT-0004', ago(1), 'Planned'),
        meeting('MT-0005', TODAY, 'Cancelled', { Attendees: 'zoe@x.edu' }),
      ],
    });
    expect(due(p)).toEqual({
      'minister@x.edu': ['meeting:MT-0002'],
      // MT-0004, a visit still Planned after its day, is chased until reported or cancelled.
      'officer@x.edu': ['meeting:MT-0001', 'meeting:MT-0002', 'report:MT-0004'],
      'zoe@x.edu': ['meeting:MT-0001'],
    });
    const mt2 = p.digests.find((d) => d.member.email === 'minister@x.edu')!.items[0]!;
    expect(mt2).toMatchObject({ day: ahead(1), time: '14:30', as: 'attendee' });
    expect(p.digests.find((d) => d.member.email === 'officer@x.edu')!.items[0]!.as).toBe('owner');
  });

  it('meeting dates with a time of day are read in the spreadsheet’s zone, not the machine’s', () => {
    // 23:30 tomorrow in Shanghai (15:30Z) is tomorrow; 00:30 the day after (16:30Z tomorrow) is not.
    const p = plan({
      Meetings: [
        meeting('MT-0001', instantOf(ahead(1), TZ, 23, 30) as unknown as string, 'Planned'),
        meeting('MT-0002', instantOf(ahead(2), TZ, 0, 30) as unknown as string, 'Planned'),
      ],
    });
    expect(due(p)).toEqual({ 'officer@x.edu': ['meeting:MT-0001'] });
    expect(p.digests[0]!.items[0]!.time).toBe('23:30');
  });

  it('Done meetings other than Department Meeting with an empty Outcome: the report is owed by the owner', () => {
    const p = plan({
      Meetings: [
        meeting('MT-0001', ago(3), 'Done'),
        meeting('MT-0002', ago(3), 'Done', { Outcome: 'They agreed' }),
        meeting('MT-0003', ago(3), 'Done', { Type: 'Department Meeting' }),
        meeting('MT-0004', ago(90), 'Done', { Type: 'Call', Owner: 'zoe@x.edu', Attendees: 'officer@x.edu' }),
        meeting('MT-0005', ago(3), 'Cancelled'),
        meeting('MT-0006', ago(3), 'Done', { Owner: 'gone@x.edu' }),
      ],
    });
    expect(due(p)).toEqual({ 'officer@x.edu': ['report:MT-0001'], 'zoe@x.edu': ['report:MT-0004'] });
  });
});

describe('events: Done, with income or in-kind entries, no Feedback Sent → to the Lead', () => {
  it('follows status, feedback and the ledger', () => {
    const ev = (id: string, status: string, extra: Record<string, unknown> = {}) => ({
      'Event ID': id,
      Name: `Event ${id}`,
      Date: ago(10),
      Lead: 'zoe@x.edu',
      Status: status,
      ...extra,
    });
    const entry = (id: string, type: string, event: string) => ({
      'Entry ID': id,
      Date: ago(10),
      Type: type,
      'Event ID': event,
      Description: 'x',
      Amount: 100,
      Status: 'Settled',
    });
    const p = plan({
      Events: [
        ev('E-0001', 'Done'), // income → due
        ev('E-0002', 'Done'), // in-kind → due
        ev('E-0003', 'Done', { 'Feedback Sent': ago(2) }),
        ev('E-0004', 'Done'), // only an expense
        ev('E-0005', 'Confirmed'), // not done yet
        ev('E-0006', 'Done', { Lead: 'gone@x.edu' }),
        ev('E-0007', 'Done'), // no entries at all
      ],
      Ledger: [
        entry('L-0001', 'Income', 'E-0001'),
        entry('L-0002', 'In-kind', 'e-0002'),
        entry('L-0003', 'Income', 'E-0003'),
        entry('L-0004', 'Expense', 'E-0004'),
        entry('L-0005', 'Income', 'E-0005'),
        entry('L-0006', 'Income', 'E-0006'),
      ],
    });
    expect(due(p)).toEqual({ 'zoe@x.edu': ['feedback:E-0001', 'feedback:E-0002'] });
  });
});

describe('holiday greetings: a Holiday from today to 3 days ahead', () => {
  const contacts = [
    {
      'Contact ID': 'C-0001',
      Name: 'Greet me',
      Owner: 'zoe@x.edu',
      Greetings: true,
      'Last Contacted': TODAY,
    },
    { 'Contact ID': 'C-0002', Name: 'Not me', Owner: 'zoe@x.edu', Greetings: false, 'Last Contacted': TODAY },
    { 'Contact ID': 'C-0003', Name: 'Inactive owner', Owner: 'gone@x.edu', Greetings: true },
  ];
  const at = (n: number) => plan({ Contacts: contacts }, { holidays: [{ day: ahead(n), name: 'Qingming' }] });

  it('3 days ahead: greetings for contacts with Greetings TRUE; 4 days ahead: none', () => {
    expect(due(at(3))).toEqual({ 'zoe@x.edu': ['greeting:C-0001'] });
    expect(at(3).digests.find((d) => d.member.email === 'zoe@x.edu')!.items[0]).toMatchObject({
      holiday: 'Qingming',
      day: ahead(3),
    });
    expect(due(at(4))).toEqual({});
  });
  it('today counts; yesterday does not', () => {
    expect(due(at(0))).toEqual({ 'zoe@x.edu': ['greeting:C-0001'] });
    expect(due(at(-1))).toEqual({});
  });
});

describe('ledger: Pending entries 14 or more days old → Handled By and every Treasurer', () => {
  const entry = (id: string, days: number, status: string, by: string) => ({
    'Entry ID': id,
    Date: ago(days),
    Type: 'Expense',
    Description: `Entry ${id}`,
    Amount: 50,
    'Handled By': by,
    Status: status,
  });
  it('13 days: nobody; 14 days: the handler and the active Treasurer', () => {
    const p = plan({
      Ledger: [
        entry('L-0001', 13, 'Pending', 'officer@x.edu'),
        entry('L-0002', 14, 'Pending', 'officer@x.edu'),
        entry('L-0003', 30, 'Settled', 'officer@x.edu'),
        entry('L-0004', 30, 'Filed', 'officer@x.edu'),
        entry('L-0005', 20, 'Pending', 'treasurer@x.edu'),
      ],
    });
    expect(due(p)).toEqual({
      'treasurer@x.edu': ['ledger:L-0005', 'ledger:L-0002'],
      'officer@x.edu': ['ledger:L-0002'],
    });
    const t = p.digests.find((d) => d.member.email === 'treasurer@x.edu')!;
    expect(t.items.find((i) => i.id === 'L-0002')!.as).toBe('treasurer');
    expect(t.items.find((i) => i.id === 'L-0005')!.as).toBe('handler');
  });
});

describe('who gets an email', () => {
  it('members with nothing due and inactive members get no digest; the rest come in Members order', () => {
    const p = plan({
      Contacts: [
        { 'Contact ID': 'C-0001', Name: 'A', Owner: 'zoe@x.edu' },
        { 'Contact ID': 'C-0002', Name: 'B', Owner: 'minister@x.edu' },
      ],
    });
    expect(p.digests.map((d) => d.member.email)).toEqual(['minister@x.edu', 'zoe@x.edu']);
    expect(Object.fromEntries(p.idle.map((i) => [i.member.email, i.reason]))).toEqual({
      'treasurer@x.edu': 'nothing due',
      'officer@x.edu': 'nothing due',
      'gone@x.edu': 'inactive',
      'oldtreasurer@x.edu': 'inactive',
    });
  });

  it('every kind lands in one digest per member, grouped in a fixed order', () => {
    const p = plan(
      {
        Contacts: [{ 'Contact ID': 'C-0001', Name: 'A', Owner: 'treasurer@x.edu', Greetings: true }],
        Sponsors: [
          {
            'Sponsor ID': 'S-0001',
            Organization: 'O',
            Stage: 'Contacted',
            Owner: 'treasurer@x.edu',
            'Next Follow-up': TODAY,
          },
        ],
        Meetings: [
          {
            'Meeting ID': 'MT-0001',
            Date: TODAY,
            Type: 'Call',
            Title: 'T',
            Owner: 'treasurer@x.edu',
            Status: 'Planned',
          },
          {
            'Meeting ID': 'MT-0002',
            Date: ago(1),
            Type: 'Call',
            Title: 'T2',
            Owner: 'treasurer@x.edu',
            Status: 'Done',
          },
        ],
        Events: [{ 'Event ID': 'E-0001', Name: 'E', Lead: 'treasurer@x.edu', Status: 'Done' }],
        Ledger: [
          {
            'Entry ID': 'L-0001',
            Date: ago(20),
            Type: 'Income',
            'Event ID': 'E-0001',
            Description: 'd',
            Amount: 1,
            Status: 'Pending',
          },
        ],
      },
      { holidays: [{ day: ahead(1), name: 'H' }] },
    );
    expect(p.digests).toHaveLength(1);
    expect(p.digests[0]!.items.map((i) => i.kind)).toEqual([
      'meeting',
      'report',
      'contact',
      'sponsor',
      'feedback',
      'greeting',
      'ledger',
    ]);
  });
});
