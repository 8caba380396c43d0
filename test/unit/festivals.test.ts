import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  FESTIVAL_TABLE,
  FESTIVALS,
  festivalCalendarOn,
  festivalDay,
  festivalsToAdd,
  TABLE_YEARS,
} from '../../src/domain/festivals';

// lunar-javascript (devDependency, npm): a well-kept Chinese calendar library, used only here.
const { Lunar } = createRequire(import.meta.url)('lunar-javascript') as {
  Lunar: {
    fromYmd(
      y: number,
      m: number,
      d: number,
    ): {
      getSolar(): { toYmd(): string };
      getJieQiTable(): Record<string, { toYmd(): string }>;
    };
  };
};
const f = (key: string) => FESTIVALS.find((x) => x.key === key)!;

describe('the festival table', () => {
  it('agrees with lunar-javascript for every year 2020-2050', () => {
    const lunar: Record<string, [number, number]> = {
      spring: [1, 1],
      lantern: [1, 15],
      dragonBoat: [5, 5],
      qixi: [7, 7],
      midAutumn: [8, 15],
      doubleNinth: [9, 9],
    };
    for (let y = TABLE_YEARS.first; y <= TABLE_YEARS.last; y++) {
      for (const [key, [m, d]] of Object.entries(lunar))
        expect(festivalDay(f(key), y), `${key} ${y}`).toBe(Lunar.fromYmd(y, m, d).getSolar().toYmd());
      expect(festivalDay(f('qingming'), y), `qingming ${y}`).toBe(
        Lunar.fromYmd(y, 1, 1).getJieQiTable()['清明']!.toYmd(),
      );
    }
    expect(Object.keys(FESTIVAL_TABLE).length).toBe(TABLE_YEARS.last - TABLE_YEARS.first + 1);
  });

  it('gives the published dates', () => {
    // Published calendars (e.g. the State Council's holiday notices, timeanddate.com).
    expect(festivalDay(f('spring'), 2027)).toBe('2027-02-06');
    expect(festivalDay(f('midAutumn'), 2027)).toBe('2027-09-15');
    expect(festivalDay(f('spring'), 2030)).toBe('2030-02-03');
    expect(festivalDay(f('midAutumn'), 2030)).toBe('2030-09-12');
    expect(festivalDay(f('spring'), 2026)).toBe('2026-02-17');
    expect(festivalDay(f('midAutumn'), 2026)).toBe('2026-09-25');
    expect(festivalDay(f('dragonBoat'), 2026)).toBe('2026-06-19');
    for (let y = TABLE_YEARS.first; y <= TABLE_YEARS.last; y++)
      expect(['04-04', '04-05']).toContain(festivalDay(f('qingming'), y)!.slice(5));
    expect(festivalDay(f('teachers'), 2031)).toBe('2031-09-10');
    expect(festivalDay(f('spring'), 2051)).toBeNull();
  });
});

describe('festivalsToAdd', () => {
  it("lists the term's festivals by day, in the department's language", () => {
    const { add, uncovered } = festivalsToAdd('2027-09-01', '2028-01-31', [], 'en');
    expect(add).toEqual([
      { day: '2027-09-10', name: "Teachers' Day" },
      { day: '2027-09-15', name: 'Mid-Autumn Festival' },
      { day: '2027-10-01', name: 'National Day' },
      { day: '2027-10-08', name: 'Double Ninth Festival' },
      { day: '2028-01-01', name: "New Year's Day" },
      { day: '2028-01-26', name: 'Spring Festival' },
    ]);
    expect(uncovered).toEqual([]);
    expect(festivalsToAdd('2030-01-15', '2030-02-28', [], 'zh').add).toEqual([
      { day: '2030-02-03', name: '春节' },
      { day: '2030-02-17', name: '元宵节' },
    ]);
  });

  it('leaves out a festival whose day or name a Holiday of the term already has', () => {
    const typed = [
      { day: '2027-10-01', name: 'Guoqing' },
      { day: '2027-09-16', name: 'mid-autumn festival' },
      { day: '2026-09-10', name: "Teachers' Day" }, // last year's: not this term's
    ];
    const names = festivalsToAdd('2027-09-01', '2027-12-31', typed, 'en').add.map((h) => h.name);
    expect(names).toEqual(["Teachers' Day", 'Double Ninth Festival']);
  });

  it('says which years the table does not cover', () => {
    const { add, uncovered } = festivalsToAdd('2051-01-01', '2051-12-31', [], 'en');
    expect(uncovered).toEqual([2051]);
    expect(add.map((h) => h.name)).toEqual(["New Year's Day", 'Youth Day', "Teachers' Day", 'National Day']);
  });
});

describe('festivalCalendarOn', () => {
  it('CN adds, none does not, blank follows the language', () => {
    expect(festivalCalendarOn({ language: 'en', other: { 'Festival calendar': 'CN' } })).toBe(true);
    expect(festivalCalendarOn({ language: 'zh', other: { 'festival calendar': 'none' } })).toBe(false);
    expect(festivalCalendarOn({ language: 'zh', other: {} })).toBe(true);
    expect(festivalCalendarOn({ language: 'en', other: { 'Festival calendar': '' } })).toBe(false);
  });
});
