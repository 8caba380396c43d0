/**
 * The reminder job in the built bundle (appsscript/), run by the local runtime with a fixed
 * clock: one digest per member per day, never twice (reruns, Send reminders now, a run
 * killed after any email), quota-limited runs that resume with whoever was not mailed,
 * the spreadsheet's time zone rather than the machine's, and service calls that do not
 * grow with the number of contacts.
 */
process.env.TZ = 'UTC';

import { describe, expect, it } from 'vitest';
import { LocalGoogle } from '../../src/local/backend';
import { CallCounter } from '../../src/local/counter';
import { LocalProject } from '../../src/local/runtime';
import { buildSample } from '../../src/local/sample';
import { setMailQuota } from '../../src/local/services/mail';
import { GasError } from '../../src/local/services/spreadsheet';
import {
  BUNDLE_DIR,
  dueContactFor,
  MINISTER,
  put,
  rowsOf,
  setSetting,
  TREASURER,
  VICE,
  workbook,
} from './reminders-fixture';

type Summary = {
  day: string;
  sent: { email: string; items: number }[];
  skipped: { email: string; reason: string }[];
  deferred: { email: string }[];
  quotaLeft: number;
  /** The summary the Send dialog shows, in the member's language. */
  lines: string[];
};

const project = new LocalProject(BUNDLE_DIR);
const NOW = new Date('2026-03-14T00:30:00Z'); // 08:30 in Shanghai

function sample(opts: { scale?: number; now?: Date } = {}) {
  const google = new LocalGoogle();
  google.setNow(opts.now ?? NOW);
  const ss = buildSample(google, { scale: opts.scale ?? 1, id: 'ss-sample' });
  return { google, ss, user: google.defaultUser };
}

/** The Send button of the Send reminders now dialog (what the menu item opens). */
const sendNow = (google: LocalGoogle, ssId: string, extra: Record<string, unknown> = {}) =>
  project.run<Summary>(google, 'remindersSend', [], { spreadsheetId: ssId, ...extra });

const noTimeLimit = () => Object.assign(new CallCounter(), { limitMs: Number.POSITIVE_INFINITY });

const recipients = (google: LocalGoogle) => google.outbox.map((m) => m.to.join(','));

describe('Send reminders now', () => {
  it('mails one digest per member with something due, from the runner, as the department', () => {
    const { google, ss, user } = sample();
    const r = sendNow(google, ss.id).value;
    expect(r.day).toBe('2026-03-14');
    expect(r.sent.length).toBeGreaterThan(5);
    expect(google.outbox).toHaveLength(r.sent.length);
    expect(new Set(recipients(google)).size).toBe(r.sent.length);
    const department = rowsOf(ss.sheetByName('Settings')).find((s) => s.Setting === 'Department')!.Value;
    for (const [i, m] of google.outbox.entries()) {
      expect(m.from).toBe(user);
      expect(m.senderName).toBe(department);
      expect(m.to).toHaveLength(1);
      expect(m.subject).toContain(`${r.sent[i]!.items} item`);
      expect(m.htmlBody).toContain('https://docs.google.com/spreadsheets/d/ss-sample/edit#gid=');
    }
    // Inactive members and members with nothing due get nothing, and the summary says why.
    expect(r.skipped.some((s) => s.reason === 'inactive member')).toBe(true);
    for (const s of r.skipped) expect(recipients(google)).not.toContain(s.email);
    // Logged: one Sent row per email, in the hidden _Reminders sheet.
    const log = ss.sheetByName('_Reminders')!;
    expect(log.hidden).toBe(true);
    const rows = rowsOf(log);
    expect(rows.map((x) => [x.Date, x.Member, x.Status])).toEqual(
      r.sent.map((s) => ['2026-03-14', s.email, 'Sent']),
    );
    // The summary the dialog shows.
    expect(r.lines[0]).toMatch(/^Sent \d+ digests for 2026-03-14/);
    expect(r.lines.at(-1)).toMatch(/^Mail quota left today for /);
  });

  it('a second run the same day sends nothing, whoever runs it', () => {
    const { google, ss } = sample();
    const first = sendNow(google, ss.id).value;
    const n = google.outbox.length;
    const again = sendNow(google, ss.id).value;
    expect(again.sent).toEqual([]);
    expect(google.outbox).toHaveLength(n);
    expect(again.skipped.filter((s) => s.reason === 'already mailed today')).toHaveLength(first.sent.length);
    // The Vice Minister later that day: still nothing.
    google.setNow(new Date(NOW.getTime() + 8 * 3600_000));
    const other = sendNow(google, ss.id, { user: 'chen.jing@example.edu' }).value;
    expect(other.sent).toEqual([]);
    expect(google.outbox).toHaveLength(n);
    expect(other.lines[0]).toMatch(/No digest sent/);
  });

  it('the preview shows tomorrow’s digests for every member and sends nothing', () => {
    const { google, ss } = sample();
    const p = project.run<{
      day: string;
      digests: { to: string; subject: string; groups: unknown[] }[];
      idle: unknown[];
    }>(google, 'remindersPreview', [], { spreadsheetId: ss.id }).value;
    expect(p.day).toBe('2026-03-15');
    expect(p.digests.length).toBeGreaterThan(5);
    expect(p.digests[0]!.subject).toContain('2026-03-15');
    expect(google.outbox).toHaveLength(0);
    expect(ss.sheetByName('_Reminders')).toBeUndefined();
    // Today's preview before and after sending: nothing written by it, mailed members marked.
    const today = () =>
      project.run<{ digests: { to: string; mailedToday: boolean }[] }>(
        google,
        'remindersPreview',
        ['2026-03-14'],
        {
          spreadsheetId: ss.id,
        },
      ).value;
    expect(today().digests.every((d) => !d.mailedToday)).toBe(true);
    expect(ss.sheetByName('_Reminders')).toBeUndefined();
    sendNow(google, ss.id);
    expect(today().digests.every((d) => d.mailedToday)).toBe(true);
    // And the menu opens the sidebar page.
    project.run(google, 'menuPreviewReminders', [], { spreadsheetId: ss.id });
    expect(google.ui.at(-1)).toMatchObject({ kind: 'sidebar' });
    expect(google.ui.at(-1)!.html).toContain('Reminder preview');
  });
});

