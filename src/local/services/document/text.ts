/**
 * Text: the text of an element (a paragraph, a cell, a row, a table, a body) and its
 * styles. Whole-element edits only: a character range is not emulated.
 * https://developers.google.com/apps-script/reference/document/text
 */
import { GasError } from '../../errors';
import { applyAttributes } from './attributes';
import type { TextStyle } from './model';
import { checkColor, type Session, touch } from './session';

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

/**
 * What every element's editAsText() returns: a Text over `targets` (the styled parts the
 * element is made of) reading `text`, counted as one `Text` object.
 */
export function textView(s: Session, targets: () => { style: TextStyle }[], text: () => string): TextImpl {
  return s.x.wrap(new TextImpl(s, targets, text), 'Text');
}
