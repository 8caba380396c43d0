/**
 * The cached wall-clock conversion (src/domain/dates.ts wallTime): the same answer as
 * Intl.DateTimeFormat for every instant, around daylight-saving changes (whole-hour, half-hour
 * and the 30-minute Lord Howe shift), in zones with odd offsets, and in the 1900s local-mean-time
 * offsets with seconds.
 */
import { describe, expect, it } from 'vitest';
import { dayOf, instantOf, type WallTime, wallTime } from '../../src/domain/dates';

const formats = new Map<string, Intl.DateTimeFormat>();
function intl(d: Date, timeZone: string): WallTime {
  const f =
    formats.get(timeZone) ??
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  formats.set(timeZone, f);
  const p: Record<string, number> = {};
  for (const x of f.formatToParts(d)) if (x.type !== 'literal') p[x.type] = Number(x.value);
  return {
    year: p.year!,
    month: p.month!,
    day: p.day!,
    hour: p.hour! % 24,
    minute: p.minute!,
    second: p.second!,
  };
}

const ZONES = [
  'Asia/Shanghai',
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'America/St_Johns',
  'Pacific/Chatham',
  'UTC',
];

describe('wallTime (offsets cached per hour)', () => {
  it('agrees with Intl every 1 h 7 min 13 s across 2026, and around each zone’s changes', () => {
    for (const tz of ZONES) {
      const start = Date.UTC(2026, 0, 1);
      for (let t = start; t < start + 366 * 86_400_000; t += 4_033_000) {
        const d = new Date(t + (t % 997));
        expect(wallTime(d, tz), `${tz} ${d.toISOString()}`).toEqual(intl(d, tz));
      }
    }
  });

  it('agrees with Intl second by second through a daylight-saving change', () => {
    // New York: 2026-03-08 02:00 local → 03:00 (07:00Z); Lord Howe: 2026-04-05 02:00 → 01:30 (15:00Z).
    for (const [tz, at] of [
      ['America/New_York', Date.UTC(2026, 2, 8, 7)],
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 4, 15)],
    ] as const) {
      for (let t = at - 3_600_000; t < at + 3_600_000; t += 1000) {
        const d = new Date(t);
        expect(wallTime(d, tz)).toEqual(intl(d, tz));
      }
    }
  });

  it('old local-mean-time offsets with seconds, and days at midnight in the zone', () => {
    for (const tz of ZONES) {
      for (let y = 1890; y < 1960; y += 3) {
        const d = new Date(Date.UTC(y, 5, 1, 12, 34, 56));
        expect(wallTime(d, tz), `${tz} ${y}`).toEqual(intl(d, tz));
      }
      for (const day of ['2026-03-08', '2026-11-01', '2026-04-05', '1905-06-01']) {
        expect(dayOf(instantOf(day, tz), tz)).toBe(day);
      }
    }
  });
});
