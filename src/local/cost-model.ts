/**
 * A cost model of Apps Script: how long an execution that made these service calls, moved
 * these cells and spent this much local CPU would take in Google. The local runtime counts
 * every call as `Class.method` (counter.ts); here each call is given a kind, each kind a
 * cost per call (and per cell moved), and local CPU a factor for Apps Script's V8.
 *
 * One model for both users: the local runtime's estimated clock (counter.ts: `callMs` per
 * call, `cellMs` per cell moved, lock waits and sleeps), which enforces the 30-second and
 * 6-minute limits, and the benchmark's estimate (`estimate`, which adds local CPU × the V8
 * factor; the runtime leaves CPU out so that a test's outcome does not depend on the machine).
 *
 * Google publishes no latencies. Every figure below says where it comes from: a Google page
 * (a limit), a published measurement, or an estimate and how it was chosen. Estimates are
 * deliberately on the slow side: a budget that holds under them holds in Google. The
 * benchmark (scripts/bench/) prints the estimate next to the counts it came from, so a
 * reader can redo the sum with other figures.
 */

export type CallKind =
  | 'sheets.read'
  | 'sheets.write'
  | 'sheets.appendRow'
  | 'sheets.flush'
  | 'sheets.handle'
  | 'docs.create'
  | 'docs.edit'
  | 'docs.save'
  | 'mail.send'
  | 'drive'
  | 'store'
  | 'ui'
  | 'local';

export interface Figure {
  ms: number;
  source: string;
}

const BEST_PRACTICES = 'https://developers.google.com/apps-script/guides/support/best-practices';
const SO_FLUSH =
  'Stack Overflow answer "What is faster: ScriptDb or SpreadsheetApp?" (copy at https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp)';

/** Milliseconds per call, by kind. */
export const PER_CALL: Record<CallKind, Figure> = {
  'sheets.read': {
    ms: 60,
    source: `estimate: one round trip to the Sheets backend (${BEST_PRACTICES}: calls "fetch data from Google's servers"); 60 ms is a typical same-region RPC plus Sheets' own work, rounded up`,
  },
  'sheets.write': {
    ms: 80,
    source:
      'estimate: a read round trip (60 ms) plus committing the change; writes are cached and committed in batches (https://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html), so this is an upper figure for a write that is later read or flushed',
  },
  'sheets.appendRow': {
    ms: 275,
    source:
      'estimate from issue 11 (275 ms per appendRow, measured on a copy of the workbook); appendRow locks the sheet and finds its last row on every call, unlike a setValues',
  },
  'sheets.flush': {
    ms: 30,
    source: `${SO_FLUSH}: 400 flushes added ~11.8 s (~30 ms each) to a 400-row write`,
  },
  'sheets.handle': {
    ms: 5,
    source:
      'estimate: getSheetByName, getRange, getName… return handles the script already holds or resolves without moving cells; 5 ms covers the proxy call',
  },
  'docs.create': {
    ms: 1500,
    source:
      'estimate: DocumentApp.create makes a Drive file and opens it (a Drive write and a Docs open); 1.5 s, from "Documents created" being a daily quota (https://developers.google.com/apps-script/guides/services/quotas) and Drive writes taking about a second',
  },
  'docs.edit': {
    ms: 15,
    source:
      'estimate: Docs edits (appendParagraph, a table cell, a style) are batched by the Document service until saveAndClose; 15 ms per call covers the proxy and the batched mutation',
  },
  'docs.save': {
    ms: 1000,
    source:
      'estimate: saveAndClose commits the batched edits (https://developers.google.com/apps-script/reference/document/document#saveAndClose()); 1 s for a large document',
  },
  'mail.send': {
    ms: 1000,
    source:
      'estimate: MailApp.sendEmail hands a message to Gmail and waits for it to be accepted; 1 s, rounded up from the few hundred ms usually reported',
  },
  drive: {
    ms: 300,
    source: 'estimate: one Drive API round trip (a file or folder lookup or move); 300 ms',
  },
  store: {
    ms: 20,
    source:
      'estimate: PropertiesService, CacheService and LockService are small key-value round trips; 20 ms (waiting for a held lock is not in this figure)',
  },
  ui: {
    ms: 50,
    source: 'estimate: a call that reaches the user interface (alert, toast, sidebar, menu); 50 ms',
  },
  local: {
    ms: 0,
    source:
      'no round trip: builders, Utilities, Session, HtmlService outputs and enum-like getters run in the script',
  },
};

