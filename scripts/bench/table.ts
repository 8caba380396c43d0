/** The benchmark's terminal output: one table per workload, the baseline ratios, the budgets. */
import type { CallKind } from '../../src/local/cost-model';
import type { BaselineRow } from './baseline';
import type { Check } from './budgets';
import type { Execution1, WorkloadResult } from './measure';

const SHORT: Record<CallKind, string> = {
  'sheets.read': 'rd',
  'sheets.write': 'wr',
  'sheets.appendRow': 'app',
  'sheets.flush': 'fl',
  'sheets.handle': 'h',
  'docs.create': 'dc',
  'docs.edit': 'de',
  'docs.save': 'ds',
  'mail.send': 'mail',
  drive: 'drv',
  store: 'st',
  ui: 'ui',
  local: 'loc',
};

export function kinds(e: Pick<Execution1, 'byKind'>): string {
  return Object.entries(e.byKind)
    .filter(([k]) => k !== 'local' && k !== 'sheets.handle')
    .map(([k, n]) => `${SHORT[k as CallKind]}${n}`)
    .join(' ');
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
const num = (n: number) => n.toLocaleString('en');

export function workloadTable(w: WorkloadResult): string {
  const lines = [
    `\n== ${w.workload}: ${num(w.rows)} data rows (built in ${(w.buildMs / 1000).toFixed(1)} s); planReminders ${w.planMs.toFixed(1)} ms local CPU; peak RSS ${Math.max(0, ...w.ops.map((o) => o.peakRssMb))} MB`,
    `${'operation'.padEnd(34)}${pad('calls', 7)}  ${'by kind'.padEnd(34)}${pad('cells read', 11)}${pad('written', 9)}${pad('cpu ms', 9)}${pad('heap MB', 8)}${pad('est s', 9)}  notes`,
  ];
  for (const m of w.ops) {
    const notes: string[] = [];
    if (m.docs.length) notes.push(m.docs.map((d) => `doc ${num(d.chars)} chars`).join(', '));
    if (m.emails) notes.push(`${m.emails} mails, largest ${(m.digests.maxBytes / 1024).toFixed(0)} KB`);
    if (m.followUps.length)
      notes.push(
        `${m.followUps.length} follow-up(s), ${m.followUps.map((f) => f.est.seconds.toFixed(1)).join('+')} s`,
      );
    if (m.error) notes.push(`ERROR ${m.error}`);
    lines.push(
      `${m.op.padEnd(34)}${pad(m.calls, 7)}  ${kinds(m).slice(0, 33).padEnd(34)}${pad(num(m.cellsRead), 11)}${pad(num(m.cellsWritten), 9)}${pad(Math.round(m.cpuMs), 9)}${pad(m.heapMb, 8)}${pad(m.est.seconds.toFixed(2), 9)}  ${notes.join('; ')}`,
    );
  }
  return lines.join('\n');
}

export function baselineTable(rows: BaselineRow[], results: WorkloadResult[]): string {
  const lines = [
    '\n== Tutorial baseline (getValue/setValue per cell, appendRow per row, a Docs table a cell at a time)',
    `${'workload'.padEnd(8)}${'operation'.padEnd(36)}${pad('calls', 9)}${pad('est s', 10)}${pad('add-on calls', 14)}${pad('add-on s', 10)}${pad('× calls', 9)}${pad('× time', 8)}`,
  ];
  for (const b of rows) {
    const a = results.find((w) => w.workload === b.workload)?.ops.find((o) => o.op === b.addon);
    if (!a) continue;
    lines.push(
      `${b.workload.padEnd(8)}${b.op.padEnd(36)}${pad(num(b.calls), 9)}${pad(b.est.seconds.toFixed(1), 10)}${pad(num(a.calls), 14)}${pad(a.est.seconds.toFixed(2), 10)}${pad((b.calls / a.calls).toFixed(1), 9)}${pad((b.est.seconds / a.est.seconds).toFixed(1), 8)}`,
    );
  }
  return lines.join('\n');
}

export function checksText(checks: Check[]): string {
  const failed = checks.filter((c) => !c.ok);
  const lines = [`\n== Budgets: ${checks.length - failed.length} of ${checks.length} hold`];
  for (const c of failed)
    lines.push(`BUDGET FAILED  ${c.workload}  ${c.op}: ${c.budget} — measured ${c.value}`);
  return lines.join('\n');
}
