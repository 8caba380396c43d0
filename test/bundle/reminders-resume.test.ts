/**
 * Reminders within Google's 6-minute execution limit (issue 11), in the built bundle: a run
 * whose emails are slow stops before 5 minutes of its own clock and leaves a one-off
 * follow-up trigger, which mails whoever was left and deletes itself; a chain of follow-ups
 * mails every member exactly one digest. Two runs at the same moment also mail each member
 * once (each member is claimed under the document lock, not the whole run).
 *
 * Slow mail: the local clock is fixed, and each sendEmail moves it on by `ms` — the time an
 * email and its log row take in Google at union scale is what the stop is for.
 */
process.env.TZ = 'UTC';

import { describe, expect, it, vi } from 'vitest';
import { LocalGoogle } from '../../src/local/backend';
import { CallCounter } from '../../src/local/counter';
import { GasError } from '../../src/local/errors';
import { runParallel } from '../../src/local/rpc';
import { LocalProject } from '../../src/local/runtime';
import { buildSample } from '../../src/local/sample';
import { MailAppImpl } from '../../src/local/services/mail';
import { runDueTriggers, type TriggerRun } from '../../src/local/triggers';
import { BUNDLE_DIR, getSetting } from './reminders-fixture';

const project = new LocalProject(BUNDLE_DIR);
const NOW = new Date('2026-03-14T00:30:00Z'); // 08:30 in Shanghai
const LIMIT_MS = 6 * 60_000;
const STOP_BY_MS = 5 * 60_000;

type Summary = { sent: { email: string }[]; continued?: { email: string }[]; lines?: string[] };

function sample(scale: number) {
  const google = new LocalGoogle();
  google.setNow(NOW);
  google.mailDailyQuota = 100_000;
  const ss = buildSample(google, { scale, id: 'ss-sample' });
  return { google, ss };
}

/** Every sendEmail takes `ms` of the (fixed) local clock. */
function slowMail(google: LocalGoogle, ms: number): void {
  const outbox = google.outbox;
  const push = outbox.push.bind(outbox);
  outbox.push = (...mails) => {
    google.setNow(new Date(google.now().getTime() + ms));
    return push(...mails);
  };
}

/** Who has something due today: the recipients of one run at normal speed on a fresh copy. */
function everyoneDue(scale: number): string[] {
  const { google, ss } = sample(scale);
  project.run(google, 'remindersSend', [], { spreadsheetId: ss.id });
  return google.outbox.map((m) => m.to.join(',')).sort();
}

const followUps = (google: LocalGoogle) => google.triggers.filter((t) => t.handler === 'remindersResume');
/** Midnight at the end of the 14th in Shanghai. */
const END_OF_14TH = new Date('2026-03-14T16:00:00Z');
const sentBy = (r: TriggerRun) => (r.value as Summary | undefined)?.sent.length ?? 0;
const noteOf = (r: TriggerRun) => String((r.value as { note?: string } | undefined)?.note ?? '');

