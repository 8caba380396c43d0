/**
 * Conformance: the execution around the add-on — auth modes, Session, MailApp quota,
 * ScriptApp triggers, HtmlService files, the Ui in trigger runs.
 */
import { describe, expect, it } from 'vitest';
import { run, thrown, workbook } from './fixture';

describe('Auth modes and Session', () => {
  // https://developers.google.com/apps-script/reference/base/session#getActiveUser() — "If
  // security policies do not allow access to the user's identity, User.getEmail() returns a
  // blank string"; in AuthMode.NONE no identity is available
  // (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes).
  it("Session.getActiveUser().getEmail() is '' in AuthMode.NONE, the user otherwise", () => {
    const { google } = workbook();
    expect(run(google, { authMode: 'NONE' }).g.Session.getActiveUser().getEmail()).toBe('');
    expect(run(google, { user: 'ann@example.edu' }).g.Session.getActiveUser().getEmail()).toBe(
      'ann@example.edu',
    );
  });

  // https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle#authorization_modes
  // — in AuthMode.NONE onOpen may only add menus: document data, properties, mail are off limits.
  it('in AuthMode.NONE only the Ui may be used', () => {
    const { google } = workbook();
    const { g } = run(google, { authMode: 'NONE' });
    expect(g.SpreadsheetApp.getUi().createAddonMenu()).toBeDefined();
    expect(thrown(() => g.SpreadsheetApp.getActiveSpreadsheet())).toMatch(/permission/);
    expect(thrown(() => g.PropertiesService.getDocumentProperties())).toMatch(/permission/);
    expect(thrown(() => g.LockService.getDocumentLock())).toMatch(/permission/);
    expect(thrown(() => g.MailApp.getRemainingDailyQuota())).toMatch(/permission/);
  });

  // Simple triggers (onOpen/onEdit, AuthMode.LIMITED) "cannot access services that require
  // authorization" and "can modify the file they are bound to, but cannot access other files"
  // (https://developers.google.com/apps-script/guides/triggers#restrictions); the message
  // names the missing scope, e.g. "You do not have permission to call MailApp.sendEmail.
  // Required permissions: https://www.googleapis.com/auth/script.send_mail".
  it('in AuthMode.LIMITED the bound document works but mail, triggers and other files throw', () => {
    const { google } = workbook();
    const { g } = run(google, { authMode: 'LIMITED' });
    const ss = g.SpreadsheetApp.getActiveSpreadsheet();
    ss.getSheets()[0].getRange('A1').setValue('edited');
    expect(g.PropertiesService.getDocumentProperties().getProperty('x')).toBeNull();
    expect(g.LockService.getDocumentLock().tryLock(0)).toBe(true);
    expect(thrown(() => g.MailApp.sendEmail('a@example.com', 's', 'b'))).toBe(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(thrown(() => g.ScriptApp.newTrigger('f'))).toMatch(
      /^You do not have permission to call ScriptApp.newTrigger/,
    );
    expect(thrown(() => g.SpreadsheetApp.openById('other'))).toMatch(
      /^You do not have permission to call SpreadsheetApp.openById/,
    );
    expect(g.ScriptApp.getInstallationSource()).toBe('NONE');
  });

  // A time-driven trigger has no user interface: getUi() throws (reported e.g. in
  // https://github.com/davepar/gcalendarsync/issues/93 and
  // https://github.com/williamlmao/plaid-to-gsheets/issues/2).
  it('SpreadsheetApp.getUi() throws in a trigger run', () => {
    const { google } = workbook();
    const { g } = run(google, { trigger: true, authMode: 'FULL' });
    expect(thrown(() => g.SpreadsheetApp.getUi())).toBe(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
  });
});

describe('MailApp', () => {
  // https://developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota()
  // and https://developers.google.com/apps-script/guides/services/quotas — the quota counts
  // email recipients per day; beyond it Apps Script throws
  // (https://github.com/googleworkspace/solutions/issues/193).
  it('getRemainingDailyQuota decreases by the recipients, and sending beyond it throws', () => {
    const { google } = workbook();
    google.setNow(new Date('2026-03-15T02:00:00Z'));
    google.mailDailyQuota = 5;
    const mail = run(google).g.MailApp;
    expect(mail.getRemainingDailyQuota()).toBe(5);
    mail.sendEmail('a@example.com,b@example.com', 'Hi', 'Body', { cc: 'c@example.com' });
    expect(mail.getRemainingDailyQuota()).toBe(2);
    expect(google.outbox.length).toBe(1);
    expect(thrown(() => mail.sendEmail({ to: 'a@x.org,b@x.org,c@x.org', subject: 's', body: 'b' }))).toBe(
      'Service invoked too many times for one day: email.',
    );
    expect(mail.getRemainingDailyQuota()).toBe(2);
    expect(google.outbox.length).toBe(1);
    // Another user has a quota of their own.
    expect(run(google, { user: 'other@example.edu' }).g.MailApp.getRemainingDailyQuota()).toBe(5);
  });
});

describe('ScriptApp triggers', () => {
  // https://developers.google.com/apps-script/reference/script/script-app#getProjectTriggers()
  // "Gets all installable triggers associated with the current project and current user";
  // https://developers.google.com/apps-script/guides/triggers/installable#restrictions — "A
  // given account cannot see triggers installed from a second account".
  it('getProjectTriggers shows only the current user’s triggers', () => {
    const { google } = workbook();
    const ann = run(google, { user: 'ann@example.edu' }).g.ScriptApp;
    ann.newTrigger('sendReminders').timeBased().everyDays(1).atHour(8).create();
    const bob = run(google, { user: 'bob@example.edu' }).g.ScriptApp;
    expect(bob.getProjectTriggers()).toEqual([]);
    const mine = run(google, { user: 'ann@example.edu' }).g.ScriptApp.getProjectTriggers();
    expect(mine.map((t: any) => t.getHandlerFunction())).toEqual(['sendReminders']);
    expect(mine[0].getEventType()).toBe('CLOCK');
  });
});

describe('HtmlService', () => {
  // https://developers.google.com/apps-script/reference/html/html-service#createHtmlOutputFromFile(String)
  // — a file that is not in the project throws.
  it('createHtmlOutputFromFile with a missing file throws; an existing file is served', () => {
    const { google } = workbook();
    const files = new Map([['Sidebar.html', '<p>hi</p>']]);
    const { g } = run(google, { projectFiles: files });
    expect(thrown(() => g.HtmlService.createHtmlOutputFromFile('Missing'))).toBe(
      'No HTML file named Missing was found.',
    );
    expect(g.HtmlService.createHtmlOutputFromFile('Sidebar').getContent()).toBe('<p>hi</p>');
  });
});
