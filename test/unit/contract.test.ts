import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claspCredentials } from '../../scripts/smoke';
import { contractProblems } from '../../src/domain/contract';
import { LocalGoogle } from '../../src/local/backend';
import { buildSample } from '../../src/local/sample';

const shapes = (g = new LocalGoogle()) =>
  buildSample(g, { today: '2026-11-23' }).sheets.map((s) => ({
    title: s.name,
    frozenRows: s.frozenRows,
    header: s.cells[0] ?? [],
  }));

describe('the workbook contract check (live smoke test)', () => {
  it('a workbook set up by the add-on keeps the contract', () => {
    expect(contractProblems(shapes())).toEqual([]);
  });

  it('names missing sheets, missing headers and unfrozen header rows; extra and reordered columns are fine', () => {
    const s = shapes().filter((x) => x.title !== 'Events');
    const sponsors = s.find((x) => x.title === 'Sponsors')!;
    sponsors.header = ['My notes', ...[...sponsors.header].reverse().filter((h) => h !== 'Stage')];
    s.find((x) => x.title === 'Ledger')!.frozenRows = 0;
    expect(contractProblems(s)).toEqual([
      'Sheet "Sponsors" lacks "Stage" in row 1.',
      'Sheet "Ledger": the header row is not frozen.',
      'Sheet "Events" is missing.',
    ]);
  });

  it("reads clasp 3's credential file, and only complete credentials", () => {
    const dir = mkdtempSync(join(tmpdir(), 'od-smoke-'));
    const file = join(dir, '.clasprc.json');
    expect(claspCredentials(file)).toBeNull();
    writeFileSync(
      file,
      JSON.stringify({ tokens: { default: { client_id: 'c', client_secret: 's', refresh_token: 'r' } } }),
    );
    expect(claspCredentials(file)).toMatchObject({
      type: 'authorized_user',
      client_id: 'c',
      refresh_token: 'r',
    });
    expect(claspCredentials(file, 'other')).toBeNull();
  });
});
