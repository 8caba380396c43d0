/**
 * The live preview of a Templates record: pick a contact or sponsor, and the Subject and
 * Body are shown filled for them as the member types (fillTemplate, the same function the
 * greetings and feedback use). An unknown placeholder is named under the preview.
 */
import type { TemplatePreviewApi, TemplatePreviewData } from '../../addon/api';
import { fillTemplate, UnknownPlaceholder } from '../../domain/templates';
import { el, serverApi } from '../shared/page';
import { type Control, state, t } from './state';

const server = serverApi<TemplatePreviewApi>();

interface Preview {
  subject: Control;
  body: Control;
  select: HTMLSelectElement;
  out: HTMLElement;
  note: HTMLElement;
  data: TemplatePreviewData | null;
}
let current: Preview | null = null;

/** Builds the preview under a Templates form (after its controls are in the page), else nothing. */
export function buildTemplatePreview(controls: Control[]): void {
  current = null;
  const subject = controls.find((c) => c.field.key === 'subject');
  const body = controls.find((c) => c.field.key === 'body');
  if (state.spec?.table !== 'Templates' || !subject || !body) return;
  const box = el('fieldset', { class: 'template-preview', id: 'od-preview' });
  box.append(el('legend', {}, t('ui.tplPreview')));
  const select = el('select', { id: 'od-preview-with', 'aria-label': t('ui.tplPreviewWith') });
  select.append(el('option', { value: '' }, t('ui.tplPreviewLoading')));
  const out = el('pre', { class: 'preview-text', id: 'od-preview-text' });
  const note = el('p', { class: 'note', id: 'od-preview-note', role: 'status' });
  box.append(el('label', { for: 'od-preview-with' }, t('ui.tplPreviewWith')), select, out, note);
  body.wrap.after(box);
  const p: Preview = { subject, body, select, out, note, data: null };
  current = p;
  select.addEventListener('change', () => syncTemplatePreview());
  for (const c of [subject, body]) c.wrap.addEventListener('input', () => syncTemplatePreview());
  void server.call('templatePreviewData').then(
    (data) => {
      if (current !== p) return;
      p.data = data;
      select.replaceChildren(...data.records.map((r) => el('option', { value: r.id }, r.label)));
      syncTemplatePreview();
    },
    (e: unknown) => {
      note.textContent = e instanceof Error ? e.message : String(e);
    },
  );
}

/** Fills the preview with the form's Subject and Body for the chosen record. */
export function syncTemplatePreview(): void {
  const p = current;
  if (!p) return;
  const values = p.data?.records.find((r) => r.id === p.select.value)?.values ?? {};
  try {
    const subject = fillTemplate(p.subject.get(), values);
    const body = fillTemplate(p.body.get(), values);
    p.out.textContent = subject ? `${subject}\n\n${body}` : body;
    p.note.textContent = '';
    p.note.className = 'note';
  } catch (e) {
    if (!(e instanceof UnknownPlaceholder)) throw e;
    p.out.textContent = '';
    p.note.className = 'note error';
    p.note.textContent = t('ui.tplUnknown', { value: `{{${e.placeholder}}}` });
  }
}
