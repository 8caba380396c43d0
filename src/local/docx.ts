/**
 * Exports a document made with the emulated DocumentApp (a LocalDocument) to .docx with the
 * `docx` package: what "File ▸ Download ▸ Microsoft Word" gives for the Google Doc.
 * Headings, paragraphs with their attributes, list items, tables (column widths, header
 * fill, borders, bold rows), inline PNG images, page breaks and the page header.
 *
 * Chinese text: every run names an East-Asian font (default "Microsoft YaHei", present on
 * Chinese Windows; LibreOffice and Word substitute another CJK font such as Noto Sans CJK SC
 * where it is missing), so names such as 李明 never fall back to boxes.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type {
  DocElementModel,
  ListItemModel,
  LocalDocument,
  ParagraphModel,
  TableModel,
  TextStyle,
} from './services/document/model';

export interface DocxOptions {
  /** Font for Latin text. */
  latinFont?: string;
  /** Font for Chinese (East-Asian) text. */
  eastAsiaFont?: string;
}

const A4 = { width: 11906, height: 16838 }; // twips
const pt = (n: number) => Math.round(n * 20); // points → twips

type HeadingValue = (typeof HeadingLevel)[keyof typeof HeadingLevel];
const HEADING: Record<string, HeadingValue | undefined> = {
  TITLE: HeadingLevel.TITLE,
  HEADING1: HeadingLevel.HEADING_1,
  HEADING2: HeadingLevel.HEADING_2,
  HEADING3: HeadingLevel.HEADING_3,
  HEADING4: HeadingLevel.HEADING_4,
  HEADING5: HeadingLevel.HEADING_5,
  HEADING6: HeadingLevel.HEADING_6,
};

const ALIGN: Record<string, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  LEFT: AlignmentType.LEFT,
  CENTER: AlignmentType.CENTER,
  RIGHT: AlignmentType.RIGHT,
  JUSTIFY: AlignmentType.JUSTIFIED,
};

const color = (c?: string) => (c ? c.replace('#', '').toUpperCase() : undefined);

/** Text runs of one paragraph's text; newlines become line breaks. */
function runs(text: string, style: TextStyle, font: { ascii: string; eastAsia: string }): TextRun[] {
  const lines = text.split('\n');
  return lines.map(
    (line, i) =>
      new TextRun({
        text: line,
        break: i > 0 ? 1 : undefined,
        bold: style.bold,
        italics: style.italic,
        underline: style.underline ? {} : undefined,
        size: style.fontSize ? Math.round(style.fontSize * 2) : undefined,
        color: color(style.foregroundColor),
        shading: style.backgroundColor
          ? { type: ShadingType.CLEAR, fill: color(style.backgroundColor)!, color: 'auto' }
          : undefined,
        font: style.fontFamily
          ? { ascii: style.fontFamily, hAnsi: style.fontFamily, eastAsia: font.eastAsia }
          : { ascii: font.ascii, hAnsi: font.ascii, eastAsia: font.eastAsia, cs: font.ascii },
        language: { eastAsia: 'zh-CN' },
      }),
  );
}

function paragraph(p: ParagraphModel | ListItemModel, font: { ascii: string; eastAsia: string }): Paragraph {
  if (p.type === 'PARAGRAPH' && p.pageBreak) return new Paragraph({ children: [new PageBreak()] });
  if (p.type === 'PARAGRAPH' && p.image) {
    return new Paragraph({
      alignment: p.alignment ? ALIGN[p.alignment] : undefined,
      children: [
        new ImageRun({
          type: p.image.contentType === 'image/jpeg' ? 'jpg' : 'png',
          data: p.image.bytes,
          transformation: { width: p.image.width, height: p.image.height },
        }),
      ],
    });
  }
  const isSubtitle = p.heading === 'SUBTITLE';
  return new Paragraph({
    heading: HEADING[p.heading],
    style: isSubtitle ? 'Subtitle' : undefined,
    alignment: p.alignment ? ALIGN[p.alignment] : undefined,
    spacing:
      p.type === 'PARAGRAPH' && (p.spacingBefore !== undefined || p.spacingAfter !== undefined)
        ? { before: pt(p.spacingBefore ?? 0), after: pt(p.spacingAfter ?? 0) }
        : undefined,
    numbering: p.type === 'LIST_ITEM' ? { reference: 'bullets', level: Math.min(p.nesting, 8) } : undefined,
    children: runs(p.text, p.style, font),
  });
}

