/** The partners' sheets (contract: Partners): what sponsors were promised, message templates. */
import { date, enm, id, LANGUAGE_SET, long, member, noun, optionSet, ref, type TableDef, t } from './fields';

export const BENEFIT_STATUS_SET = optionSet({ Promised: '已承诺', Done: '已完成' });
export const BENEFIT_STATUSES = BENEFIT_STATUS_SET.values;

/** What sponsors were promised in return (a logo on the banner, a booth), and its evidence. */
export const BENEFITS: TableDef = {
  name: 'Benefits',
  idPrefix: 'B',
  titleKey: 'benefit',
  listKeys: ['status', 'due', 'sponsorId'],
  noun: noun('benefit', 'benefits', '赞助回报'),
  fields: [
    id('Benefit ID', '回报编号'),
    ref('Sponsor ID', 'sponsorId', '赞助商编号', 'Sponsors'),
    ref('Event ID', 'eventId', '活动编号', 'Events'),
    t('Benefit', 'benefit', '回报内容', { required: true }),
    date('Due', 'due', '截止日期'),
    member('Owner', 'owner', '负责人'),
    enm('Status', 'status', '状态', BENEFIT_STATUS_SET, { required: true, defaultValue: 'Promised' }),
    t('Evidence', 'evidence', '证明链接', { maxLength: 2000, plainText: true }),
  ],
};

export const TEMPLATE_KIND_SET = optionSet({
  Greeting: '节日问候',
  'Thank-you': '致谢',
  Feedback: '反馈',
  Proposal: '赞助方案',
});

/** Message templates (Partners): `{{Placeholder}}` bodies, see domain/templates.ts. */
export const TEMPLATES: TableDef = {
  name: 'Templates',
  idPrefix: 'T',
  titleKey: 'name',
  listKeys: ['kind', 'language', 'subject'],
  noun: noun('template', 'templates', '模板'),
  fields: [
    id('Template ID', '模板编号'),
    t('Name', 'name', '名称', { required: true }),
    enm('Kind', 'kind', '类型', TEMPLATE_KIND_SET, { required: true, defaultValue: 'Greeting' }),
    enm('Language', 'language', '语言', LANGUAGE_SET, { required: true, defaultValue: 'en' }),
    t('Subject', 'subject', '邮件主题'),
    long('Body', 'body', '正文'),
  ],
};
