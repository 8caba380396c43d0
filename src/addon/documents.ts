/**
 * "Generate semester report" and "Generate contact roster": read the workbook once per
 * sheet (AddonContext), build the document model with the pure domain code, render it
 * (render.ts) and show a dialog with its link
 * (developers.google.com/apps-script/reference/base/ui#showModalDialog(Object,String)).
 *
 * The menu items name the Doc `Semester report — <Term> — <yyyy-mm-dd>` (`Contact roster — …`),
 * the day in the spreadsheet's time zone, and replace that day's previous one: a Doc of the
 * same name in the same folder, made by the add-on (its id is remembered in the document
 * properties), is moved to the trash — never deleted — before the new one is made.
 */

import type { Day } from '../domain/dates';
import { formatMoney } from '../domain/format';
import { type Lang, type MessageKey, msg } from '../domain/i18n';
import type { TableProblem } from '../domain/records';
import { findOrphans } from '../domain/reminders';
import { buildReport, ReportError, type ReportInput, type WorkbookRecords } from '../domain/report';
import { planRoster } from '../domain/roster';
import { AUDIT } from './audit';
import { requireConsent } from './consent';
import { AddonContext, readAll } from './context';
import { logColumns } from './gateway';
import { Progress, withProgress } from './progress';
import { DocumentSession, type GeneratedDocument, renderDocument } from './render';
import { menuAllowed } from './roles';

export type { GeneratedDocument } from './render';

const REPORT_SHEETS = ['Members', 'Sponsors', 'Contacts', 'Meetings', 'Ledger', 'Events'] as const;

/**
 * What the report's "Notes on the data" lists besides unreadable cells: each sheet's own
 * problems, and the contacts and sponsors whose Owner is not an active member.
 */
function sheetProblems(ctx: AddonContext): Record<string, TableProblem[]> {
  const out: Record<string, TableProblem[]> = Object.fromEntries(
    REPORT_SHEETS.map((n) => [n, [...ctx.table(n).problems]]),
  );
  const active = new Set(
    ctx
      .table('Members')
      .records.filter((m) => m.data.active === true)
      .map((m) => String(m.data.email ?? '').toLowerCase()),
  );
  for (const o of findOrphans({
    contacts: ctx.table('Contacts').records,
    sponsors: ctx.table('Sponsors').records,
    activeEmails: active,
  })) {
    out[o.table]!.push({
      row: o.row,
      problem: o.owner
        ? `${o.id}: Owner ${o.owner} is not an active member: give it to someone (it gets no reminders)`
        : `${o.id}: no Owner: give it to someone (it gets no reminders)`,
    });
  }
  for (const d of deletedRecords(ctx)) out[d.table]?.push({ row: 0, problem: d.problem });
  return out;
}

/**
 * Records the audit log knows the add-on saved that are no longer in their sheet: a row
 * deleted by hand. Each is named with its last known state (the latest audit entry).
 */
function deletedRecords(ctx: AddonContext): { table: string; problem: string }[] {
  const sheet = ctx.ss.getSheetByName(AUDIT.name);
  if (!sheet || sheet.getLastRow() < 2) return [];
  const values = readAll(sheet);
  const c = logColumns(values[0] ?? [], AUDIT);
  const last = new Map<string, { table: string; id: string; who: string; details: string }>();
  for (const r of values.slice(1)) {
    const table = String(r[c.Sheet!] ?? '');
    const id = String(r[c['Record ID']!] ?? '')
      .trim()
      .toUpperCase();
    if (!id || !(REPORT_SHEETS as readonly string[]).includes(table)) continue;
    const key = `${table}\u0000${id}`;
    const prev = last.get(key);
    const details = String(r[c.Details!] ?? '');
    // The create entry holds the whole record; later entries, what changed.
    last.set(key, {
      table,
      id,
      who: String(r[c.Who!] ?? ''),
      details: prev ? `${prev.details}; ${details}` : details,
    });
  }
  const out: { table: string; problem: string }[] = [];
  const ids = new Map<string, Set<unknown>>();
  const idsOf = (table: string) => {
    let set = ids.get(table);
    if (!set)
      ids.set(
        table,
        (set = new Set(ctx.table(table as (typeof REPORT_SHEETS)[number]).records.map((x) => x.data.id))),
      );
    return set;
  };
  for (const { table, id, details } of last.values()) {
    if (!idsOf(table).has(id))
      out.push({
        table,
        problem: `${id} is no longer in the sheet (deleted by hand?); last known: ${details.slice(0, 300)}`,
      });
  }
  return out;
}

/** What the semester report is built from: every sheet it reads, read once, and their problems. */
export function reportInput(ctx: AddonContext): ReportInput {
  // Benefits (issue 13), when Set up has made the sheet: owed per sponsor, and its problems.
  const b = ctx.ss.getSheetByName('Benefits') ? ctx.table('Benefits') : null;
  const bProblems = b && [
    ...b.problems,
    ...b.records.flatMap((r) => r.problems.map((problem) => ({ row: r.row, problem }))),
  ];
  return {
    records: readRecords(ctx),
    ...(b ? { benefits: b.records } : {}),
    sheetProblems: { ...sheetProblems(ctx), ...(bProblems?.length ? { Benefits: bProblems } : {}) },
    settings: ctx.settings(),
    reportDate: ctx.today(),
    timeZone: ctx.timeZone,
  };
}

