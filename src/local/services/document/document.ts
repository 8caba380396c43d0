/**
 * Document: one open Google Doc — its id, name (which is its Drive file's name), URL, body,
 * header and footer sections, and saveAndClose (after which it cannot be changed).
 * https://developers.google.com/apps-script/reference/document/document
 */
import { GasError } from '../../errors';
import { BodyImpl, ContainerImpl } from './body';
import { emptyParagraph } from './model';
import { checkText, type Session, touch } from './session';

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
    this.s.doc.header = [emptyParagraph()];
    touch(this.s);
    return this.section('header');
  }
  getFooter(): ContainerImpl | null {
    return this.s.doc.footer ? this.section('footer') : null;
  }
  addFooter(): ContainerImpl {
    if (this.s.doc.footer) throw new GasError('Document tab already contains a footer.');
    this.s.doc.footer = [emptyParagraph()];
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
