/**
 * planReminders at union size (issue 11): it stays linear, and its plan is the plan a
 * straightforward reading of the rules gives. The reference below applies each rule to each
 * member by plain filtering (members × records: only affordable on a small copy); the
 * planner must agree with it item for item. Time is measured by the bench, not here.
 */
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../src/domain/dates';
import {
  CLOSED_SPONSOR_STAGES,
  type MemberDigestPlan,
  PENDING_LEDGER_DAYS,
  planReminders,
} from '../../src/domain/reminders';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { type UnionRecords, unionRecords } from '../support/union';

const TODAY = '2026-11-23';
const SETTINGS = { ...DEFAULT_SETTINGS, holidays: [{ day: addDays(TODAY, 2), name: 'Winter Day' }] };
const s = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim().toLowerCase());

/** What each active member is owed, by the rules read literally: "kind:ID" in any order. */
function reference(u: UnionRecords): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const tomorrow = addDays(TODAY, 1);
  const active = u.members.filter((m) => m.data.active === true);
  const treasurers = active.filter((m) => m.data.role === 'Treasurer').map((m) => s(m.data.email));
  const liveContacts = u.contacts.filter((c) => !c.data.archived);
  const liveEvents = u.events.filter((e) => !e.data.archived);
  for (const m of active) {
    const me = s(m.data.email);
    const got: string[] = [];
    for (const c of liveContacts) {
      if (s(c.data.owner) !== me) continue;
      const cad = typeof c.data.cadenceDays === 'number' ? c.data.cadenceDays : SETTINGS.defaultCadenceDays;
      const last = c.data.lastContacted as string | null;
      if (!last || addDays(last, cad) <= TODAY) got.push(`contact:${c.data.id}`);
      if (c.data.greetings === true) got.push(`greeting:${c.data.id}`);
    }
    for (const x of u.sponsors) {
      const next = x.data.nextFollowUp as string | null;
      if (
        s(x.data.owner) === me &&
        next &&
        next <= TODAY &&
        !CLOSED_SPONSOR_STAGES.includes(String(x.data.stage))
      )
        got.push(`sponsor:${x.data.id}`);
    }
    for (const x of u.meetings) {
      const st = x.data.status;
      const d = x.data.date as string;
      const mine = s(x.data.owner) === me;
      const attends = (x.data.attendees as string[]).map(s).includes(me);
      if (st === 'Planned' && (d === TODAY || d === tomorrow) && (mine || attends))
        got.push(`meeting:${x.data.id}`);
      const visit = x.data.type !== 'Department Meeting';
      if (mine && visit && ((st === 'Done' && !x.data.outcome) || (st === 'Planned' && d < TODAY)))
        got.push(`report:${x.data.id}`);
    }
    for (const e of liveEvents) {
      if (e.data.status !== 'Done' || s(e.data.lead) !== me || e.data.feedbackSent) continue;
      const income = u.ledger.some(
        (l) => l.data.eventId === e.data.id && (l.data.type === 'Income' || l.data.type === 'In-kind'),
      );
      if (income) got.push(`feedback:${e.data.id}`);
    }
    for (const l of u.ledger) {
      if (l.data.status !== 'Pending' || daysBetween(l.data.date as string, TODAY) < PENDING_LEDGER_DAYS)
        continue;
      if (s(l.data.handledBy) === me || treasurers.includes(me)) got.push(`ledger:${l.data.id}`);
    }
    if (got.length) out.set(me, got);
  }
  return out;
}

const planned = (digests: readonly MemberDigestPlan[]) =>
  new Map(
    digests.map((d) => [
      d.member.email,
      d.items.filter((i) => i.kind !== 'orphan').map((i) => `${i.kind}:${i.id}`),
    ]),
  );

describe('planReminders at union size', () => {
  it('on a small copy, agrees item for item with the rules read literally', () => {
    const u = unionRecords(TODAY, 0.02);
    const plan = planReminders({ today: TODAY, settings: SETTINGS, ...u });
    const got = planned(plan.digests);
    const want = reference(u);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [email, items] of want) expect([...got.get(email)!].sort(), email).toEqual([...items].sort());
    expect(plan.digests.length).toBeGreaterThan(10);
  });

  it('at 30,000 contacts and 40,000 ledger rows: every item once per member, Treasurers owed every old Pending entry', () => {
    const u = unionRecords(TODAY, 1);
    expect(u.contacts).toHaveLength(30_000);
    expect(u.ledger).toHaveLength(40_000);
    const plan = planReminders({ today: TODAY, settings: SETTINGS, ...u });
    const oldPending = u.ledger.filter(
      (l) => l.data.status === 'Pending' && daysBetween(l.data.date as string, TODAY) >= PENDING_LEDGER_DAYS,
    ).length;
    expect(oldPending).toBeGreaterThan(9_000);
    const treasurers = plan.digests.filter((d) => d.member.role === 'Treasurer');
    expect(treasurers).toHaveLength(2);
    for (const t of treasurers) expect(t.items.filter((i) => i.kind === 'ledger')).toHaveLength(oldPending);
    for (const d of plan.digests) {
      const keys = d.items.map((i) => `${i.kind}|${i.table}|${i.row}`);
      expect(new Set(keys).size, d.member.email).toBe(keys.length);
    }
    // Meetings whose owner also attends are told once, as the owner.
    const meetings = plan.digests.flatMap((d) => d.items.filter((i) => i.kind === 'meeting'));
    expect(meetings.length).toBeGreaterThan(0);
  });
});
