/**
 * The quick bench, in every test run: the built add-on at 1× and 10× the sample department,
 * with the budgets of scripts/bench/budgets.ts on. It fails when a save, an open or onEdit
 * makes more calls or reads more cells per added row on more data (a whole-sheet read slipped
 * into a save), when any operation's CPU grows faster than its data (a quadratic loop), or
 * when an operation goes over its estimated-seconds, document-size or digest-size budget.
 * The full bench (`npm run bench -- --profile union`) holds the same budgets at union size.
 */
import { describe, expect, it } from 'vitest';
import { checkBudgets } from '../../scripts/bench/budgets';
import { runWorkload } from '../../scripts/bench/measure';
import { OPS } from '../../scripts/bench/ops';
import { WORKLOADS } from '../../scripts/bench/workloads';
import { LocalProject } from '../../src/local/runtime';
import { bundleDir } from '../support/bundle';

/**
 * Budgets known not to hold yet, as `operation: budget` (BENCHMARKS.md would say by how much
 * and who fixes them); none since the hot-spot fixes. A listed budget that starts to hold
 * fails this test too: take it off the list.
 */
const KNOWN_OVER = new Set<string>([]);

/** The checks that failed and are not known to, and the known ones that now hold. */
function verdict(checks: ReturnType<typeof checkBudgets>, known: readonly string[]) {
  const failed = checks.filter((c) => !c.ok);
  const key = (c: (typeof checks)[number]) => `${c.op}: ${c.budget}`;
  return {
    unexpected: failed
      .filter((c) => !KNOWN_OVER.has(key(c)))
      .map((c) => `${c.workload} ${key(c)} — measured ${c.value}`),
    nowHolding: known.filter((k) => !failed.some((c) => key(c) === k)),
  };
}

describe('quick bench (1× and 10×)', () => {
  it('every budget holds', { timeout: 120_000 }, () => {
    const project = new LocalProject(bundleDir());
    const results = [WORKLOADS['1x']!, WORKLOADS['10x']!].map((w) => runWorkload(project, w, { runs: 3 }));
    // Every operation was measured at both sizes (an op that stopped running is not a pass).
    expect(results.map((r) => r.ops.length)).toEqual([OPS.length, OPS.length]);
    const checks = checkBudgets(results, () => true);
    const { unexpected, nowHolding } = verdict(checks, [...KNOWN_OVER]);
    expect(unexpected).toEqual([]);
    expect(nowHolding).toEqual([]);
    // The growth budgets were checked for the saves, onEdit and opening a record.
    expect(checks.filter((c) => c.budget.startsWith('cells read grow')).length).toBe(6);
  });

  // A loop quadratic in a member's list (issue 11: planReminders' `list.some`) only shows when
  // members carry union's load: a quarter of union, 500 contacts a member.
  it('planReminders stays linear at union load per member', { timeout: 120_000 }, () => {
    const project = new LocalProject(bundleDir());
    const quarter = runWorkload(project, WORKLOADS['union/4']!, { runs: 3, only: () => false });
    const checks = checkBudgets([quarter], () => true);
    expect(checks.map((c) => c.op)).toEqual(['planReminders (domain)']);
    const { unexpected, nowHolding } = verdict(checks, [...KNOWN_OVER]);
    expect(unexpected).toEqual([]);
    expect(nowHolding).toEqual([]);
  });
});
