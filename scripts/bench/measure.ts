/**
 * Runs the benchmark's operations through the BUILT bundle in the local runtime and measures
 * each: calls by kind, cells read and written, local CPU (median of the runs), memory, the
 * documents and mails it made, the follow-up executions it left (one-off triggers), and the
 * estimated seconds in Google (src/local/cost-model.ts).
 */
import { AddonContext, memberLanguages } from '../../src/addon/context';
import { planReminders } from '../../src/domain/reminders';
import { LocalGoogle } from '../../src/local/backend';
import { type CallKind, callsByKind, type Estimate, estimate } from '../../src/local/cost-model';
import { Execution } from '../../src/local/execution';
import { withGlobals } from '../../src/local/inprocess';
import type { LocalProject } from '../../src/local/runtime';
import { buildSample } from '../../src/local/sample';
import { documentText, listDocuments } from '../../src/local/services/document/model';
import { runDueTriggers } from '../../src/local/triggers';
import { OPS, type Op, type OpKind, TODAY, USER } from './ops';
import type { Workload } from './workloads';

export interface Execution1 {
  calls: number;
  /** Calls by `Class.method`. */
  byName: Record<string, number>;
  byKind: Partial<Record<CallKind, number>>;
  cellsRead: number;
  cellsWritten: number;
  cpuMs: number;
  est: Estimate;
}

export interface Measured extends Execution1 {
  op: string;
  kind: OpKind;
  workload: string;
  /** Data rows in the workbook (all record sheets). */
  rows: number;
  /** Local CPU of each run, ms. */
  cpuRuns: number[];
  /** Heap grown during the median run, MB (no GC forced: an upper figure). */
  heapMb: number;
  /** The bench process's peak resident memory after the op, MB. */
  peakRssMb: number;
  emails: number;
  /** Recipients mailed more than once by the op (with its follow-ups). */
  mailedTwice: number;
  docs: { name: string; chars: number }[];
  digests: { count: number; maxBytes: number; over100k: number };
  /** Executions started by one-off triggers the op left (a continued job), in order. */
  followUps: Execution1[];
  error?: string;
}

const ms = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A copy of a workbook (and its document properties) to run an operation on afresh. */
function copyOf(google: LocalGoogle, id: string): string {
  const x = new Execution(google, { spreadsheetId: id, user: USER });
  const api = x.globals.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  const copy = api.getActiveSpreadsheet().copy('bench copy').getId();
  x.end();
  const props = google.documentProperties.get(id);
  if (props) google.documentProperties.set(copy, new Map(props));
  return copy;
}

function execution(
  counts: Map<string, number>,
  cellsRead: number,
  cellsWritten: number,
  cpuMs: number,
): Execution1 {
  let calls = 0;
  for (const n of counts.values()) calls += n;
  return {
    calls,
    byName: Object.fromEntries(counts),
    byKind: callsByKind(counts),
    cellsRead,
    cellsWritten,
    cpuMs,
    est: estimate(counts, cellsRead, cellsWritten, cpuMs),
  };
}

interface OneRun {
  main: Execution1;
  heapMb: number;
  emails: number;
  mailedTwice: number;
  docs: { name: string; chars: number }[];
  digestBytes: number[];
  followUps: Execution1[];
  error?: string;
}

function runOnce(project: LocalProject, google: LocalGoogle, op: Op, id: string, run: number): OneRun {
  const docsBefore = new Set(google.documents.keys());
  const mailsBefore = google.outbox.length;
  const triggersBefore = new Set(google.triggers.map((t) => t.id));
  const clock = google.now();
  const x = new Execution(google, {
    projectFiles: project.files,
    // The manifest's scopes, granted (as for a member who installed the add-on).
    scopes: project.scopes,
    spreadsheetId: id,
    user: USER,
    authMode: op.authMode,
    trigger: op.trigger,
  });
  const ctx = project.load(x);
  const ss = google.spreadsheets.get(id)!;
  const args = op.args ? op.args(x.globals as Record<string, unknown>, ss, run) : [];
  x.counter.reset(); // building the call's arguments (an edit event's range) is not the op
  let error: string | undefined;
  const heap0 = process.memoryUsage().heapUsed;
  const cpu0 = process.cpuUsage();
  try {
    (ctx[op.fn] as (...a: unknown[]) => unknown)(...args);
  } catch (e) {
    error = (e as Error).message;
  } finally {
    x.end();
  }
  const cpu = ms(process.cpuUsage(cpu0));
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 1e6;
  const main = execution(x.counter.counts, x.counter.cellsRead, x.counter.cellsWritten, cpu);

  // A job that continues by a one-off trigger: run the follow-ups as Google would.
  const followUps: Execution1[] = [];
  if (google.triggers.some((t) => !triggersBefore.has(t.id) && t.kind === 'CLOCK')) {
    let c0 = process.cpuUsage();
    runDueTriggers(google, project, new Date(clock.getTime() + 6 * 3600_000), {
      maxRuns: 50,
      onRun: (run, r) => {
        const c = ms(process.cpuUsage(c0));
        if (r) followUps.push(execution(r.calls.counts, r.calls.cellsRead, r.calls.cellsWritten, c));
        else if (!run.ok) error = `follow-up ${run.handler} failed: ${run.error ?? ''}`;
        c0 = process.cpuUsage();
      },
    });
    google.setNow(clock);
  }
  const mails = google.outbox.slice(mailsBefore);
  const seen = new Map<string, number>();
  for (const m of mails)
    for (const to of m.to) seen.set(to.toLowerCase(), (seen.get(to.toLowerCase()) ?? 0) + 1);
  const docs = listDocuments(google)
    .filter((d) => !docsBefore.has(d.id))
    .map((d) => ({ name: d.name, chars: documentText(d).length }));
  return {
    main,
    heapMb,
    emails: mails.length,
    mailedTwice: [...seen.values()].filter((n) => n > 1).length,
    docs,
    digestBytes: mails.map((m) => Buffer.byteLength(m.htmlBody ?? m.body, 'utf8')),
    followUps,
    error,
  };
}

