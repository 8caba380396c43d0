// One parallel execution (see rpc.ts): loads the built project with gas-local into a vm
// context whose service globals are proxies; every call on them is a synchronous round
// trip to the main thread, where the one local Google answers it.
import { createRequire } from 'node:module';
import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const gas = require('gas-local');
const { port, flag, projectDir, globals, fn, args, code } = workerData;

const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

let seq = 0;
/**
 * One synchronous round trip. Each request carries its own id and only the reply with that
 * id answers it: a reply that arrives late (the port delivers asynchronously) can never be
 * taken for the answer to a later call. `flag` counts replies posted by the main thread, so
 * a wait never misses one, and the short time-out covers a reply still on its way.
 */
function request(req) {
  const id = ++seq;
  port.postMessage({ ...req, id });
  const deadline = Date.now() + 300_000;
  for (;;) {
    const seen = Atomics.load(flag, 0);
    for (let msg = receiveMessageOnPort(port); msg; msg = receiveMessageOnPort(port)) {
      if (msg.message.id !== id) continue; // a stale reply to a call that gave up: dropped
      const res = msg.message;
      if (!res.ok) {
        const e = new Error(res.error);
        e.name = res.name || 'Exception';
        throw e;
      }
      return res;
    }
    if (Date.now() > deadline) throw new Error('local runtime: no answer from the main thread');
    Atomics.wait(flag, 0, seen, 50);
  }
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const proxies = new Map();

function fromWire(v) {
  if (Array.isArray(v)) return v.map(fromWire);
  if (v && typeof v === 'object' && '__handle' in v) return remote(v.__handle, v.kind);
  return v;
}
function toWire(v) {
  if (Array.isArray(v)) return v.map(toWire);
  if (v && typeof v === 'object' && v.__remoteHandle !== undefined) return { __handle: v.__remoteHandle };
  return v;
}
const call = (handle, prop, a) => fromWire(request({ handle, op: 'call', prop, args: a.map(toWire) }).value);

function remote(handle, kind) {
  if (proxies.has(handle)) return proxies.get(handle);
  const methods = new Map();
  const overrides = {};
  if (kind === 'Lock') {
    // Wait for real: poll the main thread until the holder releases or time runs out.
    const acquire = (ms) => {
      // A negative timeout never acquires (gas-fakes test/testlock.js:64-76), as in misc.ts.
      if (Number(ms) < 0) return false;
      if (call(handle, 'tryLock', [0])) return true;
      const until = Date.now() + Math.max(0, Number(ms) || 0);
      while (Date.now() < until) {
        sleep(2);
        if (call(handle, '_tryAcquire', [])) return true;
      }
      return false;
    };
    overrides.tryLock = (ms) => acquire(ms);
    overrides.waitLock = (ms) => {
      if (!acquire(ms)) {
        const e = new Error(LOCK_TIMEOUT);
        e.name = 'Exception';
        throw e;
      }
    };
  }
  const p = new Proxy(
    {},
    {
      get(_t, prop) {
        if (prop === '__remoteHandle') return handle;
        if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
        // toString is asked of the main thread: String(obj) is the class name there (counter.ts).
        if (prop !== 'toString' && overrides[prop]) return overrides[prop];
        let isMethod = methods.get(prop);
        if (isMethod === undefined) {
          const res = request({ handle, op: 'get', prop });
          if (!res.method) return fromWire(res.value);
          methods.set(prop, true);
          isMethod = true;
        }
        return (...a) => call(handle, prop, a);
      },
    },
  );
  proxies.set(handle, p);
  return p;
}

const ctxGlobals = { console };
for (const [name, wire] of Object.entries(globals)) ctxGlobals[name] = fromWire(wire);

try {
  const ctx = gas.require(projectDir, ctxGlobals, { filter: (f) => f.endsWith('.js') });
  let value;
  if (code) value = require('node:vm').runInContext(code, ctx);
  else value = ctx[fn](...args);
  parentPort.postMessage({ done: true, ok: true, value: JSON.parse(JSON.stringify(value ?? null)) });
} catch (e) {
  parentPort.postMessage({ done: true, ok: false, error: e?.message ? e.message : String(e) });
}
