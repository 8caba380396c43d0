import { describe, expect, it } from 'vitest';
import {
  addDays,
  cellToDay,
  dayOf,
  daysBetween,
  instantOf,
  isDate,
  isValidDay,
  parseDayText,
  parseTimeText,
  zoneOffsetMinutes,
} from '../../src/domain/dates';

describe('calendar days in the spreadsheet time zone', () => {
  it('an instant falls on the day of the spreadsheet zone, not of the machine', () => {
    const t = new Date('2026-03-14T17:30:00Z');
    expect(dayOf(t, 'Asia/Shanghai')).toBe('2026-03-15');
    expect(dayOf(t, 'UTC')).toBe('2026-03-14');
    expect(dayOf(t, 'America/Los_Angeles')).toBe('2026-03-14');
  });

  it('midnight of a day in a zone round-trips, across DST changes', () => {
    for (const tz of ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Sydney', 'UTC']) {
      for (const day of ['2026-03-08', '2026-03-29', '2026-11-01', '2026-10-04', '2026-01-01']) {
        const t = instantOf(day, tz);
        expect(dayOf(t, tz), `${tz} ${day}`).toBe(day);
      }
    }
    expect(instantOf('2026-03-15', 'Asia/Shanghai').toISOString()).toBe('2026-03-14T16:00:00.000Z');
    expect(instantOf('2026-03-15', 'Asia/Shanghai', 14, 30).toISOString()).toBe('2026-03-15T06:30:00.000Z');
    expect(zoneOffsetMinutes(new Date('2026-07-01T00:00:00Z'), 'America/New_York')).toBe(-240);
  });

  it('day arithmetic ignores time zones and handles month and leap-year ends', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-11-09', '2026-11-23')).toBe(14);
  });

  it('reads days typed as text in the forms members use', () => {
    expect(parseDayText('2026-03-15')).toBe('2026-03-15');
    expect(parseDayText('2026/3/5')).toBe('2026-03-05');
    expect(parseDayText('2026.03.05')).toBe('2026-03-05');
    expect(parseDayText('2026年3月5日')).toBe('2026-03-05');
    expect(parseDayText('5 Mar 2026')).toBe('2026-03-05');
    expect(parseDayText('2026-03-15 14:30')).toBe('2026-03-15');
    expect(parseTimeText('2026-03-15 14:30')).toEqual({ hour: 14, minute: 30 });
    for (const bad of ['2026-02-30', '2026-13-01', '15/03/2026', 'tomorrow', '', '2026-3']) {
      expect(parseDayText(bad), bad).toBeNull();
    }
    expect(isValidDay('2028-02-29')).toBe(true);
    expect(isValidDay('2026-02-29')).toBe(false);
  });

  it('a cell holding a Date or a date text means the same day', () => {
    const tz = 'Asia/Shanghai';
    expect(cellToDay(instantOf('2026-03-15', tz), tz)).toBe('2026-03-15');
    expect(cellToDay('2026-03-15', tz)).toBe('2026-03-15');
    expect(cellToDay('', tz)).toBeNull();
    expect(cellToDay(45000, tz)).toBeNull();
    expect(cellToDay(new Date(Number.NaN), tz)).toBeNull();
  });

  it('recognises Dates from another realm (the Apps Script bundle runs in a vm context)', async () => {
    const vm = await import('node:vm');
    const foreign = vm.runInNewContext('new Date(0)');
    expect(foreign instanceof Date).toBe(false);
    expect(isDate(foreign)).toBe(true);
    expect(isDate('2026-01-01')).toBe(false);
  });
});
