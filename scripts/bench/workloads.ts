/**
 * The benchmark's workloads: the sample department at 1×, 10× and 100× (every table, members
 * included, multiplied) and `union`, a whole student union's External Relations workbook,
 * where members do not grow with the rows they look after.
 */
import type { SampleCounts } from '../../src/local/sample';

export interface Workload {
  name: string;
  scale: number;
  counts?: Partial<SampleCounts>;
}

export const UNION_COUNTS: SampleCounts = {
  members: 60,
  sponsors: 3_200,
  contacts: 30_000,
  ledger: 40_000,
  meetings: 5_000,
  events: 200,
};

export const WORKLOADS: Record<string, Workload> = {
  '1x': { name: '1x', scale: 1 },
  '10x': { name: '10x', scale: 10 },
  '100x': { name: '100x', scale: 100 },
  union: { name: 'union', scale: 1, counts: UNION_COUNTS },
  /**
   * A quarter of union with its load per member (500 contacts each): small enough for the
   * quick bench, large enough that a loop quadratic in a member's list shows.
   */
  'union/4': {
    name: 'union/4',
    scale: 1,
    counts: { members: 15, sponsors: 800, contacts: 7_500, ledger: 10_000, meetings: 1_250, events: 50 },
  },
};

export const UNION_ROWS = Object.values(UNION_COUNTS).reduce((a, b) => a + b, 0);

/** `--profile 1x,union` (also `1`, `10`, `100`; `all` = every workload). */
export function workloadsOf(spec: string): Workload[] {
  if (spec === 'all') return Object.values(WORKLOADS);
  return spec.split(',').map((s) => {
    const w = WORKLOADS[s.trim()] ?? WORKLOADS[`${s.trim()}x`];
    if (!w)
      throw new Error(`bench: unknown profile "${s}" (known: ${Object.keys(WORKLOADS).join(', ')}, all)`);
    return w;
  });
}
