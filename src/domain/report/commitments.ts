/**
 * Commitments per sponsor (issue 13): what each sponsor pledged this term (Sponsors
 * `Pledged` cash, `In-kind Pledged` text) against what arrived in the term (Income cash;
 * In-kind by quantity and estimated value), the gap, and the promised benefits still owed;
 * and the lent goods not yet returned. The semester report shows both (commitmentBlocks,
 * loanBlocks); the sponsor's record sidebar shows one sponsor's line. Pure.
 */
import type { Day } from '../dates';
import type { Block } from '../docmodel';
import { formatCount } from '../format';
import { type Lang, messages } from '../i18n';
import type { SheetRecord } from '../records';
import { dayOfField, lower, memberNames, num, type ReportInput, str } from './input';

export interface SponsorCommitment {
  id: string;
  name: string;
  /** Pledged cash (null: blank). */
  pledged: number | null;
  inKindPledged: string;
  /** Income entries of the sponsor dated in the term. */
  cash: number;
  /** In-kind entries of the sponsor dated in the term: their Quantity and Amount (value). */
  inKindQuantity: number;
  inKindValue: number;
  /** Pledged cash still to come (0 once it all came); null without a pledge. */
  gap: number | null;
  /** The sponsor's Promised benefits, by due day (undated last). */
  owed: { id: string; benefit: string; due: Day | null }[];
}

export interface Loan {
  id: string;
  sponsor: string;
  description: string;
  quantity: number | null;
  returnBy: Day;
  handledBy: string;
  overdue: boolean;
}

export interface CommitmentInput {
  sponsors: readonly SheetRecord[];
  ledger: readonly SheetRecord[];
  benefits: readonly SheetRecord[];
  start: Day;
  end: Day;
}

const key = (v: unknown) =>
  String(v ?? '')
    .trim()
    .toUpperCase();

/** One line per sponsor that pledged, gave in the term or is owed a benefit, in Sponsors order. */
export function computeCommitments(input: CommitmentInput): SponsorCommitment[] {
  const got = new Map<string, { cash: number; qty: number; value: number }>();
  for (const e of input.ledger) {
    const d = dayOfField(e.data.date);
    const amount = num(e.data.amount);
    const type = str(e.data.type);
    const sid = key(e.data.sponsorId);
    if (!sid || d === null || d < input.start || d > input.end) continue;
    if (type !== 'Income' && type !== 'In-kind') continue;
    const g = got.get(sid) ?? { cash: 0, qty: 0, value: 0 };
    if (type === 'Income') g.cash += amount ?? 0;
    else {
      g.qty += num(e.data.quantity) ?? 0;
      g.value += amount ?? 0;
    }
    got.set(sid, g);
  }
  const owed = new Map<string, SponsorCommitment['owed']>();
  for (const b of input.benefits) {
    if (str(b.data.status) !== 'Promised') continue;
    const sid = key(b.data.sponsorId);
    const list = owed.get(sid) ?? [];
    list.push({ id: str(b.data.id), benefit: str(b.data.benefit), due: dayOfField(b.data.due) });
    owed.set(sid, list);
  }
  const out: SponsorCommitment[] = [];
  for (const s of input.sponsors) {
    const id = key(s.data.id);
    const pledged = num(s.data.pledged);
    const inKindPledged = str(s.data.inKindPledged).trim();
    const g = got.get(id) ?? { cash: 0, qty: 0, value: 0 };
    const o = (owed.get(id) ?? []).sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
    if (!pledged && !inKindPledged && !g.cash && !g.value && !g.qty && !o.length) continue;
    out.push({
      id,
      name: str(s.data.organization) || id,
      pledged,
      inKindPledged,
      cash: g.cash,
      inKindQuantity: g.qty,
      inKindValue: g.value,
      gap: pledged === null ? null : Math.max(0, pledged - g.cash),
      owed: o,
    });
  }
  return out;
}

