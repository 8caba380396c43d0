/**
 * The workbook and its file: which file the workbench works in (the workbook or its copy),
 * the lock on it, reading it at start (or creating it from the sample), writing it back
 * after every change (atomically, after a backup at the session's first write), the save
 * error while writes fail, and at close the last try, or a rescue copy in the temp folder.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { LocalGoogle } from '../backend';
import {
  copyPath,
  type FileLock,
  foreignMessage,
  ioReason,
  keepBackup,
  lockWorkbook,
  readWorkbookFile,
  WorkbookFileError,
  writeFileAtomic,
} from '../files';
import type { SpreadsheetModel } from '../model/spreadsheet-model';
import { buildSample } from '../sample';
import { writeXlsxBuffer } from '../xlsx';

/** Where the workbook stands on disk. */
export interface SaveStatus {
  /** The file the workbench writes (the copy when working in one). */
  file: string;
  /** The file opened, when the workbench works in a copy of it. */
  copyOf: string | null;
  /** Changes not yet written to `file`. */
  unsaved: boolean;
  /** "Not saved to <file>: <reason>" while the last write failed. */
  error: string | null;
  /** The backup kept before this session's first write. */
  backup: string | null;
}

export interface CloseResult {
  /** Everything is in `file`. */
  saved: boolean;
  file: string;
  error?: string;
  /** Where unsaved changes were written instead, when `file` could not be. */
  rescued?: string;
}

export interface StoreOptions {
  /** The .xlsx opened; created from the sample when missing. */
  workbookPath: string;
  /** Work in `<name>.outreach.xlsx` next to it (continued when it exists). */
  copy?: boolean;
  /** Time zone for .xlsx files that don't record one. */
  timeZone?: string;
  /** Replaces the atomic write (tests inject failures). */
  writeFile?: (path: string, data: Buffer) => Promise<void>;
  log: (line: string) => void;
}

/** The workbook the workbench works on, and its file. */
export class WorkbookStore {
  /** The workbook (replaced by "Reset to sample"). */
  model: SpreadsheetModel;
  /** The file written: the workbook itself, or its copy. */
  readonly target: string;
  readonly original: string;
  private readonly lock: FileLock;
  // What is on disk: the file as read (nothing is written at start), or nothing yet.
  private savedModel: SpreadsheetModel | null;
  private savedRevision: number;
  private savedProps: string;
  private saving: Promise<void> = Promise.resolve();
  private saveError: string | null = null;
  private backedUp = false;
  private backup: string | null = null;
  private readonly write: (path: string, data: Buffer) => Promise<void>;

  private constructor(
    private readonly google: LocalGoogle,
    private readonly opts: StoreOptions,
    opened: { target: string; lock: FileLock; model: SpreadsheetModel; created: boolean },
  ) {
    this.original = opts.workbookPath;
    this.target = opened.target;
    this.lock = opened.lock;
    this.model = opened.model;
    this.savedModel = opened.created ? null : opened.model;
    this.savedRevision = opened.model.revision;
    this.savedProps = JSON.stringify([...this.props()]);
    this.write = opts.writeFile ?? writeFileAtomic;
  }

  /**
   * Locks the file (first, so a second workbench on the same file stops before reading it)
   * and reads it into `google`, or builds the sample when it doesn't exist (written at once:
   * there is nothing there to harm). A file it won't open rejects with a WorkbookFileError.
   */
  static async open(google: LocalGoogle, opts: StoreOptions): Promise<WorkbookStore> {
    const log = opts.log;
    const original = opts.workbookPath;
    const target = opts.copy ? copyPath(original) : original;
    const lock: FileLock = lockWorkbook(target);
    let model: SpreadsheetModel;
    let created = false;
    try {
      const readOpts = {
        name: basename(original, extname(original)),
        ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
      };
      const source = existsSync(target) ? target : original;
      if (existsSync(source)) {
        const read = await readWorkbookFile(source, readOpts);
        if (!read.outreach && !opts.copy) throw new WorkbookFileError(foreignMessage(source, read.model));
        model = read.model;
        google.spreadsheets.set(model.id, model);
        if (read.documentProperties.size) google.documentProperties.set(model.id, read.documentProperties);
        if (opts.copy)
          log(
            source === target
              ? `Working in ${target} (the copy of ${original} made earlier; delete it to start again from ${original}).`
              : `Working in a copy of ${original}: ${target} (written at the first change; ${original} stays as it is).`,
          );
        else if (!read.ownFile)
          log(
            `${original} was not written by Outreach Desk: the first change rewrites it without what the workbench doesn't keep (merges, fonts, borders, filters, conditional formats…). It is kept as a backup first; use --copy to leave it alone.`,
          );
      } else {
        if (opts.copy) throw new WorkbookFileError(`${original} does not exist: there is nothing to copy.`);
        model = buildSample(google, opts.timeZone ? { timeZone: opts.timeZone } : {});
        created = true;
      }
    } catch (e) {
      lock.release();
      throw e;
    }
    const store = new WorkbookStore(google, opts, { target, lock, model, created });
    if (created) await store.trySave();
    return store;
  }

