/**
 * npm run deploy without Google: against the loopback stand-in (standin.ts) the first run
 * creates a spreadsheet and its bound script and pushes the built add-on, a re-run pushes the
 * code only, and each failure says what to do; without a clasp login the command itself
 * prints the message naming `clasp login` and exits non-zero.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deploy } from '../../scripts/deploy';
import { bundleDir } from '../support/bundle';
import { claspLogin, googleError, runLoggedOut, StandIn } from './standin';

let home = '';
let google: StandIn;
let out: string[] = [];
const io = { log: (l: string) => out.push(l), error: (l: string) => out.push(l) };
const text = () => out.join('\n');
const run = (argv: string[] = []) =>
  deploy({ argv, env: google.env(home), io, stateDir: home, bundleDir: bundleDir() });
const state = () => JSON.parse(readFileSync(join(home, '.clasp.local.json'), 'utf8'));

beforeEach(async () => {
  home = mkdtempSync(join(tmpdir(), 'od-deploy-'));
  out = [];
  google = new StandIn();
  await google.start();
});
afterEach(async () => {
  await google.stop();
  rmSync(home, { recursive: true, force: true });
});

describe('npm run deploy', () => {
  it('without a clasp login prints what to do, names clasp login and exits non-zero (no stack trace)', () => {
    const r = runLoggedOut('scripts/deploy.ts', home);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('npx clasp login');
    expect(r.stderr).toContain('https://script.google.com/home/usersettings');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('first run: creates the spreadsheet, then its bound script, then pushes the add-on; prints the URL', async () => {
    claspLogin(home);
    expect(await run()).toBe(0);
    expect(google.calls).toEqual([
      'POST /drive/v3/files',
      'POST /v1/projects',
      'PUT /v1/projects/script-2/content',
    ]);
    const [file, project, content] = google.seen;
    expect(file!.body).toEqual({
      name: 'Outreach Desk',
      mimeType: 'application/vnd.google-apps.spreadsheet',
    });
    expect(file!.authorization).toBe('Bearer stored-token');
    expect(project!.body).toEqual({ title: 'Outreach Desk', parentId: 'sheet-1' });
    const files = content!.body.files as { name: string; type: string; source: string }[];
    expect(files[0]).toMatchObject({ name: 'appsscript', type: 'JSON' });
    expect(files.map((f) => `${f.name}:${f.type}`)).toEqual(
      expect.arrayContaining(['Code:SERVER_JS', 'Sidebar:HTML']),
    );
    expect(files.find((f) => f.name === 'Code')!.source).toBe(
      readFileSync(join(bundleDir(), 'Code.js'), 'utf8'),
    );
    expect(text()).toContain('https://docs.google.com/spreadsheets/d/sheet-1/edit');
    expect(text()).toContain('Outreach Desk > Set up workbook');
    expect(state()).toEqual({ scriptId: 'script-2', rootDir: 'appsscript', parentId: 'sheet-1' });
  });

  it('a re-run updates the code only: no new spreadsheet or script', async () => {
    claspLogin(home);
    expect(await run()).toBe(0);
    google.seen.length = 0;
    expect(await run()).toBe(0);
    expect(google.calls).toEqual(['GET /v1/projects/script-2', 'PUT /v1/projects/script-2/content']);
    expect(text()).toContain('https://docs.google.com/spreadsheets/d/sheet-1/edit');
  });

  it('uses a given script (--script): finds its spreadsheet and remembers the ID', async () => {
    claspLogin(home);
    google.project('given-script', 'their-sheet');
    expect(await run(['--script', 'given-script'])).toBe(0);
    expect(google.calls).toEqual(['GET /v1/projects/given-script', 'PUT /v1/projects/given-script/content']);
    expect(text()).toContain('https://docs.google.com/spreadsheets/d/their-sheet/edit');
    expect(state().scriptId).toBe('given-script');
  });

  it('an expired login: the token refresh fails and it says to log in again', async () => {
    claspLogin(home, false);
    google.on('POST', /^\/token$/, () => ({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
    }));
    expect(await run()).toBe(1);
    expect(google.calls).toEqual(['POST /token']);
    expect(google.seen[0]!.body).toMatchObject({
      grant_type: 'refresh_token',
      refresh_token: 'refresh-token',
    });
    expect(text()).toContain('expired or was revoked');
    expect(text()).toContain('npx clasp login');
  });

  it('a refreshed login is used for the requests that follow', async () => {
    claspLogin(home, false);
    expect(await run()).toBe(0);
    expect(google.calls[0]).toBe('POST /token');
    expect(google.seen[1]!.authorization).toBe('Bearer fresh-token');
  });

  it('the Apps Script API turned off: it says where to turn it on', async () => {
    claspLogin(home);
    google.on('POST', /^\/v1\/projects$/, () =>
      googleError(
        403,
        'PERMISSION_DENIED',
        'User has not enabled the Apps Script API. Enable it by visiting https://script.google.com/home/usersettings then retry.',
      ),
    );
    expect(await run()).toBe(1);
    expect(google.calls).toEqual(['POST /drive/v3/files', 'POST /v1/projects']);
    expect(text()).toContain('while creating its bound script');
    expect(text()).toContain('https://script.google.com/home/usersettings');
    expect(existsSync(join(home, '.clasp.local.json'))).toBe(false);
  });

  it('a script of another account (or deleted): says to log in with the right account', async () => {
    claspLogin(home);
    writeFileSync(
      join(home, '.clasp.local.json'),
      JSON.stringify({ scriptId: 'not-mine', rootDir: 'appsscript' }),
    );
    expect(await run()).toBe(1);
    expect(google.calls).toEqual(['GET /v1/projects/not-mine']);
    expect(text()).toContain('not there for the account you are logged in with');
    expect(text()).toContain('npx clasp login');
    expect(text()).toContain('.clasp.local.json');
  });

  it('Google out of reach: says so, without a stack trace', async () => {
    claspLogin(home);
    const env = { ...google.env(home), OD_GOOGLE_ROOT_URL: 'http://127.0.0.1:9/' };
    expect(await deploy({ argv: [], env, io, stateDir: home, bundleDir: bundleDir() })).toBe(1);
    expect(text()).toContain('while creating the spreadsheet');
    expect(text()).toContain('Could not reach Google');
    expect(text()).not.toMatch(/\n\s+at /);
  });

  it('no script ID after --script, or a script not bound to a spreadsheet: says where to find the ID', async () => {
    claspLogin(home);
    expect(await run(['--script'])).toBe(2);
    expect(text()).toContain('Extensions > Apps Script > Project Settings');
    out = [];
    google.project('standalone');
    expect(await run(['--script', 'standalone'])).toBe(1);
    expect(text()).toContain('is not bound to a spreadsheet');
    expect(google.calls).toEqual(['GET /v1/projects/standalone']);
  });
});
