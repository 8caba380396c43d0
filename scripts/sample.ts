/**
 * npm run sample: writes the sample department workbook to an .xlsx file — to open in
 * LibreOffice or Excel, or to upload to Google Drive and open with Google Sheets.
 *
 * Usage: npm run sample -- [--out samples/sample.xlsx] [--scale 1] [--today YYYY-MM-DD] [--tz Asia/Shanghai]
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LocalGoogle } from '../src/local/backend';
import { buildSample } from '../src/local/sample';
import { writeXlsx } from '../src/local/xlsx';

function opt(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const out = resolve(opt('out') ?? 'samples/sample.xlsx');
const scale = Number(opt('scale') ?? 1);
const today = opt('today');
if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) {
  console.error(`--today must be a date like 2026-11-23, not "${today}".`);
  process.exit(1);
}
if (!Number.isInteger(scale) || scale < 1 || scale > 1000) {
  console.error(`--scale must be a whole number from 1 to 1000, not "${opt('scale')}".`);
  process.exit(1);
}
const model = buildSample(new LocalGoogle(), { scale, today, timeZone: opt('tz') });
mkdirSync(dirname(out), { recursive: true });
await writeXlsx(model, out);
const rows = model.sheets.map((s) => `${s.name} ${Math.max(0, s.lastRow() - 1)}`).join(', ');
console.log(`Wrote ${out} (${model.timeZone}): ${rows}`);
