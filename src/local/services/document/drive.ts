/**
 * DriveApp, emulated: files and folders of the local Google by id, the root folder, new
 * folders, a file's parents, moveTo and trash, and the iterators of a folder's files and
 * folders. A Google Doc is a file here, so renaming either renames both; so is a
 * spreadsheet (MIME type application/vnd.google-apps.spreadsheet, in My Drive until moved),
 * whose file is made the first time DriveApp is asked for its id.
 * https://developers.google.com/apps-script/reference/drive/drive-app
 * https://developers.google.com/apps-script/reference/drive/file
 * https://developers.google.com/apps-script/reference/drive/folder
 * https://developers.google.com/apps-script/reference/drive/file-iterator
 */
import type { DriveFileModel } from '../../backend';
import { GasError } from '../../errors';
import type { ServiceHost } from '../../host';
import { createLocalFolder, DOC_MIME, FOLDER_MIME, getLocalDocument } from './model';
import { checkText } from './session';

/** https://developers.google.com/drive/api/guides/mime-types */
export const SHEET_MIME = 'application/vnd.google-apps.spreadsheet';

const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

/** How Apps Script names a JavaScript argument's type in a signature message. */
function paramType(a: unknown): string {
  if (typeof a === 'string') return 'String';
  if (typeof a === 'number') return 'number';
  if (typeof a === 'boolean') return 'Boolean';
  if (a === undefined) return 'undefined';
  return 'Object';
}

/** My Drive's record, made the first time anything asks for it. */
function rootFolder(x: ServiceHost): DriveFileModel {
  let root = x.google.files.get('root');
  if (!root) {
    root = {
      id: 'root',
      name: 'My Drive',
      mimeType: FOLDER_MIME,
      parents: [],
      owner: x.user,
      createdAt: x.google.now(),
    };
    x.google.files.set('root', root);
  }
  return root;
}

/** FileIterator and FolderIterator. */
class Iter<T> {
  private i = 0;
  constructor(private readonly xs: T[]) {}
  hasNext(): boolean {
    return this.i < this.xs.length;
  }
  next(): T {
    if (this.i >= this.xs.length)
      throw new GasError('Cannot retrieve the next object: iterator has reached the end.');
    return this.xs[this.i++]!;
  }
}

export class DriveFileImpl {
  constructor(
    protected readonly x: ServiceHost,
    readonly _f: DriveFileModel,
  ) {}
  getId(): string {
    return this._f.id;
  }
  getName(): string {
    return this.spreadsheet()?.name ?? this._f.name;
  }
  setName(n: unknown): this {
    this._f.name = checkText('File.setName', n);
    const d = getLocalDocument(this.x.google, this._f.id);
    if (d) d.name = this._f.name;
    const ss = this.spreadsheet();
    if (ss) {
      ss.name = this._f.name;
      ss.touch();
    }
    return this;
  }
  private spreadsheet() {
    return this._f.mimeType === SHEET_MIME ? this.x.google.spreadsheets.get(this._f.id) : undefined;
  }
  getMimeType(): string {
    return this._f.mimeType;
  }
  getUrl(): string {
    if (this._f.mimeType === DOC_MIME) return `https://docs.google.com/document/d/${this._f.id}/edit`;
    if (this._f.mimeType === SHEET_MIME) return `https://docs.google.com/spreadsheets/d/${this._f.id}/edit`;
    return `https://drive.google.com/file/d/${this._f.id}/view`;
  }
  getDateCreated(): Date {
    return new Date(this._f.createdAt.getTime());
  }
  getParents(): Iter<DriveFolderImpl> {
    const folders = this._f.parents.flatMap((p) => {
      // A new file is in My Drive from the start (gas-fakes test/testdrive.js:547, 768-775).
      const f = p === 'root' ? rootFolder(this.x) : this.x.google.files.get(p);
      return f ? [this.x.wrap(new DriveFolderImpl(this.x, f), 'Folder')] : [];
    });
    return this.x.wrap(new Iter(folders), 'FolderIterator');
  }
  /**
   * Moves the item into the folder (it leaves its other parents), as File.moveTo does; anything
   * but a Folder is refused with Apps Script's signature message (gas-fakes test/testdrive.js:364-365:
   * `moveTo()` → "The parameters () don't match…", `moveTo("rubbish")` → "The parameters (String)…").
   */
  moveTo(...args: unknown[]): this {
    const destination = args[0];
    const dest = (destination as { _f?: DriveFileModel })?._f;
    if (args.length !== 1 || !dest || dest.mimeType !== FOLDER_MIME) {
      const kinds = args.map((a) => (a === null ? 'null' : dest ? 'DriveApp.File' : paramType(a)));
      throw new GasError(
        `The parameters (${kinds.join(',')}) don't match the method signature for DriveApp.File.moveTo.`,
      );
    }
    if (dest.trashed) throw new GasError(NOT_FOUND);
    this._f.parents = [dest.id];
    return this;
  }
  isTrashed(): boolean {
    return Boolean(this._f.trashed);
  }
  setTrashed(t: boolean): this {
    this._f.trashed = Boolean(t);
    return this;
  }
}

