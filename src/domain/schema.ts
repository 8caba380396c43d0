/**
 * The workbook schema: one table definition per sheet of the product contract
 * (shared/spec/workbook.md). It is the single source of truth for "Set up workbook"
 * (headers, validation, frozen rows), for parsing rows, for the sidebar forms and for
 * the column lists of generated documents. No Apps Script globals here.
 */

import {
  date,
  email,
  enm,
  type FieldDef,
  field,
  id,
  LANGUAGE_SET,
  long,
  MAX_TEXT,
  member,
  notes,
  noun,
  num,
  optionSet,
  phone,
  ref,
  suggest,
  type TableDef,
  type TableName,
  t,
} from './schema/fields';
import { BENEFIT_STATUS_SET, BENEFITS, TEMPLATE_KIND_SET, TEMPLATES } from './schema/partners';

export type { FieldDef, FieldType, Label, TableDef, TableName } from './schema/fields';
export { MAX_SHORT_TEXT, MAX_TEXT } from './schema/fields';
export { BENEFIT_STATUSES, BENEFITS, TEMPLATES } from './schema/partners';

const ROLE_SET = optionSet({
  Minister: '部长',
  'Vice Minister': '副部长',
  Treasurer: '财务',
  Officer: '干事',
});
const GROUP_SET = optionSet({
  Planning: '策划组',
  Outreach: '外联组',
  Etiquette: '礼仪组',
  Publicity: '宣传组',
  Other: '其他',
});
const CATEGORY_SET = optionSet({
  Telecom: '通信运营商',
  Retail: '零售',
  'Food & Drink': '餐饮',
  Education: '教育培训',
  Clothing: '服装',
  Media: '媒体',
  Other: '其他',
});
const STAGE_SET = optionSet({
  Prospect: '潜在',
  Contacted: '已联系',
  Negotiating: '洽谈中',
  Committed: '已承诺',
  Delivered: '已交付',
  Thanked: '已致谢',
  Declined: '已拒绝',
  Dormant: '休眠',
});
const ORG_TYPE_SET = optionSet({
  Business: '企业商家',
  'Brother University': '兄弟院校',
  'Student Organization': '学生组织',
  'College Department': '学院部门',
  'Public Welfare': '公益组织',
  Media: '媒体',
  Speaker: '讲者',
  Other: '其他',
});
const MEETING_TYPE_SET = optionSet({
  'Department Meeting': '部门例会',
  'Sponsor Visit': '赞助拜访',
  'Inter-school Exchange': '校际交流',
  Call: '电话',
  'Event Debrief': '活动总结',
  Other: '其他',
  Greeting: '节日问候',
});
const MEETING_STATUS_SET = optionSet({ Planned: '计划中', Done: '已完成', Cancelled: '已取消' });
const LEDGER_TYPE_SET = optionSet({ Income: '现金收入', Expense: '支出', 'In-kind': '实物' });
const LEDGER_STATUS_SET = optionSet({ Pending: '待结算', Settled: '已结算', Filed: '已归档' });
const EVENT_STATUS_SET = optionSet({
  Planning: '筹备中',
  Confirmed: '已确认',
  Done: '已完成',
  Cancelled: '已取消',
});

export const ROLES = ROLE_SET.values;
export const GROUPS = GROUP_SET.values;
export const SPONSOR_CATEGORIES = CATEGORY_SET.values;
export const SPONSOR_STAGES = STAGE_SET.values;
export const ORG_TYPES = ORG_TYPE_SET.values;
export const MEETING_TYPES = MEETING_TYPE_SET.values;
export const MEETING_STATUSES = MEETING_STATUS_SET.values;
export const LEDGER_TYPES = LEDGER_TYPE_SET.values;
export const LEDGER_STATUSES = LEDGER_STATUS_SET.values;
export const EVENT_STATUSES = EVENT_STATUS_SET.values;

export const MEMBERS: TableDef = {
  name: 'Members',
  idPrefix: 'M',
  titleKey: 'name',
  listKeys: ['role', 'email', 'group'],
  searchKeys: ['phone'],
  noun: noun('member', 'members', '成员'),
  archive: { key: 'active', value: false },
  fields: [
    id('Member ID', '成员编号'),
    t('Name', 'name', '姓名', { required: true, maxLength: 200 }),
    email('Email', 'email', '邮箱', { required: true, unique: true }),
    phone(),
    enm('Role', 'role', '职务', ROLE_SET, { required: true, defaultValue: 'Officer' }),
    suggest('Group', 'group', '小组', GROUP_SET),
    field('boolean', 'Active', 'active', '在任', { defaultValue: true }),
    date('Joined', 'joined', '加入日期'),
    notes(),
    t('Language', 'language', '语言', {
      options: LANGUAGE_SET.values,
      optionNames: LANGUAGE_SET.names,
      optional: true,
    }),
  ],
};

