/**
 * Partners (issue 13): what sponsors were promised in return (Benefits) and the goods they
 * lent (Ledger In-kind entries with `Return By`). The reminder rules of the contract's
 * "Partners" section, and the rule that a benefit is marked Done with its evidence. Pure.
 *
 *  - benefit: a Promised benefit due within 3 days (Due ≤ today + 3), or overdue, to its Owner;
 *  - loan: an In-kind entry whose Return By is today or past and whose Returned is blank, to
 *    its Handled By member and every Treasurer.
 */
import { addDays, type Day, daysBetween } from '../dates';
import { FieldError, type RecordData, type SheetRecord } from '../records';
import { BENEFITS } from '../schema';

/** Days ahead a Promised benefit is reminded (today … today + 3). */
export const BENEFIT_DAYS_AHEAD = 3;

/** A reminder item of a partner rule (the shape of a reminder DueItem). */
export interface PartnerItem {
  kind: 'benefit' | 'loan';
  table: 'Benefits' | 'Ledger';
  row: number;
  id: string;
  name: string;
  /** The sponsor's organization (benefits, loans from a known sponsor). */
  organization?: string;
  /** Benefit: its Due day; loan: its Return By day. */
  day: Day;
  /** Loans: the handler's or a Treasurer's item. */
  as?: 'handler' | 'treasurer';
  /** Loans: how many (Quantity), when given. */
  quantity?: number | null;
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());
const email = (v: unknown): string => str(v).toLowerCase();
const day = (v: unknown): Day | null => {
  const s = str(v);
  return s.length >= 10 ? s.slice(0, 10) : null;
};
const hasProblem = (rec: SheetRecord, header: string) => rec.problems.some((p) => p.startsWith(`${header}:`));

/** How late an item is on `today` (0 = due today; negative = days still ahead). */
export const lateBy = (item: { day: Day }, today: Day) => daysBetween(item.day, today);

export function partnerItems(input: {
  today: Day;
  benefits: readonly SheetRecord[];
  ledger: readonly SheetRecord[];
  sponsors: readonly SheetRecord[];
  /** Active Treasurers' (lower-case) emails. */
  treasurers: readonly string[];
}): { to: string; item: PartnerItem }[] {
  const out: { to: string; item: PartnerItem }[] = [];
  const orgOf = new Map<string, string>();
  for (const s of input.sponsors) orgOf.set(str(s.data.id).toUpperCase(), str(s.data.organization));
  const org = (id: unknown) => orgOf.get(str(id).toUpperCase()) || undefined;
  const last = addDays(input.today, BENEFIT_DAYS_AHEAD);

  for (const b of input.benefits) {
    const due = day(b.data.due);
    const owner = email(b.data.owner);
    if (str(b.data.status) !== 'Promised' || !due || due > last || !owner) continue;
    out.push({
      to: owner,
      item: {
        kind: 'benefit',
        table: 'Benefits',
        row: b.row,
        id: str(b.data.id),
        name: str(b.data.benefit) || str(b.data.id),
        organization: org(b.data.sponsorId),
        day: due,
      },
    });
  }

  for (const l of input.ledger) {
    const by = day(l.data.returnBy);
    if (str(l.data.type) !== 'In-kind' || !by || by > input.today) continue;
    // Any text typed in Returned (even one that isn't a date) means the goods went back.
    if (str(l.data.returned) || hasProblem(l, 'Returned')) continue;
    const base: PartnerItem = {
      kind: 'loan',
      table: 'Ledger',
      row: l.row,
      id: str(l.data.id),
      name: str(l.data.description) || str(l.data.id),
      organization: org(l.data.sponsorId),
      day: by,
      quantity: typeof l.data.quantity === 'number' ? l.data.quantity : null,
    };
    const handler = email(l.data.handledBy);
    if (handler) out.push({ to: handler, item: { ...base, as: 'handler' } });
    for (const t of input.treasurers)
      if (t !== handler) out.push({ to: t, item: { ...base, as: 'treasurer' } });
  }
  return out;
}

const header = (key: string) => BENEFITS.fields.find((f) => f.key === key)!.header;

/** The fields the benefit rule reads: a save that changes neither is not held to it. */
export const BENEFIT_RULE_FIELDS: readonly string[] = ['status', 'evidence'];

/** A link the evidence may be: a web address (a photo of the banner, a post). */
export const isEvidenceLink = (v: unknown) => /^https?:\/\/\S+$/i.test(str(v));

/** A benefit marked Done needs its evidence: a link (`https://…`), else refused naming Evidence. */
export function benefitErrors(data: RecordData): FieldError[] {
  if (str(data.status) !== 'Done') return [];
  const ev = str(data.evidence);
  if (!ev) return [new FieldError('evidence', 'evidenceNeeded', { field: header('evidence') })];
  if (!isEvidenceLink(ev))
    return [new FieldError('evidence', 'evidenceLink', { field: header('evidence'), value: ev })];
  return [];
}
