/**
 * "Start new term" (the contract's hand-over): the menu item opens a dialog (the `Term`
 * page) that asks for the new Term label and semester dates and shows a dry run
 * (`termPlan`); only on confirm `termRun`:
 *  1. archives the workbook as `<Term> archive` (in the Reports folder when set) and reads
 *     the copy back — row counts and IDs of every sheet — stopping before any change when it
 *     does not match; writes the closing term's semester report and contact roster;
 *  2. removes Done/Cancelled meetings, Settled/Filed entries (never lent goods still out) and
 *     Done/Cancelled events dated before the new term, each row found by ID and removed only
 *     while it still holds what the archive holds; clears Sponsors' Pledged and In-kind Pledged;
 *  3. gives the chosen contacts and sponsors to active members (`Previous owner: …` in Notes);
 *  4. writes Term, Semester start and Semester end last — so a run cut short is not taken
 *     for a finished one — and records the hand-over; then, when asked, the current user
 *     takes the reminders over (Install reminders).
 * Running it again for the same term (Term already the new label, the archive there)
 * changes nothing and says so. Minister and Vice Minister only.
 * Parts: term/plan.ts (dry run), term/archive.ts (copy, verify, documents), term/apply.ts.
 */
import { type MessageKey, msg, tableNoun } from '../domain/i18n';
import { tableDef } from '../domain/schema';
import { archiveName, resolveOwners } from '../domain/term';
import type { TermDialogApi } from './api';
import { requireConsent } from './consent';
import { AddonContext } from './context';
import { addTermFestivals } from './partners/seed';
import { Progress, progressToken } from './progress';
import { installReminders, reminderOwner } from './reminders/trigger';
import { Refused, requireRole } from './roles';
import { clearPledges, removeRows, reown, updateSettings } from './term/apply';
import { archivedRows, copyWorkbook, snapshot, verifyArchive, writeTermDocuments } from './term/archive';
import {
  alreadyStarted,
  blockedError,
  buildPlan,
  cleanInput,
  dialogText,
  inputError,
  lastTerm,
  readPlan,
  TERM_PROP,
  type TermDialogText,
  type TermPlanResponse,
  type TermRecord,
  type TermRunResponse,
} from './term/plan';

export type { TermDialogText, TermPlanResponse, TermRunInput, TermRunResponse } from './term/plan';

export const TERM_DIALOG_FILE = 'Term';

/** Menu: Start new term — the dialog, for the Minister and Vice Minister (others: an alert). */
export function menuStartNewTerm(): void {
  const ui = SpreadsheetApp.getUi();
  const ctx = new AddonContext();
  const lang = ctx.userLanguage();
  try {
    requireRole(ctx, 'startNewTerm', lang);
  } catch (e) {
    if (e instanceof Refused) {
      ui.alert(msg(lang, 'term.title'), e.message, ui.ButtonSet.OK);
      return;
    }
    throw e;
  }
  requireConsent('startNewTerm');
  const html = HtmlService.createHtmlOutputFromFile(TERM_DIALOG_FILE).setWidth(720).setHeight(640);
  ui.showModalDialog(html, msg(lang, 'term.title'));
}

/** google.script.run: the dialog's texts in the user's language. */
export function termDialog(): TermDialogText {
  const ctx = new AddonContext();
  const lang = ctx.userLanguage();
  requireRole(ctx, 'startNewTerm', lang);
  return dialogText(lang);
}

/** google.script.run: the dry run. Writes nothing. */
export function termPlan(input?: unknown): TermPlanResponse {
  const ctx = new AddonContext();
  const lang = ctx.userLanguage();
  const { email } = requireRole(ctx, 'startNewTerm', lang);
  return buildPlan(ctx, cleanInput(input), email, lang);
}

