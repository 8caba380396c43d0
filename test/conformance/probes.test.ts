/**
 * The probe suite (probes/, docs/local-runtime.md "Probes") in the local runtime: the probe
 * bundle is built as `npm run live-check` pushes it, each probe runs as one execution, and
 * what it observes must be what live Apps Script returns (its `expected`, with a source).
 * `npm run live-check` runs the same bundle in real Apps Script and prints where they differ.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchesExpected, show } from '../../probes/compare';
import { PROBES } from '../../probes/index';
import { runProbesLocally } from '../../probes/local';
import { matches } from '../../probes/types';
import { buildProbes } from '../../scripts/build-probes';

let dir = '';
let built: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'od-probes-'));
  built = (await buildProbes(dir)).names;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the probe suite', () => {
  it('has at least 40 probes, each a top-level function of the bundle with a fact and a source', () => {
    expect(PROBES.length).toBeGreaterThanOrEqual(40);
    expect(built).toEqual(PROBES.map((p) => p.name));
    const code = readFileSync(join(dir, 'Code.js'), 'utf8');
    for (const p of PROBES) {
      expect(code).toContain(`function ${p.name}() {`);
      expect(p.fact.length, p.name).toBeGreaterThan(10);
      expect(p.source, p.name).toMatch(/https:\/\/|test\/\w+\.js:\d+|notes\/oddities\.md:\d+/);
    }
    // Its own project: not the add-on's manifest, and the API can run it.
    const manifest = JSON.parse(readFileSync(join(dir, 'appsscript.json'), 'utf8'));
    expect(manifest.executionApi).toEqual({ access: 'MYSELF' });
    expect(code).not.toMatch(/Outreach Desk — built by scripts\/build\.ts|LocalGoogle|require\(/);
  });

  it('covers every row of the live-behaviours list (../shared/fidelity/live-behaviours.md)', () => {
    // One probe (or more) per row of that table, by the gas-fakes file each row cites.
    const rows = [
      'notes/oddities.md:364',
      'test/testdocs.js:76-80',
      'test/testdocslistitems.js:96',
      'test/testsheets.js:2184',
      'test/testsheets.js:226',
      'test/testsheetspermissions.js:47',
      'test/testsheetsvalues.js:580-581',
      'test/testsheetsvui.js:315',
      'test/testsheetssets.js:330',
      'test/testsheets.js:784',
      'test/testlock.js:64',
      'test/teststores.js:74-77',
      'test/testutilities.js:100-101',
      'test/testdrive.js:364-365',
      'test/testdrive.js:768-775',
      'test/testsheetsvui.js:204',
      'test/testsession.js:21',
    ];
    const sources = PROBES.map((p) => p.source).join('\n');
    expect(rows.filter((r) => !sources.includes(r))).toEqual([]);
  });

  it('compares with RegExp matchers, arrays and objects exactly', () => {
    expect(matchesExpected([matches('^Lock'), 1], ['Lock timeout', 1])).toBe(true);
    expect(matchesExpected([matches('^Lock')], ['lock timeout'])).toBe(false);
    expect(matchesExpected({ a: [null] }, { a: [null] })).toBe(true);
    expect(matchesExpected({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(matchesExpected([1, 2], [1, 2, 3])).toBe(false);
    expect(matchesExpected('', null)).toBe(false);
  });
});

describe('each probe in the local runtime returns what live Apps Script returns', () => {
  it.each(PROBES.map((p) => [p.name, p] as const))('%s', (name, probe) => {
    const outcome = runProbesLocally(dir, [name])[name]!;
    const observed = outcome.ok ? outcome.value : `threw: ${outcome.error}`;
    expect(
      outcome.ok && matchesExpected(probe.expected, outcome.value),
      `${probe.fact}\n  local:    ${show(observed, 400)}\n  expected: ${show(probe.expected, 400)}\n  (${probe.source})`,
    ).toBe(true);
  });
});
