/**
 * DocumentApp and DriveApp, emulated: enough of Google Docs for the add-on's generated
 * documents — create/open, the body's paragraphs, headings, list items, tables built from a
 * 2-D string array, inline images from blobs, page breaks, header/footer sections, text
 * attributes — and Drive files and folders (getFileById, getFolderById, moveTo).
 *
 * Documents are kept in `google.documents` (id → LocalDocument) and are files of
 * `google.files`, so moving a Doc to a folder is a Drive operation as in Google. Every
 * method call on an object handed to the script is one counted service call.
 *
 * Reference: developers.google.com/apps-script/reference/document (Body, Paragraph, Table,
 * TableRow, TableCell, Text, InlineImage, HeaderSection) and
 * developers.google.com/apps-script/reference/drive (DriveApp, File.moveTo, Folder).
 */
import type { DriveFileModel, LocalGoogle } from '../backend';
import { GasError } from '../errors';
import type { ServiceHost } from '../host';

// ------------------------------------------------------------------ model

export interface TextStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  fontSize?: number;
  fontFamily?: string;
  foregroundColor?: string;
  backgroundColor?: string;
}

export interface ImageModel {
  bytes: Uint8Array;
  contentType: string;
  /** Size shown in the document, in pixels. */
  width: number;
  height: number;
}

export interface ParagraphModel {
  type: 'PARAGRAPH';
  text: string;
  heading: string;
  alignment: string | null;
  style: TextStyle;
  spacingBefore?: number;
  spacingAfter?: number;
  image?: ImageModel;
  pageBreak?: boolean;
}

export interface ListItemModel {
  type: 'LIST_ITEM';
  text: string;
  heading: string;
  alignment: string | null;
  style: TextStyle;
  glyph: string;
  nesting: number;
}

export interface TableCellModel {
  text: string;
  style: TextStyle;
  background: string | null;
  alignment: string | null;
}

export interface TableModel {
  type: 'TABLE';
  rows: TableCellModel[][];
  /** Width of each column in points, or null when left to the editor. */
  columnWidths: (number | null)[];
  borderColor: string | null;
  borderWidth: number | null;
}

export type DocElementModel = ParagraphModel | ListItemModel | TableModel;

export interface LocalDocument {
  id: string;
  name: string;
  owner: string;
  createdAt: Date;
  body: DocElementModel[];
  /** Body-wide default text style (Body.setAttributes). */
  bodyStyle: TextStyle;
  header: DocElementModel[] | null;
  footer: DocElementModel[] | null;
  /** Page margins in points. */
  margins: { top: number; bottom: number; left: number; right: number };
  /** Bumped on every change. */
  revision: number;
}

export const DOC_MIME = 'application/vnd.google-apps.document';
export const FOLDER_MIME = 'application/vnd.google-apps.folder';
const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

