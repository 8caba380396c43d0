/**
 * The stored documents and Drive items of the local Google: what a Google Doc holds (body
 * elements, header and footer sections, text styles, margins), how documents and folders
 * are kept (`google.documents`, `google.files`) and a document's plain text. The classes
 * handed to scripts (this folder's other files) edit these models.
 * https://developers.google.com/apps-script/reference/document/document
 * https://developers.google.com/apps-script/guides/docs#structure_of_a_document
 *
 * Documents are kept in `google.documents` (id → LocalDocument) and are files of
 * `google.files`, so moving a Doc to a folder is a Drive operation as in Google.
 */
import type { LocalGoogle } from '../../backend';

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

/** A new empty paragraph (a new document, header or footer has one; Body.clear leaves one). */
export function emptyParagraph(): ParagraphModel {
  return { type: 'PARAGRAPH', text: '', heading: 'NORMAL', alignment: null, style: {} };
}