function readRecords(ctx: AddonContext): WorkbookRecords {
  return Object.fromEntries(
    REPORT_SHEETS.map((n) => [n, ctx.table(n).records]),
  ) as unknown as WorkbookRecords; // fromEntries loses the keys
}

/** Menu: Generate semester report. Returns the new Doc's id and link. */
export function menuGenerateReport(): GeneratedDocument | null {
  if (!menuAllowed('generateReport')) return null;
  requireConsent('documents');
  const ctx = new AddonContext();
  const settings = ctx.settings();
  const lang = settings.language;
  const progress = new Progress(lang, 'job.title.report', [
    msg(lang, 'job.step.read'),
    msg(lang, 'job.step.compute'),
    msg(lang, 'job.step.write'),
  ]);
  let built: ReturnType<typeof buildReport>;
  try {
    const input = reportInput(ctx);
    progress.step(1);
    built = buildReport(input);
  } catch (e) {
    if (e instanceof ReportError) {
      const text = msg(lang, e.key, { start: settings.semesterStart ?? '', end: settings.semesterEnd ?? '' });
      progress.failed(text);
      const ui = SpreadsheetApp.getUi();
      ui.alert(msg(lang, 'ui.reportTitle'), text, ui.ButtonSet.OK);
      return null;
    }
    progress.failed(e instanceof Error ? e.message : String(e));
    throw e;
  }
  progress.step(2);
  const name = documentFileName('report.fileName', lang, settings, ctx.today());
  const out = renderDocument(built.doc, settings.reportsFolderId, { name, replaceSameName: true });
  progress.done();
  const f = built.figures;
  const summary = [
    `${msg(lang, 'report.summary.cash')}: ${formatMoney(f.cash, settings.currency)}`,
    `${msg(lang, 'report.summary.inKind')}: ${formatMoney(f.inKind, settings.currency)}`,
    `${msg(lang, 'report.summary.expenses')}: ${formatMoney(f.expenses, settings.currency)}`,
    `${msg(lang, 'report.summary.net')}: ${formatMoney(f.net, settings.currency)}`,
  ];
  showLinkDialog(lang, out, settings.reportsFolderId, summary);
  return out;
}

/** Menu: Generate contact roster. Returns the new Doc's id and link. */
export function menuGenerateRoster(): GeneratedDocument | null {
  if (!menuAllowed('generateRoster')) return null;
  requireConsent('documents');
  const ctx = new AddonContext();
  const settings = ctx.settings();
  const lang = settings.language;
  const plan = withProgress(
    lang,
    'job.title.roster',
    [msg(lang, 'job.step.read'), msg(lang, 'job.step.write')],
    (progress) => {
      const p = planRoster({
        records: { Contacts: ctx.table('Contacts').records, Members: ctx.table('Members').records },
        settings,
        generatedOn: ctx.today(),
      });
      progress.step(1);
      const name = documentFileName('roster.fileName', lang, settings, ctx.today());
      const folder = settings.reportsFolderId;
      if ('whole' in p) return { out: renderDocument(p.whole, folder, { name, replaceSameName: true }) };
      // Too big for one Doc: one per Org Type first, then the index that links to them.
      const session = new DocumentSession(folder);
      const made = p.parts.map((part) =>
        session.render(part.doc, { name: `${name} — ${part.label}`, replaceSameName: true }),
      );
      const index = session.render(p.index(made.map((m) => m.url)), { name, replaceSameName: true });
      return { out: index, made };
    },
  );
  const folder = settings.reportsFolderId;
  if (!plan.made) {
    showLinkDialog(lang, plan.out, folder, []);
    return plan.out;
  }
  showLinkDialog(lang, plan.out, folder, [msg(lang, 'ui.rosterSplit', { n: plan.made.length })]);
  return { ...plan.out, parts: plan.made.map((m) => ({ id: m.id, url: m.url, name: m.name })) };
}

/** The file name of a generated Doc: the term (or its dates) and the day, in `lang`. */
export function documentFileName(
  key: Extract<MessageKey, 'report.fileName' | 'roster.fileName'>,
  lang: Lang,
  settings: { term: string; semesterStart?: string | null; semesterEnd?: string | null },
  day: Day,
): string {
  const dates =
    settings.semesterStart && settings.semesterEnd
      ? `${settings.semesterStart} – ${settings.semesterEnd}`
      : '—';
  return msg(lang, key, { term: settings.term.trim() || dates, date: day });
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function showLinkDialog(lang: Lang, out: GeneratedDocument, folderId: string, lines: string[]): void {
  const parts = [
    '<div style="font-family:Arial,sans-serif;font-size:14px;line-height:1.5">',
    `<p><a href="${escapeHtml(out.url)}" target="_blank" rel="noopener">${escapeHtml(msg(lang, 'ui.open', { name: out.name }))}</a></p>`,
  ];
  if (lines.length) parts.push(`<p style="color:#444">${lines.map(escapeHtml).join('<br>')}</p>`);
  if (out.folderError)
    parts.push(
      `<p style="color:#a33">${escapeHtml(msg(lang, 'ui.folderFailed', { id: folderId, error: out.folderError }))}</p>`,
    );
  else if (folderId.trim()) parts.push(`<p style="color:#444">${escapeHtml(msg(lang, 'ui.inFolder'))}</p>`);
  parts.push('</div>');
  const html = HtmlService.createHtmlOutput(parts.join(''))
    .setWidth(460)
    .setHeight(lines.length ? 230 : 140);
  SpreadsheetApp.getUi().showModalDialog(html, msg(lang, 'ui.docReady'));
}
