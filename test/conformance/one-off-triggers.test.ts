/**
 * Conformance: one-off time-driven triggers, which the reminder job's follow-up run uses.
 * https://developers.google.com/apps-script/reference/script/clock-trigger-builder#afterdurationmilliseconds
 * — "Specifies the minimum duration (in milliseconds) after the current time that the
 * trigger runs. The actual duration might vary, but won't be less than your specified
 * minimum." …#atdate — "Specifies when the trigger runs." A one-off trigger fires once; that
 * it stays listed by getProjectTriggers until deleted is an assumption (docs/local-runtime.md).
 */
import { describe, expect, it } from 'vitest';
import { nextFireTime } from '../../src/local/triggers';
import { run, workbook } from './fixture';

describe('ScriptApp one-off triggers', () => {
  it('after(ms) fires once, no sooner than ms from now; at(date) fires once at that instant', () => {
    const { google } = workbook();
    const now = new Date('2026-03-14T00:30:00Z');
    google.setNow(now);
    const app = run(google, { user: 'ann@example.edu' }).g.ScriptApp;
    app
      .newTrigger('later')
      .timeBased()
      .after(10 * 60_000)
      .create();
    app.newTrigger('then').timeBased().at(new Date('2026-03-20T09:00:00Z')).create();
    const [later, then] = google.triggers;
    const first = nextFireTime(later!, now.getTime())!;
    expect(first.toISOString()).toBe('2026-03-14T00:40:00.000Z');
    expect(nextFireTime(later!, first.getTime())).toBeNull();
    expect(nextFireTime(then!, now.getTime())!.toISOString()).toBe('2026-03-20T09:00:00.000Z');
    expect(nextFireTime(then!, Date.parse('2026-03-20T09:00:00Z'))).toBeNull();
    expect(app.getProjectTriggers().map((t: any) => t.getHandlerFunction())).toEqual(['later', 'then']);
  });
});
