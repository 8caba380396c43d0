/**
 * Generate sponsor feedback (issue 13) through the built bundle on the sample department:
 * the menu opens the dialog; for a Done event, one Doc per sponsor that gave to it, stating
 * its gifts (from the Ledger, computed here from the cells), its delivered benefits with
 * their evidence, and the event's figures; made again the same day it replaces that day's
 * Doc; in the Reports folder; "I sent them" sets Feedback Sent and the Lead's reminder
 * closes. Only the heads and the event's Lead may make and confirm it.
 */
import { describe, expect, it } from 'vitest';
import type { FeedbackDialogView, FeedbackDoc } from '../../src/addon/api';
import type { PreviewResponse } from '../../src/addon/reminders/preview';
import { LocalGoogle } from '../../src/local/backend';
import { LocalProject } from '../../src/local/runtime';
import { buildSample } from '../../src/local/sample';
import { createLocalFolder, documentText, getLocalDocument } from '../../src/local/services/document';
import type { SpreadsheetModel } from '../../src/local/services/spreadsheet';
import { bundleDir } from '../support/bundle';
import { shanghai, yuan } from '../unit/report-fixture';

process.env.TZ = 'UTC';
const TODAY = '2026-11-23';
const project = new LocalProject(bundleDir());

function rows(ss: SpreadsheetModel, name: string): Record<string, unknown>[] {
  const [head, ...body] = ss.sheetByName(name)!.cells;
  return body
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries(head!.map((h, i) => [String(h), r[i] ?? ''])));
}

function sample() {
  const google = new LocalGoogle();
  google.setNow(shanghai(TODAY, 10));
  const ss = buildSample(google, { today: TODAY });
  const folder = createLocalFolder(google, 'Reports');
  const settings = ss.sheetByName('Settings')!;
  const at = settings.cells.findIndex((r) => r[0] === 'Reports folder ID');
  settings.set(at + 1, 2, folder);
  const run = <T>(fn: string, args: unknown[] = [], user?: string) =>
    project.run<T>(google, fn, args, { spreadsheetId: ss.id, ...(user ? { user } : {}) }).value;
  // The sample's Done event whose sponsors have had no feedback yet (the Lead is reminded).
  const ledger = rows(ss, 'Ledger');
  const gave = (id: unknown) =>
    ledger.filter((l) => l['Event ID'] === id && l['Sponsor ID'] && l.Type !== 'Expense');
  const event = rows(ss, 'Events').find(
    (e) => e.Status === 'Done' && e['Feedback Sent'] === '' && gave(e['Event ID']).length,
  )!;
  return { google, ss, folder, run, event, gifts: gave(event['Event ID']) };
}

