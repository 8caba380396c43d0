/**
 * The contact roster: every contact grouped by Org Type, then Organization (name, title,
 * phone, email, owner), then the department's member list — the directory a new term
 * starts from (shared/spec/workbook.md, "Contact roster"). Pure: records + settings +
 * the day it is made → a document model. One heading and one table per Org Type, so the
 * number of blocks grows with the number of organisation types, never with contacts.
 * A roster too big for one Google Doc (planRoster) becomes one Doc per Org Type (a type too
 * big for one Doc takes several) and an index Doc with the member list, each part's count of
 * contacts and its link: every contact is in exactly one part, and the index says how many.
 */
import type { Day } from './dates';
import { type Block, type DocModel, docText } from './docmodel';
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

/** The parts every roster document shares: words, names, the groups, the member table. */
function rosterParts(input: RosterInput) {
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
  const typeName = (g: RosterGroup) => (g.orgType ? valueName(lang, g.orgType) : t('roster.noOrgType'));
  const head = (): Block[] => [
    {
      kind: 'paragraph',
      text: t('roster.dates', { term, date: longDay(input.generatedOn, lang) }),
      style: 'lead',
    },
    {
      kind: 'paragraph',
      text: t('roster.intro', { contacts: input.records.Contacts.length, orgs: orgs.size }),
      style: 'note',
    },
  ];
  /** The rows of a group's table (the organisation on the first row of its run only). */
  const rowsOf = (g: RosterGroup): string[][] => {
    let prevOrg: string | null = null;
    return g.contacts.map((c) => {
      const org = c.organization === prevOrg ? '' : c.organization || dash;
      prevOrg = c.organization;
      return [org, c.name || dash, c.title, c.phone, c.email, who(c.owner)];
    });
  };
  const groupBlocks = (heading: string, rows: string[][]): Block[] => [
    { kind: 'heading', level: 1, text: heading },
    {
      kind: 'table',
      header: [
        t('roster.col.organization'),
        t('roster.col.name'),
        t('roster.col.title'),
        t('roster.col.phone'),
        t('roster.col.email'),
        t('roster.col.owner'),
      ],
      rows,
      widths: [3, 1.8, 2.2, 2.3, 4.2, 1.8],
    },
  ];
  const memberBlocks = (): Block[] => {
    const members = [...input.records.Members].sort(
      (a, b) =>
        Number(b.data.active === true) - Number(a.data.active === true) ||
        (ROLE_RANK.get(str(a.data.role)) ?? 9) - (ROLE_RANK.get(str(b.data.role)) ?? 9) ||
        str(a.data.name).localeCompare(str(b.data.name)),
    );
    return [
      { kind: 'pageBreak' },
      { kind: 'heading', level: 1, text: t('roster.members', { n: members.length }) },
      {
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
      },
    ];
  };
  const model = (blocks: Block[], suffix = ''): DocModel => ({
    name: t('roster.name', { department: dep, term }) + suffix,
    title: t('roster.title', { term: input.settings.term }).trim(),
    subtitle: suffix ? `${dep}${suffix}` : dep,
    pageHeader: t('roster.pageHeader', { department: dep, term, date: input.generatedOn }) + suffix,
    language: lang,
    blocks,
  });
  return { t, lang, groups, typeName, head, rowsOf, groupBlocks, memberBlocks, model };
}

export function buildRoster(input: RosterInput): DocModel {
  const r = rosterParts(input);
  const blocks = r.head();
  if (!r.groups.length) blocks.push({ kind: 'paragraph', text: r.t('roster.noContacts') });
  for (const g of r.groups)
    blocks.push(
      ...r.groupBlocks(r.t('roster.group', { type: r.typeName(g), n: g.contacts.length }), r.rowsOf(g)),
    );
  blocks.push(...r.memberBlocks());
  return r.model(blocks);
}

/**
 * About what one Google Doc holds: 1.02 million characters
 * (support.google.com/drive/answer/37603). A roster bigger than DOC_CHAR_BUDGET (a margin
 * under it: table cells, headers and counts the model does not see) is split.
 */
export const DOC_CHAR_LIMIT = 1_020_000;
export const DOC_CHAR_BUDGET = 900_000;

/** Characters of a document model as a Doc holds them (its plain text). */
export function docChars(doc: DocModel): number {
  return docText(doc).length;
}

/** One document of a split roster: one Org Type, or a run of its rows when one type is too big. */
export interface RosterPart {
  doc: DocModel;
  /** What the index calls it: the Org Type, with "(2 of 3)" when the type takes several. */
  label: string;
  contacts: number;
}

/** The roster as Docs: the whole roster when it fits one, else one Doc per Org Type plus an index. */
export type RosterPlan =
  | { whole: DocModel }
  | {
      parts: RosterPart[];
      /** The index Doc: the member list and, per part, its contacts and its link (`urls[i]` for part i). */
      index: (urls: readonly string[]) => DocModel;
    };

export function planRoster(input: RosterInput, budget = DOC_CHAR_BUDGET): RosterPlan {
  const whole = buildRoster(input);
  if (docChars(whole) <= budget) return { whole };
  const r = rosterParts(input);
  const parts: RosterPart[] = [];
  for (const g of r.groups) {
    const rows = r.rowsOf(g);
    // Runs of rows that fit the budget (a row's characters: its cells and their separators).
    const runs: string[][][] = [];
    let run: string[][] = [];
    let chars = 0;
    for (const row of rows) {
      const n = row.reduce((a, c) => a + c.length + 1, 0);
      if (run.length && chars + n > budget - 10_000) {
        runs.push(run);
        run = [];
        chars = 0;
      }
      run.push(row);
      chars += n;
    }
    if (run.length) runs.push(run);
    const type = r.typeName(g);
    runs.forEach((rs, i) => {
      const label = runs.length > 1 ? r.t('roster.partOf', { type, k: i + 1, n: runs.length }) : type;
      // A run that starts inside an organisation names it again on its first row.
      if (i > 0 && rs[0]![0] === '')
        rs[0]![0] = g.contacts[rows.indexOf(rs[0]!)]?.organization || r.t('doc.dash');
      parts.push({
        doc: r.model(
          [...r.head(), ...r.groupBlocks(r.t('roster.group', { type: label, n: rs.length }), rs)],
          ` — ${label}`,
        ),
        label,
        contacts: rs.length,
      });
    });
  }
  const index = (urls: readonly string[]): DocModel => {
    const total = parts.reduce((a, p) => a + p.contacts, 0);
    return r.model([
      ...r.head(),
      { kind: 'paragraph', text: r.t('roster.split', { n: parts.length, contacts: total }), style: 'lead' },
      {
        kind: 'table',
        header: [r.t('roster.col.part'), r.t('roster.col.contacts'), r.t('roster.col.link')],
        rows: parts.map((p, i) => [p.label, String(p.contacts), urls[i] ?? '']),
        widths: [3, 1.2, 6],
        numeric: [false, true, false],
      },
      ...r.memberBlocks(),
    ]);
  };
  return { parts, index };
}
