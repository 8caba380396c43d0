/**
 * Start new term: the dry run. Reads the workbook once per sheet (AddonContext), checks the
 * input, and asks the pure planning (src/domain/term.ts) what the new term archives,
 * removes, carries, clears and re-owns; adds who sends reminders. Writes nothing.
 */

import { festivalCalendarOn, festivalsToAdd } from '../../domain/festivals';
import { type Lang, msg, tableNoun, templates } from '../../domain/i18n';
import { tableDef } from '../../domain/schema';
import {
  archiveName,
  type OwnerChoices,
  planTerm,
  type TermInput,
  type TermPlanParts,
  type TermRecords,
  validateTermInput,
} from '../../domain/term';
import type { AddonContext } from '../context';
import { reminderOwner } from '../reminders/trigger';

/** What the dialog sends to run the new term. */
export interface TermRunInput extends TermInput, OwnerChoices {
  /** The current user takes the reminders over (Install reminders from their account). */
  takeOverReminders?: boolean;
}

export interface TermPlanResponse extends TermPlanParts {
  /** Set when the input cannot be used (nothing else is meaningful then). */
  error: string | null;
  /** Set when this term was already started: nothing would change. */
  already: { message: string; archiveUrl: string | null } | null;
  from: { term: string; start: string; end: string };
  to: TermInput;
  archiveName: string;
  /** The archive and documents go to the Reports folder. */
  inFolder: boolean;
  reminders: { owner: string | null; you: string };
  lang: Lang;
  /** Festival Holiday rows the run adds (`Festival calendar` = CN): `YYYY-MM-DD name`. */
  festivals: string[];
}

/** What the dialog shows its texts with: the `term.ui.*` templates and table names in `lang`. */
export interface TermDialogText {
  lang: Lang;
  text: Record<string, string>;
  /** What each table is called (`Meetings and visits`), by sheet name. */
  tables: Record<string, string>;
}

export function dialogText(lang: Lang): TermDialogText {
  const names = ['Meetings', 'Ledger', 'Events', 'Sponsors', 'Contacts', 'Members'];
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  return {
    lang,
    text: { ...templates(lang, 'term.ui.'), 'term.title': msg(lang, 'term.title') },
    tables: Object.fromEntries(names.map((n) => [n, cap(tableNoun(lang, tableDef(n), true))])),
  };
}

export interface TermRunResponse {
  ok: boolean;
  /** Nothing was changed because this term was already started. */
  already: boolean;
  /** What was done, one line a step, in the user's language (or why it stopped). */
  steps: string[];
  archive: { name: string; url: string } | null;
  report: { name: string; url: string } | null;
  roster: { name: string; url: string } | null;
}

/** Where a finished hand-over is recorded (document properties), for running it again. */
export const TERM_PROP = 'od.term.last';

export interface TermRecord {
  from: string;
  to: string;
  archiveId: string;
  archiveUrl: string;
  archiveName: string;
}

export function lastTerm(): TermRecord | null {
  const raw = PropertiesService.getDocumentProperties()?.getProperty(TERM_PROP);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as TermRecord;
  } catch {
    return null;
  }
}

/** The archive still exists (opened by id; a trashed or deleted one does not). */
export function archiveExists(rec: TermRecord): boolean {
  try {
    return !DriveApp.getFileById(rec.archiveId).isTrashed();
  } catch {
    return false;
  }
}

/** The input as plain strings (google.script.run sends whatever the page gives). */
export function cleanInput(input: unknown): TermRunInput {
  const o = (input ?? {}) as Record<string, unknown>;
  const map = (v: unknown) =>
    Object.fromEntries(
      Object.entries((v ?? {}) as Record<string, unknown>).map(([k, x]) => [
        String(k),
        String(x ?? '').trim(),
      ]),
    );
  return {
    term: String(o.term ?? '').trim(),
    start: String(o.start ?? '').trim(),
    end: String(o.end ?? '').trim(),
    byOwner: map(o.byOwner),
    byRecord: map(o.byRecord),
    takeOverReminders: o.takeOverReminders === true,
  };
}

