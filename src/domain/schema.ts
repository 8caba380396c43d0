/**
 * The workbook schema: one table definition per sheet of the product contract
 * (shared/spec/workbook.md). It is the single source of truth for "Set up workbook"
 * (headers, validation, frozen rows), for parsing rows, for the sidebar forms and for
 * the column lists of generated documents. No Apps Script globals here.
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

export interface FieldDef {
  /** Header text in row 1: columns are found by this text, never by position. */
  readonly header: string;
  /** Property name of the parsed record. */
  readonly key: string;
  readonly type: FieldType;
  /** Allowed values for `enum` fields (strict), or suggestions for `text` fields (dropdown that allows others). */
  readonly options?: readonly string[];
  readonly required?: boolean;
  readonly min?: number;
  readonly max?: number;
  /** Table name a `ref`/`refs` field points to. */
  readonly refTable?: TableName | readonly TableName[];
  /** Longest accepted text, in characters. */
  readonly maxLength?: number;
  /** Default value written by forms when the field is left blank. */
  readonly defaultValue?: string | number | boolean;
  /**
   * Codes and phone numbers: Set up formats the column as plain text (`@`), so what a member
   * types by hand (`007`, `+86 138 0000 0000`) is kept as typed too.
   */
  readonly plainText?: boolean;
}

export type TableName = 'Members' | 'Sponsors' | 'Contacts' | 'Meetings' | 'Ledger' | 'Events' | 'Settings';

export interface TableDef {
  readonly name: TableName;
  /** ID prefix, e.g. `S` gives `S-0001`. Settings has none. */
  readonly idPrefix?: string;
  readonly fields: readonly FieldDef[];
  /** Property of the record shown as its human name in lists, emails and documents. */
  readonly titleKey: string;
}

/** Cells longer than this are rejected (Google Sheets' own cell limit is 50,000 characters). */
export const MAX_TEXT = 5000;
export const MAX_SHORT_TEXT = 500;

export const ROLES = ['Minister', 'Vice Minister', 'Treasurer', 'Officer'] as const;
export const GROUPS = ['Planning', 'Outreach', 'Etiquette', 'Publicity', 'Other'] as const;
export const SPONSOR_CATEGORIES = [
  'Telecom',
  'Retail',
  'Food & Drink',
  'Education',
  'Clothing',
  'Media',
  'Other',
] as const;
export const SPONSOR_STAGES = [
  'Prospect',
  'Contacted',
  'Negotiating',
  'Committed',
  'Delivered',
  'Thanked',
  'Declined',
  'Dormant',
] as const;
export const ORG_TYPES = [
  'Business',
  'Brother University',
  'Student Organization',
  'College Department',
  'Public Welfare',
  'Media',
  'Speaker',
  'Other',
] as const;
export const MEETING_TYPES = [
  'Department Meeting',
  'Sponsor Visit',
  'Inter-school Exchange',
  'Call',
  'Event Debrief',
  'Other',
] as const;
export const MEETING_STATUSES = ['Planned', 'Done', 'Cancelled'] as const;
export const LEDGER_TYPES = ['Income', 'Expense', 'In-kind'] as const;
export const LEDGER_STATUSES = ['Pending', 'Settled', 'Filed'] as const;
export const EVENT_STATUSES = ['Planning', 'Confirmed', 'Done', 'Cancelled'] as const;

const t = (header: string, key: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  header,
  key,
  type: 'text',
  maxLength: MAX_SHORT_TEXT,
  ...extra,
});
const long = (header: string, key: string): FieldDef => ({
  header,
  key,
  type: 'longtext',
  maxLength: MAX_TEXT,
});
const email = (header: string, key: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  header,
  key,
  type: 'email',
  maxLength: 254,
  ...extra,
});
const date = (header: string, key: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  header,
  key,
  type: 'date',
  ...extra,
});
const num = (header: string, key: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  header,
  key,
  type: 'number',
  min: 0,
  max: 1e12,
  ...extra,
});
const enm = (
  header: string,
  key: string,
  options: readonly string[],
  extra: Partial<FieldDef> = {},
): FieldDef => ({
  header,
  key,
  type: 'enum',
  options,
  ...extra,
});
const id = (header: string): FieldDef => ({ header, key: 'id', type: 'id', plainText: true });

