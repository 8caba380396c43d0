/**
 * Where the reminder trigger reports on itself, since nobody is emailed when an add-on's
 * trigger fails: the Settings row "Reminders status" (the last run, or the last failure and
 * what to do) and, after a failure, a notice in the next digest of the member who runs
 * reminders (kept in the document properties until that digest has gone).
 */
import { normHeader } from '../../domain/records';
import { SETTINGS } from '../../domain/schema';
import type { AddonContext } from '../context';
import { SheetGateway } from '../gateway';

export const STATUS_SETTING = 'Reminders status';
const PROP_FAILURE = 'od.reminders.lastFailure';
const PROP_LAST_RUN_DAY = 'od.reminders.lastRunDay';

export interface RunFailure {
  /** When it failed, `yyyy-MM-dd HH:mm` in the spreadsheet's zone. */
  at: string;
  error: string;
}

/** Writes a Settings row's Value and Notes (found by its Setting text now, or appended). */
export function writeSettingRow(ctx: AddonContext, setting: string, value: string, notes: string): void {
  const gw = SheetGateway.open(ctx.ss, SETTINGS);
  const names = gw.column('setting');
  const at = names.values.findIndex((v) => normHeader(v) === normHeader(setting));
  const cells = new Map<number, string>([
    [gw.cols.value!, `'${value}`],
    [gw.cols.notes!, `'${notes}`],
  ]);
  if (at >= 0) gw.writeCells(names.firstRow + at, cells);
  else gw.append([cells.set(gw.cols.setting!, setting)], names.lastRow);
  ctx.invalidate('Settings');
}

/** The spreadsheet's wall clock now, `yyyy-MM-dd HH:mm`. */
export function stamp(ctx: AddonContext): string {
  return Utilities.formatDate(new Date(), ctx.timeZone, 'yyyy-MM-dd HH:mm');
}

/** Records a failed run: the Settings status row and the notice for the owner's next digest. */
export function recordFailure(ctx: AddonContext, error: string, what: string): void {
  const failure: RunFailure = { at: stamp(ctx), error };
  PropertiesService.getDocumentProperties()?.setProperty(PROP_FAILURE, JSON.stringify(failure));
  writeSettingRow(ctx, STATUS_SETTING, `Failed ${failure.at}`, `${error} ${what}`);
}

/** A failure not yet told in a digest, or null. */
export function pendingFailure(): RunFailure | null {
  const raw = PropertiesService.getDocumentProperties()?.getProperty(PROP_FAILURE);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as RunFailure;
  } catch {
    return null;
  }
}

/**
 * Records a run that went through; the failure notice goes once its digest was sent. `day`:
 * the day whose reminders are now all done ('' while some are left for a later run).
 */
export function recordSuccess(ctx: AddonContext, day: string, text: string, failureTold: boolean): void {
  const props = PropertiesService.getDocumentProperties();
  if (day) props?.setProperty(PROP_LAST_RUN_DAY, day);
  if (failureTold) props?.deleteProperty(PROP_FAILURE);
  writeSettingRow(ctx, STATUS_SETTING, `OK ${stamp(ctx)}`, text);
}

/** The day the trigger last ran the job ('' when never). */
export function lastRunDay(): string {
  return PropertiesService.getDocumentProperties()?.getProperty(PROP_LAST_RUN_DAY) ?? '';
}
