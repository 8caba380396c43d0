/**
 * The workbench's care for a user's files: what a file is before anything reads it as a
 * workbook (an .xlsx, or an .ods, .xls, .csv, Word document, password-protected or damaged
 * file, each with a message saying what to do), whether an .xlsx is an Outreach Desk
 * workbook, the copy a foreign file is opened as, backups kept before the first write of a
 * session, atomic and flushed writes, and the lock that keeps one workbench per file.
 *
 * Every error meant for the user is a WorkbookFileError: its message names the file, says
 * what is wrong and what to do, and is printed without a stack trace.
 */
import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { copyFile, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import JSZip from 'jszip';
import { MEMBERS, SETTINGS } from '../domain/schema';
import type { SpreadsheetModel } from './services/spreadsheet';
import { type ReadXlsxOptions, readXlsxWithExtras } from './xlsx';

/** A problem with a user's file, told as the user should read it (no stack trace). */
export class WorkbookFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkbookFileError';
  }
}

export type FileKind =
  | 'xlsx'
  | 'empty'
  | 'damaged'
  | 'encrypted'
  | 'xls'
  | 'xlsb'
  | 'ods'
  | 'csv'
  | 'docx'
  | 'pptx'
  | 'odf'
  | 'zip'
  | 'other';

const quote = (path: string) => (/[\s"'$`\\]/.test(path) ? `"${path.replace(/(["$`\\])/g, '\\$1')}"` : path);

/** The command that converts `path` to an .xlsx next to it with LibreOffice. */
export function convertCommand(path: string): string {
  return `soffice --headless --convert-to xlsx --outdir ${quote(dirname(path))} ${quote(path)}`;
}

/** What the bytes are (not what the name says). */
export async function sniffBytes(data: Buffer): Promise<{ kind: FileKind; detail?: string }> {
  if (data.length === 0) return { kind: 'empty' };
  // OLE2 compound file: an old .xls, or an encrypted OOXML file (EncryptionInfo stream).
  if (data.length >= 8 && data.readUInt32BE(0) === 0xd0cf11e0 && data.readUInt32BE(4) === 0xa1b11ae1) {
    const names = data.toString('utf16le');
    if (names.includes('EncryptionInfo') || names.includes('EncryptedPackage')) return { kind: 'encrypted' };
    return { kind: 'xls' };
  }
  if (data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b) {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(data);
    } catch (e) {
      return { kind: 'damaged', detail: e instanceof Error ? e.message : String(e) };
    }
    const mimetype = zip.file('mimetype');
    if (mimetype) {
      const m = (await mimetype.async('string')).trim();
      if (m === 'application/vnd.oasis.opendocument.spreadsheet') return { kind: 'ods' };
      return { kind: 'odf', detail: m };
    }
    if (zip.file('xl/workbook.xml')) return { kind: 'xlsx' };
    if (zip.file('xl/workbook.bin')) return { kind: 'xlsb' };
    if (zip.file('word/document.xml')) return { kind: 'docx' };
    if (zip.file('ppt/presentation.xml')) return { kind: 'pptx' };
    // A workbook whose part is elsewhere (named in _rels/.rels).
    const rels = await zip.file('_rels/.rels')?.async('string');
    if (rels && /officeDocument[^>]*Target="\/?xl\//.test(rels)) return { kind: 'xlsx' };
    return { kind: 'zip' };
  }
  // Text: a CSV (or another text file) if it has no NUL bytes in its first 4 KB.
  const head = data.subarray(0, 4096);
  if (!head.includes(0)) return { kind: 'csv' };
  return { kind: 'other' };
}

/** The message for a file the .xlsx store cannot read, or null for an .xlsx. */
export function unreadableMessage(path: string, kind: FileKind, detail?: string): string | null {
  const convert = `Open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx), or convert it with LibreOffice: ${convertCommand(path)} — then use that .xlsx instead.`;
  switch (kind) {
    case 'xlsx':
      return null;
    case 'empty':
      return `${path} is empty (0 bytes): it is not a workbook. Delete it (the workbench then starts it from the sample department) or pass another file with --workbook.`;
    case 'damaged':
      return `${path} is damaged or incomplete (a truncated or corrupt .xlsx: ${detail ?? 'not a readable zip'}). It was not changed. Open it in Excel or LibreOffice to repair it and save it again, or use a backup (the workbench keeps ${backupPath(path)}).`;
    case 'encrypted':
      return `${path} is password-protected (encrypted), and Outreach Desk cannot read an encrypted workbook. Open it in Excel (File ▸ Info ▸ Protect Workbook ▸ Encrypt with Password, clear the password) or LibreOffice (File ▸ Save As, untick "Save with password"), save it as .xlsx and try again.`;
    case 'xls':
      return `${path} is an Excel 97–2003 workbook (.xls), which the .xlsx store cannot read. ${convert}`;
    case 'xlsb':
      return `${path} is an Excel binary workbook (.xlsb), which the .xlsx store cannot read. ${convert}`;
    case 'ods':
      return `${path} is an OpenDocument spreadsheet (.ods, LibreOffice), which the .xlsx store cannot read. ${convert}`;
    case 'csv':
      return `${path} is a text file (CSV?), not a workbook: it has no sheets, formats or validations. Import it into a spreadsheet (LibreOffice, Excel or Google Sheets) and save it as .xlsx, or convert it: ${convertCommand(path)}.`;
    case 'docx':
      return `${path} is a Word document, not a workbook. Pass an .xlsx workbook with --workbook (export one from Google Sheets: File ▸ Download ▸ Microsoft Excel).`;
    case 'pptx':
      return `${path} is a PowerPoint presentation, not a workbook. Pass an .xlsx workbook with --workbook.`;
    case 'odf':
      return `${path} is an OpenDocument file (${detail ?? 'not a spreadsheet'}), not a workbook. Pass an .xlsx workbook with --workbook.`;
    case 'zip':
      return `${path} is a zip archive but not an .xlsx workbook (it has no xl/workbook.xml). Pass an .xlsx workbook with --workbook.`;
    default:
      return `${path} is not a workbook (.xlsx). Pass an .xlsx workbook with --workbook (export one from Google Sheets: File ▸ Download ▸ Microsoft Excel).`;
  }
}

export interface OpenedWorkbook {
  model: SpreadsheetModel;
  documentProperties: Map<string, string>;
  /** Written by Outreach Desk (the workbench's own JSON is in the file). */
  ownFile: boolean;
  /** An Outreach Desk workbook: written by it, or has the contract's Members and Settings sheets. */
  outreach: boolean;
}

/** Is this workbook an Outreach Desk workbook (one the workbench may write in place)? */
export function isOutreachWorkbook(model: SpreadsheetModel, ownFile: boolean): boolean {
  return ownFile || (!!model.sheetByName(MEMBERS.name) && !!model.sheetByName(SETTINGS.name));
}

/** Reads a workbook file, or throws a WorkbookFileError saying what is wrong and what to do. */
export async function readWorkbookFile(path: string, opts: ReadXlsxOptions = {}): Promise<OpenedWorkbook> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new WorkbookFileError(`${path} does not exist.`);
    if (err.code === 'EISDIR') throw new WorkbookFileError(`${path} is a folder, not a workbook file.`);
    throw new WorkbookFileError(`${path} could not be read: ${ioReason(err)}.`);
  }
  const sniffed = await sniffBytes(data);
  const problem = unreadableMessage(path, sniffed.kind, sniffed.detail);
  if (problem) throw new WorkbookFileError(problem);
  let read: Awaited<ReturnType<typeof readXlsxWithExtras>>;
  try {
    read = await readXlsxWithExtras(data, { name: basename(path, extname(path)), ...opts });
  } catch (e) {
    if (e instanceof WorkbookFileError) throw new WorkbookFileError(`${path}: ${e.message}`);
    const reason = e instanceof Error ? e.message : String(e);
    throw new WorkbookFileError(
      `${path} could not be read as an .xlsx workbook (${reason}). It was not changed. Open it in Excel or LibreOffice and save it again as .xlsx, then try again.`,
    );
  }
  return { ...read, ownFile: read.ownFile, outreach: isOutreachWorkbook(read.model, read.ownFile) };
}

/** The message for a readable workbook that is not an Outreach Desk workbook. */
export function foreignMessage(path: string, model: SpreadsheetModel): string {
  const sheets = model.sheets.map((s) => s.name);
  return `${path} is not an Outreach Desk workbook (it has no ${MEMBERS.name} and ${SETTINGS.name} sheets; its sheets: ${sheets.join(', ') || 'none'}). The workbench never writes over it. To try Outreach Desk on it, open a copy: npm start -- --workbook ${quote(path)} --copy (the workbench then works in ${copyPath(path)}; the original stays as it is).`;
}

/** Human words for a file-system error. */
export function ioReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const why: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is exceeded',
    EACCES: 'permission denied (a read-only file or folder?)',
    EPERM: 'the operation is not permitted (is the file open in another program, or read-only?)',
    EROFS: 'the file system is read-only',
    EBUSY: 'the file is in use by another program (Excel?)',
    ENOENT: 'its folder no longer exists',
    EISDIR: 'a folder has that name',
    EIO: 'an input/output error',
  };
  const text = (err?.code && why[err.code]) || (err instanceof Error ? err.message : String(e));
  return err?.code && why[err.code] ? `${text} (${err.code})` : text;
}

// ------------------------------------------------------------------------------------
// Copies and backups

const stem = (path: string) => join(dirname(path), basename(path, extname(path)));

/** The copy a foreign file is opened as: `<name>.outreach.xlsx` next to it. */
export function copyPath(path: string): string {
  return `${stem(path)}.outreach.xlsx`;
}

/** The newest backup of `path`: `<name>.bak.xlsx`; older ones are `<name>.bak-2.xlsx`, … */
export function backupPath(path: string, n = 1): string {
  return n === 1 ? `${stem(path)}.bak.xlsx` : `${stem(path)}.bak-${n}.xlsx`;
}

/** How many backups are kept. */
export const BACKUPS_KEPT = 3;

/**
 * Keeps the current `path` as its newest backup, moving older ones down (the oldest beyond
 * BACKUPS_KEPT is dropped). Returns the backup's path, or null when `path` doesn't exist.
 */
export async function keepBackup(path: string): Promise<string | null> {
  if (!existsSync(path)) return null;
  await rm(backupPath(path, BACKUPS_KEPT), { force: true });
  for (let n = BACKUPS_KEPT - 1; n >= 1; n--)
    if (existsSync(backupPath(path, n))) await rename(backupPath(path, n), backupPath(path, n + 1));
  const dest = backupPath(path);
  await copyFile(path, dest);
  const fh = await open(dest, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
  return dest;
}

let tmpSeq = 0;

/** Writes `data` to `path` atomically: a temporary file beside it, flushed, then renamed. */
export async function writeFileAtomic(path: string, data: Buffer): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${++tmpSeq}.tmp`);
  try {
    const fh = await open(tmp, 'wx');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => {});
    throw e;
  }
  // The rename itself reaches the disk when the folder is flushed (not possible everywhere).
  try {
    const dir = await open(dirname(path), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // Windows can't open a folder; the rename is still atomic.
  }
}

/** Is the file there with some size? */
export async function fileSize(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size;
  } catch {
    return null;
  }
}

// ------------------------------------------------------------------------------------
// One workbench per file

interface LockInfo {
  pid: number;
  host: string;
  started: string;
  url?: string;
}

const held = new Set<string>();
let exitHook = false;

/** The lock file of a workbook: `<file>.lock` beside it. */
export function lockPath(path: string): string {
  return `${path}.lock`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface FileLock {
  path: string;
  /** Records where the owner can be reached (the workbench's URL). */
  update(url: string): void;
  release(): void;
}

/**
 * Takes the lock of `path` for this process, or throws a WorkbookFileError naming the
 * process that holds it. A lock left by a process that is gone is taken over.
 */
export function lockWorkbook(path: string): FileLock {
  const lp = lockPath(path);
  const info: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lp, 'wx');
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      held.add(lp);
      if (!exitHook) {
        exitHook = true;
        process.once('exit', () => {
          for (const p of held) {
            try {
              unlinkSync(p);
            } catch {
              // already gone
            }
          }
        });
      }
      return {
        path: lp,
        update(url: string) {
          if (!held.has(lp)) return;
          try {
            const tmp = `${lp}.${process.pid}.tmp`;
            const fd2 = openSync(tmp, 'w');
            writeSync(fd2, JSON.stringify({ ...info, url }));
            closeSync(fd2);
            renameSync(tmp, lp);
          } catch {
            // the lock still holds; only the URL is missing from it
          }
        },
        release() {
          if (!held.delete(lp)) return;
          rmSync(lp, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && !existsSync(dirname(path)))
        throw new WorkbookFileError(`${path} can't be opened: the folder ${dirname(path)} does not exist.`);
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new WorkbookFileError(
          `${path} can't be opened: its lock file ${lp} could not be created (${ioReason(e)}). Is the folder writable?`,
        );
      }
    }
    let other: Partial<LockInfo> = {};
    try {
      other = JSON.parse(readFileSync(lp, 'utf8'));
    } catch {
      // unreadable: someone is writing it, or it is damaged
    }
    const sameHost = other.host === undefined || other.host === hostname();
    const stale =
      typeof other.pid === 'number' &&
      sameHost &&
      (other.pid === process.pid ? !held.has(lp) : !alive(other.pid));
    if (!stale || attempt > 0) {
      const who =
        typeof other.pid === 'number'
          ? `process ${other.pid}${sameHost ? '' : ` on ${other.host}`}${other.started ? `, started ${other.started}` : ''}${other.url ? `, at ${other.url}` : ''}`
          : 'another process';
      throw new WorkbookFileError(
        `${path} is already open in another workbench (${who}). Two workbenches on one file would hand out the same IDs and lose each other's records. Use that workbench, or stop it (Ctrl+C in its terminal${typeof other.pid === 'number' && sameHost ? `, or kill ${other.pid}` : ''}) and start again. If no workbench is running, delete ${lp}.`,
      );
    }
    rmSync(lp, { force: true });
  }
  throw new WorkbookFileError(`${path}: could not take its lock ${lp}.`);
}
