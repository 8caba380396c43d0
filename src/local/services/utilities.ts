/**
 * Utilities.formatDate with Java SimpleDateFormat pattern letters, as Apps Script uses
 * (developers.google.com/apps-script/reference/utilities/utilities#formatDate), and the
 * few other Utilities the add-on needs.
 */
import { isDate, MONTH_NAMES, WEEKDAY_NAMES, wallTime, zoneOffsetMinutes } from '../../domain/dates';

function offsetText(min: number, style: 'Z' | 'X' | 'XXX'): string {
  if (style !== 'Z' && min === 0) return 'Z';
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  const hh = String(Math.floor(a / 60)).padStart(2, '0');
  const mm = String(a % 60).padStart(2, '0');
  if (style === 'X') return `${sign}${hh}`;
  return style === 'XXX' ? `${sign}${hh}:${mm}` : `${sign}${hh}${mm}`;
}

/** A time zone as Java reads its ID: an IANA zone, a custom `GMT+8` offset, or GMT. */
type Zone = { iana: string } | { fixed: number };

const zones = new Map<string, Zone>();
function resolveZone(id: string): Zone {
  let z = zones.get(id);
  if (z) return z;
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(id.trim());
  if (m) {
    z = { fixed: (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) };
  } else {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: id });
      z = { iana: id };
    } catch {
      z = { fixed: 0 }; // Java's TimeZone.getTimeZone: "the GMT zone if the given ID cannot be understood"
    }
  }
  zones.set(id, z);
  return z;
}

/** Java's short names where they differ from what Intl gives for en-US (GMT+8 …). */
const JAVA_SHORT_NAMES: Record<string, [string, string]> = {
  'Asia/Shanghai': ['CST', 'CDT'],
  'Asia/Chongqing': ['CST', 'CDT'],
  'Asia/Taipei': ['CST', 'CDT'],
  'Asia/Hong_Kong': ['HKT', 'HKST'],
  'Asia/Macau': ['CST', 'CDT'],
  'Asia/Singapore': ['SGT', 'SGT'],
  'Asia/Tokyo': ['JST', 'JDT'],
  'Asia/Seoul': ['KST', 'KDT'],
  'Europe/London': ['GMT', 'BST'],
  'Europe/Paris': ['CET', 'CEST'],
  'Europe/Berlin': ['CET', 'CEST'],
  'Australia/Sydney': ['AEST', 'AEDT'],
};

function zoneName(date: Date, zone: Zone, off: number, long: boolean): string {
  const gmt = off === 0 ? 'GMT' : `GMT${offsetText(off, 'XXX')}`;
  if ('fixed' in zone) return gmt;
  const part = (style: 'short' | 'long') =>
    new Intl.DateTimeFormat('en-US', { timeZone: zone.iana, timeZoneName: style })
      .formatToParts(date)
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  if (long) {
    const name = part('long');
    return /^GMT/.test(name) ? gmt : name;
  }
  const table = JAVA_SHORT_NAMES[zone.iana];
  if (table) {
    const january = zoneOffsetMinutes(new Date(Date.UTC(wallTime(date, zone.iana).year, 0, 1)), zone.iana);
    return off !== january && table[1] ? table[1] : table[0];
  }
  if (zone.iana === 'UTC' || zone.iana === 'Etc/UTC') return 'UTC';
  const name = part('short');
  return /^GMT|^UTC/.test(name) ? gmt : name;
}

function wallIn(date: Date, zone: Zone): { w: ReturnType<typeof wallTime>; off: number } {
  if ('fixed' in zone)
    return { w: wallTime(new Date(date.getTime() + zone.fixed * 60_000), 'UTC'), off: zone.fixed };
  return { w: wallTime(date, zone.iana), off: zoneOffsetMinutes(date, zone.iana) };
}

export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (!isDate(date)) throw new Error('Invalid argument: date');
  const zone = resolveZone(String(timeZone));
  const { w, off } = wallIn(date, zone);
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // Quoted text up to the closing quote; '' inside it is one apostrophe.
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'") {
          if (pattern[i + 1] === "'") {
            out += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        out += pattern[i];
        i++;
      }
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
      case 'G':
        out += w.year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y':
        out += n === 2 ? String(w.year % 100).padStart(2, '0') : num(w.year);
        break;
      case 'M':
      case 'L':
        out +=
          n >= 4 ? MONTH_NAMES[w.month - 1] : n === 3 ? MONTH_NAMES[w.month - 1]!.slice(0, 3) : num(w.month);
        break;
      case 'd':
        out += num(w.day);
        break;
      case 'D': {
        const doy = (Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86_400_000 + 1;
        out += num(doy);
        break;
      }
      case 'F':
        out += num(Math.ceil(w.day / 7));
        break;
      case 'E':
        out += n >= 4 ? WEEKDAY_NAMES[weekday] : WEEKDAY_NAMES[weekday]!.slice(0, 3);
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
        out += num(((date.getTime() % 1000) + 1000) % 1000);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'z':
        out += zoneName(date, zone, off, n >= 4);
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
