/**
 * The templates "Set up workbook" writes into a new (empty) Templates sheet, in English and
 * Chinese: a holiday greeting, a thank-you after an event, a feedback cover letter and a
 * sponsorship proposal. Members edit them in the sheet or the sidebar; seeding never
 * touches a sheet that holds rows.
 */
export interface SeedTemplate {
  readonly name: string;
  readonly kind: 'Greeting' | 'Thank-you' | 'Feedback' | 'Proposal';
  readonly language: 'en' | 'zh';
  readonly subject: string;
  readonly body: string;
}

export const SEED_TEMPLATES: readonly SeedTemplate[] = [
  {
    name: 'Holiday greeting',
    kind: 'Greeting',
    language: 'en',
    subject: 'Happy {{Holiday}} from {{Department}}',
    body: 'Dear {{Name}}, on behalf of {{Department}}, warm wishes for {{Holiday}} to you and everyone at {{Organization}}! Thank you for your support. — {{Member}}',
  },
  {
    name: '节日祝福',
    kind: 'Greeting',
    language: 'zh',
    subject: '{{Department}}祝您{{Holiday}}快乐',
    body: '尊敬的{{Name}}：值此{{Holiday}}之际，{{Department}}谨向您和{{Organization}}的各位致以诚挚的祝福！感谢一直以来的支持。——{{Member}}',
  },
  {
    name: 'Thank-you after an event',
    kind: 'Thank-you',
    language: 'en',
    subject: 'Thank you for supporting {{Event}}',
    body: 'Dear {{Name}}, thank you for supporting {{Event}}. Your contribution ({{Gifts}}) made it possible, and we look forward to working with {{Organization}} again. — {{Member}}, {{Department}}',
  },
  {
    name: '活动致谢',
    kind: 'Thank-you',
    language: 'zh',
    subject: '感谢您对{{Event}}的支持',
    body: '尊敬的{{Name}}：衷心感谢{{Organization}}对{{Event}}的大力支持（{{Gifts}}），活动因此圆满举办，期待今后继续合作、互利共赢。——{{Department}} {{Member}}',
  },
  {
    name: 'Feedback cover letter',
    kind: 'Feedback',
    language: 'en',
    subject: 'Feedback on {{Event}}',
    body: 'Dear {{Name}}, please find attached our feedback on {{Event}}: what {{Organization}} gave, how it was used, and each benefit we promised with its evidence. — {{Member}}, {{Department}}',
  },
  {
    name: '反馈函',
    kind: 'Feedback',
    language: 'zh',
    subject: '{{Event}}活动反馈',
    body: '尊敬的{{Name}}：附上{{Event}}的活动反馈，包括{{Organization}}提供的支持、使用情况以及我们承诺的各项回报及其证明。——{{Department}} {{Member}}',
  },
  {
    name: 'Sponsorship proposal',
    kind: 'Proposal',
    language: 'en',
    subject: 'Sponsorship proposal: {{Event}}',
    body: 'Dear {{Name}}, {{Department}} is organising {{Event}} on {{Date}} and would be glad to have {{Organization}} as a sponsor. We propose a contribution of {{Amount}}; in return we offer your logo on our banners and a booth at the event. — {{Member}}',
  },
  {
    name: '赞助方案',
    kind: 'Proposal',
    language: 'zh',
    subject: '赞助邀请：{{Event}}',
    body: '尊敬的{{Name}}：{{Department}}将于{{Date}}举办{{Event}}，诚邀{{Organization}}成为赞助单位。建议赞助金额{{Amount}}，我们将在横幅上展示贵单位标志，并在活动现场提供展位。——{{Member}}',
  },
];
