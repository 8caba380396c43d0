/**
 * npm run deploy: put the add-on into a spreadsheet of yours, through the Apps Script API.
 *
 * The first run (after `npx clasp login`) creates a spreadsheet with a bound script, or uses
 * the one you name (`-- --script <SCRIPT_ID>`: Extensions > Apps Script > Project Settings),
 * remembers the script ID in the git-ignored .clasp.local.json (the file `npm run push` and
 * clasp use), pushes the built add-on and prints the spreadsheet's URL. Later runs push the
 * code only. Requests, in order — first run: drive.files.create, script.projects.create,
 * script.projects.updateContent; later runs: script.projects.get, script.projects.updateContent.
 *
 * Usage: npm run deploy [-- --script <SCRIPT_ID>] [--title <name>] [--auth <clasprc>] [--user <name>]
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './build';
import {
  claspAuth,
  clients,
  consoleIo,
  explain,
  flag,
  HOW_TO_LOGIN,
  type Io,
  projectFilesIn,
  readState,
} from './google-api';
import { resolveScriptId } from './push';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHEET_MIME = 'application/vnd.google-apps.spreadsheet';
export const NEXT_STEP =
  'open the spreadsheet (reload it if it is open), choose Outreach Desk > Set up workbook and grant what it asks for.';
const sheetUrl = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit`;

export interface DeployOptions {
  argv: string[];
  env: NodeJS.ProcessEnv;
  io?: Io;
  /** Where .clasp.local.json is (the repository root unless a test says otherwise). */
  stateDir?: string;
  /** The built add-on (built into appsscript/ unless given). */
  bundleDir?: string;
}

export async function deploy(o: DeployOptions): Promise<number> {
  const io = o.io ?? consoleIo;
  const stateFile = join(o.stateDir ?? root, '.clasp.local.json');
  const auth = claspAuth(o.argv, o.env);
  if (!auth) {
    io.error(HOW_TO_LOGIN);
    return 1;
  }
  const remembered = readState<{ scriptId: string; parentId: string }>(
    stateFile,
    io,
    'fix it or delete it, then run npm run deploy again.',
  );
  if (!remembered) return 1;
  const given = flag(o.argv, 'script');
  let scriptId =
    given ?? resolveScriptId({ CLASP_SCRIPT_ID: o.env.CLASP_SCRIPT_ID }) ?? remembered.scriptId ?? '';
  if (o.argv.includes('--script') && !given) {
    io.error(
      'Name the script: npm run deploy -- --script <SCRIPT_ID> (in the spreadsheet: Extensions > Apps Script > Project Settings > Script ID).',
    );
    return 2;
  }
  const dir = o.bundleDir ?? (await build()).outDir;
  const files = projectFilesIn(dir, readdirSync(dir));
  if (!files.some((f) => f.name === 'Code')) {
    io.error(`${dir} has no Code.js: run npm run build first.`);
    return 1;
  }
  const { script, drive } = clients(auth, o.env);
  let spreadsheetId = scriptId === remembered.scriptId ? (remembered.parentId ?? '') : '';
  let step = '';
  try {
    if (!scriptId) {
      step = 'creating the spreadsheet';
      const title = flag(o.argv, 'title') ?? 'Outreach Desk';
      const file = await drive.files.create({
        requestBody: { name: title, mimeType: SHEET_MIME },
        fields: 'id',
      });
      spreadsheetId = file.data.id ?? '';
      step = 'creating its bound script';
      const project = await script.projects.create({ requestBody: { title, parentId: spreadsheetId } });
      scriptId = project.data.scriptId ?? '';
      if (!spreadsheetId || !scriptId)
        throw new Error('Google returned no ID for the new spreadsheet or script');
      writeFileSync(
        stateFile,
        `${JSON.stringify({ scriptId, rootDir: 'appsscript', parentId: spreadsheetId }, null, 2)}\n`,
      );
      io.log(`Created the spreadsheet "${title}" with its script (ID kept in .clasp.local.json).`);
    } else {
      step = `finding script ${scriptId}`;
      const project = await script.projects.get({ scriptId });
      spreadsheetId = project.data.parentId ?? spreadsheetId;
      if (!spreadsheetId) {
        io.error(
          `Script ${scriptId} is not bound to a spreadsheet: the add-on needs one. Open the spreadsheet, Extensions > Apps Script > Project Settings, copy its Script ID and run npm run deploy -- --script <SCRIPT_ID>.`,
        );
        return 1;
      }
      if (given || remembered.scriptId !== scriptId) {
        writeFileSync(
          stateFile,
          `${JSON.stringify({ scriptId, rootDir: 'appsscript', parentId: spreadsheetId }, null, 2)}\n`,
        );
      }
    }
    step = 'pushing the add-on';
    await script.projects.updateContent({ scriptId, requestBody: { files } });
  } catch (e) {
    io.error(`Deploy stopped while ${step}.\n\n${explain(e, scriptId || undefined)}`);
    if (scriptId && remembered.scriptId === scriptId) io.error(`(The remembered ID is in ${stateFile}.)`);
    return 1;
  }
  io.log(`Pushed ${files.length} files to script ${scriptId}.`);
  io.log(`Spreadsheet: ${sheetUrl(spreadsheetId)}`);
  io.log(`Next: ${NEXT_STEP}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  deploy({ argv: process.argv.slice(2), env: process.env })
    .then((code) => process.exit(code))
    .catch((e) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    });
}