export class DriveFolderImpl extends DriveFileImpl {
  getFiles(): Iter<DriveFileImpl> {
    const files = [...this.x.google.files.values()]
      .filter((f) => f.parents.includes(this._f.id) && f.mimeType !== FOLDER_MIME && !f.trashed)
      .map((f) => this.x.wrap(new DriveFileImpl(this.x, f), 'File'));
    return this.x.wrap(new Iter(files), 'FileIterator');
  }
  /**
   * The files of this folder with exactly this name (not those in the trash).
   * https://developers.google.com/apps-script/reference/drive/folder#getFilesByName(String)
   */
  getFilesByName(name: unknown): Iter<DriveFileImpl> {
    const n = checkText('Folder.getFilesByName', name);
    const files = [...this.x.google.files.values()]
      .filter((f) => f.parents.includes(this._f.id) && f.mimeType !== FOLDER_MIME && !f.trashed)
      .filter((f) => new DriveFileImpl(this.x, f).getName() === n)
      .map((f) => this.x.wrap(new DriveFileImpl(this.x, f), 'File'));
    return this.x.wrap(new Iter(files), 'FileIterator');
  }
  getFolders(): Iter<DriveFolderImpl> {
    const folders = [...this.x.google.files.values()]
      .filter((f) => f.parents.includes(this._f.id) && f.mimeType === FOLDER_MIME && !f.trashed)
      .map((f) => this.x.wrap(new DriveFolderImpl(this.x, f), 'Folder'));
    return this.x.wrap(new Iter(folders), 'FolderIterator');
  }
  createFolder(name: unknown): DriveFolderImpl {
    const id = createLocalFolder(this.x.google, checkText('Folder.createFolder', name), this.x.user);
    const f = this.x.google.files.get(id)!;
    f.parents = [this._f.id];
    return this.x.wrap(new DriveFolderImpl(this.x, f), 'Folder');
  }
  override getUrl(): string {
    return `https://drive.google.com/drive/folders/${this._f.id}`;
  }
  /** String(folder) is its name, not the class (gas-fakes test/testdrive.js:546). */
  override toString(): string {
    return this.getName();
  }
}

export class DriveAppImpl {
  constructor(private readonly x: ServiceHost) {}
  private find(id: unknown): DriveFileModel {
    const key = id === null || id === undefined ? '' : String(id).trim();
    if (!key) throw new GasError('Invalid argument: id');
    const f = this.x.google.files.get(key) ?? this.spreadsheetFile(key);
    if (!f || f.trashed) throw new GasError(NOT_FOUND);
    return f;
  }
  /** A spreadsheet is a Drive file: its record, made on first use (in My Drive). */
  private spreadsheetFile(id: string): DriveFileModel | undefined {
    const ss = this.x.google.spreadsheets.get(id);
    if (!ss) return undefined;
    this.getRootFolder(); // My Drive exists as soon as a file is in it
    const f: DriveFileModel = {
      id,
      name: ss.name,
      mimeType: SHEET_MIME,
      parents: ['root'],
      owner: ss.ownerOr(this.x.google.defaultUser),
      createdAt: this.x.google.now(),
    };
    this.x.google.files.set(id, f);
    return f;
  }
  getFileById(id: unknown): DriveFileImpl {
    const f = this.find(id);
    if (f.mimeType === FOLDER_MIME) throw new GasError(NOT_FOUND);
    return this.x.wrap(new DriveFileImpl(this.x, f), 'File');
  }
  getFolderById(id: unknown): DriveFolderImpl {
    const f = this.find(id);
    if (f.mimeType !== FOLDER_MIME) throw new GasError(NOT_FOUND);
    return this.x.wrap(new DriveFolderImpl(this.x, f), 'Folder');
  }
  getRootFolder(): DriveFolderImpl {
    return this.x.wrap(new DriveFolderImpl(this.x, rootFolder(this.x)), 'Folder');
  }
  createFolder(name: unknown): DriveFolderImpl {
    const id = createLocalFolder(this.x.google, checkText('DriveApp.createFolder', name), this.x.user);
    return this.x.wrap(new DriveFolderImpl(this.x, this.x.google.files.get(id)!), 'Folder');
  }
}
