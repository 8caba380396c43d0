/**
 * "Generate semester report" and "Generate contact roster" run from the BUILT bundle in the
 * local runtime: the Docs exist with their sections, the figures they state match figures
 * computed here straight from the sheet cells, the Doc lands in the Reports folder, the link
 * is shown, the .docx and HTML exports keep text literal, and the number of service calls
 * does not grow with the workbook.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeReports } from '../../scripts/report';
import { LocalGoogle } from '../../src/local/backend';
import { documentToHtml } from '../../src/local/dochtml';
import { documentToDocx } from '../../src/local/docx';
import { LocalProject } from '../../src/local/runtime';
import { buildSample } from '../../src/local/sample';
import {
  createLocalFolder,
  documentText,
  getLocalDocument,
  type LocalDocument,
  listDocuments,
} from '../../src/local/services/document';
import type { SpreadsheetModel } from '../../src/local/services/spreadsheet';
import { writeXlsx } from '../../src/local/xlsx';
import { run as execution } from '../conformance/fixture';
import { bundleDir } from '../support/bundle';
import { progressOf } from '../support/progress';
import { rows, shDay } from '../support/sheet-rows';
import { FORMULA_TEXT, fixtureSpreadsheet, HTML_TEXT, shanghai, yuan } from '../unit/report-fixture';

process.env.TZ = 'UTC';
const TODAY = '2026-11-23';
let project: LocalProject;

beforeAll(() => {
  project = new LocalProject(bundleDir());
});

function sample(scale = 1) {
  const google = new LocalGoogle();
  google.setNow(shanghai(TODAY, 10));
  const ss = buildSample(google, { scale, today: TODAY });
  return { google, ss };
}

function run(google: LocalGoogle, ss: SpreadsheetModel, fn: string) {
  const r = project.run<{ id: string; url: string; name: string; folderError?: string } | null>(
    google,
    fn,
    [],
    {
      spreadsheetId: ss.id,
    },
  );
  const doc = r.value ? getLocalDocument(google, r.value.id) : null;
  return { ...r, doc, text: doc ? documentText(doc) : '', lines: doc ? documentText(doc).split('\n') : [] };
}

// ---- the test's own reading of the sheet cells ------------------------------------------
function setting(ss: SpreadsheetModel, name: string) {
  return rows(ss, 'Settings').find((r) => r.Setting === name)!.Value;
}
function setSetting(ss: SpreadsheetModel, name: string, value: string) {
  const sh = ss.sheetByName('Settings')!;
  const row = sh.cells.find((r) => r[0] === name)!;
  row[1] = value;
}

describe('bundle: Generate semester report', () => {
  it('creates a Doc with every section, and figures that match the sheet cells', () => {
    const { google, ss } = sample();
    const r = run(google, ss, 'menuGenerateReport');
    expect(r.doc).not.toBeNull();
    expect(listDocuments(google)).toHaveLength(1);
    expect(r.doc!.name).toBe(`Semester report — ${setting(ss, 'Term')} — ${TODAY}`);
    for (const h of [
      '1. Summary',
      'Money raised per month',
      '2. Sponsors',
      '3. Events',
      '4. Sponsor pipeline',
      '5. Department meetings and attendance',
      '6. Outside work per member',
      `7. Contacts overdue on ${TODAY}`,
      '8. Ledger entries still pending',
      '9. Open follow-ups for the next term',
      '10. Outstanding members',
    ])
      expect(r.lines).toContain(h);
    expect(r.doc!.body.some((e) => e.type === 'PARAGRAPH' && e.image?.contentType === 'image/png')).toBe(
      true,
    );

    const start = shDay(setting(ss, 'Semester start'));
    const end = shDay(setting(ss, 'Semester end'));
    const ledger = rows(ss, 'Ledger').filter((e) => shDay(e.Date) >= start && shDay(e.Date) <= end);
    const sum = (type: string) =>
      ledger.filter((e) => e.Type === type).reduce((s, e) => s + Number(e.Amount), 0);
    expect(sum('Income')).toBeGreaterThan(0);
    expect(r.lines).toContain(`Cash received\t${yuan(sum('Income'))}`);
    expect(r.lines).toContain(`In-kind value\t${yuan(sum('In-kind'))}`);
    expect(r.lines).toContain(`Expenses\t${yuan(sum('Expense'))}`);
    expect(r.lines).toContain(`Net (cash received − expenses)\t${yuan(sum('Income') - sum('Expense'))}`);
    const pending = rows(ss, 'Ledger').filter((e) => e.Status === 'Pending');
    expect(r.lines).toContain(
      `Pending ledger entries\t${pending.length} · ${yuan(pending.reduce((s, e) => s + Number(e.Amount), 0))}`,
    );
    const held = rows(ss, 'Meetings').filter(
      (m) =>
        m.Type === 'Department Meeting' &&
        m.Status === 'Done' &&
        shDay(m.Date) >= start &&
        shDay(m.Date) <= end,
    );
    expect(r.text).toContain(`Department meetings held in the term: ${held.length}.`);
    // Stages: the pipeline counts every sponsor row.
    const sponsors = rows(ss, 'Sponsors');
    expect(r.lines).toContain(
      `Negotiating\t${sponsors.filter((s) => s.Stage === 'Negotiating').length}\t${yuan(
        sponsors.filter((s) => s.Stage === 'Negotiating').reduce((a, s) => a + (Number(s.Pledged) || 0), 0),
      )}`,
    );
  });

  it('shows its progress in a dialog while it works, then a dialog with the link', () => {
    const { google, ss } = sample();
    const r = run(google, ss, 'menuGenerateReport');
    const dialogs = google.ui.filter((u) => u.kind === 'dialog');
    // First the progress dialog (it asks jobStatus while the work goes on), last the link.
    const { title, status } = progressOf(google, project, ss.id);
    expect(dialogs[0]!.title).toBe(title);
    expect(title).toBe('Generating the semester report');
    expect(status).toMatchObject({
      steps: ['Reading the workbook', 'Counting the figures', 'Writing the document'],
      at: 3,
      state: 'done',
    });
    const dialog = dialogs.at(-1)!;
    expect(dialog.title).toBe('Your document is ready');
    expect(dialog.html).toContain(`href="https://docs.google.com/document/d/${r.doc!.id}/edit"`);
  });

  it('moves the Doc into the Reports folder; an unusable folder ID leaves it in My Drive and says so', () => {
    const { google, ss } = sample();
    const folder = createLocalFolder(google, 'Reports');
    setSetting(ss, 'Reports folder ID', folder);
    const r = run(google, ss, 'menuGenerateReport');
    expect(google.files.get(r.doc!.id)!.parents).toEqual([folder]);

    setSetting(ss, 'Reports folder ID', 'no-such-folder');
    const r2 = run(google, ss, 'menuGenerateReport');
    expect(r2.doc).not.toBeNull();
    expect(google.files.get(r2.doc!.id)!.parents).toEqual(['root']);
    expect(google.ui.filter((u) => u.kind === 'dialog').pop()!.html).toContain('no-such-folder');
  });

  it('asks for the term dates instead of making a Doc when they are missing', () => {
    const { google, ss } = sample();
    setSetting(ss, 'Semester end', '');
    const r = run(google, ss, 'menuGenerateReport');
    expect(r.value).toBeNull();
    expect(listDocuments(google)).toHaveLength(0);
    const alert = google.ui.filter((u) => u.kind === 'alert').pop()!;
    expect(alert.title).toBe('Generate semester report');
    expect(alert.message).toMatch(/Semester end/);
    // The progress dialog says where it stopped, and why.
    const { status } = progressOf(google, project, ss.id);
    expect(status.state).toBe('failed');
    expect(status.at).toBe(1);
    expect(status.error).toBe(alert.message);
  });

  it('a Shanghai workbook with formula-like and HTML-like text: literal in the Doc, the .docx and the preview', async () => {
    const google = new LocalGoogle();
    google.setNow(shanghai(TODAY, 10));
    const ss = fixtureSpreadsheet(google);
    const r = run(google, ss, 'menuGenerateReport');
    expect(r.lines).toContain(`Cash received\t${yuan(1000.5 + 2000 + 50 + 10)}`);
    expect(r.text).toContain(FORMULA_TEXT);
    expect(r.text).toContain(HTML_TEXT);

    const html = documentToHtml(r.doc!);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>x');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('=SUM(A1)');

    const xml = await docxXml(r.doc!);
    expect(xml).toContain('&lt;b&gt;x&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).toContain('=SUM(A1)');
    expect(xml).toContain('李明');
    expect(xml).toContain('w:eastAsia="Microsoft YaHei"');
  });
});

describe('bundle: one Doc per day — the same day’s previous one goes to the trash', () => {
  const made = (google: LocalGoogle, ss: SpreadsheetModel) =>
    JSON.parse(google.documentProperties.get(ss.id)?.get('od.documents.made') ?? '[]') as string[];

  it('names both Docs with the term and the day (the spreadsheet’s), in the department’s language', () => {
    const { google, ss } = sample();
    // 2026-11-23 18:30 UTC is already the 24th in Shanghai.
    google.setNow(new Date('2026-11-23T18:30:00Z'));
    const term = String(setting(ss, 'Term'));
    expect(run(google, ss, 'menuGenerateReport').doc!.name).toBe(`Semester report — ${term} — 2026-11-24`);
    expect(run(google, ss, 'menuGenerateRoster').doc!.name).toBe(`Contact roster — ${term} — 2026-11-24`);
    setSetting(ss, 'Language', 'zh');
    expect(run(google, ss, 'menuGenerateReport').doc!.name).toBe(`学期工作报告 — ${term} — 2026-11-24`);
    expect(run(google, ss, 'menuGenerateRoster').doc!.name).toBe(`联系人名录 — ${term} — 2026-11-24`);
  });

  it('regenerating the same day trashes the add-on’s previous Doc of that name, in My Drive and in the Reports folder', () => {
    const { google, ss } = sample();
    const first = run(google, ss, 'menuGenerateReport').value!;
    const roster = run(google, ss, 'menuGenerateRoster').value!;
    // A Doc of the same name a member made by hand is not the add-on's: left alone.
    const own = execution(google, { spreadsheetId: ss.id }).g.DocumentApp.create(first.name).getId();
    const second = run(google, ss, 'menuGenerateReport').value!;
    expect(second.name).toBe(first.name);
    expect(google.files.get(first.id)!.trashed).toBe(true);
    expect(google.documents.has(first.id)).toBe(true); // trashed, never deleted
    expect(google.files.get(second.id)!.trashed).toBeFalsy();
    expect(google.files.get(own)!.trashed).toBeFalsy();
    expect(google.files.get(roster.id)!.trashed).toBeFalsy(); // another name
    expect(made(google, ss)).toEqual([roster.id, second.id]);

    // In the Reports folder: the copy there is replaced; the one left in My Drive is not.
    const folder = createLocalFolder(google, 'Reports');
    setSetting(ss, 'Reports folder ID', folder);
    const inFolder = run(google, ss, 'menuGenerateReport').value!;
    expect(google.files.get(inFolder.id)!.parents).toEqual([folder]);
    expect(google.files.get(second.id)!.trashed).toBeFalsy();
    const again = run(google, ss, 'menuGenerateReport').value!;
    expect(google.files.get(inFolder.id)!.trashed).toBe(true);
    expect(google.files.get(again.id)!.parents).toEqual([folder]);
    expect(google.files.get(second.id)!.trashed).toBeFalsy();

    // The next day: a new name, yesterday's Doc stays.
    google.setNow(shanghai('2026-11-24', 10));
    const tomorrow = run(google, ss, 'menuGenerateReport').value!;
    expect(tomorrow.name).toMatch(/— 2026-11-24$/);
    expect(google.files.get(again.id)!.trashed).toBeFalsy();
  });

  // developers.google.com/apps-script/reference/drive/file#settrashedtrashed: "Sets whether the
  // File is in the trash of the user's Drive" — a trashed file is not deleted and can be
  // restored; Folder.getFilesByName (…/drive/folder#getFilesByName(String)) gives the
  // folder's files of exactly that name, not those in the trash.
  it('conformance: Folder.getFilesByName and File.setTrashed / isTrashed', () => {
    const { google, ss } = sample();
    const { g } = execution(google, { spreadsheetId: ss.id });
    const a = g.DocumentApp.create('Same name').getId();
    const b = g.DocumentApp.create('Same name').getId();
    g.DocumentApp.create('Same name, longer');
    const root = g.DriveApp.getRootFolder();
    const ids = (it: { hasNext(): boolean; next(): { getId(): string } }) => {
      const out: string[] = [];
      while (it.hasNext()) out.push(it.next().getId());
      return out;
    };
    expect(ids(root.getFilesByName('Same name')).sort()).toEqual([a, b].sort());
    const file = g.DriveApp.getFileById(a);
    expect(file.isTrashed()).toBe(false);
    expect(file.setTrashed(true)).toBe(file); // chains, as File does
    expect(file.isTrashed()).toBe(true);
    expect(ids(root.getFilesByName('Same name'))).toEqual([b]);
    expect(google.documents.has(a)).toBe(true);
    g.DriveApp.getFileById(b).setTrashed(true);
    expect(root.getFilesByName('Same name').hasNext()).toBe(false);
  });
});

async function docxXml(doc: LocalDocument): Promise<string> {
  const zip = await JSZip.loadAsync(await documentToDocx(doc));
  return zip.file('word/document.xml')!.async('string');
}

describe('bundle: Generate contact roster', () => {
  it('creates a Doc with every contact grouped by Org Type, then the members', async () => {
    const { google, ss } = sample();
    const r = run(google, ss, 'menuGenerateRoster');
    expect(r.doc).not.toBeNull();
    const contacts = rows(ss, 'Contacts');
    const members = rows(ss, 'Members');
    for (const t of new Set(contacts.map((c) => String(c['Org Type'])))) {
      expect(r.lines).toContain(`${t} (${contacts.filter((c) => c['Org Type'] === t).length})`);
    }
    for (const c of contacts) expect(r.text).toContain(`\t${c.Name}\t`);
    expect(r.lines).toContain(`Department members (${members.length})`);
    expect(r.doc!.header!.map((e) => ('text' in e ? e.text : '')).join('')).toContain(
      String(setting(ss, 'Term')),
    );
    expect(r.text).toContain('Generated 23 November 2026');
    const xml = await docxXml(r.doc!);
    expect(xml).toContain(String(members[0]!.Name));
  });
});

describe('npm run report', () => {
  it('writes both .docx files from an .xlsx workbook, with the same figures as the workbook itself', async () => {
    const { google, ss } = sample();
    const dir = mkdtempSync(join(tmpdir(), 'od-report-'));
    await writeXlsx(ss, join(dir, 'workbook.xlsx'));
    const direct = run(google, ss, 'menuGenerateReport').lines.find((l) => l.startsWith('Cash received\t'))!;
    const files = await writeReports({
      workbook: join(dir, 'workbook.xlsx'),
      outDir: join(dir, 'out'),
      today: TODAY,
    });
    expect(existsSync(files.report) && existsSync(files.roster)).toBe(true);
    const zip = await JSZip.loadAsync(readFileSync(files.report));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain(direct.split('\t')[1]!);
    const roster = await (await JSZip.loadAsync(readFileSync(files.roster)))
      .file('word/document.xml')!
      .async('string');
    expect(roster).toContain('Department members');
  }, 120_000);
});

describe('bundle: service calls do not grow with the data', () => {
  it('same number of calls at 1×, 10× and 100× the sample workbook', () => {
    const counts: Record<string, number[]> = { report: [], roster: [] };
    for (const scale of [1, 10, 100]) {
      const { google, ss } = sample(scale);
      counts.report!.push(run(google, ss, 'menuGenerateReport').calls.total);
      counts.roster!.push(run(google, ss, 'menuGenerateRoster').calls.total);
    }
    console.log(`service calls at 1×/10×/100×: report ${counts.report}, roster ${counts.roster}`);
    expect(new Set(counts.report).size).toBe(1);
    expect(new Set(counts.roster).size).toBe(1);
  }, 120_000);
});
