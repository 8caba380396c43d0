/**
 * A probe: one thing done against the Apps Script services, returning a JSON-able
 * observation, with what live Apps Script returns and where that is shown. The same probe
 * runs in the local runtime (`npm test`, test/conformance/probes.test.ts) and in real Apps
 * Script (`npm run live-check`), so one list of facts calibrates the one against the other.
 */
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** In an expected value: a string the observed string must match (a RegExp source). */
export interface Matches {
  $matches: string;
}
export type Expected = null | boolean | number | string | Matches | Expected[] | { [k: string]: Expected };

export interface ProbeContext {
  /** The first sheet of a new spreadsheet made for this probe (trashed afterwards). */
  sheet(): GoogleAppsScript.Spreadsheet.Sheet;
  /** A new Google Doc made for this probe (trashed afterwards). */
  doc(): GoogleAppsScript.Document.Document;
  /** A new Drive folder made for this probe (trashed afterwards). */
  folder(): GoogleAppsScript.Drive.Folder;
  /** The message of what `f` throws, or `'(no exception)'`. */
  thrown(f: () => unknown): string;
}

export interface Probe {
  /** An identifier: also the name of the top-level function in the probe bundle. */
  name: string;
  /** What live Apps Script does, in one sentence. */
  fact: string;
  /** Where that is shown: a Google reference URL or a gas-fakes file:line (commit dedcae38). */
  source: string;
  /** What the probe returns on live Apps Script. */
  expected: Expected;
  /**
   * Set when the expected value is not confirmed on live Apps Script (an assumption of the
   * local runtime, docs/local-runtime.md), or where the peer is thought wrong: why.
   */
  unconfirmed?: string;
  run(ctx: ProbeContext): Json;
}

/** A regular expression the observed message must match. */
export const matches = (source: string): Matches => ({ $matches: source });
