/**
 * The probe bundle's entry (built by scripts/build-probes.ts, never part of the add-on):
 * `runProbes(names)` runs each probe in this execution and returns, per name, what it
 * observed or what it threw. Each probe is also a top-level function of its own name.
 */
import { Context } from './context';
import { PROBES } from './index';
import type { Json } from './types';

export type Outcome = { ok: true; value: Json } | { ok: false; error: string };

export function probeNames(): string[] {
  return PROBES.map((p) => p.name);
}

export function runProbe(name: string): Outcome {
  const probe = PROBES.find((p) => p.name === name);
  if (!probe) return { ok: false, error: `No probe named ${name}` };
  const ctx = new Context();
  try {
    return { ok: true, value: probe.run(ctx) };
  } catch (e) {
    return { ok: false, error: String((e as Error)?.message ?? e) };
  } finally {
    ctx.cleanUp();
  }
}

export function runProbes(names?: string[]): Record<string, Outcome> {
  const out: Record<string, Outcome> = {};
  for (const n of names ?? probeNames()) out[n] = runProbe(n);
  return out;
}