/** Milliseconds per cell moved by a read (getValues…) or a write (setValues, appendRow). */
export const PER_CELL_READ: Figure = {
  ms: 0.033,
  source:
    'estimate from issue 11: a save reading 420k cells was estimated at ~14 s (33 µs a cell); consistent with getValues of 10^5–10^6 cells taking seconds in published reports',
};
export const PER_CELL_WRITTEN: Figure = {
  ms: 0.012,
  source: `${SO_FLUSH}: one setValues of 4,000 cells took under 50 ms (~12 µs a cell)`,
};

/** Apps Script's V8 relative to Node on this machine, for the script's own work. */
export const V8_CPU_FACTOR: Figure = {
  ms: 3,
  source:
    'estimate: Apps Script runs V8 on shared servers with no published speed; issue 11 calls it "several times slower than Node", and published loop benchmarks (https://tanaikech.github.io/2020/02/09/benchmark-loop-for-array-processing-using-google-apps-script-with-v8/) are a few times slower than the same loops on a laptop; 3× (a dimensionless factor, in `ms`)',
};

/** Google's limits the budgets are checked against. */
export const LIMITS = {
  executionSeconds: {
    value: 360,
    source:
      'https://developers.google.com/apps-script/guides/services/quotas (script runtime 6 min / execution)',
  },
  simpleTriggerSeconds: {
    value: 30,
    source: 'https://developers.google.com/apps-script/guides/triggers#restrictions (30 seconds)',
  },
  docChars: {
    value: 1_020_000,
    source: 'https://support.google.com/drive/answer/37603 (Documents: up to 1.02 million characters)',
  },
  emailBodyBytes: {
    value: 200 * 1024,
    source:
      'https://developers.google.com/apps-script/guides/services/quotas (email body size 200 KB / message)',
  },
} as const;

/** Execution-time limits the local runtime enforces on its estimated clock, ms. */
export const SIMPLE_TRIGGER_LIMIT_MS = LIMITS.simpleTriggerSeconds.value * 1000;
export const EXECUTION_LIMIT_MS = LIMITS.executionSeconds.value * 1000;
/** What Apps Script reports when an execution runs out of time. */
export const TIME_LIMIT_MESSAGE = 'Exceeded maximum execution time';

/** Milliseconds one call named `Class.method` is estimated to take: its kind's figure. */
export function callMs(name: string): number {
  return PER_CALL[callKind(name)].ms;
}

/** Milliseconds `read` cells read and `written` cells written are estimated to take. */
export function cellMs(read: number, written: number): number {
  return read * PER_CELL_READ.ms + written * PER_CELL_WRITTEN.ms;
}

const READS =
  /^(getValues?|getDisplayValues?|getFormulas?|getFormulasR1C1|getNumberFormats?|getNotes?|getBackgrounds?|getFontColors?|getRichTextValues?|getDataValidations?|getMergedRanges|getLastRow|getLastColumn|getMaxRows|getMaxColumns|getFrozenRows|getFrozenColumns|getProtections|getEditors|getNamedRanges|getDeveloperMetadata|isChecked|findAll|findNext|findPrevious)$/;
const WRITES =
  /^(set|insert|delete|clear|hide|show|add|remove|protect|sort|copy|move|merge|break|autoResize|activate|trim|uncheck|check|create|apply)/;
