/**
 * Counting of Apps Script service calls. Every method called on an emulated service object
 * (SpreadsheetApp, a Range, a Lock, a Document body…) is one call, counted as
 * `Class.method`. In Google each such call is a round trip to a backend, so the number of
 * calls per operation is what the benchmark budgets.
 */
import { callMs, cellMs, TIME_LIMIT_MESSAGE } from './cost-model';
import { GasError } from './errors';

export class CallCounter {
  readonly counts = new Map<string, number>();
  total = 0;
  /** Cells moved from the spreadsheet to the script (values, formulas, formats read). */
  cellsRead = 0;
  /** Cells the script wrote (values). */
  cellsWritten = 0;
  /** Called before each counted call; may throw to inject a fault (e.g. a time-out). */
  onCall: ((name: string, n: number) => void) | null = null;
  /**
   * The Error of the realm the calling code runs in (the vm context of the bundle). When set,
   * exceptions of emulated calls are rethrown as that realm's Errors, so that the add-on's
   * `e instanceof Error` holds, as it does for Apps Script's exceptions.
   */
  realmError: ErrorConstructor | null = null;
  /**
   * Estimated time the execution so far took in Google (ms): its calls and the cells they
   * moved on the cost model (cost-model.ts, the benchmark's), lock waits and sleeps.
   */
  estimatedMs = 0;
  /** The execution's time limit on that estimate (ms); null: none. */
  limitMs: number | null = null;

  /** Rethrows `e` as an Error of the caller's realm (same name, message and stack). */
  rethrow(e: unknown): never {
    const E = this.realmError;
    const err = e as Error;
    if (E && e instanceof Error && !((e as object) instanceof E)) {
      const r = new E(err.message);
      r.name = err.name;
      r.stack = err.stack;
      throw r;
    }
    throw e;
  }

  count(name: string): void {
    this.total++;
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.spend(callMs(name));
    this.onCall?.(name, this.total);
  }

  /** Cells a read moved to the script, on the estimated clock too. */
  read(cells: number): void {
    this.cellsRead += cells;
    this.spend(cellMs(cells, 0));
  }

  /** Cells the script wrote, on the estimated clock too. */
  wrote(cells: number): void {
    this.cellsWritten += cells;
    this.spend(cellMs(0, cells));
  }

  /**
   * Adds `ms` to the estimated clock (a call, a lock wait, a sleep); past the execution's
   * limit the call fails as Apps Script stops the script.
   */
  spend(ms: number): void {
    this.estimatedMs += Math.max(0, ms);
    if (this.limitMs !== null && this.estimatedMs > this.limitMs) throw new GasError(TIME_LIMIT_MESSAGE);
  }

  reset(): void {
    this.counts.clear();
    this.total = 0;
    this.cellsRead = 0;
    this.cellsWritten = 0;
    this.estimatedMs = 0;
  }

  of(prefix: string): number {
    let n = 0;
    for (const [k, v] of this.counts) if (k === prefix || k.startsWith(`${prefix}.`)) n += v;
    return n;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort((a, b) => b[1] - a[1]));
  }
}

const TRACKED = Symbol('tracked');

/**
 * Wraps an emulated service object so that each method call is counted under
 * `className.method`. Values returned are passed through unchanged (emulated classes wrap
 * their own instances when they create them).
 */
export function track<T extends object>(obj: T, className: string, counter: CallCounter): T {
  if ((obj as any)[TRACKED]) return obj;
  const cache = new Map<PropertyKey, unknown>();
  const toName = () => className;
  const proxy: T = new Proxy(obj, {
    get(target, prop, receiver) {
      if (prop === TRACKED) return true;
      const v = Reflect.get(target, prop, receiver);
      // String(obj) is the class name in Apps Script (gas-fakes test/testsheetsvui.js:204);
      // toString is not a service call, so it is not counted.
      if (prop === 'toString') return v === Object.prototype.toString ? toName : v;
      if (typeof v !== 'function' || typeof prop === 'symbol' || prop === 'constructor') return v;
      if (prop.startsWith('_')) return v;
      let w = cache.get(prop);
      if (!w) {
        const name = `${className}.${prop}`;
        w = function (this: unknown, ...args: unknown[]) {
          let r: unknown;
          try {
            counter.count(name);
            r = (v as (...a: unknown[]) => unknown).apply(target, args);
          } catch (e) {
            counter.rethrow(e);
          }
          return r === target ? proxy : r; // builder chains stay counted
        };
        cache.set(prop, w);
      }
      return w;
    },
  });
  return proxy;
}