function table(t: TableModel, width: number, font: { ascii: string; eastAsia: string }): Table {
  const given = t.columnWidths.map((w) => (w ? pt(w) : 0));
  const free = given.filter((w) => w === 0).length;
  const rest = Math.max(0, width - given.reduce((a, w) => a + w, 0));
  const widths = given.map((w) => w || Math.floor(rest / Math.max(1, free)));
  const border = {
    style: BorderStyle.SINGLE,
    size: Math.max(2, Math.round((t.borderWidth ?? 0.5) * 8)),
    color: color(t.borderColor ?? '#000000')!,
  };
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, w) => a + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: t.rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          cantSplit: true,
          children: row.map(
            (c, i) =>
              new TableCell({
                width: { size: widths[i] ?? 0, type: WidthType.DXA },
                shading: c.background
                  ? { type: ShadingType.CLEAR, fill: color(c.background)!, color: 'auto' }
                  : undefined,
                margins: { top: 40, bottom: 40, left: 80, right: 80 },
                children: [
                  new Paragraph({
                    alignment: c.alignment ? ALIGN[c.alignment] : undefined,
                    // An exact line height: rows with Chinese text (taller CJK font metrics) stay as tall as others.
                    spacing: {
                      before: 0,
                      after: 0,
                      line: pt(Math.round((c.style.fontSize ?? 10.5) * 1.4)),
                      lineRule: LineRuleType.EXACT,
                    },
                    children: runs(c.text, c.style, font),
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

function blocks(els: DocElementModel[], width: number, font: { ascii: string; eastAsia: string }) {
  const out: (Paragraph | Table)[] = [];
  els.forEach((e, i) => {
    if (e.type === 'TABLE') {
      out.push(table(e, width, font));
      // Word needs a paragraph between adjacent tables; Google Docs keeps one after a table.
      if (els[i + 1]?.type === 'TABLE' || i === els.length - 1) out.push(new Paragraph({ children: [] }));
    } else out.push(paragraph(e, font));
  });
  return out;
}

/** The document as .docx bytes. */
export async function documentToDocx(doc: LocalDocument, opts: DocxOptions = {}): Promise<Buffer> {
  const font = { ascii: opts.latinFont ?? 'Arial', eastAsia: opts.eastAsiaFont ?? 'Microsoft YaHei' };
  const width = A4.width - pt(doc.margins.left) - pt(doc.margins.right);
  const header = (doc.header ?? []).filter(
    (e) => e.type === 'TABLE' || e.text !== '' || (e.type === 'PARAGRAPH' && e.image),
  );
  const runFont = { ascii: font.ascii, hAnsi: font.ascii, eastAsia: font.eastAsia, cs: font.ascii };
  const heading = (size: number, colour: string, before: number, after: number, bold = true) => ({
    run: { size: size * 2, bold, color: colour, font: runFont },
    paragraph: { spacing: { before: pt(before), after: pt(after) }, keepNext: true },
  });
  const d = new Document({
    title: doc.name,
    creator: doc.owner,
    styles: {
      default: {
        document: {
          run: {
            size: (doc.bodyStyle.fontSize ?? 10.5) * 2,
            font: runFont,
            color: '222222',
            language: { value: 'en-US', eastAsia: 'zh-CN' },
          },
          paragraph: { spacing: { after: pt(4), line: 264, lineRule: LineRuleType.AUTO } },
        },
        title: heading(20, '1F3F66', 0, 4),
        heading1: heading(14, '1F4E79', 16, 6),
        heading2: heading(12, '1F4E79', 12, 6),
        heading3: heading(11, '333333', 10, 4),
      },
      paragraphStyles: [
        {
          id: 'Subtitle',
          name: 'Subtitle',
          basedOn: 'Normal',
          next: 'Normal',
          run: { size: 22, color: '5F6B7A', font: runFont },
          paragraph: { spacing: { after: pt(10) } },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.BULLET,
            text: level % 2 ? '◦' : '•',
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 260 } } },
          })),
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: {
              top: pt(doc.margins.top),
              bottom: pt(doc.margins.bottom),
              left: pt(doc.margins.left),
              right: pt(doc.margins.right),
              header: pt(28),
            },
          },
        },
        headers: header.length
          ? { default: new Header({ children: blocks(header, width, font) }) }
          : undefined,
        children: blocks(doc.body, width, font),
      },
    ],
  });
  return Packer.toBuffer(d);
}