/** Documents created in the local Google, oldest first. */
export function listDocuments(google: LocalGoogle): LocalDocument[] {
  return [...google.documents.values()]
    .filter(isLocalDocument)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

export function getLocalDocument(google: LocalGoogle, id: string): LocalDocument | null {
  const d = google.documents.get(id);
  return isLocalDocument(d) ? d : null;
}

function isLocalDocument(d: unknown): d is LocalDocument {
  return typeof d === 'object' && d !== null && Array.isArray((d as LocalDocument).body);
}

/** Creates a Drive folder in the local Google (tests and the workbench: a `Reports folder ID`). */
export function createLocalFolder(google: LocalGoogle, name: string, owner = google.defaultUser): string {
  const id = google.newId('fo');
  google.files.set(id, {
    id,
    name,
    mimeType: FOLDER_MIME,
    parents: ['root'],
    owner,
    createdAt: google.now(),
  });
  return id;
}

/** Plain text of an element (cells of a row joined by tabs, rows by newlines). */
export function elementText(e: DocElementModel): string {
  if (e.type === 'TABLE') return e.rows.map((r) => r.map((c) => c.text).join('\t')).join('\n');
  return e.text;
}

/** The whole document as plain text: header, then body, one element per line. */
export function documentText(doc: LocalDocument): string {
  return [...(doc.header ?? []), ...doc.body, ...(doc.footer ?? [])].map(elementText).join('\n');
}

// ------------------------------------------------------------------ enums

const HEADINGS = [
  'NORMAL',
  'HEADING1',
  'HEADING2',
  'HEADING3',
  'HEADING4',
  'HEADING5',
  'HEADING6',
  'TITLE',
  'SUBTITLE',
];
const enumOf = (names: string[]) => Object.freeze(Object.fromEntries(names.map((n) => [n, n])));
const ATTRIBUTE_NAMES = [
  'BACKGROUND_COLOR',
  'BOLD',
  'BORDER_COLOR',
  'BORDER_WIDTH',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'HEADING',
  'HORIZONTAL_ALIGNMENT',
  'ITALIC',
  'LINE_SPACING',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'UNDERLINE',
];

/** A session: the Document handle an execution opened, closed by saveAndClose. */
interface Session {
  x: ServiceHost;
  doc: LocalDocument;
  closed: boolean;
}

function touch(s: Session): void {
  if (s.closed) throw new GasError('Document is closed, its contents cannot be updated.');
  s.doc.revision++;
}

function applyAttributes(
  s: Session,
  target: { style: TextStyle; alignment?: string | null },
  attrs: unknown,
) {
  if (typeof attrs !== 'object' || attrs === null) throw new GasError('Invalid argument: attributes');
  for (const [k, v] of Object.entries(attrs as Record<string, unknown>)) {
    switch (k) {
      case 'BOLD':
        target.style.bold = Boolean(v);
        break;
      case 'ITALIC':
        target.style.italic = Boolean(v);
        break;
      case 'UNDERLINE':
        target.style.underline = Boolean(v);
        break;
      case 'FONT_SIZE':
        target.style.fontSize = Number(v);
        break;
      case 'FONT_FAMILY':
        target.style.fontFamily = String(v);
        break;
      case 'FOREGROUND_COLOR':
        target.style.foregroundColor = checkColor(v);
        break;
      case 'BACKGROUND_COLOR':
        target.style.backgroundColor = checkColor(v);
        break;
      case 'HORIZONTAL_ALIGNMENT':
        if ('alignment' in target) target.alignment = String(v);
        break;
      case 'SPACING_BEFORE':
        (target as ParagraphModel).spacingBefore = Number(v);
        break;
      case 'SPACING_AFTER':
        (target as ParagraphModel).spacingAfter = Number(v);
        break;
      default:
        if (!ATTRIBUTE_NAMES.includes(k)) throw new GasError(`Invalid attribute: ${k}`);
    }
  }
  touch(s);
}

function checkColor(v: unknown): string {
  const s = String(v);
  if (!/^#[0-9a-fA-F]{6}$/.test(s)) throw new GasError(`Invalid color: ${s}. Use the form #RRGGBB.`);
  return s.toLowerCase();
}

function checkText(name: string, v: unknown): string {
  if (v === undefined || v === null || typeof v === 'object')
    throw new GasError(
      `The parameters (${v === null ? 'null' : typeof v}) don't match the method signature for ${name}.`,
    );
  return String(v);
}

// ------------------------------------------------------------------ Text

/** A Text view of one or more styled targets (a paragraph, a table's cells…). Whole-element edits only. */
export class TextImpl {
  constructor(
    private readonly s: Session,
    private readonly targets: () => { style: TextStyle }[],
    private readonly text: () => string,
  ) {}
  getText(): string {
    return this.text();
  }
  private set(k: keyof TextStyle, args: unknown[]): TextImpl {
    if (args.length !== 1)
      throw new GasError(`Text.${String(k)} with a character range is not emulated by the local runtime.`);
    for (const t of this.targets()) (t.style as Record<string, unknown>)[k] = args[0];
    touch(this.s);
    return this;
  }
  setBold(...a: unknown[]): TextImpl {
    return this.set('bold', a.map(Boolean));
  }
  setItalic(...a: unknown[]): TextImpl {
    return this.set('italic', a.map(Boolean));
  }
  setUnderline(...a: unknown[]): TextImpl {
    return this.set('underline', a.map(Boolean));
  }
  setFontSize(...a: unknown[]): TextImpl {
    return this.set('fontSize', a.map(Number));
  }
  setFontFamily(...a: unknown[]): TextImpl {
    return this.set('fontFamily', a.map(String));
  }
  setForegroundColor(...a: unknown[]): TextImpl {
    return this.set('foregroundColor', a.map(checkColor));
  }
  setBackgroundColor(...a: unknown[]): TextImpl {
    return this.set('backgroundColor', a.map(checkColor));
  }
  setAttributes(attrs: unknown): TextImpl {
    for (const t of this.targets()) applyAttributes(this.s, t, attrs);
    return this;
  }
}

// ------------------------------------------------------------------ Paragraph / ListItem

export class ParagraphImpl {
  constructor(
    protected readonly s: Session,
    readonly _m: ParagraphModel | ListItemModel,
  ) {}
  getType(): string {
    return this._m.type;
  }
  getText(): string {
    return this._m.text;
  }
  setText(text: unknown): this {
    this._m.text = checkText('Paragraph.setText', text);
    touch(this.s);
    return this;
  }
  appendText(text: unknown): TextImpl {
    this._m.text += checkText('Paragraph.appendText', text);
    touch(this.s);
    return this.editAsText();
  }
  getHeading(): string {
    return this._m.heading;
  }
  setHeading(h: unknown): this {
    const v = String(h);
    if (!HEADINGS.includes(v)) throw new GasError(`Invalid argument: heading`);
    this._m.heading = v;
    touch(this.s);
    return this;
  }
  setAlignment(a: unknown): this {
    this._m.alignment = String(a);
    touch(this.s);
    return this;
  }
  getAlignment(): string | null {
    return this._m.alignment;
  }
  setSpacingBefore(pt: number): this {
    (this._m as ParagraphModel).spacingBefore = Number(pt);
    touch(this.s);
    return this;
  }
  setSpacingAfter(pt: number): this {
    (this._m as ParagraphModel).spacingAfter = Number(pt);
    touch(this.s);
    return this;
  }
  setAttributes(attrs: unknown): this {
    applyAttributes(this.s, this._m, attrs);
    return this;
  }
  editAsText(): TextImpl {
    return this.s.x.wrap(
      new TextImpl(
        this.s,
        () => [this._m],
        () => this._m.text,
      ),
      'Text',
    );
  }
  asParagraph(): ParagraphImpl {
    if (this._m.type !== 'PARAGRAPH') throw new GasError('Cannot convert element to PARAGRAPH.');
    return this.s.x.wrap(new ParagraphImpl(this.s, this._m), 'Paragraph');
  }
}

export class ListItemImpl extends ParagraphImpl {
  setGlyphType(g: unknown): this {
    (this._m as ListItemModel).glyph = String(g);
    touch(this.s);
    return this;
  }
  getGlyphType(): string {
    return (this._m as ListItemModel).glyph;
  }
  setNestingLevel(n: number): this {
    (this._m as ListItemModel).nesting = Math.max(0, Math.floor(Number(n)));
    touch(this.s);
    return this;
  }
}

export class InlineImageImpl {
  constructor(
    private readonly s: Session,
    private readonly p: ParagraphModel,
  ) {}
  private get img(): ImageModel {
    return this.p.image!;
  }
  getWidth(): number {
    return this.img.width;
  }
  getHeight(): number {
    return this.img.height;
  }
  setWidth(w: number): InlineImageImpl {
    this.img.width = Math.max(1, Math.round(Number(w)));
    touch(this.s);
    return this;
  }
  setHeight(h: number): InlineImageImpl {
    this.img.height = Math.max(1, Math.round(Number(h)));
    touch(this.s);
    return this;
  }
  setAltTitle(_t: string): InlineImageImpl {
    touch(this.s);
    return this;
  }
  setAltDescription(_t: string): InlineImageImpl {
    touch(this.s);
    return this;
  }
  getParent(): ParagraphImpl {
    return this.s.x.wrap(new ParagraphImpl(this.s, this.p), 'Paragraph');
  }
}

// ------------------------------------------------------------------ Table

export class TableCellImpl {
  constructor(
    private readonly s: Session,
    private readonly c: TableCellModel,
  ) {}
  getText(): string {
    return this.c.text;
  }
  setText(t: unknown): TableCellImpl {
    this.c.text = checkText('TableCell.setText', t);
    touch(this.s);
    return this;
  }
  setBackgroundColor(color: unknown): TableCellImpl {
    this.c.background = checkColor(color);
    touch(this.s);
    return this;
  }
  getBackgroundColor(): string | null {
    return this.c.background;
  }
  setAttributes(attrs: unknown): TableCellImpl {
    applyAttributes(this.s, this.c, attrs);
    return this;
  }
  editAsText(): TextImpl {
    return this.s.x.wrap(
      new TextImpl(
        this.s,
        () => [this.c],
        () => this.c.text,
      ),
      'Text',
    );
  }
}

export class TableRowImpl {
  constructor(
    private readonly s: Session,
    private readonly row: TableCellModel[],
  ) {}
  getNumCells(): number {
    return this.row.length;
  }
  getCell(i: number): TableCellImpl {
    const c = this.row[i];
    if (!c)
      throw new GasError(
        `Child index (${i}) must be less than the number of child elements (${this.row.length}).`,
      );
    return this.s.x.wrap(new TableCellImpl(this.s, c), 'TableCell');
  }
  getText(): string {
    return this.row.map((c) => c.text).join('\n');
  }
  editAsText(): TextImpl {
    return this.s.x.wrap(
      new TextImpl(
        this.s,
        () => this.row,
        () => this.getText(),
      ),
      'Text',
    );
  }
  setAttributes(attrs: unknown): TableRowImpl {
    for (const c of this.row) applyAttributes(this.s, c, attrs);
    return this;
  }
}

export class TableImpl {
  constructor(
    private readonly s: Session,
    readonly _m: TableModel,
  ) {}
  getType(): string {
    return 'TABLE';
  }
  getNumRows(): number {
    return this._m.rows.length;
  }
  getRow(i: number): TableRowImpl {
    const r = this._m.rows[i];
    if (!r)
      throw new GasError(
        `Child index (${i}) must be less than the number of child elements (${this._m.rows.length}).`,
      );
    return this.s.x.wrap(new TableRowImpl(this.s, r), 'TableRow');
  }
  getCell(r: number, c: number): TableCellImpl {
    const cell = this._m.rows[r]?.[c];
    if (!cell) throw new GasError('Cell index out of range.');
    return this.s.x.wrap(new TableCellImpl(this.s, cell), 'TableCell');
  }
  getText(): string {
    return this._m.rows.map((r) => r.map((c) => c.text).join('\n')).join('\n');
  }
  setColumnWidth(i: number, width: number): TableImpl {
    if (!Number.isInteger(i) || i < 0 || i >= (this._m.rows[0]?.length ?? 0))
      throw new GasError('Invalid column index.');
    this._m.columnWidths[i] = Number(width);
    touch(this.s);
    return this;
  }
  setBorderColor(color: unknown): TableImpl {
    this._m.borderColor = checkColor(color);
    touch(this.s);
    return this;
  }
  setBorderWidth(w: number): TableImpl {
    this._m.borderWidth = Number(w);
    touch(this.s);
    return this;
  }
  setAttributes(attrs: unknown): TableImpl {
    for (const r of this._m.rows) for (const c of r) applyAttributes(this.s, c, attrs);
    return this;
  }
  editAsText(): TextImpl {
    return this.s.x.wrap(
      new TextImpl(
        this.s,
        () => this._m.rows.flat(),
        () => this.getText(),
      ),
      'Text',
    );
  }
}

// ------------------------------------------------------------------ Body and sections

function imageInfo(blob: unknown): { bytes: Uint8Array; contentType: string; width: number; height: number } {
  const src = blob as { _bytes?: Uint8Array; getBlob?: () => { _bytes?: Uint8Array } };
  const bytes = src?._bytes ?? (typeof src?.getBlob === 'function' ? src.getBlob()._bytes : undefined);
  if (!(bytes instanceof Uint8Array)) throw new GasError('Invalid argument: image');
  const png =
    bytes.length > 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  if (png) {
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { bytes, contentType: 'image/png', width: dv.getUint32(16), height: dv.getUint32(20) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8)
    return { bytes, contentType: 'image/jpeg', width: 100, height: 100 };
  throw new GasError('Invalid image data.');
}

export class ContainerImpl {
  constructor(
    protected readonly s: Session,
    protected readonly list: () => DocElementModel[],
  ) {}
  protected wrapEl(e: DocElementModel): ParagraphImpl | ListItemImpl | TableImpl {
    if (e.type === 'TABLE') return this.s.x.wrap(new TableImpl(this.s, e), 'Table');
    if (e.type === 'LIST_ITEM') return this.s.x.wrap(new ListItemImpl(this.s, e), 'ListItem');
    return this.s.x.wrap(new ParagraphImpl(this.s, e), 'Paragraph');
  }
  appendParagraph(text: unknown): ParagraphImpl {
    const p: ParagraphModel = {
      type: 'PARAGRAPH',
      text: checkText('Body.appendParagraph', text),
      heading: 'NORMAL',
      alignment: null,
      style: {},
    };
    this.list().push(p);
    touch(this.s);
    return this.wrapEl(p) as ParagraphImpl;
  }
  appendListItem(text: unknown): ListItemImpl {
    const li: ListItemModel = {
      type: 'LIST_ITEM',
      text: checkText('Body.appendListItem', text),
      heading: 'NORMAL',
      alignment: null,
      style: {},
      glyph: 'BULLET',
      nesting: 0,
    };
    this.list().push(li);
    touch(this.s);
    return this.wrapEl(li) as ListItemImpl;
  }
  /** A new table from a 2-D array of strings (one call, whatever the size). */
  appendTable(cells?: unknown): TableImpl {
    let rows: string[][] = [];
    if (cells !== undefined) {
      if (!Array.isArray(cells) || !cells.every(Array.isArray))
        throw new GasError(
          "The parameters (object) don't match the method signature for DocumentApp.Body.appendTable.",
        );
      rows = (cells as unknown[][]).map((r) =>
        r.map((v) => (v === null || v === undefined ? '' : String(v))),
      );
    }
    const width = Math.max(0, ...rows.map((r) => r.length));
    const t: TableModel = {
      type: 'TABLE',
      rows: rows.map((r) =>
        Array.from({ length: width }, (_, i) => ({
          text: r[i] ?? '',
          style: {},
          background: null,
          alignment: null,
        })),
      ),
      columnWidths: Array.from({ length: width }, () => null),
      borderColor: null,
      borderWidth: null,
    };
    this.list().push(t);
    touch(this.s);
    return this.wrapEl(t) as TableImpl;
  }
  appendImage(blob: unknown): InlineImageImpl {
    const info = imageInfo(blob);
    const p: ParagraphModel = {
      type: 'PARAGRAPH',
      text: '',
      heading: 'NORMAL',
      alignment: null,
      style: {},
      image: info,
    };
    this.list().push(p);
    touch(this.s);
    return this.s.x.wrap(new InlineImageImpl(this.s, p), 'InlineImage');
  }
  appendPageBreak(): { getType(): string } {
    const p: ParagraphModel = {
      type: 'PARAGRAPH',
      text: '',
      heading: 'NORMAL',
      alignment: null,
      style: {},
      pageBreak: true,
    };
    this.list().push(p);
    touch(this.s);
    return this.s.x.wrap({ getType: () => 'PAGE_BREAK' }, 'PageBreak');
  }
  getNumChildren(): number {
    return this.list().length;
  }
  getChild(i: number): ParagraphImpl | ListItemImpl | TableImpl {
    const e = this.list()[i];
    if (!e)
      throw new GasError(
        `Child index (${i}) must be less than the number of child elements (${this.list().length}).`,
      );
    return this.wrapEl(e);
  }
  getParagraphs(): ParagraphImpl[] {
    return this.list()
      .filter((e): e is ParagraphModel | ListItemModel => e.type !== 'TABLE')
      .map((e) => this.wrapEl(e) as ParagraphImpl);
  }
  getTables(): TableImpl[] {
    return this.list()
      .filter((e): e is TableModel => e.type === 'TABLE')
      .map((e) => this.wrapEl(e) as TableImpl);
  }
  getText(): string {
    return this.list().map(elementText).join('\n');
  }
  editAsText(): TextImpl {
    return this.s.x.wrap(
      new TextImpl(
        this.s,
        () => this.list().flatMap((e): { style: TextStyle }[] => (e.type === 'TABLE' ? e.rows.flat() : [e])),
        () => this.getText(),
      ),
      'Text',
    );
  }
  /** Removes all content; a body always keeps one empty paragraph, as in Google Docs. */
  clear(): this {
    const l = this.list();
    l.splice(0, l.length, { type: 'PARAGRAPH', text: '', heading: 'NORMAL', alignment: null, style: {} });
    touch(this.s);
    return this;
  }
}

export class BodyImpl extends ContainerImpl {
  setAttributes(attrs: unknown): this {
    applyAttributes(this.s, { style: this.s.doc.bodyStyle }, attrs);
    return this;
  }
  setMarginTop(pt: number): this {
    this.s.doc.margins.top = Number(pt);
    touch(this.s);
    return this;
  }
  setMarginBottom(pt: number): this {
    this.s.doc.margins.bottom = Number(pt);
    touch(this.s);
    return this;
  }
  setMarginLeft(pt: number): this {
    this.s.doc.margins.left = Number(pt);
    touch(this.s);
    return this;
  }
  setMarginRight(pt: number): this {
    this.s.doc.margins.right = Number(pt);
    touch(this.s);
    return this;
  }
  getPageWidth(): number {
    return 612;
  }
  getPageHeight(): number {
    return 792;
  }
  getMarginLeft(): number {
    return this.s.doc.margins.left;
  }
  getMarginRight(): number {
    return this.s.doc.margins.right;
  }
}

export class DocumentImpl {
  constructor(private readonly s: Session) {}
  getId(): string {
    return this.s.doc.id;
  }
  getName(): string {
    return this.s.doc.name;
  }
  setName(name: unknown): DocumentImpl {
    this.s.doc.name = checkText('Document.setName', name);
    const f = this.s.x.google.files.get(this.s.doc.id);
    if (f) f.name = this.s.doc.name;
    touch(this.s);
    return this;
  }
  getUrl(): string {
    return `https://docs.google.com/document/d/${this.s.doc.id}/edit`;
  }
  getBody(): BodyImpl {
    return this.s.x.wrap(new BodyImpl(this.s, () => this.s.doc.body), 'Body');
  }
  getHeader(): ContainerImpl | null {
    return this.s.doc.header ? this.section('header') : null;
  }
  addHeader(): ContainerImpl {
    if (this.s.doc.header) throw new GasError('Document tab already contains a header.');
    this.s.doc.header = [{ type: 'PARAGRAPH', text: '', heading: 'NORMAL', alignment: null, style: {} }];
    touch(this.s);
    return this.section('header');
  }
  getFooter(): ContainerImpl | null {
    return this.s.doc.footer ? this.section('footer') : null;
  }
  addFooter(): ContainerImpl {
    if (this.s.doc.footer) throw new GasError('Document tab already contains a footer.');
    this.s.doc.footer = [{ type: 'PARAGRAPH', text: '', heading: 'NORMAL', alignment: null, style: {} }];
    touch(this.s);
    return this.section('footer');
  }
  private section(which: 'header' | 'footer'): ContainerImpl {
    return this.s.x.wrap(
      new ContainerImpl(this.s, () => this.s.doc[which]!),
      which === 'header' ? 'HeaderSection' : 'FooterSection',
    );
  }
  saveAndClose(): void {
    this.s.closed = true;
  }
}

export class DocumentAppImpl {
  readonly ParagraphHeading = enumOf(HEADINGS);
  readonly GlyphType = enumOf([
    'BULLET',
    'HOLLOW_BULLET',
    'SQUARE_BULLET',
    'NUMBER',
    'LATIN_UPPER',
    'LATIN_LOWER',
  ]);
  readonly HorizontalAlignment = enumOf(['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY']);
  readonly VerticalAlignment = enumOf(['TOP', 'CENTER', 'BOTTOM']);
  readonly Attribute = enumOf(ATTRIBUTE_NAMES);
  readonly ElementType = enumOf(['PARAGRAPH', 'LIST_ITEM', 'TABLE', 'INLINE_IMAGE', 'PAGE_BREAK', 'TEXT']);
  constructor(private readonly x: ServiceHost) {}

  create(name: unknown): DocumentImpl {
    const n = checkText('DocumentApp.create', name);
    if (n.length === 0) throw new GasError('Invalid argument: name');
    const g = this.x.google;
    const id = g.newId('doc');
    const doc: LocalDocument = {
      id,
      name: n,
      owner: this.x.user,
      createdAt: g.now(),
      // A new Google Doc has one empty paragraph.
      body: [{ type: 'PARAGRAPH', text: '', heading: 'NORMAL', alignment: null, style: {} }],
      bodyStyle: {},
      header: null,
      footer: null,
      margins: { top: 72, bottom: 72, left: 72, right: 72 },
      revision: 0,
    };
    g.documents.set(id, doc);
    const file: DriveFileModel = {
      id,
      name: n,
      mimeType: DOC_MIME,
      parents: ['root'],
      owner: this.x.user,
      createdAt: g.now(),
    };
    g.files.set(id, file);
    return this.x.wrap(new DocumentImpl({ x: this.x, doc, closed: false }), 'Document');
  }

  openById(id: unknown): DocumentImpl {
    const doc = getLocalDocument(this.x.google, String(id));
    const f = this.x.google.files.get(String(id));
    if (!doc || f?.trashed)
      throw new GasError("Document is missing (perhaps it was deleted, or you don't have read access?)");
    return this.x.wrap(new DocumentImpl({ x: this.x, doc, closed: false }), 'Document');
  }

  openByUrl(url: unknown): DocumentImpl {
    const m = /\/document\/d\/([^/]+)/.exec(String(url));
    if (!m) throw new GasError('Invalid argument: url');
    return this.openById(m[1]);
  }
}

// ------------------------------------------------------------------ DriveApp

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
    return this._f.name;
  }
  setName(n: unknown): this {
    this._f.name = checkText('File.setName', n);
    const d = getLocalDocument(this.x.google, this._f.id);
    if (d) d.name = this._f.name;
    return this;
  }
  getMimeType(): string {
    return this._f.mimeType;
  }
  getUrl(): string {
    return this._f.mimeType === DOC_MIME
      ? `https://docs.google.com/document/d/${this._f.id}/edit`
      : `https://drive.google.com/file/d/${this._f.id}/view`;
  }
  getDateCreated(): Date {
    return new Date(this._f.createdAt.getTime());
  }
  getParents(): Iter<DriveFolderImpl> {
    const folders = this._f.parents.flatMap((p) => {
      const f = this.x.google.files.get(p);
      return f ? [this.x.wrap(new DriveFolderImpl(this.x, f), 'Folder')] : [];
    });
    return this.x.wrap(new Iter(folders), 'FolderIterator');
  }
  /** Moves the item into the folder (it leaves its other parents), as File.moveTo does. */
  moveTo(destination: unknown): this {
    const dest = (destination as { _f?: DriveFileModel })?._f;
    if (!dest || dest.mimeType !== FOLDER_MIME) throw new GasError('Invalid argument: destination');
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
}

export class DriveAppImpl {
  constructor(private readonly x: ServiceHost) {}
  private find(id: unknown): DriveFileModel {
    const f = this.x.google.files.get(String(id).trim());
    if (!f || f.trashed) throw new GasError(NOT_FOUND);
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
    let root = this.x.google.files.get('root');
    if (!root) {
      root = {
        id: 'root',
        name: 'My Drive',
        mimeType: FOLDER_MIME,
        parents: [],
        owner: this.x.user,
        createdAt: this.x.google.now(),
      };
      this.x.google.files.set('root', root);
    }
    return this.x.wrap(new DriveFolderImpl(this.x, root), 'Folder');
  }
  createFolder(name: unknown): DriveFolderImpl {
    const id = createLocalFolder(this.x.google, checkText('DriveApp.createFolder', name), this.x.user);
    return this.x.wrap(new DriveFolderImpl(this.x, this.x.google.files.get(id)!), 'Folder');
  }
}

/** The services this module adds to every execution (registered in execution.ts). */
export function documentServices(x: ServiceHost): Record<string, unknown> {
  return {
    DocumentApp: x.wrap(new DocumentAppImpl(x), 'DocumentApp'),
    DriveApp: x.wrap(new DriveAppImpl(x), 'DriveApp'),
  };
}