export const SPONSORS: TableDef = {
  name: 'Sponsors',
  idPrefix: 'S',
  titleKey: 'organization',
  listKeys: ['stage', 'owner', 'category'],
  searchKeys: ['phone', 'email'],
  noun: noun('sponsor', 'sponsors', '赞助商'),
  closed: { key: 'stage', values: ['Declined', 'Dormant', 'Thanked'] },
  archive: { key: 'stage', value: 'Dormant' },
  fields: [
    id('Sponsor ID', '赞助商编号'),
    t('Organization', 'organization', '单位', { required: true }),
    suggest('Category', 'category', '类别', CATEGORY_SET),
    enm('Stage', 'stage', '阶段', STAGE_SET, { required: true, defaultValue: 'Prospect' }),
    member('Owner', 'owner', '负责人'),
    phone(),
    email('Email', 'email', '邮箱'),
    t('Address', 'address', '地址'),
    num('Pledged', 'pledged', '承诺金额'),
    t('In-kind Pledged', 'inKindPledged', '承诺物资'),
    date('Last Contacted', 'lastContacted', '最近联系'),
    date('Next Follow-up', 'nextFollowUp', '下次跟进'),
    notes(),
    // The sponsor's language (its feedback pack is written in it); blank = the department's.
    t('Language', 'language', '语言', {
      options: LANGUAGE_SET.values,
      optionNames: LANGUAGE_SET.names,
      optional: true,
    }),
  ],
};

export const CONTACTS: TableDef = {
  name: 'Contacts',
  idPrefix: 'C',
  titleKey: 'name',
  listKeys: ['organization', 'title', 'owner'],
  searchKeys: ['phone', 'email'],
  noun: noun('contact', 'contacts', '联系人'),
  archive: { key: 'archived', value: 'today' },
  fields: [
    id('Contact ID', '联系人编号'),
    t('Name', 'name', '姓名', { required: true, maxLength: 200 }),
    t('Organization', 'organization', '单位'),
    t('Title', 'title', '职务'),
    enm('Org Type', 'orgType', '单位类型', ORG_TYPE_SET, { defaultValue: 'Other' }),
    ref('Sponsor ID', 'sponsorId', '赞助商编号', 'Sponsors'),
    phone(),
    email('Email', 'email', '邮箱'),
    t('Other Handle', 'otherHandle', '其他联系方式', { maxLength: 200, plainText: true }),
    member('Owner', 'owner', '负责人'),
    field('integer', 'Cadence (days)', 'cadenceDays', '联系周期（天）', { min: 1, max: 3650 }),
    date('Last Contacted', 'lastContacted', '最近联系'),
    field('boolean', 'Greetings', 'greetings', '节日问候', { defaultValue: false }),
    notes(),
    date('Archived', 'archived', '归档日期'),
    date('Last Greeted', 'lastGreeted', '最近问候'),
    MEMBERS.fields.find((f) => f.key === 'language')!, // optional, as on Members: the contact's language
  ],
};

export const MEETINGS: TableDef = {
  name: 'Meetings',
  idPrefix: 'MT',
  titleKey: 'title',
  listKeys: ['type', 'status', 'date'],
  noun: noun('meeting', 'meetings and visits', '会议', '会议与拜访'),
  fields: [
    id('Meeting ID', '会议编号'),
    field('datetime', 'Date', 'date', '日期', { required: true }),
    enm('Type', 'type', '类型', MEETING_TYPE_SET, { required: true }),
    t('Title', 'title', '主题', { required: true }),
    field('refs', 'With', 'with', '对象', { refTable: ['Sponsors', 'Contacts'], maxLength: MAX_TEXT }),
    member('Owner', 'owner', '负责人'),
    field('emails', 'Attendees', 'attendees', '出席', { maxLength: MAX_TEXT, refTable: 'Members' }),
    field('emails', 'Excused', 'excused', '请假', { maxLength: MAX_TEXT, refTable: 'Members' }),
    field('emails', 'Absent', 'absent', '缺席', { maxLength: MAX_TEXT, refTable: 'Members' }),
    enm('Status', 'status', '状态', MEETING_STATUS_SET, { required: true, defaultValue: 'Planned' }),
    long('Purpose', 'purpose', '目的（计划）'),
    long('Outcome', 'outcome', '结果（报告）'),
    long('Next Steps', 'nextSteps', '后续步骤'),
    date('Follow-up Date', 'followUpDate', '跟进日期'),
    field('emails', 'Late', 'late', '迟到', { maxLength: MAX_TEXT, refTable: 'Members' }), // also in Attendees
  ],
};

