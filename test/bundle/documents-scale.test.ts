/**
 * Generate contact roster on a workbook too big for one Google Doc (issue 11), in the built
 * bundle: the menu makes one Doc per Org Type and an index Doc that links to each; every Doc
 * the local Docs service holds is under the ~1.02 million characters a Google Doc can hold,
 * and every live contact of the Contacts sheet is in exactly one of them.
 */
process.env.TZ = 'UTC';

import { describe, expect, it } from 'vitest';
import { LocalGoogle } from '../../src/local/backend';
import { LocalProject } from '../../src/local/runtime';
import { buildSample } from '../../src/local/sample';
import { documentText, getLocalDocument } from '../../src/local/services/document/model';
import { bundleDir } from '../support/bundle';

const DOC_LIMIT = 1_020_000;
const project = new LocalProject(bundleDir());

type Made = { id: string; url: string; name: string; parts?: { id: string; url: string; name: string }[] };

describe('Generate contact roster at 250× the sample (27,500 contacts)', () => {
  it('splits by Org Type: an index that links to each part, every Doc under the limit, every contact once', () => {
    const google = new LocalGoogle();
    google.setNow(new Date('2026-11-23T02:00:00Z'));
    const ss = buildSample(google, { scale: 250, today: '2026-11-23' });
    const r = project.run<Made>(google, 'menuGenerateRoster', [], { spreadsheetId: ss.id });
    const made = r.value;
    expect(made.parts!.length).toBeGreaterThan(1);
    const index = documentText(getLocalDocument(google, made.id)!);
    expect(index.length).toBeLessThan(DOC_LIMIT);
    const texts = made.parts!.map((p) => documentText(getLocalDocument(google, p.id)!));
    for (const t of texts) expect(t.length).toBeLessThan(DOC_LIMIT);
    for (const p of made.parts!) expect(index).toContain(p.url);

    // The live contacts of the sheet, each in exactly one part (by name and email).
    const sh = ss.sheetByName('Contacts')!;
    const header = (sh.cells[0] as unknown[]).map(String);
    const [cName, cEmail, cArchived] = ['Name', 'Email', 'Archived'].map((h) => header.indexOf(h));
    const live: string[] = [];
    for (let row = 2; row <= sh.lastRow(); row++) {
      if (cArchived! >= 0 && sh.get(row, cArchived! + 1) === true) continue;
      live.push(`${sh.get(row, cName! + 1)}\t${sh.get(row, cEmail! + 1)}`);
    }
    expect(live.length).toBeGreaterThan(25_000);
    const counts = new Map<string, number>();
    for (const p of made.parts!)
      for (const e of getLocalDocument(google, p.id)!.body) {
        if (e.type !== 'TABLE') continue;
        for (const row of e.rows.slice(1)) {
          const key = `${row[1]!.text}\t${row[4]!.text}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
    const missing = live.filter((k) => !counts.has(k));
    expect(missing).toEqual([]);
    expect([...counts.values()].reduce((a, n) => a + n, 0)).toBe(live.length);
    // The split's counts add up to the contacts listed, as the index says.
    expect(index).toContain(`its ${live.length} contacts are in the ${made.parts!.length} documents below`);
    const dialog = google.ui.at(-1) as { html?: string } | undefined;
    expect(JSON.stringify(dialog)).toContain(`it is in ${made.parts!.length} documents by Org Type`);
  });
});
