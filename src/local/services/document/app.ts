/**
 * DocumentApp, emulated: creating a document (a new Google Doc has one empty paragraph and
 * is a file in the root of My Drive), opening one by id or URL, and the service's enums.
 * https://developers.google.com/apps-script/reference/document/document-app
 */
import type { DriveFileModel } from '../../backend';
import { GasError } from '../../errors';
import type { ServiceHost } from '../../host';
import { ATTRIBUTE_NAMES, HEADINGS } from './attributes';
import { DocumentImpl } from './document';
import { DOC_MIME, emptyParagraph, getLocalDocument, type LocalDocument } from './model';
import { checkText } from './session';

const enumOf = (names: string[]) => Object.freeze(Object.fromEntries(names.map((n) => [n, n])));

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
      body: [emptyParagraph()],
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
