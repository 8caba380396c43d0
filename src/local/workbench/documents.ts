/**
 * Documents the add-on created with DocumentApp (its local emulation keeps them in
 * google.documents): a list, an HTML preview (documentToHtml) and a .docx export
 * (documentToDocx) for the workbench's Documents panel.
 */
import type { LocalGoogle } from '../backend';
import { documentToHtml } from '../dochtml';
import { documentToDocx } from '../docx';
import { getLocalDocument, listDocuments as localDocuments } from '../services/document';

export interface DocumentInfo {
  id: string;
  name: string;
  createdAt: string | null;
  owner: string | null;
  url: string;
  preview: boolean;
  docx: boolean;
}

export function listDocuments(google: LocalGoogle): DocumentInfo[] {
  return localDocuments(google).map((d) => ({
    id: d.id,
    name: google.files.get(d.id)?.name ?? d.name,
    createdAt: d.createdAt.toISOString(),
    owner: d.owner,
    url: `https://docs.google.com/document/d/${d.id}/edit`,
    preview: true,
    docx: true,
  }));
}

export async function listDocumentsAsync(google: LocalGoogle): Promise<DocumentInfo[]> {
  return listDocuments(google);
}

export async function documentHtml(google: LocalGoogle, id: string): Promise<string | null> {
  const doc = getLocalDocument(google, id);
  return doc ? documentToHtml(doc) : null;
}

export async function documentDownload(
  google: LocalGoogle,
  id: string,
): Promise<{ name: string; bytes: Buffer; mimeType: string } | null> {
  const doc = getLocalDocument(google, id);
  if (!doc) return null;
  const bytes = await documentToDocx(doc);
  const base = (google.files.get(id)?.name ?? doc.name).replace(/[\\/:*?"<>|]+/g, '_');
  return {
    name: base.toLowerCase().endsWith('.docx') ? base : `${base}.docx`,
    bytes,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  };
}