  /** The document properties kept with the workbook (the ID high-water marks). */
  props(): Map<string, string> {
    return this.google.documentProperties.get(this.model.id) ?? new Map<string, string>();
  }

  unsaved(): boolean {
    return (
      this.savedModel !== this.model ||
      this.savedRevision !== this.model.revision ||
      this.savedProps !== JSON.stringify([...this.props()])
    );
  }

  /** "Not saved to <file>: <reason>" while the last write failed, else null. */
  get error(): string | null {
    return this.saveError;
  }

  status(): SaveStatus {
    return {
      file: this.target,
      copyOf: this.opts.copy ? this.original : null,
      unsaved: this.unsaved(),
      error: this.saveError,
      backup: this.backup,
    };
  }

  /**
   * Writes the workbook when it (or the document properties kept with it) changed since
   * the last write: atomically (a temporary file, flushed, then renamed). Before the first
   * write of the session the file on disk is kept as `<name>.bak.xlsx`. A failed write is
   * remembered (saveError) and tried again at the next save.
   */
  save(): Promise<boolean> {
    const log = this.opts.log;
    const target = this.target;
    const run = this.saving.then(async () => {
      const props = this.props();
      const propsText = JSON.stringify([...props]);
      if (
        this.savedModel === this.model &&
        this.savedRevision === this.model.revision &&
        this.savedProps === propsText
      )
        return false;
      const rev = this.model.revision;
      const current = this.model;
      try {
        const data = await writeXlsxBuffer(current, { documentProperties: props });
        if (!this.backedUp) {
          this.backup = await keepBackup(target);
          this.backedUp = true;
          if (this.backup) log(`Kept the previous ${target} as ${this.backup}.`);
        }
        await this.write(target, data);
      } catch (e) {
        const first = this.saveError === null;
        this.saveError = `Not saved to ${target}: ${ioReason(e)}`;
        if (first)
          log(`${this.saveError}. The changes are kept in the workbench; the next change tries again.`);
        throw new Error(this.saveError);
      }
      if (this.saveError) log(`Saved to ${target} again.`);
      this.saveError = null;
      this.savedModel = current;
      this.savedRevision = rev;
      this.savedProps = propsText;
      return true;
    });
    this.saving = run.then(
      () => {},
      () => {},
    );
    return run;
  }

  /** save() that reports a failure as saveError instead of throwing. */
  trySave(): Promise<boolean> {
    return this.save().catch(() => false);
  }

  /** The workbook as it is now, as .xlsx bytes (also when the file is behind). */
  bytes(): Promise<Buffer> {
    return writeXlsxBuffer(this.model, { documentProperties: this.props() });
  }

  /** Records the workbench's URL in the lock file (who holds the file, and where). */
  announce(url: string): void {
    this.lock.update(url);
  }

  /** Gives up the file lock (the server could not start). */
  release(): void {
    this.lock.release();
  }

  /**
   * At close: waits for a write under way, writes what is unsaved, and when the file can't
   * be written puts the changes in a file in the temp folder instead; releases the lock.
   */
  async close(): Promise<CloseResult> {
    const target = this.target;
    await this.saving;
    if (this.unsaved()) await this.trySave();
    if (!this.unsaved()) {
      this.lock.release();
      return { saved: true, file: target };
    }
    // The file can't be written: the changes go to a file in the temp folder instead.
    const error = this.saveError ?? `Not saved to ${target}`;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const rescue = join(tmpdir(), `${basename(target, extname(target))}.unsaved-${stamp}.xlsx`);
    let rescued: string | undefined;
    try {
      await writeFile(rescue, await this.bytes());
      rescued = rescue;
    } catch {
      // nowhere to put them
    }
    this.lock.release();
    return { saved: false, file: target, error, ...(rescued ? { rescued } : {}) };
  }
}
