import { describe, expect, it } from 'vitest';
import { templateErrors } from '../../src/domain/partners/template-rules';
import {
  fillTemplate,
  pickTemplate,
  type Template,
  UnknownPlaceholder,
  unknownPlaceholders,
} from '../../src/domain/templates';

const tpl = (id: string, kind: string, language: string, body: string): Template => ({
  id,
  name: id,
  kind,
  language,
  subject: '',
  body,
});

describe('fillTemplate', () => {
  it('fills every known placeholder, ignoring case and spaces inside the braces', () => {
    expect(
      fillTemplate('Dear {{Name}} of {{ organization }}, happy {{HOLIDAY}}! — {{Member}}, {{Department}}', {
        Name: 'Wang Fang',
        Organization: 'BNU',
        Holiday: 'Mid-Autumn Festival',
        Member: 'Li Wei',
        Department: 'External Relations',
      }),
    ).toBe('Dear Wang Fang of BNU, happy Mid-Autumn Festival! — Li Wei, External Relations');
  });

  it('leaves a known placeholder without a value empty, and text without braces as it is', () => {
    expect(fillTemplate('Thanks for {{Amount}} yuan', {})).toBe('Thanks for  yuan');
    expect(fillTemplate('Plain { text } }}', {})).toBe('Plain { text } }}');
  });

  it('refuses an unknown placeholder by name', () => {
    expect(() => fillTemplate('Hi {{Nmae}}', { Name: 'x' })).toThrow(UnknownPlaceholder);
    expect(() => fillTemplate('Hi {{Nmae}}', { Name: 'x' })).toThrow(/\{\{Nmae\}\}/);
    expect(unknownPlaceholders('{{Name}} {{Foo}} {{foo}} {{Foo}} {{Bar}}')).toEqual(['Foo', 'foo', 'Bar']);
  });
});

describe('pickTemplate', () => {
  const list = [
    tpl('T-0001', 'Greeting', 'en', 'Happy {{Holiday}}'),
    tpl('T-0002', 'Greeting', 'zh', '{{Holiday}}快乐'),
    tpl('T-0003', 'Thank-you', 'en', 'Thank you'),
    tpl('T-0004', 'Greeting', 'zh', 'broken {{Nope}}'),
  ];
  it('picks the kind in the language asked, else the kind in another language, else null', () => {
    expect(pickTemplate(list, 'Greeting', 'zh')?.id).toBe('T-0002');
    expect(pickTemplate(list, 'greeting', 'en')?.id).toBe('T-0001');
    expect(pickTemplate(list, 'Thank-you', 'zh')?.id).toBe('T-0003');
    expect(pickTemplate(list, 'Proposal', 'en')).toBeNull();
  });
  it('passes over a template with an unknown placeholder', () => {
    expect(pickTemplate([list[3]!, list[0]!], 'Greeting', 'zh')?.id).toBe('T-0001');
  });
});

describe('templateErrors', () => {
  it('names the field and the placeholder, in English and Chinese', () => {
    const [e, ...rest] = templateErrors(
      { subject: 'Hi', body: 'Dear {{Nom}}, {{Name}}' },
      { subject: 'Subject', body: 'Body' },
    );
    expect(rest).toEqual([]);
    expect(e!.field).toBe('body');
    expect(e!.message).toContain('Body');
    expect(e!.message).toContain('{{Nom}}');
    expect(e!.localized('zh')).toContain('{{Nom}}');
    expect(templateErrors({ subject: '{{Name}}', body: '' }, { subject: 'S', body: 'B' })).toEqual([]);
  });
});