export interface WorkloadResult {
  workload: string;
  rows: number;
  buildMs: number;
  ops: Measured[];
  /** planReminders on this workload's data, local CPU ms (median of the runs). */
  planMs: number;
  google: LocalGoogle;
  sampleId: string;
}

export function newGoogle(): LocalGoogle {
  const google = new LocalGoogle();
  google.setNow(new Date(`${TODAY}T02:00:00Z`));
  google.mailDailyQuota = 100_000;
  return google;
}

/** Data rows of the record sheets. */
function dataRows(google: LocalGoogle, id: string): number {
  const ss = google.spreadsheets.get(id)!;
  let n = 0;
  for (const name of ['Members', 'Sponsors', 'Contacts', 'Meetings', 'Ledger', 'Events'])
    n += Math.max(0, (ss.sheetByName(name)?.lastRow() ?? 1) - 1);
  return n;
}

export function runWorkload(
  project: LocalProject,
  w: Workload,
  opts: { runs: number; only?: (op: Op) => boolean; log?: (s: string) => void },
): WorkloadResult {
  const google = newGoogle();
  const t0 = Date.now();
  const sample = buildSample(google, { scale: w.scale, counts: w.counts, today: TODAY });
  const buildMs = Date.now() - t0;
  const rows = dataRows(google, sample.id);
  const probe = project.load(new Execution(google));
  const ops: Measured[] = [];
  for (const op of OPS) {
    if (typeof probe[op.fn] !== 'function' || (opts.only && !opts.only(op))) continue;
    opts.log?.(`${w.name}: ${op.name}`);
    const runs: OneRun[] = [];
    for (let i = op.warmUp ? 0 : 1; i <= opts.runs; i++) {
      const id = op.workbook ? op.workbook(google) : op.fresh ? copyOf(google, sample.id) : sample.id;
      const r = runOnce(project, google, op, id, i);
      if (i > 0) runs.push(r);
      if (op.fresh) google.spreadsheets.delete(id);
    }
    // Counts from the run that made the most calls (a regenerated report also trashes the
    // previous one); CPU is the median of all runs.
    const cpuRuns = runs.map((r) => r.main.cpuMs);
    const mid = runs.reduce((a, b) => (b.main.calls > a.main.calls ? b : a));
    const bytes = mid.digestBytes;
    const cpuMs = median(cpuRuns);
    const cells = mid.main;
    ops.push({
      ...mid.main,
      cpuMs,
      est: estimate(new Map(Object.entries(cells.byName)), cells.cellsRead, cells.cellsWritten, cpuMs),
      op: op.name,
      kind: op.kind,
      workload: w.name,
      rows,
      cpuRuns,
      heapMb: Math.max(0, Math.round(mid.heapMb)),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      emails: mid.emails,
      mailedTwice: mid.mailedTwice,
      docs: mid.docs,
      digests: {
        count: bytes.length,
        maxBytes: bytes.length ? Math.max(...bytes) : 0,
        over100k: bytes.filter((b) => b >= 100 * 1024).length,
      },
      followUps: mid.followUps,
      error: runs.find((r) => r.error)?.error,
    });
  }
  return {
    workload: w.name,
    rows,
    buildMs,
    ops,
    planMs: measurePlan(google, sample.id, opts.runs),
    google,
    sampleId: sample.id,
  };
}

/** planReminders alone (the domain function) on the workbook's records: median local CPU, ms. */
export function measurePlan(google: LocalGoogle, id: string, runs: number): number {
  const x = new Execution(google, { spreadsheetId: id, user: USER });
  return withGlobals(x, () => {
    const ctx = new AddonContext(SpreadsheetApp.getActiveSpreadsheet());
    const t = (n: 'Members' | 'Contacts' | 'Sponsors' | 'Meetings' | 'Events' | 'Ledger') => ctx.table(n);
    const input = {
      today: TODAY,
      settings: ctx.settings(),
      members: t('Members').records,
      contacts: t('Contacts').records,
      sponsors: t('Sponsors').records,
      meetings: t('Meetings').records,
      events: t('Events').records,
      ledger: t('Ledger').records,
      languageByEmail: memberLanguages(t('Members').values),
    };
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const c0 = process.cpuUsage();
      planReminders(input);
      times.push(ms(process.cpuUsage(c0)));
    }
    return median(times);
  });
}
