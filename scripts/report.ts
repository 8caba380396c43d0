/**
 * Writes the semester report and the contact roster of a workbook as .docx files, by
 * running the BUILT add-on (the same Code.js clasp pushes) in the local Apps Script runtime:
 * the menu functions "Generate semester report" and "Generate contact roster" create the
 * Docs through the emulated DocumentApp, then each Doc is exported to .docx.
 *
 * Usage: npm run report -- [workbook.xlsx] [--out DIR] [--today YYYY-MM-DD] [--tz ZONE]
 *   Without a workbook, the sample department is used. The files go to --out (default
 *   reports/, git-ignored) and their full paths are printed. The workbook is only read. --today fixes the report date (the
 *   day in the spreadsheet's time zone); --tz is the time zone of .xlsx files exported from
 *   Google Sheets (default Asia/Shanghai), which do not record one.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { instantOf, isValidDay } from '../src/domain/dates';
import { LocalGoogle } from '../src/local/backend';
import { documentToDocx } from '../src/local/docx';
import { readWorkbookFile, WorkbookFileError } from '../src/local/files';
import { LocalProject } from '../src/local/runtime';
import { buildSample } from '../src/local/sample';
import { getLocalDocument } from '../src/local/services/document';
import type { SpreadsheetModel } from '../src/local/services/spreadsheet';
import { build } from './build';

export interface ReportFiles {
  report: string;
  roster: string;
}

export async function writeReports(opts: {
  workbook?: string;
  outDir: string;
  today?: string;
  timeZone?: string;
}): Promise<ReportFiles> {
  const google = new LocalGoogle();
  let model: SpreadsheetModel;
  if (opts.workbook) {
    const read = await readWorkbookFile(opts.workbook, { timeZone: opts.timeZone ?? 'Asia/Shanghai' });
    if (!read.outreach)
      throw new WorkbookFileError(
        `${opts.workbook} is not an Outreach Desk workbook: it has no Members and Settings sheets (its sheets: ${read.model.sheets.map((s) => s.name).join(', ')}). Pass the department's workbook, or open this one in the workbench (npm start -- --workbook ${opts.workbook} --copy), run Outreach Desk ▸ Set up workbook, and report on the copy.`,
      );
    model = read.model;
    google.spreadsheets.set(model.id, model);
    if (read.documentProperties.size) google.documentProperties.set(model.id, read.documentProperties);
  } else {
    if (opts.today) google.setNow(instantOf(opts.today, opts.timeZone ?? 'Asia/Shanghai', 12));
    model = buildSample(google, { today: opts.today, timeZone: opts.timeZone });
  }
  // The report date is "today" in the spreadsheet's time zone: noon of that day there.
  if (opts.today) google.setNow(instantOf(opts.today, model.timeZone, 12));

  const dir = mkdtempSync(join(tmpdir(), 'outreach-build-'));
  await build(dir);
  const project = new LocalProject(dir);

  const out: Partial<ReportFiles> = {};
  mkdirSync(opts.outDir, { recursive: true });
  for (const [key, fn, file] of [
    ['report', 'menuGenerateReport', 'semester-report.docx'],
    ['roster', 'menuGenerateRoster', 'contact-roster.docx'],
  ] as const) {
    const r = project.run<{ id: string } | null>(google, fn, [], { spreadsheetId: model.id });
    if (!r.value) {
      const alert = google.ui.filter((u) => u.kind === 'alert').pop();
      throw new Error(`${fn} made no document${alert ? `: ${alert.message}` : ''}`);
    }
    const doc = getLocalDocument(google, r.value.id)!;
    const path = join(opts.outDir, file);
    writeFileSync(path, await documentToDocx(doc));
    out[key] = path;
    console.log(`${path}  "${doc.name}"  (${r.calls.total} service calls)`);
  }
  return out as ReportFiles;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const v = args[i + 1];
    args.splice(i, 2);
    if (!v) throw new Error(`${name} needs a value.`);
    return v;
  };
  try {
    const outDir = resolve(opt('--out') ?? 'reports');
    const today = opt('--today');
    const timeZone = opt('--tz');
    if (today && !isValidDay(today)) throw new Error(`--today "${today}" is not a date such as 2026-11-23.`);
    const workbook = args[0] ? resolve(args[0]) : undefined;
    await writeReports({ workbook, outDir, today, timeZone });
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  }
}
