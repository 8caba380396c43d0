/**
 * Text and paragraph attributes: the DocumentApp.Attribute names, the paragraph headings,
 * and setAttributes (a map of attributes applied to an element or a cell).
 * https://developers.google.com/apps-script/reference/document/attribute
 * https://developers.google.com/apps-script/reference/document/paragraph-heading
 */
import { GasError } from '../../errors';
import type { ParagraphModel, TextStyle } from './model';
import { checkColor, type Session, touch } from './session';

export const HEADINGS = [
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

export const ATTRIBUTE_NAMES = [
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

/** The attributes that set a text style, with how each reads its value. */
const STYLE_ATTRIBUTES = new Map<string, [keyof TextStyle, (v: unknown) => unknown]>([
  ['BOLD', ['bold', Boolean]],
  ['ITALIC', ['italic', Boolean]],
  ['UNDERLINE', ['underline', Boolean]],
  ['FONT_SIZE', ['fontSize', Number]],
  ['FONT_FAMILY', ['fontFamily', String]],
  ['FOREGROUND_COLOR', ['foregroundColor', checkColor]],
  ['BACKGROUND_COLOR', ['backgroundColor', checkColor]],
]);

/**
 * Applies a map of attributes in its order (text styles, the alignment where the target has
 * one, paragraph spacing); other known attributes are accepted and ignored, unknown refused.
 */
export function applyAttributes(
  s: Session,
  target: { style: TextStyle; alignment?: string | null },
  attrs: unknown,
) {
  if (typeof attrs !== 'object' || attrs === null) throw new GasError('Invalid argument: attributes');
  for (const [k, v] of Object.entries(attrs as Record<string, unknown>)) {
    const style = STYLE_ATTRIBUTES.get(k);
    if (style) (target.style as Record<string, unknown>)[style[0]] = style[1](v);
    else if (k === 'HORIZONTAL_ALIGNMENT') {
      if ('alignment' in target) target.alignment = String(v);
    } else if (k === 'SPACING_BEFORE') (target as ParagraphModel).spacingBefore = Number(v);
    else if (k === 'SPACING_AFTER') (target as ParagraphModel).spacingAfter = Number(v);
    else if (!ATTRIBUTE_NAMES.includes(k)) throw new GasError(`Invalid attribute: ${k}`);
  }
  touch(s);
}
