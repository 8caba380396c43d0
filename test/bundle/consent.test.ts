/**
 * What Google withholds, through the built bundle: a menu item asks for the scopes it needs
 * (granular consent: ScriptApp.requireScopes) before it does anything, and a member whose
 * email Apps Script withholds from Session.getActiveUser() (a consumer account outside the
 * owner's domain) is still recognised by the role checks, from the user the script runs as.
 */
process.env.TZ = 'UTC';

import { describe, expect, it } from 'vitest';
import { CONSENT_REQUIRED_MESSAGE } from '../../src/local/services/script';
import { dueContactFor, getSetting, MINISTER, VICE, workbook } from './reminders-fixture';

const SHEETS = 'https://www.googleapis.com/auth/spreadsheets';
const EMAIL = 'https://www.googleapis.com/auth/userinfo.email';
const UI = 'https://www.googleapis.com/auth/script.container.ui';
const MAIL = 'https://www.googleapis.com/auth/script.send_mail';
const TRIGGERS = 'https://www.googleapis.com/auth/script.scriptapp';

describe('granular consent', () => {
  it('Install reminders asks for the trigger and mail scopes first, and does nothing without them', () => {
    const f = workbook();
    f.google.grantedScopes.set(MINISTER, new Set([SHEETS, EMAIL, UI]));
    expect(() =>
      f.project.run(f.google, 'menuInstallReminders', [], { spreadsheetId: f.ss.id, user: MINISTER }),
    ).toThrow(CONSENT_REQUIRED_MESSAGE);
    expect(f.google.ui.map((u) => u.kind)).toEqual(['consent']);
    expect(f.google.ui[0]!.message).toBe(`${TRIGGERS} ${MAIL}`);
    expect(f.google.triggers).toEqual([]);
    expect(getSetting(f.ss, 'Reminders run by')).toBeUndefined();
    // Once granted, it installs.
    f.google.grantedScopes.set(MINISTER, new Set([SHEETS, EMAIL, UI, TRIGGERS, MAIL]));
    f.project.run(f.google, 'menuInstallReminders', [], { spreadsheetId: f.ss.id, user: MINISTER });
    expect(f.google.triggers).toHaveLength(1);
  });

  it('Send reminders now asks for the mail scope before opening its dialog', () => {
    const f = workbook();
    dueContactFor(f.ss, [MINISTER]);
    f.google.grantedScopes.set(VICE, new Set([SHEETS, EMAIL, UI]));
    expect(() =>
      f.project.run(f.google, 'menuSendRemindersNow', [], { spreadsheetId: f.ss.id, user: VICE }),
    ).toThrow(CONSENT_REQUIRED_MESSAGE);
    expect(f.google.ui.map((u) => u.kind)).toEqual(['consent']);
    expect(f.google.outbox).toEqual([]);
  });

  it('Generate semester report asks for the Docs and Drive scopes first', () => {
    const f = workbook();
    f.google.grantedScopes.set(MINISTER, new Set([SHEETS, EMAIL, UI]));
    expect(() =>
      f.project.run(f.google, 'menuGenerateReport', [], { spreadsheetId: f.ss.id, user: MINISTER }),
    ).toThrow(CONSENT_REQUIRED_MESSAGE);
    expect(f.google.ui.at(-1)!.message).toBe(
      'https://www.googleapis.com/auth/documents https://www.googleapis.com/auth/drive',
    );
    expect(f.google.documents.size).toBe(0);
  });
});

describe('a withheld active user', () => {
  it('a member whose email Google withholds can still install reminders (the role check uses the user the script runs as)', () => {
    const f = workbook();
    f.google.withheldIdentities.add(MINISTER);
    const r = f.project.run<{ owner: string } | null>(f.google, 'menuInstallReminders', [], {
      spreadsheetId: f.ss.id,
      user: MINISTER,
    });
    expect(r.value?.owner).toBe(MINISTER);
    expect(getSetting(f.ss, 'Reminders run by')).toBe(MINISTER);
  });
});
