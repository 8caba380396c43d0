/**
 * A small hand-made workbook for the report and roster tests, written as plain rows the way
 * a member would leave them: a spreadsheet in Asia/Shanghai whose dates are instants at
 * Shanghai midnight (the test machine runs in UTC), a date typed as text, blank rows,
 * reordered columns with a user's own column, an unreadable amount, formula-like and
 * HTML-like text. `FIXTURE` keeps the same facts as plain data so tests can compute the
 * expected figures on their own, without the report's aggregation code.
 */
import type { LocalGoogle } from '../../src/local/backend';
import { SpreadsheetModel } from '../../src/local/services/spreadsheet';

export const TZ = 'Asia/Shanghai';
export const TERM = { start: '2026-09-01', end: '2027-01-15', label: '2026 Autumn' };
export const REPORT_DATE = '2026-11-23';
export const FORMULA_TEXT = '=SUM(A1)';
export const HTML_TEXT = '<b>x</b><script>alert(1)</script>';

/** Midnight of a day in Shanghai (UTC+8, no DST) as an instant. */
export const shanghai = (day: string, hour = 0) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, hour - 8));
};

export const MEMBERS = [
  { id: 'M-0001', name: '李明', email: 'minister@example.edu', role: 'Minister', active: true },
  { id: 'M-0002', name: 'Chen Jing', email: 'chen@example.edu', role: 'Vice Minister', active: true },
  { id: 'M-0003', name: '王芳', email: 'wang@example.edu', role: 'Treasurer', active: true },
  { id: 'M-0004', name: 'Zoë Martin', email: 'zoe@example.edu', role: 'Officer', active: true },
  { id: 'M-0005', name: 'Old Member', email: 'old@example.edu', role: 'Officer', active: false },
];

export const SPONSORS = [
  {
    id: 'S-0001',
    org: FORMULA_TEXT,
    stage: 'Negotiating',
    owner: 'chen@example.edu',
    pledged: 1000,
    next: '2027-02-01',
  },
  {
    id: 'S-0002',
    org: HTML_TEXT,
    stage: 'Committed',
    owner: 'zoe@example.edu',
    pledged: 0,
    next: '2026-12-01',
  },
  {
    id: 'S-0003',
    org: '中国电信',
    stage: 'Declined',
    owner: 'wang@example.edu',
    pledged: 0,
    next: '2027-03-01',
  },
];

export const EVENTS = [
  { id: 'E-0001', name: 'Basketball <i>Final</i>', date: '2026-10-10', target: 5000, status: 'Done' },
  { id: 'E-0002', name: 'Career lecture', date: '2026-12-20', target: 2000, status: 'Confirmed' },
  { id: 'E-0003', name: 'Last spring gala', date: '2026-05-01', target: 100, status: 'Done' },
];

export interface LedgerFact {
  id: string;
  date: string;
  /** How the date is typed in the sheet. */
  asText?: boolean;
  type: 'Income' | 'Expense' | 'In-kind';
  sponsor: string;
  event: string;
  amount: number | string;
  handledBy: string;
  status: string;
  description: string;
}

