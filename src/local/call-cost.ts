/**
 * How long a service call takes in Google, estimated per call kind, for the execution-time
 * limits (a simple trigger stops after 30 s, any other execution after 6 minutes). One small
 * table on purpose: a measured cost model can replace `estimateCallMs` without touching the
 * callers. The figures are rough round trips, not measurements.
 */

/** Milliseconds a call named `Class.method` is estimated to take. */
export function estimateCallMs(name: string): number {
  const dot = name.indexOf('.');
  const cls = dot < 0 ? name : name.slice(0, dot);
  const method = dot < 0 ? '' : name.slice(dot + 1);
  if (cls === 'MailApp' && method === 'sendEmail') return 300;
  if (cls === 'DocumentApp' && (method === 'create' || method === 'openById')) return 1_000;
  if (cls === 'Document' && method === 'saveAndClose') return 500;
  if (cls === 'DriveApp' || cls === 'File' || cls === 'Folder') return 200;
  if (cls === 'SpreadsheetApp' && (method === 'flush' || method.startsWith('open') || method === 'create'))
    return 200;
  if (cls === 'Spreadsheet' && (method === 'copy' || method === 'insertSheet')) return 500;
  if (cls === 'ScriptApp') return 100;
  if (/^(set|append|insert|delete|clear|protect|add|remove)/.test(method)) return 50;
  return 10;
}

/** Execution-time limits (developers.google.com/apps-script/guides/services/quotas). */
export const SIMPLE_TRIGGER_LIMIT_MS = 30_000;
export const EXECUTION_LIMIT_MS = 6 * 60_000;
/** What Apps Script reports when an execution runs out of time. */
export const TIME_LIMIT_MESSAGE = 'Exceeded maximum execution time';
