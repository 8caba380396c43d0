/**
 * Rendering a document model into a Google Doc: DocumentApp in a fixed number of calls per
 * block — a table is one appendTable(2-D array) plus a fixed number of styling calls per
 * column, never one call per cell or row — then moved into the Reports folder when set, and
 * replacing the add-on's own Doc of the same name there (moved to the trash, never deleted;
 * its id is remembered in the document properties).
 *
 * References: developers.google.com/apps-script/reference/document/body#appendTable(String)
 * (tables from string arrays, recommended for large tables), .../document/table#setColumnWidth,
 * .../drive/file#moveTo(Folder), .../drive/folder#getFilesByName(String),
 * .../drive/file#setTrashed(Boolean).
 */
import type { Block, DocModel } from '../domain/docmodel';

/** Usable width for tables, in points: fits A4 (595pt) and Letter (612pt) with 54pt margins. */
const TABLE_WIDTH_PT = 486;
const MARGIN_PT = 54;
const HEADER_FILL = '#dfe8f2';
const BORDER = '#a6b4c4';

export interface GeneratedDocument {
  id: string;
  url: string;
  name: string;
  /** Set when the Reports folder could not be used (the Doc stays in My Drive). */
  folderError?: string;
  /** A roster split by Org Type: the Docs the index links to. */
  parts?: { id: string; url: string; name: string }[];
}

/** MimeType.GOOGLE_DOCS. */
const GOOGLE_DOCS_MIME = 'application/vnd.google-apps.document';

/** Document properties: the ids of the Docs the add-on made (a JSON array, newest last). */
export const MADE_DOCS_PROP = 'od.documents.made';
/** How many ids are remembered (a property value holds at most 9 kB). */
const MADE_DOCS_KEPT = 150;

/**
 * Document properties: which Doc the add-on last made under each name in each folder
 * (`<folder id or root> <name>` → id), so making it again trashes that one by its id instead
 * of searching the folder by name. Kept for the names of the last MADE_DOCS_KEPT Docs.
 */
export const MADE_NAMES_PROP = 'od.documents.byName';

function madeNames(props: GoogleAppsScript.Properties.Properties): Record<string, string> | null {
  try {
    const v: unknown = JSON.parse(props.getProperty(MADE_NAMES_PROP) ?? 'null');
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : null;
  } catch {
    return null;
  }
}

function madeDocs(props: GoogleAppsScript.Properties.Properties): string[] {
  try {
    const v: unknown = JSON.parse(props.getProperty(MADE_DOCS_PROP) ?? '[]');
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

export interface RenderOptions {
  /** The Doc's file name (default: the model's). */
  name?: string;
  /**
   * Trash the Docs of this name in the destination folder (the Reports folder, or My Drive
   * when it is not set or cannot be opened) that the add-on made, before making the new one.
   */
  replaceSameName?: boolean;
}

/**
 * Renders a document model into a new Google Doc. Service calls: 9 to create and set up
 * the document, then per block a fixed number (heading 2, paragraph 1–2, table
 * 8 + 3 per column + 3 for a total row, image 7, page break 1, list 1 per item — lists are
 * only used for bounded content), 1 to save, 3 to remember its id, 4 more to move it into a
 * folder, and with `replaceSameName` 2 to look for the same name plus 4 per file found.
 */
export function renderDocument(model: DocModel, folderId = '', opts: RenderOptions = {}): GeneratedDocument {
  return new DocumentSession(folderId).render(model, opts);
}

/**
 * Several Docs made into one folder (a roster split by Org Type and its index): the folder,
 * the document properties and the list of Docs the add-on made are looked up once, not per
 * Doc. Each Doc's id is remembered as soon as it exists.
 */
export class DocumentSession {
  private folder: GoogleAppsScript.Drive.Folder | null = null;
  private root: GoogleAppsScript.Drive.Folder | null = null;
  private folderError: string | undefined;
  private readonly props = PropertiesService.getDocumentProperties();
  private made: string[];
  /** null: a workbook from before the names were kept (its Docs are found by name). */
  private names: Record<string, string> | null;
  private readonly where: string;

  constructor(folderId = '') {
    if (folderId.trim()) {
      try {
        this.folder = DriveApp.getFolderById(folderId.trim());
      } catch (e) {
        this.folderError = e instanceof Error ? e.message : String(e);
      }
    }
    this.where = this.folder ? folderId.trim() : 'root';
    this.made = madeDocs(this.props);
    this.names = madeNames(this.props);
  }

  render(model: DocModel, opts: RenderOptions = {}): GeneratedDocument {
    const name = opts.name ?? model.name;
    const key = `${this.where} ${name}`;
    if (opts.replaceSameName) {
      const trashed = this.names ? this.trashById(this.names[key]) : this.trashByName(name);
      if (trashed.length) this.made = this.made.filter((id) => !trashed.includes(id));
    }
    const doc = DocumentApp.create(name);
    const id = doc.getId();
    this.made = [...this.made, id].slice(-MADE_DOCS_KEPT);
    const names = Object.entries({ ...(this.names ?? {}), [key]: id }).filter(([, v]) =>
      this.made.includes(v),
    );
    this.names = Object.fromEntries(names);
    this.props.setProperties({
      [MADE_DOCS_PROP]: JSON.stringify(this.made),
      [MADE_NAMES_PROP]: JSON.stringify(this.names),
    });
    return writeDoc(doc, { id, name }, model, this.folder, this.folderError);
  }

  /** The add-on's previous Doc of this name here, to the trash by its id (when it still is the add-on's). */
  private trashById(id: string | undefined): string[] {
    if (!id || !this.made.includes(id)) return [];
    try {
      DriveApp.getFileById(id).setTrashed(true);
      return [id];
    } catch {
      return []; // gone already (deleted by hand): nothing to replace
    }
  }

  private trashByName(name: string): string[] {
    this.root ??= this.folder ?? DriveApp.getRootFolder();
    return trashSameName(this.root, name, new Set(this.made));
  }
}

/** The model into the new Doc `doc`, saved, then moved into `folder` (when there is one). */
function writeDoc(
  doc: GoogleAppsScript.Document.Document,
  { id, name }: { id: string; name: string },
  model: DocModel,
  folder: GoogleAppsScript.Drive.Folder | null,
  folderErrorIn: string | undefined,
): GeneratedDocument {
  let folderError = folderErrorIn;
  const url = doc.getUrl();
  const body = doc.getBody();
  body.setMarginLeft(MARGIN_PT);
  body.setMarginRight(MARGIN_PT);

  const header = doc.addHeader().getParagraphs()[0]!;
  header.setText(model.pageHeader);
  header.setAttributes(style({ FONT_SIZE: 8, FOREGROUND_COLOR: '#6b7785' }));

  // A new Doc has one empty paragraph: it becomes the title.
  const title = body.getParagraphs()[0]!;
  title.setText(model.title);
  title.setHeading(DocumentApp.ParagraphHeading.TITLE);
  body.appendParagraph(model.subtitle).setHeading(DocumentApp.ParagraphHeading.SUBTITLE);

  for (const b of model.blocks) renderBlock(body, b);
  doc.saveAndClose();

  if (folder) {
    try {
      DriveApp.getFileById(id).moveTo(folder);
    } catch (e) {
      folderError = e instanceof Error ? e.message : String(e);
    }
  }
  return folderError ? { id, url, name, folderError } : { id, url, name };
}

/**
 * Moves to the trash (File.setTrashed(true): recoverable, never deleted) the Google Docs
 * named `name` in `folder` that the add-on made (`made`); a Doc of that name a member made
 * is left alone. Returns the ids trashed.
 */
function trashSameName(folder: GoogleAppsScript.Drive.Folder, name: string, made: Set<string>): string[] {
  const out: string[] = [];
  const files = folder.getFilesByName(name);
  while (files.hasNext()) {
    const f = files.next();
    const id = f.getId();
    if (!made.has(id) || f.getMimeType() !== GOOGLE_DOCS_MIME) continue;
    f.setTrashed(true);
    out.push(id);
  }
  return out;
}

/** Document attributes keyed by DocumentApp.Attribute names. */
function style(attrs: Partial<Record<keyof typeof DocumentApp.Attribute, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attrs))
    out[String(DocumentApp.Attribute[k as keyof typeof DocumentApp.Attribute])] = v;
  return out;
}

