/**
 * Digest emails (src/domain/digest.ts): subject with the count, groups by kind, a link to
 * each record's row, plain text and fully escaped HTML, the member's language, the
 * department as sender name.
 */
import { describe, expect, it } from 'vitest';
import { type DigestContext, digestView, escapeHtml, renderDigest, rowLink } from '../../src/domain/digest';
import type { DueItem, MemberDigestPlan } from '../../src/domain/reminders';

const ctx: DigestContext = {
  spreadsheetId: 'ss-123',
  sheetIds: { Contacts: 7, Sponsors: 3, Meetings: 4, Ledger: 5, Events: 6 },
  department: 'External Relations Dept., Student Union',
  currency: 'CNY',
  today: '2026-03-15',
};

const member = (language: 'en' | 'zh' = 'en') => ({
  email: 'zoe@x.edu',
  name: 'Zoë',
  role: 'Officer',
  active: true,
  row: 5,
  language,
});

const items: DueItem[] = [
  {
    kind: 'contact',
    table: 'Contacts',
    row: 12,
    id: 'C-0011',
    name: '<img src=x onerror=alert(1)>',
    organization: 'Tom & Jerry "Ltd"',
    day: '2026-03-10',
    lastContacted: '2026-02-08',
    cadenceDays: 30,
    defaultCadence: true,
  },
  { kind: 'contact', table: 'Contacts', row: 13, id: 'C-0012', name: '王芳', day: null, never: true },
  {
    kind: 'sponsor',
    table: 'Sponsors',
    row: 4,
    id: 'S-0003',
    name: 'China Mobile',
    day: '2026-03-15',
    stage: 'Negotiating',
  },
  {
    kind: 'meeting',
    table: 'Meetings',
    row: 9,
    id: 'MT-0008',
    name: 'Visit',
    day: '2026-03-16',
    time: '14:30',
    meetingType: 'Sponsor Visit',
    as: 'attendee',
  },
  {
    kind: 'ledger',
    table: 'Ledger',
    row: 21,
    id: 'L-0020',
    name: 'Banner printing',
    day: '2026-02-20',
    amount: 1234.5,
    as: 'treasurer',
  },
];

const plan = (language: 'en' | 'zh' = 'en'): MemberDigestPlan => ({ member: member(language), items });

describe('digest', () => {
  it('links each item to its row: /d/<id>/edit#gid=<sheetId>&range=A<row>', () => {
    expect(rowLink('ss-123', 7, 12)).toBe(
      'https://docs.google.com/spreadsheets/d/ss-123/edit#gid=7&range=A12',
    );
    const v = digestView(plan(), ctx);
    const urls = v.groups.flatMap((g) => g.items.map((i) => i.url));
    expect(urls).toContain('https://docs.google.com/spreadsheets/d/ss-123/edit#gid=7&range=A12');
    expect(urls).toContain('https://docs.google.com/spreadsheets/d/ss-123/edit#gid=5&range=A21');
  });

  it('subject carries the count; groups follow the kind order with their counts', () => {
    const m = renderDigest(plan(), ctx);
    expect(m.subject).toBe('Outreach reminders for 2026-03-15: 5 items due');
    expect(m.name).toBe(ctx.department);
    expect(m.to).toBe('zoe@x.edu');
    const order = [
      'Meetings and visits',
      'Contacts to get in touch with (2)',
      'Sponsors to follow up (1)',
      'Ledger entries',
    ];
    const at = order.map((h) => m.body.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(m.body).toContain('never contacted');
    expect(m.body).toContain('every 30 days (default): due since 2026-03-10 (5 days ago)');
    expect(m.body).toContain('follow-up due today');
    expect(m.body).toContain('tomorrow at 14:30 · Sponsor Visit · you attend');
    expect(m.body).toContain('CNY 1,234.50, dated 2026-02-20, pending for 23 days');
    const one = renderDigest({ member: member(), items: [items[1]!] }, ctx);
    expect(one.subject).toBe('Outreach reminders for 2026-03-15: 1 item due');
  });

  it('the HTML body escapes everything taken from the workbook', () => {
    const { htmlBody, body } = renderDigest(plan(), ctx);
    expect(htmlBody).not.toContain('<img');
    expect(htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(htmlBody).toContain('Tom &amp; Jerry &quot;Ltd&quot;');
    expect(htmlBody).toContain(
      '<a href="https://docs.google.com/spreadsheets/d/ss-123/edit#gid=7&amp;range=A12">Open</a>',
    );
    // Only the tags the digest itself writes.
    const tags = new Set([...htmlBody.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => m[1]!.toLowerCase()));
    expect([...tags].sort()).toEqual(['a', 'br', 'div', 'h3', 'li', 'p', 'ul']);
    // The plain text is the raw text (mail clients don't interpret it).
    expect(body).toContain('<img src=x onerror=alert(1)> (Tom & Jerry "Ltd")');
    expect(escapeHtml(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
  });

  it('speaks the member’s language', () => {
    const m = renderDigest(plan('zh'), ctx);
    expect(m.subject).toBe('外联提醒（2026-03-15）：5 项待办');
    expect(m.body).toContain('Zoë，你好：');
    expect(m.body).toContain('该联系的联系人 (2)');
    expect(m.body).toContain('从未联系');
    expect(m.body).toContain('明天 14:30 · 赞助拜访 · 你参加');
    expect(m.body).toContain('今天应跟进 · 阶段 洽谈中');
    expect(m.htmlBody).toContain('>打开</a>');
    expect(m.name).toBe(ctx.department);
  });
});
