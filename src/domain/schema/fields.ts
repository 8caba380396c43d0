/**
 * The schema's vocabulary: what a field and a table are, the option lists' shape, and the
 * constructors the table definitions (schema.ts, schema/partners.ts) are written with.
 */

export type FieldType =
  | 'id' // the record's stable ID, allocated by the add-on (`S-0001`)
  | 'text' // one line of free text
  | 'longtext' // free text that may span lines (notes, outcomes)
  | 'email' // one email address
  | 'emails' // comma-separated email addresses
  | 'refs' // comma-separated record IDs (`S-0003, C-0012`)
  | 'ref' // one record ID of another table
  | 'date' // a calendar day
  | 'datetime' // a calendar day, optionally with a time of day
  | 'number' // a number >= 0 unless `min` says otherwise
  | 'integer'
  | 'boolean' // TRUE / FALSE checkbox
  | 'enum'; // one of `options` (dropdown)

/** A word in each language the add-on speaks. The English one of a field is its header. */
export interface Label {
  readonly en: string;
  readonly zh: string;
}

export interface FieldDef {
  /** Header text in row 1: columns are found by this text, never by position. */
  readonly header: string;
  /** Property name of the parsed record. */
  readonly key: string;
  readonly type: FieldType;
  /** How forms and documents name the field (`en` is the header). */
  readonly label: Label;
  /** Allowed values for `enum` fields (strict), or suggestions for `text` fields (dropdown that allows others). */
  readonly options?: readonly string[];
  /** How each option is named in Chinese (the option itself is what the sheet holds). */
  readonly optionNames?: Readonly<Record<string, string>>;
  readonly required?: boolean;
  readonly min?: number;
  readonly max?: number;
  /**
   * Table(s) a `ref`/`refs` field points to: its values are IDs of those tables (a save
   * refuses an ID that is not there). On an `email`/`emails` field, `Members`: each address
   * must be a member's Email.
   */
  readonly refTable?: TableName | readonly TableName[];
  /** No two records may hold the same value (ignoring case): Members' Email. */
  readonly unique?: boolean;
  /** Longest accepted text, in characters. */
  readonly maxLength?: number;
  /** Default value written by forms when the field is left blank. */
  readonly defaultValue?: string | number | boolean;
  /**
   * Codes and phone numbers: Set up formats the column as plain text (`@`), so what a member
   * types by hand (`007`, `+86 138 0000 0000`) is kept as typed too.
   */
  readonly plainText?: boolean;
  /**
   * A column a sheet may go without (members add it when they want it): it is read when
   * present, never required, and Set up does not add it. (A field that is neither optional
   * nor required — Late, Return By — is added by Set up, and a sheet without it still works.)
   */
  readonly optional?: boolean;
}

export type TableName =
  | 'Members'
  | 'Sponsors'
  | 'Contacts'
  | 'Meetings'
  | 'Ledger'
  | 'Events'
  | 'Settings'
  | 'Benefits'
  | 'Templates';

export interface TableDef {
  readonly name: TableName;
  /** ID prefix, e.g. `S` gives `S-0001`. Settings has none. */
  readonly idPrefix?: string;
  readonly fields: readonly FieldDef[];
  /** Property of the record shown as its human name in lists, emails and documents. */
  readonly titleKey: string;
  /** Properties shown under the title in the sidebar's search list (first three that are filled). */
  readonly listKeys: readonly string[];
  /**
   * More properties the sidebar's search matches (beside the ID, the title and listKeys):
   * how members look people up (a phone number, an email). Each is one more column read.
   */
  readonly searchKeys?: readonly string[];
  /** What one record and many are called (`sponsor`, `sponsors`; `赞助商`). */
  readonly noun: { readonly one: Label; readonly many: Label };
  /** A field whose values mean the record needs no more work (Sponsors: Declined, Dormant, Thanked). */
  readonly closed?: { readonly key: string; readonly values: readonly string[] };
  /**
   * How the sidebar archives a record (records are archived, never deleted): the field and
   * the value it gets; `today` for a date field (the day it was archived).
   */
  readonly archive?: { readonly key: string; readonly value: string | boolean };
}

/** Cells longer than this are rejected (Google Sheets' own cell limit is 50,000 characters). */
export const MAX_TEXT = 5000;
export const MAX_SHORT_TEXT = 500;

/**
 * A list of options with their Chinese names, declared once: the values are what the sheet
 * holds (and the order the dropdown shows), the names what forms and documents show.
 */
export function optionSet<const V extends string>(names: Readonly<Record<V, string>>) {
  return { values: Object.keys(names) as V[], names };
}

export const LANGUAGE_SET = optionSet({ en: 'English', zh: '中文' });

export type Extra = Partial<Omit<FieldDef, 'header' | 'key' | 'label'>>;
export const field = (
  type: FieldType,
  header: string,
  key: string,
  zh: string,
  extra: Extra = {},
): FieldDef => ({
  header,
  key,
  type,
  label: { en: header, zh },
  ...extra,
});
export const t = (header: string, key: string, zh: string, extra: Extra = {}) =>
  field('text', header, key, zh, { maxLength: MAX_SHORT_TEXT, ...extra });
export const long = (header: string, key: string, zh: string) =>
  field('longtext', header, key, zh, { maxLength: MAX_TEXT });
export const email = (header: string, key: string, zh: string, extra: Extra = {}) =>
  field('email', header, key, zh, { maxLength: 254, ...extra });
/** A member's Email (owners, leads, who handled an entry): must be in Members. */
export const member = (header: string, key: string, zh: string) =>
  email(header, key, zh, { refTable: 'Members' });
export const date = (header: string, key: string, zh: string, extra: Extra = {}) =>
  field('date', header, key, zh, extra);
export const num = (header: string, key: string, zh: string, extra: Extra = {}) =>
  field('number', header, key, zh, { min: 0, max: 1e12, ...extra });
export const enm = (
  header: string,
  key: string,
  zh: string,
  set: { values: readonly string[]; names: Readonly<Record<string, string>> },
  extra: Extra = {},
) => field('enum', header, key, zh, { options: set.values, optionNames: set.names, ...extra });
/** Free text with suggestions (a dropdown that allows other values). */
export const suggest = (
  header: string,
  key: string,
  zh: string,
  set: { values: readonly string[]; names: Readonly<Record<string, string>> },
) => t(header, key, zh, { options: set.values, optionNames: set.names });
export const id = (header: string, zh: string) => field('id', header, 'id', zh, { plainText: true });
export const ref = (header: string, key: string, zh: string, table: TableName) =>
  field('ref', header, key, zh, { refTable: table, plainText: true });
export const phone = () => t('Phone', 'phone', '电话', { maxLength: 50, plainText: true });
export const notes = () => long('Notes', 'notes', '备注');
export const noun = (one: string, many: string, zhOne: string, zhMany = zhOne) => ({
  one: { en: one, zh: zhOne },
  many: { en: many, zh: zhMany },
});
