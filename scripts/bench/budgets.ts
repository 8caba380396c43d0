/**
 * The budgets (issue 11), checked on the benchmark's measurements. A budget that does not
 * hold is a failure naming the operation, the workload, the budget and the value measured.
 *
 * Time and size budgets apply to every workload that stands for a real department (1×, 10×
 * and union; not 100×, where members are multiplied too — 1,400 members is no department).
 * Growth budgets compare the smallest and the largest workload of the run.
 */
import { LIMITS } from '../../src/local/cost-model';
import type { Measured, WorkloadResult } from './measure';
import type { OpKind } from './ops';
import { UNION_ROWS } from './workloads';

export interface Check {
  workload: string;
  op: string;
  budget: string;
  value: string;
  ok: boolean;
}

/** Estimated seconds in Google, per kind of operation. */
export const SECONDS: Partial<Record<OpKind, number>> = {
  search: 2,
  save: 2,
  open: 2,
  'meeting-save': 3,
  edit: 5,
  document: 60,
};
export const DIGEST_BYTES = 100 * 1024;
/** planReminders at union size; linearly less on less data (not below PLAN_FLOOR_MS). */
export const PLAN_MS = 1000;
export const PLAN_FLOOR_MS = 50;
export const PLAN_BUDGET = 'local CPU < 1 s at union size, linearly less on less data';
/** Cells a save may read more per data row added to the workbook (its ID column, a link column). */
export const CELLS_PER_ROW = 2;
/** How much faster than its data an operation's CPU may grow (×rows growth), above a floor. */
export const CPU_GROWTH = 3;
export const CPU_FLOOR_MS = 20;

const FLAT_CELLS: readonly OpKind[] = ['save', 'meeting-save', 'open', 'edit'];
/**
 * Cells a search may read at any size: its searched columns while they are small
 * (src/addon/search.ts READ_AT_MOST, 20,000), above that a page of rows (at most 27,000).
 */
export const SEARCH_CELLS = 30_000;
/**
 * A search at union size asks Sheets' TextFinder and then learns the rows of the matches it
 * shows (a getRow per match per run of searched columns, a read per group of near rows):
 * its calls grow with the page shown (50), never with the rows. At most this many per row shown.
 */
export const SEARCH_CALLS_PER_SHOWN = 4;
export const SEARCH_PAGE = 50;
const s = (x: number) => `${x.toFixed(2)} s`;

export function checkBudgets(results: WorkloadResult[], budgeted: (workload: string) => boolean): Check[] {
  const out: Check[] = [];
  const add = (m: { workload: string; op: string }, budget: string, value: string, ok: boolean) =>
    out.push({ workload: m.workload, op: m.op, budget, value, ok });
  for (const w of results) {
    if (!budgeted(w.workload)) continue;
    for (const m of w.ops) {
      if (m.error) add(m, 'runs without error', m.error, false);
      const limit = SECONDS[m.kind];
      if (limit !== undefined) add(m, `< ${limit} s estimated`, s(m.est.seconds), m.est.seconds < limit);
      if (m.kind === 'edit')
        add(
          m,
          `< ${LIMITS.simpleTriggerSeconds.value} s (simple trigger limit)`,
          s(m.est.seconds),
          m.est.seconds < 30,
        );
      for (const d of m.docs)
        add(
          m,
          `Doc "${d.name}" < ${LIMITS.docChars.value.toLocaleString('en')} chars`,
          d.chars.toLocaleString('en'),
          d.chars < LIMITS.docChars.value,
        );
      if (m.kind === 'reminders') reminders(m, add);
      if (m.kind === 'search')
        add(
          m,
          `cells read ≤ ${SEARCH_CELLS.toLocaleString('en')} at any size`,
          m.cellsRead.toLocaleString('en'),
          m.cellsRead <= SEARCH_CELLS,
        );
    }
    const planLimit = Math.max(PLAN_FLOOR_MS, (PLAN_MS * w.rows) / UNION_ROWS);
    add(
      { workload: w.workload, op: 'planReminders (domain)' },
      PLAN_BUDGET,
      `${Math.round(w.planMs)} ms (budget here ${Math.round(planLimit)} ms)`,
      w.planMs < planLimit,
    );
  }
  if (results.length >= 2) growth(results[0]!, results.at(-1)!, add);
  return out;
}

function reminders(m: Measured, add: (m: Measured, b: string, v: string, ok: boolean) => void): void {
  const execs = [m, ...m.followUps];
  const worst = Math.max(...execs.map((e) => e.est.seconds));
  const limit = LIMITS.executionSeconds.value;
  add(
    m,
    `each execution < ${limit} s (6-minute limit; ${execs.length} execution${execs.length > 1 ? 's' : ''})`,
    s(worst),
    worst < limit,
  );
  add(m, 'nobody mailed twice', `${m.mailedTwice} mailed twice`, m.mailedTwice === 0);
  if (m.digests.count)
    add(
      m,
      `every digest < ${DIGEST_BYTES / 1024} KB`,
      `largest ${(m.digests.maxBytes / 1024).toFixed(0)} KB; ${m.digests.over100k} of ${m.digests.count} over`,
      m.digests.over100k === 0,
    );
}

/** Calls flat, cells per save flat, CPU not growing faster than the data. */
function growth(
  first: WorkloadResult,
  last: WorkloadResult,
  add: (m: { workload: string; op: string }, b: string, v: string, ok: boolean) => void,
): void {
  const added = last.rows - first.rows;
  const ratio = last.rows / first.rows;
  for (const b of last.ops) {
    const a = first.ops.find((o) => o.op === b.op);
    if (!a) continue;
    const where = { workload: `${first.workload}→${last.workload}`, op: b.op };
    // A document split into several Docs (the roster by Org Type: a bounded number, never one
    // per row) is held to flat calls per Doc.
    const docs = (m: Measured) => (m.kind === 'document' ? Math.max(1, m.docs.length) : 1);
    if (b.kind === 'document' && docs(b) > docs(a)) {
      const [pa, pb] = [a.calls / docs(a), b.calls / docs(b)];
      add(where, 'calls per Doc flat', `${Math.round(pa)} → ${Math.round(pb)} (${docs(b)} Docs)`, pb <= pa);
    } else if (b.kind === 'search') {
      const most = a.calls + SEARCH_CALLS_PER_SHOWN * SEARCH_PAGE;
      add(
        where,
        `calls ≤ ${SEARCH_CALLS_PER_SHOWN} per record shown more than at ${first.workload}`,
        `${a.calls} → ${b.calls} (at most ${most})`,
        b.calls <= most,
      );
    } else if (b.kind !== 'reminders')
      add(where, 'calls flat', `${a.calls} → ${b.calls}`, b.calls <= a.calls);
    if (FLAT_CELLS.includes(b.kind)) {
      const per = (b.cellsRead - a.cellsRead) / added;
      add(
        where,
        `cells read grow ≤ ${CELLS_PER_ROW} per added row`,
        `${a.cellsRead} → ${b.cellsRead} (${per.toFixed(2)} per row)`,
        per <= CELLS_PER_ROW,
      );
    }
    const allowed = CPU_GROWTH * ratio * Math.max(a.cpuMs, CPU_FLOOR_MS);
    add(
      where,
      `CPU ≤ ${CPU_GROWTH}× the data's growth (${ratio.toFixed(1)}×)`,
      `${Math.round(a.cpuMs)} → ${Math.round(b.cpuMs)} ms (allowed ${Math.round(allowed)})`,
      b.cpuMs <= allowed,
    );
  }
}