export const LEDGER: LedgerFact[] = [
  {
    id: 'L-0001',
    date: '2026-09-01',
    type: 'Income',
    sponsor: 'S-0001',
    event: 'E-0001',
    amount: 1000.5,
    handledBy: 'chen@example.edu',
    status: 'Settled',
    description: 'First day of term',
  },
  {
    id: 'L-0002',
    date: '2027-01-15',
    type: 'Income',
    sponsor: 'S-0002',
    event: 'E-0002',
    amount: 2000,
    handledBy: '',
    status: 'Pending',
    description: 'Last day of term',
  },
  {
    id: 'L-0003',
    date: '2026-08-31',
    type: 'Income',
    sponsor: 'S-0001',
    event: '',
    amount: 300,
    handledBy: 'chen@example.edu',
    status: 'Settled',
    description: 'Day before the term',
  },
  {
    id: 'L-0004',
    date: '2027-01-16',
    type: 'Income',
    sponsor: 'S-0002',
    event: '',
    amount: 400,
    handledBy: 'zoe@example.edu',
    status: 'Pending',
    description: 'Day after the term',
  },
  {
    id: 'L-0005',
    date: '2026-10-10',
    type: 'In-kind',
    sponsor: 'S-0002',
    event: 'E-0001',
    amount: 750.25,
    handledBy: 'zoe@example.edu',
    status: 'Filed',
    description: '20 tents',
  },
  {
    id: 'L-0006',
    date: '2026-10-11',
    type: 'Expense',
    sponsor: '',
    event: 'E-0001',
    amount: 320.75,
    handledBy: 'wang@example.edu',
    status: 'Pending',
    description: FORMULA_TEXT,
  },
  {
    id: 'L-0007',
    date: '2026-11-01',
    type: 'Expense',
    sponsor: '',
    event: '',
    amount: 99.5,
    handledBy: 'wang@example.edu',
    status: 'Settled',
    description: 'Banner printing',
  },
  {
    id: 'L-0008',
    date: '2026-11-02',
    type: 'Income',
    sponsor: '',
    event: '',
    amount: 50,
    handledBy: 'minister@example.edu',
    status: 'Settled',
    description: 'Booth fee',
  },
  {
    id: 'L-0009',
    date: '2026-09-01',
    asText: true,
    type: 'Income',
    sponsor: 'S-0003',
    event: '',
    amount: 10,
    handledBy: 'wang@example.edu',
    status: 'Settled',
    description: 'Typed date',
  },
  {
    id: 'L-0010',
    date: '2026-10-20',
    type: 'Income',
    sponsor: 'S-0001',
    event: '',
    amount: 'abc',
    handledBy: 'chen@example.edu',
    status: 'Settled',
    description: 'Unreadable amount',
  },
];

export interface MeetingFact {
  id: string;
  date: string;
  hour?: number;
  type: string;
  title: string;
  owner: string;
  attendees: string[];
  excused: string[];
  absent: string[];
  status: string;
  purpose?: string;
  nextSteps?: string;
  followUp?: string;
}

const all = ['minister@example.edu', 'chen@example.edu', 'wang@example.edu', 'zoe@example.edu'];
export const MEETINGS: MeetingFact[] = [
  {
    id: 'MT-0001',
    date: '2026-09-01',
    hour: 0,
    type: 'Department Meeting',
    title: 'First meeting',
    owner: all[0]!,
    attendees: all.slice(0, 3),
    excused: [],
    absent: ['zoe@example.edu'],
    status: 'Done',
  },
  {
    id: 'MT-0002',
    date: '2027-01-15',
    hour: 19,
    type: 'Department Meeting',
    title: 'Last meeting',
    owner: all[0]!,
    attendees: ['minister@example.edu', 'zoe@example.edu', 'old@example.edu'],
    excused: ['chen@example.edu'],
    absent: [],
    status: 'Done',
  },
  {
    id: 'MT-0003',
    date: '2027-01-16',
    hour: 0,
    type: 'Department Meeting',
    title: 'After the term',
    owner: all[0]!,
    attendees: all,
    excused: [],
    absent: [],
    status: 'Done',
  },
  {
    id: 'MT-0004',
    date: '2026-10-01',
    type: 'Department Meeting',
    title: 'Planned only',
    owner: all[0]!,
    attendees: [],
    excused: [],
    absent: [],
    status: 'Planned',
  },
  {
    id: 'MT-0005',
    date: '2026-10-05',
    hour: 10,
    type: 'Sponsor Visit',
    title: 'Visit S-0002',
    owner: 'zoe@example.edu',
    attendees: [],
    excused: [],
    absent: [],
    status: 'Done',
    nextSteps: 'Send contract',
    followUp: '2026-12-05',
  },
  {
    id: 'MT-0006',
    date: '2026-10-06',
    type: 'Call',
    title: 'Call S-0001',
    owner: 'zoe@example.edu',
    attendees: [],
    excused: [],
    absent: [],
    status: 'Done',
  },
  {
    id: 'MT-0007',
    date: '2026-10-07',
    type: 'Sponsor Visit',
    title: 'Cancelled visit',
    owner: 'chen@example.edu',
    attendees: [],
    excused: [],
    absent: [],
    status: 'Cancelled',
    nextSteps: 'Never mind',
  },
  {
    id: 'MT-0008',
    date: '2026-08-30',
    type: 'Sponsor Visit',
    title: 'Before the term',
    owner: 'chen@example.edu',
    attendees: [],
    excused: [],
    absent: [],
    status: 'Done',
  },
  {
    id: 'MT-0009',
    date: '2026-11-02',
    type: 'Inter-school Exchange',
    title: 'Exchange with BNU',
    owner: 'chen@example.edu',
    attendees: [],
    excused: [],
    absent: [],
    status: 'Done',
    nextSteps: 'Plan joint event',
  },
  {
    id: 'MT-0010',
    date: '2026-12-10',
    type: 'Sponsor Visit',
    title: 'Pitch to 中国电信',
    owner: 'wang@example.edu',
    attendees: [],
    excused: [],
    absent: [],
    status: 'Planned',
    purpose: 'Pitch',
  },
];

