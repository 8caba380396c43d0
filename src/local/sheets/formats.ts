/**
 * Display: what a cell shows (getDisplayValue(s)) under a Sheets number format — dates and
 * times in the spreadsheet's time zone, decimals, grouping, percent, quoted text
 * (https://developers.google.com/sheets/api/guides/formats).
 */
import { isDate, MONTH_NAMES, WEEKDAY_NAMES, wallTime } from '../../domain/dates';
import type { CellValue } from '../model/spreadsheet-model';

type DateToken = { kind: 'lit'; text: string } | { kind: 'tok'; ch: string; n: number };

function tokenizeDateFormat(fmt: string): DateToken[] {
  const out: DateToken[] = [];
  let i = 0;
  while (i < fmt.length) {
    const ch = fmt[i]!;
    if (ch === '"') {
      const end = fmt.indexOf('"', i + 1);
      out.push({ kind: 'lit', text: fmt.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? fmt.length : end + 1;
    } else if (ch === '\\' && i + 1 < fmt.length) {
      out.push({ kind: 'lit', text: fmt[i + 1]! });
      i += 2;
    } else if (/am\/pm/i.test(fmt.slice(i, i + 5))) {
      out.push({ kind: 'tok', ch: 'ampm', n: 5 });
      i += 5;
    } else if (/a\/p/i.test(fmt.slice(i, i + 3))) {
      out.push({ kind: 'tok', ch: 'ap', n: 3 });
      i += 3;
    } else if (/[dmyhs]/i.test(ch)) {
      let n = 1;
      while (fmt[i + n]?.toLowerCase() === ch.toLowerCase()) n++;
      out.push({ kind: 'tok', ch: ch.toLowerCase(), n });
      i += n;
    } else {
      out.push({ kind: 'lit', text: ch });
      i++;
    }
  }
  return out;
}

/** A Date shown with a Sheets date/time format, in the spreadsheet's time zone. */
export function formatDateCell(d: Date, timeZone: string, fmt: string): string {
  const w = wallTime(d, timeZone);
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const toks = tokenizeDateFormat(fmt);
  const twelve = toks.some((t) => t.kind === 'tok' && (t.ch === 'ampm' || t.ch === 'ap'));
  const pad = (v: number, n: number) => String(v).padStart(Math.min(n, 2), '0');
  const tokAt = (j: number) => (toks[j]?.kind === 'tok' ? (toks[j] as { ch: string }).ch : null);
  // m/mm is minutes right after an hour or right before seconds (literals in between skipped).
  const near = (j: number, step: number, want: string) => {
    for (let k = j + step; k >= 0 && k < toks.length; k += step) {
      const t = tokAt(k);
      if (t) return t === want;
    }
    return false;
  };
  let out = '';
  toks.forEach((t, j) => {
    if (t.kind === 'lit') {
      out += t.text;
      return;
    }
    switch (t.ch) {
      case 'y':
        out += t.n <= 2 ? String(w.year % 100).padStart(2, '0') : String(w.year);
        break;
      case 'd':
        out +=
          t.n >= 4
            ? WEEKDAY_NAMES[weekday]
            : t.n === 3
              ? WEEKDAY_NAMES[weekday]!.slice(0, 3)
              : pad(w.day, t.n);
        break;
      case 'm':
        if (t.n <= 2 && (near(j, -1, 'h') || near(j, 1, 's'))) out += pad(w.minute, t.n);
        else if (t.n >= 5) out += MONTH_NAMES[w.month - 1]![0];
        else if (t.n === 4) out += MONTH_NAMES[w.month - 1];
        else if (t.n === 3) out += MONTH_NAMES[w.month - 1]!.slice(0, 3);
        else out += pad(w.month, t.n);
        break;
      case 'h':
        out += pad(twelve ? w.hour % 12 || 12 : w.hour, t.n);
        break;
      case 's':
        out += pad(w.second, t.n);
        break;
      case 'ampm':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'ap':
        out += w.hour < 12 ? 'a' : 'p';
        break;
    }
  });
  return out;
}

/** A number shown with Sheets' automatic format: integers in full, else 10 significant digits. */
function generalNumber(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  return String(Number(v.toPrecision(10)));
}

/** A number shown with a Sheets number format such as `0.00`, `#,##0`, `0%`, `"¥"#,##0.00`. */
export function formatNumberCell(v: number, fmt: string): string {
  const sections = fmt.split(';');
  let f = sections[0]!;
  let sign = v < 0 ? '-' : '';
  if (v < 0 && sections[1] !== undefined) {
    f = sections[1];
    sign = '';
  }
  let a = Math.abs(v);
  const start = f.search(/[0#?]/);
  if (start < 0) return sign + generalNumber(a);
  let end = start;
  while (end < f.length && /[0#?,.]/.test(f[end]!)) end++;
  const body = f.slice(start, end);
  const lit = (s: string) =>
    s
      .replace(/\[\$([^\]-]*)[^\]]*\]/g, '$1')
      .replace(/"([^"]*)"/g, '$1')
      .replace(/\\(.)/g, '$1');
  const prefix = lit(f.slice(0, start));
  const suffix = lit(f.slice(end));
  if (suffix.includes('%') || prefix.includes('%')) a *= 100;
  const dot = body.indexOf('.');
  const decimals = dot < 0 ? 0 : body.slice(dot + 1).replace(/[^0#?]/g, '').length;
  const minDecimals = dot < 0 ? 0 : body.slice(dot + 1).replace(/[^0]/g, '').length;
  let text = a.toFixed(decimals);
  if (decimals > minDecimals) {
    const [i, d = ''] = text.split('.');
    let dd = d;
    while (dd.length > minDecimals && dd.endsWith('0')) dd = dd.slice(0, -1);
    text = dd ? `${i}.${dd}` : i!;
  }
  const intDigits = (dot < 0 ? body : body.slice(0, dot)).replace(/[^0]/g, '').length;
  let [ip = '', dp] = text.split('.');
  if (ip === '0' && intDigits === 0) ip = '';
  if (body.slice(0, dot < 0 ? undefined : dot).includes(',')) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${prefix}${ip}${dp !== undefined ? `.${dp}` : ''}${suffix}`;
}

/** What a cell shows: getDisplayValue(s). */
export function displayCell(v: CellValue, fmt: string | undefined, timeZone: string): string {
  if (isDate(v)) return formatDateCell(v, timeZone, fmt && fmt !== 'General' ? fmt : 'yyyy-mm-dd');
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    if (!fmt || fmt === 'General' || fmt === '@' || !/[0#?]/.test(fmt)) return generalNumber(v);
    return formatNumberCell(v, fmt);
  }
  return String(v);
}
