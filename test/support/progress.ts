/** The progress dialog a menu function opened, and what its `jobStatus` call answers now. */
import { expect } from 'vitest';
import type { LocalGoogle } from '../../src/local/backend';
import type { LocalProject } from '../../src/local/runtime';

export interface JobStatusView {
  title: string;
  steps: string[];
  at: number;
  state: 'running' | 'done' | 'failed';
  error?: string;
}

export function progressOf(
  google: LocalGoogle,
  project: LocalProject,
  spreadsheetId: string,
  user?: string,
): { title: string; status: JobStatusView } {
  const dialog = google.ui.find((u) => u.kind === 'dialog' && /window\.OD_JOB=/.test(String(u.html)));
  expect(dialog, 'a progress dialog was opened').toBeDefined();
  const token = JSON.parse(/window\.OD_JOB=("[^"]+")/.exec(String(dialog!.html))![1]!) as string;
  const status = project.run<JobStatusView>(google, 'jobStatus', [token], {
    spreadsheetId,
    ...(user ? { user } : {}),
  }).value;
  return { title: dialog!.title ?? '', status };
}
