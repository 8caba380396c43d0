/**
 * Documents the add-on created (google.documents, DocumentApp's emulation): a list, an
 * HTML preview (src/local/dochtml.ts) and a .docx export (src/local/docx.ts). The two
 * renderers are loaded on first use, so the workbench still runs when a checkout has
 * neither (the panel then says what is missing).
 */
import { isDate } from '../../domain/dates';
import type { LocalGoogle } from '../backend';

export interface DocumentInfo {
  id: string;
  name: string;
  createdAt: string | null;
  owner: string | null;
  url: string;
  preview: boolean;
  docx: boolean;
}

type Renderer = (doc: any) => unknown;
const loaded = new Map<string, Renderer | null>();

async function renderer(module: string, exportName: string): Promise<Renderer | null> {
  if (loaded.has(module)) return loaded.get(module) ?? null;
  let f: Renderer | null = null;
  try {
    // A variable specifier: the module may not exist in every checkout.
    const spec = `../${module}`;
    const mod = (await import(/* @vite-ignore */ spec)) as Record<string, unknown>;
    if (typeof mod[exportName] === 'function') f = mod[exportName] as Renderer;
  } catch {
    f = null;
  }
  loaded.set(module, f);
  return f;
}

const htmlRenderer = () => renderer('dochtml', 'documentToHtml');
const docxRenderer = () => renderer('docx', 'documentToDocx');

function nameOf(google: LocalGoogle, id: string, doc: any): string {
  const file = google.files.get(id);
  if (file?.name) return file.name;
  const n = typeof doc?.getName === 'function' ? doc.getName() : (doc?.name ?? doc?.title);
  return typeof n === 'string' && n ? n : id;
}

export async function listDocumentsAsync(google: LocalGoogle): Promise<DocumentInfo[]> {
  const html = await htmlRenderer();
  const docx = await docxRenderer();
  return listDocuments(google).map((d) => ({ ...d, preview: !!html, docx: !!docx }));
}

export function listDocuments(google: LocalGoogle): DocumentInfo[] {
  const html = loaded.get('dochtml');
  const docx = loaded.get('docx');
  return [...google.documents.entries()].map(([id, doc]) => {
    const file = google.files.get(id);
    const d = doc as { createdAt?: unknown; owner?: unknown } | null;
    const created = file?.createdAt ?? (isDate(d?.createdAt) ? d.createdAt : null);
    return {
      id,
      name: nameOf(google, id, doc),
      createdAt: created ? created.toISOString() : null,
      owner: file?.owner ?? (typeof d?.owner === 'string' ? d.owner : null),
      url: `https://docs.google.com/document/d/${id}/edit`,
      preview: html !== null,
      docx: docx !== null,
    };
  });
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export async function documentHtml(google: LocalGoogle, id: string): Promise<string | null> {
  const doc = google.documents.get(id);
  if (doc === undefined) return null;
  const f = await htmlRenderer();
  if (!f) {
    return `<!DOCTYPE html><meta charset="utf-8"><p>${escapeHtml(nameOf(google, id, doc))}: no HTML preview (src/local/dochtml.ts is not in this checkout).</p>`;
  }
  return String(await f(doc));
}

export async function documentDownload(
  google: LocalGoogle,
  id: string,
): Promise<{ name: string; bytes: Buffer; mimeType: string } | null> {
  const doc = google.documents.get(id);
  if (doc === undefined) return null;
  const f = await docxRenderer();
  if (!f) return null;
  const out = await f(doc);
  const bytes = Buffer.isBuffer(out)
    ? out
    : out instanceof Uint8Array
      ? Buffer.from(out)
      : out instanceof ArrayBuffer
        ? Buffer.from(new Uint8Array(out))
        : null;
  if (!bytes) return null;
  const base = nameOf(google, id, doc).replace(/[\\/:*?"<>|]+/g, '_');
  return {
    name: base.toLowerCase().endsWith('.docx') ? base : `${base}.docx`,
    bytes,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };
}