const HEADINGS = () =>
  [
    DocumentApp.ParagraphHeading.HEADING1,
    DocumentApp.ParagraphHeading.HEADING1,
    DocumentApp.ParagraphHeading.HEADING2,
    DocumentApp.ParagraphHeading.HEADING3,
  ] as const;

function renderBlock(body: GoogleAppsScript.Document.Body, b: Block): void {
  switch (b.kind) {
    case 'heading':
      body.appendParagraph(b.text).setHeading(HEADINGS()[b.level]);
      return;
    case 'paragraph': {
      const p = body.appendParagraph(b.text);
      if (b.style === 'note')
        p.setAttributes(style({ FONT_SIZE: 9, ITALIC: true, FOREGROUND_COLOR: '#5f6b7a' }));
      else if (b.style === 'lead') p.setAttributes(style({ BOLD: true, FONT_SIZE: 11 }));
      return;
    }
    case 'table':
      renderTable(body, b);
      return;
    case 'bullets':
      // The glyph is set: an appended list item is numbered by default in Apps Script.
      for (const item of b.items) body.appendListItem(item).setGlyphType(DocumentApp.GlyphType.BULLET);
      return;
    case 'image': {
      const bytes: number[] = Array.from(b.png, (x) => (x > 127 ? x - 256 : x));
      const blob = Utilities.newBlob(bytes, 'image/png', 'chart.png');
      const img = body.appendImage(blob);
      img.setWidth(b.width);
      img.setHeight(b.height);
      img.getParent().asParagraph().setAlignment(DocumentApp.HorizontalAlignment.CENTER);
      return;
    }
    case 'pageBreak':
      body.appendPageBreak();
      return;
  }
}

function renderTable(body: GoogleAppsScript.Document.Body, b: Extract<Block, { kind: 'table' }>): void {
  const cols = b.header.length;
  const table = body.appendTable([
    b.header,
    ...b.rows.map((r) => Array.from({ length: cols }, (_, i) => r[i] ?? '')),
  ]);
  table.setBorderColor(BORDER);
  table.editAsText().setFontSize(9);
  const head = table.getRow(0);
  head.editAsText().setBold(true);
  const widths = b.widths ?? b.header.map(() => 1);
  const sum = widths.reduce((a, w) => a + w, 0) || 1;
  for (let i = 0; i < cols; i++) {
    head.getCell(i).setBackgroundColor(HEADER_FILL);
    table.setColumnWidth(i, Math.round(((widths[i] ?? 1) / sum) * TABLE_WIDTH_PT));
  }
  if (b.totalRow && b.rows.length) table.getRow(b.rows.length).editAsText().setBold(true);
}
