/**
 * Install reminders and the daily trigger, in the built bundle: exactly one trigger at the
 * Reminder hour in the spreadsheet's time zone; it runs as (and mails from) the member who
 * installed it; another member takes over by installing; a trigger whose owner is no longer
 * the designated member, or no longer active, does nothing. Clock triggers are fired by
 * the local runtime as their owner (runDueTriggers).
 */
process.env.TZ = 'UTC';

import { describe, expect, it } from 'vitest';
import { dayOf } from '../../src/domain/dates';
import type { LocalGoogle } from '../../src/local/backend';
import { nextFireTime, runDueTriggers } from '../../src/local/triggers';
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
  it('installs one daily trigger at the Reminder hour in the spreadsheet’s zone; installing again replaces it', () => {
    const f = busy({ timeZone: 'Asia/Shanghai' });
    setSetting(f.ss, 'Reminder hour', 7);
    const r1 = install(f);
    expect(r1).toMatchObject({ owner: MINISTER, hour: 7, timeZone: 'Asia/Shanghai', replaced: 0 });
    const r2 = install(f);
    expect(r2.replaced).toBe(1);
    const ts = reminderTriggers(f.google);
    expect(ts).toHaveLength(1);
    expect(ts[0]).toMatchObject({
      kind: 'CLOCK',
      owner: MINISTER,
      everyDays: 1,
      atHour: 7,
      timeZone: 'Asia/Shanghai',
    });
    // Settings show who runs reminders.
    expect(getSetting(f.ss, 'Reminders run by')).toBe(MINISTER);
    expect(rowsOf(f.ss.sheetByName('Settings')).filter((s) => s.Setting === 'Reminders run by')).toHaveLength(
      1,
    );
    expect(f.google.ui.at(-1)!.message).toMatch(/every day at 07:00 \(Asia\/Shanghai\) from your account/);

    // Changing the hour and installing again moves the trigger.
    setSetting(f.ss, 'Reminder hour', 18);
    install(f);
    expect(reminderTriggers(f.google)).toHaveLength(1);
    expect(reminderTriggers(f.google)[0]!.atHour).toBe(18);
  });

  it('fires at the hour in the spreadsheet’s zone, once a day, as the member who installed it', () => {
    // Installed at 2026-03-15 09:00 Shanghai (01:00Z); hour 8 → first run 2026-03-16 08:00 Shanghai = 00:00Z.
    const f = busy({ timeZone: 'Asia/Shanghai', now: new Date('2026-03-15T01:00:00Z') });
    install(f);
    const t = reminderTriggers(f.google)[0]!;
    expect(nextFireTime(t, f.google.now().getTime())!.toISOString()).toBe('2026-03-16T00:00:00.000Z');
    const runs = runDueTriggers(f.google, f.project, new Date('2026-03-18T12:00:00Z'));
    expect(runs.map((r) => [r.at.toISOString(), r.owner, r.ok])).toEqual([
      ['2026-03-16T00:00:00.000Z', MINISTER, true],
      ['2026-03-17T00:00:00.000Z', MINISTER, true],
      ['2026-03-18T00:00:00.000Z', MINISTER, true],
    ]);
    expect(f.google.now().toISOString()).toBe('2026-03-18T12:00:00.000Z');
    // Six members, three days: 18 digests, one per member per day, all from the Minister.
    expect(f.google.outbox).toHaveLength(18);
    expect(new Set(f.google.outbox.map((m) => m.from))).toEqual(new Set([MINISTER]));
    const perDay = new Map<string, string[]>();
    for (const m of f.google.outbox) {
      const d = dayOf(m.at, 'Asia/Shanghai');
      perDay.set(d, [...(perDay.get(d) ?? []), m.to[0]!]);
    }
    expect([...perDay.keys()]).toEqual(['2026-03-16', '2026-03-17', '2026-03-18']);
    for (const list of perDay.values()) expect(new Set(list).size).toBe(6);

    // Send reminders now after the trigger ran: nothing more today.
    const again = f.project.run<{ sent: unknown[] }>(f.google, 'remindersSend', [], {
      spreadsheetId: f.ss.id,
      user: VICE,
    });
    expect(again.value.sent).toEqual([]);
    expect(f.google.outbox).toHaveLength(18);
  });

  it('a changed Reminder hour moves the trigger on its next run', () => {
    const f = busy({ now: new Date('2026-03-15T01:00:00Z') });
    install(f);
    setSetting(f.ss, 'Reminder hour', 20);
    runDueTriggers(f.google, f.project, new Date('2026-03-16T01:00:00Z')); // the 08:00 run of the 16th
    expect(reminderTriggers(f.google)).toHaveLength(1);
    expect(reminderTriggers(f.google)[0]!.atHour).toBe(20);
    const runs = runDueTriggers(f.google, f.project, new Date('2026-03-17T13:00:00Z'));
    expect(runs.map((r) => r.at.toISOString())).toEqual([
      '2026-03-16T12:00:00.000Z',
      '2026-03-17T12:00:00.000Z',
    ]);
    // The 20:00 run of the 16th found everyone already mailed that day.
    expect(f.google.outbox).toHaveLength(12);
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
    expect(runs).toHaveLength(2);
    // …but only the designated member's sends, and the other removes itself.
    expect(f.google.outbox).toHaveLength(6);
    expect(new Set(f.google.outbox.map((m) => m.from))).toEqual(new Set([VICE]));
    const minister = runs.find((x) => x.owner === MINISTER)!;
    expect((minister.value as { note: string }).note).toMatch(/reminders are now run by vice@x.edu/);
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
