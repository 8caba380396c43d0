/**
 * Runs add-on source code (src/addon, not the built bundle) in this Node process against
 * an execution's emulated services, by installing its Apps Script globals for the call.
 * Used to build the sample workbook with the add-on's own "Set up workbook". Tests of what
 * runs in Google use the built bundle instead (LocalProject.run).
 */
import type { Execution } from './execution';

export function withGlobals<T>(x: Execution, fn: () => T): T {
  const g = globalThis as Record<string, unknown>;
  const saved = new Map<string, unknown>();
  for (const [k, v] of Object.entries(x.globals)) {
    saved.set(k, g[k]);
    g[k] = v;
  }
  try {
    return fn();
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete g[k];
      else g[k] = v;
    }
    x.end();
  }
}
