/**
 * Start new term (the contract's "Start new term (hand-over)"), the pure part: what a new
 * term removes from the live workbook, what it carries, which per-term cells it clears,
 * whose contacts and sponsors need a new owner, and whether an archive read back matches
 * the workbook it was copied from. Plain functions over records and cell values; the
 * add-on (src/addon/term/) reads the sheets, asks these, and writes.
 */
import { type Day, isValidDay } from './dates';
import { dayPart, isBlankCell, normHeader, type SheetRecord } from './records';

/** What the Minister types into the dialog. */
export interface TermInput {
  term: string;
  start: string;
  end: string;
}

/** The message key of what is wrong with the input, or null. */
export type TermInputError = 'term.badLabel' | 'term.badDates' | 'term.endBeforeStart' | 'term.startTooEarly';

export function validateTermInput(
  input: TermInput,
  current: { semesterStart: Day | null },
): TermInputError | null {
  const label = String(input.term ?? '').trim();
  if (!label || label.length > 100) return 'term.badLabel';
  if (!isValidDay(String(input.start)) || !isValidDay(String(input.end))) return 'term.badDates';
  if (input.end < input.start) return 'term.endBeforeStart';
  if (current.semesterStart && input.start <= current.semesterStart) return 'term.startTooEarly';
  return null;
}

/** The archive's name: `<Term> archive` (the closing term's label). */
export const archiveName = (term: string) => `${term.trim() || 'Previous term'} archive`;

export type RemovableTable = 'Meetings' | 'Ledger' | 'Events';
export type KeepReason = 'planned' | 'pending' | 'lent' | 'open' | 'linked' | 'current' | 'noId';

export interface PlanItem {
  id: string;
  title: string;
  date: Day | null;
  status: string;
}

export interface TablePlan {
  table: RemovableTable;
  total: number;
  remove: PlanItem[];
  /** Rows kept, counted by why (only the reasons that apply). */
  kept: Partial<Record<KeepReason, number>>;
}

export interface Orphan {
  table: 'Contacts' | 'Sponsors';
  id: string;
  title: string;
  owner: string;
}

export interface TermRecords {
  Members: readonly SheetRecord[];
  Sponsors: readonly SheetRecord[];
  Contacts: readonly SheetRecord[];
  Meetings: readonly SheetRecord[];
  Ledger: readonly SheetRecord[];
  Events: readonly SheetRecord[];
}