export const MEMBERS: TableDef = {
  name: 'Members',
  idPrefix: 'M',
  titleKey: 'name',
  fields: [
    id('Member ID'),
    t('Name', 'name', { required: true, maxLength: 200 }),
    email('Email', 'email', { required: true }),
    t('Phone', 'phone', { maxLength: 50, plainText: true }),
    enm('Role', 'role', ROLES, { required: true, defaultValue: 'Officer' }),
    t('Group', 'group', { options: GROUPS }),
    { header: 'Active', key: 'active', type: 'boolean', defaultValue: true },
    date('Joined', 'joined'),
    long('Notes', 'notes'),
  ],
};

export const SPONSORS: TableDef = {
  name: 'Sponsors',
  idPrefix: 'S',
  titleKey: 'organization',
  fields: [
    id('Sponsor ID'),
    t('Organization', 'organization', { required: true }),
    t('Category', 'category', { options: SPONSOR_CATEGORIES }),
    enm('Stage', 'stage', SPONSOR_STAGES, { required: true, defaultValue: 'Prospect' }),
    email('Owner', 'owner'),
    t('Phone', 'phone', { maxLength: 50, plainText: true }),
    email('Email', 'email'),
    t('Address', 'address'),
    num('Pledged', 'pledged'),
    t('In-kind Pledged', 'inKindPledged'),
    date('Last Contacted', 'lastContacted'),
    date('Next Follow-up', 'nextFollowUp'),
    long('Notes', 'notes'),
  ],
};

export const CONTACTS: TableDef = {
  name: 'Contacts',
  idPrefix: 'C',
  titleKey: 'name',
  fields: [
    id('Contact ID'),
    t('Name', 'name', { required: true, maxLength: 200 }),
    t('Organization', 'organization'),
    t('Title', 'title'),
    enm('Org Type', 'orgType', ORG_TYPES, { defaultValue: 'Other' }),
    { header: 'Sponsor ID', key: 'sponsorId', type: 'ref', refTable: 'Sponsors', plainText: true },
    t('Phone', 'phone', { maxLength: 50, plainText: true }),
    email('Email', 'email'),
    t('Other Handle', 'otherHandle', { maxLength: 200, plainText: true }),
    email('Owner', 'owner'),
    { header: 'Cadence (days)', key: 'cadenceDays', type: 'integer', min: 1, max: 3650 },
    date('Last Contacted', 'lastContacted'),
    { header: 'Greetings', key: 'greetings', type: 'boolean', defaultValue: false },
    long('Notes', 'notes'),
  ],
};

export const MEETINGS: TableDef = {
  name: 'Meetings',
  idPrefix: 'MT',
  titleKey: 'title',
  fields: [
    id('Meeting ID'),
    { header: 'Date', key: 'date', type: 'datetime', required: true },
    enm('Type', 'type', MEETING_TYPES, { required: true }),
    t('Title', 'title', { required: true }),
    { header: 'With', key: 'with', type: 'refs', refTable: ['Sponsors', 'Contacts'], maxLength: MAX_TEXT },
    email('Owner', 'owner'),
    { header: 'Attendees', key: 'attendees', type: 'emails', maxLength: MAX_TEXT },
    { header: 'Excused', key: 'excused', type: 'emails', maxLength: MAX_TEXT },
    { header: 'Absent', key: 'absent', type: 'emails', maxLength: MAX_TEXT },
    enm('Status', 'status', MEETING_STATUSES, { required: true, defaultValue: 'Planned' }),
    long('Purpose', 'purpose'),
    long('Outcome', 'outcome'),
    long('Next Steps', 'nextSteps'),
    date('Follow-up Date', 'followUpDate'),
  ],
};

