import { describe, expect, it } from 'vitest';
import { greetedFor, greetingsToSend, holidaysInWindow } from '../../src/domain/partners/greetings';
import type { SheetRecord } from '../../src/domain/records';
import type { Template } from '../../src/domain/templates';

const rec = (row: number, data: Record<string, unknown>): SheetRecord =>
  ({ row, data, problems: [] }) as unknown as SheetRecord;
const templates: Template[] = [
  {
    id: 'T-0001',
    name: 'en',
    kind: 'Greeting',
    language: 'en',
    subject: 'Happy {{Holiday}}',
    body: 'Hi {{Name}}, happy {{Holiday}}! {{Member}}',
  },
  {
    id: 'T-0002',
    name: 'zh',
    kind: 'Greeting',
    language: 'zh',
    subject: '{{Holiday}}快乐',
    body: '{{Name}}，{{Holiday}}快乐！{{Member}}',
  },
];
const base = {
  today: '2026-09-22',
  holidays: [{ day: '2026-09-25', name: 'Mid-Autumn Festival' }],
  templates,
  member: { email: 'me@x.edu', name: 'Li' },
  department: 'ER',
  language: 'en' as const,
};

const contact = (lastGreeted: string | null, id = 'C-0001') => ({
  row: 2,
  data: { id, lastGreeted },
  problems: [],
});

describe('greetedFor: the greeting log, else Last Greeted on or after the holiday − 3 days', () => {
  it('without a log entry: the window start counts, the day before does not', () => {
    expect(greetedFor(contact('2026-09-22'), '2026-09-25')).toBe(true);
    expect(greetedFor(contact('2026-09-25'), '2026-09-25')).toBe(true);
    expect(greetedFor(contact('2026-09-21'), '2026-09-25')).toBe(false);
    expect(greetedFor(contact(''), '2026-09-25')).toBe(false);
    expect(greetedFor(contact(null), '2026-09-25')).toBe(false);
  });

  it('two holidays two days apart are greeted one by one (National Day and Mid-Autumn, 2028)', () => {
    // Marked sent for National Day on 30 September: Last Greeted covers both windows,
    // the log says which one it was.
    const log = new Map([['C-0001', new Set(['2028-10-01'])]]);
    const c = contact('2028-09-30');
    expect(greetedFor(c, '2028-10-01', log)).toBe(true);
    expect(greetedFor(c, '2028-10-03', log)).toBe(false);
    expect(greetedFor(contact('2028-09-30', 'C-0002'), '2028-10-03', log)).toBe(true); // not in the log
  });
});

describe('holidaysInWindow', () => {
  it('today to 3 days ahead, by day', () => {
    const h = [
      { day: '2026-09-26', name: 'late' },
      { day: '2026-09-25', name: 'b' },
      { day: '2026-09-22', name: 'a' },
      { day: '2026-09-21', name: 'past' },
    ];
    expect(holidaysInWindow(h, '2026-09-22').map((x) => x.name)).toEqual(['a', 'b']);
  });
});

describe('greetingsToSend', () => {
  it("the member's own greetable contacts, once each, in their language; greeted, archived and others' left out", () => {
    const contacts = [
      rec(2, { id: 'C-0001', name: 'Ann', owner: 'ME@x.edu', greetings: true }),
      rec(3, { id: 'C-0002', name: '王芳', owner: 'me@x.edu', greetings: true, language: '中文' }),
      rec(4, { id: 'C-0003', name: 'Off', owner: 'me@x.edu', greetings: false }),
      rec(5, { id: 'C-0004', name: 'Other', owner: 'you@x.edu', greetings: true }),
      rec(6, { id: 'C-0005', name: 'Done', owner: 'me@x.edu', greetings: true, lastGreeted: '2026-09-22' }),
      rec(7, { id: 'C-0006', name: 'Gone', owner: 'me@x.edu', greetings: true, archived: '2026-01-01' }),
      rec(8, {
        id: 'C-0007',
        name: 'Last year',
        owner: 'me@x.edu',
        greetings: true,
        lastGreeted: '2025-09-30',
      }),
    ];
    const g = greetingsToSend({ ...base, contacts });
    expect(g.map((x) => [x.contactId, x.language, x.subject, x.message])).toEqual([
      ['C-0001', 'en', 'Happy Mid-Autumn Festival', 'Hi Ann, happy Mid-Autumn Festival! Li'],
      ['C-0002', 'zh', '中秋节快乐', '王芳，中秋节快乐！Li'],
      ['C-0007', 'en', 'Happy Mid-Autumn Festival', 'Hi Last year, happy Mid-Autumn Festival! Li'],
    ]);
  });

  it('without a Greeting template, a short message of the add-on', () => {
    const g = greetingsToSend({
      ...base,
      templates: [],
      contacts: [rec(2, { id: 'C-0001', name: 'Ann', owner: 'me@x.edu', greetings: true })],
    });
    expect(g[0]!.templateId).toBe('');
    expect(g[0]!.message).toBe('Dear Ann, happy Mid-Autumn Festival! — Li, ER');
  });
});

describe('a festival is named in the contact’s language', () => {
  it('a zh department greets an English contact for the Mid-Autumn Festival in English', () => {
    const g = greetingsToSend({
      ...base,
      language: 'zh',
      holidays: [{ day: '2026-09-25', name: '中秋节' }],
      contacts: [
        rec(2, { id: 'C-0001', name: 'Ann', owner: 'me@x.edu', greetings: true, language: 'en' }),
        rec(3, { id: 'C-0002', name: '王芳', owner: 'me@x.edu', greetings: true }),
      ],
    });
    expect(g.map((x) => x.message)).toEqual([
      'Hi Ann, happy Mid-Autumn Festival! Li',
      '王芳，中秋节快乐！Li',
    ]);
  });
});
