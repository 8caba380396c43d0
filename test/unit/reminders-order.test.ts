/**
 * The send-order policy (sendOrder in src/domain/reminders.ts): who is mailed first when the
 * runner's mail quota is short.
 */
import { describe, expect, it } from 'vitest';
import { type MemberDigestPlan, type MemberInfo, sendOrder } from '../../src/domain/reminders';

const member = (email: string, role: string, row: number): MemberInfo => ({
  email,
  name: email,
  role,
  active: true,
  row,
  language: 'en',
});
const digest = (email: string, role: string, row: number): MemberDigestPlan => ({
  member: member(email, role, row),
  items: [],
});
const emails = (xs: readonly MemberDigestPlan[]) => xs.map((d) => d.member.email);

describe('sendOrder: who is mailed first when the quota is short', () => {
  const todo = [
    digest('officer@x.edu', 'Officer', 2),
    digest('vice@x.edu', 'Vice Minister', 3),
    digest('treasurer@x.edu', 'Treasurer', 4),
    digest('minister@x.edu', 'Minister', 5),
    digest('officer2@x.edu', 'Officer', 6),
  ];

  it('with nobody deferred: the Minister and the Treasurer, the Vice Minister, officers; then by row', () => {
    expect(emails(sendOrder(todo, new Map()))).toEqual([
      'treasurer@x.edu',
      'minister@x.edu',
      'vice@x.edu',
      'officer@x.edu',
      'officer2@x.edu',
    ]);
  });

  it('members deferred earlier come first, the longest-waiting first, whatever their role', () => {
    const deferred = new Map([
      ['officer2@x.edu', '2026-03-13'],
      ['vice@x.edu', '2026-03-14'],
      ['officer@x.edu', '2026-03-12'],
    ]);
    expect(emails(sendOrder(todo, deferred))).toEqual([
      'officer@x.edu',
      'officer2@x.edu',
      'vice@x.edu',
      'treasurer@x.edu',
      'minister@x.edu',
    ]);
  });

  it('members deferred the same day go by row; the input is left as it was', () => {
    const before = emails(todo);
    const deferred = new Map([
      ['officer2@x.edu', '2026-03-14'],
      ['minister@x.edu', '2026-03-14'],
    ]);
    expect(emails(sendOrder(todo, deferred))).toEqual([
      'minister@x.edu',
      'officer2@x.edu',
      'treasurer@x.edu',
      'vice@x.edu',
      'officer@x.edu',
    ]);
    expect(emails(todo)).toEqual(before);
  });
});
