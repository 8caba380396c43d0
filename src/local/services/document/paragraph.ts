/**
 * Paragraph and ListItem: a paragraph's text, heading, alignment, spacing and attributes;
 * a list item is a paragraph with a glyph and a nesting level.
 * https://developers.google.com/apps-script/reference/document/paragraph
 * https://developers.google.com/apps-script/reference/document/list-item
 */
import { GasError } from '../../errors';
import { applyAttributes, HEADINGS } from './attributes';
import type { ListItemModel, ParagraphModel } from './model';
import { checkText, type Session, touch } from './session';
import { type TextImpl, textView } from './text';

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
    return textView(
      this.s,
      () => [this._m],
      () => this._m.text,
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
