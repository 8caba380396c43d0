/**
 * Festival dates and seed templates from the BUILT bundle: with Settings `Festival calendar`
 * = CN, Set up workbook and Start new term add the term's festivals as Holiday rows (lunar
 * dates right for 2027 and 2030), typed Holiday rows stay as they were, a second run adds
 * nothing; Set up seeds the Templates sheet once, in English and Chinese.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { TermPlanResponse, TermRunResponse } from '../../src/addon/term';
import { cellToDay } from '../../src/domain/dates';
import { LocalGoogle } from '../../src/local/backend';
import { LocalProject } from '../../src/local/runtime';
import { buildSample } from '../../src/local/sample';
import { SpreadsheetModel } from '../../src/local/services/spreadsheet';
import { bundleDir } from '../support/bundle';

process.env.TZ = 'UTC';
const TZ = 'Asia/Shanghai';
let project: LocalProject;
beforeAll(() => {
  project = new LocalProject(bundleDir());
});

type Model = SpreadsheetModel;
function rows(ss: Model, sheet: string): Record<string, unknown>[] {
  const [head, ...body] = ss.sheetByName(sheet)!.cells;
  return body
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(head!.map((h, i) => [String(h), r[i] ?? ''])));
}
const holidays = (ss: Model) =>
  rows(ss, 'Settings')
    .filter((r) => r.Setting === 'Holiday')
    .map((r) => `${cellToDay(r.Value, TZ)} ${r.Notes}`);
function setSetting(ss: Model, name: string, value: unknown) {
  const sh = ss.sheetByName('Settings')!;
  const at = rows(ss, 'Settings').findIndex((r) => r.Setting === name);
  if (at < 0) throw new Error(`no setting ${name}`);
  sh.set(at + 2, 2, value as string);
}
const snapshot = (ss: Model) => JSON.stringify(ss.sheets.map((s) => [s.name, s.cells]));

function sample(today: string) {
  const google = new LocalGoogle();
  google.setNow(new Date(`${today}T02:00:00Z`));
  const ss = buildSample(google, { today });
  return { google, ss };
}
const run = <T>(google: LocalGoogle, ss: Model, fn: string, args: unknown[] = []) =>
  project.run<T>(google, fn, args, { spreadsheetId: ss.id }).value;

describe('bundle: festival calendar', () => {
  it('Set up adds the term festivals once, leaving typed Holiday rows as they were', () => {
    const { google, ss } = sample('2026-11-23');
    const typed = holidays(ss);
    expect(typed).toContain('2026-10-01 National Day');
    setSetting(ss, 'Festival calendar', 'CN');
    setSetting(ss, 'Semester end', new Date('2027-09-30T00:00:00Z'));
    run(google, ss, 'menuSetUpWorkbook');
    const after = holidays(ss);
    expect(after.slice(0, typed.length)).toEqual(typed); // typed rows unchanged, first
    const added = after.slice(typed.length);
    expect(added).toContain('2027-02-06 Spring Festival');
    expect(added).toContain('2027-09-15 Mid-Autumn Festival');
    expect(added).toContain('2027-04-05 Qingming Festival');
    expect(added).toContain('2027-06-09 Dragon Boat Festival');
    // National Day 2026, New Year's Day and Youth Day 2027 were typed already: not again.
    expect(added.filter((h) => /National Day|New Year|Youth Day/.test(h))).toEqual([]);
    expect(new Set(after.map((h) => h.slice(0, 10))).size).toBe(after.length);
    const once = snapshot(ss);
    run(google, ss, 'menuSetUpWorkbook');
    expect(snapshot(ss)).toBe(once);
    // A festival the department deleted is not added back by the next Set up.
    const sh = ss.sheetByName('Settings')!;
    const qixi = sh.cells.findIndex((r) => r[0] === 'Holiday' && String(r[2]).startsWith('Qixi'));
    expect(qixi).toBeGreaterThan(0);
    sh.cells.splice(qixi, 1);
    const deleted = snapshot(ss);
    run(google, ss, 'menuSetUpWorkbook');
    expect(snapshot(ss)).toBe(deleted);
  });

  it('Start new term adds the new term festivals (2030), in Chinese for a zh department', () => {
    const { google, ss } = sample('2029-12-20');
    setSetting(ss, 'Language', 'zh');
    const input = { term: '2030 Spring', start: '2030-01-10', end: '2030-09-30' };
    const plan = run<TermPlanResponse>(google, ss, 'termPlan', [input]);
    expect(plan.festivals).toContain('2030-02-03 春节');
    const res = run<TermRunResponse>(google, ss, 'termRun', [input]);
    expect(res.ok).toBe(true);
    const h = holidays(ss);
    expect(h).toContain('2030-02-03 春节');
    expect(h).toContain('2030-09-12 中秋节');
    expect(h).toContain('2030-09-10 教师节');
    expect(res.steps.join('\n')).toContain('2030-02-03 春节');
    expect(h.filter((x) => plan.festivals.includes(x))).toEqual(plan.festivals); // as the dry run said
  });

  it('adds nothing with Festival calendar none, or for an English department left blank', () => {
    const { google, ss } = sample('2026-11-23');
    setSetting(ss, 'Semester end', new Date('2027-09-30T00:00:00Z'));
    const before = holidays(ss);
    run(google, ss, 'menuSetUpWorkbook');
    expect(holidays(ss)).toEqual(before);
    setSetting(ss, 'Language', 'zh');
    setSetting(ss, 'Festival calendar', 'none');
    run(google, ss, 'menuSetUpWorkbook');
    expect(holidays(ss)).toEqual(before);
  });
});

describe('bundle: seed templates', () => {
  it('a new workbook: Set up says it added the templates', () => {
    const google = new LocalGoogle();
    const ss = new SpreadsheetModel('ss-new', 'Outreach', TZ);
    ss.addSheet('Sheet1');
    google.spreadsheets.set(ss.id, ss);
    run(google, ss, 'menuSetUpWorkbook');
    expect(google.ui.at(-1)?.message).toContain('Templates added: 8');
    expect(rows(ss, 'Templates')).toHaveLength(8);
    run(google, ss, 'menuSetUpWorkbook');
    expect(google.ui.at(-1)?.message).not.toContain('Templates added');
    expect(rows(ss, 'Templates')).toHaveLength(8);
  });

  it('Set up seeds one template of each kind in English and Chinese, once', () => {
    const { google, ss } = sample('2026-11-23');
    const t = rows(ss, 'Templates');
    expect(t.map((r) => r['Template ID'])).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `T-000${n}`));
    for (const kind of ['Greeting', 'Thank-you', 'Feedback', 'Proposal'])
      expect(
        t
          .filter((r) => r.Kind === kind)
          .map((r) => r.Language)
          .sort(),
      ).toEqual(['en', 'zh']);
    expect(String(t[0]!.Body)).toContain('{{Holiday}}');
    // A member's edit and a deleted template stay as they are: Set up never re-seeds.
    const sh = ss.sheetByName('Templates')!;
    sh.set(2, 6, 'Dear {{Name}}, my own words');
    sh.deleteRows(9, 1);
    const before = snapshot(ss);
    run(google, ss, 'menuSetUpWorkbook');
    expect(snapshot(ss)).toBe(before);
    // Emptied on purpose: stays empty.
    sh.deleteRows(2, 7);
    const empty = snapshot(ss);
    run(google, ss, 'menuSetUpWorkbook');
    expect(snapshot(ss)).toBe(empty);
    void google;
  });
});
