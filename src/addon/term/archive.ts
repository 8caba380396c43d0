/**
 * Start new term: the archive. A copy of the whole workbook named `<Term> archive`
 * (Spreadsheet.copy), moved into the Reports folder when Settings names one, read back and
 * compared with the workbook — every sheet's row count and IDs — before anything is removed;
 * plus the closing term's semester report and contact roster (documents.ts renders them).
 *
 * References: developers.google.com/apps-script/reference/spreadsheet/spreadsheet#copy(String),
 * .../spreadsheet/spreadsheet-app#openById(String), .../drive/drive-app#getFileById(String),
 * .../drive/file#moveTo(Folder).
 */
import { type Lang, msg } from '../../domain/i18n';
import { buildReport, ReportError } from '../../domain/report';
import { buildRoster } from '../../domain/roster';
import { idField, TABLES } from '../../domain/schema';
import { compareSnapshots, type SheetSnapshot } from '../../domain/term';
import type { AddonContext } from '../context';
import { documentFileName, reportInput } from '../documents';
import { headerRow } from '../gateway';
import { type GeneratedDocument, renderDocument } from '../render';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Column (0-based) of each table's ID header in a header row, or -1. */
function idColumn(sheetName: string, header: readonly unknown[]): number {
  const def = TABLES.find((t) => t.name === sheetName);
  const f = def ? idField(def) : undefined;
  if (!f) return -1;
  const want = f.header.trim().toLowerCase();
  return header.findIndex(
    (h) =>
      String(h ?? '')
        .trim()
        .toLowerCase() === want,
  );
}

/**
 * Every sheet's row count and, for the tables, the IDs in sheet order: per sheet its last
 * row, header row and ID column (a fixed number of calls a sheet).
 */
export function snapshot(ss: Spreadsheet): SheetSnapshot[] {
  return ss.getSheets().map((sh) => {
    const rows = sh.getLastRow();
    const col = rows > 1 ? idColumn(sh.getName(), headerRow(sh)) : -1;
    const ids =
      col >= 0
        ? sh
            .getRange(2, col + 1, rows - 1, 1)
            .getValues()
            .map((r) => String(r[0] ?? '').trim())
        : [];
    return { sheet: sh.getName(), rows, ids };
  });
}

export interface Archive {
  id: string;
  url: string;
  name: string;
  ss: Spreadsheet;
  /** Set when the Reports folder could not be used (the copy stays in My Drive). */
  folderError?: string;
}

/** Copies the workbook as `name`, into the folder when one is set. */
export function copyWorkbook(ss: Spreadsheet, name: string, folderId: string): Archive {
  const copy = ss.copy(name);
  const out: Archive = { id: copy.getId(), url: copy.getUrl(), name, ss: copy };
  if (folderId.trim()) {
    try {
      DriveApp.getFileById(out.id).moveTo(DriveApp.getFolderById(folderId.trim()));
    } catch (e) {
      out.folderError = e instanceof Error ? e.message : String(e);
    }
  }
  return out;
}

/**
 * Reads the archive back (opened by id, as a separate spreadsheet) and compares it with
 * what the workbook held when it was copied: [] when they match, else what differs.
 */
export function verifyArchive(archive: Archive, before: readonly SheetSnapshot[]): string[] {
  const back = snapshot(SpreadsheetApp.openById(archive.id));
  return compareSnapshots(before, back);
}

/** The archived rows of a table by ID (the archive read once), for comparing before removing. */
export function archivedRows(archive: Archive, sheetName: string): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  const sh = archive.ss.getSheetByName(sheetName);
  if (!sh || sh.getLastRow() < 2) return out;
  const values = sh.getRange(1, 1, sh.getLastRow(), Math.max(1, sh.getLastColumn())).getValues();
  const col = idColumn(sheetName, values[0] ?? []);
  if (col < 0) return out;
  for (const row of values.slice(1)) {
    const id = String(row[col] ?? '')
      .trim()
      .toUpperCase();
    if (id) out.set(id, row);
  }
  return out;
}

export interface TermDocuments {
  report: GeneratedDocument | null;
  roster: GeneratedDocument;
  notes: string[];
}

/** The closing term's semester report and contact roster, from the workbook before any change. */
export function writeTermDocuments(ctx: AddonContext, lang: Lang): TermDocuments {
  const settings = ctx.settings();
  const folder = settings.reportsFolderId;
  const notes: string[] = [];
  let report: GeneratedDocument | null = null;
  try {
    const built = buildReport(reportInput(ctx));
    report = renderDocument(built.doc, folder, {
      name: documentFileName('report.fileName', lang, settings, ctx.today()),
      replaceSameName: true,
    });
  } catch (e) {
    if (!(e instanceof ReportError)) throw e;
    notes.push(
      msg(lang, 'term.done.reportFailed', {
        error: msg(lang, e.key, { start: settings.semesterStart ?? '', end: settings.semesterEnd ?? '' }),
      }),
    );
  }
  const roster = renderDocument(
    buildRoster({
      records: { Contacts: ctx.table('Contacts').records, Members: ctx.table('Members').records },
      settings,
      generatedOn: ctx.today(),
    }),
    folder,
    { name: documentFileName('roster.fileName', lang, settings, ctx.today()), replaceSameName: true },
  );
  return { report, roster, notes };
}