export interface TermPlanParts {
  tables: TablePlan[];
  /** Sponsors whose Pledged or In-kind Pledged will be cleared. */
  clearPledges: { id: string; title: string }[];
  orphans: Orphan[];
  /** Departing owners with how many records each leaves (for "all of theirs to one person"). */
  departing: { email: string; count: number }[];
  active: { email: string; name: string }[];
  /** Sponsors, Contacts and Members: every row stays. */
  keptAll: { table: 'Sponsors' | 'Contacts' | 'Members'; count: number }[];
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
const lower = (v: unknown) => text(v).toLowerCase();

/** IDs that stand once in the records (a blank or repeated ID cannot be found safely). */
function uniqueIds(records: readonly SheetRecord[]): Set<string> {
  const seen = new Map<string, number>();
  for (const r of records) {
    const id = text(r.data.id).toUpperCase();
    if (id) seen.set(id, (seen.get(id) ?? 0) + 1);
  }
  return new Set([...seen].filter(([, n]) => n === 1).map(([id]) => id));
}

const CLOSED: Record<RemovableTable, readonly string[]> = {
  Meetings: ['Done', 'Cancelled'],
  Ledger: ['Settled', 'Filed'],
  Events: ['Done', 'Cancelled'],
};
const TITLE: Record<RemovableTable, string> = { Meetings: 'title', Ledger: 'description', Events: 'name' };
const OPEN_REASON: Record<RemovableTable, KeepReason> = {
  Meetings: 'planned',
  Ledger: 'pending',
  Events: 'open',
};

/**
 * Rows (1-based) of the Ledger whose lent goods are still out: an extra `Return By` column
 * with a value and a blank `Returned` column. Both columns are optional and found by header
 * text; without them nothing is lent. `values` is the sheet, header row first.
 */
export function lentOutRows(values: readonly (readonly unknown[])[]): Set<number> {
  const out = new Set<number>();
  const header = (values[0] ?? []).map(normHeader);
  const by = header.indexOf(normHeader('Return By'));
  const back = header.indexOf(normHeader('Returned'));
  if (by < 0 || back < 0) return out;
  for (let i = 1; i < values.length; i++) {
    const row = values[i]!;
    if (!isBlankCell(row[by]) && text(row[by]) !== '' && isBlankCell(row[back])) out.add(i + 1);
  }
  return out;
}

/** IDs of sponsors with a Pledged or In-kind Pledged cell that is not blank (readable or not). */
export function sponsorsWithPledges(values: readonly (readonly unknown[])[]): string[] {
  const header = (values[0] ?? []).map(normHeader);
  const id = header.indexOf(normHeader('Sponsor ID'));
  const cols = ['Pledged', 'In-kind Pledged'].map((h) => header.indexOf(normHeader(h))).filter((c) => c >= 0);
  if (id < 0 || !cols.length) return [];
  const out: string[] = [];
  for (let i = 1; i < values.length; i++) {
    const row = values[i]!;
    const rid = text(row[id]).toUpperCase();
    if (rid && cols.some((c) => text(row[c]) !== '')) out.push(rid);
  }
  return out;
}

/** What the new term removes and keeps of one of Meetings, Ledger, Events. */
export function planTable(
  table: RemovableTable,
  records: readonly SheetRecord[],
  newStart: Day,
  keepIds: ReadonlySet<string> = new Set(),
  lentRows: ReadonlySet<number> = new Set(),
): TablePlan {
  const ids = uniqueIds(records);
  const plan: TablePlan = { table, total: 0, remove: [], kept: {} };
  const keep = (why: KeepReason) => {
    plan.kept[why] = (plan.kept[why] ?? 0) + 1;
  };
  for (const r of records) {
    plan.total++;
    const id = text(r.data.id).toUpperCase();
    const status = text(r.data.status);
    const date = dayPart(r.data.date ?? null);
    if (!id || !ids.has(id)) keep('noId');
    else if (!CLOSED[table].includes(status)) keep(OPEN_REASON[table]);
    else if (!date || date >= newStart) keep('current');
    else if (lentRows.has(r.row)) keep('lent');
    else if (keepIds.has(id)) keep('linked');
    else plan.remove.push({ id, title: text(r.data[TITLE[table]]), date, status });
  }
  return plan;
}

/** Active members (Email, Name), in sheet order. */
export function activeMembers(members: readonly SheetRecord[]): { email: string; name: string }[] {
  return members
    .filter((m) => m.data.active === true && lower(m.data.email))
    .map((m) => ({ email: lower(m.data.email), name: text(m.data.name) || lower(m.data.email) }));
}

/** Contacts and sponsors whose (non-blank) Owner is not an active member. */
export function orphans(records: TermRecords, active: readonly { email: string }[]): Orphan[] {
  const live = new Set(active.map((a) => a.email));
  const out: Orphan[] = [];
  const scan = (table: Orphan['table'], rows: readonly SheetRecord[], title: (r: SheetRecord) => string) => {
    const ids = uniqueIds(rows);
    for (const r of rows) {
      const id = text(r.data.id).toUpperCase();
      const owner = lower(r.data.owner);
      if (id && ids.has(id) && owner && !live.has(owner)) out.push({ table, id, title: title(r), owner });
    }
  };
  scan('Sponsors', records.Sponsors, (r) => text(r.data.organization));
  scan('Contacts', records.Contacts, (r) =>
    [text(r.data.name), text(r.data.organization)].filter(Boolean).join(' · '),
  );
  return out;
}

/** The whole dry run's content, from the records (and the Ledger's and Sponsors' raw cells). */
export function planTerm(
  records: TermRecords,
  newStart: Day,
  raw: { ledger: readonly (readonly unknown[])[]; sponsors: readonly (readonly unknown[])[] },
): TermPlanParts {
  const lent = lentOutRows(raw.ledger);
  const ledger = planTable('Ledger', records.Ledger, newStart, new Set(), lent);
  const removed = new Set(ledger.remove.map((i) => i.id));
  // An event a kept ledger entry points at stays, so the entry's link still resolves.
  const linked = new Set(
    records.Ledger.filter((r) => !removed.has(text(r.data.id).toUpperCase()))
      .map((r) => text(r.data.eventId).toUpperCase())
      .filter(Boolean),
  );
  const tables = [
    planTable('Meetings', records.Meetings, newStart),
    ledger,
    planTable('Events', records.Events, newStart, linked),
  ];
  const titles = new Map(
    records.Sponsors.map((r) => [text(r.data.id).toUpperCase(), text(r.data.organization)]),
  );
  const active = activeMembers(records.Members);
  const lost = orphans(records, active);
  const counts = new Map<string, number>();
  for (const o of lost) counts.set(o.owner, (counts.get(o.owner) ?? 0) + 1);
  return {
    tables,
    clearPledges: sponsorsWithPledges(raw.sponsors).map((id) => ({ id, title: titles.get(id) ?? '' })),
    orphans: lost,
    departing: [...counts].map(([email, count]) => ({ email, count })),
    active,
    keptAll: (['Sponsors', 'Contacts', 'Members'] as const).map((table) => ({
      table,
      count: records[table].length,
    })),
  };
}

/** The Minister's choice of new owners: all of a departing member's, and per record (wins). */
export interface OwnerChoices {
  byOwner?: Record<string, string>;
  byRecord?: Record<string, string>;
}

export interface Reassignment extends Orphan {
  to: string;
}

/** Who gets each orphan; a choice that is not an active member is an error naming it. */
export function resolveOwners(
  lost: readonly Orphan[],
  choices: OwnerChoices,
  active: readonly { email: string }[],
): { assignments: Reassignment[]; invalid: string[] } {
  const live = new Set(active.map((a) => a.email));
  const byOwner = Object.fromEntries(
    Object.entries(choices.byOwner ?? {}).map(([k, v]) => [lower(k), lower(v)]),
  );
  const byRecord = Object.fromEntries(
    Object.entries(choices.byRecord ?? {}).map(([k, v]) => [text(k).toUpperCase(), lower(v)]),
  );
  const assignments: Reassignment[] = [];
  const invalid = new Set<string>();
  for (const o of lost) {
    const to = byRecord[o.id] || byOwner[o.owner] || '';
    if (!to) continue;
    if (!live.has(to)) invalid.add(to);
    else assignments.push({ ...o, to });
  }
  return { assignments, invalid: [...invalid] };
}

/** Notes with the previous owner added on a line of its own. */
export function notesWithPreviousOwner(notes: unknown, previous: string): string {
  const line = `Previous owner: ${previous}`;
  const now = text(notes);
  return now ? `${now}\n${line}` : line;
}

/** Every sheet's row count and IDs (the ID column; '' for sheets without one). */
export interface SheetSnapshot {
  sheet: string;
  rows: number;
  ids: string[];
}

/** What differs between the workbook and its archive read back ([] = they match). */
export function compareSnapshots(
  live: readonly SheetSnapshot[],
  archive: readonly SheetSnapshot[],
): string[] {
  const out: string[] = [];
  const byName = new Map(archive.map((s) => [s.sheet, s]));
  for (const s of live) {
    const a = byName.get(s.sheet);
    if (!a) out.push(`${s.sheet}: missing from the archive`);
    else if (a.rows !== s.rows)
      out.push(`${s.sheet}: ${a.rows} rows in the archive, ${s.rows} in the workbook`);
    else if (a.ids.join('\n') !== s.ids.join('\n')) out.push(`${s.sheet}: the IDs differ`);
  }
  return out;
}

/** Two rows hold the same cells (dates by instant; trailing blanks ignored). */
export function sameRow(a: readonly unknown[], b: readonly unknown[]): boolean {
  const key = (v: unknown) =>
    v instanceof Date || Object.prototype.toString.call(v) === '[object Date]'
      ? `d:${(v as Date).getTime()}`
      : `${typeof v}:${String(v ?? '')}`;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (key(x) !== key(y)) return false;
  }
  return true;
}
