/**
 * Benchmark: every operation of the add-on through the BUILT bundle in the local runtime, on
 * the sample department at 1×, 10×, 100× and on a union-size workbook; per operation the
 * calls by kind, cells read and written, local CPU (median of the runs), memory and the
 * estimated seconds in Google (src/local/cost-model.ts); the tutorial baseline next to it;
 * and the budgets of issue 11, failing the run (exit 1) with the operation and budget named.
 *
 * Usage: npm run bench [-- --profile 1x,10x,100x,union] [--runs 3] [--json out.json] [--no-baseline]
 * (1× is always measured first: growth budgets compare against it.) See BENCHMARKS.md.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LIMITS, PER_CALL, PER_CELL_READ, PER_CELL_WRITTEN, V8_CPU_FACTOR } from '../src/local/cost-model';
import { LocalProject } from '../src/local/runtime';
import { type BaselineRow, runBaseline } from './bench/baseline';
import { checkBudgets } from './bench/budgets';
import { runWorkload, type WorkloadResult } from './bench/measure';
import { baselineTable, checksText, workloadTable } from './bench/table';
import { WORKLOADS, workloadsOf } from './bench/workloads';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function flag(name: string): string | null {
  const a = process.argv.slice(2);
  const i = a.indexOf(name);
  return i >= 0 ? (a[i + 1] ?? '') : null;
}

function main(): void {
  const spec = flag('--profile') ?? flag('--scales') ?? '1x,10x,100x,union';
  const runs = Math.max(3, Number(flag('--runs') ?? 3));
  const json = flag('--json');
  const baseline = !process.argv.includes('--no-baseline');
  const workloads = workloadsOf(spec);
  if (workloads[0]!.name !== '1x') workloads.unshift(WORKLOADS['1x']!);
  const project = new LocalProject(join(root, 'appsscript'));
  const started = Date.now();
  const results: WorkloadResult[] = [];
  const base: BaselineRow[] = [];
  for (const w of workloads) {
    const t = Date.now();
    const r = runWorkload(project, w, { runs, log: (s) => process.stderr.write(`  ${s}\r`) });
    process.stderr.write(`\n${w.name}: ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
    results.push(r);
    if (baseline) base.push(...runBaseline(r.google, r.sampleId, w.name));
    console.log(workloadTable(r));
  }
  if (base.length) console.log(baselineTable(base, results));
  const checks = checkBudgets(results, (name) => name !== '100x');
  console.log(checksText(checks));
  const seconds = (Date.now() - started) / 1000;
  console.log(`\nBench ran in ${seconds.toFixed(0)} s on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}.`);
  if (json) {
    const out = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        model: cpus()[0]?.model,
        memoryGb: Math.round(totalmem() / 1e9),
        node: process.version,
      },
      seconds: Math.round(seconds),
      runs,
      costModel: {
        perCall: PER_CALL,
        perCellRead: PER_CELL_READ,
        perCellWritten: PER_CELL_WRITTEN,
        v8CpuFactor: V8_CPU_FACTOR,
        limits: LIMITS,
      },
      workloads: results.map(({ google: _g, sampleId: _s, ...r }) => r),
      baseline: base,
      checks,
    };
    writeFileSync(json, `${JSON.stringify(out, null, 1)}\n`);
  }
  if (checks.some((c) => !c.ok)) {
    console.error('\nSome budgets do not hold: see BUDGET FAILED above (operation, budget, measured value).');
    process.exit(1);
  }
}

main();