describe('bundle: Generate sponsor feedback', () => {
  it('makes one Doc per giving sponsor stating its gifts, benefits delivered and the event’s figures', () => {
    const { google, ss, folder, run, event, gifts } = sample();
    run('menuGenerateFeedback');
    expect(google.ui.filter((u) => u.kind === 'dialog').pop()!.title).toBe('Sponsor feedback');

    const view = run<FeedbackDialogView>('feedbackDialog');
    const ev = view.events.find((e) => e.id === event['Event ID'])!;
    const givers = [...new Set(gifts.map((g) => String(g['Sponsor ID'])))];
    expect(givers.length).toBeGreaterThan(1);
    expect(ev.givers.map((g) => g.id).sort()).toEqual([...givers].sort());
    expect(ev.mayMake).toBe(true); // the sample's default user is the Minister

    const sponsors = rows(ss, 'Sponsors');
    const benefits = rows(ss, 'Benefits');
    for (const sid of givers) {
      const doc = run<FeedbackDoc>('feedbackMake', [event['Event ID'], sid]);
      const org = String(sponsors.find((s) => s['Sponsor ID'] === sid)!.Organization);
      expect(doc.name).toBe(`Sponsor feedback — ${event.Name} — ${org} — ${TODAY}`);
      expect(google.files.get(doc.id)!.parents).toEqual([folder]);
      const lines = documentText(getLocalDocument(google, doc.id)!).split('\n');
      expect(lines).toContain(`Thank you, ${org}`);
      expect(lines).toContain('What you gave');
      const mine = gifts.filter((g) => g['Sponsor ID'] === sid);
      for (const g of mine)
        expect(
          lines.some((l) => l.includes(`\t${g.Description}\t`) && l.endsWith(`\t${yuan(Number(g.Amount))}`)),
        ).toBe(true);
      expect(lines).toContain(`Total\t\t\t\t${yuan(mine.reduce((a, g) => a + Number(g.Amount), 0))}`);
      // Another sponsor's gifts are not in this sponsor's Doc.
      const others = gifts.filter(
        (g) => g['Sponsor ID'] !== sid && !mine.some((m) => m.Description === g.Description),
      );
      for (const g of others) expect(lines.some((l) => l.includes(`\t${g.Description}\t`))).toBe(false);
      for (const b of benefits.filter(
        (x) => x['Sponsor ID'] === sid && x['Event ID'] === event['Event ID'] && x.Status === 'Done',
      ))
        expect(lines.some((l) => l.startsWith(`${b.Benefit}\t`) && l.endsWith(`\t${b.Evidence}`))).toBe(true);
      const cash = gifts.filter((g) => g.Type === 'Income').reduce((a, g) => a + Number(g.Amount), 0);
      expect(lines).toContain(`Cash raised\t${yuan(cash)}`);
      expect(lines).toContain(`Sponsors\t${givers.length}`);
    }
    // At least one giving sponsor's Doc shows a delivered benefit with its evidence link.
    expect(
      benefits.some(
        (b) =>
          b['Event ID'] === event['Event ID'] &&
          b.Status === 'Done' &&
          String(b.Evidence).startsWith('https://'),
      ),
    ).toBe(true);
  });

  it('made again the same day, it replaces that day’s Doc (trashed, never deleted)', () => {
    const { google, run, event, gifts } = sample();
    const sid = gifts[0]!['Sponsor ID'];
    const first = run<FeedbackDoc>('feedbackMake', [event['Event ID'], sid]);
    const second = run<FeedbackDoc>('feedbackMake', [event['Event ID'], sid]);
    expect(second.id).not.toBe(first.id);
    expect(google.files.get(first.id)!.trashed).toBe(true);
    expect(google.files.get(second.id)!.trashed).toBeFalsy();
  });

  it('"I sent them" sets Feedback Sent to today and the Lead’s feedback reminder closes', () => {
    const { ss, run, event } = sample();
    const lead = String(event.Lead);
    const feedbackItems = () =>
      run<PreviewResponse>('remindersPreview', [TODAY])
        .digests.find((d) => d.to === lead)
        ?.groups.find((g) => g.kind === 'feedback')
        ?.items.filter((i) => i.id === event['Event ID']) ?? [];
    expect(feedbackItems()).toHaveLength(1);
    expect(run('feedbackConfirm', [event['Event ID'], ''])).toEqual({ ok: true, date: TODAY });
    const after = rows(ss, 'Events').find((e) => e['Event ID'] === event['Event ID'])!;
    expect(after['Feedback Sent']).toBeInstanceOf(Date);
    expect(feedbackItems()).toHaveLength(0);
  });

  it('only the heads and the event’s Lead may make or confirm it; the refusal names the Lead', () => {
    const { ss, run, event, gifts } = sample();
    const officer = rows(ss, 'Members').find(
      (m) => m.Role === 'Officer' && m.Active === true && m.Email !== event.Lead,
    )!;
    const view = run<FeedbackDialogView>('feedbackDialog', [], String(officer.Email));
    expect(view.events.find((e) => e.id === event['Event ID'])!.mayMake).toBe(false);
    const before = rows(ss, 'Events');
    expect(() => run('feedbackConfirm', [event['Event ID'], ''], String(officer.Email))).toThrow(
      `Only the Minister, the Vice Minister or the event’s Lead (${event.Lead}) may make and confirm its sponsor feedback.`,
    );
    expect(() =>
      run('feedbackMake', [event['Event ID'], gifts[0]!['Sponsor ID']], String(officer.Email)),
    ).toThrow(/event’s Lead/);
    expect(rows(ss, 'Events')).toEqual(before);
    // The Lead may.
    const r = run<FeedbackDoc>(
      'feedbackMake',
      [event['Event ID'], gifts[0]!['Sponsor ID']],
      String(event.Lead),
    );
    expect(r.url).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
  });

  it('is written in the sponsor’s language (an optional Sponsors Language column)', () => {
    const { google, ss, run, event, gifts } = sample();
    const sid = String(gifts[0]!['Sponsor ID']);
    const sh = ss.sheetByName('Sponsors')!;
    const col = sh.lastColumn() + 1;
    sh.set(1, col, 'Language');
    sh.set(sh.cells.findIndex((r) => r[0] === sid) + 1, col, 'zh');
    const doc = run<FeedbackDoc>('feedbackMake', [event['Event ID'], sid]);
    const org = String(rows(ss, 'Sponsors').find((s) => s['Sponsor ID'] === sid)!.Organization);
    expect(doc.name).toBe(`赞助反馈 — ${event.Name} — ${org} — ${TODAY}`);
    const lines = documentText(getLocalDocument(google, doc.id)!).split('\n');
    expect(lines).toContain(`感谢${org}`);
    expect(lines).toContain('您的赞助');
    expect(lines.some((l) => l.startsWith(`尊敬的${org}：`))).toBe(true);
  });

  it('says thank you with the Templates sheet’s Thank-you template, filled for the sponsor and event', () => {
    const { google, ss, run, event, gifts } = sample();
    const sid = String(gifts[0]!['Sponsor ID']);
    const org = String(rows(ss, 'Sponsors').find((s) => s['Sponsor ID'] === sid)!.Organization);
    const t = ss.sheetByName('Templates')!;
    const head = t.cells[0]!.map(String);
    const row = t.cells.findIndex(
      (r) => r[head.indexOf('Kind')] === 'Thank-you' && r[head.indexOf('Language')] === 'en',
    );
    expect(row).toBeGreaterThan(0);
    t.set(
      row + 1,
      head.indexOf('Body') + 1,
      'Thanks, {{Organization}}, for {{Event}} ({{Gifts}}): {{Amount}}.',
    );
    const doc = run<FeedbackDoc>('feedbackMake', [event['Event ID'], sid]);
    const mine = gifts.filter((g) => g['Sponsor ID'] === sid);
    const total = mine.reduce((a, g) => a + Number(g.Amount), 0);
    const described = mine
      .map((g) => String(g.Description))
      .filter(Boolean)
      .join(', ');
    const lines = documentText(getLocalDocument(google, doc.id)!).split('\n');
    expect(lines).toContain(`Thanks, ${org}, for ${event.Name} (${described}): ${yuan(total)}.`);
  });
});
