/**
 * Digests at union size (issue 11): every digest stays under 100 KB (MailApp refuses a body
 * over 200 KB, and one refused mail would stop the run), each kind lists its first items and
 * counts the rest — "and 13,309 more — open the Ledger sheet" with a link to that sheet — in
 * the member's language, and nothing is dropped without being counted.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/dates';
import {
  DIGEST_LIST_CAP,
  DIGEST_MAX_BYTES,
  type DigestContext,
  digestBytes,
  digestView,
  renderDigest,
} from '../../src/domain/digest';
import { type MemberDigestPlan, planReminders } from '../../src/domain/reminders';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { unionRecords } from '../support/union';

const TODAY = '2026-11-23';
const CTX: DigestContext = {
  spreadsheetId: 'ss-union',
  sheetIds: { Contacts: 11, Sponsors: 12, Meetings: 13, Events: 14, Ledger: 15, Members: 16 },
  department: 'External Relations',
  currency: 'CNY',
  today: TODAY,
};
const SETTINGS = { ...DEFAULT_SETTINGS, holidays: [{ day: addDays(TODAY, 1), name: 'Winter Day' }] };

function unionPlan() {
  return planReminders({ today: TODAY, settings: SETTINGS, ...unionRecords(TODAY) });
}

describe('digests at union size', () => {
  const plan = unionPlan();
  const treasurer = plan.digests.find((d) => d.member.role === 'Treasurer')!;

  it('every member’s digest is under 100 KB (text and HTML together)', () => {
    expect(plan.digests.length).toBeGreaterThan(40);
    const sizes = plan.digests.map((d) => digestBytes(renderDigest(d, CTX)));
    expect(Math.max(...sizes)).toBeLessThan(DIGEST_MAX_BYTES);
    // Before the cap, the Treasurer's digest listed every pending entry: megabytes.
    expect(digestBytes(renderDigest(treasurer, CTX))).toBeLessThan(DIGEST_MAX_BYTES);
    expect(treasurer.items.length).toBeGreaterThan(9_000);
  });

  it('each kind lists its first items and counts the rest, with a link to the sheet', () => {
    const v = digestView(treasurer, CTX);
    const ledger = v.groups.find((g) => g.kind === 'ledger')!;
    const due = treasurer.items.filter((i) => i.kind === 'ledger').length;
    expect(ledger.total).toBe(due);
    expect(ledger.items).toHaveLength(DIGEST_LIST_CAP);
    const more = (due - DIGEST_LIST_CAP).toLocaleString('en-US');
    expect(ledger.more).toEqual({
      text: `and ${more} more — open the Ledger sheet`,
      url: 'https://docs.google.com/spreadsheets/d/ss-union/edit#gid=15',
    });
    const mail = renderDigest(treasurer, CTX);
    expect(mail.body).toContain(`Ledger entries pending 14 days or more (${due})`);
    expect(mail.body).toContain(
      `- and ${more} more — open the Ledger sheet\n  https://docs.google.com/spreadsheets/d/ss-union/edit#gid=15`,
    );
    expect(mail.htmlBody).toContain(
      `<li><a href="https://docs.google.com/spreadsheets/d/ss-union/edit#gid=15">and ${more} more — open the Ledger sheet</a></li>`,
    );
    // The subject still counts every item.
    expect(mail.subject).toContain(`${treasurer.items.length} items due`);
    // Nothing dropped uncounted: listed + more = due, for every kind of every digest.
    for (const d of plan.digests) {
      for (const g of digestView(d, CTX).groups) {
        const listed =
          g.items.length +
          (g.more ? Number(g.more.text.match(/and ([\d,]+) more/)![1]!.replace(/,/g, '')) : 0);
        expect(listed, `${d.member.email} ${g.kind}`).toBe(g.total);
      }
    }
  });

  it('in Chinese for a member who reads Chinese', () => {
    const zh: MemberDigestPlan = { ...treasurer, member: { ...treasurer.member, language: 'zh' } };
    const mail = renderDigest(zh, CTX);
    const more = (treasurer.items.filter((i) => i.kind === 'ledger').length - DIGEST_LIST_CAP).toLocaleString(
      'en-US',
    );
    expect(mail.body).toContain(`另有 ${more} 项 —— 打开 Ledger 表查看`);
    expect(digestBytes(mail)).toBeLessThan(DIGEST_MAX_BYTES);
  });

  it('very long names: the lists shrink until the digest fits, and still count everything', () => {
    const long = 'X'.repeat(5_000);
    const d: MemberDigestPlan = {
      member: treasurer.member,
      items: treasurer.items.slice(0, 600).map((i) => ({ ...i, name: `${long}${i.id}`, organization: long })),
    };
    const mail = renderDigest(d, CTX);
    expect(digestBytes(mail)).toBeLessThan(DIGEST_MAX_BYTES);
    expect(mail.body).toMatch(/and [\d,]+ more — open the /);
  });
});
