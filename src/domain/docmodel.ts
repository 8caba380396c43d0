/**
 * A neutral document model: what a generated document says, independent of how it is
 * drawn. The domain builds it (report.ts, roster.ts); the add-on renders it with
 * DocumentApp in a fixed number of service calls per block (src/addon/documents.ts);
 * tests read its text. Every text is plain text: renderers never interpret it (no
 * formulas, no HTML).
 */

export type HeadingLevel = 1 | 2 | 3;

export type Block =
  | { kind: 'heading'; level: HeadingLevel; text: string }
  /** `note` = smaller grey text (definitions, captions); `lead` = a highlighted line. */
  | { kind: 'paragraph'; text: string; style?: 'normal' | 'note' | 'lead' }
  | {
      kind: 'table';
      header: string[];
      rows: string[][];
      /** The last row is a total row (drawn bold). */
      totalRow?: boolean;
      /** Relative column widths (any unit, scaled to the page width by the renderer). */
      widths?: number[];
      /** Columns holding amounts or counts (right-aligned where the renderer can). */
      numeric?: boolean[];
    }
  /** A short list of bounded length (never one item per data row). */
  | { kind: 'bullets'; items: string[] }
  | { kind: 'image'; png: Uint8Array; width: number; height: number; alt: string }
  | { kind: 'pageBreak' };

export interface DocModel {
  /** Name of the file (department and term). */
  name: string;
  /** The title line of the document. */
  title: string;
  /** Line under the title (department). */
  subtitle: string;
  /** Text of the page header on every page. */
  pageHeader: string;
  language: 'en' | 'zh';
  blocks: Block[];
}

/** The document as plain text, block by block (tables: cells joined by tabs). For tests and previews. */
export function docText(doc: DocModel): string {
  const out: string[] = [doc.pageHeader, doc.title, doc.subtitle];
  for (const b of doc.blocks) {
    switch (b.kind) {
      case 'heading':
      case 'paragraph':
        out.push(b.text);
        break;
      case 'table':
        out.push(b.header.join('\t'));
        for (const r of b.rows) out.push(r.join('\t'));
        break;
      case 'bullets':
        for (const i of b.items) out.push(`• ${i}`);
        break;
      case 'image':
        out.push(`[${b.alt}]`);
        break;
      case 'pageBreak':
        break;
    }
  }
  return out.join('\n');
}
