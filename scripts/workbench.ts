/**
 * npm start: the local workbench. Builds the add-on (appsscript/), opens the workbook kept
 * in workbench/workbook.xlsx (created from the sample department when missing), and serves
 * a page that plays Google Sheets around the add-on on http://127.0.0.1:8080/.
 *
 * Usage: npm start -- [--port 8080] [--workbook workbench/workbook.xlsx] [--copy] [--tz Asia/Shanghai]
 *        [--locale zh_CN] (the users' locale: Chinese menu captions)
 * (PORT in the environment also sets the port; 0 picks a free one.) A file that is not an
 * Outreach Desk workbook is opened only with --copy, as <name>.outreach.xlsx next to it.
 * Exits 1 when stopped with changes that could not be written to the workbook file.
 * See docs/workbench.md.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkbookFileError } from '../src/local/files';
import { startWorkbench } from '../src/local/workbench/server';
import { build } from './build';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function opt(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const portText = opt('port') ?? process.env.PORT ?? '8080';
const port = Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number (0-65535), not "${portText}".`);
  process.exit(1);
}
const given = opt('workbook');
const workbookPath = resolve(given ?? join(root, 'workbench', 'workbook.xlsx'));
if (!given) mkdirSync(dirname(workbookPath), { recursive: true });
const copy = process.argv.includes('--copy');

const built = await build();
console.log(`Built ${built.outDir} (${built.entryPoints.length} entry points).`);

try {
  const wb = await startWorkbench({
    port,
    workbookPath,
    projectDir: built.outDir,
    timeZone: opt('tz'),
    locale: opt('locale'),
    copy,
    log: (line) => console.log(line),
  });
  const st = wb.saveStatus;
  console.log(`Workbook: ${st.file}${st.copyOf ? ` (a copy of ${st.copyOf})` : ''}`);
  console.log(`Outreach Desk workbench: ${wb.url}  (Ctrl+C to stop)`);
  let stopping = false;
  const stop = () => {
    if (stopping) {
      console.error('Stopping already; press Ctrl+C again to quit now.');
      process.exit(1);
    }
    stopping = true;
    wb.close().then(
      (r) => {
        if (r.saved) {
          console.log(`Stopped. Everything is saved in ${r.file}.`);
          process.exit(0);
        }
        console.error(`Stopped with UNSAVED changes. ${r.error ?? `Not saved to ${r.file}`}.`);
        if (r.rescued)
          console.error(
            `The workbook with those changes was written to ${r.rescued}: copy it over ${r.file} once it can be written.`,
          );
        else console.error('They could not be written anywhere else either, and are lost.');
        process.exit(1);
      },
      (e) => {
        console.error(`Could not stop cleanly: ${e instanceof Error ? e.message : e}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'EADDRINUSE') console.error(`Port ${port} is in use: try npm start -- --port 8090`);
  else if (err instanceof WorkbookFileError) console.error(err.message);
  else console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
