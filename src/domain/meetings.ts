/**
 * Rules of a meeting record beyond its single fields: a member is present, excused or
 * absent — never two of them; a visit (any type but a department meeting) is planned with
 * a Purpose and reported (Done) with an Outcome.
 */
import { FieldError, type RecordData } from './records';
import { MEETINGS } from './schema';

const LISTS = ['attendees', 'excused', 'absent'] as const;
const header = (key: string) => MEETINGS.fields.find((f) => f.key === key)!.header;
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => String(x).toLowerCase()) : []);

/** The fields these rules read: a save that changes none of them is not held to them. */
export const MEETING_RULE_FIELDS: readonly string[] = ['type', 'status', 'purpose', 'outcome', ...LISTS];

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
  const visit = String(data.type ?? '') !== 'Department Meeting';
  const blank = (k: string) => !String(data[k] ?? '').trim();
  if (visit && data.status === 'Planned' && blank('purpose'))
    errors.push(new FieldError('purpose', 'purposeToPlan', { field: header('purpose') }));
  if (visit && data.status === 'Done' && blank('outcome'))
    errors.push(new FieldError('outcome', 'outcomeToReport', { field: header('outcome') }));
  return errors;
}