export const LEDGER: TableDef = {
  name: 'Ledger',
  idPrefix: 'L',
  titleKey: 'description',
  fields: [
    id('Entry ID'),
    date('Date', 'date', { required: true }),
    enm('Type', 'type', LEDGER_TYPES, { required: true }),
    { header: 'Event ID', key: 'eventId', type: 'ref', refTable: 'Events', plainText: true },
    { header: 'Sponsor ID', key: 'sponsorId', type: 'ref', refTable: 'Sponsors', plainText: true },
    t('Description', 'description', { required: true }),
    num('Quantity', 'quantity'),
    num('Amount', 'amount', { required: true }),
    email('Handled By', 'handledBy'),
    t('Receipt', 'receipt', { plainText: true }),
    enm('Status', 'status', LEDGER_STATUSES, { required: true, defaultValue: 'Pending' }),
    long('Notes', 'notes'),
  ],
};

export const EVENTS: TableDef = {
  name: 'Events',
  idPrefix: 'E',
  titleKey: 'name',
  fields: [
    id('Event ID'),
    t('Name', 'name', { required: true }),
    date('Date', 'date'),
    email('Lead', 'lead'),
    num('Budget', 'budget'),
    num('Sponsorship Target', 'sponsorshipTarget'),
    enm('Status', 'status', EVENT_STATUSES, { required: true, defaultValue: 'Planning' }),
    date('Feedback Sent', 'feedbackSent'),
    long('Notes', 'notes'),
  ],
};

export const SETTINGS: TableDef = {
  name: 'Settings',
  titleKey: 'setting',
  fields: [
    t('Setting', 'setting', { required: true }),
    t('Value', 'value', { maxLength: MAX_TEXT }),
    long('Notes', 'notes'),
  ],
};

/** Tables in the order "Set up workbook" creates them. */
export const TABLES: readonly TableDef[] = [MEMBERS, SPONSORS, CONTACTS, MEETINGS, LEDGER, EVENTS, SETTINGS];

export const TABLE_BY_NAME: Readonly<Record<TableName, TableDef>> = {
  Members: MEMBERS,
  Sponsors: SPONSORS,
  Contacts: CONTACTS,
  Meetings: MEETINGS,
  Ledger: LEDGER,
  Events: EVENTS,
  Settings: SETTINGS,
};

/** Tables whose records are edited one by one with sidebar forms (all but Settings). */
export const RECORD_TABLES: readonly TableDef[] = TABLES.filter((d) => d.idPrefix);

export function tableDef(name: string): TableDef {
  const def = (TABLE_BY_NAME as Record<string, TableDef | undefined>)[name];
  if (!def) throw new Error(`Unknown table "${name}".`);
  return def;
}

export function idField(def: TableDef): FieldDef | undefined {
  return def.fields.find((f) => f.type === 'id');
}

/** The Settings the add-on knows, with their defaults (what "Set up workbook" seeds). */
export const KNOWN_SETTINGS: readonly { setting: string; value: string; notes: string }[] = [
  {
    setting: 'Department',
    value: 'External Relations Department',
    notes: 'Shown on documents and as email sender name',
  },
  { setting: 'Term', value: '', notes: 'Label of the term, e.g. 2026 Autumn' },
  { setting: 'Semester start', value: '', notes: 'First day of the term (inclusive)' },
  { setting: 'Semester end', value: '', notes: 'Last day of the term (inclusive)' },
  { setting: 'Currency', value: 'CNY', notes: 'ISO 4217 code, e.g. CNY, USD' },
  { setting: 'Default cadence (days)', value: '30', notes: 'Keep-in-touch interval when a contact has none' },
  { setting: 'Reminder hour', value: '8', notes: 'Hour (0-23) of the daily reminder run' },
  { setting: 'Reports folder ID', value: '', notes: 'Optional Drive folder for generated documents' },
  { setting: 'Language', value: 'en', notes: 'en or zh: language of menus, documents and reminders' },
];
