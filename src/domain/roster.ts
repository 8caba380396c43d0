/**
 * The contact roster: every contact grouped by Org Type, then Organization (name, title,
 * phone, email, owner), then the department's member list — the directory a new term
 * starts from (shared/spec/workbook.md, "Contact roster"). Pure: records + settings +
 * the day it is made → a document model. One heading and one table per Org Type, so the
 * number of blocks grows with the number of organisation types, never with contacts.
 */
import type { Day } from './dates';
import type { Block, DocModel } from './docmodel';
import { longDay } from './format';
import { type Lang, messages, valueName } from './i18n';
import type { SheetRecord } from './records';
import { memberNames, str, type WorkbookRecords } from './report';
import { ORG_TYPES, ROLES } from './schema';
import type { Settings } from './settings';

export interface RosterInput {
  records: Pick<WorkbookRecords, 'Contacts' | 'Members'>;
  settings: Settings;
  generatedOn: Day;
}

export interface RosterGroup {
  orgType: string;
  /** Rows sorted by organization, then name. */
  contacts: {
    organization: string;
    name: string;
    title: string;
    phone: string;
    email: string;
    owner: string;
  }[];
}

const ROLE_RANK = new Map<string, number>(ROLES.map((r, i) => [r, i]));

export function groupContacts(contacts: readonly SheetRecord[]): RosterGroup[] {
  const groups = new Map<string, RosterGroup>();
  for (const c of contacts) {
    const orgType = str(c.data.orgType).trim();
    let g = groups.get(orgType);
    if (!g) groups.set(orgType, (g = { orgType, contacts: [] }));
    const phone = str(c.data.phone).trim();
    const handle = str(c.data.otherHandle).trim();
    g.contacts.push({
      organization: str(c.data.organization).trim(),
      name: str(c.data.name).trim(),
      title: str(c.data.title).trim(),
      phone: handle ? (phone ? `${phone}\n${handle}` : handle) : phone,
      email: str(c.data.email).trim(),
      owner: str(c.data.owner).trim().toLowerCase(),
    });
  }
  const rank = (t: string) => {
    const i = (ORG_TYPES as readonly string[]).indexOf(t);
    return i >= 0 ? i : t === '' ? 1000 : 100;
  };
  const out = [...groups.values()].sort(
    (a, b) => rank(a.orgType) - rank(b.orgType) || a.orgType.localeCompare(b.orgType),
  );
  for (const g of out) {
    g.contacts.sort(
      (a, b) =>
        Number(a.organization === '') - Number(b.organization === '') ||
        a.organization.localeCompare(b.organization) ||
        a.name.localeCompare(b.name),
    );
  }
  return out;
}

export function buildRoster(input: RosterInput): DocModel {
  const lang: Lang = input.settings.language;
  const t = messages(lang);
  const dash = t('doc.dash');
  const names = memberNames(input.records.Members);
  const who = (email: string) => (email ? (names.get(email) ?? email) : dash);
  const term = input.settings.term || dash;
  const dep = input.settings.department;
  // Archived contacts are history (the term's archive keeps them): the roster lists the live ones.
  const groups = groupContacts(input.records.Contacts.filter((c) => !c.data.archived));
  const orgs = new Set(
    input.records.Contacts.map((c) => str(c.data.organization).trim().toLowerCase()).filter(Boolean),
  );

  const blocks: Block[] = [];
  blocks.push({
    kind: 'paragraph',
    text: t('roster.dates', { term, date: longDay(input.generatedOn, lang) }),
    style: 'lead',
  });
  blocks.push({
    kind: 'paragraph',
    text: t('roster.intro', { contacts: input.records.Contacts.length, orgs: orgs.size }),
    style: 'note',
  });
  if (!groups.length) blocks.push({ kind: 'paragraph', text: t('roster.noContacts') });
  for (const g of groups) {
    blocks.push({
      kind: 'heading',
      level: 1,
      text: t('roster.group', {
        type: g.orgType ? valueName(lang, g.orgType) : t('roster.noOrgType'),
        n: g.contacts.length,
      }),
    });
    let prevOrg: string | null = null;
    blocks.push({
      kind: 'table',
      header: [
        t('roster.col.organization'),
        t('roster.col.name'),
        t('roster.col.title'),
        t('roster.col.phone'),
        t('roster.col.email'),
        t('roster.col.owner'),
      ],
      // The organisation is written on the first row of its group only: rows read as groups.
      rows: g.contacts.map((c) => {
        const org = c.organization === prevOrg ? '' : c.organization || dash;
        prevOrg = c.organization;
        return [org, c.name || dash, c.title, c.phone, c.email, who(c.owner)];
      }),
      widths: [3, 1.8, 2.2, 2.3, 4.2, 1.8],
    });
  }

  const members = [...input.records.Members].sort(
    (a, b) =>
      Number(b.data.active === true) - Number(a.data.active === true) ||
      (ROLE_RANK.get(str(a.data.role)) ?? 9) - (ROLE_RANK.get(str(b.data.role)) ?? 9) ||
      str(a.data.name).localeCompare(str(b.data.name)),
  );
  blocks.push({ kind: 'pageBreak' });
  blocks.push({ kind: 'heading', level: 1, text: t('roster.members', { n: members.length }) });
  blocks.push({
    kind: 'table',
    header: [
      t('roster.col.name'),
      t('report.col.role'),
      t('roster.col.group'),
      t('roster.col.phone'),
      t('roster.col.email'),
      t('roster.col.status'),
    ],
    rows: members.map((m) => [
      str(m.data.name) || dash,
      str(m.data.role) ? valueName(lang, str(m.data.role)) : dash,
      str(m.data.group),
      str(m.data.phone),
      str(m.data.email),
      m.data.active === true ? t('doc.active') : t('doc.inactiveCap'),
    ]),
    widths: [2.4, 2, 1.6, 2.3, 4.2, 1.5],
  });

  return {
    name: t('roster.name', { department: dep, term }),
    title: t('roster.title', { term: input.settings.term }).trim(),
    subtitle: dep,
    pageHeader: t('roster.pageHeader', { department: dep, term, date: input.generatedOn }),
    language: lang,
    blocks,
  };
}