export const CONTACTS = [
  {
    id: 'C-0001',
    name: 'Due Today',
    org: 'Beijing Normal University',
    title: 'Outreach Minister',
    orgType: 'Brother University',
    owner: 'chen@example.edu',
    cadence: '',
    last: '2026-10-24',
  },
  {
    id: 'C-0002',
    name: 'Due Tomorrow',
    org: 'Beijing Normal University',
    title: 'Secretary',
    orgType: 'Brother University',
    owner: 'chen@example.edu',
    cadence: '',
    last: '2026-10-25',
  },
  {
    id: 'C-0003',
    name: '<img src=x onerror=alert(1)>',
    org: HTML_TEXT,
    title: FORMULA_TEXT,
    orgType: 'Business',
    owner: 'zoe@example.edu',
    cadence: '',
    last: '',
  },
  {
    id: 'C-0004',
    name: '王小明',
    org: 'Campus Radio',
    title: 'Editor',
    orgType: 'Media',
    owner: 'zoe@example.edu',
    cadence: 3,
    last: '2026-11-20',
  },
  {
    id: 'C-0005',
    name: 'Ann Lee',
    org: 'Campus Radio',
    title: 'Host',
    orgType: 'Media',
    owner: 'zoe@example.edu',
    cadence: 14,
    last: '2026-11-21',
  },
  {
    id: 'C-0006',
    name: 'No Owner',
    org: 'Acme',
    title: '',
    orgType: 'Business',
    owner: 'someone@else.org',
    cadence: '',
    last: '2026-11-22',
  },
];

const day = (d: string, asText = false) => (d ? (asText ? d : shanghai(d)) : '');

/** A sheet as the fixture declares it: the header row, then records by header text ({} = a blank row). */
type SheetSpec = [readonly string[], ...(Record<string, unknown> | unknown[])[]];

/** Rows written by header: each record's values go under their header text, other cells stay blank. */
function byHeader([header, ...rows]: SheetSpec): unknown[][] {
  return [[...header], ...rows.map((r) => (Array.isArray(r) ? r : header.map((h) => r[h] ?? '')))];
}