const SHEET_CLASSES = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'RangeList',
  'Protection',
  'DataValidation',
  'NamedRange',
  'TextFinder',
]);
const DOC_CLASSES = new Set([
  'DocumentApp',
  'Document',
  'Body',
  'Paragraph',
  'ListItem',
  'Table',
  'TableRow',
  'TableCell',
  'Text',
  'InlineImage',
  'HeaderSection',
  'FooterSection',
]);
const DRIVE_CLASSES = new Set(['DriveApp', 'File', 'Folder', 'FileIterator', 'FolderIterator']);
const STORE_CLASSES = new Set([
  'PropertiesService',
  'Properties',
  'CacheService',
  'Cache',
  'LockService',
  'Lock',
]);
const UI_CLASSES = new Set(['Ui', 'Menu']);

/** The kind of a counted call (`Class.method`). */
export function callKind(name: string): CallKind {
  const dot = name.indexOf('.');
  const cls = name.slice(0, dot);
  const m = name.slice(dot + 1);
  if (name === 'Sheet.appendRow') return 'sheets.appendRow';
  if (name === 'SpreadsheetApp.flush') return 'sheets.flush';
  // Another spreadsheet opened or made: a Drive round trip before any Sheets call.
  if (cls === 'SpreadsheetApp' && /^(open|openById|openByUrl|create)$/.test(m)) return 'drive';
  if (SHEET_CLASSES.has(cls)) {
    if (cls === 'Spreadsheet' && m === 'toast') return 'ui';
    // A TextFinder is built in the script; its findAll/findNext is the round trip.
    if (m === 'createTextFinder' || (cls === 'TextFinder' && m.startsWith('match'))) return 'sheets.handle';
    if (READS.test(m)) return 'sheets.read';
    if (WRITES.test(m)) return 'sheets.write';
    return 'sheets.handle';
  }
  if (name === 'DocumentApp.create') return 'docs.create';
  if (name === 'Document.saveAndClose' || name === 'DocumentApp.openById') return 'docs.save';
  if (DOC_CLASSES.has(cls)) return 'docs.edit';
  if (name === 'MailApp.sendEmail' || name === 'GmailApp.sendEmail') return 'mail.send';
  if (cls === 'MailApp') return 'store';
  if (DRIVE_CLASSES.has(cls)) return 'drive';
  if (STORE_CLASSES.has(cls)) return 'store';
  if (UI_CLASSES.has(cls)) return 'ui';
  if (cls === 'ScriptApp' && /^(newTrigger|getProjectTriggers|getUserTriggers|deleteTrigger)$/.test(m))
    return 'store';
  if (cls === 'TriggerBuilder' || cls === 'ClockTriggerBuilder' || cls === 'SpreadsheetTriggerBuilder')
    return m === 'create' ? 'store' : 'local';
  return 'local';
}

/** Calls grouped by kind. */
export function callsByKind(counts: ReadonlyMap<string, number>): Partial<Record<CallKind, number>> {
  const out: Partial<Record<CallKind, number>> = {};
  for (const [name, n] of counts) {
    const k = callKind(name);
    out[k] = (out[k] ?? 0) + n;
  }
  return out;
}

export interface Estimate {
  /** Estimated seconds in Google, in all. */
  seconds: number;
  /** Its parts: service calls, cells moved, the script's own CPU. */
  callsSeconds: number;
  cellsSeconds: number;
  cpuSeconds: number;
}

/** Estimated seconds in Google for calls by name, cells moved and local CPU milliseconds. */
export function estimate(
  counts: ReadonlyMap<string, number>,
  cellsRead: number,
  cellsWritten: number,
  localCpuMs: number,
): Estimate {
  let callsMs = 0;
  for (const [k, n] of Object.entries(callsByKind(counts))) callsMs += PER_CALL[k as CallKind].ms * n;
  const cellsMs = cellMs(cellsRead, cellsWritten);
  const cpuMs = localCpuMs * V8_CPU_FACTOR.ms;
  return {
    seconds: (callsMs + cellsMs + cpuMs) / 1000,
    callsSeconds: callsMs / 1000,
    cellsSeconds: cellsMs / 1000,
    cpuSeconds: cpuMs / 1000,
  };
}