describe('a reminder run that would pass the 6-minute limit', () => {
  it('stops before 5 minutes, and a follow-up a minute later mails the rest and deletes itself', () => {
    const want = everyoneDue(1);
    expect(want.length).toBeGreaterThan(10);
    const { google, ss } = sample(1);
    slowMail(google, 40_000); // 13 emails × 40 s: 8 minutes and more
    const first = project.run<Summary>(google, 'remindersSend', [], { spreadsheetId: ss.id });
    const elapsed = google.now().getTime() - NOW.getTime();
    expect(elapsed).toBeLessThan(STOP_BY_MS);
    const sent = first.value.sent.length;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(want.length);
    expect(first.value.continued!.map((c) => c.email).sort()).toEqual(
      want.filter((e) => !first.value.sent.some((s) => s.email === e)),
    );
    // The Send dialog says who is left and when they are mailed.
    expect(first.value.lines!.join('\n')).toContain(
      `follow-up run in about a minute mails the ${want.length - sent} left`,
    );
    expect(followUps(google)).toHaveLength(1);

    const runs = runDueTriggers(google, project, new Date(NOW.getTime() + 60 * 60_000));
    // 40 s an email: six fit in a run, so the rest take a follow-up and its own follow-up.
    expect(runs.map((r) => [r.handler, r.ok])).toEqual([
      ['remindersResume', true],
      ['remindersResume', true],
    ]);
    expect(runs[0]!.at.getTime()).toBeGreaterThanOrEqual(NOW.getTime() + elapsed + 60_000);
    expect(google.outbox.map((m) => m.to.join(',')).sort()).toEqual(want);
    expect(followUps(google)).toEqual([]);
  });

  it('from the hourly trigger at 10× the sample: the day’s run and a chain of follow-ups, each under the limit, mail every member exactly once a day', () => {
    const want = everyoneDue(10);
    expect(want.length).toBeGreaterThan(100);
    const { google, ss } = sample(10);
    project.run(google, 'menuInstallReminders', [], { spreadsheetId: ss.id });
    slowMail(google, 20_000); // 137 emails × 20 s ≈ 46 minutes of mail
    const pending: number[] = [];
    let longest = 0;
    const onRun = (run: TriggerRun) => {
      longest = Math.max(longest, google.now().getTime() - run.at.getTime());
      pending.push(followUps(google).length);
    };
    // The 14th in Shanghai: the hourly trigger's first run from 08:00, then its follow-ups.
    const runs = runDueTriggers(google, project, END_OF_14TH, { onRun });
    expect(runs.filter((r) => !r.ok)).toEqual([]);
    const daily = runs.filter((r) => r.handler === 'remindersDaily');
    // The hourly trigger ran the job once; the hours after waited for the follow-ups, then
    // found the day done.
    expect(daily.filter((r) => sentBy(r) > 0)).toHaveLength(1);
    expect(daily.length).toBeGreaterThan(1);
    for (const r of daily.filter((x) => sentBy(x) === 0))
      expect(noteOf(r)).toMatch(/follow-up run is mailing|already ran/);
    expect(daily.some((r) => /already ran/.test(noteOf(r)))).toBe(true);
    expect(runs.filter((r) => r.handler === 'remindersResume').length).toBeGreaterThanOrEqual(8);
    expect(longest).toBeLessThan(LIMIT_MS);
    expect(Math.max(...pending)).toBeLessThanOrEqual(1);
    // Each member with something due exactly once.
    expect(google.outbox.map((m) => m.to.join(',')).sort()).toEqual(want);
    expect(followUps(google)).toEqual([]);
    expect(google.triggers.map((t) => t.handler)).toEqual(['remindersDaily']);
    expect(String(getSetting(ss, 'Reminders status'))).toMatch(/^OK 2026-03-14 /);
    // The next day the same: once each.
    runDueTriggers(google, project, new Date('2026-03-15T16:00:00Z'), { onRun });
    const to15 = google.outbox.filter((m) => m.at > END_OF_14TH).map((m) => m.to.join(','));
    expect(to15.length).toBeGreaterThan(100);
    expect(new Set(to15).size).toBe(to15.length);
    expect(longest).toBeLessThan(LIMIT_MS);
    expect(followUps(google)).toEqual([]);
  });

  it('stops by the runtime’s estimated clock too: calls that take no wall time here still count', () => {
    const want = everyoneDue(1);
    const { google, ss } = sample(1);
    // Each email is estimated at 40 s of Google's time; the local wall clock stands still.
    const counter = new CallCounter();
    counter.onCall = (name) => {
      if (name === 'MailApp.sendEmail') counter.spend(40_000);
    };
    const first = project.run<Summary>(google, 'remindersSend', [], { spreadsheetId: ss.id, counter });
    expect(google.now()).toEqual(NOW);
    expect(counter.estimatedMs).toBeLessThan(STOP_BY_MS);
    expect(first.value.sent.length).toBeGreaterThan(0);
    expect(first.value.sent.length + first.value.continued!.length).toBe(want.length);
    expect(followUps(google)).toHaveLength(1);
  });

  it('as an add-on (one clock trigger per user per document: no follow-up), the next hour’s run mails who is left', () => {
    const want = everyoneDue(1);
    const { google, ss } = sample(1);
    google.installedAsAddon = true;
    project.run(google, 'menuInstallReminders', [], { spreadsheetId: ss.id });
    slowMail(google, 40_000); // six emails a run
    const runs = runDueTriggers(google, project, END_OF_14TH);
    expect(runs.filter((r) => !r.ok)).toEqual([]);
    expect(runs.every((r) => r.handler === 'remindersDaily')).toBe(true);
    const sending = runs.filter((r) => sentBy(r) > 0);
    expect(sending.length).toBeGreaterThanOrEqual(3);
    // Hour after hour: each run starts an hour after the one before.
    expect(sending[1]!.at.getTime() - sending[0]!.at.getTime()).toBe(60 * 60_000);
    expect(google.outbox.map((m) => m.to.join(',')).sort()).toEqual(want);
    expect(google.triggers.map((t) => t.handler)).toEqual(['remindersDaily']);
    expect(noteOf(runs.at(-1)!)).toMatch(/already ran/);
  });

  it('a follow-up of the daily run that fails is recorded in Settings, and the next hour’s run mails who is left', () => {
    const want = everyoneDue(1);
    const { google, ss } = sample(1);
    project.run(google, 'menuInstallReminders', [], { spreadsheetId: ss.id });
    slowMail(google, 40_000);
    // Gmail fails with a server error from the end of the first run (which leaves a follow-up
    // trigger) to the end of that follow-up.
    const SERVER_ERROR = 'We’re sorry, a server error occurred. Please wait a bit and try again.';
    let refuse: { mockRestore(): void } | null = null;
    const seen: { status: string; followUps: number }[] = [];
    const runs = runDueTriggers(google, project, END_OF_14TH, {
      onRun: () => {
        seen.push({
          status: String(getSetting(ss, 'Reminders status')),
          followUps: followUps(google).length,
        });
        refuse?.mockRestore();
        if (seen.length === 1)
          refuse = vi.spyOn(MailAppImpl.prototype, 'sendEmail').mockImplementation(() => {
            throw new GasError(SERVER_ERROR);
          });
      },
    });
    refuse!.mockRestore();
    expect(runs[0]!.handler).toBe('remindersDaily');
    expect(sentBy(runs[0]!)).toBeGreaterThan(0);
    expect(seen[0]).toMatchObject({ status: expect.stringMatching(/^OK /), followUps: 1 });
    // The follow-up failed, was recorded, and deleted its trigger.
    expect([runs[1]!.handler, runs[1]!.ok, runs[1]!.error]).toEqual(['remindersResume', false, SERVER_ERROR]);
    expect(seen[1]).toEqual({ status: expect.stringMatching(/^Failed /), followUps: 0 });
    // The next hourly run picks up (with its own follow-up if it runs short).
    const rest = runs.slice(2);
    expect(rest.filter((r) => !r.ok)).toEqual([]);
    expect(rest[0]!.handler).toBe('remindersDaily');
    expect(rest[0]!.at.getTime() - runs[0]!.at.getTime()).toBe(60 * 60_000);
    expect(sentBy(rest[0]!)).toBeGreaterThan(0);
    expect(google.outbox.map((m) => m.to.join(',')).sort()).toEqual(want);
    expect(followUps(google)).toEqual([]);
    expect(String(getSetting(ss, 'Reminders status'))).toMatch(/^OK /);
  });
});

