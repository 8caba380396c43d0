import { describe, expect, it } from 'vitest';
import { instantOf } from '../../src/domain/dates';
import {
  literalText,
  mapHeaders,
  nextId,
  parseTable,
  SchemaError,
  toCell,
  validateField,
  validateRecord,
} from '../../src/domain/records';
import { CONTACTS, LEDGER, MEETINGS, SPONSORS, TABLES } from '../../src/domain/schema';

const tz = 'Asia/Shanghai';
const ctx = { timeZone: tz };

describe('schema', () => {
  it('defines the sheets of the contract and the partners’ sheets with ID prefixes and unique headers', () => {
    expect(TABLES.map((t) => t.name)).toEqual([
      'Members',
      'Sponsors',
      'Contacts',
      'Meetings',
      'Ledger',
      'Events',
      'Settings',
      'Benefits',
      'Templates',
    ]);
    expect(TABLES.map((t) => t.idPrefix ?? '')).toEqual(['M', 'S', 'C', 'MT', 'L', 'E', '', 'B', 'T']);
    // The contract's Partners section: Benefits' columns, and the Ledger's lent-goods columns.
    expect(TABLES.find((t) => t.name === 'Benefits')!.fields.map((f) => f.header)).toEqual([
      'Benefit ID',
      'Sponsor ID',
      'Event ID',
      'Benefit',
      'Due',
      'Owner',
      'Status',
      'Evidence',
    ]);
    expect(
      TABLES.find((t) => t.name === 'Ledger')!
        .fields.map((f) => f.header)
        .slice(-2),
    ).toEqual(['Return By', 'Returned']);
    for (const t of TABLES) {
      const headers = t.fields.map((f) => f.header.toLowerCase());
      expect(new Set(headers).size, t.name).toBe(headers.length);
      if (t.idPrefix) expect(t.fields[0]!.type, t.name).toBe('id');
    }
    expect(SPONSORS.fields.find((f) => f.header === 'Stage')!.options).toEqual([
      'Prospect',
      'Contacted',
      'Negotiating',
      'Committed',
      'Delivered',
      'Thanked',
      'Declined',
      'Dormant',
    ]);
  });
});

describe('reading rows by header', () => {
  it('finds columns by header text whatever their order, skipping blank rows and keeping row numbers', () => {
    const header = [
      'Notes',
      'Amount',
      'Entry ID',
      'My own column',
      'Date',
      'Type',
      'Event ID',
      'Sponsor ID',
      'Description',
      'Quantity',
      'Handled By',
      'Receipt',
      'Status',
    ];
    const rows = [
      header,
      [
        '',
        100,
        'L-0001',
        'x',
        instantOf('2026-03-15', tz),
        'Income',
        '',
        'S-0001',
        'Fee',
        '',
        'a@b.cn',
        '',
        'Pending',
      ],
      ['', '', '', '', '', '', '', '', '', '', '', '', ''],
      [
        'n',
        '1,250.5',
        'L-0002',
        '',
        '2026-03-16',
        'Expense',
        'E-0001',
        '',
        'Banner',
        '',
        'A@B.CN',
        '',
        'Settled',
      ],
    ];
    const recs = parseTable(LEDGER, rows, tz);
    expect(recs.map((r) => r.row)).toEqual([2, 4]);
    expect(recs[0]!.data).toMatchObject({ id: 'L-0001', date: '2026-03-15', amount: 100, type: 'Income' });
    expect(recs[1]!.data).toMatchObject({ date: '2026-03-16', amount: 1250.5, handledBy: 'a@b.cn' });
  });

  it('names every missing column', () => {
    const header = SPONSORS.fields.map((f) => f.header).filter((h) => h !== 'Stage' && h !== 'Owner');
    try {
      mapHeaders(SPONSORS, header);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SchemaError);
      expect((e as Error).message).toMatch(/Sponsors.*missing columns "Stage", "Owner"/);
    }
  });

  it('reports unreadable cells without dropping the record', () => {
    const header = LEDGER.fields.map((f) => f.header);
    const row = header.map(() => '');
    row[0] = 'L-0009';
    row[1] = 'next week';
    row[7] = 'lots';
    const [rec] = parseTable(LEDGER, [header, row], tz);
    expect(rec!.data.date).toBeNull();
    expect(rec!.problems).toEqual(['Date: "next week" is not a date', 'Amount: "lots" is not a number']);
  });

  it('enumerated values typed by hand in another case or with spaces mean the listed value', () => {
    const header = LEDGER.fields.map((f) => f.header);
    const row: unknown[] = header.map(() => '');
    row[0] = 'L-0001';
    row[2] = ' income ';
    row[10] = 'PENDING';
    const row2 = [...row];
    row2[0] = 'L-0002';
    row2[2] = 'Donation';
    const [a, b] = parseTable(LEDGER, [header, row, row2], tz);
    expect(a!.data).toMatchObject({ type: 'Income', status: 'Pending' });
    expect(a!.problems.filter((p) => p.startsWith('Type'))).toEqual([]);
    expect(b!.data.type).toBe('Donation');
    expect(b!.problems).toContain('Type: "Donation" is not one of Income, Expense, In-kind');
  });

  it('lists (With, Attendees) are split on commas, Chinese commas and semicolons', () => {
    const header = MEETINGS.fields.map((f) => f.header);
    const row: unknown[] = header.map(() => '');
    row[0] = 'MT-0001';
    row[4] = 's-0003，C-0012; c-7';
    row[6] = 'A@x.cn, b@x.cn';
    const [rec] = parseTable(MEETINGS, [header, row], tz);
    expect(rec!.data.with).toEqual(['S-0003', 'C-0012', 'C-7']);
    expect(rec!.data.attendees).toEqual(['a@x.cn', 'b@x.cn']);
  });
});