export const LEDGER: TableDef = {
  name: 'Ledger',
  idPrefix: 'L',
  titleKey: 'description',
  listKeys: ['amount', 'type', 'status'],
  noun: noun('ledger entry', 'ledger entries', '账目'),
  fields: [
    id('Entry ID', '账目编号'),
    date('Date', 'date', '日期', { required: true }),
    enm('Type', 'type', '类型', LEDGER_TYPE_SET, { required: true }),
    ref('Event ID', 'eventId', '活动编号', 'Events'),
    ref('Sponsor ID', 'sponsorId', '赞助商编号', 'Sponsors'),
    t('Description', 'description', '说明', { required: true }),
    num('Quantity', 'quantity', '数量'),
    num('Amount', 'amount', '金额', { required: true }),
    member('Handled By', 'handledBy', '经手人'),
    t('Receipt', 'receipt', '票据', { plainText: true }),
    enm('Status', 'status', '状态', LEDGER_STATUS_SET, { required: true, defaultValue: 'Pending' }),
    notes(),
    // Lent goods (In-kind on loan): the day they go back, and the day they did (blank = still out).
    date('Return By', 'returnBy', '归还期限'),
    date('Returned', 'returned', '归还日期'),
  ],
};

export const EVENTS: TableDef = {
  name: 'Events',
  noun: noun('event', 'events', '活动'),
  idPrefix: 'E',
  titleKey: 'name',
  listKeys: ['status', 'date', 'lead'],
  archive: { key: 'archived', value: 'today' },
  fields: [
    id('Event ID', '活动编号'),
    t('Name', 'name', '名称', { required: true }),
    date('Date', 'date', '日期'),
    member('Lead', 'lead', '负责人'),
    num('Budget', 'budget', '预算'),
    num('Sponsorship Target', 'sponsorshipTarget', '赞助目标'),
    enm('Status', 'status', '状态', EVENT_STATUS_SET, { required: true, defaultValue: 'Planning' }),
    date('Feedback Sent', 'feedbackSent', '已反馈日期'),
    notes(),
    date('Archived', 'archived', '归档日期'),
  ],
};

export const SETTINGS: TableDef = {
  name: 'Settings',
  titleKey: 'setting',
  listKeys: ['value'],
  noun: noun('setting', 'settings', '设置'),
  fields: [
    t('Setting', 'setting', '设置项', { required: true }),
    t('Value', 'value', '值', { maxLength: MAX_TEXT }),
    notes(),
  ],
};

/** The add-on's own bookkeeping sheets (hidden): declared here like the tables. */
export interface LogSheetDef {
  readonly name: string;
  readonly header: readonly string[];
}
export const AUDIT_LOG: LogSheetDef = {
  name: '_Audit',
  header: ['When', 'Who', 'Action', 'Sheet', 'Record ID', 'Row', 'Details', 'Fields'],
};
export const REMINDER_LOG: LogSheetDef = {
  name: '_Reminders',
  header: ['Date', 'Member', 'Items', 'Sent At', 'Status', 'Run By'],
};

/** Which contact was greeted for which holiday (a Last Greeted date alone cannot tell two near holidays apart). */
export const GREETING_LOG: LogSheetDef = {
  name: '_Greetings',
  header: ['Date', 'Contact ID', 'Holiday', 'Holiday Day', 'By'],
};

/** The fields a sheet must have (all but the optional ones). */
export const requiredColumns = (def: TableDef): readonly FieldDef[] => def.fields.filter((f) => !f.optional);

/** Every option's Chinese name, across all option lists (values shared by lists share names). */
export const OPTION_NAMES_ZH: Readonly<Record<string, string>> = Object.assign(
  {},
  ...[
    ROLE_SET,
    GROUP_SET,
    CATEGORY_SET,
    STAGE_SET,
    ORG_TYPE_SET,
    MEETING_TYPE_SET,
    MEETING_STATUS_SET,
    LEDGER_TYPE_SET,
    LEDGER_STATUS_SET,
    EVENT_STATUS_SET,
    BENEFIT_STATUS_SET,
    TEMPLATE_KIND_SET,
  ].map((s) => s.names),
);

/** Tables in the order "Set up workbook" creates them. */
export const TABLES: readonly TableDef[] = [
  MEMBERS,
  SPONSORS,
  CONTACTS,
  MEETINGS,
  LEDGER,
  EVENTS,
  SETTINGS,
  BENEFITS,
  TEMPLATES,
];

export const TABLE_BY_NAME: Readonly<Record<TableName, TableDef>> = {
  Members: MEMBERS,
  Sponsors: SPONSORS,
  Contacts: CONTACTS,
  Meetings: MEETINGS,
  Ledger: LEDGER,
  Events: EVENTS,
  Settings: SETTINGS,
  Benefits: BENEFITS,
  Templates: TEMPLATES,
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
  {
    setting: 'Festival calendar',
    value: '',
    notes: 'CN: the Chinese festivals as Holidays; none; blank: CN if zh',
  },
];
