/**
 * The record sidebar's partner actions (issue 13), google.script.run targets:
 *  - a sponsor's commitments at a glance: pledged against received this term, the gap, the
 *    benefits still owed (the semester report's figures, src/domain/report/commitments.ts);
 *  - "Mark done" on a Promised benefit: a save of Status and Evidence (refused without an
 *    evidence link, naming the field);
 *  - "Returned" on an In-kind Ledger entry: a save of Returned = today.
 * Both actions are field-level saves through sidebarSave: the same roles, stale-form refusal
 * and cell-by-cell writes as the form's Save.
 */
import { formatMoney } from '../domain/format';
import { msg } from '../domain/i18n';
import { computeCommitments, owedText } from '../domain/report/commitments';
import type { PartnersSidebarApi, SaveInput, SaveResponse, SponsorGlance } from './api';
import { AddonContext } from './context';
import { sidebarSave } from './sidebar';
import { recordsWhere } from './where';

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/** One sponsor's pledged against received this term (the whole Ledger when no term is set). */
export function partnerSponsor(id: unknown): SponsorGlance | null {
  const ctx = new AddonContext();
  const lang = ctx.userLanguage();
  const settings = ctx.settings();
  const want = str(id).toUpperCase();
  // The sponsor's row and its own Ledger and Benefits rows, found by TextFinder: what a
  // sponsor's figures need, whatever the size of the sheets.
  const sponsor = recordsWhere(ctx, 'Sponsors', 'id', [want]).find(
    (s) => str(s.data.id).toUpperCase() === want,
  );
  if (!sponsor) return null;
  const [c] = computeCommitments({
    sponsors: [sponsor],
    ledger: recordsWhere(ctx, 'Ledger', 'sponsorId', [want]),
    benefits: recordsWhere(ctx, 'Benefits', 'sponsorId', [want], { optional: true }),
    start: settings.semesterStart ?? '0000-01-01',
    end: settings.semesterEnd ?? '9999-12-31',
  });
  const money = (n: number) => formatMoney(n, settings.currency);
  const dash = msg(lang, 'doc.dash');
  if (!c) return { lines: [msg(lang, 'ui.partners.cash', { received: money(0), pledged: dash })], owed: [] };
  const lines = [
    msg(lang, 'ui.partners.cash', {
      received: money(c.cash),
      pledged: c.pledged === null ? dash : money(c.pledged),
    }),
  ];
  if (c.gap) lines.push(msg(lang, 'ui.partners.gap', { gap: money(c.gap) }));
  lines.push(
    msg(lang, 'ui.partners.inKind', {
      pledged: c.inKindPledged || dash,
      qty: c.inKindQuantity,
      value: money(c.inKindValue),
    }),
  );
  lines.push(msg(lang, 'ui.partners.owed', { n: c.owed.length }));
  return { lines, owed: c.owed.length ? owedText(c, dash).split('; ') : [] };
}

/** "Mark done" on a benefit the form loaded: Status Done with its evidence link. */
export function partnerBenefitDone(input: unknown, evidence: unknown): SaveResponse {
  const form = (input && typeof input === 'object' ? input : {}) as Omit<SaveInput, 'changes'>;
  return sidebarSave('Benefits', { ...form, changes: { status: 'Done', evidence: str(evidence) } });
}

/** "Returned" on a Ledger entry the form loaded: Returned = today (the spreadsheet's day). */
export function partnerReturned(input: unknown): SaveResponse {
  const form = (input && typeof input === 'object' ? input : {}) as Omit<SaveInput, 'changes'>;
  return sidebarSave('Ledger', { ...form, changes: { returned: new AddonContext().today() } });
}

/** The partner panel's functions, checked against the API the page calls. */
export const PARTNERS_SIDEBAR: PartnersSidebarApi = { partnerSponsor, partnerBenefitDone, partnerReturned };
