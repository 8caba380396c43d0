/**
 * npm run live-check without Google: against the loopback stand-in (standin.ts), whose
 * scripts.run runs the pushed probe bundle in the local runtime, the requests go in order,
 * every probe is reported, a difference is printed probe by probe, and each failure says what
 * to do; without a clasp login the command prints the message naming `clasp login` and exits
 * non-zero.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROBES } from '../../probes/index';
import { liveCheck, probeScopes, report } from '../../scripts/live-check';
import { claspLogin, googleError, runLoggedOut, StandIn } from './standin';

const root = join(__dirname, '../..');
let home = '';
let google: StandIn;
let out: string[] = [];
const io = { log: (l: string) => out.push(l), error: (l: string) => out.push(l) };
const text = () => out.join('\n');
const check = (argv: string[] = []) =>
  liveCheck({ argv, env: google.env(home), io, stateDir: home, outDir: join(home, 'probes') });
const runs = Math.ceil(PROBES.length / 16);

beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'od-live-'));
  out = [];
  google = new StandIn();
  await google.start();
});
afterEach(async () => {
  await google.stop();
  rmSync(home, { recursive: true, force: true });
});

describe('npm run live-check', () => {
  it('without a clasp login prints what to do, names clasp login and exits non-zero (no stack trace)', () => {
    const r = runLoggedOut('scripts/live-check.ts', home);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('npx clasp login');
    expect(r.stderr).toContain('https://script.google.com/home/usersettings');
    expect(r.stderr).toContain('--creds client_secret.json');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('first run: creates the probe project, pushes, deploys once, runs every probe; all agree', async () => {
    claspLogin(home);
    expect(await check()).toBe(0);
    expect(google.calls).toEqual([
      'POST /v1/projects',
      'PUT /v1/projects/script-1/content',
      'GET /v1/projects/script-1/deployments',
      'POST /v1/projects/script-1/versions',
      'POST /v1/projects/script-1/deployments',
      ...Array(runs).fill('POST /v1/scripts/dep-2:run'),
    ]);
    const pushed = google.seen[1]!.body.files as { name: string; type: string }[];
    expect(pushed.map((f) => `${f.name}:${f.type}`)).toEqual(['appsscript:JSON', 'Code:SERVER_JS']);
    expect(google.seen[4]!.body).toMatchObject({ versionNumber: 1, manifestFileName: 'appsscript' });
    const asked = google.seen.slice(5).flatMap((s) => {
      expect(s.body).toMatchObject({ function: 'runProbes', devMode: true });
      return s.body.parameters[0] as string[];
    });
    expect(asked).toEqual(PROBES.map((p) => p.name));
    for (const p of PROBES) expect(out).toContain(`✓ ${p.name}`);
    expect(text()).toContain(
      `${PROBES.length} probes: ${PROBES.length} the same in Google and locally, 0 different`,
    );
    expect(JSON.parse(readFileSync(join(home, '.clasp.probes.json'), 'utf8'))).toEqual({
      scriptId: 'script-1',
    });
  });

  it('a re-run reuses the project and its deployment: push, find the deployment, run', async () => {
    claspLogin(home);
    await check(['--only', 'r1c1Range']);
    google.seen.length = 0;
    out = [];
    expect(await check(['--only', 'r1c1Range,tableText'])).toBe(0);
    expect(google.calls).toEqual([
      'PUT /v1/projects/script-1/content',
      'GET /v1/projects/script-1/deployments',
      'POST /v1/scripts/dep-2:run',
    ]);
    expect(out).toEqual(expect.arrayContaining(['✓ r1c1Range', '✓ tableText']));
  });

  it('prints, probe by probe, where Google and the local runtime differ, and exits 1', async () => {
    claspLogin(home);
    google.on('POST', /^\/v1\/scripts\/[^/]+:run$/, (_m, body) => ({
      body: {
        done: true,
        response: {
          result: Object.fromEntries(
            (body.parameters[0] as string[]).map((n) => [
              n,
              n === 'numberFormatOfUnformattedCell'
                ? { ok: true, value: 'General' }
                : { ok: false, error: 'boom' },
            ]),
          ),
        },
      },
    }));
    expect(await check(['--only', 'numberFormatOfUnformattedCell,r1c1Range'])).toBe(1);
    expect(text()).toContain('✗ numberFormatOfUnformattedCell');
    expect(text()).toContain('Google:   "General"');
    expect(text()).toContain('local:    "0.###############"');
    expect(text()).toContain('notes/oddities.md:364');
    expect(text()).toContain('Google:   threw: boom');
    expect(text()).toContain('2 probes: 0 the same in Google and locally, 2 different');
  });

  it('scripts.run refused (another Cloud project): says how to set up the Cloud project', async () => {
    claspLogin(home);
    google.on('POST', /^\/v1\/scripts\/[^/]+:run$/, () =>
      googleError(403, 'PERMISSION_DENIED', 'The caller does not have permission'),
    );
    expect(await check(['--only', 'r1c1Range'])).toBe(1);
    expect(text()).toContain('Change project');
    expect(text()).toContain('npx clasp login --creds client_secret.json');
    expect(text()).toContain('https://script.google.com/d/script-1/edit');
  });

  it('the probe bundle failing in Apps Script, or the API turned off: says so, exits 1', async () => {
    claspLogin(home);
    google.on('POST', /^\/v1\/scripts\/[^/]+:run$/, () => ({
      body: {
        done: true,
        error: { code: 3, message: 'ScriptError', details: [{ errorMessage: 'ReferenceError: x' }] },
      },
    }));
    expect(await check(['--only', 'r1c1Range'])).toBe(1);
    expect(text()).toContain('the probe bundle failed in Apps Script: ReferenceError: x');
    out = [];
    rmSync(join(home, '.clasp.probes.json'));
    google.on('POST', /^\/v1\/projects$/, () =>
      googleError(
        403,
        'PERMISSION_DENIED',
        'User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings then retry.',
      ),
    );
    expect(await check(['--only', 'r1c1Range'])).toBe(1);
    expect(text()).toContain('while creating the throw-away probe project');
    expect(text()).toContain('Turn it on at https://script.google.com/home/usersettings');
  });

  it('marks a probe Google and the local runtime agree on but whose recorded value is not what Google gave', () => {
    const probe = PROBES.find((p) => p.name === 'r1c1Range')!;
    const same = { r1c1Range: { ok: true as const, value: ['B2:E5', 4, 4] } };
    out = [];
    expect(report([probe], same, same, io)).toBe(1);
    expect(out[0]).toBe(`! r1c1Range: ${probe.fact}`);
    expect(text()).toContain(
      '1 probes: 1 the same in Google and locally, 0 different; 1 where Google is not what the probe records',
    );
  });

  it("the README's login command asks for the probe project's scopes", () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain(
      `npx clasp login --creds client_secret.json --extra-scopes ${probeScopes().join(',')}`,
    );
  });

  it('an unknown probe name is refused before any request', async () => {
    claspLogin(home);
    expect(await check(['--only', 'noSuchProbe'])).toBe(2);
    expect(text()).toContain('No probe named noSuchProbe');
    expect(google.calls).toEqual([]);
  });
});