describe('a run killed after the k-th email, then a rerun', () => {
  it('mails every member exactly once, for every k', () => {
    const ref = sample();
    const expected = sendNow(ref.google, ref.ss.id).value.sent.map((s) => s.email);
    const n = expected.length;
    expect(n).toBeGreaterThan(3);
    for (let k = 0; k <= n; k++) {
      const { google, ss } = sample();
      const counter = new CallCounter();
      let sends = 0;
      counter.onCall = (name) => {
        if (name === 'MailApp.sendEmail' && ++sends === k + 1)
          throw new GasError('Exceeded maximum execution time');
      };
      const killed = () => sendNow(google, ss.id, { counter });
      if (k < n) expect(killed, `k=${k}`).toThrow(/Exceeded maximum execution time/);
      else killed();
      expect(google.outbox, `k=${k}`).toHaveLength(k);
      // The rerun: by the daily trigger's function or by the menu, it makes no difference.
      sendNow(google, ss.id);
      expect([...recipients(google)].sort(), `k=${k}`).toEqual([...expected].sort());
      const sentRows = rowsOf(ss.sheetByName('_Reminders')).filter((r) => r.Status === 'Sent');
      expect(sentRows).toHaveLength(n);
    }
  });
});

describe('a sheet write that fails after the k-th email, then a rerun', () => {
  it('nobody is mailed twice, for every k and each of the writes that follow it', () => {
    const ref = sample();
    const expected = sendNow(ref.google, ref.ss.id).value.sent.map((s) => s.email);
    const n = expected.length;
    const WRITES = new Set(['Sheet.appendRow', 'Range.setValues', 'Range.setValue', 'SpreadsheetApp.flush']);
    let faults = 0;
    for (let k = 0; k <= n; k++) {
      for (let w = 1; w <= 3; w++) {
        const { google, ss } = sample();
        const counter = new CallCounter();
        let sends = 0;
        let writesAfter = 0;
        let fired = false;
        counter.onCall = (name) => {
          if (name === 'MailApp.sendEmail') sends++;
          else if (sends === k && WRITES.has(name) && ++writesAfter === w && !fired) {
            fired = true;
            throw new GasError('Service Spreadsheets failed while accessing document');
          }
        };
        try {
          sendNow(google, ss.id, { counter });
        } catch {
          // the run stopped at the fault: what it logged stays
        }
        if (fired) faults++;
        sendNow(google, ss.id);
        const to = recipients(google);
        expect(new Set(to).size, `k=${k} w=${w}: ${to.join(' ')}`).toBe(to.length);
        // At most one member (the one whose log row was written as the fault struck) waits
        // until tomorrow; everyone else is mailed today.
        const missed = expected.filter((e) => !to.includes(e));
        expect(missed.length, `k=${k} w=${w}`).toBeLessThanOrEqual(1);
      }
    }
    expect(faults).toBeGreaterThan(2 * n);
  });
});

