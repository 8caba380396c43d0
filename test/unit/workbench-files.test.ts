/**
 * The workbench's care for files, without a browser: what a file is (and the message for
 * each kind the store can't read), backups, atomic writes, the one-workbench-per-file lock,
 * and the .xlsx store on files written by other programs — hand-built OOXML zips (jszip),
 * so these don't depend on exceljs writing what it reads.
 *
 * Then the workbench server on such files: a .docx, an .ods and a foreign .xlsx are
 * byte-for-byte unchanged after start, an edit and stop (the foreign one is worked on as a
 * copy, which holds the edit); nothing is written at start; the previous file is kept as a
 * backup before the first write; a failed write reaches the reply and the state, is tried
 * again, and stopping says where the unsaved changes went; a second workbench on the same
 * file is refused; a corrupt file gives its message; Set up stays idempotent across a save
 * and a reload.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import {
  BACKUPS_KEPT,
  backupPath,
  copyPath,
  keepBackup,
  lockPath,
  lockWorkbook,
  readWorkbookFile,
  WorkbookFileError,
  writeFileAtomic,
} from '../../src/local/files';
import { SpreadsheetModel } from '../../src/local/services/spreadsheet';
import { type RunReply, startWorkbench, type Workbench } from '../../src/local/workbench/server';
import { readXlsxWithExtras, writeXlsxBuffer } from '../../src/local/xlsx';
import { bundleDir } from '../support/bundle';

const dir = mkdtempSync(join(tmpdir(), 'od-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// ------------------------------------------------------------------ a minimal OOXML writer

interface SheetSpec {
  name: string;
  /** The <sheetData> rows. */
  rows: string;
  /** Before <sheetData> (sheetViews, cols). */
  before?: string;
  /** After <sheetData> (mergeCells, legacyDrawing). */
  after?: string;
  rels?: string;
}

/** An .xlsx as another program writes it: styles 1 = yyyy-mm-dd (id 164), 2 = bold. */
async function handBuiltXlsx(sheets: SheetSpec[], extraFiles: Record<string, string> = {}): Promise<Buffer> {
  const z = new JSZip();
  const ns = 'http://schemas.openxmlformats.org';
  z.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}${Object.keys(
      extraFiles,
    )
      .filter((f) => f.includes('comments'))
      .map(
        (f) =>
          `<Override PartName="/${f}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>`,
      )
      .join('')}</Types>`,
  );
  z.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  z.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
  );
  z.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${ns}/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  z.file(
    'xl/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${ns}/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>`,
  );
  sheets.forEach((s, i) => {
    z.file(
      `xl/worksheets/sheet${i + 1}.xml`,
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships">${s.before ?? ''}<sheetData>${s.rows}</sheetData>${s.after ?? ''}</worksheet>`,
    );
    if (s.rels) z.file(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, s.rels);
  });
  for (const [f, t] of Object.entries(extraFiles)) z.file(f, t);
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const str = (ref: string, text: string, style = '') =>
  `<c r="${ref}" t="inlineStr"${style ? ` s="${style}"` : ''}><is><t>${text}</t></is></c>`;

function file(name: string, data: Buffer | string): string {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
}

async function refusal(path: string): Promise<string> {
  try {
    await readWorkbookFile(path);
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookFileError);
    return (e as Error).message;
  }
  throw new Error(`${path} was read`);
}

// ------------------------------------------------------------------ what a file is

