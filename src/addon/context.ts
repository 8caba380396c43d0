/**
 * The per-execution context of the add-on: the active spreadsheet, its time zone, and each
 * sheet read at most once (one getValues per sheet per execution). Everything that talks
 * to SpreadsheetApp for reading goes through here.
 */
import { type Day, todayIn } from '../domain/dates';
import type { DigestContext } from '../domain/digest';
import { normHeader, parseSheet, type SheetRecord, type TableProblem } from '../domain/records';
import { type Language, parseLanguage } from '../domain/reminders';
import { MEMBERS, type TableDef, type TableName, tableDef } from '../domain/schema';
import { parseSettings, type Settings } from '../domain/settings';

export interface TableSnapshot {
  readonly def: TableDef;
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** All values of the data range (header row first), as getValues returned them. */
  readonly values: unknown[][];
  readonly records: SheetRecord[];
  /** What is wrong with the sheet as a whole (see parseSheet): for "Notes on the data". */
  readonly problems: TableProblem[];
}

export class AddonContext {
  readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly timeZone: string;
  private readonly tables = new Map<string, TableSnapshot>();
  private settingsCache: Settings | null = null;
  /** A failed reminder run to tell in this run's digests, by the email of who is told. */
  digestFailures: DigestContext['failures'];

  constructor(ss?: GoogleAppsScript.Spreadsheet.Spreadsheet) {
    const active = ss ?? SpreadsheetApp.getActiveSpreadsheet();
    if (!active)
      throw new Error('Open the outreach workbook first: this command works on the active spreadsheet.');
    this.ss = active;
    this.timeZone = active.getSpreadsheetTimeZone();
  }

  /** Today in the spreadsheet's time zone. */
  today(now: Date = new Date()): Day {
    return todayIn(this.timeZone, now);
  }

  sheet(name: string): GoogleAppsScript.Spreadsheet.Sheet {
    const sh = this.ss.getSheetByName(name);
    if (!sh)
      throw new Error(
        `Sheet "${name}" is missing. Run "Set up workbook" from the Outreach Desk menu to create it.`,
      );
    return sh;
  }

  /** Reads a whole sheet once (cached for this execution): 5 service calls whatever its size. */
  table(name: TableName, fresh = false): TableSnapshot {
    const hit = this.tables.get(name);
    if (hit && !fresh) return hit;
    const def = tableDef(name);
    const sheet = this.sheet(def.name);
    const values = readAll(sheet);
    const parsed = parseSheet(def, values, this.timeZone);
    const snap: TableSnapshot = { def, sheet, values, records: parsed.records, problems: parsed.problems };
    this.tables.set(name, snap);
    if (name === 'Settings') this.settingsCache = null;
    return snap;
  }

  settings(): Settings {
    if (!this.settingsCache)
      this.settingsCache = parseSettings(this.table('Settings').records, this.timeZone);
    return this.settingsCache;
  }

  /**
   * The language a member reads the add-on in: their Members "Language" cell when filled,
   * else the Settings `Language`.
   */
  languageFor(email: string): Language {
    const own = memberLanguages(this.table('Members').values).get(email.trim().toLowerCase());
    return own ?? this.settings().language;
  }

  /**
   * The language of the user running this execution (their Members `Language`, else the
   * Settings one); English when the workbook cannot be read yet, so pages still open.
   */
  userLanguage(): Language {
    const who = Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail();
    try {
      return this.languageFor(who);
    } catch {
      return 'en';
    }
  }

  /** Forget cached reads (after writing). */
  invalidate(name?: TableName): void {
    if (name) this.tables.delete(name);
    else this.tables.clear();
    if (!name || name === 'Settings') this.settingsCache = null;
  }
}

/** All values of a sheet from A1 to its last row and column; [] for an empty sheet. */
export function readAll(sheet: GoogleAppsScript.Spreadsheet.Sheet): unknown[][] {
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow === 0 || lastCol === 0) return [];
  return sheet.getRange(1, 1, lastRow, lastCol).getValues();
}

/** Per-member language from the optional Members "Language" column (declared in the schema). */
export function memberLanguages(values: readonly (readonly unknown[])[]): Map<string, Language> {
  const out = new Map<string, Language>();
  const header = values[0] ?? [];
  const headerOf = (key: string) => normHeader(MEMBERS.fields.find((f) => f.key === key)!.header);
  const langCol = header.findIndex((h) => normHeader(h) === headerOf('language'));
  const emailCol = header.findIndex((h) => normHeader(h) === headerOf('email'));
  if (langCol < 0 || emailCol < 0) return out;
  for (let r = 1; r < values.length; r++) {
    const lang = parseLanguage(values[r]![langCol]);
    const email = String(values[r]![emailCol] ?? '')
      .trim()
      .toLowerCase();
    if (lang && email) out.set(email, lang);
  }
  return out;
}
