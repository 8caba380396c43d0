/**
 * npm run push: build, then `clasp push` the appsscript/ folder to YOUR script project.
 *
 * No script ID is committed. Each developer keeps theirs in `.clasp.local.json`
 * (git-ignored; same shape as .clasp.json) or in the CLASP_SCRIPT_ID environment variable.
 * clasp 3 does not compile TypeScript: we bundle (scripts/build.ts), clasp only uploads.
 *
 * Usage: npm run push [-- --dry-run]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const localProject = join(root, '.clasp.local.json');

export const HOW_TO_BIND = `No Apps Script project is configured, so there is nothing to push to.

Bind one (once per developer; the ID stays on your machine, in the git-ignored .clasp.local.json):

  A. A new spreadsheet with its own bound script:
       npx clasp login
       npx clasp -P .clasp.local.json create-script --type sheets --title "Outreach Desk" --rootDir appsscript

  B. An existing spreadsheet: open it, Extensions > Apps Script > Project Settings, copy the Script ID, then
       echo '{ "scriptId": "<SCRIPT_ID>", "rootDir": "appsscript" }' > .clasp.local.json

  (Or set CLASP_SCRIPT_ID=<SCRIPT_ID> for one run.)
Then run: npm run push`;

export function resolveScriptId(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CLASP_SCRIPT_ID?.trim()) return env.CLASP_SCRIPT_ID.trim();
  if (existsSync(localProject)) {
    try {
      const id = String(JSON.parse(readFileSync(localProject, 'utf8')).scriptId ?? '').trim();
      if (id) return id;
    } catch {
      throw new Error(`.clasp.local.json is not valid JSON: fix it or delete it.\n\n${HOW_TO_BIND}`);
    }
  }
  return null;
}

function main(): number {
  const dryRun = process.argv.includes('--dry-run');
  const id = resolveScriptId();
  if (!id) {
    console.error(HOW_TO_BIND);
    return 1;
  }
  if (!existsSync(join(root, 'appsscript', 'Code.js'))) {
    console.error('appsscript/Code.js is missing: run npm run build first (npm run push does).');
    return 1;
  }
  // clasp reads the project file given with -P; write the env-provided ID to it if needed.
  if (!existsSync(localProject) || resolveScriptId({}) !== id) {
    writeFileSync(localProject, `${JSON.stringify({ scriptId: id, rootDir: 'appsscript' }, null, 2)}\n`);
  }
  const cmd = ['clasp', '-P', localProject, 'push', '--force'];
  if (dryRun) {
    console.log(`Would run: npx ${cmd.join(' ')}`);
    return 0;
  }
  const r = spawnSync('npx', cmd, { cwd: root, stdio: 'inherit' });
  if (r.status === 0) {
    console.log('\nPushed. Reload the spreadsheet, then Outreach Desk > Set up workbook.');
  }
  return r.status ?? 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main());
