/**
 * Utilities.formatDate with Java SimpleDateFormat pattern letters, as Apps Script uses
 * (developers.google.com/apps-script/reference/utilities/utilities#formatDate), and the
 * few other Utilities the add-on needs.
 */
import { isDate, wallTime, zoneOffsetMinutes } from '../../domain/dates';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function offsetText(min: number, style: 'Z' | 'X' | 'XXX'): string {
  if (style !== 'Z' && min === 0) return 'Z';
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  const hh = String(Math.floor(a / 60)).padStart(2, '0');
  const mm = String(a % 60).padStart(2, '0');
  if (style === 'X') return `${sign}${hh}`;
  return style === 'XXX' ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
}

export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (!isDate(date)) throw new Error('Invalid argument: date');
  const w = wallTime(date, timeZone);
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const off = zoneOffsetMinutes(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      out += pattern.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    const num = (v: number) => String(v).padStart(n, '0');
    switch (ch) {
      case 'y':
      case 'Y':
        out += n === 2 ? String(w.year % 100).padStart(2, '0') : num(w.year);
        break;
      case 'M':
      case 'L':
        out += n >= 4 ? MONTHS[w.month - 1] : n === 3 ? MONTHS[w.month - 1]!.slice(0, 3) : num(w.month);
        break;
      case 'd':
        out += num(w.day);
        break;
      case 'D': {
        const doy = (Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86_400_000 + 1;
        out += num(doy);
        break;
      }
      case 'E':
        out += n >= 4 ? DAYS[weekday] : DAYS[weekday]!.slice(0, 3);
        break;
      case 'u':
        out += num(weekday === 0 ? 7 : weekday);
        break;
      case 'H':
        out += num(w.hour);
        break;
      case 'k':
        out += num(w.hour === 0 ? 24 : w.hour);
        break;
      case 'h':
        out += num(w.hour % 12 === 0 ? 12 : w.hour % 12);
        break;
      case 'K':
        out += num(w.hour % 12);
        break;
      case 'm':
        out += num(w.minute);
        break;
      case 's':
        out += num(w.second);
        break;
      case 'S':
        out += String(Math.max(date.getTime() % 1000, 0))
          .padStart(3, '0')
          .slice(0, Math.max(n, 3));
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'z':
        out += off === 0 ? 'UTC' : `GMT${offsetText(off, 'XXX')}`;
        break;
      case 'Z':
        out += offsetText(off, 'Z');
        break;
      case 'X':
        out += offsetText(off, n === 1 ? 'X' : n === 2 ? 'Z' : 'XXX');
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}
