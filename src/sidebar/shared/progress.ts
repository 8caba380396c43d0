/**
 * A dialog's long call with its progress: the page makes a token, passes it to the server
 * function (which records its steps under it) and asks `jobStatus` every second until the
 * call answers, showing "step — 12 of 40" meanwhile. Each question is its own execution,
 * beside the running one.
 */
import type { JobDialogApi } from '../../addon/api';
import type { JobStatus } from '../../addon/progress';
import { serverApi } from './page';

const server = serverApi<JobDialogApi>();
const POLL_MS = 1000;

/** What a status says in one line: the step under way and how far within it. */
export const progressLine = (s: JobStatus): string => {
  const step = s.steps[Math.min(s.at, s.steps.length - 1)] ?? '';
  return s.detail ? `${step} — ${s.detail}` : step;
};

/** Runs `call(token)`, telling `onStatus` what the server recorded until it answers. */
export async function withProgress<T>(
  call: (token: string) => Promise<T>,
  onStatus: (line: string) => void,
): Promise<T> {
  const token =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID()
      : `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
  let running = true;
  const poll = async (): Promise<void> => {
    if (!running) return;
    const s = await server.call('jobStatus', token).catch(() => null);
    if (!running) return;
    if (s && s.state === 'running') onStatus(progressLine(s));
    setTimeout(() => void poll(), POLL_MS);
  };
  setTimeout(() => void poll(), POLL_MS);
  try {
    return await call(token);
  } finally {
    running = false;
  }
}
