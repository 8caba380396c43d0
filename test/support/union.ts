/**
 * A union-size department in memory (issue 11: ≈60 members, 3,200 sponsors, 30,000 contacts,
 * 40,000 ledger rows, 5,000 meetings, 200 events) as parsed records, for the domain tests of
 * what must stay linear. Deterministic: the same input on every run. `size` scales the row
 * counts down (members stay 60), so a small copy can be checked against a reference.
 */

import { UNION_COUNTS } from '../../scripts/bench/workloads';
import { addDays, type Day } from '../../src/domain/dates';
import type { SheetRecord } from '../../src/domain/records';
import { ORG_TYPES } from '../../src/domain/schema';

/** The union profile's sizes, the bench's own (`--profile union`). */
export const UNION = UNION_COUNTS;

export interface UnionRecords {
  members: SheetRecord[];
  contacts: SheetRecord[];
  sponsors: SheetRecord[];
  meetings: SheetRecord[];
  events: SheetRecord[];
  ledger: SheetRecord[];
}

const rec = (row: number, data: SheetRecord['data']): SheetRecord => ({ row, data, problems: [] });
const pad = (n: number) => String(n).padStart(5, '0');

export function unionRecords(today: Day, size = 1): UnionRecords {
  const n = (x: number) => Math.max(1, Math.round(x * size));
  const roles = ['Minister', 'Vice Minister', 'Treasurer', 'Treasurer'];
  const members = Array.from({ length: UNION.members }, (_, i) =>
    rec(i + 2, {
      id: `M-${pad(i + 1)}`,
      name: `Member ${i + 1}`,
      email: `m${i + 1}@union.edu`,
      role: roles[i] ?? 'Officer',
      // A few have left: their records are orphans.
      active: i % 17 !== 16,
    }),
  );
  const owner = (i: number) => `m${(i % UNION.members) + 1}@union.edu`;
  const contacts = Array.from({ length: n(UNION.contacts) }, (_, i) =>
    rec(i + 2, {
      id: `C-${pad(i + 1)}`,
      name: `Contact ${i + 1}`,
      organization: `Org ${i % 700}`,
      // Most contacts are of the first Org Type: one type alone is too big for one Doc.
      orgType: i % 10 < 6 ? ORG_TYPES[0]! : ORG_TYPES[i % ORG_TYPES.length]!,
      title: i % 2 ? 'Partnerships Manager' : 'Student Affairs Officer',
      phone: `+86 138 ${String(i).padStart(4, '0')} ${String(i * 7)
        .slice(-4)
        .padStart(4, '0')}`,
      email: `contact${i + 1}@partner-organisation.example.com`,
      owner: owner(i),
      lastContacted: i % 7 === 0 ? null : addDays(today, -(i % 90)),
      cadenceDays: i % 3 === 0 ? 14 : null,
      greetings: i % 5 === 0,
      archived: i % 41 === 0,
    }),
  );
  const stages = ['Prospect', 'Contacted', 'Negotiating', 'Agreed', 'Declined', 'Dormant', 'Thanked'];
  const sponsors = Array.from({ length: n(UNION.sponsors) }, (_, i) =>
    rec(i + 2, {
      id: `S-${pad(i + 1)}`,
      organization: `Sponsor ${i + 1}`,
      owner: owner(i * 7),
      stage: stages[i % stages.length]!,
      nextFollowUp: i % 4 === 0 ? null : addDays(today, (i % 40) - 20),
    }),
  );
  const statuses = ['Planned', 'Done', 'Done', 'Cancelled'];
  const types = ['Sponsor Visit', 'Department Meeting', 'Phone Call'];
  const meetings = Array.from({ length: n(UNION.meetings) }, (_, i) =>
    rec(i + 2, {
      id: `MT-${pad(i + 1)}`,
      title: `Meeting ${i + 1}`,
      date: addDays(today, (i % 30) - 25),
      type: types[i % types.length]!,
      status: statuses[i % statuses.length]!,
      owner: owner(i * 3),
      // The owner among the attendees too: told once.
      attendees: [owner(i * 3), owner(i * 3 + 1), owner(i * 3 + 2)],
      outcome: i % 6 === 1 ? 'Agreed' : '',
    }),
  );
  const events = Array.from({ length: n(UNION.events) }, (_, i) =>
    rec(i + 2, {
      id: `E-${pad(i + 1)}`,
      name: `Event ${i + 1}`,
      date: addDays(today, -i),
      status: i % 2 ? 'Done' : 'Planned',
      lead: owner(i * 11),
      feedbackSent: i % 4 === 1 ? addDays(today, -1) : null,
    }),
  );
  const ledgerTypes = ['Income', 'Expense', 'In-kind', 'Transfer'];
  const ledger = Array.from({ length: n(UNION.ledger) }, (_, i) =>
    rec(i + 2, {
      id: `L-${pad(i + 1)}`,
      description: `Entry ${i + 1}`,
      date: addDays(today, -(i % 60)),
      type: ledgerTypes[i % ledgerTypes.length]!,
      amount: (i % 97) * 10,
      status: i % 3 === 0 ? 'Pending' : 'Settled',
      handledBy: owner(i * 13),
      eventId: i % 5 === 0 ? `E-${pad((i % UNION.events) + 1)}` : '',
    }),
  );
  return { members, contacts, sponsors, meetings, events, ledger };
}
