/**
 * Parallel executions. Apps Script runs each execution in its own process and every
 * service call is a round trip to Google's backend; executions interleave between calls.
 * Here each parallel execution runs the built bundle in a worker thread, and every service
 * call is a synchronous round trip to the one LocalGoogle in the main thread (postMessage,
 * then Atomics.wait until the answer is posted back). Locks therefore really exclude:
 * a worker waiting in LockService polls the main thread until the holder releases.
 */
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import type { LocalGoogle } from './backend';
import { Execution, type ExecutionOptions } from './execution';

interface Request {
  /** Call id: the reply carries it back, so the worker matches replies to its calls. */
  id: number;
  handle: number;
  op: 'call' | 'get';
  prop: string;
  args?: unknown[];
}

type Wire = { __handle: number; kind: string } | unknown;

const isPlainValue = (v: unknown) =>
  v === null ||
  v === undefined ||
  typeof v !== 'object' ||
  Object.prototype.toString.call(v) === '[object Date]';

/** Serves one worker's execution: resolves handles and runs calls on the real services. */
class HandleTable {
  private readonly objects: unknown[] = [];
  private readonly ids = new Map<unknown, number>();
  constructor(readonly x: Execution) {
    for (const svc of Object.values(x.globals)) this.handleOf(svc);
  }
  handleOf(o: unknown): number {
    let id = this.ids.get(o);
    if (id === undefined) {
      id = this.objects.length;
      this.objects.push(o);
      this.ids.set(o, id);
    }
    return id;
  }
  globalsWire(): Record<string, Wire> {
    const out: Record<string, Wire> = {};
    for (const [name, svc] of Object.entries(this.x.globals)) out[name] = this.toWire(svc);
    return out;
  }
  toWire(v: unknown): Wire {
    if (isPlainValue(v)) return v;
    if (Array.isArray(v)) return v.map((e) => this.toWire(e));
    const kind = (v as object).constructor?.name ?? 'Object';
    return { __handle: this.handleOf(v), kind };
  }
  fromWire(v: unknown): unknown {
    if (Array.isArray(v)) return v.map((e) => this.fromWire(e));
    if (v && typeof v === 'object' && '__handle' in (v as object))
      return this.objects[(v as { __handle: number }).__handle];
    return v;
  }
  serve(
    req: Request,
  ): { ok: true; value: Wire; method?: boolean } | { ok: false; error: string; name: string } {
    try {
      const target = this.objects[req.handle] as Record<string, unknown>;
      if (req.op === 'get') {
        const v = target[req.prop];
        if (typeof v === 'function') return { ok: true, value: null, method: true };
        return { ok: true, value: this.toWire(v) };
      }
      const f = target[req.prop];
      if (typeof f !== 'function') throw new TypeError(`${req.prop} is not a function`);
      const args = (req.args ?? []).map((a) => this.fromWire(a));
      return { ok: true, value: this.toWire((f as (...a: unknown[]) => unknown).apply(target, args)) };
    } catch (e) {
      const err = e as Error;
      return { ok: false, error: err.message, name: err.name };
    }
  }
}

export interface ParallelRun {
  fn: string;
  args?: unknown[];
  /** Or: source code to evaluate in the loaded project (tests of the harness itself). */
  code?: string;
  options?: ExecutionOptions;
}

export interface ParallelResult {
  ok: boolean;
  value?: unknown;
  error?: string;
  calls: number;
}

const workerUrl = new URL('./rpc-worker.mjs', import.meta.url);

/**
 * Runs each entry as its own execution in its own worker thread, all at once, against
 * `google`. Resolves when all have finished.
 */
export function runParallel(
  google: LocalGoogle,
  projectDir: string,
  runs: ParallelRun[],
): Promise<ParallelResult[]> {
  return Promise.all(runs.map((run) => runInWorker(google, projectDir, run)));
}

function runInWorker(google: LocalGoogle, projectDir: string, run: ParallelRun): Promise<ParallelResult> {
  const x = new Execution(google, run.options ?? {});
  const table = new HandleTable(x);
  const { port1, port2 } = new MessageChannel();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(fileURLToPath(workerUrl), {
    workerData: {
      port: port2,
      flag,
      projectDir,
      globals: table.globalsWire(),
      fn: run.fn,
      args: run.args ?? [],
      code: run.code ?? null,
    },
    transferList: [port2 as unknown as MessagePort],
  });
  port1.on('message', (req: Request) => {
    port1.postMessage({ ...table.serve(req), id: req.id });
    Atomics.add(flag, 0, 1); // counts replies: the worker waits for the count to move
    Atomics.notify(flag, 0);
  });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: Omit<ParallelResult, 'calls'>) => {
      if (settled) return;
      settled = true;
      x.end();
      port1.close();
      void worker.terminate();
      resolve({ ...r, calls: x.counter.total });
    };
    worker.on('message', (m: { done: true; ok: boolean; value?: unknown; error?: string }) => {
      if (m.done) finish(m.ok ? { ok: true, value: m.value } : { ok: false, error: m.error });
    });
    worker.on('error', (e) => finish({ ok: false, error: e.message }));
    worker.on('exit', (code) => finish({ ok: false, error: `worker exited (${code})` }));
  });
}
