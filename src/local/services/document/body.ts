/**
 * Body, HeaderSection and FooterSection: a list of elements — paragraphs, list items,
 * tables from a 2-D string array, inline images, page breaks — appended, read and cleared;
 * the body also has the page's margins and size and a body-wide text style.
 * https://developers.google.com/apps-script/reference/document/body
 * https://developers.google.com/apps-script/reference/document/header-section
 * https://developers.google.com/apps-script/reference/document/footer-section
 */
import { GasError } from '../../errors';
import { applyAttributes } from './attributes';
import { InlineImageImpl, imageInfo } from './image';
import {
  type DocElementModel,
  elementText,
  emptyParagraph,
  type ListItemModel,
  type LocalDocument,
  type ParagraphModel,
  type TableModel,
  type TextStyle,
} from './model';
import { ListItemImpl, ParagraphImpl } from './paragraph';
import { checkText, childIndexError, type Session, touch } from './session';
import { TableImpl } from './table';
import { type TextImpl, textView } from './text';

/** The element list of a body or a header or footer section. */
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
  /** Appends an element and records the change. */
  private append<E extends DocElementModel>(e: E): E {
    this.list().push(e);
    touch(this.s);
    return e;
  }
  appendParagraph(text: unknown): ParagraphImpl {
    const p = this.append<ParagraphModel>({
      type: 'PARAGRAPH',
      text: checkText('Body.appendParagraph', text),
      heading: 'NORMAL',
      alignment: null,
      style: {},
    });
    return this.wrapEl(p) as ParagraphImpl;
  }
  appendListItem(text: unknown): ListItemImpl {
    const li = this.append<ListItemModel>({
      type: 'LIST_ITEM',
      text: checkText('Body.appendListItem', text),
      heading: 'NORMAL',
      alignment: null,
      style: {},
      glyph: 'NUMBER', // Apps Script's default list type is numbered (gas-fakes test/testdocslistitems.js:96)
      nesting: 0,
    });
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
    const t = this.append<TableModel>({
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
    });
    // Apps Script follows an appended table with an empty paragraph, in a body, header or
    // footer (gas-fakes test/testdocs.js:76-80, test/testdocssections.js:62-64).
    this.append<ParagraphModel>(emptyParagraph());
    return this.wrapEl(t) as TableImpl;
  }
  appendImage(blob: unknown): InlineImageImpl {
    const info = imageInfo(blob);
    const p = this.append<ParagraphModel>({ ...emptyParagraph(), image: info });
    return this.s.x.wrap(new InlineImageImpl(this.s, p), 'InlineImage');
  }
  appendPageBreak(): { getType(): string } {
    this.append<ParagraphModel>({ ...emptyParagraph(), pageBreak: true });
    return this.s.x.wrap({ getType: () => 'PAGE_BREAK' }, 'PageBreak');
  }
  getNumChildren(): number {
    return this.list().length;
  }
  getChild(i: number): ParagraphImpl | ListItemImpl | TableImpl {
    const e = this.list()[i];
    if (!e) throw childIndexError(i, this.list().length);
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
  /** Elements joined by newlines; a table's cells too (gas-fakes test/testdocsnext.js:26-32). */
  getText(): string {
    return this.list()
      .map((e) =>
        e.type === 'TABLE'
          ? e.rows
              .flat()
              .map((c) => c.text)
              .join('\n')
          : elementText(e),
      )
      .join('\n');
  }
  editAsText(): TextImpl {
    return textView(
      this.s,
      () => this.list().flatMap((e): { style: TextStyle }[] => (e.type === 'TABLE' ? e.rows.flat() : [e])),
      () => this.getText(),
    );
  }
  /** Removes all content; a body always keeps one empty paragraph, as in Google Docs. */
  clear(): this {
    const l = this.list();
    l.splice(0, l.length, emptyParagraph());
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
    return this.setMargin('top', pt);
  }
  setMarginBottom(pt: number): this {
    return this.setMargin('bottom', pt);
  }
  setMarginLeft(pt: number): this {
    return this.setMargin('left', pt);
  }
  setMarginRight(pt: number): this {
    return this.setMargin('right', pt);
  }
  private setMargin(side: keyof LocalDocument['margins'], pt: number): this {
    this.s.doc.margins[side] = Number(pt);
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
