/**
 * What the reminders rely on in the local runtime: MailApp's daily recipient quota per
 * user (developers.google.com/apps-script/guides/services/quotas), installable triggers
 * visible and deletable only by their owner (reference/script/script-app#getProjectTriggers()),
 * and clock triggers fired as their owner with a time-driven event object
 * (guides/triggers/events#time-driven-events).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalGoogle } from '../../src/local/backend';
import { Execution } from '../../src/local/execution';
import { LocalProject } from '../../src/local/runtime';
import { MAIL_QUOTA_MESSAGE, setMailQuota } from '../../src/local/services/mail';
import { runDueTriggers } from '../../src/local/triggers';

const svc = (google: LocalGoogle, user: string, extra = {}): any =>
  new Execution(google, { user, spreadsheetId: 'ss', ...extra }).globals;

describe('MailApp quota', () => {
  it('counts recipients per user per day and refuses beyond it', () => {
    const google = new LocalGoogle();
    google.setNow(new Date('2026-03-14T10:00:00Z'));
    setMailQuota(google, 'a@x.edu', 3);
    const a = svc(google, 'a@x.edu').MailApp;
    expect(a.getRemainingDailyQuota()).toBe(3);
    a.sendEmail('p@x.edu, q@x.edu', 's', 'b', { name: 'Dept' });
    expect(a.getRemainingDailyQuota()).toBe(1);
    expect(() => a.sendEmail('p@x.edu, q@x.edu', 's', 'b')).toThrow(MAIL_QUOTA_MESSAGE);
    a.sendEmail('p@x.edu', 's', 'b');
    expect(a.getRemainingDailyQuota()).toBe(0);
    // Another user has their own quota (the default, 100 for a consumer account).
    expect(svc(google, 'b@x.edu').MailApp.getRemainingDailyQuota()).toBe(100);
    // A new day.
    google.setNow(new Date('2026-03-15T10:00:00Z'));
    expect(svc(google, 'a@x.edu').MailApp.getRemainingDailyQuota()).toBe(3);
    expect(google.outbox.map((m) => [m.from, m.senderName, m.to.length])).toEqual([
      ['a@x.edu', 'Dept', 2],
      ['a@x.edu', 'a@x.edu', 1],
    ]);
  });
});

describe('ScriptApp triggers', () => {
  it('are visible and deletable only by their owner; clock triggers have no source id', () => {
    const google = new LocalGoogle();
    const a = svc(google, 'a@x.edu').ScriptApp;
    const t = a
      .newTrigger('job')
      .timeBased()
      .everyDays(1)
      .atHour(8)
      .nearMinute(0) // on the hour: the minute Apps Script picks is tested in test/conformance
      .inTimezone('Asia/Shanghai')
      .create();
    expect(t.getTriggerSourceId()).toBeNull();
    expect(t.getEventType()).toBe('CLOCK');
    expect(a.getProjectTriggers()).toHaveLength(1);
    const b = svc(google, 'b@x.edu').ScriptApp;
    expect(b.getProjectTriggers()).toEqual([]);
    expect(() => b.deleteTrigger(t)).toThrow(/permission/);
    a.deleteTrigger(a.getProjectTriggers()[0]);
    expect(google.triggers).toEqual([]);
    expect(() => a.newTrigger('job').timeBased().everyDays(1).atHour(24)).toThrow(/0 to 23/);
  });
});

describe('runDueTriggers', () => {
  it('fires each due clock trigger as its owner with the trigger event, in time order, and leaves the clock at `until`', () => {
    const dir = mkdtempSync(join(tmpdir(), 'od-trig-'));
    writeFileSync(
      join(dir, 'Code.js'),
      `function job(e) { return { user: Session.getEffectiveUser().getEmail(), uid: e.triggerUid, hour: e.hour, now: new Date().toISOString(), ss: SpreadsheetApp.getActiveSpreadsheet() ? 1 : 0 }; }
       function boom() { throw new Error('nope'); }`,
    );
    const project = new LocalProject(dir);
    const google = new LocalGoogle();
    google.setNow(new Date('2026-03-14T10:00:00Z'));
    const a = svc(google, 'a@x.edu', { spreadsheetId: null }).ScriptApp;
    const ta = a
      .newTrigger('job')
      .timeBased()
      .everyDays(1)
      .atHour(8)
      .nearMinute(0) // on the hour: the minute Apps Script picks is tested in test/conformance
      .inTimezone('Asia/Shanghai')
      .create();
    svc(google, 'b@x.edu', { spreadsheetId: null })
      .ScriptApp.newTrigger('boom')
      .timeBased()
      .everyDays(2)
      .atHour(9)
      .nearMinute(0)
      .inTimezone('UTC')
      .create();
    const runs = runDueTriggers(google, project, new Date('2026-03-17T00:00:00Z'));
    expect(runs.map((r) => [r.at.toISOString(), r.handler, r.owner, r.ok])).toEqual([
      ['2026-03-15T00:00:00.000Z', 'job', 'a@x.edu', true],
      ['2026-03-16T00:00:00.000Z', 'job', 'a@x.edu', true],
      ['2026-03-16T09:00:00.000Z', 'boom', 'b@x.edu', false],
      ['2026-03-17T00:00:00.000Z', 'job', 'a@x.edu', true],
    ]);
    expect(runs[0]!.value).toEqual({
      user: 'a@x.edu',
      uid: ta.getUniqueId(),
      hour: 0,
      now: '2026-03-15T00:00:00.000Z',
      ss: 0,
    });
    expect(runs[2]!.error).toBe('nope');
    expect(google.now().toISOString()).toBe('2026-03-17T00:00:00.000Z');
    // Nothing fires twice.
    expect(runDueTriggers(google, project, new Date('2026-03-17T00:00:00Z'))).toEqual([]);
  });
});
