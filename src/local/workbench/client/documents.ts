/**
 * The Documents panel and the document viewer: Google Docs the add-on created, previewed in
 * a script-less sandboxed frame (the server's HTML with a CSP that forbids scripts) or
 * downloaded as .docx.
 */
import type { DocumentInfo } from '../documents';
import { $, api, el } from './core';
import { toast } from './messages';

type DocInfo = Pick<DocumentInfo, 'id' | 'name' | 'createdAt' | 'owner' | 'preview' | 'docx'>;

const docxLink = (d: DocInfo) =>
  el(
    'a',
    {
      href: `/api/documents/${encodeURIComponent(d.id)}/docx`,
      class: 'doc-docx',
      download: `${d.name}.docx`,
    },
    'Download .docx',
  );

function showDocument(d: DocInfo): void {
  $('wb-viewer-title').textContent = d.name;
  $('wb-viewer-meta').textContent = '';
  const meta = $('wb-viewer-meta');
  if (d.docx) meta.appendChild(docxLink(d));
  $<HTMLIFrameElement>('wb-viewer-frame').src = `/api/documents/${encodeURIComponent(d.id)}/html`;
  $('wb-viewer').hidden = false;
}

/** A link to a Google Doc in add-on HTML opens the local copy instead. */
export async function openDocument(id: string): Promise<void> {
  const docs = await api<DocInfo[]>('/api/documents');
  const d = docs.find((x) => x.id === id);
  if (d) showDocument(d);
  else toast('Error', `No document ${id} in this workbench.`, 'error');
}

export async function renderDocuments(): Promise<void> {
  const docs = await api<DocInfo[]>('/api/documents');
  const p = $('wb-panel-documents');
  p.replaceChildren();
  if (docs.length === 0) {
    p.appendChild(el('p', { class: 'muted' }, 'No documents generated yet.'));
    return;
  }
  const table = el('table', { class: 'list' });
  const head = el('tr');
  for (const h of ['Name', 'Created', 'Owner', '']) head.appendChild(el('th', {}, h));
  table.appendChild(head);
  for (const d of [...docs].reverse()) {
    const tr = el('tr', { 'data-doc': d.id });
    const actions = el('td', { class: 'list-actions' });
    const preview = el('button', { type: 'button', class: 'doc-preview' }, 'Preview');
    preview.addEventListener('click', () => showDocument(d));
    actions.appendChild(preview);
    if (d.docx) actions.appendChild(docxLink(d));
    tr.append(
      el('td', { class: 'doc-name' }, d.name),
      el('td', {}, d.createdAt ? d.createdAt.replace('T', ' ').slice(0, 16) : ''),
      el('td', {}, d.owner ?? ''),
      actions,
    );
    table.appendChild(tr);
  }
  p.appendChild(table);
}

$('wb-viewer-close').addEventListener('click', () => {
  $('wb-viewer').hidden = true;
  $<HTMLIFrameElement>('wb-viewer-frame').src = 'about:blank';
});
