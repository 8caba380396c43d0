/**
 * npm start: the local workbench. Builds the add-on (appsscript/), opens the workbook kept
 * in workbench/workbook.xlsx (created from the sample department when missing), and serves
 * a page that plays Google Sheets around the add-on on http://127.0.0.1:8080/.
 *
 * Usage: npm start -- [--port 8080] [--workbook workbench/workbook.xlsx] [--tz Asia/Shanghai]
 * (PORT in the environment also sets the port; 0 picks a free one.)
 * See docs/workbench.md.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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
const workbookPath = resolve(opt('workbook') ?? join(root, 'workbench', 'workbook.xlsx'));
mkdirSync(dirname(workbookPath), { recursive: true });

const built = await build();
console.log(`Built ${built.outDir} (${built.entryPoints.length} entry points).`);

try {
  const wb = await startWorkbench({
    port,
    workbookPath,
    projectDir: built.outDir,
    timeZone: opt('tz'),
    log: (line) => console.log(line),
  });
  console.log(`Workbook: ${workbookPath}`);
  console.log(`Outreach Desk workbench: ${wb.url}  (Ctrl+C to stop)`);
  const stop = () => {
    wb.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'EADDRINUSE') console.error(`Port ${port} is in use: try npm start -- --port 8090`);
  else console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