describe('mail quota', () => {
  it('mails as many as the quota allows, Minister and Treasurer first, and the rest on the next run', () => {
    const { google, ss, user } = sample();
    const members = rowsOf(ss.sheetByName('Members'));
    const roleOf = (e: string) => String(members.find((m) => m.Email === e)!.Role);
    setMailQuota(google, user, 3);
    const r1 = sendNow(google, ss.id).value;
    expect(r1.sent.map((s) => roleOf(s.email))).toEqual(['Minister', 'Treasurer', 'Vice Minister']);
    expect(r1.deferred.length).toBeGreaterThan(3);
    expect(r1.quotaLeft).toBe(0);
    const log = () => rowsOf(ss.sheetByName('_Reminders'));
    const deferredRows = log().filter((x) => String(x.Status).startsWith('Deferred'));
    expect(deferredRows.map((x) => x.Member)).toEqual(r1.deferred.map((d) => d.email));
    expect(String(deferredRows[0]!.Status)).toMatch(/mail quota .* used up; mailed first on the next run/);
    expect(r1.lines.join('\n')).toMatch(/Deferred \(mail quota of .* used up/);

    // Next day, quota still 3: members deferred yesterday go first, in the order they were
    // deferred — with a quota that never covers the Minister and Treasurer plus anyone
    // else, nobody deferred would otherwise ever be mailed.
    google.setNow(new Date(NOW.getTime() + 86_400_000));
    const r2 = sendNow(google, ss.id).value;
    expect(r2.sent).toHaveLength(3);
    expect(r2.sent.map((s) => s.email)).toEqual(r1.deferred.slice(0, 3).map((d) => d.email));

    // More quota the same day: everyone else is mailed, nobody twice.
    setMailQuota(google, user, 100);
    const r3 = sendNow(google, ss.id).value;
    const day2 = google.outbox.filter((m) => m.at.getTime() >= NOW.getTime() + 86_400_000);
    const to = day2.map((m) => m.to[0]);
    expect(new Set(to).size).toBe(to.length);
    expect(to.length).toBe(r2.sent.length + r3.sent.length);
    expect(r3.deferred).toEqual([]);
  });
});

describe('time zone: the spreadsheet’s, not the machine’s', () => {
  // 2026-03-14T17:30Z is 2026-03-15 01:30 in Shanghai; the machine runs in UTC.
  const now = new Date('2026-03-14T17:30:00Z');
  function build(timeZone: string) {
    const f = workbook({ timeZone, now });
    put(f.ss, 'Contacts', [
      {
        'Contact ID': 'C-0001',
        Name: 'Due on the 15th',
        Owner: 'officer1@x.edu',
        'Last Contacted': '2026-02-13',
        'Cadence (days)': 30,
      },
      {
        'Contact ID': 'C-0002',
        Name: 'Greet me',
        Owner: 'officer3@x.edu',
        'Last Contacted': '2026-03-14',
        Greetings: true,
      },
    ]);
    put(f.ss, 'Meetings', [
      {
        'Meeting ID': 'MT-0001',
        Date: '2026-03-16 10:00',
        Type: 'Sponsor Visit',
        Title: 'Visit',
        Owner: 'officer2@x.edu',
        Status: 'Planned',
      },
    ]);
    put(f.ss, 'Ledger', [
      {
        'Entry ID': 'L-0001',
        Date: '2026-03-01',
        Type: 'Expense',
        Description: 'Banner',
        Amount: 80,
        'Handled By': 'officer1@x.edu',
        Status: 'Pending',
      },
    ]);
    put(f.ss, 'Settings', [{ Setting: 'Holiday', Value: '2026-03-18', Notes: 'Sports Day' }]);
    return f;
  }

  it('Asia/Shanghai: it is already the 15th — due today, tomorrow’s meeting, holiday in 3 days, 14-day-old entry', () => {
    expect(new Date(0).getTimezoneOffset()).toBe(0);
    const { google, ss } = build('Asia/Shanghai');
    const r = sendNow(google, ss.id).value;
    expect(r.day).toBe('2026-03-15');
    const by = Object.fromEntries(google.outbox.map((m) => [m.to[0], m.body]));
    expect(Object.keys(by).sort()).toEqual(
      ['officer1@x.edu', 'officer2@x.edu', 'officer3@x.edu', TREASURER].sort(),
    );
    expect(by['officer1@x.edu']).toContain('Due on the 15th');
    expect(by['officer1@x.edu']).toContain('due today');
    expect(by['officer1@x.edu']).toContain('Banner [L-0001]');
    expect(by[TREASURER]).toContain('Banner [L-0001]');
    expect(by['officer2@x.edu']).toContain('tomorrow at 10:00');
    expect(by['officer3@x.edu']).toContain('Sports Day on 2026-03-18 (in 3 days)');
    expect(rowsOf(ss.sheetByName('_Reminders'))[0]!.Date).toBe('2026-03-15');
  });

  it('the same workbook in UTC: still the 14th, and nothing is due', () => {
    const { google, ss } = build('UTC');
    const r = sendNow(google, ss.id).value;
    expect(r.day).toBe('2026-03-14');
    expect(google.outbox).toEqual([]);
    expect(r.skipped.every((s) => s.reason === 'nothing due')).toBe(true);
  });
});

describe('service calls do not grow with the number of contacts', () => {
  it('at sample scale 1, 10 and 100: only seven calls per email are added (lock, log, flush, send)', () => {
    const table: {
      scale: number;
      contacts: number;
      emails: number;
      total: number;
      perEmail: number;
      fixed: number;
    }[] = [];
    const fixedMembers: { scale: number; emails: number; total: number }[] = [];
    for (const scale of [1, 10, 100]) {
      const { google, ss } = sample({ scale });
      google.mailDailyQuota = 1_000_000;
      // Calls, not time: a run mailing this many would pass Apps Script's 6 minutes (the
      // estimated clock of src/local/cost-model.ts), so this count runs without the limit.
      const run = sendNow(google, ss.id, { counter: noTimeLimit() });
      const emails = run.value.sent.length;
      // Each email: under the document lock (get, take, release), a look for rows another run
      // logged since (getLastRow), its log row (appendRow), flushed before it is sent, then sendEmail.
      const kinds = [
        'MailApp.sendEmail',
        'Sheet.appendRow',
        'SpreadsheetApp.flush',
        'LockService.getDocumentLock',
        'Lock.tryLock',
        'Lock.releaseLock',
        'Sheet.getLastRow',
      ];
      const perEmail = kinds.reduce((n, k) => n + run.calls.of(k), 0);
      expect(run.calls.of('MailApp.sendEmail')).toBe(emails);
      expect(run.calls.of('Sheet.appendRow')).toBe(emails);
      // One lock per email, one for the run's confirmations, and one the first run takes to
      // make the `_Reminders` log (two runs must not both insert it).
      expect(run.calls.of('Lock.tryLock')).toBe(emails + 2);
      table.push({
        scale,
        contacts: rowsOf(ss.sheetByName('Contacts')).length,
        emails,
        total: run.calls.total,
        perEmail,
        fixed: run.calls.total - perEmail,
      });

      // Same department size at every scale: only the first 14 members stay active.
      const f = sample({ scale });
      const members = f.ss.sheetByName('Members')!;
      const activeCol = (members.cells[0] as string[]).indexOf('Active') + 1;
      for (let r = 16; r <= members.lastRow(); r++) members.set(r, activeCol, false);
      const run2 = sendNow(f.google, f.ss.id);
      fixedMembers.push({ scale, emails: run2.value.sent.length, total: run2.calls.total });
    }
    console.log('reminder job calls (all members):', JSON.stringify(table));
    console.log('reminder job calls (first 14 members active):', JSON.stringify(fixedMembers));
    expect(new Set(table.map((t) => t.fixed)).size).toBe(1);
    expect(table[2]!.contacts).toBeGreaterThanOrEqual(100 * table[0]!.contacts);
    expect(new Set(fixedMembers.map((t) => t.emails)).size).toBe(1);
    expect(new Set(fixedMembers.map((t) => t.total)).size).toBe(1);
  });
});

describe('members', () => {
  it('members with nothing due get no email; a member listed twice is mailed once', () => {
    const { google, ss } = workbook();
    put(ss, 'Members', [
      { 'Member ID': 'M-0099', Name: 'Dup', Email: 'OFFICER1@x.edu', Role: 'Officer', Active: true },
    ]);
    dueContactFor(ss, ['officer1@x.edu', MINISTER]);
    const r = sendNow(google, ss.id).value;
    expect(recipients(google)).toEqual([MINISTER, 'officer1@x.edu']);
    expect(r.skipped.map((s) => s.email).sort()).toEqual(
      ['officer2@x.edu', 'officer3@x.edu', TREASURER, VICE].sort(),
    );
    void setSetting;
  });
});
