/**
 * Benchmark: Apps Script service calls, cells read and local CPU time per operation, at 1×,
 * 10× and 100× the sample workbook, through the BUILT bundle in the local runtime.
 *
 * Calls per operation are the budget (each one is a round trip inside Google); they must
 * not grow with the number of rows. The run fails (exit 1) when an operation that should
 * be flat makes more calls at 100× than at 1×.
 *
 * Usage: npm run bench [-- --scales 1,10,100 --json out.json]
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalGoogle } from '../src/local/backend';
import { Execution } from '../src/local/execution';
import { LocalProject } from '../src/local/runtime';
import { buildSample } from '../src/local/sample';
import { SpreadsheetModel } from '../src/local/services/spreadsheet';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TODAY = '2026-11-23';

interface Op {
  name: string;
  fn: string;
  args?: unknown[];
  /** Prepare the workbook (not measured); returns the spreadsheet id to run against. */
  prepare?: (google: LocalGoogle, sampleId: string) => string;
  /** How calls may grow: 'flat' (same at every scale) or 'emails' (only with mails sent). */
  expect: 'flat' | 'per-email';
  user?: string;
  trigger?: boolean;
}

const OPS: Op[] = [
  { name: 'onOpen (menu)', fn: 'onOpen', args: [{ authMode: 'LIMITED' }], expect: 'flat' },
  {
    name: 'Set up workbook (empty)',
    fn: 'menuSetUpWorkbook',
    expect: 'flat',
    prepare: (google) => {
      const ss = new SpreadsheetModel(google.newId('ss'), 'empty', 'Asia/Shanghai');
      ss.addSheet('Sheet1');
      google.spreadsheets.set(ss.id, ss);
      return ss.id;
    },
  },
  { name: 'Set up workbook (again)', fn: 'menuSetUpWorkbook', expect: 'flat' },
  { name: 'Sidebar: search sponsors', fn: 'sidebarSearch', args: ['Sponsors', 'coffee'], expect: 'flat' },
  {
    name: 'Sidebar: add contact',
    fn: 'sidebarSave',
    args: ['Contacts', { name: 'Bench Person', organization: 'Bench U', owner: 'minister@example.edu' }],
    expect: 'flat',
  },
  { name: 'Sidebar: open contact', fn: 'sidebarGet', args: ['Contacts', 'C-0005'], expect: 'flat' },
  {
    name: 'Sidebar: edit contact (1 field)',
    fn: 'sidebarSave',
    args: ['Contacts', { id: 'C-0005', changes: { phone: '0791-1' } }],
    expect: 'flat',
  },
  {
    name: 'Sidebar: meeting Done (2 linked)',
    fn: 'sidebarSave',
    args: [
      'Meetings',
      {
        date: TODAY,
        type: 'Sponsor Visit',
        title: 'Bench visit',
        with: 'S-0002, C-0003',
        status: 'Done',
        outcome: 'ok',
      },
    ],
    expect: 'flat',
  },
  {
    name: 'Sidebar: archive contact',
    fn: 'sidebarArchive',
    args: ['Contacts', { id: 'C-0007' }],
    expect: 'flat',
  },
  {
    name: 'Start new term: dry run',
    fn: 'termPlan',
    args: [{ term: '2027 Spring', start: '2027-02-20', end: '2027-07-10' }],
    expect: 'flat',
  },
  { name: 'Generate semester report', fn: 'menuGenerateReport', expect: 'flat' },
  { name: 'Generate contact roster', fn: 'menuGenerateRoster', expect: 'flat' },
  { name: 'Send reminders now', fn: 'remindersSend', expect: 'per-email' },
  { name: 'Greetings to send (list)', fn: 'greetingsList', expect: 'flat' },
  { name: 'Templates form: preview data', fn: 'templatePreviewData', expect: 'flat' },
];

interface Row {
  op: string;
  scale: number;
  calls: number;
  cellsRead: number;
  cellsWritten: number;
  emails: number;
  cpuMs: number;
  error?: string;
}

function args(): { scales: number[]; json: string | null } {
  const a = process.argv.slice(2);
  const s = a.indexOf('--scales');
  const j = a.indexOf('--json');
  return {
    scales: s >= 0 ? a[s + 1]!.split(',').map(Number) : [1, 10, 100],
    json: j >= 0 ? a[j + 1]! : null,
  };
}

function main(): void {
  const { scales, json } = args();
  const project = new LocalProject(join(root, 'appsscript'));
  const probe = project.load(new Execution(new LocalGoogle()));
  const rows: Row[] = [];
  for (const scale of scales) {
    const google = new LocalGoogle();
    google.setNow(new Date(`${TODAY}T02:00:00Z`));
    google.mailDailyQuota = 100_000;
    const sample = buildSample(google, { scale, today: TODAY });
    for (const op of OPS) {
      if (typeof probe[op.fn] !== 'function') continue;
      const id = op.prepare ? op.prepare(google, sample.id) : sample.id;
      const mailsBefore = google.outbox.length;
      const cpu0 = process.cpuUsage();
      let calls = 0;
      let cellsRead = 0;
      let cellsWritten = 0;
      let error: string | undefined;
      try {
        const r = project.run(google, op.fn, op.args ?? [], {
          spreadsheetId: id,
          user: op.user ?? 'minister@example.edu',
          trigger: op.trigger,
        });
        calls = r.calls.total;
        cellsRead = r.calls.cellsRead;
        cellsWritten = r.calls.cellsWritten;
      } catch (e) {
        error = (e as Error).message;
      }
      const cpu = process.cpuUsage(cpu0);
      rows.push({
        op: op.name,
        scale,
        calls,
        cellsRead,
        cellsWritten,
        emails: google.outbox.length - mailsBefore,
        cpuMs: Math.round((cpu.user + cpu.system) / 1000),
        error,
      });
    }
  }

  // Table: one line per operation, columns per scale.
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(
    `${'operation'.padEnd(34)}${scales.map((s) => `${pad(`calls@${s}x`, 11)}${pad(`cells@${s}x`, 12)}${pad(`cpu ms@${s}x`, 12)}`).join('')}  verdict`,
  );
  let failed = false;
  for (const op of OPS) {
    const mine = rows.filter((r) => r.op === op.name);
    if (mine.length === 0) continue;
    const first = mine[0]!;
    const last = mine.at(-1)!;
    let verdict: string;
    if (mine.some((r) => r.error)) {
      verdict = `ERROR: ${mine.find((r) => r.error)!.error}`;
      failed = true;
    } else if (op.expect === 'flat') {
      verdict = last.calls <= first.calls ? 'flat' : `GROWS (${first.calls} → ${last.calls})`;
      if (last.calls > first.calls) failed = true;
    } else {
      // Calls beyond a per-email cost must not grow: compare calls per email sent + fixed part.
      const perEmail = (r: Row) =>
        r.emails ? (r.calls - first.calls) / Math.max(1, r.emails - first.emails) : 0;
      verdict = `emails ${mine.map((r) => r.emails).join('/')}; ≤${Math.ceil(Math.max(...mine.map(perEmail)))} calls per extra email`;
    }
    console.log(
      `${op.name.padEnd(34)}${mine.map((r) => `${pad(r.calls, 11)}${pad(r.cellsRead, 12)}${pad(r.cpuMs, 12)}`).join('')}  ${verdict}`,
    );
  }
  if (json) writeFileSync(json, JSON.stringify(rows, null, 2));
  if (failed) {
    console.error(
      '\nSome operation makes more service calls on more data (or failed): see the verdicts above.',
    );
    process.exit(1);
  }
}

main();
