/**
 * Rules of a meeting record beyond its single fields: a member is present, excused or
 * absent — never two of them — and a member marked late is one who was present; a visit (any type but a department meeting) is planned with
 * a Purpose and reported (Done) with an Outcome.
 */
import { addDays, daysBetween, parseDayText } from './dates';
import { FieldError, type RecordData } from './records';
import { MEETINGS } from './schema';

const LISTS = ['attendees', 'excused', 'absent'] as const;
const header = (key: string) => MEETINGS.fields.find((f) => f.key === key)!.header;
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => String(x).toLowerCase()) : []);

/** The fields these rules read: a save that changes none of them is not held to them. */
export const MEETING_RULE_FIELDS: readonly string[] = [
  'type',
  'status',
  'purpose',
  'outcome',
  ...LISTS,
  'late',
];

export function meetingErrors(data: RecordData): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, string>();
  for (const key of LISTS) {
    for (const email of list(data[key])) {
      const first = seen.get(email);
      if (first && first !== key)
        errors.push(
          new FieldError(key, 'inTwoLists', { field: header(key), value: email, other: header(first) }),
        );
      else seen.set(email, key);
    }
  }
  const present = new Set(list(data.attendees));
  for (const email of list(data.late))
    if (!present.has(email))
      errors.push(
        new FieldError('late', 'lateNotPresent', {
          field: header('late'),
          value: email,
          other: header('attendees'),
        }),
      );
  const visit = String(data.type ?? '') !== 'Department Meeting';
  const blank = (k: string) => !String(data[k] ?? '').trim();
  if (visit && data.status === 'Planned' && blank('purpose'))
    errors.push(new FieldError('purpose', 'purposeToPlan', { field: header('purpose') }));
  if (visit && data.status === 'Done' && blank('outcome'))
    errors.push(new FieldError('outcome', 'outcomeToReport', { field: header('outcome') }));
  return errors;
}

/** Department meetings are held every two weeks; a series plans them up to a year ahead. */
export const SERIES_EVERY_DAYS = 14;
export const SERIES_MAX_MEETINGS = 27;
const SERIES_FIELD = 'repeatUntil';

/**
 * The dates of the meetings a series adds after the first (`data`, validated), every two
 * weeks at the same time of day, the last on or before `until`. The first must be a planned
 * department meeting; `until` a day on or after it, at most a year of meetings.
 */
export function seriesDates(data: RecordData, until: string, label: string): string[] {
  const fail = (
    code: 'seriesType' | 'seriesPlanned' | 'notDate' | 'seriesBefore' | 'seriesTooMany',
    p = {},
  ) => {
    throw new FieldError(SERIES_FIELD, code, { field: label, value: until, ...p });
  };
  if (String(data.type ?? '') !== 'Department Meeting') fail('seriesType');
  if (data.status !== 'Planned') fail('seriesPlanned');
  const first = String(data.date ?? '');
  const day = first.slice(0, 10);
  const time = first.slice(10);
  const last = parseDayText(until);
  if (!last) fail('notDate');
  const span = daysBetween(day, last!);
  if (span < 0) fail('seriesBefore', { first: day });
  const n = Math.floor(span / SERIES_EVERY_DAYS);
  if (n + 1 > SERIES_MAX_MEETINGS) fail('seriesTooMany', { n: n + 1, max: SERIES_MAX_MEETINGS });
  return Array.from({ length: n }, (_, i) => `${addDays(day, (i + 1) * SERIES_EVERY_DAYS)}${time}`);
}

/** A later meeting of a series: the first's plan, its own date, nobody's attendance yet. */
export function seriesCopy(data: RecordData, date: string): RecordData {
  return { ...data, date, attendees: [], excused: [], absent: [], late: [], outcome: null };
}
