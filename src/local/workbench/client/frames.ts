/**
 * Add-on HTML on the page: sidebars and dialogs in sandboxed frames, the parent side of the
 * google.script.run bridge (messages only from those frames, each call a POST /api/run as
 * this page's user), and the UI events an execution produced (toasts, alerts, frames).
 */
import type { RunReply } from '../api';
import { $, api, app } from './core';
import { openDocument } from './documents';
import { renderSaveError, showAlert, toast } from './messages';

type UiEvent = RunReply['ui'][number];
type Where = 'sidebar' | 'dialog';

function openFrame(where: Where, title: string, html: string): void {
  const frame = $<HTMLIFrameElement>(`wb-${where}-frame`);
  $(`wb-${where}-title`).textContent = title;
  frame.srcdoc = html;
  $(`wb-${where}`).hidden = false;
}

export function closeFrame(where: Where): void {
  $(`wb-${where}`).hidden = true;
  $<HTMLIFrameElement>(`wb-${where}-frame`).srcdoc = '';
}

function frameOf(source: MessageEventSource | null): Where | null {
  if (!source) return null;
  if (source === $<HTMLIFrameElement>('wb-sidebar-frame').contentWindow) return 'sidebar';
  if (source === $<HTMLIFrameElement>('wb-dialog-frame').contentWindow) return 'dialog';
  return null;
}

window.addEventListener('message', (ev) => {
  const where = frameOf(ev.source);
  if (!where) return;
  const m = ev.data as { odRun?: { id: number; fn: string; args: unknown[] }; odClose?: boolean };
  const target = ev.source as Window;
  if (m?.odClose) {
    closeFrame(where);
    return;
  }
  if (typeof (m as { odOpenDoc?: unknown })?.odOpenDoc === 'string') {
    void openDocument((m as { odOpenDoc: string }).odOpenDoc);
    return;
  }
  if (m?.odRun) {
    const { id, fn, args } = m.odRun;
    void (async () => {
      let reply: RunReply;
      try {
        reply = await api<RunReply>('/api/run', { fn, args, source: 'run' });
      } catch (e) {
        target.postMessage({ odReply: id, ok: false, error: (e as Error).message }, '*');
        return;
      }
      // The reply stands (the change is in the workbook); a failed write is said beside it.
      target.postMessage(
        {
          odReply: id,
          ok: reply.ok,
          value: reply.value,
          error: reply.error,
          saveError: reply.saveError ?? null,
        },
        '*',
      );
      renderSaveError(reply.saveError ?? null);
      await afterRun(reply, false);
    })();
  }
});

/**
 * An execution's UI events, in order. A dialog that a later dialog of the same execution
 * replaced is not shown: in Google a modal dialog takes the place of the one before, and the
 * workbench receives the events only when the execution has ended (a progress dialog is
 * followed by the result's dialog).
 */
function handleUi(events: UiEvent[], replay?: (answers: string[]) => void): void {
  const lastDialog = events.map((e) => e.kind).lastIndexOf('dialog');
  const answers: string[] = [];
  for (const [i, e] of events.entries()) {
    if (e.kind === 'dialog' && i !== lastDialog) continue;
    if (e.kind === 'alert' && e.buttons) {
      if (e.answer !== 'CLOSE') {
        answers.push(e.answer ?? ''); // answered already (a replay): not asked again
        continue;
      }
      if (replay) {
        // Google waits here for the member's answer; the workbench asks, then runs the
        // function again with the answers so far (what came after this alert is not shown).
        showAlert(e.title, e.message, { buttons: e.buttons, onAnswer: (b) => replay([...answers, b]) });
        return;
      }
    }
    switch (e.kind) {
      case 'toast':
        toast(e.title, e.message);
        break;
      case 'alert':
      case 'prompt':
        showAlert(e.title, e.message);
        break;
      case 'sidebar':
        openFrame('sidebar', e.title, e.html ?? '');
        break;
      case 'dialog':
        openFrame('dialog', e.title, e.html ?? '');
        break;
    }
  }
}

/**
 * After an execution: its UI events, a red toast when a menu function failed, a refresh.
 * `replay` runs the function again with the member's answers to its alerts.
 */
export async function afterRun(
  reply: RunReply,
  fromMenu: boolean,
  replay?: (answers: string[]) => void,
): Promise<void> {
  handleUi(reply.ui, replay);
  if (!reply.ok && fromMenu) toast(`${reply.report.fn} failed`, reply.error ?? 'Unknown error', 'error');
  await app.refresh();
}

$('wb-sidebar-close').addEventListener('click', () => closeFrame('sidebar'));
$('wb-dialog-close').addEventListener('click', () => closeFrame('dialog'));
