/**
 * The Settings sheet, parsed: department, term dates, currency, cadence, reminder hour,
 * reports folder, language, holidays. Unknown settings are ignored; bad values fall back
 * to the default and are reported as problems.
 */
import { cellToDay, type Day } from './dates';
import type { SheetRecord } from './records';

export interface Holiday {
  day: Day;
  name: string;
}

export interface Settings {
  department: string;
  term: string;
  semesterStart: Day | null;
  semesterEnd: Day | null;
  currency: string;
  defaultCadenceDays: number;
  reminderHour: number;
  reportsFolderId: string;
  language: 'en' | 'zh';
  holidays: Holiday[];
  /** Any other setting, by name as typed. */
  other: Record<string, string>;
  problems: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  department: 'External Relations Department',
  term: '',
  semesterStart: null,
  semesterEnd: null,
  currency: 'CNY',
  defaultCadenceDays: 30,
  reminderHour: 8,
  reportsFolderId: '',
  language: 'en',
  holidays: [],
  other: {},
  problems: [],
};

const norm = (s: unknown) =>
  String(s ?? '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');

/** Parses Settings rows (records of the Settings table: setting, value, notes). */
export function parseSettings(records: readonly SheetRecord[], timeZone: string): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS, holidays: [], other: {}, problems: [] };
  for (const rec of records) {
    const name = norm(rec.data.setting);
    const raw = rec.data.value;
    const text = raw === null || raw === undefined ? '' : String(raw).trim();
    const day = () => {
      const d = cellToDay(raw, timeZone) ?? (text ? cellToDay(text, timeZone) : null);
      if (text && !d) s.problems.push(`Settings row ${rec.row}: "${text}" is not a date.`);
      return d;
    };
    switch (name) {
      case 'department':
        if (text) s.department = text;
        break;
      case 'term':
        s.term = text;
        break;
      case 'semester start':
        s.semesterStart = day();
        break;
      case 'semester end':
        s.semesterEnd = day();
        break;
      case 'currency':
        if (/^[A-Za-z]{3}$/.test(text)) s.currency = text.toUpperCase();
        else if (text)
          s.problems.push(`Settings row ${rec.row}: Currency "${text}" is not an ISO code such as CNY.`);
        break;
      case 'default cadence (days)': {
        const n = Number(text);
        if (text && Number.isInteger(n) && n > 0) s.defaultCadenceDays = n;
        else if (text)
          s.problems.push(
            `Settings row ${rec.row}: Default cadence "${text}" is not a whole number of days.`,
          );
        break;
      }
      case 'reminder hour': {
        const n = Number(text);
        if (text && Number.isInteger(n) && n >= 0 && n <= 23) s.reminderHour = n;
        else if (text) s.problems.push(`Settings row ${rec.row}: Reminder hour "${text}" is not 0-23.`);
        break;
      }
      case 'reports folder id':
        s.reportsFolderId = text;
        break;
      case 'language':
        s.language = /^zh/i.test(text) || text === '中文' ? 'zh' : 'en';
        break;
      case 'holiday': {
        const d = day();
        if (d) s.holidays.push({ day: d, name: String(rec.data.notes ?? '').trim() || 'Holiday' });
        break;
      }
      default:
        if (name) s.other[String(rec.data.setting).trim()] = text;
    }
  }
  return s;
}