/** The fixture as sheets (header row first), with blank rows and reordered columns. */
export function fixtureSheets(language = 'en'): Record<string, unknown[][]> {
  const sheets: Record<string, SheetSpec> = {
    Members: [
      ['Member ID', 'Name', 'Email', 'Phone', 'Role', 'Group', 'Active', 'Joined', 'Notes'],
      ...MEMBERS.map((m) => ({
        'Member ID': m.id,
        Name: m.name,
        Email: m.email,
        Phone: '13800000000',
        Role: m.role,
        Active: m.active,
        Joined: shanghai('2025-09-01'),
      })),
    ],
    Sponsors: [
      [
        'Sponsor ID',
        'Organization',
        'Category',
        'Stage',
        'Owner',
        'Phone',
        'Email',
        'Address',
        'Pledged',
        'In-kind Pledged',
        'Last Contacted',
        'Next Follow-up',
        'Notes',
      ],
      ...SPONSORS.map((s) => ({
        'Sponsor ID': s.id,
        Organization: s.org,
        Category: 'Telecom',
        Stage: s.stage,
        Owner: s.owner,
        Pledged: s.pledged || '',
        'Next Follow-up': day(s.next),
      })),
    ],
    Contacts: [
      // Reordered, with a user's own column.
      [
        'Name',
        'Contact ID',
        'My column',
        'Organization',
        'Title',
        'Org Type',
        'Sponsor ID',
        'Phone',
        'Email',
        'Other Handle',
        'Owner',
        'Cadence (days)',
        'Last Contacted',
        'Greetings',
        'Notes',
      ],
      ...CONTACTS.flatMap((c, i) => {
        const row = {
          Name: c.name,
          'Contact ID': c.id,
          'My column': 'x',
          Organization: c.org,
          Title: c.title,
          'Org Type': c.orgType,
          Phone: '0791-1234',
          Email: `c${i}@x.org`,
          Owner: c.owner,
          'Cadence (days)': c.cadence,
          'Last Contacted': day(c.last),
          Greetings: false,
        };
        return i === 2 ? [{}, row] : [row];
      }),
    ],
    Meetings: [
      [
        'Meeting ID',
        'Date',
        'Type',
        'Title',
        'With',
        'Owner',
        'Attendees',
        'Excused',
        'Absent',
        'Status',
        'Purpose',
        'Outcome',
        'Next Steps',
        'Follow-up Date',
      ],
      ...MEETINGS.map((m) => ({
        'Meeting ID': m.id,
        Date: shanghai(m.date, m.hour ?? 9),
        Type: m.type,
        Title: m.title,
        Owner: m.owner,
        Attendees: m.attendees.join(', '),
        Excused: m.excused.join(', '),
        Absent: m.absent.join(', '),
        Status: m.status,
        Purpose: m.purpose ?? '',
        'Next Steps': m.nextSteps ?? '',
        'Follow-up Date': day(m.followUp ?? ''),
      })),
    ],
    Ledger: [
      // Amount first, Entry ID last: columns are found by header, not position.
      [
        'Amount',
        'Date',
        'Type',
        'Event ID',
        'Sponsor ID',
        'Description',
        'Quantity',
        'Handled By',
        'Receipt',
        'Status',
        'Notes',
        'Entry ID',
      ],
      ...LEDGER.flatMap((e, i) => {
        const row = {
          Amount: e.amount,
          Date: day(e.date, e.asText),
          Type: e.type,
          'Event ID': e.event,
          'Sponsor ID': e.sponsor,
          Description: e.description,
          'Handled By': e.handledBy,
          Status: e.status,
          'Entry ID': e.id,
        };
        return i === 4 ? [{}, row] : [row];
      }),
    ],
    Events: [
      [
        'Event ID',
        'Name',
        'Date',
        'Lead',
        'Budget',
        'Sponsorship Target',
        'Status',
        'Feedback Sent',
        'Notes',
      ],
      ...EVENTS.map((e) => ({
        'Event ID': e.id,
        Name: e.name,
        Date: shanghai(e.date),
        Lead: 'zoe@example.edu',
        'Sponsorship Target': e.target,
        Status: e.status,
      })),
    ],
    Settings: [
      ['Setting', 'Value', 'Notes'],
      ['Department', 'External Relations Department', ''],
      ['Term', TERM.label, ''],
      ['Semester start', shanghai(TERM.start), ''],
      ['Semester end', TERM.end, 'typed as text'],
      ['Currency', 'CNY', ''],
      ['Default cadence (days)', 30, ''],
      ['Language', language, ''],
    ],
  };
  return Object.fromEntries(Object.entries(sheets).map(([name, spec]) => [name, byHeader(spec)]));
}

/** The fixture as a spreadsheet of the local Google. */
export function fixtureSpreadsheet(
  google: LocalGoogle,
  id = 'ss-fixture',
  language = 'en',
): SpreadsheetModel {
  const ss = new SpreadsheetModel(id, 'Fixture workbook', TZ);
  for (const [name, rows] of Object.entries(fixtureSheets(language))) {
    const sh = ss.addSheet(name);
    sh.cells = rows.map((r) => r.map((v) => v as string));
  }
  google.spreadsheets.set(id, ss);
  return ss;
}

/** `¥1,234.50`: the test's own money format (Intl), independent of src/domain/format.ts. */
export const yuan = (n: number) =>
  `${n < 0 ? '-' : ''}¥${Math.abs(n).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