describe('a reminder run whose reads alone take the time', () => {
  it('mails nobody, leaves one follow-up, and a follow-up that mails nobody either starts no other', () => {
    const { google, ss } = sample(1);
    // Every getValues takes 100 s of the (fixed) local clock: eight sheets read, over 13 minutes.
    const slowReads = () => {
      const counter = new CallCounter();
      counter.onCall = (name) => {
        if (name === 'Range.getValues') google.setNow(new Date(google.now().getTime() + 100_000));
      };
      return counter;
    };
    const first = project.run<Summary>(google, 'remindersSend', [], {
      spreadsheetId: ss.id,
      counter: slowReads(),
    });
    expect(first.value.sent).toEqual([]);
    expect(first.value.continued!.length).toBeGreaterThan(10);
    const [t] = followUps(google);
    expect(t).toBeDefined();
    const again = project.run<Summary>(google, 'remindersResume', [{ triggerUid: t!.id }], {
      user: t!.owner,
      authMode: 'FULL',
      trigger: true,
      spreadsheetId: ss.id,
      counter: slowReads(),
    });
    expect(again.value.sent).toEqual([]);
    expect(google.outbox).toEqual([]);
    expect(followUps(google)).toEqual([]);
  });
});

describe('two reminder runs at the same moment', () => {
  it('mail each member once between them', async () => {
    const want = everyoneDue(1);
    const { google, ss } = sample(1);
    const res = await runParallel(
      google,
      BUNDLE_DIR,
      [0, 1].map(() => ({ fn: 'remindersSend', options: { spreadsheetId: ss.id } })),
    );
    expect(res.map((r) => r.error ?? 'ok')).toEqual(['ok', 'ok']);
    expect(google.outbox.map((m) => m.to.join(',')).sort()).toEqual(want);
  });

  it('one finding the log missing after the other has just made it goes on (no "already exists")', () => {
    const { google, ss } = sample(1);
    expect(ss.sheets.some((sh) => sh.name === '_Reminders')).toBe(false);
    // The other run makes `_Reminders` at the worst moment: after this run looked for it
    // and before it inserts it — at its next lock, or its getActiveSheet (said before insertSheet).
    const counter = new CallCounter();
    let looked = false;
    counter.onCall = (name) => {
      if (name === 'Spreadsheet.getSheetByName') looked = true;
      else if (looked && (name === 'Lock.tryLock' || name === 'Spreadsheet.getActiveSheet')) {
        if (!ss.sheets.some((sh) => sh.name === '_Reminders')) {
          const other = ss.addSheet('_Reminders');
          ['Date', 'Member', 'Items', 'Sent At', 'Status', 'Run By'].forEach((h, i) => {
            other.set(1, i + 1, h);
          });
        }
      }
    };
    project.run<Summary>(google, 'remindersSend', [], { spreadsheetId: ss.id, counter });
    expect(ss.sheets.filter((sh) => sh.name === '_Reminders').length).toBe(1);
    expect(google.outbox.map((m) => m.to.join(',')).sort()).toEqual(everyoneDue(1));
  });
});
