/**
 * The progress dialog of long work: asks `jobStatus` every second and shows the steps done
 * (✓), the one under way and, at the end, the error if it stopped. Done, it closes itself:
 * what the work made comes in the dialog or alert that follows. Close or Escape closes it;
 * the work goes on in its own execution either way. Texts come with the status, in the user's
 * language; everything is set as text, never as HTML.
 * https://developers.google.com/apps-script/guides/html/reference/run
 */
import type { JobDialogApi } from '../addon/api';
import type { JobStatus } from '../addon/progress';
import { $, closeHost, el, fillText, serverApi } from './shared/page';
import { progressLine } from './shared/progress';

declare global {
  interface Window {
    OD_JOB?: string;
  }
}

const server = serverApi<JobDialogApi>();
const POLL_MS = 1000;

function t(s: JobStatus, key: string, params: Record<string, string | number> = {}): string {
  const template = s.text[`job.ui.${key}`] ?? key;
  return fillText(template, params);
}

function render(s: JobStatus): void {
  document.documentElement.lang = s.text['job.ui.lang'] ?? 'en';
  $('pg-close').textContent = t(s, 'close');
  const ol = $('pg-steps');
  ol.replaceChildren();
  s.steps.forEach((label, i) => {
    const cls = i < s.at ? 'done' : i === s.at && s.state === 'running' ? 'now' : 'todo';
    ol.append(el('li', { class: cls }, label));
  });
  const status = $('pg-status');
  status.className = s.state === 'failed' ? 'status error' : 'status';
  status.textContent =
    s.state === 'done'
      ? t(s, 'done')
      : s.state === 'failed'
        ? t(s, 'failed', { error: s.error ?? '' })
        : `${t(s, 'working', { n: Math.min(s.at + 1, s.steps.length), total: s.steps.length })}${s.detail ? ` ${progressLine(s)}` : ''}`;
}

async function poll(): Promise<void> {
  const token = window.OD_JOB ?? '';
  try {
    const s = await server.call('jobStatus', token);
    if (!s) {
      $('pg-status').textContent = '…';
      setTimeout(() => void poll(), POLL_MS);
      return;
    }
    render(s);
    if (s.state === 'running') setTimeout(() => void poll(), POLL_MS);
    else if (s.state === 'done') closeHost();
  } catch (e) {
    $('pg-status').textContent = e instanceof Error ? e.message : String(e);
    setTimeout(() => void poll(), POLL_MS * 3);
  }
}

function init(): void {
  $('pg-close').addEventListener('click', () => closeHost());
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') closeHost();
  });
  void poll();
}

// The server appends `window.OD_JOB = …` after this page, so start once it's parsed.
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
else init();
