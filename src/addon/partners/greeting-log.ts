/**
 * The greeting log (`_Greetings`, hidden, created on first use): one row per contact greeted
 * for a holiday — by Mark sent or Email it — so each of two holidays a day or two apart is
 * greeted on its own (a contact's Last Greeted date alone covers both windows).
 */

import type { GreetedLog, Greeting } from '../../domain/partners/greetings';
import type { Cell } from '../../domain/records';
import { GREETING_LOG } from '../../domain/schema';
import type { AddonContext } from '../context';
import { appendLogRows, logColumns, logSheet } from '../gateway';

/** Who was greeted for which holiday: contact ID → holiday days; undefined while the log is empty. */
export function readGreetingLog(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): GreetedLog | undefined {
  const sheet = ss.getSheetByName(GREETING_LOG.name);
  if (!sheet || sheet.getLastRow() < 2) return undefined;
  const values = sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getValues();
  const col = logColumns(values[0] ?? [], GREETING_LOG);
  const id = col['Contact ID']!;
  const day = col['Holiday Day']!;
  if (id < 0 || day < 0) return undefined;
  const out = new Map<string, Set<string>>();
  for (const row of values.slice(1)) {
    const c = String(row[id] ?? '')
      .trim()
      .toUpperCase();
    const d = String(row[day] ?? '')
      .trim()
      .slice(0, 10);
    if (!c || d.length !== 10) continue;
    const set = out.get(c) ?? new Set<string>();
    set.add(d);
    out.set(c, set);
  }
  return out;
}

/** Records that `g`'s contact was greeted for its holiday (texts kept as typed). */
export function logGreeting(ctx: AddonContext, g: Greeting, by: string): void {
  const row: Cell[] = [new Date(), `'${g.contactId}`, `'${g.holiday}`, `'${g.day}`, `'${by}`];
  appendLogRows(logSheet(ctx.ss, GREETING_LOG), GREETING_LOG, [row]);
}
