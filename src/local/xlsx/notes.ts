/**
 * The notes (comments) of every sheet of an .xlsx, read from wherever its writer put them,
 * before exceljs reads the file. exceljs only finds comments at `xl/commentsN.xml` and
 * crashes on others (openpyxl's `xl/comments/…`, absolute targets), so the notes are read
 * here from the package's relationships and their parts are unlinked from the sheets.
 */
import { posix } from 'node:path';
import JSZip from 'jszip';

// XML text and package relationships, read with regular expressions.
const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function xmlText(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(
          e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)),
        )
      : (XML_ENTITIES[e] ?? m),
  );
}
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`).exec(tag);
  return m ? xmlText(m[1]!) : undefined;
};
interface Rel {
  tag: string;
  id: string;
  type: string;
  target: string;
}
const relsOf = (xml: string): Rel[] =>
  [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    tag: m[0],
    id: attr(m[0], 'Id') ?? '',
    type: attr(m[0], 'Type') ?? '',
    target: attr(m[0], 'Target') ?? '',
  }));
/** A relationship's target as a part name in the zip, from the folder of its source part. */
const partOf = (dir: string, target: string) =>
  target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(dir, target));
const relsPath = (part: string) => posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);

/**
 * The notes of every sheet (sheet name → cell reference such as `B2` → text) and the file
 * for exceljs: with the comment and VML drawing parts unlinked from the sheets (the file as
 * it was when no sheet has notes).
 */
export async function takeNotes(
  data: Buffer | ArrayBuffer | Uint8Array,
): Promise<{ data: Buffer | ArrayBuffer | Uint8Array; notes: Map<string, Map<string, string>> }> {
  const notes = new Map<string, Map<string, string>>();
  const zip = await JSZip.loadAsync(data);
  const rootRels = relsOf((await zip.file('_rels/.rels')?.async('string')) ?? '');
  const wbTarget = rootRels.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const wbPart = partOf('', wbTarget);
  const wbXml = await zip.file(wbPart)?.async('string');
  if (!wbXml) return { data, notes };
  const wbRels = relsOf((await zip.file(relsPath(wbPart))?.async('string')) ?? '');
  let changed = false;
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = /\s[\w]+:id="([^"]*)"/.exec(m[0])?.[1];
    const rel = wbRels.find((r) => r.id === rid);
    if (!name || !rel) continue;
    const sheetPart = partOf(posix.dirname(wbPart), rel.target);
    const rp = relsPath(sheetPart);
    const relsXml = await zip.file(rp)?.async('string');
    if (!relsXml) continue;
    const rels = relsOf(relsXml);
    const comments = rels.filter((r) => r.type.endsWith('/comments'));
    if (comments.length === 0) continue;
    const map = new Map<string, string>();
    for (const c of comments) {
      const xml = (await zip.file(partOf(posix.dirname(sheetPart), c.target))?.async('string')) ?? '';
      for (const cm of xml.matchAll(/<(?:\w+:)?comment\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?comment>/g)) {
        const ref = attr(cm[1]!, 'ref');
        const text = /<(?:\w+:)?text\b[^>]*>([\s\S]*?)<\/(?:\w+:)?text>/.exec(cm[2]!)?.[1] ?? '';
        const plain = [...text.matchAll(/<(?:\w+:)?t\b[^>]*>([\s\S]*?)<\/(?:\w+:)?t>/g)]
          .map((t) => xmlText(t[1]!))
          .join('');
        if (ref && plain) map.set(ref.replace(/\$/g, '').toUpperCase(), plain);
      }
    }
    notes.set(name, map);
    // Unlink the comments and their drawing, so exceljs doesn't look for them.
    let out = relsXml;
    for (const r of rels)
      if (r.type.endsWith('/comments') || r.type.endsWith('/vmlDrawing')) out = out.replace(r.tag, '');
    zip.file(rp, out);
    const sheetXml = await zip.file(sheetPart)?.async('string');
    if (sheetXml) zip.file(sheetPart, sheetXml.replace(/<(?:\w+:)?legacyDrawing\b[^>]*\/>/g, ''));
    changed = true;
  }
  if (!changed) return { data, notes };
  return { data: await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }), notes };
}
