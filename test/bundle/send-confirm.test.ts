/**
 * Send reminders now, confirmed first (the built bundle in the local runtime): the menu item
 * checks the role, then opens the Send dialog and sends nothing; the dialog's
 * `remindersConfirm` says how many digests would go to whom today, who is skipped and why,
 * the mail quota left and who it would not cover — without sending or writing — in the
 * member's language; `remindersSend` (the Send button) runs the job and answers its summary.
 * Both refuse a member who may not send reminders, as the menu does.
 */
process.env.TZ = 'UTC';

import { describe, expect, it } from 'vitest';
import { LocalProject } from '../../src/local/runtime';
import { setMailQuota } from '../../src/local/services/mail';
import {
  BUNDLE_DIR,
  dueContactFor,
  MINISTER,
  put,
  setSetting,
  TREASURER,
  VICE,
  workbook,
} from './reminders-fixture';

type View = {
  lang: string;
  text: Record<string, string>;
  day: string;
  runBy: string;
  quotaLeft: number;
  to: { name: string; email: string; items: number; overQuota: boolean }[];
  skipped: { reason: string; names: string[] }[];
  skippedCount: number;
};
type Result = { sent: { email: string }[]; skipped: unknown[]; deferred: unknown[]; lines: string[] };

const project = new LocalProject(BUNDLE_DIR);

function due() {
  const f = workbook();
  dueContactFor(f.ss, [MINISTER, TREASURER, 'officer1@x.edu']);
  put(f.ss, 'Members', [
    { 'Member ID': 'M-0099', Name: 'Gone', Email: 'gone@x.edu', Role: 'Officer', Active: false },
  ]);
  const as = (user: string) => ({
    run: <T>(fn: string) => project.run<T>(f.google, fn, [], { spreadsheetId: f.ss.id, user }).value,
  });
  return { ...f, as };
}

describe('Send reminders now: the confirm dialog', () => {
  it('the menu item opens the dialog and sends nothing', () => {
    const { google, as } = due();
    expect(as(MINISTER).run('menuSendRemindersNow')).toBeNull();
    const dialog = google.ui.at(-1)!;
    expect(dialog).toMatchObject({ kind: 'dialog', title: 'Send reminders now' });
    expect(dialog.html).toContain('id="sd-send"');
    expect(google.outbox).toHaveLength(0);
  });

  it('the role check comes first: an officer gets the refusal, no dialog, and the server refuses too', () => {
    const { google, as } = due();
    expect(as('officer1@x.edu').run('menuSendRemindersNow')).toBeNull();
    expect(google.ui.at(-1)).toMatchObject({ kind: 'alert' });
    expect(google.ui.at(-1)!.message).toMatch(/Minister or Vice Minister/);
    expect(google.ui.some((u) => u.kind === 'dialog')).toBe(false);
    for (const fn of ['remindersConfirm', 'remindersSend'])
      expect(() => as('officer1@x.edu').run(fn), fn).toThrow(/Minister or Vice Minister/);
    expect(google.outbox).toHaveLength(0);
  });

  it('shows who would get a digest today, who is skipped and why, and the quota; writes nothing', () => {
    const { google, ss, as } = due();
    const v = as(VICE).run<View>('remindersConfirm');
    expect(v.day).toBe('2026-03-15');
    expect(v.runBy).toBe(VICE);
    expect(v.lang).toBe('en');
    // Minister and Treasurer first, as the job mails them.
    expect(v.to.map((m) => [m.name, m.items, m.overQuota])).toEqual([
      ['李明', 1, false],
      ['王芳', 1, false],
      ['Officer 1', 1, false],
    ]);
    expect(v.skipped).toEqual(
      expect.arrayContaining([
        { reason: 'inactive member', names: ['Gone'] },
        { reason: 'nothing due', names: expect.arrayContaining(['Vice', 'Officer 2', 'Officer 3']) },
      ]),
    );
    expect(v.skippedCount).toBe(4);
    expect(v.quotaLeft).toBe(google.mailDailyQuota);
    expect(v.text['send.ui.send']).toBe('Send');
    expect(v.text['send.ui.cancel']).toBe('Cancel');
    expect(google.outbox).toHaveLength(0);
    expect(ss.sheetByName('_Reminders')).toBeUndefined();
  });

  it('marks who the mail quota would not cover', () => {
    const { google, as } = due();
    setMailQuota(google, MINISTER, 2);
    const v = as(MINISTER).run<View>('remindersConfirm');
    expect(v.quotaLeft).toBe(2);
    expect(v.to.map((m) => m.overQuota)).toEqual([false, false, true]);
  });

  it('Send mails the digests the dialog showed and answers the summary; afterwards the dialog shows them as already mailed', () => {
    const { google, as } = due();
    const before = as(MINISTER).run<View>('remindersConfirm');
    const r = as(MINISTER).run<Result>('remindersSend');
    expect(r.sent.map((s) => s.email)).toEqual(before.to.map((m) => m.email));
    expect(google.outbox.map((m) => m.to[0])).toEqual(before.to.map((m) => m.email));
    expect(r.lines[0]).toMatch(/^Sent 3 digests for 2026-03-15/);
    expect(r.lines.some((l) => /^Skipped, inactive member: Gone\.$/.test(l))).toBe(true);
    const after = as(MINISTER).run<View>('remindersConfirm');
    expect(after.to).toEqual([]);
    expect(after.skipped).toContainEqual({
      reason: 'already mailed today',
      names: ['李明', '王芳', 'Officer 1'],
    });
  });

  it('Send records its progress under the dialog’s token, which the dialog asks for while it waits', () => {
    const { google, ss } = due();
    const token = 'dialog-token-1234';
    const run = <T>(fn: string, args: unknown[]) =>
      project.run<T>(google, fn, args, { spreadsheetId: ss.id, user: MINISTER }).value;
    const r = run<Result>('remindersSend', [token]);
    expect(r.sent).toHaveLength(3);
    expect(run('jobStatus', [token])).toMatchObject({
      title: 'Sending reminders',
      steps: ['Reading the workbook', 'Mailing the digests'],
      detail: '3 of 3',
      state: 'done',
    });
    // Another member cannot read it (the user's own cache), nor a made-up token.
    expect(
      project.run(google, 'jobStatus', [token], { spreadsheetId: ss.id, user: TREASURER }).value,
    ).toBeNull();
    expect(run('jobStatus', ['<script>'])).toBeNull();
  });

  it('speaks the member’s language: texts, reasons and the summary in Chinese', () => {
    const { as, ss } = due();
    setSetting(ss, 'Language', 'zh');
    const v = as(MINISTER).run<View>('remindersConfirm');
    expect(v.lang).toBe('zh');
    expect(v.text['send.ui.send']).toBe('发送');
    expect(v.skipped.map((s) => s.reason)).toContain('成员不在任');
    expect(v.skipped.map((s) => s.reason)).toContain('没有待办事项');
    const r = as(MINISTER).run<Result>('remindersSend');
    expect(r.lines[0]).toMatch(/^已发送 2026-03-15 的提醒 3 封：/);
    expect(r.lines.at(-1)).toMatch(/今日剩余邮件配额/);
  });
});
