/**
 * Runs the built probe bundle in the local runtime: each probe is one execution of
 * `runProbe(name)` by a FULL-authorised user in a standalone project (no active document),
 * as live-check runs it through the Apps Script API, on a local Google of its own (so no
 * probe depends on what another did first); the outcome is passed through JSON as the API
 * passes it.
 */
import { LocalGoogle } from '../src/local/backend';
import { LocalProject } from '../src/local/runtime';
import type { Outcome } from './main';

export const PROBE_USER = 'probe@example.edu';

export function runProbesLocally(dir: string, names: string[]): Record<string, Outcome> {
  const project = new LocalProject(dir);
  const out: Record<string, Outcome> = {};
  for (const name of names) {
    const google = new LocalGoogle();
    google.defaultUser = PROBE_USER;
    const { value } = project.run<Outcome>(google, 'runProbe', [name], {
      user: PROBE_USER,
      authMode: 'FULL',
      spreadsheetId: null,
    });
    out[name] = JSON.parse(JSON.stringify(value)) as Outcome;
  }
  return out;
}
