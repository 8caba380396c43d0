/**
 * The contact roster: every contact, grouped by Org Type then Organization, with name,
 * title, phone, email and owner (the owner's name when the owner is a member), then the
 * member list; term and generated date at the top.
 */
import { describe, expect, it } from 'vitest';
import { docText } from '../../src/domain/docmodel';
import { parseTable } from '../../src/domain/records';
import { buildRoster } from '../../src/domain/roster';
import { TABLE_BY_NAME } from '../../src/domain/schema';
import { parseSettings } from '../../src/domain/settings';
import { CONTACTS, FORMULA_TEXT, fixtureSheets, HTML_TEXT, MEMBERS, TZ } from './report-fixture';

function roster(language = 'en') {
  const sheets = fixtureSheets(language);
  const doc = buildRoster({
    records: {
      Contacts: parseTable(TABLE_BY_NAME.Contacts, sheets.Contacts!, TZ),
      Members: parseTable(TABLE_BY_NAME.Members, sheets.Members!, TZ),
    },
    settings: parseSettings(parseTable(TABLE_BY_NAME.Settings, sheets.Settings!, TZ), TZ),
    generatedOn: '2026-11-23',
  });
  return { doc, lines: docText(doc).split('\n') };
}

describe('contact roster', () => {
  it('states the term and the generated date at the top and in the page header', () => {
    const { doc, lines } = roster();
    expect(doc.pageHeader).toBe(
      'External Relations Department · Contact roster · 2026 Autumn · generated 2026-11-23',
    );
    expect(lines.slice(0, 5)).toContain('Term 2026 Autumn · Generated 23 November 2026');
  });

  it('groups by Org Type in the dropdown order, each group counted', () => {
    const { lines } = roster();
    const headings = lines.filter((l) => /\(\d+\)$/.test(l) && !l.startsWith('Department members'));
    const expected = ['Business', 'Brother University', 'Media'].map(
      (t) => `${t} (${CONTACTS.filter((c) => c.orgType === t).length})`,
    );
    expect(headings).toEqual(expected);
  });

  it('lists every contact once, organisation named on the first row of its group only', () => {
    const { lines } = roster();
    const names = new Map(MEMBERS.map((m) => [m.email, m.name]));
    for (const c of CONTACTS) {
      const row = lines.find((l) => l.split('\t')[1] === c.name && l.split('\t').length === 6);
      expect(row, c.name).toBeDefined();
      const cells = row!.split('\t');
      expect(cells.slice(2)).toEqual([c.title, '0791-1234', cells[4]!, names.get(c.owner) ?? c.owner]);
    }
    // Two contacts at Beijing Normal University: the second row leaves the organisation blank.
    const bnu = lines.filter((l) => /\t(Due Today|Due Tomorrow)\t/.test(l));
    expect(bnu.map((l) => l.split('\t')[0])).toEqual(['Beijing Normal University', '']);
  });

  it('shows an owner who is not a member by email', () => {
    const { lines } = roster();
    expect(lines.some((l) => l.startsWith('Acme\tNo Owner\t') && l.endsWith('\tsomeone@else.org'))).toBe(
      true,
    );
  });

  it('keeps formula-like and HTML-like text literal', () => {
    const { lines } = roster();
    expect(lines).toContain(
      `${HTML_TEXT}\t<img src=x onerror=alert(1)>\t${FORMULA_TEXT}\t0791-1234\tc2@x.org\tZoë Martin`,
    );
  });

  it('ends with the member list, active members first, role order', () => {
    const { lines } = roster();
    const at = lines.indexOf(`Department members (${MEMBERS.length})`);
    expect(at).toBeGreaterThan(0);
    const rows = lines.slice(at + 2).map((l) => l.split('\t'));
    expect(rows.map((r) => r[0])).toEqual(['李明', 'Chen Jing', '王芳', 'Zoë Martin', 'Old Member']);
    expect(rows[4]![5]).toBe('Inactive');
  });

  it('in Chinese when Settings say Language zh', () => {
    const { lines } = roster('zh');
    expect(lines).toContain('企业商家（2）');
    expect(lines).toContain('学期 2026 Autumn · 生成日期 2026年11月23日');
  });
});