describe('files the .xlsx store cannot read are refused with what is wrong and what to do', () => {
  it('an .ods names LibreOffice’s conversion command', async () => {
    const z = new JSZip();
    z.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
    z.file('content.xml', '<office:document-content/>');
    const p = file('budget.ods', await z.generateAsync({ type: 'nodebuffer' }));
    const m = await refusal(p);
    expect(m).toContain(p);
    expect(m).toMatch(/OpenDocument spreadsheet \(\.ods/);
    expect(m).toContain(`soffice --headless --convert-to xlsx --outdir ${dir} ${p}`);
    expect(m).not.toMatch(/\n\s+at /);
  });

  it('a Word document, a CSV, an .xls, an empty file', async () => {
    const z = new JSZip();
    z.file('word/document.xml', '<w:document/>');
    z.file('[Content_Types].xml', '<Types/>');
    expect(
      await refusal(file('semester-report.docx', await z.generateAsync({ type: 'nodebuffer' }))),
    ).toMatch(/semester-report\.docx is a Word document, not a workbook/);
    expect(await refusal(file('members.csv', 'Name,Email\nAda,ada@x.org\n'))).toMatch(
      /members\.csv is a text file \(CSV\?\), not a workbook.*soffice --headless --convert-to xlsx/,
    );
    const xls = Buffer.alloc(1024);
    xls.writeUInt32BE(0xd0cf11e0, 0);
    xls.writeUInt32BE(0xa1b11ae1, 4);
    Buffer.from('Workbook', 'utf16le').copy(xls, 600);
    expect(await refusal(file('old.xls', xls))).toMatch(
      /old\.xls is an Excel 97–2003 workbook \(\.xls\).*soffice/,
    );
    expect(await refusal(file('blank.xlsx', ''))).toMatch(/blank\.xlsx is empty \(0 bytes\)/);
  });

  it('a password-protected .xlsx (an encrypted OLE package)', async () => {
    const enc = Buffer.alloc(2048);
    enc.writeUInt32BE(0xd0cf11e0, 0);
    enc.writeUInt32BE(0xa1b11ae1, 4);
    Buffer.from('EncryptionInfo', 'utf16le').copy(enc, 1100);
    Buffer.from('EncryptedPackage', 'utf16le').copy(enc, 1300);
    expect(await refusal(file('secret.xlsx', enc))).toMatch(/secret\.xlsx is password-protected/);
  });

  it('a truncated or corrupt .xlsx names the file and the backup, never a zip library’s bare error', async () => {
    const m = new SpreadsheetModel('id', 'W', 'Asia/Shanghai', 'en_US');
    m.addSheet('Members').set(1, 1, 'Member ID');
    const good = await writeXlsxBuffer(m);
    const cut = file('cut.xlsx', good.subarray(0, Math.floor(good.length / 2)));
    const msg = await refusal(cut);
    expect(msg).toMatch(/^.*cut\.xlsx is damaged or incomplete/);
    expect(msg).toContain(backupPath(cut));
    const noise = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(300, 7)]);
    expect(await refusal(file('noise.xlsx', noise))).toMatch(/noise\.xlsx is damaged or incomplete/);
  });

  it('an .xlsx is an Outreach workbook when written by Outreach Desk or with Members and Settings sheets', async () => {
    const foreign = file('grades.xlsx', await handBuiltXlsx([{ name: 'Grades', rows: '' }]));
    const r = await readWorkbookFile(foreign);
    expect(r.outreach).toBe(false);
    expect(r.ownFile).toBe(false);
    const exported = file(
      'exported.xlsx',
      await handBuiltXlsx([
        { name: 'Members', rows: `<row r="1">${str('A1', 'Member ID')}</row>` },
        { name: 'Settings', rows: '' },
      ]),
    );
    expect((await readWorkbookFile(exported)).outreach).toBe(true);
    expect(copyPath(foreign)).toBe(join(dir, 'grades.outreach.xlsx'));
  });
});

// ------------------------------------------------------------------ the store on other programs' files

