import { describe, expect, it } from 'vitest';
import { instantOf } from '../../src/domain/dates';
import { parseTable } from '../../src/domain/records';
import { SETTINGS } from '../../src/domain/schema';
import { parseSettings } from '../../src/domain/settings';

const tz = 'Asia/Shanghai';
const rows = (...r: unknown[][]) => parseTable(SETTINGS, [['Setting', 'Value', 'Notes'], ...r], tz);

describe('Settings sheet', () => {
  it('reads the known settings, dates as real dates or text, repeated holidays', () => {
    const s = parseSettings(
      rows(
        ['Department', 'External Relations Department', ''],
        ['Term', '2026 Autumn', ''],
        ['Semester start', instantOf('2026-09-01', tz), ''],
        ['semester END', '2027-01-15', ''],
        ['Currency', 'usd', ''],
        ['Default cadence (days)', 21, ''],
        ['Reminder hour', '7', ''],
        ['Holiday', instantOf('2026-10-01', tz), 'National Day'],
        ['Holiday', '2027-01-01', ''],
        ['Language', '中文', ''],
      ),
      tz,
    );
    expect(s).toMatchObject({
      department: 'External Relations Department',
      term: '2026 Autumn',
      semesterStart: '2026-09-01',
      semesterEnd: '2027-01-15',
      currency: 'USD',
      defaultCadenceDays: 21,
      reminderHour: 7,
      language: 'zh',
      holidays: [
        { day: '2026-10-01', name: 'National Day' },
        { day: '2027-01-01', name: 'Holiday' },
      ],
      problems: [],
    });
  });

  it('keeps defaults and says which row is wrong for bad values', () => {
    const s = parseSettings(
      rows(['Reminder hour', '25', ''], ['Semester start', 'soon', ''], ['Currency', 'yuan', '']),
      tz,
    );
    expect(s.reminderHour).toBe(8);
    expect(s.currency).toBe('CNY');
    expect(s.semesterStart).toBeNull();
    expect(s.problems).toEqual([
      'Settings row 2: Reminder hour "25" is not 0-23.',
      'Settings row 3: "soon" is not a date.',
      'Settings row 4: Currency "yuan" is not an ISO code such as CNY.',
    ]);
  });
});
