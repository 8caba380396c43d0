/**
 * The header's controls: the User selector (this page's user: each tab acts as its own
 * member), the clock (Set, Advance, Now), Reset to sample, hidden sheets, more rows.
 */
import type { ExecutionReport } from '../api';
import { $, api, app, chooseUser, ui } from './core';
import { closeFrame } from './frames';
import { renderTabs } from './header';
import { toast } from './messages';

$('wb-show-hidden').addEventListener('change', () => ui.state && renderTabs(ui.state));
$('wb-more').addEventListener('click', () => {
  ui.limit += 1000;
  void app.openSheet(ui.active);
});

$('wb-user').addEventListener('change', async () => {
  const email = $<HTMLSelectElement>('wb-user').value.trim();
  if (email) {
    chooseUser(email);
    toast('', `Executions now run as ${email}.`);
  } else toast('Error', 'Choose a user.', 'error');
  await app.refresh();
});

async function clock(path: string, local: string | null): Promise<void> {
  try {
    const r = await api<{ now: string; runs?: ExecutionReport[] }>(path, { local });
    if (r.runs) toast('Clock advanced', `${r.runs.length} trigger run(s).`);
  } catch (e) {
    toast('Error', (e as Error).message, 'error');
  }
  await app.refresh();
}
$('wb-clock-set').addEventListener(
  'click',
  () => void clock('/api/clock', $<HTMLInputElement>('wb-clock').value),
);
$('wb-clock-advance').addEventListener(
  'click',
  () => void clock('/api/advance', $<HTMLInputElement>('wb-clock').value),
);
$('wb-clock-real').addEventListener('click', () => void clock('/api/clock', null));

let resetArmed: ReturnType<typeof setTimeout> | null = null;
$('wb-reset').addEventListener('click', async () => {
  const b = $<HTMLButtonElement>('wb-reset');
  if (!resetArmed) {
    b.textContent = 'Click again to replace the workbook';
    resetArmed = setTimeout(() => {
      resetArmed = null;
      b.textContent = 'Reset to sample';
    }, 4000);
    return;
  }
  clearTimeout(resetArmed);
  resetArmed = null;
  b.textContent = 'Reset to sample';
  try {
    await api('/api/reset', {});
    // The new workbook's default user, as when the workbook was opened.
    chooseUser(null);
    closeFrame('sidebar');
    toast('', 'The workbook was replaced by the sample.');
  } catch (e) {
    toast('Error', (e as Error).message, 'error');
  }
  await app.refresh(true);
});
