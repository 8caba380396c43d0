/**
 * Runs the built Apps Script project (appsscript/) in the local runtime: each call is one
 * execution, as in Apps Script — the project's .js files are loaded with gas-local into a
 * fresh vm context whose globals are that execution's emulated services, then the named
 * top-level function is called.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import vm from 'node:vm';
import type { LocalGoogle } from './backend';
import type { CallCounter } from './counter';
import { Execution, type ExecutionOptions } from './execution';

const require = createRequire(import.meta.url);
const gas = require('gas-local') as {
  require: (
    dir: string,
    globals: object,
    opts?: { filter?: (f: string) => boolean },
  ) => Record<string, unknown>;
};

export interface RunOptions extends ExecutionOptions {
  /** Keep the execution open (locks held) instead of ending it after the call. */
  keepOpen?: boolean;
}

export interface RunResult<T = unknown> {
  value: T;
  calls: CallCounter;
  execution: Execution;
}

/** A `Date` for the vm context whose "now" is the local Google's clock. */
export function clockDate(google: LocalGoogle): DateConstructor {
  const RealDate = Date;
  class ClockDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(google.now().getTime());
      else super(...(args as [number]));
    }
    static override now(): number {
      return google.now().getTime();
    }
  }
  return ClockDate as unknown as DateConstructor;
}

export class LocalProject {
  readonly files = new Map<string, string>();
  /** The manifest's oauthScopes (appsscript.json), enforced on every execution; null without one. */
  readonly scopes: readonly string[] | null = null;
  constructor(readonly dir: string) {
    for (const f of readdirSync(dir)) {
      if (f.endsWith('.html')) this.files.set(f.slice(0, -5), readFileSync(join(dir, f), 'utf8'));
      if (f === 'appsscript.json') {
        const manifest = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { oauthScopes?: string[] };
        this.scopes = manifest.oauthScopes ?? null;
      }
    }
  }

  /** Loads the project into a fresh context for one execution and returns its globals. */
  load(x: Execution): Record<string, unknown> {
    const globals: Record<string, unknown> = {
      ...x.globals,
      console,
      Date: clockDate(x.google),
      // What is left of the execution's time limit on the estimated clock (counter.ts): calls
      // take no wall time here, so a job that watches its clock (reminders/job.ts) reads this
      // too. Google has no such global; there the wall clock is the one that runs out.
      __executionMsLeft: () => (x.counter.limitMs ?? Number.POSITIVE_INFINITY) - x.counter.estimatedMs,
    };
    const ctx = gas.require(this.dir, globals, { filter: (f: string) => f.endsWith('.js') });
    // Service exceptions reach the bundle as its own realm's Errors (`e instanceof Error`).
    x.counter.realmError = vm.runInContext('Error', ctx) as ErrorConstructor;
    return ctx;
  }

  /** Runs one top-level function as a new execution. */
  run<T = unknown>(
    google: LocalGoogle,
    fn: string,
    args: unknown[] = [],
    opts: RunOptions = {},
  ): RunResult<T> {
    const x = new Execution(google, { projectFiles: this.files, scopes: this.scopes, ...opts });
    const ctx = this.load(x);
    const f = ctx[fn];
    if (typeof f !== 'function') {
      x.end();
      throw new Error(`Script function not found: ${fn}`);
    }
    try {
      const value = (f as (...a: unknown[]) => T)(...args);
      return { value, calls: x.counter, execution: x };
    } finally {
      if (!opts.keepOpen) x.end();
    }
  }
}
