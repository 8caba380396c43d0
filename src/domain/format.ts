/**
 * How documents show numbers, money and days: currency per the Currency setting
 * (`¥1,234.50` for CNY, `USD 1,234.50` style for codes without a well-known symbol), days
 * as calendar days of the spreadsheet's time zone (they already are: a `Day` carries no
 * time zone), percentages. Pure; no Intl dependence so Apps Script and Node agree.
 */
import { type Day, MONTH_NAMES } from './dates';
import type { Lang } from './i18n';

const SYMBOLS: Record<string, string> = {
  CNY: '¥',
  RMB: '¥',
  USD: '$',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
  HKD: 'HK$',
  TWD: 'NT$',
  MOP: 'MOP$',
  KRW: '₩',
  INR: '₹',
  AUD: 'A$',
  CAD: 'C$',
  SGD: 'S$',
};
const NO_DECIMALS = new Set(['JPY', 'KRW']);

export function groupDigits(intText: string): string {
  return intText.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `1234.5` in CNY → `¥1,234.50`; negative → `-¥1,234.50`; unknown code → `XYZ 1,234.50`. */
export function formatMoney(n: number, currency: string): string {
  const code = currency.toUpperCase();
  const decimals = NO_DECIMALS.has(code) ? 0 : 2;
  const scaled = Math.round(Math.abs(n) * 10 ** decimals);
  const intPart = Math.floor(scaled / 10 ** decimals);
  const frac = decimals ? `.${String(scaled % 10 ** decimals).padStart(decimals, '0')}` : '';
  const body = `${groupDigits(String(intPart))}${frac}`;
  const sign = n < 0 && scaled > 0 ? '-' : '';
  const sym = SYMBOLS[code];
  return sym ? `${sign}${sym}${body}` : `${sign}${code} ${body}`;
}

export function formatCount(n: number): string {
  return groupDigits(String(Math.round(n)));
}

/** `0.8333` → `83%`. */
export function formatPercent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`;
}

/** A day written out: `23 November 2026` / `2026年11月23日`. */
export function longDay(day: Day, lang: Lang): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return lang === 'zh' ? `${y}年${m}月${d}日` : `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}