/** google.script.run: starts the new term as planned, with the owners chosen. */
export function termRun(input?: unknown, token?: unknown): TermRunResponse {
  const ctx = new AddonContext();
  const lang = ctx.userLanguage();
  const { email } = requireRole(ctx, 'startNewTerm', lang);
  const inp = cleanInput(input);
  const res: TermRunResponse = {
    ok: false,
    already: false,
    steps: [],
    archive: null,
    report: null,
    roster: null,
  };
  const t = (key: MessageKey, params: Record<string, string | number> = {}) => msg(lang, key, params);

  const already = alreadyStarted(ctx, inp, lang);
  if (already) {
    const rec = lastTerm();
    return {
      ...res,
      ok: true,
      already: true,
      steps: [already.message],
      archive: already.archiveUrl && rec ? { name: rec.archiveName, url: rec.archiveUrl } : null,
    };
  }
  const bad = inputError(ctx, inp, lang);
  if (bad) return { ...res, steps: [bad] };
  const parts = readPlan(ctx, inp.start);
  const blocked = blockedError(ctx, parts, lang);
  if (blocked) return { ...res, steps: [blocked] };
  const owners = resolveOwners(parts.orphans, inp, parts.active);
  if (owners.invalid.length)
    return { ...res, steps: [t('term.badOwner', { list: owners.invalid.join(', ') })] };

  const st = ctx.settings();
  const name = archiveName(st.term);
  // The dialog asks how far the run is while it waits (its token); without one, toasts.
  const id = progressToken(token);
  const stepKeys: MessageKey[] = [
    'term.step.archive',
    'term.step.verify',
    'term.step.documents',
    'term.step.remove',
    'term.step.owners',
    'term.step.settings',
  ];
  const record = id
    ? new Progress(
        lang,
        'job.title.term',
        stepKeys.map((k) => t(k, { name })),
        id,
      )
    : null;
  const progress = (key: MessageKey, params: Record<string, string | number> = {}) => {
    if (record) record.step(stepKeys.indexOf(key));
    else ctx.ss.toast(t(key, params), t('term.title'), 30);
  };

  // 1. The archive, checked before anything changes.
  progress('term.step.archive', { name });
  SpreadsheetApp.flush();
  const before = snapshot(ctx.ss);
  const archive = copyWorkbook(ctx.ss, name, st.reportsFolderId);
  res.archive = { name, url: archive.url };
  progress('term.step.verify');
  const diff = verifyArchive(archive, before);
  if (diff.length) {
    const why = t('term.verifyFailed', { list: diff.join('; '), name });
    record?.failed(why);
    return { ...res, steps: [why] };
  }
  res.steps.push(t('term.done.archive', { name }));
  if (archive.folderError)
    res.steps.push(t('ui.folderFailed', { id: st.reportsFolderId, error: archive.folderError }));

  progress('term.step.documents');
  const docs = writeTermDocuments(ctx, lang);
  res.report = docs.report ? { name: docs.report.name, url: docs.report.url } : null;
  res.roster = { name: docs.roster.name, url: docs.roster.url };
  res.steps.push(...docs.notes);
  if (docs.report) res.steps.push(t('term.done.documents', { term: st.term }));

  // 2. What the new term does not need; per-term pledges.
  progress('term.step.remove');
  for (const plan of parts.tables) {
    const r = removeRows(ctx, plan.table, plan.remove, archivedRows(archive, plan.table));
    const noun = tableNoun(lang, tableDef(plan.table), true);
    const table = noun.charAt(0).toUpperCase() + noun.slice(1);
    if (r.error) res.steps.push(t('term.done.failed', { table, error: r.error }));
    else
      res.steps.push(
        t(r.removed === 1 ? 'term.done.removedOne' : 'term.done.removed', { table, n: r.removed }),
      );
    if (r.skipped.length) res.steps.push(t('term.done.skipped', { table, list: r.skipped.join(', ') }));
  }
  res.steps.push(
    t('term.done.pledges', {
      n: clearPledges(
        ctx,
        parts.clearPledges.map((p) => p.id),
      ),
    }),
  );

  // 3. New owners.
  if (owners.assignments.length) {
    progress('term.step.owners');
    res.steps.push(t('term.done.owners', { n: reown(ctx, owners.assignments) }));
  }

  // 4. The new term's settings, last; the hand-over recorded.
  progress('term.step.settings');
  updateSettings(ctx, inp);
  const rec: TermRecord = {
    from: st.term,
    to: inp.term,
    archiveId: archive.id,
    archiveUrl: archive.url,
    archiveName: name,
  };
  PropertiesService.getDocumentProperties()?.setProperty(TERM_PROP, JSON.stringify(rec));
  res.steps.push(t('term.done.settings', { term: inp.term, start: inp.start, end: inp.end }));
  const festivals = addTermFestivals(ctx);
  if (festivals.length) res.steps.push(t('term.done.festivals', { list: festivals.join(', ') }));

  if (inp.takeOverReminders && reminderOwner()?.email !== email) {
    try {
      res.steps.push(t('term.done.reminders', { email: installReminders(ctx).owner }));
    } catch (e) {
      res.steps.push(e instanceof Error ? e.message : String(e));
    }
  }
  res.ok = true;
  record?.done();
  return res;
}

/** The dialog's server functions, checked against the API its page calls. */
export const TERM_DIALOG: TermDialogApi = { termDialog, termPlan, termRun };
