/**
 * The Chinese festival calendar (Settings `Festival calendar` = `CN`): the festivals a
 * department greets on, as Holiday rows for the days of a term. Lunar festivals and
 * Qingming (a solar term) come from a table for 2020–2050, generated once with the npm
 * library lunar-javascript and checked against it and against published dates in
 * test/unit/festivals.test.ts; the others are fixed Gregorian days.
 */
import type { Day } from './dates';
import type { Holiday } from './settings';

export interface Festival {
  readonly key: string;
  readonly en: string;
  readonly zh: string;
  /** Fixed Gregorian month and day; absent for a festival read from FESTIVAL_TABLE. */
  readonly fixed?: string;
}

/** In the order of FESTIVAL_TABLE's columns, then the fixed-date festivals. */
export const FESTIVALS: readonly Festival[] = [
  { key: 'spring', en: 'Spring Festival', zh: '春节' },
  { key: 'lantern', en: 'Lantern Festival', zh: '元宵节' },
  { key: 'qingming', en: 'Qingming Festival', zh: '清明节' },
  { key: 'dragonBoat', en: 'Dragon Boat Festival', zh: '端午节' },
  { key: 'qixi', en: 'Qixi Festival', zh: '七夕节' },
  { key: 'midAutumn', en: 'Mid-Autumn Festival', zh: '中秋节' },
  { key: 'doubleNinth', en: 'Double Ninth Festival', zh: '重阳节' },
  { key: 'newYear', en: "New Year's Day", zh: '元旦', fixed: '01-01' },
  { key: 'youth', en: 'Youth Day', zh: '五四青年节', fixed: '05-04' },
  { key: 'teachers', en: "Teachers' Day", zh: '教师节', fixed: '09-10' },
  { key: 'national', en: 'National Day', zh: '国庆节', fixed: '10-01' },
];

/** First and last year of FESTIVAL_TABLE. */
export const TABLE_YEARS = { first: 2020, last: 2050 } as const;

/**
 * Per Gregorian year, MMDD of: Spring Festival (lunar 1/1), Lantern (1/15), Qingming (the
 * solar term), Dragon Boat (5/5), Qixi (7/7), Mid-Autumn (8/15), Double Ninth (9/9).
 */
export const FESTIVAL_TABLE: Readonly<Record<number, string>> = {
  2020: '0125 0208 0404 0625 0825 1001 1025',
  2021: '0212 0226 0404 0614 0814 0921 1014',
  2022: '0201 0215 0405 0603 0804 0910 1004',
  2023: '0122 0205 0405 0622 0822 0929 1023',
  2024: '0210 0224 0404 0610 0810 0917 1011',
  2025: '0129 0212 0404 0531 0829 1006 1029',
  2026: '0217 0303 0405 0619 0819 0925 1018',
  2027: '0206 0220 0405 0609 0808 0915 1008',
  2028: '0126 0209 0404 0528 0826 1003 1026',
  2029: '0213 0227 0404 0616 0816 0922 1016',
  2030: '0203 0217 0405 0605 0805 0912 1005',
  2031: '0123 0206 0405 0624 0824 1001 1024',
  2032: '0211 0225 0404 0612 0812 0919 1012',
  2033: '0131 0214 0404 0601 0801 0908 1001',
  2034: '0219 0305 0405 0620 0820 0927 1020',
  2035: '0208 0222 0405 0610 0810 0916 1009',
  2036: '0128 0211 0404 0530 0828 1004 1027',
  2037: '0215 0301 0404 0618 0817 0924 1017',
  2038: '0204 0218 0405 0607 0807 0913 1007',
  2039: '0124 0207 0405 0527 0826 1002 1026',
  2040: '0212 0226 0404 0614 0814 0920 1014',
  2041: '0201 0215 0404 0603 0803 0910 1003',
  2042: '0122 0205 0404 0622 0822 0928 1022',
  2043: '0210 0224 0405 0611 0811 0917 1011',
  2044: '0130 0213 0404 0531 0731 1005 1029',
  2045: '0217 0303 0404 0619 0819 0925 1018',
  2046: '0206 0220 0404 0608 0808 0915 1008',
  2047: '0126 0209 0405 0529 0827 1004 1027',
  2048: '0214 0228 0404 0615 0816 0922 1016',
  2049: '0202 0216 0404 0604 0805 0911 1005',
  2050: '0123 0206 0404 0623 0823 0930 1024',
};

/** The day of a festival in a Gregorian year, or null when the table does not cover the year. */
export function festivalDay(f: Festival, year: number): Day | null {
  if (f.fixed) return `${year}-${f.fixed}` as Day;
  const row = FESTIVAL_TABLE[year];
  const col = FESTIVALS.indexOf(f);
  const mmdd = row?.split(' ')[col];
  return mmdd ? (`${year}-${mmdd.slice(0, 2)}-${mmdd.slice(2)}` as Day) : null;
}

export interface FestivalPlan {
  /** Festivals of the term not yet among the Holidays, by day (name in the language asked). */
  readonly add: Holiday[];
  /** Years of the term the table does not cover (their lunar festivals cannot be dated). */
  readonly uncovered: number[];
}

const norm = (s: string) => s.trim().toLowerCase();

/**
 * The term's festivals (start..end inclusive) to add as Holiday rows: a festival is left out
 * when a Holiday of the term already falls on its day or bears its name (in either language),
 * so typed rows win and a second run adds nothing.
 */
export function festivalsToAdd(
  start: Day,
  end: Day,
  existing: readonly Holiday[],
  lang: 'en' | 'zh',
): FestivalPlan {
  const add: Holiday[] = [];
  const uncovered: number[] = [];
  const inTerm = existing.filter((h) => h.day >= start && h.day <= end);
  const days = new Set(inTerm.map((h) => h.day));
  const names = new Set(inTerm.map((h) => norm(h.name)));
  for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) {
    if (!FESTIVAL_TABLE[y]) uncovered.push(y);
    for (const f of FESTIVALS) {
      const day = festivalDay(f, y);
      if (!day || day < start || day > end || days.has(day)) continue;
      if (names.has(norm(f.en)) || names.has(norm(f.zh))) continue;
      add.push({ day, name: lang === 'zh' ? f.zh : f.en });
      days.add(day);
    }
  }
  add.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  return { add, uncovered };
}

/**
 * Whether Set up and Start new term add the festivals: the `Festival calendar` setting
 * (`CN` or `none`, read from Settings' other rows); blank = CN for a Chinese-language
 * department.
 */
export function festivalCalendarOn(settings: {
  language: 'en' | 'zh';
  other: Readonly<Record<string, string>>;
}): boolean {
  const key = Object.keys(settings.other).find((k) => norm(k) === 'festival calendar');
  const v = norm(key ? (settings.other[key] ?? '') : '');
  return v === '' ? settings.language === 'zh' : v === 'cn';
}

/** A holiday's name in a language when it is one of the festivals (named in either language). */
export function festivalNameIn(name: string, lang: 'en' | 'zh'): string {
  const f = FESTIVALS.find((x) => norm(x.en) === norm(name) || norm(x.zh) === norm(name));
  return f ? f[lang] : name;
}
