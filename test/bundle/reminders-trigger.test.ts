/**
 * Install reminders and the hourly trigger, in the built bundle: one trigger that runs the
 * job once a day from the Reminder hour in the spreadsheet's time zone (a changed hour needs
 * no new trigger; a failed run is recorded and retried); it runs as (and mails from) the member who
 * installed it; another member takes over by installing; a trigger whose owner is no longer
 * the designated member, or no longer active, does nothing. Clock triggers are fired by
 * the local runtime as their owner (runDueTriggers).
 */
process.env.TZ = 'UTC';

import { describe, expect, it, vi } from 'vitest';
import { dayOf } from '../../src/domain/dates';
import type { LocalGoogle } from '../../src/local/backend';
import { GasError } from '../../src/local/errors';
import { Execution } from '../../src/local/execution';
import { MailAppImpl } from '../../src/local/services/mail';
import { ClockTriggerBuilder } from '../../src/local/services/script';
import { fireMinute, runDueTriggers, type TriggerRun } from '../../src/local/triggers';
import {
  dueContactFor,
  type Fixture,
  getSetting,
  MINISTER,
  put,
  rowsOf,
  setSetting,
  TREASURER,
  VICE,
  workbook,
} from './reminders-fixture';

const install = (f: Fixture, user = MINISTER) =>
  f.project.run<{ owner: string; hour: number; timeZone: string; replaced: number }>(
    f.google,
    'menuInstallReminders',
    [],
    { spreadsheetId: f.ss.id, user },
  ).value;

const reminderTriggers = (g: LocalGoogle) => g.triggers.filter((t) => t.handler === 'remindersDaily');

/** A department where every member has something due every day (never-contacted contacts). */
function busy(opts: { timeZone?: string; now?: Date } = {}): Fixture {
  const f = workbook(opts);
  dueContactFor(f.ss, [MINISTER, VICE, TREASURER, 'officer1@x.edu', 'officer2@x.edu', 'officer3@x.edu']);
  return f;
}

