/**
 * Generated documents at union size (issue 11): a Google Doc holds about 1.02 million
 * characters. The contact roster of 30,000 contacts does not fit one, so it becomes one Doc
 * per Org Type (a type too big for one takes several) plus an index Doc with the members
 * and each part's count and link — every contact in exactly one part, the counts stated.
 * The semester report caps its long lists ("… and N more — see the Ledger sheet") and keeps
 * its totals over every entry.
 */
import { describe, expect, it } from 'vitest';
import { docText } from '../../src/domain/docmodel';
import { buildReport } from '../../src/domain/report';
import { REPORT_LIST_CAP } from '../../src/domain/report/document';
import { buildRoster, DOC_CHAR_LIMIT, docChars, planRoster } from '../../src/domain/roster';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { unionRecords } from '../support/union';

const TODAY = '2026-11-23';
const u = unionRecords(TODAY);
const settings = {
  ...DEFAULT_SETTINGS,
  term: '2026 Autumn',
  semesterStart: '2026-09-01',
  semesterEnd: '2027-01-15',
};
const rosterInput = { records: { Contacts: u.contacts, Members: u.members }, settings, generatedOn: TODAY };

describe('the contact roster at 30,000 contacts', () => {
  const plan = planRoster(rosterInput);
  const live = u.contacts.filter((c) => !c.data.archived);

  it('would not fit one Doc, so it is split: every part and the index under the limit', () => {
    expect(docChars(buildRoster(rosterInput))).toBeGreaterThan(DOC_CHAR_LIMIT);
    if ('whole' in plan) throw new Error('expected a split roster');
    expect(plan.parts.length).toBeGreaterThan(2);
    for (const p of plan.parts) expect(docChars(p.doc), p.label).toBeLessThan(DOC_CHAR_LIMIT);
    const urls = plan.parts.map((_, i) => `https://docs.google.com/document/d/part-${i}/edit`);
    const index = plan.index(urls);
    expect(docChars(index)).toBeLessThan(DOC_CHAR_LIMIT);
    // The biggest Org Type takes several Docs, named "(1 of n)" … "(n of n)".
    const business = plan.parts.map((p) => p.label).filter((l) => l.startsWith('Business'));
    expect(business.length).toBeGreaterThan(1);
    expect(business).toEqual(business.map((_, i) => `Business (${i + 1} of ${business.length})`));
  });

  it('puts every live contact in exactly one part, and the index states the counts and links', () => {
    if ('whole' in plan) throw new Error('expected a split roster');
    expect(plan.parts.reduce((a, p) => a + p.contacts, 0)).toBe(live.length);
    const seen = new Map<string, number>();
    for (const p of plan.parts) {
      const table = p.doc.blocks.find((b) => b.kind === 'table');
      if (table?.kind !== 'table') throw new Error('no table');
      expect(table.rows).toHaveLength(p.contacts);
      for (const r of table.rows) seen.set(r[1]!, (seen.get(r[1]!) ?? 0) + 1);
      // A part that starts inside an organisation names it on its first row.
      expect(table.rows[0]![0]).not.toBe('');
    }
    expect(seen.size).toBe(live.length);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    const text = docText(
      plan.index(plan.parts.map((_, i) => `https://docs.google.com/document/d/part-${i}/edit`)),
    );
    expect(text).toContain(`its ${live.length} contacts are in the ${plan.parts.length} documents below`);
    for (const [i, p] of plan.parts.entries())
      expect(text).toContain(`${p.label}\t${p.contacts}\thttps://docs.google.com/document/d/part-${i}/edit`);
    expect(text).toContain(`Department members (${u.members.length})`);
  });

  it('a small roster stays one Doc, exactly as before', () => {
    const small = unionRecords(TODAY, 0.01);
    const input = { ...rosterInput, records: { Contacts: small.contacts, Members: small.members } };
    const p = planRoster(input);
    expect('whole' in p && p.whole).toEqual(buildRoster(input));
  });
});

describe('the semester report at union size', () => {
  const { doc, figures } = buildReport({
    records: {
      Members: u.members,
      Sponsors: u.sponsors,
      Contacts: u.contacts,
      Meetings: u.meetings,
      Ledger: u.ledger,
      Events: u.events,
    },
    settings,
    reportDate: TODAY,
    timeZone: 'Asia/Shanghai',
  });
  const text = docText(doc);

  it('is under the limit, long lists capped with the rest counted, totals over every entry', () => {
    expect(text.length).toBeLessThan(DOC_CHAR_LIMIT);
    expect(figures.pending.length).toBeGreaterThan(REPORT_LIST_CAP);
    const pending = doc.blocks.find((b) => b.kind === 'table' && b.header[0] === 'Entry');
    if (pending?.kind !== 'table') throw new Error('no pending table');
    // The first entries, a row counting the rest, the total row.
    expect(pending.rows).toHaveLength(REPORT_LIST_CAP + 2);
    expect(pending.rows[REPORT_LIST_CAP]![0]).toBe(
      `… and ${(figures.pending.length - REPORT_LIST_CAP).toLocaleString('en-US')} more — see the Ledger sheet`,
    );
    const total = figures.pending.reduce((a, e) => a + e.amount, 0);
    expect(figures.pendingTotal).toBe(total);
    expect(text).toContain(
      `… and ${(figures.sponsors.length - REPORT_LIST_CAP).toLocaleString('en-US')} more — see the Sponsors sheet`,
    );
  });
});
