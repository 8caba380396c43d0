/**
 * What Google limits and withholds, and the add-on must live with: manifest scopes and
 * granular consent, the 30 s / 6 min execution limits (on an estimated clock), the blank
 * active user, add-on trigger limits, the minute a time-driven trigger fires at, and the
 * rolling mail quota. Each cites where Google documents it.
 */
import { describe, expect, it } from 'vitest';
import { CallCounter } from '../../src/local/counter';
import { ADDON_TRIGGER_LIMIT_MESSAGE, CONSENT_REQUIRED_MESSAGE } from '../../src/local/services/script';
import { fireMinute, nextFireTime } from '../../src/local/triggers';
import { run, thrown, workbook } from './fixture';

const SHEETS = 'https://www.googleapis.com/auth/spreadsheets';
const MAIL = 'https://www.googleapis.com/auth/script.send_mail';
const TRIGGERS = 'https://www.googleapis.com/auth/script.scriptapp';
const EMAIL = 'https://www.googleapis.com/auth/userinfo.email';

describe('Scopes of the manifest', () => {
  // A call needing a scope the manifest's oauthScopes lack throws "You do not have permission
  // to call ScriptApp.newTrigger. Required permissions: https://www.googleapis.com/auth/script.scriptapp"
  // (an add-on missing the scope: github.com/ttsukagoshi/mail-merge-for-gmail/issues/129; the
  // fix, adding it to oauthScopes: github.com/googleworkspace/apps-script-oauth2/issues/98).
  it('a call needing a scope the manifest lacks throws Apps Script’s permission error', () => {
    const { google } = workbook();
    const { g } = run(google, { scopes: [SHEETS, EMAIL] });
    expect(g.SpreadsheetApp.getActiveSpreadsheet().getName()).toBe('Conformance');
    expect(thrown(() => g.ScriptApp.newTrigger('f'))).toBe(
      `You do not have permission to call ScriptApp.newTrigger. Required permissions: ${TRIGGERS}`,
    );
    expect(thrown(() => g.MailApp.sendEmail('a@example.com', 's', 'b'))).toBe(
      `You do not have permission to call MailApp.sendEmail. Required permissions: ${MAIL}`,
    );
    expect(thrown(() => g.DriveApp.getRootFolder())).toBe(
      'You do not have permission to call DriveApp.getRootFolder. Required permissions: https://www.googleapis.com/auth/drive',
    );
    // Services without scopes (properties, locks) and what needs none of ScriptApp still work.
    expect(g.PropertiesService.getScriptProperties().getProperty('x')).toBeNull();
    expect(g.ScriptApp.getInstallationSource()).toBe('NONE');
    // A sidebar needs script.container.ui (reference: base/ui#showSidebar(Object)).
    const ui = g.SpreadsheetApp.getUi();
    expect(thrown(() => ui.showSidebar(g.HtmlService.createHtmlOutput('<p>x</p>')))).toBe(
      'You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
    // Session.getActiveUser needs userinfo.email (reference: base/session#getActiveUser()).
    expect(thrown(() => run(google, { scopes: [SHEETS] }).g.Session.getActiveUser())).toBe(
      `You do not have permission to call Session.getActiveUser. Required permissions: ${EMAIL}`,
    );
  });

  // Granular consent: a user may grant some of the scopes
  // (developers.google.com/apps-script/concepts/scopes — "Granular OAuth permissions"); the
  // script checks with getAuthorizationInfo(authMode, scopes) and asks with requireScopes,
  // which "ends the current execution and renders a consent prompt" for the missing ones
  // (developers.google.com/apps-script/reference/script/script-app#requireScopes(AuthMode,String)).
  // That the ungranted call throws the same permission error is an assumption
  // (docs/local-runtime.md).
  it('getAuthorizationInfo and requireScopes answer for the scopes this user granted', () => {
    const { google } = workbook();
    const scopes = [SHEETS, MAIL, TRIGGERS, EMAIL];
    google.grantedScopes.set('ann@example.edu', new Set([SHEETS, EMAIL]));
    const ann = run(google, { user: 'ann@example.edu', scopes }).g;
    const info = ann.ScriptApp.getAuthorizationInfo(ann.ScriptApp.AuthMode.FULL, [MAIL, SHEETS]);
    expect(info.getAuthorizationStatus()).toBe(ann.ScriptApp.AuthorizationStatus.REQUIRED);
    expect(info.getAuthorizedScopes()).toEqual([SHEETS]);
    expect(info.getAuthorizationUrl()).toMatch(/^https:\/\/script\.google\.com\//);
    expect(thrown(() => ann.ScriptApp.requireScopes(ann.ScriptApp.AuthMode.FULL, [MAIL, TRIGGERS]))).toBe(
      CONSENT_REQUIRED_MESSAGE,
    );
    expect(google.ui.at(-1)).toMatchObject({ kind: 'consent', message: `${MAIL} ${TRIGGERS}` });
    expect(thrown(() => ann.MailApp.getRemainingDailyQuota())).toMatch(/^You do not have permission/);
    ann.ScriptApp.requireScopes(ann.ScriptApp.AuthMode.FULL, [SHEETS]); // granted: returns
    // A user who granted everything.
    const bob = run(google, { user: 'bob@example.edu', scopes }).g;
    const all = bob.ScriptApp.getAuthorizationInfo(bob.ScriptApp.AuthMode.FULL);
    expect(all.getAuthorizationStatus()).toBe('NOT_REQUIRED');
    expect(all.getAuthorizationUrl()).toBeNull();
    expect(all.getAuthorizedScopes()).toEqual(scopes);
  });
});

describe('Execution time', () => {
  // developers.google.com/apps-script/guides/services/quotas — script runtime 6 min /
  // execution; developers.google.com/apps-script/guides/triggers#restrictions — simple
  // triggers "cannot run for longer than 30 seconds". Time here is estimated per call
  // (src/local/cost-model.ts, with the cells moved); the message is what the execution log shows.
  it('an execution stops after 6 minutes and a simple trigger after 30 s of estimated time', () => {
    const { google } = workbook();
    const full = run(google).x;
    expect(full.counter.limitMs).toBe(360_000);
    const sleep = run(google).g.Utilities;
    sleep.sleep(1); // counted, not slept long
    const { g, x } = run(google, { authMode: 'LIMITED' });
    expect(x.counter.limitMs).toBe(30_000);
    // A lock wait that times out spends its timeout: two 20 s waits pass 30 s.
    google.scriptLock.owner = 'someone-else';
    expect(g.LockService.getScriptLock().tryLock(20_000)).toBe(false);
    expect(thrown(() => g.LockService.getScriptLock().tryLock(20_000))).toBe(
      'Exceeded maximum execution time',
    );
    // Every call costs something: enough reads exhaust even 6 minutes.
    const counter = new CallCounter();
    const long = run(google, { counter }).g.SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
    expect(
      thrown(() => {
        for (let i = 0; i < 100_000; i++) long.getRange(1, 1).getValue();
      }),
    ).toBe('Exceeded maximum execution time');
    expect(counter.estimatedMs).toBeGreaterThan(360_000);
  });
});

describe('Session.getActiveUser', () => {
  // developers.google.com/apps-script/reference/base/session#getActiveUser(): the email "is not
  // available in any context that allows a script to run without that user's authorization,
  // like a simple onOpen(e) or onEdit(e) trigger … these restrictions generally do not apply
  // if the developer runs the script themselves or belongs to the same Google Workspace
  // domain as the user"; and "If security policies do not allow access to the user's
  // identity, User.getEmail() returns a blank string" (a consumer account outside the
  // owner's domain: a per-user setting here).
  it('is blank in a simple trigger outside the developer’s domain and for a withheld account', () => {
    const { google } = workbook();
    google.developerDomain = 'example.edu';
    const active = (user: string, authMode: 'LIMITED' | 'FULL') =>
      run(google, { user, authMode }).g.Session.getActiveUser().getEmail();
    expect(active('ann@example.edu', 'LIMITED')).toBe('ann@example.edu');
    expect(active('zoe@gmail.com', 'LIMITED')).toBe('');
    expect(active('zoe@gmail.com', 'FULL')).toBe('zoe@gmail.com');
    google.withheldIdentities.add('zoe@gmail.com');
    expect(active('zoe@gmail.com', 'FULL')).toBe('');
    // The effective user (who the script runs as) is still known.
    expect(run(google, { user: 'zoe@gmail.com' }).g.Session.getEffectiveUser().getEmail()).toBe(
      'zoe@gmail.com',
    );
  });
});

describe('Time-driven triggers', () => {
  // developers.google.com/workspace/add-ons/concepts/editor-triggers#restrictions — "Each
  // add-on can only have one trigger of each type, per user, per document". The message is
  // an assumption (docs/local-runtime.md).
  it('an add-on gets one clock trigger per user per document', () => {
    const { google } = workbook();
    google.installedAsAddon = true;
    const ann = run(google, { user: 'ann@example.edu' }).g.ScriptApp;
    ann.newTrigger('hourly').timeBased().everyHours(1).create();
    expect(thrown(() => ann.newTrigger('daily').timeBased().everyDays(1).atHour(8).create())).toBe(
      ADDON_TRIGGER_LIMIT_MESSAGE,
    );
    // A one-off trigger (after/at) is built by the same ClockTriggerBuilder: a time-driven
    // trigger, the same type (developers.google.com/apps-script/reference/script/clock-trigger-builder),
    // so an add-on's reminder follow-up cannot sit beside its hourly trigger.
    expect(thrown(() => ann.newTrigger('resume').timeBased().after(60_000).create())).toBe(
      ADDON_TRIGGER_LIMIT_MESSAGE,
    );
    // Another user in the same document, or the same user in another document, may have one.
    run(google, { user: 'bob@example.edu' })
      .g.ScriptApp.newTrigger('hourly')
      .timeBased()
      .everyHours(1)
      .create();
    run(google, { user: 'ann@example.edu', spreadsheetId: 'other' })
      .g.ScriptApp.newTrigger('hourly')
      .timeBased()
      .everyHours(1)
      .create();
    expect(google.triggers).toHaveLength(3);
    // A bound script (not an add-on) may have several.
    google.installedAsAddon = false;
    ann.newTrigger('daily').timeBased().everyDays(1).atHour(8).create();
    expect(google.triggers).toHaveLength(4);
  });

  // developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers — "if
  // you create a recurring 9 a.m. trigger, Apps Script chooses a time between 9 a.m. and 10
  // a.m., then keeps that timing consistent from day to day"; everyHours:
  // developers.google.com/apps-script/reference/script/clock-trigger-builder#everyHours(Integer).
  it('fires at a minute within the hour that it keeps (reproducible per trigger)', () => {
    const { google } = workbook();
    google.setNow(new Date('2026-03-15T01:00:00Z'));
    const s = run(google, { user: 'ann@example.edu' }).g.ScriptApp;
    s.newTrigger('daily').timeBased().everyDays(1).atHour(9).inTimezone('UTC').create();
    s.newTrigger('hourly').timeBased().everyHours(1).create();
    const [daily, hourly] = google.triggers;
    const m = fireMinute(daily!);
    const first = nextFireTime(daily!, google.now().getTime())!;
    const second = nextFireTime(daily!, first.getTime())!;
    expect(first.toISOString()).toBe(`2026-03-15T09:${String(m).padStart(2, '0')}:00.000Z`);
    expect(second.getTime() - first.getTime()).toBe(86_400_000);
    // Not every trigger at :00 — the minutes of a few triggers differ.
    const minutes = new Set([daily, hourly].map((t) => fireMinute(t!)));
    for (let i = 0; i < 6; i++) {
      google.setNow(new Date(Date.UTC(2026, 2, 15, 2, i)));
      s.newTrigger(`h${i}`).timeBased().everyHours(1).create();
      minutes.add(fireMinute(google.triggers.at(-1)!));
    }
    expect(minutes.size).toBeGreaterThan(3);
    // Hourly: every hour at its minute; nearMinute fixes the minute.
    const h1 = nextFireTime(hourly!, Date.parse('2026-03-15T05:00:00Z'))!;
    expect(nextFireTime(hourly!, h1.getTime())!.getTime() - h1.getTime()).toBe(3_600_000);
    expect(h1.getUTCMinutes()).toBe(fireMinute(hourly!));
    s.newTrigger('near').timeBased().everyDays(1).atHour(9).nearMinute(30).inTimezone('UTC').create();
    expect(fireMinute(google.triggers.at(-1)!)).toBe(30);
    expect(thrown(() => s.newTrigger('x').timeBased().everyHours(3))).toMatch(/1, 2, 4, 6, 8 or 12/);
  });
});

describe('Mail quota window', () => {
  // developers.google.com/apps-script/guides/services/quotas — "Daily quotas are refreshed at
  // the end of a 24-hour window": the window runs from the first send, not UTC midnight.
  it('the recipients sent count against the quota until 24 hours after the first send', () => {
    const { google } = workbook();
    google.mailDailyQuota = 3;
    google.setNow(new Date('2026-03-15T20:00:00Z'));
    const mail = () => run(google).g.MailApp;
    mail().sendEmail('a@example.com,b@example.com', 's', 'b');
    google.setNow(new Date('2026-03-16T01:00:00Z')); // past UTC midnight: not refreshed
    expect(mail().getRemainingDailyQuota()).toBe(1);
    mail().sendEmail('c@example.com', 's', 'b');
    expect(thrown(() => mail().sendEmail('d@example.com', 's', 'b'))).toBe(
      'Service invoked too many times for one day: email.',
    );
    google.setNow(new Date('2026-03-16T19:59:00Z'));
    expect(mail().getRemainingDailyQuota()).toBe(0);
    google.setNow(new Date('2026-03-16T20:00:00Z')); // 24 h after the first send
    expect(mail().getRemainingDailyQuota()).toBe(3);
  });
});