describe('Install reminders', () => {
  it('installs one hourly trigger that sends from the Reminder hour in the spreadsheet’s zone; installing again keeps it', () => {
    const f = busy({ timeZone: 'Asia/Shanghai' });
    setSetting(f.ss, 'Reminder hour', 7);
    const r1 = install(f);
    expect(r1).toMatchObject({ owner: MINISTER, hour: 7, timeZone: 'Asia/Shanghai', replaced: 0 });
    const id = reminderTriggers(f.google)[0]!.id;
    const r2 = install(f);
    expect(r2.replaced).toBe(0);
    const ts = reminderTriggers(f.google);
    expect(ts).toHaveLength(1);
    expect(ts[0]).toMatchObject({ id, kind: 'CLOCK', owner: MINISTER, everyHours: 1 });
    // Settings show who runs reminders.
    expect(getSetting(f.ss, 'Reminders run by')).toBe(MINISTER);
    expect(rowsOf(f.ss.sheetByName('Settings')).filter((s) => s.Setting === 'Reminders run by')).toHaveLength(
      1,
    );
    expect(f.google.ui.at(-1)!.message).toMatch(/every day at 07:00 \(Asia\/Shanghai\) from your account/);
  });

  it('runs the job once a day from the Reminder hour in the spreadsheet’s zone, as the member who installed it', () => {
    // Installed at 2026-03-15 09:00 Shanghai (01:00Z), after the hour (8): the first run sends.
    const f = busy({ timeZone: 'Asia/Shanghai', now: new Date('2026-03-15T01:00:00Z') });
    install(f);
    const t = reminderTriggers(f.google)[0]!;
    const minute = fireMinute(t);
    const runs = runDueTriggers(f.google, f.project, new Date('2026-03-18T12:00:00Z'));
    expect(runs.every((r) => r.ok && r.owner === MINISTER)).toBe(true);
    // Apps Script picks the minute within the hour and keeps it.
    expect(new Set(runs.map((r) => r.at.getUTCMinutes()))).toEqual(new Set([minute]));
    const sendingRuns = runs.filter((r) => (r.value as { sent: unknown[] }).sent.length > 0);
    expect(sendingRuns.map((r) => r.at.toISOString())).toEqual([
      new Date(Date.UTC(2026, 2, 15, 1, minute)).toISOString(), // 09:mm Shanghai, the first hour after install
      new Date(Date.UTC(2026, 2, 16, 0, minute)).toISOString(), // 08:mm Shanghai
      new Date(Date.UTC(2026, 2, 17, 0, minute)).toISOString(),
      new Date(Date.UTC(2026, 2, 18, 0, minute)).toISOString(),
    ]);
    // The runs before the hour, and after today's run, do nothing…
    const idle = runs.filter((r) => !(r.value as { sent: unknown[] }).sent.length);
    expect(idle.every((r) => /Not yet|already ran/.test((r.value as { note: string }).note))).toBe(true);
    // …in a few calls each (the owner check and the Settings read): 24 short runs a day.
    expect(Math.max(...idle.map((r) => r.calls))).toBeLessThanOrEqual(13);
    expect(f.google.now().toISOString()).toBe('2026-03-18T12:00:00.000Z');
    // Six members, four days: 24 digests, one per member per day, all from the Minister.
    expect(f.google.outbox).toHaveLength(24);
    expect(new Set(f.google.outbox.map((m) => m.from))).toEqual(new Set([MINISTER]));
    const perDay = new Map<string, string[]>();
    for (const m of f.google.outbox) {
      const d = dayOf(m.at, 'Asia/Shanghai');
      perDay.set(d, [...(perDay.get(d) ?? []), m.to[0]!]);
    }
    expect([...perDay.keys()]).toEqual(['2026-03-15', '2026-03-16', '2026-03-17', '2026-03-18']);
    for (const list of perDay.values()) expect(new Set(list).size).toBe(6);
    expect(String(getSetting(f.ss, 'Reminders status'))).toMatch(/^OK 2026-03-18 08:/);

    // Send reminders now after the trigger ran: nothing more today.
    const again = f.project.run<{ sent: unknown[] }>(f.google, 'remindersSend', [], {
      spreadsheetId: f.ss.id,
      user: VICE,
    });
    expect(again.value.sent).toEqual([]);
    expect(f.google.outbox).toHaveLength(24);
  });

  it('a changed Reminder hour is followed without touching the trigger', () => {
    const f = busy({ now: new Date('2026-03-15T01:00:00Z') });
    install(f);
    const before = reminderTriggers(f.google).map((t) => t.id);
    runDueTriggers(f.google, f.project, new Date('2026-03-15T02:00:00Z')); // today's run
    setSetting(f.ss, 'Reminder hour', 20);
    const runs = runDueTriggers(f.google, f.project, new Date('2026-03-17T13:00:00Z'));
    expect(reminderTriggers(f.google).map((t) => t.id)).toEqual(before);
    const sending = runs.filter((r) => (r.value as { sent: unknown[] }).sent.length > 0);
    // 20:mm Shanghai = 12:mm UTC, on the 16th and the 17th.
    expect(sending.map((r) => [r.at.getUTCDate(), r.at.getUTCHours()])).toEqual([
      [16, 12],
      [17, 12],
    ]);
    expect(f.google.outbox).toHaveLength(18);
  });

  it('a trigger that cannot be created leaves reminders running (the old design deleted itself first)', () => {
    const f = busy({ now: new Date('2026-03-15T01:00:00Z') });
    install(f);
    setSetting(f.ss, 'Reminder hour', 20);
    // Apps Script sometimes refuses to create a trigger ("server error", GAS-ICS-Sync issue #77).
    const refuse = vi.spyOn(ClockTriggerBuilder.prototype, 'create').mockImplementation(() => {
      throw new GasError('We’re sorry, a server error occurred. Please wait a bit and try again.');
    });
    try {
      const runs = runDueTriggers(f.google, f.project, new Date('2026-03-17T13:00:00Z'));
      expect(runs.every((r) => r.ok)).toBe(true);
      expect(reminderTriggers(f.google)).toHaveLength(1);
      expect(f.google.outbox).toHaveLength(18); // the 15th (09:mm), the 16th and the 17th at 20:mm
      // Installing again keeps the working trigger rather than risk it.
      expect(install(f).replaced).toBe(0);
      expect(reminderTriggers(f.google)).toHaveLength(1);
    } finally {
      refuse.mockRestore();
    }
  });

  it('a run that fails is recorded in Settings, retried the next hour, and told in the owner’s next digest', () => {
    const f = busy({ now: new Date('2026-03-15T10:00:00Z') }); // 18:00 Shanghai: today's run is due
    install(f);
    runDueTriggers(f.google, f.project, new Date('2026-03-15T11:00:00Z'));
    f.google.outbox.length = 0;
    // Tomorrow's 08:mm run: Gmail refuses with a server error (a run holds no lock for its
    // whole length any more — each member is claimed on its own — so a server error is what
    // fails a run now). Nothing went, so nobody is kept from the retry.
    const SERVER_ERROR = 'We’re sorry, a server error occurred. Please wait a bit and try again.';
    const refuse = vi.spyOn(MailAppImpl.prototype, 'sendEmail').mockImplementation(() => {
      throw new GasError(SERVER_ERROR);
    });
    let failed: TriggerRun;
    try {
      failed = runDueTriggers(f.google, f.project, new Date('2026-03-16T01:00:00Z')).at(-1)!;
    } finally {
      refuse.mockRestore();
    }
    expect(failed.ok).toBe(false);
    expect(failed.error).toBe(SERVER_ERROR);
    expect(f.google.outbox).toEqual([]);
    expect(String(getSetting(f.ss, 'Reminders status'))).toMatch(/^Failed 2026-03-16 08:\d\d$/);
    const notes = rowsOf(f.ss.sheetByName('Settings')).find((r) => r.Setting === 'Reminders status')!.Notes;
    expect(String(notes)).toMatch(/a server error occurred.*Retried at the next hour/);
    // Gmail is back: the 09:mm run sends, and the Minister's digest says what failed.
    const retry = runDueTriggers(f.google, f.project, new Date('2026-03-16T02:00:00Z')).at(-1)!;
    expect(retry.ok).toBe(true);
    expect(f.google.outbox).toHaveLength(6);
    const mine = f.google.outbox.find((m) => m.to[0] === MINISTER)!;
    expect(mine.body).toMatch(
      /The reminder run of 2026-03-16 08:\d\d failed: We’re sorry, a server error occurred.*"Reminders status" row/,
    );
    expect(mine.htmlBody).toMatch(/The reminder run of 2026-03-16 08:\d\d failed/);
    expect(f.google.outbox.filter((m) => /reminder run of/.test(m.body))).toHaveLength(1);
    expect(String(getSetting(f.ss, 'Reminders status'))).toMatch(/^OK 2026-03-16 09:/);
    // Told once: the next day's digest is back to normal.
    runDueTriggers(f.google, f.project, new Date('2026-03-17T02:00:00Z'));
    expect(f.google.outbox.filter((m) => /reminder run of/.test(m.body))).toHaveLength(1);
  });

  it('replaces a daily trigger of the old design, never deleting it before the new one exists (an add-on, refused a second, deletes first)', () => {
    const legacy = (addOn: boolean) => {
      const f = busy();
      f.google.installedAsAddon = addOn;
      // What the old Install reminders left: a daily trigger recorded for this workbook.
      const g = new Execution(f.google, { user: MINISTER, spreadsheetId: f.ss.id }).globals as {
        ScriptApp: GoogleAppsScript.Script.ScriptApp;
      };
      const old = g.ScriptApp.newTrigger('remindersDaily').timeBased().everyDays(1).atHour(8).create();
      f.google.userProperties.set(
        MINISTER,
        new Map([['od.reminders.triggers', JSON.stringify({ [old.getUniqueId()]: f.ss.id })]]),
      );
      return { f, oldId: old.getUniqueId() };
    };
    // A bound script: when the new trigger cannot be created the old one keeps running.
    const bound = legacy(false);
    const refuse = vi.spyOn(ClockTriggerBuilder.prototype, 'create').mockImplementation(() => {
      throw new GasError('We’re sorry, a server error occurred. Please wait a bit and try again.');
    });
    try {
      expect(() => install(bound.f)).toThrow(/could not be created.*server error/);
    } finally {
      refuse.mockRestore();
    }
    expect(reminderTriggers(bound.f.google).map((t) => t.id)).toEqual([bound.oldId]);
    expect(String(getSetting(bound.f.ss, 'Reminders status'))).toMatch(/^Failed /);
    expect(install(bound.f).replaced).toBe(1);
    expect(reminderTriggers(bound.f.google)).toMatchObject([{ everyHours: 1 }]);
    // An add-on may hold one clock trigger here: the old one goes first, then the new one.
    const addOn = legacy(true);
    expect(install(addOn.f).replaced).toBe(1);
    const ts = reminderTriggers(addOn.f.google);
    expect(ts).toMatchObject([{ everyHours: 1 }]);
    expect(ts[0]!.id).not.toBe(addOn.oldId);
  });

  it('installs while another workbook’s run holds the script lock (shared by every installation of an add-on); waits for this workbook only', () => {
    const f = busy();
    f.google.scriptLock.owner = 'another-department';
    expect(install(f).owner).toBe(MINISTER);
    f.google.documentLock(f.ss.id).owner = 'a-save-in-this-workbook';
    expect(() => install(f)).toThrow(/workbook is busy/);
  });

  it('as an add-on (one clock trigger per user per document) installing again keeps the one trigger', () => {
    const f = busy();
    f.google.installedAsAddon = true;
    install(f);
    install(f);
    expect(reminderTriggers(f.google)).toHaveLength(1);
  });

  it('the Vice Minister takes over by installing, after confirming; the old trigger does nothing and removes itself', () => {
    const f = busy({ now: new Date('2026-03-15T01:00:00Z') });
    install(f, MINISTER);
    // Asked first; answering No changes nothing.
    f.google.nextUiResponses.push({ button: 'NO' });
    expect(install(f, VICE)).toBeNull();
    expect(f.google.ui.at(-2)!.message).toMatch(
      new RegExp(`sent by ${MINISTER}, from their account.*Take them over`),
    );
    expect(f.google.ui.at(-1)!.message).toMatch(
      /Nothing changed: reminders are still sent by minister@x.edu/,
    );
    expect(reminderTriggers(f.google).map((t) => t.owner)).toEqual([MINISTER]);
    f.google.nextUiResponses.push({ button: 'YES' });
    const r = install(f, VICE);
    expect(r.owner).toBe(VICE);
    expect(f.google.ui.at(-1)!.message).toMatch(new RegExp(`took over from ${MINISTER}`));
    // Two triggers exist (nobody may delete another member's trigger)…
    expect(
      reminderTriggers(f.google)
        .map((t) => t.owner)
        .sort(),
    ).toEqual([MINISTER, VICE].sort());
    expect(getSetting(f.ss, 'Reminders run by')).toBe(VICE);
    const runs = runDueTriggers(f.google, f.project, new Date('2026-03-16T12:00:00Z'));
    // …but only the designated member's sends, and the other removes itself.
    expect(f.google.outbox).toHaveLength(12);
    expect(new Set(f.google.outbox.map((m) => m.from))).toEqual(new Set([VICE]));
    const minister = runs.find((x) => x.owner === MINISTER)!;
    expect((minister.value as { note: string }).note).toMatch(/reminders are now run by vice@x.edu/);
    expect(runs.filter((x) => x.owner === MINISTER)).toHaveLength(1);
    expect(reminderTriggers(f.google).map((t) => t.owner)).toEqual([VICE]);
  });

  it('a trigger whose owner is no longer an active member sends nothing and says so in the log', () => {
    const f = busy({ now: new Date('2026-03-15T01:00:00Z') });
    install(f, VICE);
    const members = f.ss.sheetByName('Members')!;
    const activeCol = (members.cells[0] as string[]).indexOf('Active') + 1;
    const row = members.cells.findIndex((r) => r?.includes(VICE)) + 1;
    members.set(row, activeCol, false);
    const runs = runDueTriggers(f.google, f.project, new Date('2026-03-16T12:00:00Z'));
    expect(runs).toHaveLength(1);
    expect(f.google.outbox).toEqual([]);
    const log = rowsOf(f.ss.sheetByName('_Reminders'));
    expect(String(log.at(-1)!.Status)).toMatch(/no longer an active member.*Install reminders/);
    expect(reminderTriggers(f.google)).toEqual([]);
  });

  it('a trigger run without an active document opens the workbook recorded for its trigger id', () => {
    const f = busy();
    install(f);
    const t = reminderTriggers(f.google)[0]!;
    const r = f.project.run<{ sent: unknown[] }>(f.google, 'remindersDaily', [{ triggerUid: t.id }], {
      user: MINISTER,
      trigger: true,
      spreadsheetId: null,
    });
    expect(r.value.sent).toHaveLength(6);
    expect(() =>
      f.project.run(f.google, 'remindersDaily', [{ triggerUid: 'unknown' }], {
        user: MINISTER,
        trigger: true,
        spreadsheetId: null,
      }),
    ).toThrow(/Install reminders/);
  });

  it('only the Minister or Vice Minister can install; another member cannot see or delete the trigger', () => {
    const f = busy();
    expect(install(f, 'stranger@else.org')).toBeNull();
    expect(f.google.ui.at(-1)!.message).toMatch(
      /stranger@else.org is not an active member.*Minister or Vice Minister/,
    );
    expect(install(f, TREASURER)).toBeNull();
    expect(f.google.ui.at(-1)!.message).toMatch(
      /Only Minister or Vice Minister may do this; treasurer@x.edu is Treasurer/,
    );
    expect(reminderTriggers(f.google)).toEqual([]);
    install(f, MINISTER);
    // The Vice Minister's own triggers: none visible.
    const seen = f.project.run<number>(f.google, 'remindersDaily', [{ triggerUid: 'x' }], {
      spreadsheetId: f.ss.id,
      user: VICE,
      trigger: true,
    });
    expect((seen.value as unknown as { note: string }).note).toMatch(/did nothing/);
    expect(reminderTriggers(f.google)).toHaveLength(1);
    expect(f.google.outbox).toEqual([]);
    void put;
  });
});