describe('the .xlsx store keeps what other programs write', () => {
  it('notes written by openpyxl (comments part elsewhere, absolute targets)', async () => {
    const ns = 'http://schemas.openxmlformats.org';
    const buf = await handBuiltXlsx(
      [
        {
          name: 'Data',
          rows: `<row r="1">${str('A1', 'Name')}</row><row r="2">${str('B2', 'x')}</row>`,
          after: '<legacyDrawing r:id="anysvml"/>',
          rels: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="comment1" Target="/xl/comments/comment1.xml" Type="${ns}/officeDocument/2006/relationships/comments"/><Relationship Id="anysvml" Target="/xl/drawings/commentsDrawing1.vml" Type="${ns}/officeDocument/2006/relationships/vmlDrawing"/></Relationships>`,
        },
      ],
      {
        'xl/comments/comment1.xml': `<?xml version="1.0" encoding="UTF-8"?><comments xmlns="${ns}/spreadsheetml/2006/main"><authors><author>openpyxl</author></authors><commentList><comment ref="A1" authorId="0"><text><t>Who to call &amp; when</t></text></comment><comment ref="B2" authorId="0"><text><r><rPr><b/></rPr><t>Rich </t></r><r><t>note</t></r></text></comment></commentList></comments>`,
        'xl/drawings/commentsDrawing1.vml': '<xml xmlns:v="urn:schemas-microsoft-com:vml"></xml>',
      },
    );
    const { model } = await readXlsxWithExtras(buf);
    const s = model.sheetByName('Data')!;
    expect(s.notes.get('1,1')).toBe('Who to call & when');
    expect(s.notes.get('2,2')).toBe('Rich note');
    // And they survive our own round trip.
    const back = (await readXlsxWithExtras(await writeXlsxBuffer(model))).model.sheetByName('Data')!;
    expect(back.notes.get('1,1')).toBe('Who to call & when');
  });

  it('booleans LibreOffice writes as =TRUE() / =FALSE() are booleans, not formulas', async () => {
    const buf = await handBuiltXlsx([
      {
        name: 'Members',
        rows: `<row r="1">${str('A1', 'Active')}</row><row r="2"><c r="A2" t="b"><f>TRUE()</f><v>1</v></c></row><row r="3"><c r="A3" t="b"><f>FALSE()</f><v>0</v></c></row><row r="4"><c r="A4" t="b"><v>1</v></c></row>`,
      },
    ]);
    const s = (await readXlsxWithExtras(buf)).model.sheetByName('Members')!;
    expect([s.get(2, 1), s.get(3, 1), s.get(4, 1)]).toEqual([true, false, true]);
    expect(s.formulas.size).toBe(0);
  });

  it('a merged header cell in a contract sheet is an error naming it; elsewhere only its first cell keeps the text', async () => {
    const merged = await handBuiltXlsx([
      {
        name: 'Sponsors',
        rows: `<row r="1">${str('A1', 'Sponsor ID')}${str('B1', 'Contact')}<c r="C1"/></row>`,
        after: '<mergeCells count="1"><mergeCell ref="B1:C1"/></mergeCells>',
      },
    ]);
    const p = file('merged.xlsx', merged);
    const msg = await refusal(p);
    expect(msg).toContain(p);
    expect(msg).toMatch(/merged cells in header rows: Sponsors!B1:C1\..*Unmerge/);

    const other = await handBuiltXlsx([
      {
        name: 'Notes',
        rows: `<row r="1">${str('A1', 'Title')}<c r="B1"/><c r="C1"/></row>`,
        after: '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>',
      },
    ]);
    const s = (await readXlsxWithExtras(other)).model.sheetByName('Notes')!;
    expect([s.get(1, 1), s.get(1, 2), s.get(1, 3)]).toEqual(['Title', '', '']);
  });

  it('number formats of empty rows, of whole columns and a chosen yyyy-mm-dd are kept', async () => {
    const buf = await handBuiltXlsx([
      {
        name: 'Meetings',
        before: '<cols><col min="3" max="3" width="12" style="1" customWidth="1"/></cols>',
        rows: `<row r="1">${str('A1', 'When', '2')}</row><row r="2"><c r="A2" s="1"><v>46000</v></c></row><row r="3"><c r="A3" s="1"/></row><row r="40"><c r="A40" s="1"/></row>`,
      },
    ]);
    const s = (await readXlsxWithExtras(buf, { timeZone: 'Asia/Shanghai' })).model.sheetByName('Meetings')!;
    expect(s.numberFormats.get('2,1')).toBe('yyyy-mm-dd'); // on a date, from another program: kept
    expect(s.numberFormats.get('3,1')).toBe('yyyy-mm-dd'); // an empty row below the data
    expect(s.numberFormats.get('40,1')).toBe('yyyy-mm-dd');
    expect(s.numberFormats.get('500,3')).toBe('yyyy-mm-dd'); // a whole column's format
    expect(s.fontWeights.get('1,1')).toBe('bold');
  });

  it('our own files: a chosen yyyy-mm-dd survives, a date without a format stays without one', async () => {
    const m = new SpreadsheetModel('id', 'W', 'Asia/Shanghai', 'en_US');
    const s = m.addSheet('Ledger');
    s.set(2, 1, new Date('2026-03-01T00:00:00+08:00'));
    s.numberFormats.set('2,1', 'yyyy-mm-dd');
    s.set(2, 2, new Date('2026-03-01T00:00:00+08:00'));
    for (let r = 3; r <= 50; r++) s.numberFormats.set(`${r},1`, 'yyyy-mm-dd');
    const back = (await readXlsxWithExtras(await writeXlsxBuffer(m))).model.sheetByName('Ledger')!;
    expect(back.numberFormats.get('2,1')).toBe('yyyy-mm-dd');
    expect(back.numberFormats.has('2,2')).toBe(false);
    expect(back.numberFormats.get('50,1')).toBe('yyyy-mm-dd');
  });
});

// ------------------------------------------------------------------ backups, writes, locks

describe('backups, atomic writes and the lock', () => {
  it(`keepBackup keeps the last ${BACKUPS_KEPT} versions, newest as <name>.bak.xlsx`, async () => {
    const p = file('kept.xlsx', 'v1');
    for (const v of ['v2', 'v3', 'v4', 'v5']) {
      expect(await keepBackup(p)).toBe(backupPath(p));
      writeFileSync(p, v);
    }
    expect(readFileSync(backupPath(p), 'utf8')).toBe('v4');
    expect(readFileSync(backupPath(p, 2), 'utf8')).toBe('v3');
    expect(readFileSync(backupPath(p, 3), 'utf8')).toBe('v2');
    expect(existsSync(backupPath(p, 4))).toBe(false);
    expect(backupPath(p)).toBe(join(dir, 'kept.bak.xlsx'));
    expect(await keepBackup(join(dir, 'none.xlsx'))).toBeNull();
  });

  it('writeFileAtomic replaces the file and leaves no temporary file, also when it fails', async () => {
    const p = file('atomic.xlsx', 'old');
    await writeFileAtomic(p, Buffer.from('new'));
    expect(readFileSync(p, 'utf8')).toBe('new');
    await expect(writeFileAtomic(join(dir, 'no-such-dir', 'x.xlsx'), Buffer.from('x'))).rejects.toThrow();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a second lock on the same file is refused naming the process; a dead owner’s lock is taken over', () => {
    const p = join(dir, 'locked.xlsx');
    const lock = lockWorkbook(p);
    expect(() => lockWorkbook(p)).toThrow(
      new RegExp(`locked\\.xlsx is already open in another workbench \\(process ${process.pid}`),
    );
    lock.release();
    expect(existsSync(lockPath(p))).toBe(false);
    // A lock left by a process that has exited.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const pid = Number(gone.stdout.toString());
    writeFileSync(lockPath(p), JSON.stringify({ pid, host: hostname(), started: '' }));
    const again = lockWorkbook(p);
    expect(JSON.parse(readFileSync(lockPath(p), 'utf8')).pid).toBe(process.pid);
    again.release();
  });
});

// ------------------------------------------------------------------ the workbench on such files

const projectDir = bundleDir();

const open = (workbookPath: string, extra: Partial<Parameters<typeof startWorkbench>[0]> = {}) =>
  startWorkbench({ port: 0, workbookPath, projectDir, ...extra });

async function post<T = Record<string, unknown>>(wb: Workbench, path: string, body: unknown): Promise<T> {
  const res = await fetch(new URL(path, wb.url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as T;
}
const state = async (wb: Workbench) => (await (await fetch(new URL('/api/state', wb.url))).json()) as any;

async function refused(p: Promise<unknown>): Promise<string> {
  try {
    const wb = (await p) as Workbench;
    await wb.close();
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbookFileError);
    return (e as Error).message;
  }
  throw new Error('the workbench started');
}

/** A workbook another program wrote: a sheet of grades, bold header, a merge, a date. */
const foreignXlsx = () =>
  handBuiltXlsx([
    {
      name: 'Grades',
      rows: '<row r="1"><c r="A1" t="inlineStr" s="2"><is><t>Student</t></is></c><c r="B1" t="inlineStr"><is><t>Date</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Ada</t></is></c><c r="B2" s="1"><v>46000</v></c></row>',
      after: '<mergeCells count="1"><mergeCell ref="C5:D6"/></mergeCells>',
    },
  ]);

/** What Google Sheets exports for a department that hasn't run Set up everywhere. */
const exportedXlsx = () =>
  handBuiltXlsx([
    {
      name: 'Members',
      rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>Member ID</t></is></c><c r="B1" t="inlineStr"><is><t>Name</t></is></c><c r="C1" t="inlineStr"><is><t>Email</t></is></c><c r="D1" t="inlineStr"><is><t>Role</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>M-0001</t></is></c><c r="B2" t="inlineStr"><is><t>Li Ming</t></is></c><c r="C2" t="inlineStr"><is><t>li@example.edu</t></is></c><c r="D2" t="inlineStr"><is><t>Minister</t></is></c></row>',
    },
    { name: 'Settings', rows: '' },
  ]);

describe('files that are not Outreach workbooks', () => {
  it('a .docx and an .ods are refused and left byte-for-byte as they were, with or without --copy', async () => {
    const z = new JSZip();
    z.file('[Content_Types].xml', '<Types/>');
    z.file('word/document.xml', '<w:document/>');
    const docx = join(dir, 'semester-report.docx');
    writeFileSync(docx, await z.generateAsync({ type: 'nodebuffer' }));
    const o = new JSZip();
    o.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
    o.file('content.xml', '<office:document-content/>');
    const ods = join(dir, 'budget.ods');
    writeFileSync(ods, await o.generateAsync({ type: 'nodebuffer' }));
    for (const p of [docx, ods]) {
      const before = readFileSync(p);
      for (const copy of [false, true]) {
        const msg = await refused(open(p, { copy }));
        expect(msg).toContain(p);
        expect(readFileSync(p).equals(before)).toBe(true);
        expect(existsSync(copyPath(p))).toBe(false);
        expect(existsSync(lockPath(copy ? copyPath(p) : p))).toBe(false);
      }
    }
    expect(await refused(open(ods))).toMatch(/\.ods.*soffice --headless --convert-to xlsx/);
    expect(await refused(open(docx))).toMatch(/is a Word document, not a workbook/);
  });

  it('a foreign .xlsx is opened only with --copy; the original is unchanged after start, an edit and stop; the copy holds the edit', async () => {
    const p = join(dir, 'grades.xlsx');
    writeFileSync(p, await foreignXlsx());
    const before = readFileSync(p);
    const msg = await refused(open(p));
    expect(msg).toMatch(/grades\.xlsx is not an Outreach Desk workbook/);
    expect(msg).toContain('--copy');
    expect(msg).toContain(copyPath(p));

    const wb = await open(p, { copy: true });
    expect(wb.saveStatus.file).toBe(copyPath(p));
    // Nothing is written at start.
    expect(existsSync(copyPath(p))).toBe(false);
    const edit = await post(wb, '/api/cell', { sheet: 'Grades', row: 3, col: 1, text: 'Grace' });
    expect(edit.ok).toBe(true);
    expect(edit.saveError).toBeUndefined();
    expect(existsSync(copyPath(p))).toBe(true);
    expect((await wb.close()).saved).toBe(true);
    expect(readFileSync(p).equals(before)).toBe(true);
    const copy = (await readXlsxWithExtras(readFileSync(copyPath(p)))).model.sheetByName('Grades')!;
    expect([copy.get(1, 1), copy.get(2, 1), copy.get(3, 1)]).toEqual(['Student', 'Ada', 'Grace']);

    // Started again with --copy, the workbench continues in the copy.
    const again = await open(p, { copy: true });
    expect(again.google.spreadsheets.get(again.spreadsheetId)!.sheetByName('Grades')!.get(3, 1)).toBe(
      'Grace',
    );
    await again.close();
    expect(readFileSync(p).equals(before)).toBe(true);
  });

  it('a corrupt or truncated file gives its message, and the file is left alone', async () => {
    const p = join(dir, 'broken.xlsx');
    const good = await exportedXlsx();
    writeFileSync(p, good.subarray(0, good.length - 40));
    const before = readFileSync(p);
    expect(await refused(open(p))).toMatch(/broken\.xlsx is damaged or incomplete/);
    expect(readFileSync(p).equals(before)).toBe(true);
  });
});

describe('an Outreach workbook', () => {
  it('is not written at start; the previous file is kept as <name>.bak.xlsx before the first write', async () => {
    const p = join(dir, 'dept.xlsx');
    const first = await open(p); // created from the sample
    expect(existsSync(p)).toBe(true);
    expect((await first.close()).saved).toBe(true);
    const before = readFileSync(p);

    const wb = await open(p);
    expect(readFileSync(p).equals(before)).toBe(true);
    expect(existsSync(backupPath(p))).toBe(false);
    expect(wb.saveStatus.unsaved).toBe(false);
    await post(wb, '/api/cell', { sheet: 'Settings', row: 30, col: 1, text: 'a note' });
    expect(readFileSync(backupPath(p)).equals(before)).toBe(true);
    expect(readFileSync(p).equals(before)).toBe(false);
    expect(wb.saveStatus.backup).toBe(backupPath(p));
    await wb.close();
  });

  it('a second workbench on the same file is refused, naming the process that holds it', async () => {
    const p = join(dir, 'shared.xlsx');
    const a = await open(p);
    const msg = await refused(open(p));
    expect(msg).toMatch(
      new RegExp(`shared\\.xlsx is already open in another workbench \\(process ${process.pid}`),
    );
    expect(msg).toContain(a.url);
    await a.close();
    expect(existsSync(lockPath(p))).toBe(false);
    const b = await open(p);
    await b.close();
  });

  it('a failed write reaches the reply and the state, is retried at the next change, and close says where the changes are', async () => {
    const p = join(dir, 'full-disk.xlsx');
    writeFileSync(p, await exportedXlsx());
    let fail = true;
    const wb = await open(p, {
      writeFile: async (path, data) => {
        if (fail)
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        writeFileSync(path, data);
      },
    });
    // An execution (as google.script.run makes it) that changes the workbook.
    const run = await post<RunReply>(wb, '/api/run', { fn: 'menuSetUpWorkbook', args: [], source: 'run' });
    expect(run.ok).toBe(true);
    expect(run.saveError).toBe(`Not saved to ${p}: the disk is full (ENOSPC)`);
    expect(run.report.saved).toBe(false);
    const st = await state(wb);
    expect(st.save).toMatchObject({ file: p, unsaved: true, error: run.saveError });
    const cell = await post(wb, '/api/cell', { sheet: 'Settings', row: 40, col: 1, text: 'x' });
    expect(cell.saveError).toBe(run.saveError);

    // The next change writes everything.
    fail = false;
    const ok = await post(wb, '/api/cell', { sheet: 'Settings', row: 41, col: 1, text: 'y' });
    expect(ok.saveError).toBeUndefined();
    expect((await state(wb)).save).toMatchObject({ unsaved: false, error: null });
    const written = (await readXlsxWithExtras(readFileSync(p))).model;
    expect(written.sheetByName('Sponsors')).toBeTruthy(); // what Set up made
    expect(written.sheetByName('Settings')!.get(41, 1)).toBe('y');

    // Unsaved at stop: said, and written elsewhere.
    fail = true;
    await post(wb, '/api/cell', { sheet: 'Settings', row: 42, col: 1, text: 'z' });
    const closed = await wb.close();
    expect(closed.saved).toBe(false);
    expect(closed.error).toMatch(/^Not saved to .*full-disk\.xlsx: the disk is full/);
    expect(closed.rescued).toBeTruthy();
    const rescued = (await readXlsxWithExtras(readFileSync(closed.rescued!))).model;
    expect(rescued.sheetByName('Settings')!.get(42, 1)).toBe('z');
    rmSync(closed.rescued!);
    expect(existsSync(lockPath(p))).toBe(false);
  });

  it('save → reload → Set up changes nothing (number formats of empty rows are kept)', async () => {
    const p = join(dir, 'setup.xlsx');
    writeFileSync(p, await exportedXlsx());
    const wb = await open(p);
    const first = await post<RunReply>(wb, '/api/run', { fn: 'menuSetUpWorkbook', args: [], source: 'menu' });
    expect(first.ok).toBe(true);
    expect(first.ui.find((u) => u.kind === 'alert')?.message).not.toMatch(/nothing was changed/i);
    await wb.close();

    const again = await open(p);
    const model = again.google.spreadsheets.get(again.spreadsheetId)!;
    const rev = model.revision;
    const second = await post<RunReply>(again, '/api/run', {
      fn: 'menuSetUpWorkbook',
      args: [],
      source: 'menu',
    });
    expect(second.ui.find((u) => u.kind === 'alert')?.message).toMatch(/nothing was changed/i);
    expect(model.revision).toBe(rev);
    // A date typed into an empty row below the data shows as a day, not as 12/1/2026 0:00:00.
    const meetings = model.sheetByName('Meetings')!;
    const dateCol = [...Array(meetings.lastColumn()).keys()].find((c) =>
      /date/i.test(String(meetings.get(1, c + 1))),
    )!;
    expect(meetings.numberFormats.get(`900,${dateCol + 1}`)).toMatch(/^yyyy-mm-dd/);
    expect(meetings.numberFormats.get(`900,${dateCol + 1}`)).toBe(
      meetings.numberFormats.get(`2,${dateCol + 1}`),
    );
    await again.close();
  });
});
