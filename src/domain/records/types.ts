/**
 * Records' types and errors: field values, a record read from a sheet, SchemaError (a sheet
 * whose headers are wrong) and FieldError (one field's value refused, in any language).
 */
import { type Lang, type MessageKey, msg } from '../i18n';
import type { FieldDef } from '../schema';

/** The codes of field errors: the `field.*` keys of the message catalog. */
export type FieldCode = MessageKey extends infer K ? (K extends `field.${infer C}` ? C : never) : never;

export type Cell = string | number | boolean | Date;
export type FieldValue = string | number | boolean | null | string[];
export type RecordData = Record<string, FieldValue>;

/** A record read from a sheet, with where it was found. */
export interface SheetRecord {
  /** 1-based sheet row. */
  readonly row: number;
  readonly data: RecordData;
  /** Problems found while parsing (the record is still returned, with the field blank). */
  readonly problems: string[];
}

export class SchemaError extends Error {
  constructor(
    message: string,
    readonly table: string,
    readonly missing: readonly string[],
  ) {
    super(message);
    this.name = 'SchemaError';
  }
}

/**
 * A field error: names the field so forms can show it next to the input. `code` and
 * `params` render it in any language of the catalog (`field.<code>` in i18n.ts); the
 * message is the English one.
 */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    readonly code: FieldCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(msg('en', `field.${code}`, params));
    this.name = 'FieldError';
  }
  /** The message in `lang`, with the field's header replaced by `label` when given. */
  localized(lang: Lang, label?: string): string {
    return msg(
      lang,
      `field.${this.code}`,
      label === undefined ? this.params : { ...this.params, field: label },
    );
  }
}

export const fieldError = (
  f: FieldDef,
  code: FieldCode,
  params: Record<string, string | number | undefined> = {},
) => {
  const clean: Record<string, string | number> = { field: f.header };
  for (const [k, v] of Object.entries(params)) if (v !== undefined) clean[k] = v;
  return new FieldError(f.key, code, clean);
};