/** Why the input cannot be used, in `lang`, or null. */
export function inputError(ctx: AddonContext, input: TermInput, lang: Lang): string | null {
  const st = ctx.settings();
  const bad = validateTermInput(input, st);
  if (bad) return msg(lang, bad, { start: input.start, end: input.end, current: st.semesterStart ?? '' });
  return null;
}

/** Nothing to do: this term was already started (and how to say so), or null. */
export function alreadyStarted(ctx: AddonContext, input: TermInput, lang: Lang): TermPlanResponse['already'] {
  if (ctx.settings().term.trim() !== input.term) return null;
  const rec = lastTerm();
  if (rec && rec.to === input.term && archiveExists(rec))
    return { message: msg(lang, 'term.already', { term: input.term }), archiveUrl: rec.archiveUrl };
  return { message: msg(lang, 'term.alreadyNoArchive', { term: input.term }), archiveUrl: null };
}

export function termRecords(ctx: AddonContext): TermRecords {
  const r = (n: keyof TermRecords) => ctx.table(n).records;
  return {
    Members: r('Members'),
    Sponsors: r('Sponsors'),
    Contacts: r('Contacts'),
    Meetings: r('Meetings'),
    Ledger: r('Ledger'),
    Events: r('Events'),
  };
}

/** The plan's parts from the workbook as it is now. */
export function readPlan(ctx: AddonContext, start: string): TermPlanParts {
  return planTerm(termRecords(ctx), start, {
    ledger: ctx.table('Ledger').values,
    sponsors: ctx.table('Sponsors').values,
  });
}

/**
 * The sheets this run must write that the user may not edit (a sheet protection that is not
 * warning-only and does not list them: Set up gives the Ledger to the Treasurers and the
 * Minister). Checked before anything is archived, so a run is never half done.
 * developers.google.com/apps-script/reference/spreadsheet/protection#canEdit()
 */
export function blockedSheets(ctx: AddonContext, parts: TermPlanParts): string[] {
  const names = new Set<string>(['Settings']);
  for (const t of parts.tables) if (t.remove.length) names.add(t.table);
  if (parts.clearPledges.length) names.add('Sponsors');
  for (const o of parts.orphans) names.add(o.table);
  return [...names].filter((n) =>
    (ctx.ss.getSheetByName(n)?.getProtections(SpreadsheetApp.ProtectionType.SHEET) ?? []).some(
      (p) => !p.isWarningOnly() && !p.canEdit(),
    ),
  );
}

/** What stops this user from running it, in `lang`, or null. */
export function blockedError(ctx: AddonContext, parts: TermPlanParts, lang: Lang): string | null {
  const blocked = blockedSheets(ctx, parts);
  return blocked.length ? msg(lang, 'term.protected', { list: blocked.join(', ') }) : null;
}

/** The dry run. */
export function buildPlan(ctx: AddonContext, input: TermInput, you: string, lang: Lang): TermPlanResponse {
  const st = ctx.settings();
  const already = alreadyStarted(ctx, input, lang);
  const error = already ? null : inputError(ctx, input, lang);
  const parts: TermPlanParts =
    error || already
      ? { tables: [], clearPledges: [], orphans: [], departing: [], active: [], keptAll: [] }
      : readPlan(ctx, input.start);
  return {
    ...parts,
    error: error ?? (already ? null : blockedError(ctx, parts, lang)),
    already,
    from: { term: st.term, start: st.semesterStart ?? '', end: st.semesterEnd ?? '' },
    to: input,
    archiveName: archiveName(st.term),
    inFolder: st.reportsFolderId.trim() !== '',
    reminders: { owner: reminderOwner()?.email ?? null, you },
    lang,
    festivals: error || already ? [] : termFestivals(st, input),
  };
}

/** The festivals Start new term will add for the new term's dates (none when the calendar is off). */
function termFestivals(st: ReturnType<AddonContext['settings']>, input: TermInput): string[] {
  if (!festivalCalendarOn(st)) return [];
  return festivalsToAdd(input.start, input.end, st.holidays, st.language).add.map(
    (h) => `${h.day} ${h.name}`,
  );
}
