/**
 * Build the probe bundle: probes/main.ts → <out>/Code.js plus probes/appsscript.json, a
 * script project of its own (never part of the add-on's appsscript/). Apps Script sees only
 * top-level functions, so each probe gets one (`function r1c1Range() {…}`), beside
 * `runProbes(names)`, `runProbe(name)` and `probeNames()` that live-check calls through the
 * Apps Script API.
 *
 * Usage: tsx scripts/build-probes.ts [--out DIR]   (default: out/probes)
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { bundleScript } from './build';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_PROBES_DIR = join(root, 'out', 'probes');

export interface ProbeBuild {
  outDir: string;
  names: string[];
  bytes: number;
}

export async function buildProbes(outDir = DEFAULT_PROBES_DIR): Promise<ProbeBuild> {
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(outDir)) rmSync(join(outDir, f), { recursive: true });
  const bundle = await bundleScript(join(root, 'probes/main.ts'), '__probes');
  const ctx: Record<string, unknown> = {};
  vm.runInNewContext(`${bundle}\n;this.__names = __probes.probeNames();`, ctx);
  const names = ctx.__names as string[];
  const bad = names.filter((n, i) => !/^[a-z][A-Za-z0-9]*$/.test(n) || names.indexOf(n) !== i);
  if (bad.length) throw new Error(`Probe names must be unique identifiers: ${bad.join(', ')}`);
  const stubs = [
    'function runProbes(names) { return __probes.runProbes(names); }',
    'function runProbe(name) { return __probes.runProbe(name); }',
    'function probeNames() { return __probes.probeNames(); }',
    ...names.map((n) => `function ${n}() { return __probes.runProbe('${n}'); }`),
  ].join('\n');
  const code = `// Outreach Desk probes — built by scripts/build-probes.ts from probes/. Do not edit.\n${bundle}\n${stubs}\n`;
  writeFileSync(join(outDir, 'Code.js'), code);
  copyFileSync(join(root, 'probes', 'appsscript.json'), join(outDir, 'appsscript.json'));
  return { outDir, names, bytes: Buffer.byteLength(code) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  buildProbes(i > 0 ? resolve(process.argv[i + 1]!) : undefined)
    .then((r) => console.log(`${r.names.length} probes, ${(r.bytes / 1024).toFixed(1)} KiB → ${r.outDir}`))
    .catch((e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
