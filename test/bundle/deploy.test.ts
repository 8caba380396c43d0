/**
 * Deployment: what clasp would push is exactly the build output, and the manifest asks
 * only for the scopes the add-on uses.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOW_TO_BIND, resolveScriptId } from '../../scripts/push';

const root = join(__dirname, '../..');

describe('deployment', () => {
  it('clasp pushes appsscript/: the manifest, the bundle and the sidebar pages, nothing else', () => {
    const project = join(root, '.clasp.test.json');
    writeFileSync(project, JSON.stringify({ scriptId: 'test-only', rootDir: 'appsscript' }));
    try {
      const r = spawnSync('npx', ['clasp', '-P', project, 'show-file-status'], {
        cwd: root,
        encoding: 'utf8',
      });
      const tracked = r.stdout.split('Untracked files:')[0]!;
      const files = [...tracked.matchAll(/appsscript\/(\S+)/g)].map((m) => m[1]);
      expect(files).toContain('appsscript.json');
      expect(files).toContain('Code.js');
      expect(files).toContain('Sidebar.html');
      expect(files.every((f) => /^(appsscript\.json|Code\.js|[A-Z]\w*\.html)$/.test(f!))).toBe(true);
    } finally {
      rmSync(project, { force: true });
    }
  });

  it('no script ID is committed; push explains how to bind one', () => {
    expect(JSON.parse(readFileSync(join(root, '.clasp.json'), 'utf8'))).toEqual({
      scriptId: '',
      rootDir: 'appsscript',
    });
    expect(resolveScriptId({ CLASP_SCRIPT_ID: ' abc ' })).toBe('abc');
    expect(HOW_TO_BIND).toMatch(/clasp -P \.clasp\.local\.json create-script --type sheets/);
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toMatch(/^\.clasp\.local\.json$/m);
  });

  it('the manifest is V8 with explicit scopes, send_mail rather than Gmail', () => {
    const m = JSON.parse(readFileSync(join(root, 'appsscript/appsscript.json'), 'utf8'));
    expect(m.runtimeVersion).toBe('V8');
    // Not spreadsheets.currentonly: the daily trigger of an installed add-on has no active
    // document and opens the workbook by id (docs/decisions.md).
    expect(m.oauthScopes).toContain('https://www.googleapis.com/auth/spreadsheets');
    expect(m.oauthScopes).toContain('https://www.googleapis.com/auth/script.send_mail');
    expect(m.oauthScopes.some((s: string) => /gmail|mail\.google/.test(s))).toBe(false);
    const code = readFileSync(join(root, 'appsscript/Code.js'), 'utf8');
    expect(code).toMatch(/^function onOpen\(\)/m);
    // Nothing Node-only or local-runtime in what runs in Google.
    expect(code).not.toMatch(/require\(|node:|exceljs|gas-local|LocalGoogle/);
  });
});