/** In-kind entries with a Return By and no Returned (any text there means they went back). */
export function outstandingLoans(
  ledger: readonly SheetRecord[],
  sponsors: readonly SheetRecord[],
  today: Day,
): Loan[] {
  const names = new Map(sponsors.map((s) => [key(s.data.id), str(s.data.organization)]));
  const out: Loan[] = [];
  for (const e of ledger) {
    const by = dayOfField(e.data.returnBy);
    if (str(e.data.type) !== 'In-kind' || !by || str(e.data.returned)) continue;
    if (e.problems.some((p) => p.startsWith('Returned:'))) continue;
    const sid = key(e.data.sponsorId);
    out.push({
      id: str(e.data.id),
      sponsor: names.get(sid) || sid,
      description: str(e.data.description),
      quantity: num(e.data.quantity),
      returnBy: by,
      handledBy: lower(str(e.data.handledBy)),
      overdue: by < today,
    });
  }
  return out.sort((a, b) => a.returnBy.localeCompare(b.returnBy) || a.id.localeCompare(b.id));
}

type Money = (n: number) => string;

/** The owed benefits as one cell: `Logo on the banner (2026-05-20); A booth`. */
export function owedText(c: SponsorCommitment, dash: string): string {
  return c.owed.length ? c.owed.map((b) => (b.due ? `${b.benefit} (${b.due})` : b.benefit)).join('; ') : dash;
}

export function inKindReceivedText(c: SponsorCommitment, lang: Lang, money: Money): string {
  return messages(lang)('report.commitments.items', {
    qty: formatCount(c.inKindQuantity),
    value: money(c.inKindValue),
  });
}

/** The report's "Sponsor commitments" section (after the sponsors). */
export function commitmentBlocks(input: ReportInput, money: Money): Block[] {
  const { settings } = input;
  const lang = settings.language;
  const t = messages(lang);
  const dash = t('doc.dash');
  const rows = computeCommitments({
    sponsors: input.records.Sponsors,
    ledger: input.records.Ledger,
    benefits: input.benefits ?? [],
    start: settings.semesterStart!,
    end: settings.semesterEnd!,
  }).map((c) => [
    c.name,
    c.pledged === null ? dash : money(c.pledged),
    money(c.cash),
    c.gap === null ? dash : money(c.gap),
    c.inKindPledged || dash,
    inKindReceivedText(c, lang, money),
    owedText(c, dash),
  ]);
  const col = (k: string) => t(`report.col.${k}` as Parameters<typeof t>[0]);
  return [
    { kind: 'heading', level: 2, text: t('report.commitments') },
    {
      kind: 'paragraph',
      text: t('report.commitments.note', { start: settings.semesterStart!, end: settings.semesterEnd! }),
      style: 'note',
    },
    rows.length
      ? {
          kind: 'table',
          header: [
            'sponsor',
            'pledged',
            'cash',
            'gap',
            'inKindPledged',
            'inKindReceived',
            'benefitsOwed',
          ].map(col),
          rows,
          widths: [2.6, 1.6, 1.6, 1.5, 2, 2, 2.8],
          numeric: [false, true, true, true, false, false, false],
        }
      : { kind: 'paragraph', text: t('doc.none') },
  ];
}

/** The report's "Lent goods not yet returned" section. */
export function loanBlocks(input: ReportInput): Block[] {
  const t = messages(input.settings.language);
  const dash = t('doc.dash');
  const names = memberNames(input.records.Members);
  const loans = outstandingLoans(input.records.Ledger, input.records.Sponsors, input.reportDate);
  const col = (k: string) => t(`report.col.${k}` as Parameters<typeof t>[0]);
  const rows = loans.map((l) => [
    l.id || dash,
    l.sponsor || dash,
    l.description,
    l.quantity === null ? dash : formatCount(l.quantity),
    l.overdue ? t('report.loans.overdue', { date: l.returnBy }) : l.returnBy,
    l.handledBy ? (names.get(l.handledBy) ?? l.handledBy) : dash,
  ]);
  return [
    { kind: 'heading', level: 2, text: t('report.loans') },
    { kind: 'paragraph', text: t('report.loans.note'), style: 'note' },
    rows.length
      ? {
          kind: 'table',
          header: ['entry', 'sponsor', 'description', 'quantity', 'returnBy', 'handledBy'].map(col),
          rows,
          widths: [1.3, 2.4, 3.2, 1.2, 2.2, 2],
          numeric: [false, false, false, true, false, false],
        }
      : { kind: 'paragraph', text: t('doc.none') },
  ];
}