describe('validating form input', () => {
  it('gives one clear error per bad field', () => {
    const { errors } = validateRecord(
      LEDGER,
      { date: 'soon', type: 'Gift', description: '', amount: 'x' },
      ctx,
    );
    expect(errors.map((e) => [e.field, e.message])).toEqual([
      ['date', 'Date: "soon" is not a valid date (use YYYY-MM-DD).'],
      ['type', 'Type must be one of: Income, Expense, In-kind.'],
      ['description', 'Description is required.'],
      ['amount', 'Amount: "x" is not a number.'],
    ]);
  });

  it('rejects unknown fields, oversized values, bad emails and bad IDs', () => {
    expect(validateRecord(CONTACTS, { name: 'A', colour: 'red' }, ctx).errors[0]!.message).toMatch(
      /Unknown field "colour"/,
    );
    const name = CONTACTS.fields.find((f) => f.key === 'name')!;
    expect(() => validateField(name, 'x'.repeat(201), ctx)).toThrow(
      /Name is too long: 201 characters, at most 200/,
    );
    const owner = CONTACTS.fields.find((f) => f.key === 'owner')!;
    expect(() => validateField(owner, 'bob@', ctx)).toThrow(/Owner: "bob@" is not an email address/);
    const sid = CONTACTS.fields.find((f) => f.key === 'sponsorId')!;
    expect(() => validateField(sid, 'S-1, S-2', ctx)).toThrow(/Sponsor ID takes one ID/);
    expect(() => validateField(sid, 'Xinhua', ctx)).toThrow(/not a record ID/);
    const cadence = CONTACTS.fields.find((f) => f.key === 'cadenceDays')!;
    expect(() => validateField(cadence, '7.5', ctx)).toThrow(/whole number/);
    expect(validateField(cadence, '14', ctx)).toBe(14);
  });

  it('fills defaults for blank fields', () => {
    const { data, errors } = validateRecord(SPONSORS, { organization: 'Luckin' }, ctx);
    expect(errors).toEqual([]);
    expect(data.stage).toBe('Prospect');
  });
});

describe('writing cells', () => {
  it('keeps formula-like, number-like, date-like and boolean-like text literal with an apostrophe', () => {
    for (const s of ['=1+1', '+86 138', '-20 tents', '@home', '007', '2026-03-15', 'TRUE', "'quoted"]) {
      expect(literalText(s), s).toBe(`'${s}`);
    }
    expect(literalText('Xinhua Bookstore')).toBe('Xinhua Bookstore');
    expect(literalText('李明')).toBe('李明');
  });

  it("writes a field's cell: dates as instants of the sheet zone, booleans as booleans, text literal", () => {
    const f = (key: string) => CONTACTS.fields.find((x) => x.key === key)!;
    expect(toCell(f('lastContacted'), '2026-03-15', tz)).toEqual(instantOf('2026-03-15', tz));
    expect(toCell(f('greetings'), true, tz)).toBe(true);
    expect(toCell(f('title'), '007', tz)).toBe("'007");
    // A plain-text (@) cell keeps an apostrophe as a character: none is written there.
    expect(toCell(f('phone'), '007', tz, true)).toBe('007');
    expect(toCell(f('notes'), null, tz)).toBe('');
  });
});

describe('IDs', () => {
  it('allocate one past the highest seen or ever issued', () => {
    expect(nextId(SPONSORS, ['S-0001', 'S-0007', '', 'junk', 's-0003']).id).toBe('S-0008');
    expect(nextId(SPONSORS, ['S-0001'], 12).id).toBe('S-0013');
    expect(nextId(MEETINGS, []).id).toBe('MT-0001');
    expect(nextId(SPONSORS, ['S-9999']).id).toBe('S-10000');
  });
});
